"""Widget answers are graded headlessly from the submitted notebook alone, for all six
exercises: by netnot-grade (in its sandbox) in one grading folder, and by plain `nbgrader
autograde` in the folder netnot-grade made; for the pilot (02) also by plain nbgrader with the
repository's own nbgrader_config.py, in formgrader and by Validate. Right answers get full
automatic marks, wrong ones (the pilot's) the partial score they earn, an untouched notebook 0
with status ok and no traceback, a learner who codes full marks, and answers edited into
nonsense a clear status, never a crash."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "grading"))
sys.path.insert(0, str(Path(__file__).parents[1] / "instructor"))

from grading_helpers import require_sandbox  # noqa: E402

from netnot.grading import cli  # noqa: E402

from . import exercise02 as ex  # noqa: E402
from . import learners  # noqa: E402

pytestmark = pytest.mark.slow
NBGRADER = str(Path(sys.executable).with_name("nbgrader"))
AUTO = sum(ex.POINTS.values())
STUDENTS = ("right", "wrong", "untouched", "nonsense", "coder")
ROSTER = (*STUDENTS, "pasted")  # pasted: exercise 02 only


# Exercises whose hand-edited learner differs from the pilot's: a first part of another kind
# (01, 03 and 04 start with a number, as the pilot does, and would repeat its edit).
NONSENSE_KINDS = ("05-switching-strategies", "06-your-plan")


def graded_learners(name: str) -> tuple[str, ...]:
    """Who hands in each exercise: everyone for the pilot (02); elsewhere not "wrong", whose
    partial marks tests/answers/test_exercises.py checks for every exercise, in process, and
    "nonsense" only where its edit is of another kind than the pilot's."""
    if name == ex.ASSIGNMENT:
        return ROSTER
    return tuple(s for s in STUDENTS if s != "wrong"
                 and (s != "nonsense" or name in NONSENSE_KINDS))


def expected(module, student: str) -> tuple[str, dict[str, float]]:
    """(status, automatic points per test cell) for one learner of one exercise."""
    e = module.EX
    return {"right": ("ok", e.points), "wrong": ("ok", e.wrong_points),
            "untouched": ("ok", dict.fromkeys(e.points, 0)),
            "nonsense": ("tampered", e.nonsense_points), "coder": ("ok", e.points),
            "pasted": ("ok", e.points)}[student]


