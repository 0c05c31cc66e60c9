"""Feedback pages in each LMS's bulk-upload format, one zip for the whole class.

- **Canvas**, Assignment → *Re-upload submissions*: a zip of files named as Canvas downloaded
  them. Canvas splits a file name on ``_`` and takes its first two all-digit parts as the user
  id and the attachment id of the submission (canvas-lms, ``Assignment#
  infer_comment_context_from_filename``); it attaches each file as a submission comment. The
  page for ``doejane_12345_678_02-not-a-quick-fix.ipynb`` is therefore
  ``doejane_12345_678_02-not-a-quick-fix.html``.
- **Moodle**, Assignment → *Upload multiple feedback files in a zip*: one folder per
  participant, ``<Full Name>_<participant id>_assignfeedback_file/``; Moodle reads the
  participant id from the second ``_``-separated part of a path part followed by a plugin type
  and name (``mod/assign/feedback/file/importziplib.php``), and attaches every file in the
  folder as a feedback file.

Both need the names of the LMS download, so only students collected with ``zip_collect`` can be
in them (their rows in ``collect.csv``); the others are listed for another route.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .folder import GradingFolder
from .lms import CONVENTIONS, collected_entries

FORMATS = ("canvas", "moodle")


@dataclass
class FeedbackZip:
    lms: str
    path: Path
    students: list[str] = field(default_factory=list)


def canvas_name(entry: str) -> str:
    """The Canvas re-upload name of the page for the downloaded file ``entry``."""
    return PurePosixPath(entry).name.removesuffix(".ipynb") + ".html"


def moodle_name(entry: str, notebook: str) -> str:
    """``<Full Name>_<participant>_assignfeedback_file/<notebook>.html`` for a download entry."""
    found = re.match(CONVENTIONS["moodle"], entry)
    if not found:
        raise ValueError(f"not a Moodle download name: {entry}")
    folder = f"{found.group('full_name')}_{found.group('student_id')}_assignfeedback_file"
    return f"{folder}/{notebook.removesuffix('.ipynb')}.html"


def write_feedback_zips(folder: GradingFolder, assignment: str,
                        formats: tuple[str, ...] = FORMATS) -> tuple[list[FeedbackZip],
                                                                       list[str]]:
    """Write reports/<a>/feedback-<lms>.zip for each LMS the class was collected from.

    Returns (the zips written, students with a feedback page but no LMS download name)."""
    entries = collected_entries(folder, assignment)
    pages = folder.feedback_pages(assignment)
    zips = {lms: FeedbackZip(lms, folder.reports(assignment) / f"feedback-{lms}.zip")
            for lms in formats}
    contents: dict[str, list[tuple[str, Path]]] = {lms: [] for lms in formats}
    elsewhere = []
    for page in pages:
        student = page.parent.parent.name
        row = entries.get((student, page.stem + ".ipynb"))
        if row is None or row["convention"] not in formats:
            elsewhere.append(student)
            continue
        lms = row["convention"]
        name = canvas_name(row["entry"]) if lms == "canvas" else \
            moodle_name(row["entry"], row["notebook"])
        contents[lms].append((name, page))
        zips[lms].students.append(student)
    written = []
    for lms, files in contents.items():
        zips[lms].path.unlink(missing_ok=True)
        if not files:
            continue
        with zipfile.ZipFile(zips[lms].path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, page in files:
                archive.write(page, name)
        written.append(zips[lms])
    return written, sorted(set(elsewhere))
