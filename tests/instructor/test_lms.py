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
from classroom import ASSIGNMENT, canvas_reupload_ids, moodle_feedback_target

from netnot.grading.autograde import nothing_submitted
from netnot.grading.lms import (
    CONVENTIONS,
    LmsCollector,
    check_archive,
    match_name,
    parse_timestamp,
    refused_only,
    zip_collect,
)
from netnot.grading.lms_feedback import write_feedback_zips
from netnot.grading.worker import Job

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
    ("notes_101_555_notes.txt", "not a notebook (by its name)"),
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
    submitted = small_folder.root / "submitted"
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
    extracted = [p.name for p in (small_folder.root / "downloaded").rglob("*") if p.is_file()]
    assert not any(n in ("evil.ipynb", "whatever.ipynb", "notes_101_555_notes.txt")
                   for n in extracted)
    assert not any(p.is_symlink() for p in small_folder.root.rglob("*"))
    with (small_folder.root / "reports" / ASSIGNMENT / "collect.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert sum(r["outcome"].startswith("refused") for r in rows) == len(UNSAFE)


def test_older_duplicate_is_dropped(small_folder, tmp_path):
    path = make_zip(tmp_path / "bb.zip", [
        (f"{ASSIGNMENT}_s03_attempt_2025-01-11-09-30-00_{NB}", NOTEBOOK),
        (f"{ASSIGNMENT}_s03_attempt_2025-01-11-09-45-00_{NB}", NOTEBOOK),
    ])
    entries = zip_collect(small_folder, ASSIGNMENT, [path])
    assert entries[0].problem.startswith("older duplicate") and entries[1].accepted
    stamp = small_folder.root / "submitted" / "s03" / ASSIGNMENT / "timestamp.txt"
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
    assert not (small_folder.root / "submitted").exists()


def _collected(small_folder) -> dict[str, list[str]]:
    base = small_folder.root / "submitted"
    return {p.name: sorted(f.name for f in (p / ASSIGNMENT).iterdir()) for p in base.iterdir()}


@pytest.mark.parametrize("newer_first", [True, False])
def test_the_newest_resubmission_wins_whatever_the_zip_order(small_folder, tmp_path,
                                                             newer_first):
    """Canvas gives a later file a larger attachment id, and a resubmission a -N suffix."""
    newer = (f"doejane_101_900_{ASSIGNMENT}-1.ipynb", nbformat.writes(nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("second try")])))
    older = (f"doejane_101_555_{NB}", NOTEBOOK)
    entries = zip_collect(small_folder, ASSIGNMENT, [make_zip(
        tmp_path / "c.zip", [newer, older] if newer_first else [older, newer])])
    kept = [e.name for e in entries if e.accepted]
    assert kept == [newer[0]]
    refused = next(e for e in entries if not e.accepted)
    assert refused.name == older[0] and "older duplicate" in refused.problem
    text = (small_folder.root / "submitted" / "101" / ASSIGNMENT / NB).read_text()
    assert "second try" in text


def test_names_that_differ_only_in_case_are_one_notebook(small_folder, tmp_path):
    entries = zip_collect(small_folder, ASSIGNMENT, [make_zip(tmp_path / "c.zip", [
        (f"doejane_101_556_{ASSIGNMENT.upper()}.ipynb", NOTEBOOK),
        (f"doejane_101_555_{NB}", NOTEBOOK)])])
    assert sum(e.accepted for e in entries) == 1
    assert _collected(small_folder) == {"101": [NB]}  # one notebook, under its own name


def test_files_that_are_not_notebooks_are_refused_at_collection(small_folder, tmp_path, capsys):
    from netnot.grading import cli

    path = make_zip(tmp_path / "c.zip", [
        (f"doejane_101_555_{NB}", b"PK\x03\x04" + b"\0" * 100),  # a .docx renamed
        (f"roejohn_102_556_{NB}", '{"cells": [ not json'),
        (f"Sam Three_303_assignsubmission_file_{NB}", b"\xef\xbb\xbf" + NOTEBOOK.encode()),
    ])
    ids = tmp_path / "ids.csv"
    ids.write_text("lms_id,student_id\n303,s03\n")
    args = ["zip_collect", ASSIGNMENT, str(path), "--id-map", str(ids), "--folder",
            str(small_folder.root)]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert "collected the submissions of 1 student; refused 2 files" in out
    assert "zip file" in out and "not valid JSON" in out and "byte-order mark" in out
    assert _collected(small_folder) == {"s03": [NB]}
    refused = refused_only(small_folder, ASSIGNMENT)
    assert set(refused) == {"101", "102"} and "Word" in refused["101"]
    job = Job(str(small_folder.root), ASSIGNMENT, "101", (NB,), 5.0, 0.0, True)
    result = nothing_submitted(job, small_folder.submitted("101", ASSIGNMENT), refused)
    assert result.status == "invalid" and "refused at collection" in result.detail


