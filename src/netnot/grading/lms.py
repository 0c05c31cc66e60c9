"""Collect submissions from an LMS bulk download with nbgrader's ``zip_collect``.

Every entry of every zip is checked BEFORE nbgrader sees it. An entry is refused (reported in
``reports/<a>/collect.csv``, never extracted) if its path is absolute or climbs out with
``..``, if it is a link or a special file, if it is too large, if it is not a notebook, if no
file-name convention recognises it, or if its student is not on the roster. Accepted entries
are copied into one clean zip in ``downloaded/<a>/archive/``, which nbgrader's ``ZipCollectApp``
extracts and collects with ``LmsCollector``: a ``FileNameCollectorPlugin`` that tries each
convention's ``named_regexp`` in turn, maps LMS ids to roster ids, and hands nbgrader a
timestamp with its minutes (see ``parse_timestamp``).
"""

from __future__ import annotations

import csv
import re
import shutil
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from nbgrader.apps.zipcollectapp import ZipCollectApp
from nbgrader.coursedir import CourseDirectory
from nbgrader.plugins import FileNameCollectorPlugin
from traitlets import Dict, List, Unicode

from . import classfolder

# File names of each LMS's bulk download, as nbgrader named regexps. nbgrader matches them
# against the extracted file's full path, hence the leading ``(?:.*/)?``.
CONVENTIONS: dict[str, str] = {
    # Blackboard (nbgrader's documented example): <assignment>_<user>_attempt_<Y-m-d-H-M-S>_<file>
    "blackboard": r"^(?:.*/)?(?P<assignment>[^/]+?)_(?P<student_id>[^/_]+)_attempt_"
                  r"(?P<timestamp>\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)_(?P<file_id>[^/]+)\.ipynb$",
    # Moodle: <Full Name>_<participant id>_assignsubmission_file_<file> (or a folder per student)
    "moodle": r"^(?:.*/)?(?P<full_name>[^/_]+)_(?P<student_id>\d+)_assignsubmission_file_?/?"
              r"(?P<file_id>[^/]+)\.ipynb$",
    # Canvas: <sortablename>[_LATE]_<user id>_<submission id>_<file>[-<n>] (n: resubmission)
    "canvas": r"^(?:.*/)?(?P<name>[^/_]+)(?P<late>_LATE)?_(?P<student_id>\d+)_"
              r"(?P<submission_id>\d+)_(?P<file_id>[^/]+)\.ipynb$",
}
MAX_BYTES = 20_000_000  # a course notebook is far smaller; more is refused


def parse_timestamp(text: str, timezone: str = "UTC") -> datetime:
    """An aware UTC datetime from an LMS time, minutes and seconds kept.

    Accepts ``2025-01-11-09-30-00`` (Blackboard/nbgrader style, which dateutil misreads as
    09:00), ``2025-01-11 09:30[:00]``, ISO 8601 with ``T``, ``Z`` or an offset. A time without
    an offset is taken in ``timezone``.
    """
    raw = text.strip()
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)[-_ T](\d\d)[-:.](\d\d)(?:[-:.](\d\d))?(\.\d+)?(.*)",
                         raw)
    if not match:
        raise ValueError(f"not a date and time: {text!r} (expected e.g. 2025-01-11 09:30:00)")
    day, hour, minute, second, fraction, zone = match.groups()
    zone = zone.strip()
    iso = f"{day}T{hour}:{minute}:{second or '00'}{fraction or ''}"
    if zone in ("Z", "UTC", "GMT"):
        zone = "+00:00"
    if zone and not re.fullmatch(r"[+-]\d\d:?\d\d", zone):
        raise ValueError(f"unknown time zone in {text!r}: {zone!r}")
    when = datetime.fromisoformat(iso + zone)
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo(timezone))
    return when.astimezone(UTC)


def match_name(name: str, conventions: Iterable[str]) -> tuple[str, dict[str, str]] | None:
    """(convention, named groups) of the first convention whose regexp matches ``name``."""
    for convention in conventions:
        found = re.match(CONVENTIONS[convention], name)
        if found:
            return convention, {k: v for k, v in found.groupdict().items() if v is not None}
    return None


def notebook_name(file_id: str, notebooks: list[str]) -> str:
    """The released notebook a file id means (Canvas appends -1, -2 to resubmissions)."""
    if f"{file_id}.ipynb" in notebooks or not notebooks:
        return f"{file_id}.ipynb"
    base = re.sub(r"-\d+$", "", file_id) + ".ipynb"
    return base if base in notebooks else f"{file_id}.ipynb"


