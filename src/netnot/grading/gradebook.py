"""Thin calls into nbgrader's API: roster, generate_assignment, scores."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.api import NbGraderAPI
from nbgrader.coursedir import CourseDirectory

from .folder import FolderError, GradingFolder


def find_alembic() -> None:
    """nbgrader runs the `alembic` command to create a gradebook: put this venv's bin on PATH."""
    bindir = os.path.dirname(sys.executable)
    if shutil.which("alembic") is None and os.path.exists(os.path.join(bindir, "alembic")):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


find_alembic()


def _api(folder: GradingFolder) -> NbGraderAPI:
    config = folder.config()
    config.CourseDirectory.root = str(folder.root)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def import_roster(folder: GradingFolder, rows: list[dict[str, str]]) -> int:
    """Create or update each student in the gradebook; returns how many."""
    with Gradebook(folder.db_url, folder.course_id()) as gb:
        for row in rows:
            gb.update_or_create_student(row["id"], last_name=row["last_name"] or None,
                                        first_name=row["first_name"] or None,
                                        email=row["email"] or None)
    return len(rows)


def roster(folder: GradingFolder) -> list[str]:
    with Gradebook(folder.db_url, folder.course_id()) as gb:
        return sorted(s.id for s in gb.students)


def generate_assignment(folder: GradingFolder, assignment: str) -> str:
    """nbgrader generate_assignment (creates the assignment in the gradebook); returns its log."""
    if not folder.source(assignment).is_dir():
        raise FolderError(f"no source/{assignment}/ in {folder.root}")
    result = _api(folder).generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise FolderError(f"nbgrader generate_assignment failed:\n{result.get('error', '')}\n"
                          f"{result.get('log', '')}")
    return result.get("log", "")


@dataclass(frozen=True)
class Score:
    score: float
    max_score: float
    needs_manual: bool


def max_score(folder: GradingFolder, assignment: str) -> float:
    with Gradebook(folder.db_url, folder.course_id()) as gb:
        try:
            return float(gb.find_assignment(assignment).max_score)
        except MissingEntry as err:
            raise FolderError(f"assignment {assignment!r} is not in the gradebook: run "
                              f"`netnot-grade generate_assignment {assignment}`") from err


def score(db_url: str, course_id: str, assignment: str, student: str) -> Score | None:
    """The student's score in the gradebook, or None if nbgrader holds no submission."""
    with Gradebook(db_url, course_id) as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        return Score(float(sub.score), float(sub.max_score), bool(sub.needs_manual_grade))
