"""A fake class of 23 for the instructor tests: who submits how, and what they wrote.

10 students use nbgrader's exchange (ex01-ex03, ex09-ex15), 7 are in a Canvas download (Canvas
user ids 1001, 1002, 1005-1009) and 6 in a Moodle download (participant ids 5001, 5002,
5004-5007, mapped to md01-md07). Four of them submit nothing. Answers: correct, partial, late,
timing out, crashing, not a notebook, and one (ex15) that types the hidden-tests marker into its
answers.
"""

from __future__ import annotations

import csv
import re
import stat
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "02-not-a-quick-fix"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
SOLUTION = ROOT / "solutions" / ASSIGNMENT / NOTEBOOK
REFLECTION = ("Start before you need it: in my runs the median wait for a first referral was "
              "months, and a head start of a few months put half of the seekers within 4 weeks. "
              "The weekly chances in the model are assumptions.")


MARKER_REFLECTION = REFLECTION + " I wrote ### BEGIN HIDDEN TESTS here to see what happens."


@dataclass(frozen=True)
class Student:
    id: str
    route: str  # exchange, canvas, moodle
    kind: str  # correct, partial, timeout, crash, invalid, blank-reflection, missing
    late_minutes: int = 0  # submitted this long after the due date (LMS routes only)
    lms_id: str = ""


def _class() -> list[Student]:
    people = [Student(f"ex{n:02d}", "exchange", "correct") for n in range(1, 4)]
    people += [Student("ex09", "exchange", "partial"), Student("ex10", "exchange", "partial"),
               Student("ex11", "exchange", "timeout"), Student("ex12", "exchange", "crash"),
               Student("ex13", "exchange", "missing"), Student("ex14", "exchange", "missing"),
               Student("ex15", "exchange", "marker")]
    people += [Student(str(n), "canvas", "correct", lms_id=str(n)) for n in (1001, 1002)]
    people += [Student("1005", "canvas", "correct", 15, "1005"),
               Student("1006", "canvas", "partial", lms_id="1006"),
               Student("1007", "canvas", "invalid", lms_id="1007"),
               Student("1008", "canvas", "correct", lms_id="1008"),
               Student("1009", "canvas", "missing", lms_id="1009")]
    people += [Student(f"md0{n}", "moodle", "correct", lms_id=f"500{n}") for n in (1, 2)]
    people += [Student("md04", "moodle", "correct", 150, "5004"),
               Student("md05", "moodle", "partial", lms_id="5005"),
               Student("md06", "moodle", "blank-reflection", lms_id="5006"),
               Student("md07", "moodle", "missing", lms_id="5007")]
    return people


CLASS = _class()


def write_roster(path: Path) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "last_name", "first_name", "email"])
        for s in CLASS:
            writer.writerow([s.id, f"Family{s.id}", f"Given{s.id}", f"{s.id}@example.edu"])
    return path


