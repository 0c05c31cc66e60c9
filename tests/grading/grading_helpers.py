"""Shared set-up for the grading tests: a grading folder with the fixture assignment ``ps1``.

Making a grading folder (init, a new gradebook, generate_assignment) takes seconds, so it is
made once per test process (``conftest.ps1_template``) and copied for each class.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402

from netnot.grading import cli  # noqa: E402


def require_sandbox() -> None:
    """Skip only on a developer machine without bubblewrap; in CI (CI=true) never skip."""
    if shutil.which("bwrap") is None and os.environ.get("NETNOT_BWRAP") is None:
        if os.environ.get("CI") != "true":
            pytest.skip("bubblewrap is not installed here (CI installs Debian 'bubblewrap')")


def build_template(base: Path) -> Path:
    """init + generate_assignment through the CLI, no roster; returns the grading folder."""
    repo = corpus.make_repo(base / "repo")
    folder = base / "grading"
    assert cli.main(["init", str(folder), "--repo", str(repo)]) == 0
    assert cli.main(["generate_assignment", corpus.ASSIGNMENT, "--folder", str(folder)]) == 0
    return folder


def make_folder(template: Path, base: Path, students: list[str], timeout: int = 6) -> Path:
    """A copy of the template (and its repo) in ``base`` with this roster and cell timeout."""
    shutil.copytree(template.parent / "repo", base / "repo")
    folder = base / "grading"
    shutil.copytree(template, folder)
    corpus.set_cell_timeout(folder, timeout)
    roster = corpus.write_roster(base / "roster.csv", students)
    assert cli.main(["db", "student", "import", str(roster), "--folder", str(folder)]) == 0
    return folder


def read_status(folder: Path, assignment: str = corpus.ASSIGNMENT) -> dict[str, dict[str, str]]:
    import csv

    with (folder / "reports" / assignment / "status.csv").open() as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle)}
