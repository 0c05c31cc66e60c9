"""The course's real graded exercises through netnot-grade: a student who writes the instructor's
answers gets full automatic marks, an untouched student version gets 0, both with status ok and
no flags, in the sandbox."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest
from grading_helpers import read_status, require_sandbox
from nbgrader.api import Gradebook

from netnot.grading import cli

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
NAMES = sorted(p.parent.name for p in (ROOT / "solutions").glob("*/*.ipynb")
               if p.stem == p.parent.name)


def test_the_first_graded_exercise_is_there():
    assert "02-not-a-quick-fix" in NAMES


def _answers_from_source(release: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The release notebook with every answer cell filled in from the instructor's source."""
    source = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    filled = copy.deepcopy(release)
    for cell in filled.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
    return filled


@pytest.fixture(scope="module")
def course_folder(tmp_path_factory):
    """One grading folder for every exercise of the course (made once: a gradebook is slow)."""
    base = tmp_path_factory.mktemp("course")
    folder = base / "grading"
    assert cli.main(["init", str(folder), "--repo", str(ROOT)]) == 0
    roster = base / "roster.csv"
    roster.write_text("id,last_name,first_name,email\nsolver,S,Ann,\nblank,B,Bo,\n")
    assert cli.main(["db", "student", "import", str(roster), "--folder", str(folder)]) == 0
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_course_exercise_full_marks_for_answers_and_zero_for_blank(course_folder, name):
    require_sandbox()
    folder = course_folder
    assert cli.main(["generate_assignment", name, "--folder", str(folder)]) == 0
    release = nbformat.read(folder / "release" / name / f"{name}.ipynb", as_version=4)
    for student, nb in (("solver", _answers_from_source(release, name)), ("blank", release)):
        target = folder / "submitted" / student / name
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{name}.ipynb")
    assert cli.main(["autograde", name, "--folder", str(folder), "--quiet"]) == 0
    rows = read_status(folder, name)
    assert rows["solver"]["status"] == rows["blank"]["status"] == "ok", rows
    assert rows["solver"]["flags"] == rows["blank"]["flags"] == "", rows
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        solver, blank = gb.find_submission(name, "solver"), gb.find_submission(name, "blank")
        assert solver.max_code_score > 0
        assert solver.code_score == solver.max_code_score  # every autograded test passes
        assert blank.code_score == 0
        # status.csv keeps the automatic part and the part a person grades apart: a perfect
        # autograde reads full marks, not "7 of 10"
        auto, manual = float(rows["solver"]["max_score"]), float(rows["solver"]["manual_points"])
        assert auto + manual == solver.max_score and auto > 0
        assert float(rows["solver"]["score"]) == auto
        assert float(rows["blank"]["score"]) == 0
        assert rows["solver"]["needs_manual"] == ("yes" if solver.needs_manual_grade else "no")
