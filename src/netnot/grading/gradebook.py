"""Scores read from nbgrader's gradebook, split into the automatic and the hand-graded part.

nbgrader's own total (``SubmittedAssignment.score``) adds both; an autograde report that
compares it with the whole assignment's points reads 7/10 for a perfect autograde. Here a
grade cell is *automatic* if it is an autograder test (a grade cell that is not also a solution
cell or a task); every other grade cell is graded by a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from nbgrader.api import MissingEntry

from .folder import GradingFolder
from .startup import find_alembic  # noqa: F401 - scripts/release.py imports it from here


@dataclass(frozen=True)
class Score:
    auto_score: float  # points the autograder gave
    auto_max: float  # points the autograder can give
    manual_max: float  # points a person grades (written answers)
    needs_manual: bool  # a written answer still waits for a person
    total: float  # nbgrader's total: automatic plus manual points given so far


@dataclass(frozen=True)
class Points:
    auto_max: float
    manual_max: float


def manual_cells(record) -> set[tuple[str, str]]:
    """(notebook, grade cell) pairs of an nbgrader Assignment that a person grades."""
    found = set()
    for notebook in record.notebooks:
        solutions = {cell.name for cell in notebook.solution_cells}
        found |= {(notebook.name, cell.name) for cell in notebook.grade_cells
                  if cell.name in solutions}
        found |= {(notebook.name, cell.name) for cell in notebook.task_cells}
    return found


def points(folder: GradingFolder, assignment: str) -> Points:
    """The assignment's automatic and hand-graded points (FolderError if not generated)."""
    with folder.assignment_record(assignment) as (_, record):
        manual = manual_cells(record)
        auto = manual_max = 0.0
        for notebook in record.notebooks:
            for cell in [*notebook.grade_cells, *notebook.task_cells]:
                if (notebook.name, cell.name) in manual:
                    manual_max += float(cell.max_score)
                else:
                    auto += float(cell.max_score)
        return Points(auto, manual_max)


def score(folder: GradingFolder, assignment: str, student: str) -> Score | None:
    """The student's score in the gradebook, or None if nbgrader holds no submission."""
    with folder.gradebook() as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        manual = manual_cells(sub.assignment)
        auto = auto_max = manual_max = 0.0
        for notebook in sub.notebooks:
            for grade in notebook.grades:
                if (notebook.name, grade.name) in manual:
                    manual_max += float(grade.max_score)
                else:
                    auto += float(grade.score)
                    auto_max += float(grade.max_score)
        return Score(auto, auto_max, manual_max, bool(sub.needs_manual_grade), float(sub.score))