def solution_code() -> dict[str, str]:
    """grade_id -> the reference answer, markers removed."""
    out = {}
    for cell in nbformat.read(SOLUTION, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            out[meta["grade_id"]] = "\n".join(
                line for line in cell.source.splitlines() if "SOLUTION" not in line)
    return out


PARTIAL_B = ('with answers.by_code("part-b") as part:\n'
             "    part.submit(50)  # leaves out the seekers with none: fails a hidden check\n")


def answers(kind: str) -> dict[str, str]:
    """grade_id -> what this kind of student writes in each answer cell."""
    code = solution_code()
    if kind == "partial":  # Part A right, Part B fails its hidden check, no Part C
        return {"part-a-answer": code["part-a-answer"], "part-b-answer": PARTIAL_B,
                "part-d-answer": "Network early, it takes a while."}
    if kind == "timeout":  # Part A never finishes; B and C are right
        return {**code, "part-a-answer": "while True:\n    pass", "part-d-answer": REFLECTION}
    if kind == "crash":
        return {**code, "part-a-answer": "import os\nos._exit(1)", "part-d-answer": REFLECTION}
    if kind == "blank-reflection":
        return code
    if kind == "marker":  # the hidden-tests marker, typed by a student, in code and in text
        return {**code, "part-a-answer": "# ### BEGIN HIDDEN TESTS (is this where they hide?)\n"
                + code["part-a-answer"], "part-d-answer": MARKER_REFLECTION}
    return {**code, "part-d-answer": REFLECTION}


def fill(release_notebook: Path, kind: str, target: Path) -> None:
    """Write the student's notebook: the released one with their answers."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "invalid":
        target.write_text('{"cells": [ this is not json')
        return
    nb = nbformat.read(release_notebook, as_version=4)
    mine = answers(kind)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in mine:
            cell.source = mine[grade_id]
    nbformat.write(nb, target)


def canvas_name(s: Student) -> str:
    late = "_LATE" if s.late_minutes else ""
    suffix = "-1" if s.id == "1008" else ""  # a resubmission: Canvas appends -1
    return f"family{s.id}given{late}_{s.lms_id}_77{s.lms_id}_{ASSIGNMENT}{suffix}.ipynb"


def moodle_name(s: Student) -> str:
    return f"Given{s.id} Family{s.id}_{s.lms_id}_assignsubmission_file_{NOTEBOOK}"


def lms_zips(base: Path, release_notebook: Path) -> tuple[Path, Path, list[str]]:
    """(canvas.zip, moodle.zip, names of the unsafe entries planted in them)."""
    work = base / "lms-notebooks"
    zips = {"canvas": base / "canvas-download.zip", "moodle": base / "moodle-download.zip"}
    with zipfile.ZipFile(zips["canvas"], "w") as canvas, \
            zipfile.ZipFile(zips["moodle"], "w") as moodle:
        archives = {"canvas": canvas, "moodle": moodle}
        for s in CLASS:
            if s.route not in archives or s.kind == "missing":
                continue
            name = canvas_name(s) if s.route == "canvas" else moodle_name(s)
            fill(release_notebook, s.kind, work / name)
            archives[s.route].write(work / name, name)
        planted = [f"../{ASSIGNMENT}.ipynb", f"/tmp/family1001given_1001_771001_{NOTEBOOK}",
                   f"strangerx_9999_779999_{NOTEBOOK}", f"family1002given_1002_1_{NOTEBOOK}"]
        fill(release_notebook, "correct", work / "planted.ipynb")
        data = (work / "planted.ipynb").read_bytes()
        canvas.writestr(planted[0], data)
        canvas.writestr(planted[1], data)
        canvas.writestr(planted[2], data)
        link = zipfile.ZipInfo(planted[3])
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        canvas.writestr(link, "/etc/passwd")
        planted.append(f"Outsider Person_5999_assignsubmission_file_{NOTEBOOK}")
        moodle.writestr(planted[4], data)
    return zips["canvas"], zips["moodle"], planted


def times_csv(path: Path, due: datetime) -> Path:
    """Submission times (minutes matter) of the LMS students, as the LMS reports them."""
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "timestamp"])
        for s in CLASS:
            if s.route in ("canvas", "moodle") and s.kind != "missing":
                when = due + timedelta(minutes=s.late_minutes or -90)
                writer.writerow([s.id, when.strftime("%Y-%m-%d %H:%M:%S")])
    return path


def id_map_csv(path: Path) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lms_id", "student_id"])
        for s in CLASS:
            if s.route == "moodle":
                writer.writerow([s.lms_id, s.id])
    return path


def visible_text(page: str) -> str:
    return re.sub(r"<[^>]+>", "", page)


def canvas_reupload_ids(name: str) -> tuple[str, str]:
    """What Canvas's Re-upload submissions reads from a file name: the first two all-digit
    parts between underscores are the user id and the attachment id."""
    digits = [part for part in name.split("_") if re.fullmatch(r"\d+", part)]
    return digits[0], digits[1]


def moodle_feedback_target(path: str) -> tuple[str, str, str, str]:
    """What Moodle's feedback-zip import reads from a path: the first part that splits on
    ``_`` into at least four pieces with a numeric second piece gives the participant id and
    the plugin (type, name); the rest of the path is the file name."""
    parts = path.split("/")
    while parts:
        info = parts.pop(0).split("_", 4)
        if len(info) < 4 or not info[1].isdigit():
            continue
        info += [""] * (5 - len(info))
        return info[1], info[2], info[3], "/".join([info[4], *parts]).lstrip("/")
    raise AssertionError(f"Moodle would ignore {path}")
