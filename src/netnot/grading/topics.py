"""Which misconception each graded cell checks: the table behind the class report.

The table itself is declared once, with the lessons, in :mod:`netnot.course`; this module is the
grading side's view of it. A test fails when an assignment in solutions/ has a graded cell
that the course does not declare.
"""

from __future__ import annotations

from netnot.course import MYTHS, Part, graded_part

TOPICS = MYTHS


def check_for(assignment: str, grade_id: str) -> Part:
    """The myth and belief of one graded cell (KeyError names what is missing)."""
    return graded_part(assignment, grade_id)
