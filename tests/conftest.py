"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import course_paths  # noqa: F401 - puts scripts/ and this environment's commands on the paths
import pytest


@pytest.fixture
def store(tmp_path):
    from netnot.progress import ProgressStore

    return ProgressStore(tmp_path)


def pytest_collection_modifyitems(config, items) -> None:
    """Files with slow or browser tests first: pytest-xdist (``--dist loadfile``) hands whole
    files to its workers in this order, so the long files start early and short ones fill the
    gaps at the end. The order within a file, and among the fast files, is unchanged."""
    heavy = {item.path for item in items
             if item.get_closest_marker("slow") or item.get_closest_marker("browser")}
    items.sort(key=lambda item: item.path not in heavy)