def test_an_empty_submission_folder_is_missing_not_invalid(small_folder):
    empty = small_folder.submitted("102", ASSIGNMENT)
    empty.mkdir(parents=True)
    job = Job(str(small_folder.root), ASSIGNMENT, "102", (NB,), 5.0, 0.0, True)
    result = nothing_submitted(job, empty, {})
    assert (result.status, result.detail) == ("missing", "an empty submission folder")


def test_a_second_zip_collect_keeps_the_record_of_the_first(small_folder, tmp_path):
    first = make_zip(tmp_path / "first.zip", [(f"doejane_101_555_{NB}", NOTEBOOK),
                                              ("junk.ipynb", NOTEBOOK)])
    second = make_zip(tmp_path / "second.zip", [(f"roejohn_102_556_{NB}", NOTEBOOK)])
    zip_collect(small_folder, ASSIGNMENT, [first])
    zip_collect(small_folder, ASSIGNMENT, [second])
    with (small_folder.root / "reports" / ASSIGNMENT / "collect.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["archive"], r["entry"]) for r in rows] == [
        ("first.zip", f"doejane_101_555_{NB}"), ("first.zip", "junk.ipynb"),
        ("second.zip", f"roejohn_102_556_{NB}")]
    assert rows[1]["outcome"].startswith("refused")
    history = list((small_folder.downloaded(ASSIGNMENT) / "history").glob("*/archive/*.zip"))
    assert len(history) == 1
    with zipfile.ZipFile(history[0]) as kept:
        assert kept.namelist() == [f"doejane_101_555_{NB}"]
    assert sorted(_collected(small_folder)) == ["101", "102"]


def test_feedback_zips_read_back_as_canvas_and_moodle_expect(small_folder, tmp_path):
    canvas = f"doejane_LATE_101_555_{ASSIGNMENT}-1.ipynb"
    moodle = f"Jo Roe_5002_assignsubmission_file/{NB}"
    ids = {"5002": "102"}
    zip_collect(small_folder, ASSIGNMENT, [make_zip(tmp_path / "c.zip", [(canvas, NOTEBOOK)]),
                                           make_zip(tmp_path / "m.zip", [(moodle, NOTEBOOK)])],
                id_map=ids)
    for student in ("101", "102", "s03"):  # s03 came through the exchange
        page = small_folder.feedback(student, ASSIGNMENT) / f"{ASSIGNMENT}.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<html>feedback for {student}</html>")
    written, elsewhere = write_feedback_zips(small_folder, ASSIGNMENT)
    assert elsewhere == ["s03"]
    zips = {z.lms: z.path for z in written}
    with zipfile.ZipFile(zips["canvas"]) as archive:
        names = archive.namelist()
        assert names == [f"doejane_LATE_101_555_{ASSIGNMENT}-1.html"]
        assert canvas_reupload_ids(names[0]) == canvas_reupload_ids(canvas) == ("101", "555")
        assert archive.read(names[0]) == b"<html>feedback for 101</html>"
    with zipfile.ZipFile(zips["moodle"]) as archive:
        names = archive.namelist()
        assert names == [f"Jo Roe_5002_assignfeedback_file/{ASSIGNMENT}.html"]
        assert moodle_feedback_target(names[0]) == ("5002", "assignfeedback", "file",
                                                    f"{ASSIGNMENT}.html")
        assert archive.read(names[0]) == b"<html>feedback for 102</html>"


def test_zip_collect_prints_its_summary_not_nbgrader_warnings(small_folder, tmp_path, capfd):
    """nbgrader's "Directory not found. Creating" (one per student) goes to the log file."""
    from netnot.grading import cli

    path = make_zip(tmp_path / "c.zip", [(f"doejane_101_555_{NB}", NOTEBOOK),
                                         (f"roejohn_102_556_{NB}", NOTEBOOK)])
    assert cli.main(["zip_collect", ASSIGNMENT, str(path), "--folder",
                     str(small_folder.root)]) == 0
    out, err = capfd.readouterr()
    assert err == ""
    assert out.splitlines() == ["collected the submissions of 2 students; refused 0 files",
                                f"details: reports/{ASSIGNMENT}/collect.csv"]
    log = small_folder.root / ".netnot" / "logs" / ASSIGNMENT / "zip_collect.log"
    assert "Directory not found. Creating" in log.read_text()
