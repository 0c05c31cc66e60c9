"""Late penalties: a fixed number of points off per started hour late, and setting a due date.

nbgrader's ``AssignLatePenalties`` calls the configured plugin at autograde time with the
notebook's autograded score and the seconds late (from ``timestamp.txt`` and the due date in
the gradebook); nbgrader caps the penalty at that score. ``set_due`` writes both settings:
the due date into the gradebook, the plugin into the late-penalty block of the grading
folder's ``nbgrader_config.py`` (which ``init`` keeps).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float

from .folder import GradingFolder
from .lms import parse_timestamp


class SubMarksPerHour(LateSubmissionPlugin):
    """``points_per_hour`` off for every started hour late (1 minute late = 1 hour)."""

    points_per_hour = Float(1.0, help="points off per started hour late").tag(config=True)

    def late_submission_penalty(self, student_id: str, score: float,
                                total_seconds_late: float) -> float | None:
        if total_seconds_late <= 0:
            return None
        return penalty(total_seconds_late, self.points_per_hour)


def penalty(seconds_late: float, points_per_hour: float) -> float:
    """Points off for ``seconds_late`` (before nbgrader caps it at the score)."""
    return math.ceil(seconds_late / 3600) * points_per_hour if seconds_late > 0 else 0.0


def set_due(folder: GradingFolder, assignment: str, due: str, points_per_hour: float,
            timezone: str = "UTC") -> datetime:
    """Store the due date in the gradebook and the penalty in nbgrader_config.py; returns
    the due date in UTC. Run it before autograde (penalties are assigned while grading)."""
    when = parse_timestamp(due, timezone)
    with folder.gradebook() as gb:
        naive_utc = when.astimezone(UTC).replace(tzinfo=None)
        gb.update_or_create_assignment(assignment, duedate=naive_utc)
    folder.set_config_block("late penalty", [
        f'c.AssignLatePenalties.plugin_class = "{SubMarksPerHour.__module__}.SubMarksPerHour"',
        f"c.SubMarksPerHour.points_per_hour = {float(points_per_hour)!r}"])
    return when.astimezone(UTC)