class LmsCollector(FileNameCollectorPlugin):
    """nbgrader's FileNameCollectorPlugin, trying one ``named_regexp`` per LMS convention."""

    conventions = List(Unicode(), default_value=list(CONVENTIONS)).tag(config=True)
    id_map = Dict(help="LMS id -> roster id").tag(config=True)
    times = Dict(help="student (LMS or roster id) -> submission time").tag(config=True)
    notebooks = List(Unicode(), help="released notebook names").tag(config=True)
    timezone = Unicode("UTC", help="zone of times without an offset").tag(config=True)

    def _match(self, filename: str) -> dict | None:
        for convention in self.conventions:
            self.named_regexp = CONVENTIONS[convention]
            found = re.match(self.named_regexp, filename)
            if found:
                return super()._match(filename)
        self.log.warning("no LMS file-name convention matches %s", filename)
        return None

    def collect(self, submitted_file: str) -> dict | None:
        info = super().collect(submitted_file)
        if not info:
            return None
        lms_id = info["student_id"]
        student = self.id_map.get(lms_id, lms_id)
        when = info.get("timestamp") or self.times.get(lms_id) or self.times.get(student)
        out = {"student_id": student,
               "file_id": notebook_name(info["file_id"], self.notebooks)[:-len(".ipynb")]}
        if when:
            out["timestamp"] = parse_timestamp(when, self.timezone).isoformat()
        return out


@dataclass(frozen=True)
class Entry:
    archive: str
    name: str
    student_id: str = ""
    notebook: str = ""
    timestamp: str = ""
    convention: str = ""
    problem: str = ""  # why it was refused; "" if accepted
    note: str = ""

    @property
    def accepted(self) -> bool:
        return not self.problem


def unsafe(info: zipfile.ZipInfo) -> str:
    """Why this zip entry must never be extracted, or ""."""
    name = info.filename
    if "\0" in name or "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "unsafe path (absolute or with backslashes)"
    if ".." in PurePosixPath(name).parts:
        return "unsafe path (climbs out with ..)"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic link"
    if stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "special file"
    return ""


def check_archive(path: Path, roster: set[str], notebooks: list[str], *,
                  conventions: Iterable[str] = tuple(CONVENTIONS),
                  id_map: dict[str, str] | None = None, times: dict[str, str] | None = None,
                  timezone: str = "UTC", max_bytes: int = MAX_BYTES) -> list[Entry]:
    """One Entry per file in the zip at ``path``: accepted, or refused with the reason."""
    id_map, times, conventions = id_map or {}, times or {}, tuple(conventions)
    entries: list[Entry] = []
    if not zipfile.is_zipfile(path):
        raise ValueError(f"{path} is not a zip file (download the submissions as one zip)")
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            entry = Entry(path.name, info.filename)
            problem = unsafe(info)
            if not problem and info.is_dir():
                continue
            base = PurePosixPath(info.filename).name
            if not problem and info.file_size > max_bytes:
                problem = f"too large ({info.file_size} bytes)"
            if not problem and not base.endswith(".ipynb"):
                problem = "not a notebook"
            found = None if problem else match_name(info.filename, conventions)
            if not problem and found is None:
                problem = "file name not recognised (no LMS convention matches)"
            if found:
                convention, groups = found
                lms_id = groups["student_id"]
                student = id_map.get(lms_id, lms_id)
                notebook = notebook_name(groups["file_id"], notebooks)
                entry = replace(entry, student_id=student, notebook=notebook,
                                convention=convention)
                if student not in roster:
                    problem = f"unknown student {lms_id!r} (not on the roster)"
                when = groups.get("timestamp") or times.get(lms_id) or times.get(student)
                if not problem and when:
                    try:
                        entry = replace(entry, timestamp=parse_timestamp(when, timezone)
                                        .isoformat())
                    except ValueError as err:
                        problem = str(err)
                if not problem and groups.get("late") and not entry.timestamp:
                    entry = replace(entry, note="the LMS marked it late, but no time was given "
                                                "(--times): no late penalty")
                if not problem and notebooks and notebook not in notebooks:
                    entry = replace(entry, note=f"not the notebook asked for "
                                                f"({', '.join(notebooks)})")
            entries.append(replace(entry, problem=problem))
    return entries


def _drop_duplicates(entries: list[Entry]) -> list[Entry]:
    """Keep one file per student and notebook: the latest (or the last in the zip)."""
    latest: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(entries):
        if not entry.accepted:
            continue
        key = (entry.student_id, entry.notebook)
        old = latest.get(key)
        if old is None or entry.timestamp >= entries[old].timestamp:
            latest[key] = index
    keep = set(latest.values())
    return [e if (not e.accepted or i in keep) else replace(e, problem="older duplicate")
            for i, e in enumerate(entries)]


