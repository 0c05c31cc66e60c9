"""Grades for people and for LMS import, with every status said out loud.

Three files in ``reports/<a>/``:

- ``grades.csv``: one row per student on the roster or with a result: status, raw score, late
  penalty, final score, whether a reflection still needs grading, and a comment. A student who
  was not graded (missing, crashed, invalid, never autograded) has an EMPTY score and a comment
  saying why, never a silent 0.
- ``canvas.csv``: Canvas gradebook import (Student, ID, SIS User ID, SIS Login ID, Section,
  ``<title> (<canvas assignment id>)``, with a "Points Possible" row). Canvas cannot import
  comments, so an ungraded student's cell is left EMPTY (Canvas keeps what it had) and the
  reason is in grades.csv.
- ``moodle.csv``: Moodle grade import (ID number, Email address, First name, Last name,
  ``<title>``, Feedback): map the Feedback column to the grade item's feedback.

The numbers come from nbgrader's own ``CsvExportPlugin`` (raw score, late penalty, score,
timestamps; its file is kept as ``nbgrader-grades.csv``); this module adds what it lacks: the
status, the needs-manual flag and a comment, from the one status table in ``status.py``.
Late penalties are nbgrader's ``AssignLatePenalties`` (see ``late.py``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nbgrader.plugins import CsvExportPlugin
from nbgrader.utils import parse_utc

from . import gradebook, status
from .folder import GradingFolder

GRADES_COLUMNS = ("student_id", "last_name", "first_name", "email", "status", "submitted",
                  "raw_score", "late_penalty", "score", "max_score", "needs_manual", "comment")


@dataclass(frozen=True)
class Row:
    student_id: str
    last_name: str
    first_name: str
    email: str
    status: str
    submitted: str  # timestamp in UTC, "" if unknown
    raw_score: float | None
    late_penalty: float
    score: float | None  # None: no grade to upload (see comment)
    max_score: float
    needs_manual: bool
    comment: str


def number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def _late(penalty: float, submitted: datetime | None, due: datetime | None) -> str:
    if not penalty or submitted is None or due is None:
        return ""
    minutes = round((submitted - due).total_seconds() / 60)
    return f"late by {minutes // 60} h {minutes % 60:02d} min: -{number(penalty)} points"


def nbgrader_export(folder: GradingFolder, assignment: str) -> dict[str, dict[str, str]]:
    """nbgrader's CsvExportPlugin for this assignment, read back by student."""
    path = folder.reports(assignment) / "nbgrader-grades.csv"
    with folder.assignment_record(assignment) as (gb, _):
        CsvExportPlugin(to=str(path), assignment=[assignment]).export(gb)
    keys = ("raw_score", "late_submission_penalty", "score", "max_score")
    out = {}
    with path.open(newline="") as handle:
        lines = list(csv.reader(handle))
    for line in lines[1:]:  # nbgrader does not quote names: read the ends of each line
        head, tail = line[:4], line[-4:]
        out[head[3]] = {"duedate": head[1], "timestamp": head[2], **dict(zip(keys, tail,
                                                                             strict=True))}
    return out


def _when(text: str) -> datetime | None:
    return parse_utc(text) if text else None


def rows(folder: GradingFolder, assignment: str) -> list[Row]:
    """One Row per student, from status.csv, nbgrader's export and the gradebook."""
    statuses = status.read_csv(folder.reports(assignment) / "status.csv", assignment)
    exported = nbgrader_export(folder, assignment)
    with folder.gradebook() as gb:
        people = {s.id: s for s in gb.students}
    out: list[Row] = []
    for student in sorted(set(people) | set(statuses)):
        person = people.get(student)
        row = statuses.get(student, {})
        state = status.describe(row.get("status", "not graded"))
        numbers = exported.get(student, {})
        found = gradebook.score(folder, assignment, student)
        raw = float(numbers["raw_score"]) if found and numbers else None
        penalty = float(numbers.get("late_submission_penalty") or 0) if found else 0.0
        manual = bool(found and found.needs_manual)
        graded = state.scored and raw is not None
        notes = [state.comment]
        detail = row.get("detail", "")
        if detail and state.name not in ("ok", "missing"):
            notes.append(detail)
        if graded and manual:
            notes.append("NOT FINAL: a written answer still needs grading")
        if graded:
            notes.append(_late(penalty, _when(numbers["timestamp"]), _when(numbers["duedate"])))
        score = float(numbers["score"]) if graded and not manual else None
        top = float(numbers["max_score"]) if numbers else 0.0
        out.append(Row(
            student, getattr(person, "last_name", None) or "",
            getattr(person, "first_name", None) or "", getattr(person, "email", None) or "",
            state.name, numbers.get("timestamp", "") if found else "",
            raw if graded else None, penalty if graded else 0.0, score,
            top, graded and manual, "; ".join(n for n in notes if n)))
    return out


def write_grades(found: list[Row], path: Path) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(GRADES_COLUMNS)
        for r in found:
            writer.writerow([r.student_id, r.last_name, r.first_name, r.email, r.status,
                             r.submitted, number(r.raw_score), number(r.late_penalty),
                             number(r.score), number(r.max_score),
                             "yes" if r.needs_manual else "no", r.comment])


def write_canvas(found: list[Row], path: Path, title: str, canvas_id: str = "",
                 id_column: str = "ID") -> None:
    """Canvas gradebook import; ``id_column`` says where the roster id goes (ID or SIS User ID)."""
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
              f"{title} ({canvas_id})" if canvas_id else title]
    where = header.index(id_column)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow(["    Points Possible", "", "", "", "",
                         number(found[0].max_score if found else 0)])
        for r in found:
            line = [f"{r.last_name}, {r.first_name}".strip(", "), "", "", "", "",
                    number(r.score)]
            line[where] = r.student_id
            writer.writerow(line)


def write_moodle(found: list[Row], path: Path, title: str) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID number", "Email address", "First name", "Last name", title,
                         "Feedback"])
        for r in found:
            writer.writerow([r.student_id, r.email, r.first_name, r.last_name, number(r.score),
                             r.comment or "graded"])


def export(folder: GradingFolder, assignment: str, *, title: str | None = None,
           canvas_id: str = "", canvas_id_column: str = "ID") -> dict[str, Path]:
    """Write grades.csv, canvas.csv and moodle.csv; returns their paths by name."""
    found = rows(folder, assignment)
    reports = folder.reports(assignment)
    paths = {name: reports / f"{name}.csv" for name in ("grades", "canvas", "moodle")}
    write_grades(found, paths["grades"])
    write_canvas(found, paths["canvas"], title or assignment, canvas_id, canvas_id_column)
    write_moodle(found, paths["moodle"], title or assignment)
    return paths
