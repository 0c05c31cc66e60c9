"""Refusal without a sandbox, the explicit --no-sandbox flag, and resuming an interrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import corpus
import pytest
from grading_helpers import make_folder, read_status, require_sandbox

from netnot.grading import cli

pytestmark = pytest.mark.slow
A = corpus.ASSIGNMENT
SRC = str(Path(__file__).resolve().parents[2] / "src")


def _kernels_of(marker: str) -> list[int]:
    """Pids of kernel processes whose command line mentions ``marker`` (read from /proc)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ValueError):
            continue
        if marker in cmdline and "ipykernel_launcher" in cmdline:
            found.append(int(proc.name))
    return found


def _class(template: Path, base: Path, names: list[str]) -> Path:
    folder = make_folder(template, base, names)
    kinds = {k.name: k for k in corpus.kinds(base / "outside", folder, 9)}
    for name in names:
        corpus.write_submission(folder, name, kinds[name.split("_")[0]])
    return folder


def test_refuses_without_a_sandbox_then_grades_when_told(tmp_path, monkeypatch, capsys,
                                                        ps1_template):
    folder = _class(ps1_template, tmp_path, ["correct"])
    monkeypatch.setenv("NETNOT_BWRAP", str(tmp_path / "no-such-bwrap"))
    assert cli.main(["autograde", A, "--folder", str(folder), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "refusing to grade" in err and "bubblewrap is not installed" in err
    assert "--no-sandbox" in err
    assert not (folder / "reports" / A / "status.csv").exists()

    assert cli.main(["autograde", A, "--folder", str(folder), "--quiet", "--no-sandbox"]) == 0
    out = capsys.readouterr().out
    assert "WITHOUT a sandbox" in out
    assert "WITHOUT a sandbox" in (folder / "reports" / A / "summary.txt").read_text()
    row = read_status(folder)["correct"]
    assert (row["status"], float(row["score"])) == ("ok", 5.0)


def _start(folder: Path, jobs: str = "1") -> tuple[subprocess.Popen, list[str], dict]:
    """netnot-grade autograde in a process of its own (the test's TMPDIR)."""
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    args = [sys.executable, "-m", "netnot.grading.cli", "autograde", A, "--folder", str(folder),
            "--jobs", jobs, "--quiet"]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True), args, env


def _wait_for_a_result(folder: Path, pattern: str = "*.json") -> None:
    results = folder / ".netnot" / "results" / A
    deadline = time.monotonic() + 120
    while not list(results.glob(pattern)) and time.monotonic() < deadline:
        time.sleep(0.2)


def test_sigterm_stops_cleanly_and_leaves_no_copies(tmp_path, ps1_template, private_tmp):
    """`timeout`, `kill` and batch schedulers send SIGTERM: no student's notebook may stay
    behind in the temp folder, and no kernel may run on."""
    require_sandbox()
    names = ["correct", "infinite", "correct_alt"]
    folder = _class(ps1_template, tmp_path, names)
    run, _, _ = _start(folder, jobs="2")
    _wait_for_a_result(folder)
    time.sleep(0.5)  # the next student is being graded now
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 143, err
    assert "stopped (SIGTERM)" in err
    assert list(private_tmp.iterdir()) == []  # no working copy of any submission
    assert _kernels_of(str(private_tmp)) == []


def test_interrupted_run_resumes_without_regrading(tmp_path, ps1_template, private_tmp):
    require_sandbox()
    names = [f"correct_{i}" for i in range(1, 5)]  # enough that Ctrl-C lands mid-run
    folder = _class(ps1_template, tmp_path, names)
    results = folder / ".netnot" / "results" / A
    run, args, env = _start(folder)
    _wait_for_a_result(folder, "correct_*.json")
    run.send_signal(signal.SIGINT)  # like Ctrl-C
    run.communicate(timeout=60)
    first = {p.name: p.read_text() for p in results.glob("correct_*.json")}
    assert 1 <= len(first) < len(names)
    assert not (folder / "reports" / A / "status.csv").exists()
    assert list(private_tmp.iterdir()) == []

    again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    for name, text in first.items():  # already graded: kept, not regraded
        assert (results / name).read_text() == text
    rows = read_status(folder)
    assert {n: (r["status"], float(r["score"])) for n, r in rows.items()} == {
        n: ("ok", 5.0) for n in names}
    regraded = [json.loads((results / f"{n}.json").read_text()) for n in names]
    assert all(r["fingerprint"] for r in regraded)


def test_a_student_over_the_whole_time_limit_is_stopped(tmp_path, ps1_template, private_tmp):
    require_sandbox()
    folder = _class(ps1_template, tmp_path, ["infinite", "correct"])
    assert cli.main(["autograde", A, "--folder", str(folder), "--quiet",
                     "--student-timeout", "4"]) == 0
    rows = read_status(folder)
    assert rows["infinite"]["status"] == "timeout"
    assert "stopped" in rows["infinite"]["detail"]
    assert float(rows["infinite"]["score"]) == 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the student's kernel dies with its worker
        leftovers = _kernels_of(str(private_tmp))
        if not leftovers:
            break
        time.sleep(0.2)
    assert leftovers == []
