"""Paths and helpers shared by the top-level tests (import: ``from course_paths import ...``)."""

from __future__ import annotations

import sys
from pathlib import Path

from netnot.grading.gradebook import find_alembic

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
find_alembic()  # nbgrader runs this environment's `alembic` command


def notebooks(folder: str) -> list[Path]:
    return sorted((ROOT / folder).glob("**/*.ipynb"))


def assignments() -> list[str]:
    from release import assignments as found

    return found(ROOT)
