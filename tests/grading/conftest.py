"""Fixtures of the grading tests."""

from __future__ import annotations

import pytest
from grading_helpers import build_template


@pytest.fixture(scope="session")
def ps1_template(tmp_path_factory):
    """A grading folder with ps1 generated (no roster): copy it with make_folder()."""
    return build_template(tmp_path_factory.mktemp("ps1-template"))


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """This test's own temp folder (working copies, kernels): safe to inspect in parallel."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
