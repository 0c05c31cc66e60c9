"""Collect submissions from an LMS bulk download with nbgrader's ``zip_collect``.

Every entry of every zip is checked BEFORE nbgrader sees it. An entry is refused (reported in
``reports/<a>/collect.csv``, never extracted) if its path is absolute or climbs out with
``..``, if it is a link or a special file, if it is too large, if it is not a notebook (by its
name or by its content: a Word document renamed ``.ipynb``, broken JSON), if no file-name
convention recognises it, if its student is not on the roster, or if a newer file of the same
student's notebook is in the download (newer: later submission time, then Canvas's larger
attachment id, then its higher ``-N`` resubmission suffix; names that differ only in case are
the same notebook). Accepted entries are copied into one clean zip in
``downloaded/<a>/archive/``, which nbgrader's ``ZipCollectApp`` extracts and collects with
``LmsCollector``: a ``FileNameCollectorPlugin`` that tries each convention's ``named_regexp``
in turn, maps LMS ids to roster ids, and hands nbgrader a timestamp with its minutes (see
``parse_timestamp``).

Each run adds its rows to ``collect.csv`` (with the time of the run) and moves the previous
run's ``downloaded/<a>/`` into ``downloaded/<a>/history/``, so no record is lost.
"""

from __future__ import annotations

import csv
import os
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
from nbgrader.plugins import FileNameCollectorPlugin
from traitlets import Dict, List, Unicode

from .folder import GradingFolder
from .nbgrader_log import nbgrader_log
from .notebook_file import NotANotebook, read_notebook

# File names of each LMS's bulk download, as nbgrader named regexps. nbgrader matches them
# against the extracted file's full path, hence the leading ``(?:.*/)?``.
CONVENTIONS: dict[str, str] = {
    # Blackboard (nbgrader's documented example): <assignment>_<user>_attempt_<Y-m-d-H-M-S>_<file>
    "blackboard": r"^(?:.*/)?(?P<assignment>[^/]+?)_(?P<student_id>[^/_]+)_attempt_"
                  r"(?P<timestamp>\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)_(?P<file_id>[^/]+)\.ipynb$",
    # Moodle: <Full Name>_<participant id>_assignsubmission_file_<file> (or a folder per student)
    "moodle": r"^(?:.*/)?(?P<full_name>[^/_]+)_(?P<student_id>\d+)_assignsubmission_file_?/?"
              r"(?P<file_id>[^/]+)\.ipynb$",
    # Canvas: <sortablename>[_LATE]_<user id>_<attachment id>_<file>[-<n>] (n: resubmission)
    "canvas": r"^(?:.*/)?(?P<name>[^/_]+)(?P<late>_LATE)?_(?P<student_id>\d+)_"
              r"(?P<attachment_id>\d+)_(?P<file_id>[^/]+)\.ipynb$",
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


def notebook_name(file_id: str, notebooks: list[str]) -> tuple[str, int]:
    """(released notebook a file id means, resubmission number).

    Canvas appends ``-1``, ``-2`` … to a file submitted again; a name that differs from a
    released notebook only in case means that notebook.
    """
    by_case = {name.lower(): name for name in notebooks}
    exact = f"{file_id}.ipynb"
    if exact in notebooks or not notebooks:
        return exact, 0
    if exact.lower() in by_case:
        return by_case[exact.lower()], 0
    found = re.fullmatch(r"(.*)-(\d+)", file_id)
    if found and f"{found.group(1)}.ipynb".lower() in by_case:
        return by_case[f"{found.group(1)}.ipynb".lower()], int(found.group(2))
    return exact, 0


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
        name, _ = notebook_name(info["file_id"], self.notebooks)
        out = {"student_id": student, "file_id": name[:-len(".ipynb")]}
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
    order: tuple[int, int, int] = (0, 0, 0)  # attachment id, resubmission, exact name

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


def _content_problem(archive: zipfile.ZipFile, info: zipfile.ZipInfo,
                     max_bytes: int) -> tuple[str, str]:
    """(problem, note) from reading the entry: too large once unpacked, or not a notebook."""
    with archive.open(info) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        return "too large once unpacked", ""
    try:
        _, notes = read_notebook(data)
    except NotANotebook as err:
        return str(err), ""
    return "", "; ".join(notes)


def _entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, roster: set[str],
           notebooks: list[str], conventions: tuple[str, ...], id_map: dict[str, str],
           times: dict[str, str], timezone: str, max_bytes: int) -> Entry:
    entry = Entry(path.name, info.filename)
    problem = unsafe(info)
    if not problem and info.file_size > max_bytes:
        problem = f"too large ({info.file_size} bytes)"
    if not problem and not PurePosixPath(info.filename).name.endswith(".ipynb"):
        problem = "not a notebook (by its name)"
    found = None if problem else match_name(info.filename, conventions)
    if not problem and found is None:
        problem = "file name not recognised (no LMS convention matches)"
    if problem:
        return replace(entry, problem=problem)
    convention, groups = found
    lms_id = groups["student_id"]
    student = id_map.get(lms_id, lms_id)
    notebook, resubmission = notebook_name(groups["file_id"], notebooks)
    exact = int(f"{groups['file_id']}.ipynb" == notebook)
    entry = replace(entry, student_id=student, notebook=notebook, convention=convention,
                    order=(int(groups.get("attachment_id", 0)), resubmission, exact))
    if student not in roster:
        return replace(entry, problem=f"unknown student {lms_id!r} (not on the roster)")
    when = groups.get("timestamp") or times.get(lms_id) or times.get(student)
    if when:
        try:
            entry = replace(entry, timestamp=parse_timestamp(when, timezone).isoformat())
        except ValueError as err:
            return replace(entry, problem=str(err))
    problem, note = _content_problem(archive, info, max_bytes)
    notes = [note] if note else []
    if groups.get("late") and not entry.timestamp:
        notes.append("the LMS marked it late, but no time was given (--times): no late penalty")
    if notebooks and notebook not in notebooks:
        notes.append(f"not the notebook asked for ({', '.join(notebooks)})")
    return replace(entry, problem=problem, note="; ".join(notes))


