"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import course_paths  # noqa: F401 - puts scripts/ and this environment's commands on the paths
import pytest


@pytest.fixture
def store(tmp_path):
    from netnot.progress import ProgressStore

    return ProgressStore(tmp_path)
