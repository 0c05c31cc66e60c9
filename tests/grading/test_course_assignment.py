"""The course's real graded exercise through netnot-grade: a correct student gets full marks, an
untouched student version gets 0, both with status ok, in the sandbox."""

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
NAME = "02-not-a-quick-fix"
SOURCE = ROOT / "solutions" / NAME / f"{NAME}.ipynb"


def _answers_from_source(release: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The release notebook with every answer cell filled in from the instructor's source."""
    source = nbformat.read(SOURCE, as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    filled = copy.deepcopy(release)
    for cell in filled.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
    return filled


def test_course_exercise_full_marks_for_answers_and_zero_for_blank(tmp_path):
    require_sandbox()
    assert SOURCE.exists(), "the course's graded exercise should be in solutions/"
    folder = tmp_path / "grading"
    assert cli.main(["init", str(folder), "--repo", str(ROOT), "--assignment", NAME]) == 0
    roster = tmp_path / "roster.csv"
    roster.write_text("id,last_name,first_name,email\nsolver,S,Ann,\nblank,B,Bo,\n")
    assert cli.main(["db", "student", "import", str(roster), "--folder", str(folder)]) == 0
    assert cli.main(["generate_assignment", NAME, "--folder", str(folder)]) == 0
    release = nbformat.read(folder / "release" / NAME / f"{NAME}.ipynb", as_version=4)
    for student, nb in (("solver", _answers_from_source(release)), ("blank", release)):
        target = folder / "submitted" / student / NAME
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{NAME}.ipynb")
    assert cli.main(["autograde", NAME, "--folder", str(folder), "--quiet"]) == 0
    rows = read_status(folder)
    assert rows["solver"]["status"] == rows["blank"]["status"] == "ok", rows
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        solver, blank = gb.find_submission(NAME, "solver"), gb.find_submission(NAME, "blank")
        assert solver.max_code_score > 0
        assert solver.code_score == solver.max_code_score  # every autograded test passes
        assert blank.code_score == 0
        # the report shows nbgrader's total (manually graded answers count 0 until graded)
        assert float(rows["solver"]["score"]) == solver.score
        assert rows["solver"]["needs_manual"] == ("yes" if solver.needs_manual_grade else "no")
