"""Learners answer all six exercises with widgets only, in a real JupyterLab and Chromium, save,
and hand in ONLY the .ipynb files through LMS zips; the grader needs no browser.

One test, one page load per exercise: open it as a student, Run All (no traceback, every check
says "not answered yet"), answer every widget part correctly (typing, clicking, choosing, the
keyboard on sliders), save with Ctrl+S and collect the saved notebook. An untouched learner is
derived from that saved notebook (its answer outputs emptied), so the browser does the part only
a browser can do. Then one fresh grading folder; per exercise a Canvas-style zip of its
notebooks (an LMS download is per assignment), netnot-grade's zip_collect and autograde: the
answers saved by JupyterLab get full automatic marks, untouched 0 with status ok and no
traceback. (Wrong and hand-edited answers, and every other learner, are graded from notebooks
saved by a kernel in tests/answers/test_widget_grading.py.)
Screenshots, the saved notebooks and the timings go to test-artifacts/browser/exercise-answers/.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import time
import zipfile
from pathlib import Path

import pytest

from . import labdriver as drive
from .labdriver import ARTIFACTS, PANEL, ROOT

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "grading"))
from answers import learners  # noqa: E402 - tests/answers is a package
from grading_helpers import require_sandbox  # noqa: E402

from netnot.answers.record import harvest, part_label  # noqa: E402
from netnot.grading import cli  # noqa: E402

FOLDER = ARTIFACTS / "exercise-answers"
STUDENTS = {"1001": "right", "1003": "untouched"}


def box(page, part: str):
    return page.locator(f"{PANEL} .netnot-answer-{part}")


def press(handle, key: str, times: int) -> None:
    for _ in range(times):
        handle.press(key)


def give(page, part: str, kind: str, value, widget) -> None:
    """Answer one part as a learner does. ``widget`` is the same box built in this process (for
    the order of its options and the labels of its choices)."""
    here = box(page, part)
    if kind == "number":
        field = here.locator("input").first
        field.fill(value)
        field.press("Enter")
    elif kind == "text":
        here.locator("textarea").fill(value)
    elif kind == "choice":
        here.locator(".widget-radio-box label").nth(list(widget.options).index(value)).click()
    elif kind == "choices":
        for index, key in enumerate(widget.options):
            if key in value:
                here.locator("input[type=checkbox]").nth(index).check()
    elif kind == "range":
        for index, text in enumerate(value):
            field = here.locator("input").nth(index)
            field.fill(text)
            field.press("Enter")
    elif kind == "rule":
        here.locator("select").select_option(label=label_of(widget.patience, value["patience"]))
        judged = list(widget.JUDGED).index(value["judge_by"])
        here.locator(".widget-radio-box label").nth(judged).click()
    elif kind == "plan":
        for index, (slider, hours) in enumerate(zip(widget.hours, value["hours"], strict=True)):
            handle = here.locator(".noUi-handle").nth(index)
            handle.focus()
            press(handle, "ArrowRight", round(hours / slider.step))
        for index, (name, control) in enumerate(widget.choices.items()):
            here.locator("select").nth(index).select_option(label=label_of(control, value[name]))
        for index, item in enumerate(widget.indicators):
            if item in value["indicators"]:
                here.locator("input[type=checkbox]").nth(index).check()
        for index, name in enumerate(widget.texts):
            if value[name]:
                here.locator("input[type=text]").nth(index).fill(value[name])
    else:
        raise AssertionError(f"no way to give a {kind} answer")


def label_of(dropdown, value) -> str:
    return next(label for label, v in dropdown.options if v == value)


def save(page) -> None:
    """Ctrl+S; done when JupyterLab no longer marks the notebook as changed (the contents API
    has answered, so the file is written)."""
    page.locator(f"{PANEL} .jp-Cell").first.click()
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')",
                           timeout=30_000)


def saved_answers(ex, path: Path) -> dict[str, object]:
    found = harvest(json.loads(path.read_text(encoding="utf-8"))["cells"])
    return {part: a.value for part, a in found.of(ex.assignment).items()}


@pytest.mark.browser
@pytest.mark.slow
def test_six_exercises_answered_with_widgets_in_the_browser_are_graded_without_one(
        page, lab, tmp_path):
    require_sandbox()
    FOLDER.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    handed_in: dict[str, dict[str, Path]] = {}
    loads: dict[str, float] = {}
    for name in learners.NAMES:
        module = learners.exercise(name)
        ex = module.EX
        right = module.right()
        widgets, _, _ = learners.sheet_of(ex, tmp_path / "boxes" / name)
        (lab.root / "learner" / name).mkdir(parents=True)
        shutil.copy(ex.release, lab.root / "learner" / name / ex.notebook)
        mine = lab.root / "learner" / name / ex.notebook
        began = time.monotonic()

        # 1. A new learner: Run All on the untouched exercise shows no traceback.
        drive.open_notebook(page, lab.url, f"learner/{name}/{ex.notebook}")
        drive.run_all(page)
        report = drive.summary(page)
        assert drive.problems(report) == [], (name, drive.problems(report))
        assert report["errors"] == [] and report["stderr"] == [], name
        hints = page.locator(f"{PANEL} details")
        assert hints.count() >= len({p.split("-answer")[0] for p in ex.kinds}), name
        assert hints.first.get_attribute("open") is None, "hints start closed"
        verdicts = page.locator(f"{PANEL} .netnot-verdict").all_text_contents()
        assert len(verdicts) == len(ex.points) and all(
            "not answered yet" in v for v in verdicts), (name, verdicts)

        # 2. Answer every part with the widgets only; each answer line says it is recorded.
        for part, value in right.items():
            give(page, part, ex.kinds[part], value, widgets.boxes[part])
        for part in ex.kinds:
            page.locator(f"{PANEL} .netnot-recorded",
                         has_text=f"✓ {part_label(part)}: ").first.wait_for(timeout=30_000)
        save(page)
        drive.shot(page, FOLDER, f"{name}-answered-and-saved")
        drive.shot(box(page, next(iter(ex.kinds))), FOLDER, f"{name}-part-a-box")
        got = saved_answers(ex, mine)
        assert got == {p: learners.recorded(ex.kinds[p], v) for p, v in right.items()}, name
        copy = shutil.copy(mine, tmp_path / f"{name}-right.ipynb")
        loads[name] = time.monotonic() - began

        # 3. The other learners, from the notebook saved in the browser.
        handed_in[name] = {
            "right": Path(copy),
            "untouched": learners.with_answers(ex, Path(copy), {},
                                               tmp_path / "untouched" / name / ex.notebook),
        }
        for learner, path in handed_in[name].items():
            shutil.copy(path, FOLDER / f"{name}-{learner}.ipynb")
        lab.shutdown_kernels()  # one kernel at a time on a 2-core machine
    browser_seconds = time.monotonic() - started

    # 4. Only the .ipynb files go to one fresh grading folder, through Canvas-style zips.
    folder = tmp_path / "grading"
    f = ["--folder", str(folder)]
    assert cli.main(["init", str(folder), "--repo", str(ROOT)]) == 0
    roster = tmp_path / "roster.csv"
    roster.write_text("id,last_name,first_name,email\n" +
                      "".join(f"{sid},Family{sid},Given,\n" for sid in STUDENTS))
    times = tmp_path / "times.csv"
    times.write_text("student_id,timestamp\n" +
                     "".join(f"{sid},2025-03-14 09:30\n" for sid in STUDENTS))
    assert cli.main(["db", "student", "import", str(roster), *f]) == 0
    grading_started = time.monotonic()
    for name in learners.NAMES:
        ex = learners.exercise(name).EX
        download = tmp_path / f"canvas-download-{name}.zip"
        with zipfile.ZipFile(download, "w") as archive:
            for sid, learner in STUDENTS.items():
                archive.write(handed_in[name][learner],
                              f"family{sid}given_{sid}_77{sid}_{ex.notebook}")
        for step in (["generate_assignment", name],
                     ["zip_collect", name, str(download), "--lms", "canvas", "--times",
                      str(times)],
                     ["autograde", name, "--quiet", "--jobs", "2"]):
            assert cli.main([*step, *f]) == 0, (name, step)
    grading_seconds = time.monotonic() - grading_started

    # 5. Each learner gets what they earned, with the status that says what happened.
    db = f"sqlite:///{folder / 'gradebook.db'}"
    for name in learners.NAMES:
        module = learners.exercise(name)
        ex = module.EX
        with (folder / "reports" / name / "status.csv").open() as handle:
            rows = {r["student_id"]: r for r in csv.DictReader(handle)}
        want = {"right": ("ok", ex.points), "untouched": ("ok", dict.fromkeys(ex.points, 0))}
        for sid, learner in STUDENTS.items():
            status, points = want[learner]
            scores = learners.cell_scores(ex, db, sid)
            assert rows[sid]["status"] == status, (name, learner, rows[sid])
            assert {k: scores[k] for k in ex.points} == points, (name, learner, scores)
            errors = learners.graded_errors(folder / "autograded" / sid / name / ex.notebook)
            assert errors == [], (name, learner, errors[:1])
        assert float(rows["1001"]["score"]) == ex.auto, name
        assert rows["1001"]["needs_manual"] == "yes", "the written part awaits a person"
        assert rows["1003"]["needs_manual"] == "no" and rows["1003"]["detail"] == "", name
    (FOLDER / "timings.txt").write_text(
        "".join(f"{name}: open, Run All, answer, save: {s:.1f} s\n" for name, s in loads.items())
        + f"browser part (six exercises): {browser_seconds:.1f} s\n"
        f"grading (init to six autogrades, {6 * len(STUDENTS)} notebooks): "
        f"{grading_seconds:.1f} s\n"
        f"whole test: {time.monotonic() - started:.1f} s\n")
