"""LMS bulk downloads: unsafe or unknown entries are refused before nbgrader extracts anything,
every LMS convention is recognised, and submission times keep their minutes."""

from __future__ import annotations

import csv
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import dateutil.parser
import nbformat
import pytest
from classroom import ASSIGNMENT

from netnot.grading.lms import (
    CONVENTIONS,
    LmsCollector,
    check_archive,
    match_name,
    parse_timestamp,
    zip_collect,
)

NB = f"{ASSIGNMENT}.ipynb"
NOTEBOOK = nbformat.writes(nbformat.v4.new_notebook())


def make_zip(path, entries):
    """entries: (name, text) or (ZipInfo, text)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in entries:
            archive.writestr(name, text)
    return path


def link(name, target):
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target


@pytest.mark.parametrize("name, convention, student", [
    (f"doejane_101_555_{NB}", "canvas", "101"),
    (f"doejane_LATE_101_555_{ASSIGNMENT}-1.ipynb", "canvas", "101"),
    (f"Jane Doe_102_assignsubmission_file_{NB}", "moodle", "102"),
    (f"Jane Doe_102_assignsubmission_file/{NB}", "moodle", "102"),
    (f"{ASSIGNMENT}_s03_attempt_2025-01-11-09-30-00_{NB}", "blackboard", "s03"),
])
def test_each_convention_is_recognised(name, convention, student):
    found = match_name(name, CONVENTIONS)
    assert found is not None and found[0] == convention
    assert found[1]["student_id"] == student


def test_timestamp_keeps_minutes_where_dateutil_loses_them():
    text = "2025-01-11-09-30-00"
    assert dateutil.parser.parse(text).minute == 0  # the trap nbgrader's example walks into
    assert parse_timestamp(text) == datetime(2025, 1, 11, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("text, expected", [
    ("2025-01-11 09:30", datetime(2025, 1, 11, 9, 30, tzinfo=UTC)),
    ("2025-01-11T09:30:15Z", datetime(2025, 1, 11, 9, 30, 15, tzinfo=UTC)),
    ("2025-01-11 09:30:00+01:00", datetime(2025, 1, 11, 8, 30, tzinfo=UTC)),
    ("2025-01-11_23-59-59", datetime(2025, 1, 11, 23, 59, 59, tzinfo=UTC)),
])
def test_timestamp_formats(text, expected):
    assert parse_timestamp(text) == expected


def test_timestamp_in_a_named_zone_and_bad_input():
    assert parse_timestamp("2025-07-01 12:05", "Europe/Berlin") == datetime(2025, 7, 1, 10, 5,
                                                                             tzinfo=UTC)
    with pytest.raises(ValueError, match="not a date"):
        parse_timestamp("yesterday")


def test_collector_hands_nbgrader_a_timestamp_with_minutes(tmp_path):
    collector = LmsCollector(notebooks=[NB], id_map={"555": "101"},
                             times={"101": "2025-01-11 09:45"})
    name = f"{ASSIGNMENT}_s03_attempt_2025-01-11-09-30-00_{NB}"
    blackboard = collector.collect(f"/x/extracted/{name}")
    assert blackboard == {"student_id": "s03", "file_id": ASSIGNMENT,
                          "timestamp": "2025-01-11T09:30:00+00:00"}
    canvas = collector.collect(f"/x/extracted/doe_LATE_555_9_{ASSIGNMENT}-2.ipynb")
    assert canvas == {"student_id": "101", "file_id": ASSIGNMENT,
                      "timestamp": "2025-01-11T09:45:00+00:00"}
    assert collector.collect("/x/extracted/random.ipynb") is None


UNSAFE = [
    ("../evil.ipynb", "climbs out"),
    (f"sub/../../doejane_101_555_{NB}", "climbs out"),
    (f"/tmp/doejane_101_555_{NB}", "absolute"),
    (f"C:\\doejane_101_555_{NB}", "unsafe path"),
    ("link", "symbolic link"),
    (f"doejane_999_555_{NB}", "unknown student"),
    (f"Someone Else_777_assignsubmission_file_{NB}", "unknown student"),
    ("notes_101_555_notes.txt", "not a notebook"),
    ("whatever.ipynb", "not recognised"),
]


@pytest.mark.parametrize("name, reason", UNSAFE)
def test_each_unsafe_kind_is_refused(tmp_path, name, reason):
    entry = link(f"doejane_101_556_{NB}", "/etc/passwd") if name == "link" else (name, NOTEBOOK)
    path = make_zip(tmp_path / "a.zip", [entry, (f"doejane_101_555_{NB}", NOTEBOOK)])
    entries = check_archive(path, {"101", "102"}, [NB])
    refused = [e for e in entries if not e.accepted]
    assert len(refused) == 1 and reason in refused[0].problem


def test_zip_collect_extracts_only_safe_entries(small_folder, tmp_path):
    outside = tmp_path / "outside"
    names = [name for name, _ in UNSAFE if name != "link"]
    path = make_zip(tmp_path / "canvas.zip", [(n, NOTEBOOK) for n in names] + [
        link(f"linky_102_1_{NB}", "/etc/passwd"),
        (f"doejane_101_555_{NB}", NOTEBOOK),
        (f"Jane Doe_102_assignsubmission_file_{NB}", NOTEBOOK),
        (f"{ASSIGNMENT}_s03_attempt_2025-01-11-09-30-00_{NB}", NOTEBOOK),
    ])
    entries = zip_collect(small_folder, ASSIGNMENT, [path], times={"101": "2025-01-11 10:07"})
    assert sorted(e.student_id for e in entries if e.accepted) == ["101", "102", "s03"]
    assert len([e for e in entries if not e.accepted]) == len(UNSAFE)
    submitted = small_folder / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["101", "102", "s03"]
    for student in ("101", "102", "s03"):
        assert (submitted / student / ASSIGNMENT / NB).is_file()
    assert (submitted / "101" / ASSIGNMENT / "timestamp.txt").read_text() == "2025-01-11 10:07:00"
    assert (submitted / "s03" / ASSIGNMENT / "timestamp.txt").read_text() == "2025-01-11 09:30:00"
    assert not (submitted / "102" / ASSIGNMENT / "timestamp.txt").exists()
    # nothing unsafe was written anywhere: not outside, not inside the grading folder
    assert not outside.exists() and not list(tmp_path.rglob("evil.ipynb"))
    assert not Path(f"/tmp/doejane_101_555_{NB}").exists()
    assert not list(tmp_path.rglob("doejane_999_555_*")) and not list(tmp_path.rglob("Some*"))
    extracted = [p.name for p in (small_folder / "downloaded").rglob("*") if p.is_file()]
    assert not any(n in ("evil.ipynb", "whatever.ipynb", "notes_101_555_notes.txt")
                   for n in extracted)
    assert not any(p.is_symlink() for p in small_folder.rglob("*"))
    with (small_folder / "reports" / ASSIGNMENT / "collect.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert sum(r["outcome"].startswith("refused") for r in rows) == len(UNSAFE)


def test_older_duplicate_is_dropped(small_folder, tmp_path):
    path = make_zip(tmp_path / "bb.zip", [
        (f"{ASSIGNMENT}_s03_attempt_2025-01-11-09-30-00_{NB}", NOTEBOOK),
        (f"{ASSIGNMENT}_s03_attempt_2025-01-11-09-45-00_{NB}", NOTEBOOK),
    ])
    entries = zip_collect(small_folder, ASSIGNMENT, [path])
    assert [e.problem for e in entries] == ["older duplicate", ""]
    stamp = small_folder / "submitted" / "s03" / ASSIGNMENT / "timestamp.txt"
    assert stamp.read_text() == "2025-01-11 09:45:00"


def test_not_a_zip_and_clashing_names_are_refused_clearly(small_folder, tmp_path):
    fake = tmp_path / "download.zip"
    fake.write_text("not a zip")
    with pytest.raises(ValueError, match="not a zip file"):
        zip_collect(small_folder, ASSIGNMENT, [fake])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = make_zip(tmp_path / "a" / "d.zip", [(f"doejane_101_555_{NB}", NOTEBOOK)])
    two = make_zip(tmp_path / "b" / "d.zip", [(f"doejane_101_555_{NB}", NOTEBOOK)])
    with pytest.raises(ValueError, match="share a file name"):
        zip_collect(small_folder, ASSIGNMENT, [one, two])
    assert not (small_folder / "submitted").exists()
