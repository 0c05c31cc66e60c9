"""A learner answers the pilot exercise with widgets only, in a real JupyterLab and Chromium,
saves, and hands in ONLY the .ipynb through an LMS zip; the grader needs no browser.

One test, few page loads: open and answer; reload (live kernel); restart the kernel and reload;
one untouched copy. Then netnot-grade (zip_collect, autograde in its sandbox) and plain
`nbgrader autograde` grade the four files: right answers get full automatic marks, wrong ones
their partial score, the untouched one 0 with status ok, a hand-edited one a clear status.
Screenshots and the saved notebooks go to test-artifacts/browser/exercise-answers/.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from . import labdriver as drive
from .labdriver import ARTIFACTS, PANEL, ROOT

sys.path.insert(0, str(ROOT / "tests" / "answers"))
sys.path.insert(0, str(ROOT / "tests" / "grading"))
import exercise02 as ex  # noqa: E402
from grading_helpers import require_sandbox  # noqa: E402

from netnot.answers.record import harvest  # noqa: E402
from netnot.grading import cli  # noqa: E402

FOLDER = ARTIFACTS / "exercise-answers"
STUDENTS = {"1001": "right", "1002": "wrong", "1003": "untouched", "1004": "nonsense"}


def box(page, part: str):
    return page.locator(f"{PANEL} .netnot-answer-{part}")


def type_answer(page, part: str, text: str) -> None:
    """Type into a part's box as a learner does (Enter ends a number; text syncs as typed)."""
    if part == "part-d-answer":
        box(page, part).locator("textarea").fill(text)
    else:
        field = box(page, part).locator("input").first
        field.fill(text)
        field.press("Enter")


def wait_recorded(page, part: str, words: str) -> None:
    label = drive_label(part)
    page.locator(f"{PANEL} .netnot-recorded", has_text=f"{label}: {words}").first.wait_for(
        timeout=30_000)


def drive_label(part: str) -> str:
    return "Part " + part.split("-")[1].upper()


def save(page) -> None:
    page.locator(f"{PANEL} .jp-Cell").first.click()
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')",
                           timeout=30_000)
    time.sleep(0.5)  # the contents API has answered; the file is written


def saved_answers(path: Path) -> dict[str, object]:
    found = harvest(json.loads(path.read_text(encoding="utf-8"))["cells"])
    return {part: a.value for part, a in found.of(ex.ASSIGNMENT).items()}


def reload(page) -> None:
    page.reload()
    page.wait_for_selector(f"{PANEL} .jp-Notebook", timeout=60_000)
    drive.wait_for_kernel(page)


def run_cell_of(page, part: str) -> None:
    """Click into the cell that shows ``part``'s box and run it (Shift+Enter)."""
    cell = page.locator(f"{PANEL} .jp-CodeCell", has=page.locator(f".netnot-answer-{part}"))
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    box(page, part).wait_for(timeout=30_000)


