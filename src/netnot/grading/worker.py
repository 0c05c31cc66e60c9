"""Grade one student, in a process of its own: stage, check, run nbgrader's Autograde, report.

The student's files are copied (regular files only) into a private course folder in /tmp whose
``source_directory`` and gradebook are the grading folder's; nbgrader's ``Autograde`` converter
then runs for that one student, with its kernel in the sandbox and its working copy in the
private folder. Only the graded notebooks are copied back to ``autograded/<student>/<a>/``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    Execute,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)
from nbgrader.utils import capture_log

from netnot.answers import grader as widget_answers

from . import gradebook, sandbox, scan, status, tamper
from .folder import GradingFolder
from .sandbox import SandboxExecute

KERNEL_DIED = ("DeadKernelError", "Kernel died", "kernel died")
ERROR_LINE = re.compile(r"^\s*([\w.]+(Error|Exception|Exit)): (.*)$", re.MULTILINE)


def failure(text: str) -> tuple[str, str]:
    """(status, detail) for a submission nbgrader could not grade, from its log."""
    if any(word in text for word in KERNEL_DIED):
        return "crashed", "the kernel died (os._exit, a signal, or a CPU/memory limit)"
    if "CellTimeoutError" in text:
        return "timeout", "a cell ran past the time limit and could not be interrupted"
    errors = [m for m in ERROR_LINE.findall(text) if "NbGraderException" not in m[0]]
    last = f"{errors[-1][0]}: {errors[-1][2]}" if errors else "see the log"
    return "crashed", f"nbgrader could not grade it: {last[:200]}"


@dataclass(frozen=True)
class Job:
    folder: str
    assignment: str
    student: str
    course_id: str
    notebooks: tuple[str, ...]
    max_score: float
    sandbox: bool
    limits: dict = field(default_factory=dict)

    @property
    def grading(self) -> GradingFolder:
        return GradingFolder(Path(self.folder))


def files_of(folder: Path) -> list[Path]:
    """Regular files under ``folder`` (symlinks and checkpoints skipped), sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != ".ipynb_checkpoints")
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def fingerprint(folder: Path, sandboxed: bool) -> str:
    digest = hashlib.sha256(f"sandbox={sandboxed}".encode())
    for path in files_of(folder):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _invalid(job: Job, detail: str) -> status.Result:
    return status.Result(job.student, "invalid", 0.0, job.max_score, detail=detail)


def stage(job: Job, staged: Path) -> status.Result | tuple[list[str], list[str]]:
    """Copy the submission into ``staged`` with repaired notebooks; or an invalid Result."""
    grading = job.grading
    source = grading.submitted(job.student, job.assignment)
    files = files_of(source)
    present = [p.name for p in files if p.parent == source and p.suffix == ".ipynb"]
    found = [name for name in job.notebooks if name in present]
    if not found:
        got = ", ".join(present) or "no notebook"
        return _invalid(job, f"expected {', '.join(job.notebooks)}; found {got}")
    problems: list[str] = []
    code: list[str] = []
    notebooks = {}
    for name in found:
        try:
            nb = nbformat.read(source / name, as_version=4)  # also adds missing cell ids
            for cell in nb.cells:  # outputs are cleared before grading anyway
                if cell.get("cell_type") == "code":
                    cell.setdefault("outputs", [])
                    cell.setdefault("execution_count", None)
            nbformat.validate(nb)
        except Exception as err:  # noqa: BLE001 - any reading error makes it invalid
            first = (str(err).strip().splitlines() or [type(err).__name__])[0][:200]
            return _invalid(job, f"{name} is not a readable notebook: {first}")
        release = nbformat.read(grading.release(job.assignment) / name, as_version=4)
        problems += tamper.check_and_repair(nb, release)
        problems += widget_answers.problems(nb, release)
        code += tamper.student_code(nb, release)
        notebooks[name] = nb
    for path in files:
        target = staged / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.name in notebooks and path.parent == source:
            nbformat.write(notebooks[path.name], target)
        else:
            shutil.copyfile(path, target)
    return problems, scan.scan_cells(code)


