"""The export never turns an ungraded student into a silent 0, and subtracts late penalties."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest
from classroom import ASSIGNMENT

from netnot.grading.export import export, rows

STATUSES = {"s-ok": "ok", "s-late": "ok", "s-timeout": "timeout", "s-flagged": "flagged",
            "s-tampered": "tampered", "s-missing": "missing", "s-crashed": "crashed",
            "s-invalid": "invalid"}
AUTO = {"s-ok": 7, "s-late": 7, "s-timeout": 5, "s-flagged": 7, "s-tampered": 3}


@pytest.fixture
def graded(small_folder):
    """A gradebook with one 10-point cell and a status.csv covering every status."""
    due = datetime(2025, 1, 11, 9, 15)
    with small_folder.gradebook() as gb:
        gb.update_or_create_assignment(ASSIGNMENT, duedate=due)
        gb.add_notebook(ASSIGNMENT, ASSIGNMENT)
        gb.add_grade_cell("q1", ASSIGNMENT, ASSIGNMENT, max_score=10, cell_type="code")
        for student in [*STATUSES, "s-never-graded"]:
            gb.update_or_create_student(student, first_name="Ada", last_name=student)
        for student, points in AUTO.items():
            late = student == "s-late"
            sub = gb.add_submission(ASSIGNMENT, student, timestamp=datetime(
                2025, 1, 11, 11, 45) if late else due)
            sub.notebooks[0].grades[0].auto_score = points
            sub.notebooks[0].grades[0].needs_manual_grade = False
            sub.notebooks[0].late_submission_penalty = 3.0 if late else None
        crashed = gb.add_submission(ASSIGNMENT, "s-crashed", timestamp=due)
        crashed.notebooks[0].grades[0].auto_score = 0  # whatever nbgrader left behind
        gb.db.commit()
    report = small_folder.reports(ASSIGNMENT)
    with (report / "status.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "status", "score", "max_score", "manual_points",
                         "needs_manual", "score_with_hooks", "flags", "detail"])
        for student, status in STATUSES.items():
            writer.writerow([student, status, "0", "10", "0", "no", "", "",
                             f"detail of {student}"])
    return small_folder


def test_every_status_is_visible_and_ungraded_means_empty(graded):
    found = {r.student_id: r for r in rows(graded, ASSIGNMENT)}
    assert found["s-ok"].score == 7 and found["s-ok"].comment == ""
    assert found["s-late"].raw_score == 7 and found["s-late"].late_penalty == 3
    assert found["s-late"].score == 4 and "late by 2 h 30 min: -3 points" in found["s-late"].comment
    for student in ("s-timeout", "s-flagged", "s-tampered"):
        assert found[student].score == AUTO[student]
        assert found[student].comment and f"detail of {student}" in found[student].comment
    for student in ("s-missing", "s-crashed", "s-invalid", "s-never-graded"):
        assert found[student].score is None and found[student].raw_score is None
        assert found[student].comment.startswith("NOT GRADED"), student
    assert found["s-never-graded"].status == "not graded"


def test_lms_files_leave_ungraded_cells_empty(graded):
    paths = export(graded, ASSIGNMENT, title="Ex 2", canvas_id="99",
                   canvas_id_column="SIS User ID")
    canvas = list(csv.reader(paths["canvas"].open()))
    assert canvas[0][5] == "Ex 2 (99)" and canvas[1][5] == "10"
    by_sis = {line[2]: line for line in canvas[2:]}
    assert by_sis["s-late"][5] == "4" and by_sis["s-ok"][1] == ""
    for student in ("s-missing", "s-crashed", "s-invalid", "s-never-graded"):
        assert by_sis[student][5] == ""
    moodle = {r["ID number"]: r for r in csv.DictReader(paths["moodle"].open())}
    assert moodle["s-crashed"]["Ex 2"] == "" and "NOT GRADED" in moodle["s-crashed"]["Feedback"]
    assert moodle["s-ok"]["Feedback"] == "graded"
    grades = {r["student_id"]: r for r in csv.DictReader(paths["grades"].open())}
    assert all(r["score"] != "0" for r in grades.values() if r["status"] != "ok")


def test_export_before_autograde_says_what_to_run(small_folder):
    with pytest.raises(FileNotFoundError, match="netnot-grade autograde"):
        rows(small_folder, ASSIGNMENT)
