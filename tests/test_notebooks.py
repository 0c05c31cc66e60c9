"""Every notebook is clean, and the student versions are exactly what nbgrader generates.

(The notebooks in course/ and solutions/ are also *run* by nbval: see pyproject.toml.)
"""

from __future__ import annotations

import json

import nbformat
import pytest
from course_paths import ROOT, assignments, notebooks

from netnot.course import LESSONS

ALL = notebooks("course") + notebooks("solutions") + notebooks("exercises")


def test_there_are_notebooks_and_assignments():
    assert len(notebooks("course")) >= 2
    assert assignments(), "no assignment found in solutions/"


def test_every_lesson_in_the_course_map_has_its_notebook():
    for lesson in LESSONS:
        assert (ROOT / "course" / f"{lesson.id}.ipynb").exists(), lesson.id
        if lesson.graded:
            assert (ROOT / "solutions" / lesson.id / f"{lesson.id}.ipynb").exists(), lesson.id


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_hygiene(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"stored outputs in {path.name}: clear them"
            assert cell.execution_count is None, f"stored execution count in {path.name}"
    assert "widgets" not in notebook.metadata, f"stored widget state in {path.name}"


def test_exercises_are_exactly_what_nbgrader_generates(tmp_path):
    from release import generate

    names = assignments()
    generate(names, tmp_path)
    expected = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    actual = sorted(p.relative_to(ROOT / "exercises")
                    for p in (ROOT / "exercises").rglob("*") if p.is_file())
    assert actual == expected, "exercises/ has extra or missing files: run scripts/release.py"
    for relative in expected:
        fresh = json.loads((tmp_path / relative).read_text(encoding="utf-8"))
        committed = json.loads((ROOT / "exercises" / relative).read_text(encoding="utf-8"))
        assert committed == fresh, f"exercises/{relative} drifted: run scripts/release.py"
