"""End-to-end: a class of good, broken and malicious submissions, graded in the sandbox.

One module-scoped run grades the whole corpus (2 workers, 6 s cell timeout, 1 GiB memory);
each test then checks one promise against it. Every status, score, flag and detail of the
corpus is checked, including the gaps an instructor hit: unreadable timestamps, empty folders,
byte-order marks, case twins, memory kills and IPython hooks graded again past the hooks.
"""

from __future__ import annotations

import hashlib
import socket

import corpus
import nbformat
import pytest
from grading_helpers import make_folder, read_status, require_sandbox
from nbgrader.api import Gradebook, MissingEntry

from netnot.grading import cli

pytestmark = pytest.mark.slow
A = corpus.ASSIGNMENT


def _hashes(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((folder / "submitted").rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def graded(tmp_path_factory, ps1_template):
    require_sandbox()
    base = tmp_path_factory.mktemp("class")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    folder_path = base / "grading"
    kinds = corpus.kinds(base / "outside", folder_path, port)
    folder = make_folder(ps1_template, base, [k.name for k in kinds] + ["absent"])
    (base / "victim.txt").write_text("original")
    for kind in kinds:
        corpus.write_submission(folder, kind.name, kind)
    before = _hashes(folder)
    rc = cli.main(["autograde", A, "--folder", str(folder), "--jobs", "2", "--memory-mb", "1024",
                   "--quiet"])
    listener.setblocking(False)
    try:
        listener.accept()
        connections = 1
    except BlockingIOError:
        connections = 0
    listener.close()
    return {"rc": rc, "folder": folder, "base": base, "kinds": {k.name: k for k in kinds},
            "rows": read_status(folder), "before": before, "connections": connections}


def _outputs(folder, student):
    nb = nbformat.read(folder / "autograded" / student / A / corpus.NOTEBOOK, as_version=4)
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


KINDS = [k.name for k in corpus.kinds(corpus.REPO, corpus.REPO, 1)]


def test_corpus_is_big_enough():
    bad = [k for k in corpus.kinds(corpus.REPO, corpus.REPO, 1)
           if k.name not in ("correct", "correct_alt", "blank")]
    assert len(bad) >= 15


@pytest.mark.parametrize("name", KINDS)
def test_each_kind_gets_its_status_score_and_detail(graded, name):
    kind = graded["kinds"][name]
    row = graded["rows"][name]
    scored = kind.status in ("ok", "timeout", "tampered", "flagged")
    assert row["status"] == kind.status, row
    assert row["score"] == (f"{kind.score:g}" if scored else ""), row  # never a silent 0
    assert float(row["max_score"]) == corpus.MAX_SCORE
    assert set(kind.flags) <= set(row["flags"].split(";")), row
    assert kind.detail in row["detail"], row
    hooked = "" if kind.with_hooks is None else f"{kind.with_hooks:g}"
    assert row["score_with_hooks"] == hooked, row


def test_run_succeeds_and_reports_everyone(graded):
    assert graded["rc"] == 0
    assert set(graded["rows"]) == set(graded["kinds"]) | {"absent"}
    assert graded["rows"]["absent"]["status"] == "missing"
    assert graded["rows"]["absent"]["score"] == ""
    summary = (graded["folder"] / "reports" / A / "summary.txt").read_text()
    assert "missing=2" in summary and "WITHOUT a sandbox" not in summary  # absent, empty


def test_sandbox_hid_every_secret_file(graded):
    folder = graded["folder"]
    assert "LEAK: []" in _outputs(folder, "read_secrets")
    assert "LEAK: []" in _outputs(folder, "read_other")


def test_no_network(graded):
    assert "NET: refused" in _outputs(graded["folder"], "network")
    assert graded["connections"] == 0


def test_no_writes_outside_the_working_copy(graded):
    assert not (graded["base"] / "outside").exists()
    victim = graded["base"] / "victim.txt"  # symlink_out pointed the graded notebook here
    assert victim.read_text() == "original" and victim.stat().st_mode & 0o200
    assert not (graded["folder"] / "submitted" / "correct" / A / "evil.txt").exists()


def test_process_limit_holds(graded):
    text = _outputs(graded["folder"], "fork_many")
    forks = int(text.split("FORKS:")[1].split()[0])
    assert 0 < forks < 64  # --processes default; the probe tried 150


def test_originals_kept_unchanged(graded):
    assert _hashes(graded["folder"]) == graded["before"]


def test_huge_output_is_trimmed(graded):
    text = _outputs(graded["folder"], "huge_output")
    assert text.count("spam") <= 200  # LimitOutput.max_lines from the repo config


def test_tampering_is_explained(graded):
    rows = graded["rows"]
    assert "deleted test cell test_mean" in rows["deleted_test"]["detail"]
    assert "edited test cell test_mean" in rows["edited_test"]["detail"]
    assert "changed grade metadata of test_squares" in rows["flipped_metadata"]["detail"]


def test_gradebook_agrees_with_the_report(graded):
    folder = graded["folder"]
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        for name, row in graded["rows"].items():
            if row["status"] in ("ok", "flagged", "tampered", "timeout"):
                assert gb.find_submission(A, name).score == float(row["score"]), name
            if row["status"] in ("invalid", "missing"):
                with pytest.raises(MissingEntry):
                    gb.find_submission(A, name)


def test_rerun_is_idempotent_and_skips_graded_students(graded):
    folder = graded["folder"]
    csv_before = (folder / "reports" / A / "status.csv").read_bytes()
    results = folder / ".netnot" / "results" / A
    stamps = {p.name: p.stat().st_mtime_ns for p in results.glob("*.json")}
    assert cli.main(["autograde", A, "--folder", str(folder), "--quiet"]) == 0
    assert (folder / "reports" / A / "status.csv").read_bytes() == csv_before
    graded_students = {f"{k}.json" for k, r in graded["rows"].items() if r["status"] != "missing"}
    assert {p.name: p.stat().st_mtime_ns for p in results.glob("*.json")
            if p.name in graded_students} == {k: v for k, v in stamps.items()
                                              if k in graded_students}


def test_force_regrades_alone_with_the_same_result(graded):
    folder = graded["folder"]
    assert cli.main(["autograde", A, "--folder", str(folder), "--force", "--quiet",
                     "--student", "correct", "--student", "flipped_metadata"]) == 0
    rows = read_status(folder)
    assert rows == graded["rows"]