@pytest.mark.browser
@pytest.mark.slow
def test_widget_answers_travel_in_the_notebook_and_are_graded_without_a_browser(
        page, lab, tmp_path):
    require_sandbox()
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name in ("learner", "untouched"):
        (lab.root / name).mkdir()
        shutil.copy(ex.RELEASE, lab.root / name / ex.NOTEBOOK)
    mine = lab.root / "learner" / ex.NOTEBOOK
    right, wrong = ex.right(), ex.wrong()
    handed_in: dict[str, Path] = {}

    # 1. A new learner: Run All on the untouched exercise shows no traceback.
    started = time.monotonic()
    drive.open_notebook(page, lab.url, f"learner/{ex.NOTEBOOK}")
    drive.run_all(page)
    report = drive.summary(page)
    assert drive.problems(report) == [], drive.problems(report)
    assert report["errors"] == [] and report["stderr"] == []
    hints = page.locator(f"{PANEL} details")
    assert hints.count() == 4 and hints.first.get_attribute("open") is None
    hints.first.locator("summary").click()  # one click opens a hint
    assert hints.first.get_attribute("open") is not None
    verdicts = page.locator(f"{PANEL} .netnot-verdict").all_text_contents()
    assert len(verdicts) == 3 and all("not answered yet" in v for v in verdicts), verdicts

    # 2. Answer every part with the widgets only, then save.
    for part, text in right.items():
        type_answer(page, part, text)
    for part in ("part-a", "part-b", "part-c"):
        wait_recorded(page, part, right[part])
    wait_recorded(page, "part-d-answer", "your text")
    save(page)
    drive.shot(page, FOLDER, "1-answered-and-saved")
    drive.shot(page.locator(f"{PANEL} .jp-CodeCell", has=page.locator(".netnot-answer-part-a")),
               FOLDER, "1-part-a-box")
    assert saved_answers(mine) == {**{p: float(v) for p, v in right.items()
                                      if p != "part-d-answer"},
                                   "part-d-answer": right["part-d-answer"]}
    handed_in["right"] = shutil.copy(mine, tmp_path / "right.ipynb")
    first_pass = time.monotonic() - started

    # 3. A browser reload with the kernel still running: the boxes still work, but a change can
    #    no longer reach the notebook until its cell runs again, and the box says so.
    reload(page)
    type_answer(page, "part-a", wrong["part-a"])
    status = box(page, "part-a").locator(".netnot-answer-status")
    status.filter(has_text="page was reloaded").wait_for(timeout=30_000)
    drive.shot(box(page, "part-a"), FOLDER, "2-reloaded-box-asks-to-run-again")
    run_cell_of(page, "part-a")  # as the box asks
    assert box(page, "part-a").locator("input").first.input_value() == wrong["part-a"]
    wait_recorded(page, "part-a", wrong["part-a"])
    save(page)
    assert saved_answers(mine)["part-a"] == float(wrong["part-a"])

    # 4. Kernel restart and another reload: the saved answers still show; Run All restores
    #    every box; then two more answers change, and the learner saves.
    session = lab.api("/api/sessions")[0]
    lab.api(f"/api/kernels/{session['kernel']['id']}/restart", method="POST")
    reload(page)
    wait_recorded(page, "part-b", right["part-b"])  # the outputs saved in the file
    drive.run_all(page)
    assert drive.problems(drive.summary(page)) == []
    for part, text in {**right, "part-a": wrong["part-a"]}.items():
        field = box(page, part).locator("textarea" if part == "part-d-answer" else "input")
        assert field.first.input_value() == text, f"{part} not restored after the restart"
    type_answer(page, "part-b", wrong["part-b"])
    type_answer(page, "part-d-answer", "")
    wait_recorded(page, "part-b", wrong["part-b"])
    save(page)
    drive.shot(page, FOLDER, "3-after-restart-and-changes")
    handed_in["wrong"] = shutil.copy(mine, tmp_path / "wrong.ipynb")

    # 5. An untouched copy: opened, run, saved, nothing answered.
    drive.open_notebook(page, lab.url, f"untouched/{ex.NOTEBOOK}")
    drive.run_all(page)
    save(page)
    handed_in["untouched"] = shutil.copy(lab.root / "untouched" / ex.NOTEBOOK,
                                         tmp_path / "untouched.ipynb")
    handed_in["nonsense"] = ex.edited_into_nonsense(handed_in["right"], tmp_path / "x.ipynb")
    for name, path in handed_in.items():
        shutil.copy(path, FOLDER / f"{name}.ipynb")
    browser_seconds = time.monotonic() - started

    # 6. Only the .ipynb files go to a fresh grading folder, through a Canvas-style zip.
    folder = tmp_path / "grading"
    f = ["--folder", str(folder)]
    assert cli.main(["init", str(folder), "--repo", str(ROOT), "--assignment",
                     ex.ASSIGNMENT]) == 0
    roster = tmp_path / "roster.csv"
    roster.write_text("id,last_name,first_name,email\n" +
                      "".join(f"{sid},Family{sid},Given,\n" for sid in STUDENTS))
    times = tmp_path / "times.csv"
    times.write_text("student_id,timestamp\n" +
                     "".join(f"{sid},2025-03-14 09:30\n" for sid in STUDENTS))
    download = tmp_path / "canvas-download.zip"
    with zipfile.ZipFile(download, "w") as archive:
        for sid, name in STUDENTS.items():
            archive.write(handed_in[name], f"family{sid}given_{sid}_77{sid}_{ex.NOTEBOOK}")
    for step in (["db", "student", "import", str(roster)], ["generate_assignment", ex.ASSIGNMENT],
                 ["zip_collect", ex.ASSIGNMENT, str(download), "--lms", "canvas",
                  "--times", str(times)],
                 ["autograde", ex.ASSIGNMENT, "--quiet", "--jobs", "2"]):
        assert cli.main([*step, *f]) == 0, step
    with (folder / "reports" / ex.ASSIGNMENT / "status.csv").open() as handle:
        rows = {r["student_id"]: r for r in csv.DictReader(handle)}
    db = f"sqlite:///{folder / 'gradebook.db'}"
    expected = {"right": (ex.POINTS, "ok"),
                "wrong": ({"part-a-check": 0, "part-b-check": 0, "part-c-check": 3}, "ok"),
                "untouched": (dict.fromkeys(ex.POINTS, 0), "ok"),
                "nonsense": ({"part-a-check": 0, "part-b-check": 0, "part-c-check": 3},
                             "tampered")}
    graded = {}
    for sid, name in STUDENTS.items():
        points, status = expected[name]
        scores = ex.cell_scores(db, sid)
        graded[sid] = scores
        assert rows[sid]["status"] == status, rows[sid]
        assert {k: scores[k] for k in ex.POINTS} == points, (name, scores)
    assert float(rows["1001"]["score"]) == sum(ex.POINTS.values())
    assert rows["1001"]["needs_manual"] == "yes" and graded["1001"]["part-d-answer"] is None
    assert rows["1003"]["needs_manual"] == "no" and rows["1003"]["detail"] == ""
    assert "edited by hand" in rows["1004"]["detail"]
    paper = json.loads((folder / "autograded" / "1001" / ex.ASSIGNMENT / ex.NOTEBOOK)
                       .read_text(encoding="utf-8"))
    written = next(c for c in paper["cells"] if c["metadata"].get("nbgrader", {}).get(
        "grade_id") == "part-d-answer")
    assert "Even networking six hours a week" in "".join(written["source"])
    untouched = json.loads((folder / "autograded" / "1003" / ex.ASSIGNMENT / ex.NOTEBOOK)
                           .read_text(encoding="utf-8"))
    assert not [o for c in untouched["cells"] for o in c.get("outputs", [])
                if o["output_type"] == "error"], "the untouched notebook graded with a traceback"

    # 7. Plain nbgrader, with the config netnot-grade wrote, gives the same scores.
    env = {k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}
    done = subprocess.run([str(Path(sys.executable).with_name("nbgrader")), "autograde",
                           ex.ASSIGNMENT, "--force"], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    for sid in STUDENTS:
        assert ex.cell_scores(db, sid) == graded[sid], sid
    (FOLDER / "timings.txt").write_text(
        f"first pass (open, Run All, answer, save): {first_pass:.1f} s\n"
        f"browser part: {browser_seconds:.1f} s\n"
        f"whole test: {time.monotonic() - started:.1f} s\n")