def check_archive(path: Path, roster: set[str], notebooks: list[str], *,
                  conventions: Iterable[str] = tuple(CONVENTIONS),
                  id_map: dict[str, str] | None = None, times: dict[str, str] | None = None,
                  timezone: str = "UTC", max_bytes: int = MAX_BYTES) -> list[Entry]:
    """One Entry per file in the zip at ``path``: accepted, or refused with the reason."""
    if not zipfile.is_zipfile(path):
        raise ValueError(f"{path} is not a zip file (download the submissions as one zip)")
    with zipfile.ZipFile(path) as archive:
        return [_entry(archive, info, path, roster, notebooks, tuple(conventions), id_map or {},
                       times or {}, timezone, max_bytes)
                for info in archive.infolist() if unsafe(info) or not info.is_dir()]


def _drop_duplicates(entries: list[Entry]) -> list[Entry]:
    """Keep one file per student and notebook: the newest (submission time, then Canvas's
    attachment id, then the resubmission number; the exact name before a case variant)."""
    newest: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(entries):
        if not entry.accepted:
            continue
        key = (entry.student_id, entry.notebook)
        old = newest.get(key)
        if old is None or (entry.timestamp, entry.order) > (entries[old].timestamp,
                                                            entries[old].order):
            newest[key] = index
    out = []
    for index, entry in enumerate(entries):
        kept = newest.get((entry.student_id, entry.notebook))
        if entry.accepted and kept != index:
            entry = replace(entry, problem=f"older duplicate (a newer file of {entry.notebook} "
                                           f"is {entries[kept].name})")
        out.append(entry)
    return out


def write_clean_zip(sources: dict[str, Path], entries: list[Entry], target: Path) -> None:
    """Copy the accepted entries into a new zip."""
    target.parent.mkdir(parents=True, exist_ok=True)
    opened = {name: zipfile.ZipFile(path) for name, path in sources.items()}
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as clean:
            for entry in entries:
                if entry.accepted:
                    clean.writestr(zipfile.ZipInfo(entry.name),
                                   opened[entry.archive].read(entry.name))
    finally:
        for archive in opened.values():
            archive.close()


def read_pairs(path: Path, key: str, value: str) -> dict[str, str]:
    """Two columns of a CSV as a dict (e.g. lms_id -> student_id, student_id -> timestamp)."""
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if key not in (reader.fieldnames or []) or value not in (reader.fieldnames or []):
            raise ValueError(f"{path}: needs columns {key},{value}")
        return {row[key].strip(): row[value].strip() for row in reader if row[key].strip()}


REPORT_COLUMNS = ("collected_at", "archive", "entry", "student_id", "notebook", "timestamp",
                  "convention", "outcome", "note")


