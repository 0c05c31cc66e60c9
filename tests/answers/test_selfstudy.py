"""Worked solutions: in a self-study release, one click away under every part; in the graded
release (what exercises/ holds, and what netnot-grade and nbgrader generate), nowhere."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from netnot.answers.selfstudy import region

from . import learners


def solution_lines(path: Path) -> set[str]:
    """Distinctive lines of every solution region of a source notebook."""
    lines = set()
    for cell in nbformat.read(path, as_version=4).cells:
        for line in region(cell.source).splitlines():
            text = re.sub(r"<!--|-->|^#\s*", "", line).strip()
            if len(text) > 12:
                lines.add(text)
    return lines


@pytest.mark.parametrize("name", learners.NAMES)
def test_the_graded_release_holds_no_worked_solution(name):
    ex = learners.exercise(name).EX
    lines = solution_lines(ex.source)
    assert len(lines) >= 8, "the source should carry worked solutions"
    text = ex.release.read_text(encoding="utf-8")
    shown = {line for line in lines if line in text or line.replace('"', '\\"') in text}
    assert shown == set(), f"solution text in the graded release: {sorted(shown)[:3]}"
    assert "worked solution" not in text.lower() and "Marking guide" not in text


@pytest.mark.slow
def test_a_self_study_release_adds_a_worked_solution_under_every_part(tmp_path):
    from release import generate_self_study

    generate_self_study(list(learners.NAMES), tmp_path)
    for name in learners.NAMES:
        module = learners.exercise(name)
        ex = module.EX
        nb = nbformat.read(tmp_path / name / ex.notebook, as_version=4)
        graded = nbformat.read(ex.release, as_version=4)
        worked = {c.id: i for i, c in enumerate(nb.cells) if c.id.startswith("worked-solution-")}
        assert sorted(worked) == sorted(f"worked-solution-{p}" for p in ex.kinds), name
        for part, index in worked.items():
            cell = nb.cells[index]
            before, after = (nb.cells[index + d].metadata.get("nbgrader", {}) for d in (-1, 1))
            assert cell.source.startswith("<details>") and "</details>" in cell.source
            key = part.removeprefix("worked-solution-")
            if key == ex.written:
                assert before["grade_id"] == ex.written and "Marking guide" in cell.source
            else:
                assert before.get("grade") and not after.get("grade"), \
                    f"{name} {key}: shown after the part's last check"
                assert "**The answer:**" in cell.source and "part.submit(" in cell.source
        others = [c for c in nb.cells if not c.id.startswith("worked-solution-")]
        assert [c.source for c in others] == [c.source for c in graded.cells], name
    right = learners.exercise("02").right()
    pilot = nbformat.read(tmp_path / "02-not-a-quick-fix" / "02-not-a-quick-fix.ipynb",
                          as_version=4)
    assert f"**The answer:** {right['part-a']} weeks" in "\n".join(c.source for c in pilot.cells)
