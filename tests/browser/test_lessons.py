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

    # Every lesson has formative questions with instant feedback (course standard).
    assert page.locator(f"{drive.PANEL} .nin-check").count() >= 1, "the lesson has no check"
    with_button = page.locator(f"{drive.PANEL} .nin-check:has(button)")
    if with_button.count():
        choice = page.locator(f"{drive.PANEL} .nin-check:has(input[type=radio])")
        check = choice.first if choice.count() else with_button.first
        before, after = drive.answer_check(page, check)
        drive.shot(check, folder, "3-check-feedback")
        assert after and after != before, "pressing the check's button showed no feedback"
        assert re.search(r"[✓✗•] (Correct|Not quite|Noted)", after), f"odd feedback: {after!r}"
    reflections = page.locator(f"{drive.PANEL} .nin-check:has(textarea)")
    if reflections.count():
        saved = drive.type_reflection(page, reflections.first, "Written by the browser test.")
        assert saved in {"Saved.", "Saved"} or saved.startswith("⚠"), f"odd status: {saved!r}"

    drive.shot(page, folder, "4-end")
    late = drive.problems(drive.summary(page))
    assert not late, "after interacting:\n" + "\n".join(late)
    assert not page.console_errors, "browser console errors:\n" + "\n".join(page.console_errors)
