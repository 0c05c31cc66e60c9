"""Widget answers are graded headlessly from the submitted notebook alone: by netnot-grade (in its
sandbox), by plain `nbgrader autograde` in the grading folder netnot-grade made, and by plain
nbgrader with the repository's own nbgrader_config.py. Right answers get full automatic marks,
wrong ones the partial score they earn, an untouched notebook 0 with status ok, and answers
edited into nonsense a clear status, never a crash."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "grading"))
sys.path.insert(0, str(Path(__file__).parents[1] / "instructor"))

from grading_helpers import require_sandbox  # noqa: E402

from netnot.grading import cli  # noqa: E402

from . import exercise02 as ex  # noqa: E402

pytestmark = pytest.mark.slow
NBGRADER = str(Path(sys.executable).with_name("nbgrader"))
AUTO = sum(ex.POINTS.values())


def code_track_submission(target: Path) -> Path:
    """A learner who codes: the instructor's code in every code cell, never run."""
    source = nbformat.read(ex.SOURCE, as_version=4)
    code = {c.metadata.nbgrader["grade_id"]: c.source for c in source.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")}
    nb = nbformat.read(ex.RELEASE, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in code:
            cell.source = code[grade_id]
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


@pytest.fixture(scope="module")
def submissions(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("learners")
    right = ex.answered(ex.right(), base / "right" / ex.NOTEBOOK)
    return {
        "right": right,
        "wrong": ex.answered(ex.wrong(), base / "wrong" / ex.NOTEBOOK),
        "untouched": ex.answered({}, base / "untouched" / ex.NOTEBOOK),
        "nonsense": ex.edited_into_nonsense(right, base / "nonsense" / ex.NOTEBOOK),
        "coder": code_track_submission(base / "coder" / ex.NOTEBOOK),
    }


EXPECTED = {  # student -> (status, automatic points per test cell)
    "right": ("ok", ex.POINTS),
    "wrong": ("ok", {"part-a-check": 0, "part-b-check": 0, "part-c-check": 3}),
    "untouched": ("ok", dict.fromkeys(ex.POINTS, 0)),
    "nonsense": ("tampered", {"part-a-check": 0, "part-b-check": 0, "part-c-check": 3}),
    "coder": ("ok", ex.POINTS),
}


def nbgrader(args: list[str], cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}
    done = subprocess.run([NBGRADER, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def check_graded(db_url: str, student: str, graded: Path) -> None:
    status, points = EXPECTED[student]
    scores = ex.cell_scores(db_url, student)
    assert {k: scores[k] for k in ex.POINTS} == points, student
    nb = nbformat.read(graded / ex.NOTEBOOK, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    if student != "nonsense":
        assert errors == [], f"{student}: a traceback in the graded notebook: {errors[:1]}"
    assert "Added by the grader" in nb.cells[0].source
    written = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get(
        "grade_id") == "part-d-answer")
    if student == "right":
        assert scores["part-d-answer"] is None, "the written answer awaits the instructor"
        assert "Written in the answer box" in written.source
        assert "Even networking six hours a week" in written.source
        assert "\\<and\\>" in written.source, "typed text is shown as text, not as HTML"
    if student in ("wrong", "untouched"):
        assert scores["part-d-answer"] == 0, "no written answer: 0, nothing for a person"


@pytest.fixture(scope="module")
def graded(tmp_path_factory, submissions) -> tuple[Path, dict[str, dict[str, str]]]:
    """A grading folder made by netnot-grade, the .ipynb files only, graded by netnot-grade."""
    require_sandbox()
    folder = tmp_path_factory.mktemp("class") / "grading"
    assert cli.main(["init", str(folder), "--repo", str(ex.ROOT), "--assignment",
                     ex.ASSIGNMENT]) == 0
    roster = folder.parent / "roster.csv"
    roster.write_text("id,last_name,first_name,email\n" +
                      "".join(f"{s},{s},A,\n" for s in submissions))
    assert cli.main(["db", "student", "import", str(roster), "--folder", str(folder)]) == 0
    assert cli.main(["generate_assignment", ex.ASSIGNMENT, "--folder", str(folder)]) == 0
    for student, path in submissions.items():  # only the .ipynb, as an LMS download has it
        target = folder / "submitted" / student / ex.ASSIGNMENT
        target.mkdir(parents=True)
        shutil.copy(path, target / ex.NOTEBOOK)
    assert cli.main(["autograde", ex.ASSIGNMENT, "--folder", str(folder), "--quiet",
                     "--jobs", "2"]) == 0
    with (folder / "reports" / ex.ASSIGNMENT / "status.csv").open() as handle:
        return folder, {r["student_id"]: r for r in csv.DictReader(handle)}


def test_netnot_grade_gives_each_learner_the_marks_and_status_earned(graded, submissions):
    folder, rows = graded
    db = f"sqlite:///{folder / 'gradebook.db'}"
    for student in submissions:
        assert rows[student]["status"] == EXPECTED[student][0], rows[student]
        check_graded(db, student, folder / "autograded" / student / ex.ASSIGNMENT)
    detail = rows["nonsense"]["detail"]
    assert "edited by hand (part-a: the value is not a number)" in detail
    assert "part-q" in detail and "cut to 10000 characters" in detail
    assert float(rows["right"]["score"]) == AUTO and rows["right"]["needs_manual"] == "yes"
    assert float(rows["untouched"]["score"]) == 0 and rows["untouched"]["needs_manual"] == "no"


def test_plain_nbgrader_in_the_folder_netnot_grade_made_agrees(graded, submissions):
    folder, _ = graded
    db = f"sqlite:///{folder / 'gradebook.db'}"
    ours = {s: ex.cell_scores(db, s) for s in submissions}
    nbgrader(["autograde", ex.ASSIGNMENT, "--force"], cwd=folder)  # its config, from init
    for student in submissions:
        assert ex.cell_scores(db, student) == ours[student], student
        check_graded(db, student, folder / "autograded" / student / ex.ASSIGNMENT)


def test_formgrader_shows_the_written_answer_and_takes_its_grade(graded, tmp_path):
    from nbgrader.api import Gradebook
    from test_formgrader import get

    folder, _ = graded
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


@contextlib.contextmanager
def formgrader(folder: Path, scratch: Path) -> Iterator[tuple[str, str]]:
    """JupyterLab (with nbgrader's formgrader) serving the grading folder, on 127.0.0.1."""
    from test_formgrader import free_port, get

    token, port = secrets.token_hex(16), free_port()
    log = (scratch / "lab.log").open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        cwd=folder, env=dict(os.environ, JUPYTER_RUNTIME_DIR=str(scratch / "runtime")),
        stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if get(f"{base}/api/status", token)[0] == 200:
                    break
            time.sleep(0.5)
        assert process.poll() is None, (scratch / "lab.log").read_text()[-2000:]
        yield base, token
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def test_plain_nbgrader_with_the_repository_config(tmp_path, submissions):
    course = tmp_path / "course"
    shutil.copytree(ex.SOURCE.parent, course / "solutions" / ex.ASSIGNMENT)
    shutil.copy(ex.ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    nbgrader(["generate_assignment", ex.ASSIGNMENT,
              "--GenerateAssignment.create_assignment=True"], cwd=course)
    for student in ("right", "coder"):
        target = course / "submitted" / student / ex.ASSIGNMENT
        target.mkdir(parents=True)
        shutil.copy(submissions[student], target / ex.NOTEBOOK)
    log = nbgrader(["autograde", ex.ASSIGNMENT, "--Autograde.create_student=True"], cwd=course)
    assert "Widget answers read: 4" in log
    for student in ("right", "coder"):
        check_graded(f"sqlite:///{course / 'gradebook.db'}", student,
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
