"""Fixtures for the instructor tests: a small grading folder made without nbgrader's CLI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest

os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
from classroom import ASSIGNMENT


@pytest.fixture
def small_folder(tmp_path):
    """A grading folder with a roster of three and a released (empty) notebook."""
    from netnot.grading import classfolder

    root = tmp_path / "grading"
    (root / "release" / ASSIGNMENT).mkdir(parents=True)
    release = root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), release)
    (root / "nbgrader_config.py").write_text(
        'c = get_config()  # noqa: F821\nc.CourseDirectory.course_id = "test-course"\n')
    with classfolder.gradebook(root) as gb:
        for student in ("101", "102", "s03"):
            gb.update_or_create_student(student)
    return root
