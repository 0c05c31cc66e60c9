"""The instructor guide, end to end, on a fake class of 23 (docs/instructors.md).

One module-scoped run does what the guide says: init, roster, generate, due date, release to
nbgrader's exchange, students fetch and submit, collect, zip_collect of a Canvas and a Moodle
download, autograde (sandboxed, 2 workers), manual grades, feedback (and its LMS zips),
export, report. Each test then checks one promise against that run.
"""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from classroom import (
    ASSIGNMENT,
    CLASS,
    MARKER_REFLECTION,
    NOTEBOOK,
    REFLECTION,
    ROOT,
    Student,
    canvas_name,
    canvas_reupload_ids,
    fill,
    id_map_csv,
    lms_zips,
    moodle_feedback_target,
    times_csv,
    write_roster,
)

from netnot.grading import cli, exchange, manual
from netnot.grading.feedback import hidden_lines, leaks
from netnot.grading.folder import GradingFolder

pytestmark = pytest.mark.slow
A = ASSIGNMENT
BY_ID = {s.id: s for s in CLASS}
EXPECTED_STATUS = {"correct": "ok", "partial": "ok", "blank-reflection": "ok", "marker": "ok",
                   "timeout": "timeout", "crash": "crashed", "invalid": "invalid",
                   "missing": "missing"}
MANUAL = {"correct": 3, "partial": 1, "timeout": 2, "marker": 3}  # points for the reflection
AUTO = {"correct": 7, "partial": 2, "timeout": 5, "blank-reflection": 7, "marker": 7}
UNGRADED = "md01"  # this reflection is left for the formgrader: not final


def run(*args: str) -> None:
    assert cli.main(list(args)) == 0, f"netnot-grade {' '.join(args)} failed"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    if shutil.which("bwrap") is None:
        pytest.skip("bubblewrap is not installed (CI installs Debian 'bubblewrap')")
    base = tmp_path_factory.mktemp("class30")
    folder, inbox = base / "grading", base / "exchange"
    due = (datetime.now(UTC) + timedelta(days=1)).replace(second=0, microsecond=0)
    f = ["--folder", str(folder)]
    run("init", str(folder), "--repo", str(ROOT))
    with (folder / "nbgrader_config.py").open("a") as handle:  # short cell timeout for the test
        handle.write("c.Execute.timeout = 6\nc.ExecutePreprocessor.timeout = 6\n")
    run("db", "student", "import", str(write_roster(base / "roster.csv")), *f)
    run("generate_assignment", A, *f)
    run("duedate", A, due.strftime("%Y-%m-%d %H:%M"), "--points-per-hour", "1", *f)
    run("release", A, "--exchange", str(inbox), *f)
    course_id = "networking-is-not"
    for s in [s for s in CLASS if s.route == "exchange" and s.kind != "missing"] + [
            Student("zz99", "exchange", "correct")]:
        home = base / "homes" / s.id
        fetched = exchange.fetch(inbox, course_id, A, home)
        fill(fetched / NOTEBOOK, s.kind, fetched / NOTEBOOK)
        exchange.submit(inbox, course_id, A, home, s.id)
    run("collect", A, "--exchange", str(inbox), *f)
    canvas, moodle, planted = lms_zips(base, folder / "release" / A / NOTEBOOK)
    run("zip_collect", A, str(canvas), str(moodle), "--lms", "moodle,canvas",
        "--id-map", str(id_map_csv(base / "ids.csv")),
        "--times", str(times_csv(base / "times.csv", due)), *f)
    run("autograde", A, "--jobs", "2", "--quiet", *f)
    for student, grade_id in manual.pending(GradingFolder(folder), A):
        if student != UNGRADED and BY_ID[student].kind in MANUAL:
            run("manual_grade", A, student, grade_id, str(MANUAL[BY_ID[student].kind]),
                "--comment", "Thanks: clear advice.", *f)
    feedback_rc = cli.main(["generate_feedback", A, *f])
    run("zip_feedback", A, *f)
    run("export", A, "--title", "Exercise 02", "--canvas-id", "4321", *f)
    run("report", A, *f)
    return {"folder": folder, "base": base, "planted": planted, "feedback_rc": feedback_rc,
            "due": due}