def write_clean_zip(sources: dict[str, Path], entries: list[Entry], target: Path,
                    max_bytes: int = MAX_BYTES) -> list[Entry]:
    """Copy the accepted entries into a new zip; returns entries (oversized ones refused)."""
    out: list[Entry] = []
    target.parent.mkdir(parents=True, exist_ok=True)
    opened = {name: zipfile.ZipFile(path) for name, path in sources.items()}
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as clean:
            for entry in entries:
                if entry.accepted:
                    with opened[entry.archive].open(entry.name) as handle:
                        data = handle.read(max_bytes + 1)
                    if len(data) > max_bytes:
                        entry = replace(entry, problem="too large once unpacked")
                    else:
                        clean.writestr(zipfile.ZipInfo(entry.name), data)
                out.append(entry)
    finally:
        for archive in opened.values():
            archive.close()
    return out


def read_pairs(path: Path, key: str, value: str) -> dict[str, str]:
    """Two columns of a CSV as a dict (e.g. lms_id -> student_id, student_id -> timestamp)."""
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if key not in (reader.fieldnames or []) or value not in (reader.fieldnames or []):
            raise ValueError(f"{path}: needs columns {key},{value}")
        return {row[key].strip(): row[value].strip() for row in reader if row[key].strip()}


REPORT_COLUMNS = ("archive", "entry", "student_id", "notebook", "timestamp", "convention",
                  "outcome", "note")


def zip_collect(root: Path, assignment: str, archives: list[Path], *,
                conventions: Iterable[str] = tuple(CONVENTIONS),
                id_map: dict[str, str] | None = None, times: dict[str, str] | None = None,
                timezone: str = "UTC") -> list[Entry]:
    """Check ``archives``, then run nbgrader's zip_collect on what is safe; returns every
    entry with its outcome (also written to reports/<a>/collect.csv)."""
    root = Path(root).resolve()
    roster = set(classfolder.roster(root))
    notebooks = classfolder.release_notebooks(root, assignment)
    conventions = tuple(conventions)
    names = [Path(p).name for p in archives]
    if len(set(names)) != len(names):
        raise ValueError(f"two downloads share a file name ({names}): rename one")
    entries: list[Entry] = []
    for path in archives:
        entries += check_archive(Path(path), roster, notebooks, conventions=conventions,
                                 id_map=id_map, times=times, timezone=timezone)
    entries = _drop_duplicates(entries)
    downloaded = root / "downloaded" / assignment
    shutil.rmtree(downloaded, ignore_errors=True)
    entries = write_clean_zip({Path(p).name: Path(p) for p in archives}, entries,
                              downloaded / "archive" / "accepted.zip")
    if any(e.accepted for e in entries):
        _run_nbgrader(root, assignment, conventions, id_map or {}, times or {}, notebooks,
                      timezone)
    _write_report(entries, root / "reports" / assignment / "collect.csv")
    return entries


def _run_nbgrader(root: Path, assignment: str, conventions: tuple[str, ...],
                  id_map: dict[str, str], times: dict[str, str], notebooks: list[str],
                  timezone: str) -> None:
    cfg = classfolder.config(root)
    cfg.CourseDirectory.assignment_id = assignment
    cfg.ZipCollectApp.collector_plugin = LmsCollector
    cfg.ZipCollectApp.force = True
    cfg.ExtractorPlugin.force = True
    cfg.LmsCollector.conventions = list(conventions)
    cfg.LmsCollector.id_map = dict(id_map)
    cfg.LmsCollector.times = dict(times)
    cfg.LmsCollector.notebooks = list(notebooks)
    cfg.LmsCollector.timezone = timezone
    app = ZipCollectApp(config=cfg)
    app.coursedir = CourseDirectory(config=cfg)
    try:
        app.init_plugins()
        app.extract_archive_files()
        app.process_extracted_files()
    except SystemExit as err:  # nbgrader's fail() exits
        raise RuntimeError(f"nbgrader zip_collect failed (exit {err.code}); see the log above") \
            from None


def _write_report(entries: list[Entry], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_COLUMNS)
        for e in entries:
            writer.writerow([e.archive, e.name, e.student_id, e.notebook, e.timestamp,
                             e.convention, "collected" if e.accepted else f"refused: {e.problem}",
                             e.note])
