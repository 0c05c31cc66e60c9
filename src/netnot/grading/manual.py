"""Scripted manual grading (for tests and quick fixes): nbgrader's Gradebook API.

Day to day, reflections are graded in nbgrader's formgrader (see docs/instructors.md); this
does the same thing a formgrader click does: set ``manual_score`` on the cell's grade.
"""

from __future__ import annotations

from nbgrader.api import MissingEntry

from .folder import GradingFolder


def set_manual_score(folder: GradingFolder, assignment: str, student: str, grade_id: str,
                     score: float, comment: str | None = None,
                     notebook: str | None = None) -> float:
    """Give ``student`` ``score`` points on the graded cell ``grade_id``; returns the new
    assignment score. The notebook defaults to the assignment's only notebook."""
    notebook = notebook or _only_notebook(folder, assignment)
    with folder.gradebook() as gb:
        try:
            grade = gb.find_grade(grade_id, notebook, assignment, student)
        except MissingEntry:
            raise ValueError(f"no graded submission of {assignment} by {student} with a cell "
                             f"{grade_id!r}: autograde it first") from None
        if not 0 <= score <= grade.max_score:
            raise ValueError(f"{grade_id} is worth 0 to {grade.max_score:g} points; got {score}")
        grade.manual_score = score
        grade.needs_manual_grade = False  # what formgrader does when a score is saved
        if comment is not None:
            try:
                gb.find_comment(grade_id, notebook, assignment, student).manual_comment = comment
            except MissingEntry:
                pass
        gb.db.commit()
        return float(gb.find_submission(assignment, student).score)


def pending(folder: GradingFolder, assignment: str) -> list[tuple[str, str]]:
    """(student, grade_id) of every graded cell still waiting for a person."""
    out = []
    with folder.gradebook() as gb:
        try:
            submissions = gb.assignment_submissions(assignment)
        except MissingEntry:
            return []
        for sub in submissions:
            for nb in sub.notebooks:
                out += [(sub.student_id, g.name) for g in nb.grades if g.needs_manual_grade]
    return sorted(out)


def _only_notebook(folder: GradingFolder, assignment: str) -> str:
    names = folder.release_notebooks(assignment)
    if len(names) != 1:
        raise ValueError(f"{assignment} has notebooks {names}: say which one")
    return names[0][: -len(".ipynb")]
