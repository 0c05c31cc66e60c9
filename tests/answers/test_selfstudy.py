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


# Three exercises with every kind of answer between them (numbers, tick boxes, choices, a rule,
# a range, a plan, written parts): generating runs each one's solution, a few seconds apiece.
SELF_STUDY = ("01-not-begging", "05-switching-strategies", "06-your-plan")


@pytest.mark.slow
def test_a_self_study_release_adds_a_worked_solution_under_every_part(tmp_path):
    from release import generate_self_study

    generate_self_study(list(SELF_STUDY), tmp_path)
    for name in SELF_STUDY:
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
    right = learners.exercise("01").right()
    first = nbformat.read(tmp_path / "01-not-begging" / "01-not-begging.ipynb", as_version=4)
    shown = re.search(r"\*\*The answer:\*\* ([\d.]+) referrals",
                      "\n".join(c.source for c in first.cells))
    assert shown and abs(float(shown[1]) - float(right["part-a"])) < 0.05, shown
