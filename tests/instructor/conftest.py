"""Fixtures for the instructor tests: a small grading folder made without nbgrader's CLI."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from classroom import ASSIGNMENT

from netnot.grading.folder import GradingFolder
from netnot.grading.startup import prepare_process


@pytest.fixture(scope="session")
def small_template(tmp_path_factory):
    """Made once per test process: a new gradebook costs seconds (nbgrader runs alembic)."""
    prepare_process()  # what netnot-grade does first: puts this venv's alembic on PATH
    root = tmp_path_factory.mktemp("small") / "grading"
    (root / "release" / ASSIGNMENT).mkdir(parents=True)
    release = root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), release)
    (root / "nbgrader_config.py").write_text(
        'c = get_config()  # noqa: F821\nc.CourseDirectory.course_id = "test-course"\n')
    with GradingFolder(root).gradebook() as gb:
        for student in ("101", "102", "s03"):
            gb.update_or_create_student(student)
    return root


@pytest.fixture
def small_folder(small_template, tmp_path):
    """A grading folder with a roster of three and a released (empty) notebook."""
    root = tmp_path / "grading"
    shutil.copytree(small_template, root)
    return GradingFolder(root)
