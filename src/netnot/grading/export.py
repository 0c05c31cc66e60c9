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

Late penalties come from the gradebook (nbgrader's ``AssignLatePenalties``, see ``late.py``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nbgrader.api import MissingEntry

from . import classfolder

SCORED = ("ok", "timeout", "tampered", "flagged")
COMMENT = {
    "ok": "",
    "timeout": "a cell ran past the time limit and scored 0; the rest was graded",
    "tampered": "test cells or grade settings were changed; the tests were restored and graded",
    "flagged": "graded, but the code uses a trick that a person should check",
    "crashed": "NOT GRADED: grading crashed (the kernel died or nbgrader failed)",
    "invalid": "NOT GRADED: not a readable notebook, or not the notebook that was asked for",
    "missing": "NOT GRADED: nothing was submitted",
    "not graded": "NOT GRADED: autograde has not been run for this submission",
}
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


def read_status(root: Path, assignment: str) -> dict[str, dict[str, str]]:
    path = Path(root) / "reports" / assignment / "status.csv"
    if not path.exists():
        raise FileNotFoundError(f"no {path}: run `netnot-grade autograde {assignment}` first")
    with path.open(newline="") as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle)}


def number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def _late(penalty: float, submitted: datetime | None, due: datetime | None) -> str:
    if not penalty or submitted is None or due is None:
        return ""
    minutes = round((submitted - due).total_seconds() / 60)
    return f"late by {minutes // 60} h {minutes % 60:02d} min: -{number(penalty)} points"


def rows(root: Path, assignment: str) -> list[Row]:
    """One Row per student, from status.csv and the gradebook."""
    statuses = read_status(root, assignment)
    out: list[Row] = []
    with classfolder.gradebook(root) as gb:
        try:
            top = float(gb.find_assignment(assignment).max_score)
            due = gb.find_assignment(assignment).duedate
        except MissingEntry:
            raise ValueError(f"{assignment} is not in the gradebook") from None
        people = {s.id: s for s in gb.students}
        for student in sorted(set(people) | set(statuses)):
            person = people.get(student)
            status = statuses.get(student, {}).get("status", "not graded")
            try:
                sub = gb.find_submission(assignment, student)
            except MissingEntry:
                sub = None
            raw = float(sub.score) if sub is not None else None
            penalty = float(sub.late_submission_penalty or 0) if sub is not None else 0.0
            manual = bool(sub.needs_manual_grade) if sub is not None else False
            graded = status in SCORED and raw is not None
            notes = [COMMENT.get(status, f"status {status}")]
            detail = statuses.get(student, {}).get("detail", "")
            if detail and status not in ("ok", "missing"):
                notes.append(detail)
            if graded and manual:
                notes.append("NOT FINAL: a written answer still needs grading")
            if graded:
                notes.append(_late(penalty, sub.timestamp, due))
            score = max(0.0, raw - penalty) if graded and not manual else None
            out.append(Row(
                student, getattr(person, "last_name", None) or "",
                getattr(person, "first_name", None) or "", getattr(person, "email", None) or "",
                status, str(sub.timestamp or "") if sub is not None else "",
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


def export(root: Path, assignment: str, *, title: str | None = None, canvas_id: str = "",
           canvas_id_column: str = "ID") -> dict[str, Path]:
    """Write grades.csv, canvas.csv and moodle.csv; returns their paths by name."""
    found = rows(root, assignment)
    folder = Path(root) / "reports" / assignment
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in ("grades", "canvas", "moodle")}
    write_grades(found, paths["grades"])
    write_canvas(found, paths["canvas"], title or assignment, canvas_id, canvas_id_column)
    write_moodle(found, paths["moodle"], title or assignment)
    return paths
