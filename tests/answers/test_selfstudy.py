"""Worked solutions: in a self-study release, one click away under every part; in the graded
release (what exercises/ holds, and what netnot-grade and nbgrader generate), nowhere."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from netnot.answers.selfstudy import region

from . import exercise02 as ex


def solution_lines(path: Path) -> set[str]:
    """Distinctive lines of every solution region of a source notebook."""
    lines = set()
    for cell in nbformat.read(path, as_version=4).cells:
        for line in region(cell.source).splitlines():
            text = re.sub(r"<!--|-->|^#\s*", "", line).strip()
            if len(text) > 12:
                lines.add(text)
    return lines


def test_the_graded_release_holds_no_worked_solution():
    lines = solution_lines(ex.SOURCE)
    assert len(lines) >= 8, "the source should carry worked solutions"
    text = ex.RELEASE.read_text(encoding="utf-8")
    shown = {line for line in lines if line in text or line.replace('"', '\\"') in text}
    assert shown == set(), f"solution text in the graded release: {sorted(shown)[:3]}"
    assert "worked solution" not in text.lower() and "Marking guide" not in text


@pytest.mark.slow
def test_a_self_study_release_adds_a_worked_solution_under_every_part(tmp_path):
    from release import generate_self_study

    generate_self_study([ex.ASSIGNMENT], tmp_path)
    nb = nbformat.read(tmp_path / ex.ASSIGNMENT / ex.NOTEBOOK, as_version=4)
    graded = nbformat.read(ex.RELEASE, as_version=4)
    worked = {c.id: i for i, c in enumerate(nb.cells) if c.id.startswith("worked-solution-")}
    assert sorted(worked) == [f"worked-solution-{p}" for p in
                              ("part-a", "part-b", "part-c", "part-d-answer")]
    right = ex.right()
    for part, index in worked.items():
        cell, before = nb.cells[index], nb.cells[index - 1].metadata.get("nbgrader", {})
        assert cell.source.startswith("<details>") and "</details>" in cell.source
        key = part.removeprefix("worked-solution-")
        if key == "part-d-answer":
            assert before["grade_id"] == "part-d-answer" and "Marking guide" in cell.source
        else:
            assert before["grade_id"] == f"{key}-check", "shown after the part's check"
            assert f"**The answer:** {right[key]}" in cell.source
            assert "part.submit(" in cell.source
    others = [c for c in nb.cells if not c.id.startswith("worked-solution-")]
    assert [c.source for c in others] == [c.source for c in graded.cells]
