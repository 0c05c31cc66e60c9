"""Shared set-up for the grading tests: a grading folder with the fixture assignment ``ps1``."""

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


def make_folder(base: Path, students: list[str], timeout: int = 6) -> Path:
    """init + roster + generate_assignment, through the CLI; returns the grading folder."""
    repo = corpus.make_repo(base / "repo", timeout=timeout)
    folder = base / "grading"
    assert cli.main(["init", str(folder), "--repo", str(repo)]) == 0
    roster = corpus.write_roster(base / "roster.csv", students)
    assert cli.main(["db", "student", "import", str(roster), "--folder", str(folder)]) == 0
    assert cli.main(["generate_assignment", corpus.ASSIGNMENT, "--folder", str(folder)]) == 0
    return folder


def read_status(folder: Path) -> dict[str, dict[str, str]]:
    import csv

    with next((folder / "reports").glob("*/status.csv")).open() as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle)}