def nbgrader_config(job: Job, work: Path, run: Path):
    grading = job.grading
    config = grading.config()
    config.CourseDirectory.root = str(work)
    config.CourseDirectory.source_directory = str(grading.root / "source")
    config.CourseDirectory.db_url = grading.db_url
    config.CourseDirectory.course_id = job.course_id
    execute = SandboxExecute if job.sandbox else Execute
    config.Execute.shutdown_kernel = "immediate"  # the notebook has run: no need to wait
    config.Autograde.autograde_preprocessors = [
        execute, sandbox.RemoveSpecialFiles, IgnorePattern, ClearMetadataPreprocessor,
        LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
    config.SandboxKernelManager.rundir = str(run)
    config.SandboxKernelManager.workdir = str(work / "autograded" / job.student / job.assignment)
    config.SandboxKernelManager.limits = dict(job.limits)
    config.SandboxKernelManager.forbidden = os.pathsep.join(
        [str(grading.root), os.path.expanduser("~")])
    return config


def run_autograde(job: Job, work: Path, run: Path) -> dict:
    """nbgrader's Autograde for this one student (retried once if sqlite was busy)."""
    for _ in range(3):
        config = nbgrader_config(job, work, run)
        coursedir = CourseDirectory(config=config)
        coursedir.assignment_id = job.assignment
        coursedir.student_id = job.student
        app = Autograde(coursedir=coursedir, config=config)
        app.force = True
        app.create_student = True
        out = capture_log(app)
        if out["success"] or "database is locked" not in out.get("error", "") + out.get("log", ""):
            return out
        time.sleep(1)
    return out


def outcome(graded: Path, names: tuple[str, ...]) -> tuple[bool, str]:
    """(timed out?, detail) from the graded notebooks' error outputs."""
    notes = []
    timed_out = False
    for path in [graded / name for name in names if (graded / name).is_file()]:
        nb = nbformat.read(path, as_version=4)
        names = {o.get("ename") for c in nb.cells for o in c.get("outputs", [])
                 if o.get("output_type") == "error"}
        if "CellTimeoutError" in names:
            timed_out = True
            notes.append(f"{path.name}: a cell ran past the time limit")
        if "MemoryError" in names:
            notes.append(f"{path.name}: the memory limit was reached")
    return timed_out, "; ".join(notes)


def publish(job: Job, graded: Path) -> None:
    """Copy the graded notebooks (and the submission's timestamp) to autograded/<s>/<a>/."""
    target = job.grading.autograded(job.student, job.assignment)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    timestamp = job.grading.submitted(job.student, job.assignment) / "timestamp.txt"
    sources = [graded / name for name in job.notebooks] + [timestamp]
    for path in sources:  # only what nbgrader wrote, never files the student's code made
        if path.is_file() and not path.is_symlink():
            shutil.copyfile(path, target / path.name)
            os.chmod(target / path.name, 0o444)


def forget(job: Job) -> None:
    """Drop an old graded copy and gradebook entry (the submission is now missing/invalid)."""
    target = job.grading.autograded(job.student, job.assignment)
    if target.exists():
        shutil.rmtree(target)
    with Gradebook(job.grading.db_url, job.course_id) as gb:
        try:
            gb.remove_submission(job.assignment, job.student)
        except MissingEntry:
            pass


def scratch() -> Path:
    """A private, short-named working folder (ipc socket paths must stay under 108 bytes)."""
    return Path(tempfile.mkdtemp(prefix="nn-"))


def clean(work: Path) -> None:
    """Remove a student's working folder and its kernel's cgroup (also after a kill)."""
    for root in sandbox.CGROUP_ROOTS:
        sandbox.remove_cgroup(os.path.join(root, sandbox.cgroup_name(str(work / "r"))))
    shutil.rmtree(work, ignore_errors=True)


def grade(job: Job, work: Path) -> status.Result:
    """Grade one student in the empty folder ``work``; never raises."""
    try:
        run = work / "r"
        run.mkdir()
        staged = work / "submitted" / job.student / job.assignment
        staged.mkdir(parents=True)
        prepared = stage(job, staged)
        if isinstance(prepared, status.Result):
            forget(job)
            return prepared
        problems, flags = prepared
        out = run_autograde(job, work, run)
        log = job.grading.root / ".netnot" / "logs" / job.assignment / f"{job.student}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(out.get("log", "") + out.get("error", ""))
        found = gradebook.score(job.grading.db_url, job.course_id, job.assignment, job.student)
        score = found or gradebook.Score(0.0, job.max_score, True)
        flags = sorted(set(flags) | ({"tampered"} if problems else set()))
        if not out["success"]:
            state, why = failure(out.get("log", "") + out.get("error", ""))
            stale = job.grading.autograded(job.student, job.assignment)
            if stale.exists():
                shutil.rmtree(stale)
            return status.Result(job.student, state, 0.0, job.max_score, score.needs_manual,
                                 flags, "; ".join([why, *problems]))
        graded = work / "autograded" / job.student / job.assignment
        timed_out, detail = outcome(graded, job.notebooks)
        publish(job, graded)
        detail = "; ".join(x for x in [detail, *problems] if x)
        return status.Result(job.student, status.decide(problems, flags, timed_out), score.score,
                             score.max_score, score.needs_manual, flags, detail)
    except Exception:  # noqa: BLE001 - one student must never stop the batch
        last = traceback.format_exc().strip().splitlines()[-1][:300]
        return status.Result(job.student, "crashed", 0.0, job.max_score, True, [],
                             f"grading failed: {last}")
    finally:
        sys.stdout.flush()


def child(job: Job, results: str, fingerprint_: str, work: str) -> None:
    """Entry point of the per-student process: grade, then save the result file."""
    os.setpgrp()
    log = Path(job.folder, ".netnot", "logs", job.assignment, f"{job.student}.stderr")
    log.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 2)
    os.dup2(fd, 1)
    start = time.monotonic()
    result = grade(job, Path(work))
    result.fingerprint = fingerprint_
    result.seconds = round(time.monotonic() - start, 2)
    status.save(result, Path(results))
    os._exit(0)
