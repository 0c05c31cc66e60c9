"""Autograde a whole class in parallel: one process per student, N at a time.

Every student on the roster or with a submission ends with a status (see ``status.py``). A
student's result is saved as soon as it is known, so an interrupted run resumes where it
stopped; students already graded (same submission, same sandbox mode) are skipped unless
``force``.
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

from . import gradebook, sandbox, status
from .folder import FolderError, GradingFolder
from .progress import Progress
from .worker import Job, child, clean, fingerprint, scratch


class SandboxUnavailable(Exception):
    """No sandbox can be started; the message says why."""


def _pick(students: list[str], patterns: list[str] | None) -> list[str]:
    if not patterns:
        return students
    return [s for s in students if any(fnmatch.fnmatchcase(s, p) for p in patterns)]


def autograde(root: Path, assignment: str, *, students: list[str] | None = None,
              jobs: int | None = None, force: bool = False, use_sandbox: bool = True,
              limits: sandbox.Limits | None = None, student_timeout: float = 1800,
              progress: Progress | None = None) -> list[status.Result]:
    """Grade ``assignment`` in the grading folder ``root``; returns one Result per student."""
    started = time.monotonic()
    limits = limits or sandbox.Limits()
    folder = GradingFolder(root.resolve())
    folder.check()
    notebooks = tuple(folder.expected_notebooks(assignment))
    top = gradebook.max_score(folder, assignment)
    if use_sandbox:
        reason = sandbox.check(limits)
        if reason:
            raise SandboxUnavailable(
                f"refusing to grade: {reason}. Student code would run with your permissions. "
                "Pass --no-sandbox to grade without a sandbox anyway.")
    everyone = _pick(sorted(set(gradebook.roster(folder)) | set(folder.submitters(assignment))),
                     students)
    results_dir = folder.results(assignment)
    results: dict[str, status.Result] = {}
    todo: list[tuple[Job, str]] = []
    for student in everyone:
        job = Job(str(folder.root), assignment, student, folder.course_id(), notebooks, top,
                  use_sandbox, sandbox.limits_dict(limits))
        submitted = folder.submitted(student, assignment)
        if not submitted.is_dir():
            result = status.Result(student, "missing", 0.0, top, detail="no submission")
            status.save(result, results_dir)
            results[student] = result
            continue
        mark = fingerprint(submitted, use_sandbox)
        old = status.load(results_dir, student)
        if old and old.fingerprint == mark and not force:
            results[student] = old
        else:
            todo.append((job, mark))
    progress = progress or Progress(len(todo))
    progress.total = len(todo)
    for result in _run(todo, jobs or os.cpu_count() or 1, student_timeout, results_dir,
                       progress):
        results[result.student_id] = result
    progress.done()
    # the report covers every student with a saved result, also those not picked this time
    known = sorted(set(gradebook.roster(folder)) | set(folder.submitters(assignment)))
    report = {s: status.load(results_dir, s) for s in known} | results
    write_reports(folder, assignment, [r for r in report.values() if r],
                  time.monotonic() - started, use_sandbox)
    return [results[s] for s in sorted(results)]


def write_reports(folder: GradingFolder, assignment: str, results: list[status.Result],
                  seconds: float, sandboxed: bool) -> str:
    report = folder.report(assignment)
    status.write_csv(results, report / "status.csv")
    text = status.summary(results, seconds, sandboxed)
    (report / "summary.txt").write_text(text + "\n")
    return text


def _run(todo: list[tuple[Job, str]], jobs: int, limit: float, results_dir: Path,
         progress: Progress):
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
                    result = status.Result(job.student, "timeout", 0.0, job.max_score, True,
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
             progress: Progress) -> status.Result:
    result = status.load(results_dir, job.student)
    if result is None or result.fingerprint != mark:
        result = status.Result(job.student, "crashed", 0.0, job.max_score, True,
                               detail="the grading process died without a result")
        result.fingerprint = mark
        result.seconds = round(seconds, 2)
        status.save(result, results_dir)
    progress.update(result)
    return result


__all__ = ["FolderError", "SandboxUnavailable", "autograde"]