@pytest.fixture(scope="module")
def classes(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Per exercise, the five learners' saved notebooks (one kernel run per exercise)."""
    base = tmp_path_factory.mktemp("learners")
    found = {}
    for name in learners.NAMES:
        module = learners.exercise(name)
        saved = learners.learners_of(module.EX, {"untouched": {}, "right": module.right(),
                                                 "wrong": module.wrong()}, base / name)
        saved["nonsense"] = learners.nonsense(module, saved["right"],
                                              base / name / "nonsense" / module.EX.notebook)
        saved["coder"] = learners.code_track(module.EX, base / name / "coder" / module.EX.notebook)
        if name == ex.ASSIGNMENT:
            saved["pasted"] = pasted(saved["right"], base / name / "pasted" / ex.NOTEBOOK)
        found[name] = saved
    return found


def pasted(path: Path, target: Path) -> Path:
    """The right answers, with graded cells copied and pasted as JupyterLab does (new cell ids,
    the same nbgrader metadata): a box cell twice, a test cell and the written part once. Plain
    nbgrader 0.9 crashes on such a notebook (KeyError: 'grade_id')."""
    import copy

    nb = nbformat.read(path, as_version=4)
    for grade_id, times in (("part-a-box", 2), ("part-b-check", 1), ("part-d-answer", 1)):
        at = next(i for i, c in enumerate(nb.cells)
                  if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
        for k in range(times):
            twin = copy.deepcopy(nb.cells[at])
            twin["id"] = f"pasted-{grade_id}-{k}"
            nb.cells.insert(at + 1, twin)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


@pytest.fixture(scope="module")
def submissions(classes) -> dict[str, Path]:
    """The pilot's learners (02), for the tests below that look at one exercise closely."""
    return classes[ex.ASSIGNMENT]


def nbgrader(args: list[str], cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}
    done = subprocess.run([NBGRADER, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def check_graded(name: str, db_url: str, student: str, graded: Path) -> None:
    module = learners.exercise(name)
    e = module.EX
    status, points = expected(module, student)
    scores = learners.cell_scores(e, db_url, student)
    assert {k: scores[k] for k in e.points} == points, (name, student)
    errors = learners.graded_errors(graded / e.notebook)
    assert errors == [], f"{name} {student}: a traceback in the graded notebook: {errors[:1]}"
    nb = nbformat.read(graded / e.notebook, as_version=4)
    assert "Added by the grader" in nb.cells[0].source
    written = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get(
        "grade_id") == e.written)
    if student in ("right", "pasted"):
        assert scores[e.written] is None, "the written answer awaits the instructor"
        assert "Written in the answer box" in written.source
        typed = module.right()[e.written]  # its longest word (punctuation is escaped there)
        assert max(re.findall(r"[A-Za-z]+", typed), key=len) in written.source
    if student in ("wrong", "untouched"):
        assert scores[e.written] == 0, "no written answer: 0, nothing for a person"


@pytest.fixture(scope="module")
def graded(tmp_path_factory, classes) -> tuple[Path, dict[str, dict[str, dict[str, str]]], float]:
    """ONE grading folder made by netnot-grade for the six exercises, the .ipynb files only (as
    an LMS download has them), graded by netnot-grade; (folder, status rows, seconds)."""
    require_sandbox()
    folder = tmp_path_factory.mktemp("class") / "grading"
    assert cli.main(["init", str(folder), "--repo", str(ex.ROOT)]) == 0
    roster = folder.parent / "roster.csv"
    roster.write_text("id,last_name,first_name,email\n" +
                      "".join(f"{s},{s},A,\n" for s in ROSTER))
    assert cli.main(["db", "student", "import", str(roster), "--folder", str(folder)]) == 0
    rows, started = {}, time.monotonic()
    for name, saved in classes.items():
        assert cli.main(["generate_assignment", name, "--folder", str(folder)]) == 0
        for student in graded_learners(name):
            path = saved[student]
            target = folder / "submitted" / student / name
            target.mkdir(parents=True)
            shutil.copy(path, target / path.name)
        assert cli.main(["autograde", name, "--folder", str(folder), "--quiet",
                         "--jobs", "2"]) == 0
        with (folder / "reports" / name / "status.csv").open() as handle:
            rows[name] = {r["student_id"]: r for r in csv.DictReader(handle)}
    return folder, rows, time.monotonic() - started


@pytest.mark.parametrize("name", learners.NAMES)
def test_netnot_grade_gives_each_learner_the_marks_and_status_earned(graded, name):
    folder, rows, _ = graded
    db = f"sqlite:///{folder / 'gradebook.db'}"
    e = learners.exercise(name).EX
    for student in graded_learners(name):
        row = rows[name][student]
        assert row["status"] == expected(learners.exercise(name), student)[0], row
        check_graded(name, db, student, folder / "autograded" / student / name)
    if "nonsense" in graded_learners(name):
        assert "edited by hand (part-a: " in rows[name]["nonsense"]["detail"]
    assert float(rows[name]["right"]["score"]) == e.auto
    assert rows[name]["right"]["needs_manual"] == "yes"
    # status.csv keeps the automatic part and the part a person grades apart: a perfect
    # autograde reads full marks, not "7 of 10"
    from nbgrader.api import Gradebook

    with Gradebook(db) as gb:
        total = gb.find_submission(name, "right").max_score
    right = rows[name]["right"]
    assert float(right["max_score"]) == e.auto > 0
    assert float(right["max_score"]) + float(right["manual_points"]) == total
    assert float(rows[name]["untouched"]["score"]) == 0
    assert rows[name]["untouched"]["needs_manual"] == "no"
    assert rows[name]["untouched"]["detail"] == ""


def test_the_pilots_nonsense_is_named_in_the_status(graded):
    detail = graded[1][ex.ASSIGNMENT]["nonsense"]["detail"]
    assert "edited by hand (part-a: the value is not a number)" in detail
    assert "part-q" in detail and "cut to 10000 characters" in detail


def test_a_pasted_graded_cell_is_graded_with_a_note(graded):
    """A learner who pasted a locked cell twice, a test cell and the written part is graded
    normally (nbgrader alone crashed: KeyError 'grade_id'); the detail says what was done."""
    folder, rows, _ = graded
    row = rows[ex.ASSIGNMENT]["pasted"]
    assert row["status"] == "ok" and float(row["score"]) == ex.EX.auto, row
    assert "locked cell part-a-box was pasted 2 more times" in row["detail"]
    assert "answer cell part-d-answer was pasted 1 more time" in row["detail"]
    check_graded(ex.ASSIGNMENT, f"sqlite:///{folder / 'gradebook.db'}", "pasted",
                 folder / "autograded" / "pasted" / ex.ASSIGNMENT)


def test_plain_nbgrader_in_the_folder_netnot_grade_made_agrees(graded):
    """Plain nbgrader, with the config netnot-grade wrote, regrades the pilot alike: the learner
    whose answers were edited by hand (and are partly right), and the one who pasted graded
    cells (the widget answers' reader repairs that for nbgrader). (Both graders read answers
    with the same ReadWidgetAnswers step, which netnot-grade ran on all six exercises.)"""
    folder, _, _ = graded
    db = f"sqlite:///{folder / 'gradebook.db'}"
    again = {ex.ASSIGNMENT: ("nonsense", "pasted")}
    ours = {(n, s): learners.cell_scores(learners.exercise(n).EX, db, s)
            for n in again for s in again[n]}
    nbgrader(["autograde", ex.ASSIGNMENT, "--force", "--student=[np]*"], cwd=folder)
    for name in again:
        for student in again[name]:
            assert learners.cell_scores(learners.exercise(name).EX, db, student) == \
                ours[name, student], (name, student)
            check_graded(name, db, student, folder / "autograded" / student / name)


def test_the_grading_time_is_reported(graded):
    folder, rows, seconds = graded
    notebooks = sum(row["status"] != "missing" for r in rows.values() for row in r.values())
    (ex.ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ex.ROOT / "test-artifacts" / "widget-grading-timings.txt").write_text(
        f"netnot-grade autograde, {notebooks} notebooks of six exercises, --jobs 2: "
        f"{seconds:.1f} s\n")
    assert notebooks == sum(len(graded_learners(name)) for name in learners.NAMES)


def test_formgrader_shows_the_written_answer_and_takes_its_grade(graded, tmp_path):
    from nbgrader.api import Gradebook
    from test_formgrader import formgrader, get

    folder, _, _ = graded
    with formgrader(folder, tmp_path) as (base, token):
        status, body = get(f"{base}/formgrader/api/submitted_notebooks/{ex.ASSIGNMENT}/"
                           f"{ex.ASSIGNMENT}", token)
        assert status == 200
        notebook = next(n for n in json.loads(body) if n["student"] == "right")
        status, page = get(f"{base}/formgrader/submissions/{notebook['id']}/", token)
        assert status == 200 and "Even networking six hours a week" in page
        status, body = get(f"{base}/formgrader/api/grades?submission_id={notebook['id']}", token)
        grade = next(g for g in json.loads(body) if g["name"] == "part-d-answer")
        assert grade["needs_manual_grade"] and grade["max_score"] == 3
        request = urllib.request.Request(f"{base}/formgrader/api/grade/{grade['id']}",
                                         data=json.dumps({"manual_score": 3}).encode(),
                                         method="PUT", headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.loads(response.read())["manual_score"] == 3
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        assert gb.find_submission(ex.ASSIGNMENT, "right").score == AUTO + 3


def test_plain_nbgrader_with_the_repository_config(tmp_path, submissions):
    course = tmp_path / "course"
    shutil.copytree(ex.SOURCE.parent, course / "solutions" / ex.ASSIGNMENT)
    shutil.copy(ex.ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    nbgrader(["generate_assignment", ex.ASSIGNMENT,
              "--GenerateAssignment.create_assignment=True"], cwd=course)
    for student in ("right",):
        target = course / "submitted" / student / ex.ASSIGNMENT
        target.mkdir(parents=True)
        shutil.copy(submissions[student], target / ex.NOTEBOOK)
    log = nbgrader(["autograde", ex.ASSIGNMENT, "--Autograde.create_student=True"], cwd=course)
    assert "Widget answers read: 4" in log
    for student in ("right",):
        check_graded(ex.ASSIGNMENT, f"sqlite:///{course / 'gradebook.db'}", student,
                     course / "autograded" / student / ex.ASSIGNMENT)


def test_a_release_with_no_answers_hands_over_nothing_and_says_so(submissions):
    nb = json.loads(submissions["untouched"].read_text())
    from netnot.answers.record import harvest

    found = harvest(nb["cells"])
    assert found.problems == []
    assert all(not a.answered for a in found.answers.values())


def test_without_the_reader_every_widget_check_says_what_is_missing(submissions, monkeypatch):
    """An autograde whose config lacks ReadWidgetAnswers must not look like a class of zeros."""
    from nbclient import NotebookClient

    nb = nbformat.read(submissions["right"], as_version=4)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")  # as nbgrader's kernel has it
    NotebookClient(nb, timeout=120, allow_errors=True, store_widget_state=False,
                   resources={"metadata": {"path": str(submissions["right"].parent)}}).execute()
    for grade_id in ex.POINTS:
        cell = next(c for c in nb.cells if c.metadata.nbgrader.get("grade_id") == grade_id)
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors and "ReadWidgetAnswers" in errors[0].evalue, grade_id


def test_nbgraders_validate_button_sees_the_saved_answers(submissions):
    """Validate runs the saved file, so it sees the saved widget answers. It judges the written
    part by its cell alone, so it calls a written answer given in the box "no response" (the
    cell says so to the learner); autograde copies the box into the cell first."""
    from nbgrader.validator import Validator

    failed = Validator().validate(str(submissions["right"]))["failed"]
    assert [f["error"] for f in failed] == ["You did not provide a response."]
    assert "Validate* button looks only at" in failed[0]["source"]
    failed = Validator().validate(str(submissions["untouched"]))["failed"]
    assert len(failed) == len(ex.POINTS) + 1