def zip_collect(folder: GradingFolder, assignment: str, archives: list[Path], *,
                conventions: Iterable[str] = tuple(CONVENTIONS),
                id_map: dict[str, str] | None = None, times: dict[str, str] | None = None,
                timezone: str = "UTC") -> list[Entry]:
    """Check ``archives``, then run nbgrader's zip_collect on what is safe; returns every
    entry with its outcome (also added to reports/<a>/collect.csv)."""
    roster = set(folder.roster())
    notebooks = folder.release_notebooks(assignment)
    conventions = tuple(conventions)
    names = [Path(p).name for p in archives]
    if len(set(names)) != len(names):
        raise ValueError(f"two downloads share a file name ({names}): rename one")
    entries: list[Entry] = []
    for path in archives:
        entries += check_archive(Path(path), roster, notebooks, conventions=conventions,
                                 id_map=id_map, times=times, timezone=timezone)
    entries = _drop_duplicates(entries)
    now = datetime.now(UTC).replace(microsecond=0)
    _keep_previous_run(folder.downloaded(assignment), now)
    write_clean_zip({Path(p).name: Path(p) for p in archives}, entries,
                    folder.downloaded(assignment) / "archive" / "accepted.zip")
    if any(e.accepted for e in entries):
        _run_nbgrader(folder, assignment, conventions, id_map or {}, times or {}, notebooks,
                      timezone)
    _add_to_report(entries, folder.reports(assignment) / "collect.csv", now)
    return entries


def _keep_previous_run(downloaded: Path, now: datetime) -> None:
    """Move the last run's archive/ and extracted/ into history/<time of this run>/."""
    previous = [downloaded / part for part in ("archive", "extracted")
                if (downloaded / part).exists()]
    if not previous:
        return
    target = downloaded / "history" / now.strftime("%Y-%m-%dT%H-%M-%S")
    suffix = 1
    while target.exists():
        target = target.with_name(f"{target.name.split('+')[0]}+{suffix}")
        suffix += 1
    target.mkdir(parents=True)
    for part in previous:
        shutil.move(str(part), str(target / part.name))


def _run_nbgrader(folder: GradingFolder, assignment: str, conventions: tuple[str, ...],
                  id_map: dict[str, str], times: dict[str, str], notebooks: list[str],
                  timezone: str) -> None:
    cfg = folder.config()
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
    app.coursedir = folder.coursedir(cfg)
    log = folder.log(assignment, "zip_collect", ".log")
    with nbgrader_log(app, log):
        try:
            app.init_plugins()
            app.extract_archive_files()
            app.process_extracted_files()
        except SystemExit as err:  # nbgrader's fail() exits
            raise RuntimeError(f"nbgrader zip_collect failed (exit {err.code}); see {log}") \
                from None


def _add_to_report(entries: list[Entry], path: Path, now: datetime) -> None:
    if path.exists():
        with path.open(newline="") as handle:
            header = next(csv.reader(handle), [])
        if tuple(header) != REPORT_COLUMNS:  # written by an older version: keep it aside
            os.replace(path, path.with_name("collect-before-history.csv"))
    new = not path.exists()
    with path.open("a", newline="") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(REPORT_COLUMNS)
        for e in entries:
            writer.writerow([now.isoformat(), e.archive, e.name, e.student_id, e.notebook,
                             e.timestamp, e.convention,
                             "collected" if e.accepted else f"refused: {e.problem}", e.note])


def collection_log(folder: GradingFolder, assignment: str) -> list[dict[str, str]]:
    """Every row of reports/<a>/collect.csv, oldest run first ([] before any zip_collect)."""
    path = folder.reports(assignment, create=False) / "collect.csv"
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def refused_only(folder: GradingFolder, assignment: str) -> dict[str, str]:
    """Students whose every file was refused at collection -> why (their entries)."""
    reasons: dict[str, list[str]] = {}
    collected = set()
    for row in collection_log(folder, assignment):
        student = row.get("student_id", "")
        if not student:
            continue
        if row["outcome"] == "collected":
            collected.add(student)
        else:
            reasons.setdefault(student, []).append(
                f"{row['entry']} ({row['outcome'].removeprefix('refused: ')})")
    return {s: "; ".join(r) for s, r in reasons.items() if s not in collected}


def collected_entries(folder: GradingFolder, assignment: str) -> dict[tuple[str, str], dict]:
    """(student, notebook) -> the collect.csv row of the file that was last collected."""
    return {(row["student_id"], row["notebook"]): row
            for row in collection_log(folder, assignment) if row["outcome"] == "collected"}
