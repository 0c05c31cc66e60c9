"""Every lesson in course/ in a real JupyterLab and Chromium: it runs with no error outputs, its
widgets render, a slider moved with the keyboard alone changes the figure, and a formative
check gives feedback. Screenshots go to test-artifacts/browser/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import labdriver as drive
import pytest
from labdriver import ARTIFACTS, COURSE

LESSONS = sorted(COURSE.glob("*.ipynb"))
CHECK_CLASSES = re.compile(r"\b(MultipleChoice|PredictThenReveal|SortIntoGroups)\b|\bcheck\w*\(")


def code_of(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def test_there_are_lessons_to_test() -> None:
    assert LESSONS, f"no lesson notebooks in {COURSE}"


@pytest.mark.browser
@pytest.mark.parametrize("notebook", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_in_jupyterlab(page, lab, notebook: Path) -> None:
    code = code_of(notebook)
    expects_explorer = re.search(r"explorer", code, re.IGNORECASE) is not None
    expects_check = CHECK_CLASSES.search(code) is not None
    folder = ARTIFACTS / notebook.stem

    drive.open_notebook(page, lab.url, notebook.name)
    drive.run_all(page)
    report = drive.summary(page)
    drive.shot(page, folder, "1-after-run-all")
    assert not drive.problems(report), "\n".join(drive.problems(report))
    assert report["widgets"] > 0, "no widget rendered in the lesson"

    explorers = page.locator(f"{drive.PANEL} .nin-explorer")
    if expects_explorer:
        assert explorers.count() >= 1, "the lesson builds an explorer but none is on the page"
    with_slider = page.locator(f"{drive.PANEL} .nin-explorer:has(.noUi-handle)")
    if with_slider.count():
        explorer = with_slider.first
        image = explorer.locator(".nin-figure img.nin-plot")
        assert image.count() == 1, "the explorer shows no <img class='nin-plot'>"
        moved = drive.move_slider_with_keyboard(page, explorer)
        drive.shot(explorer, folder, "2-explorer-after-keyboard")
        before, after = moved["before"], moved["after"]
        assert after["value"] != before["value"], f"{moved['key']} did not move the slider"
        assert after["src"] != before["src"], (
            f"slider moved {before['value']} -> {after['value']} but the figure did not change"
        )
        assert before["alt"] and after["alt"], "the figure has no alt text"
    elif expects_explorer:
        pytest.fail("the lesson's explorer has no slider to move with the keyboard")

    checks = page.locator(f"{drive.PANEL} .nin-check:has(button)")
    if expects_check:
        assert checks.count() >= 1, "the lesson builds a check but none is on the page"
    if checks.count():
        choice = page.locator(f"{drive.PANEL} .nin-check:has(input[type=radio])")
        check = choice.first if choice.count() else checks.first
        before, after = drive.answer_check(page, check)
        drive.shot(check, folder, "3-check-feedback")
        assert after and after != before, "pressing the check's button showed no feedback"
        assert re.search(r"[✓✗•]", after), f"feedback without its mark: {after!r}"

    drive.shot(page, folder, "4-end")
    late = drive.problems(drive.summary(page))
    assert not late, "after interacting:\n" + "\n".join(late)
