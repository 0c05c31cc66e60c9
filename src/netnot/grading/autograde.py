"""Autograde a whole class in parallel: one process per student, N at a time.

Every student on the roster or with a submission ends with a status (see ``status.py``). A
student's result is saved as soon as it is known, so an interrupted run (Ctrl-C, SIGTERM)
resumes where it stopped; students already graded (same submission, same sandbox mode) are
skipped unless ``force``. Working copies in the temp folder are removed however the run ends.
"""

from __future__ import annotations

import fnmatch
import gc
import multiprocessing
import os
import signal
import time
from multiprocessing.connection import wait
from pathlib import Path

from . import gradebook, lms, sandbox, status
from .folder import GradingFolder
from .progress_bar import ProgressBar
from .worker import Job, child, clean, files_of, fingerprint, scratch


class SandboxUnavailable(Exception):
    """No sandbox can be started; the message says why."""


def _pick(students: list[str], patterns: list[str] | None) -> list[str]:
    if not patterns:
        return students
    return [s for s in students if any(fnmatch.fnmatchcase(s, p) for p in patterns)]


def nothing_submitted(job: Job, submitted: Path, refused: dict[str, str]) -> status.Result | None:
    """The result of a student with no submission (missing, or invalid if every file they sent
    was refused at collection); None if there is something to grade."""
    files = [p for p in files_of(submitted) if p.name != "timestamp.txt"] \
        if submitted.is_dir() else []
    if files:
        return None
    if job.student in refused:
        return job.result("invalid", detail=f"every file sent was refused at collection: "
                                            f"{refused[job.student]}")
    detail = "an empty submission folder" if submitted.is_dir() else "no submission"
    return job.result("missing", detail=detail)


def autograde(folder: GradingFolder, assignment: str, *, students: list[str] | None = None,
              jobs: int | None = None, force: bool = False, use_sandbox: bool = True,
              limits: sandbox.Limits | None = None, student_timeout: float = 1800,
              progress: ProgressBar | None = None) -> list[status.Result]:
    """Grade ``assignment`` in ``folder``; returns one Result per student picked."""
    started = time.monotonic()
    limits = limits or sandbox.Limits()
    notebooks = tuple(folder.expected_notebooks(assignment))
    points = gradebook.points(folder, assignment)
    if use_sandbox:
        reason = sandbox.check(limits)
        if reason:
            raise SandboxUnavailable(
                f"refusing to grade: {reason}. Student code would run with your permissions. "
                "Pass --no-sandbox to grade without a sandbox anyway.")
    known = sorted(set(folder.roster()) | set(folder.submitters(assignment)))
    everyone = _pick(known, students)
    refused = lms.refused_only(folder, assignment)
    results_dir = folder.results(assignment)
    results: dict[str, status.Result] = {}
    todo: list[tuple[Job, str]] = []
    for student in everyone:
        job = Job(str(folder.root), assignment, student, notebooks, points.auto_max,
                  points.manual_max, use_sandbox, sandbox.limits_dict(limits),
                  os.path.realpath(os.getcwd()))
        submitted = folder.submitted(student, assignment)
        empty = nothing_submitted(job, submitted, refused)
        if empty is not None:
            status.save(empty, results_dir)
            results[student] = empty
            continue
        mark = fingerprint(submitted, use_sandbox)
        old = status.load(results_dir, student)
        if old and old.fingerprint == mark and not force:
            results[student] = old
        else:
            todo.append((job, mark))
    progress = progress or ProgressBar()
    progress.start_run(len(everyone), list(results.values()))
    for result in _run(todo, jobs or os.cpu_count() or 1, student_timeout, results_dir,
                       progress):
        results[result.student_id] = result
    progress.done()
    # the report covers every student with a saved result, also those not picked this time
    report = {s: status.load(results_dir, s) for s in known} | results
    write_reports(folder, assignment, [r for r in report.values() if r],
                  time.monotonic() - started, use_sandbox)
    return [results[s] for s in sorted(results)]


def write_reports(folder: GradingFolder, assignment: str, results: list[status.Result],
                  seconds: float, sandboxed: bool) -> str:
    report = folder.reports(assignment)
    status.write_csv(results, report / "status.csv")
    text = status.summary(results, seconds, sandboxed)
    (report / "summary.txt").write_text(text + "\n")
    return text


def _run(todo: list[tuple[Job, str]], jobs: int, limit: float, results_dir: Path,
         progress: ProgressBar):
    """Yield Results as the per-student processes finish, at most ``jobs`` at once."""
    context = multiprocessing.get_context("fork")
    gc.freeze()  # children's garbage collections then leave the inherited heap shared
    pending = list(todo)
    running: dict[int, tuple[multiprocessing.Process, Job, str, float, Path]] = {}
    try:
        while pending or running:
            while pending and len(running) < jobs:
                job, mark = pending.pop(0)
                (results_dir / f"{job.student}.json").unlink(missing_ok=True)
                work = scratch()
                proc = context.Process(target=child, args=(job, str(results_dir), mark,
                                                           str(work)), daemon=False)
                proc.start()
                running[proc.sentinel] = (proc, job, mark, time.monotonic(), work)
            for sentinel in wait(list(running), timeout=1.0):
                proc, job, mark, begun, work = running.pop(sentinel)
                proc.join()
                clean(work)
                yield _collect(job, mark, results_dir, time.monotonic() - begun, progress)
            for sentinel, (proc, job, mark, begun, work) in list(running.items()):
                if time.monotonic() - begun > limit:
                    _kill(proc)
                    clean(work)
                    running.pop(sentinel)
                    result = job.result("timeout", needs_manual=True,
                                        detail=f"grading took over {limit:.0f} s; stopped")
                    result.fingerprint = mark
                    status.save(result, results_dir)
                    progress.update(result)
                    yield result
    finally:
        gc.unfreeze()
        for proc, *_, work in running.values():
            _kill(proc)
            clean(work)


def _kill(proc: multiprocessing.Process) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.join()


def _collect(job: Job, mark: str, results_dir: Path, seconds: float,
             progress: ProgressBar) -> status.Result:
    result = status.load(results_dir, job.student)
    if result is None or result.fingerprint != mark:
        result = job.result("crashed", needs_manual=True,
                            detail="the grading process died without a result")
        result.fingerprint = mark
        result.seconds = round(seconds, 2)
        status.save(result, results_dir)
    progress.update(result)
    return result