def table(course, name):
    with (course["folder"] / "reports" / A / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_student_has_the_expected_status(course):
    rows = {r["student_id"]: r for r in table(course, "grades.csv")}
    assert set(rows) == {s.id for s in CLASS}, "unknown students must not be collected"
    for s in CLASS:
        assert rows[s.id]["status"] == EXPECTED_STATUS[s.kind], s
    assert "refused at collection" in rows["1007"]["comment"]  # not "nothing was submitted"


def test_exported_grades_and_late_penalties(course):
    rows = {r["student_id"]: r for r in table(course, "grades.csv")}
    for s in CLASS:
        row = rows[s.id]
        if s.kind in AUTO:
            manual_points = 0 if s.id == UNGRADED else MANUAL.get(s.kind, 0)
            assert float(row["raw_score"]) == AUTO[s.kind] + manual_points, s
            penalty = {0: 0, 15: 1, 150: 3}[s.late_minutes]  # 1 point per started hour
            assert float(row["late_penalty"]) == penalty, s
            if s.id == UNGRADED:
                assert row["score"] == "" and "NOT FINAL" in row["comment"]
            else:
                assert float(row["score"]) == AUTO[s.kind] + manual_points - penalty, s
        else:  # missing, crashed, invalid: an empty score and a reason, never a bare 0
            assert row["score"] == "" and row["raw_score"] == "", s
            assert row["comment"].startswith("NOT GRADED"), s
    assert "late by 0 h 15 min" in rows["1005"]["comment"]
    assert "late by 2 h 30 min" in rows["md04"]["comment"]


def test_lms_files_follow_their_conventions(course):
    canvas = list(csv.reader((course["folder"] / "reports" / A / "canvas.csv").open()))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                         "Exercise 02 (4321)"]
    assert canvas[1][0].strip() == "Points Possible" and canvas[1][5] == "10"
    by_id = {line[1]: line for line in canvas[2:]}
    assert by_id["ex01"][5] == "10" and by_id["1005"][5] == "9" and by_id["md04"][5] == "7"
    for s in CLASS:
        if s.kind in ("missing", "crash", "invalid"):
            assert by_id[s.id][5] == "", "no silent 0 in the LMS file"
    moodle = {r["ID number"]: r for r in table(course, "moodle.csv")}
    assert moodle["ex13"]["Exercise 02"] == ""
    assert moodle["ex13"]["Feedback"] == "NOT GRADED: nothing was submitted"
    assert moodle["ex12"]["Feedback"].startswith("NOT GRADED: grading crashed")


def test_unsafe_and_unknown_zip_entries_were_refused_and_reported(course):
    refused = {r["entry"]: r["outcome"] for r in table(course, "collect.csv")
               if r["outcome"].startswith("refused")}
    broken = canvas_name(BY_ID["1007"])  # not a notebook: refused at collection, not graded
    assert set(refused) == set(course["planted"]) | {broken}
    assert "not valid JSON" in refused[broken]
    assert not (course["folder"] / "submitted" / "1007").exists()
    assert "unknown student" in refused[course["planted"][2]]
    assert "symbolic link" in refused[course["planted"][3]]
    assert not (course["folder"] / "submitted" / "9999").exists()
    assert not (course["folder"] / "submitted" / "zz99").exists()
    assert not (course["base"] / NOTEBOOK).exists()  # the ../ entry went nowhere


def test_no_hidden_test_line_in_any_feedback_page(course):
    folder = course["folder"]
    hidden = hidden_lines(GradingFolder(folder), A)
    assert len(hidden) >= 5
    pages = sorted((folder / "feedback").rglob("*.html"))
    graded = [s for s in CLASS if s.kind in AUTO]
    assert course["feedback_rc"] == 0
    assert {p.parent.parent.name for p in pages} == {s.id for s in graded}
    for page in pages:
        assert leaks(page.read_text(encoding="utf-8"), hidden) == [], page
    marker = (folder / "feedback" / "ex15" / A / f"{A}.html").read_text(encoding="utf-8")
    assert MARKER_REFLECTION.split("###")[0][:40] in marker  # the student's own text is shown
    assert "HIDDEN TESTS here to see what happens" in marker.replace("\u00a0", " ")
    partial = (folder / "feedback" / "ex09" / A / f"{A}.html").read_text(encoding="utf-8")
    assert "Part B: not quite" in partial  # a widget part's verdict, shown with its answer
    assert REFLECTION[:40] in (folder / "feedback" / "ex01" / A / f"{A}.html").read_text()


def test_report_has_every_question_every_status_and_alt_text(course):
    page = (course["folder"] / "reports" / A / "class-report.html").read_text()
    for grade_id in ("part-a-check", "part-b-check", "part-c-check", "part-d-answer"):
        assert grade_id in page
    for name in ("ok", "timeout", "crashed", "invalid", "missing", "tampered", "flagged"):
        assert re.search(rf"<tr><td>{name}</td><td>\d+</td>", page), name
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 4 and all(re.search(r"alt='[^']{20,}'", i) for i in images)
    assert page.index("id='summary'") < page.index("<img")
    assert f"<tr><td>{UNGRADED}</td><td>part-d-answer</td></tr>" in page
    assert "struggled most with" in page


def test_feedback_zips_hold_every_lms_students_page_under_the_lms_name(course):
    """Canvas re-upload: the download's file name (user id, attachment id); Moodle feedback
    upload: a folder per participant. Read back and parsed as each LMS parses them."""
    reports = course["folder"] / "reports" / A
    graded = {s.id for s in CLASS if s.kind in AUTO}
    with zipfile.ZipFile(reports / "feedback-canvas.zip") as archive:
        ids = {canvas_reupload_ids(name)[0]: name for name in archive.namelist()}
    canvas = {s for s in CLASS if s.route == "canvas" and s.id in graded}
    assert set(ids) == {s.lms_id for s in canvas}
    for s in canvas:
        assert ids[s.lms_id] == canvas_name(s).removesuffix(".ipynb") + ".html"
    with zipfile.ZipFile(reports / "feedback-moodle.zip") as archive:
        targets = {moodle_feedback_target(n)[0]: moodle_feedback_target(n)
                   for n in archive.namelist()}
        first = archive.read(archive.namelist()[0]).decode("utf-8")
    moodle = {s for s in CLASS if s.route == "moodle" and s.id in graded}
    assert set(targets) == {s.lms_id for s in moodle}
    assert all(t[1:] == ("assignfeedback", "file", f"{A}.html") for t in targets.values())
    assert "<html" in first.lower()
