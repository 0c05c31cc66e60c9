"""Grade one student, in a process of its own: stage, check, run nbgrader's Autograde, report.

The student's files are copied (regular files only) into a private course folder in the temp
folder whose ``source_directory`` and gradebook are the grading folder's; nbgrader's
``Autograde`` converter then runs for that one student, with its kernel in the sandbox and its
working copy in the private folder. Only the graded notebooks (and a readable
``timestamp.txt``) are copied back to ``autograded/<student>/<a>/``. A submission whose code
hooks IPython is graded a second time with the tests run past those hooks (``hook_free``).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute
from nbgrader.utils import capture_log, parse_utc
from traitlets.config import Config
from traitlets.utils.importstring import import_item

from netnot.answers import grader as widget_answers

from . import gradebook, sandbox, scan, status, tamper
from .folder import GradingFolder
from .hook_free import HookFreeExecute, HookFreeUnsandboxedExecute
from .notebook_file import NotANotebook, read_notebook

KERNEL_DIED = ("DeadKernelError", "Kernel died", "kernel died")
ERROR_LINE = re.compile(r"^\s*([\w.]+(Error|Exception|Exit)): (.*)$", re.MULTILINE)
OUT_OF_MEMORY = ("MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory")
HOOK_FLAGS = {"ipython-hook", "exception-hook"}  # graded a second time, past the hooks
NEAR_LIMIT = 0.85  # a kernel that died or hung after this share of its memory limit ran out


@dataclass(frozen=True)
class Job:
    folder: str
    assignment: str
    student: str
    notebooks: tuple[str, ...]
    max_score: float  # automatic points
    manual_points: float
    sandbox: bool
    limits: dict = field(default_factory=dict)
    start_dir: str = ""

    @property
    def grading(self) -> GradingFolder:
        return GradingFolder(Path(self.folder))

    def result(self, state: str, **values) -> status.Result:
        return status.Result(self.student, state, max_score=self.max_score,
                             manual_points=self.manual_points, **values)


@dataclass
class Staged:
    """A submission copied into the private folder, with what was found on the way."""

    problems: list[str]  # tampering (tests restored)
    flags: list[str]
    notes: list[str]  # said in the detail column; change nothing in the score
    timestamp: bool  # a readable timestamp.txt was staged


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


def pick_notebooks(present: list[str], expected: tuple[str, ...]) -> tuple[dict[str, str],
                                                                            list[str]]:
    """({expected name: file to grade}, notes). A name differing only in case is taken (with a
    note) when the exact name is missing; a second file that differs only in case is named."""
    chosen, notes = {}, []
    for name in expected:
        twins = [p for p in present if p.lower() == name.lower()]
        if name in twins:
            chosen[name] = name
        elif len(twins) == 1:
            chosen[name] = twins[0]
            notes.append(f"{twins[0]} graded as {name} (the name differs only in case)")
        elif twins:
            notes.append(f"{', '.join(twins)}: several files differ from {name} only in case; "
                         "none was graded")
            continue
        others = [t for t in twins if t != chosen.get(name)]
        if others:
            notes.append(f"also submitted {', '.join(others)}, which differs from {name} only "
                         f"in case: NOT graded; check which one the student meant")
    return chosen, notes


def read_timestamp(path: Path) -> tuple[bool, str]:
    """(usable?, note) for a submission's timestamp.txt, read as nbgrader reads it."""
    if not path.is_file():
        return False, ""
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    try:
        if text and parse_utc(text) is not None:
            return True, ""
    except Exception:  # noqa: BLE001 - dateutil raises several kinds
        pass
    return False, (f"timestamp.txt is unreadable ({text[:40]!r}): graded without a submission "
                   "time, so no late penalty; fix the file and regrade if it was late")


def stage(job: Job, staged: Path) -> status.Result | Staged:
    """Copy the submission into ``staged`` with repaired notebooks; or a Result (invalid)."""
    grading = job.grading
    source = grading.submitted(job.student, job.assignment)
    files = files_of(source)
    present = [p.name for p in files if p.parent == source and p.suffix.lower() == ".ipynb"]
    chosen, notes = pick_notebooks(present, job.notebooks)
    flags = ["two-versions"] if any("NOT graded" in n or "none was graded" in n
                                    for n in notes) else []
    if not chosen:
        got = ", ".join(present) or "no notebook"
        return job.result("invalid", detail="; ".join(
            [f"expected {', '.join(job.notebooks)}; found {got}", *notes]))
    problems: list[str] = []
    code: list[str] = []
    notebooks = {}
    for name, filename in chosen.items():
        try:
            nb, read_notes = read_notebook((source / filename).read_bytes())
        except NotANotebook as err:
            return job.result("invalid", detail=f"{filename} is {err}")
        notes += [f"{filename}: {n}" for n in read_notes]
        release = nbformat.read(grading.release(job.assignment) / name, as_version=4)
        notes += [f"{filename}: {n}" for n in tamper.repair_duplicates(nb, release)]
        problems += tamper.check_and_repair(nb, release)
        problems += widget_answers.problems(nb, release)
        code += tamper.student_code(nb, release)
        notebooks[name] = nb
    usable, note = read_timestamp(source / "timestamp.txt")
    notes += [note] if note else []
    graded_files = set(chosen.values())
    for path in files:
        relative = path.relative_to(source)
        if path.parent == source and path.name in graded_files:
            continue
        if path.parent == source and path.suffix.lower() == ".ipynb":
            continue  # a notebook that was not asked for (or a case twin) is not graded
        if relative == Path("timestamp.txt") and not usable:
            continue
        target = staged / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for name, nb in notebooks.items():
        nbformat.write(nb, staged / name)
    return Staged(problems, sorted(set(flags) | set(scan.scan_cells(code))), notes, usable)


def autograde_preprocessors(config: Config, execute: type) -> list:
    """nbgrader's autograde preprocessors as configured (the course may add some), with its
    Execute replaced by ``execute`` followed by :class:`sandbox.RemoveSpecialFiles`."""
    configured = config.Autograde.get("autograde_preprocessors") or \
        Autograde.class_traits()["autograde_preprocessors"].default()
    out = []
    for item in configured:
        cls = import_item(item) if isinstance(item, str) else item
        out += [execute, sandbox.RemoveSpecialFiles] if issubclass(cls, Execute) else [cls]
    return out


def nbgrader_config(job: Job, work: Path, run: Path, hook_free: bool = False) -> Config:
    grading = job.grading
    config = grading.config()
    config.CourseDirectory.root = str(work)
    config.CourseDirectory.source_directory = str(grading.source(""))
    config.CourseDirectory.db_url = grading.db_url
    if hook_free:
        execute = HookFreeExecute if job.sandbox else HookFreeUnsandboxedExecute
    else:
        execute = sandbox.SandboxExecute if job.sandbox else Execute
    config.Execute.shutdown_kernel = "immediate"  # the notebook has run: no need to wait
    config.Autograde.autograde_preprocessors = autograde_preprocessors(config, execute)
    config.SandboxKernelManager.rundir = str(run)
    config.SandboxKernelManager.workdir = str(work / "autograded" / job.student / job.assignment)
    config.SandboxKernelManager.limits = dict(job.limits)
    config.SandboxKernelManager.start_dir = job.start_dir
    config.SandboxKernelManager.forbidden = os.pathsep.join(
        [str(grading.root), os.path.expanduser("~")])
    return config


def run_autograde(job: Job, work: Path, run: Path, hook_free: bool = False) -> dict:
    """nbgrader's Autograde for this one student (retried if sqlite was busy)."""
    for _ in range(3):
        config = nbgrader_config(job, work, run, hook_free)
        coursedir = job.grading.coursedir(config)
        coursedir.assignment_id = job.assignment
        coursedir.student_id = job.student
        app = Autograde(coursedir=coursedir, config=config)
        app.force = True
        app.create_student = True
        with sandbox.MemoryWatch(str(run)) as watch:
            out = capture_log(app)
        out["peak_mb"] = watch.peak_mb
        if out["success"] or "database is locked" not in out.get("error", "") + out.get("log", ""):
            return out
        time.sleep(1)
    return out


def memory_note(text: str, limit_mb: int | None, peak_mb: float = 0.0) -> str:
    """A sentence about the memory limit if ``text`` (outputs, logs) or the kernel's peak
    memory shows that it was reached."""
    near = bool(limit_mb) and peak_mb >= NEAR_LIMIT * limit_mb
    if not near and not any(word in text for word in OUT_OF_MEMORY):
        return ""
    used = f"used {peak_mb:.0f} MB of " if near else "reached "
    limit = f"its {limit_mb} MB memory limit" if limit_mb else "its memory limit"
    return f"the kernel ran out of memory ({used}{limit}; --memory-mb raises it)"


def failure(text: str, limit_mb: int | None = None, peak_mb: float = 0.0) -> tuple[str, str]:
    """(status, detail) for a submission nbgrader could not grade, from its logs."""
    memory = memory_note(text, limit_mb, peak_mb)
    if any(word in text for word in KERNEL_DIED):
        return "crashed", memory or "the kernel died (os._exit, a signal, or the CPU limit)"
    if memory:
        return "crashed", memory
    if "CellTimeoutError" in text:
        return "timeout", "a cell ran past the time limit and could not be interrupted"
    errors = [m for m in ERROR_LINE.findall(text) if "NbGraderException" not in m[0]]
    last = f"{errors[-1][0]}: {errors[-1][2]}" if errors else "see the log"
    return "crashed", f"nbgrader could not grade it: {last[:200]}"


def outcome(graded: Path, names: tuple[str, ...], limit_mb: int | None,
            peak_mb: float = 0.0) -> tuple[bool, str]:
    """(timed out?, detail) from the graded notebooks' outputs (and the kernel's peak memory:
    a cell that hangs at the memory limit times out)."""
    notes = []
    timed_out = False
    for path in [graded / name for name in names if (graded / name).is_file()]:
        nb = nbformat.read(path, as_version=4)
        outputs = [o for c in nb.cells for o in c.get("outputs", [])]
        errors = {o.get("ename") for o in outputs if o.get("output_type") == "error"}
        text = " ".join(str(o.get("ename", "")) + str(o.get("text", "")) for o in outputs)
        memory = memory_note(text, limit_mb, peak_mb if "CellTimeoutError" in errors else 0)
        if "CellTimeoutError" in errors:
            timed_out = True
            notes.append(f"{path.name}: a cell ran past the time limit"
                         + (f" ({memory})" if memory else ""))
        elif memory:
            notes.append(f"{path.name}: {memory}; the cells that hit it scored 0")
    return timed_out, "; ".join(notes)


def publish(job: Job, graded: Path, timestamp: bool) -> None:
    """Copy the graded notebooks (and a readable timestamp) to autograded/<s>/<a>/."""
    target = job.grading.autograded(job.student, job.assignment)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    sources = [graded / name for name in job.notebooks]
    if timestamp:
        sources.append(job.grading.submitted(job.student, job.assignment) / "timestamp.txt")
    for path in sources:  # only what nbgrader wrote, never files the student's code made
        if path.is_file() and not path.is_symlink():
            shutil.copyfile(path, target / path.name)
            os.chmod(target / path.name, 0o444)


def forget(job: Job) -> None:
    """Drop an old graded copy and gradebook entry (the submission is now missing/invalid)."""
    target = job.grading.autograded(job.student, job.assignment)
    if target.exists():
        shutil.rmtree(target)
    with job.grading.gradebook() as gb:
        try:
            gb.remove_submission(job.assignment, job.student)
        except Exception:  # noqa: BLE001 - MissingEntry: nothing to forget
            pass


def scratch() -> Path:
    """A private, short-named working folder (ipc socket paths must stay under 108 bytes)."""
    return Path(tempfile.mkdtemp(prefix="nn-"))


def clean(work: Path) -> None:
    """Remove a student's working folder and its kernel's cgroup (also after a kill)."""
    for root in sandbox.CGROUP_ROOTS:
        sandbox.remove_cgroup(os.path.join(root, sandbox.cgroup_name(str(work / "r"))))
    shutil.rmtree(work, ignore_errors=True)


def _logs(job: Job, out: dict) -> str:
    text = out.get("log", "") + out.get("error", "")
    job.grading.log(job.assignment, job.student).write_text(text)
    kernel = job.grading.log(job.assignment, job.student, ".stderr")
    sys.stderr.flush()
    return text + (kernel.read_text(errors="replace") if kernel.exists() else "")


def grade(job: Job, work: Path) -> status.Result:
    """Grade one student in the empty folder ``work``; never raises."""
    limit_mb = job.limits.get("memory_mb")
    try:
        run = work / "r"
        run.mkdir()
        staged = work / "submitted" / job.student / job.assignment
        staged.mkdir(parents=True)
        prepared = stage(job, staged)
        if isinstance(prepared, status.Result):
            forget(job)
            return prepared
        out = run_autograde(job, work, run)
        text = _logs(job, out)
        flags = sorted(set(prepared.flags) | ({"tampered"} if prepared.problems else set()))
        if not out["success"]:
            state, why = failure(text, limit_mb, out["peak_mb"])
            stale = job.grading.autograded(job.student, job.assignment)
            if stale.exists():
                shutil.rmtree(stale)
            found = gradebook.score(job.grading, job.assignment, job.student)
            return job.result(state, needs_manual=bool(found and found.needs_manual),
                              flags=flags, detail="; ".join([why, *prepared.problems,
                                                             *prepared.notes]))
        graded = work / "autograded" / job.student / job.assignment
        timed_out, detail = outcome(graded, job.notebooks, limit_mb, out["peak_mb"])
        score = gradebook.score(job.grading, job.assignment, job.student)
        hooked = None
        notes = [detail, *prepared.problems, *prepared.notes]
        if HOOK_FLAGS & set(flags):
            again = run_autograde(job, work, run, hook_free=True)
            if again["success"]:
                hooked, score = score, gradebook.score(job.grading, job.assignment, job.student)
                notes.append(f"graded again with the tests run past IPython's hooks: "
                             f"{score.auto_score:g} (with the hooks: {hooked.auto_score:g})")
            else:  # nbgrader removed that run's notebook: grade as at first again
                run_autograde(job, work, run)
                notes.append("could not grade again past the hooks: the score is with them")
        publish(job, graded, prepared.timestamp)
        return job.result(status.decide(prepared.problems, flags, timed_out),
                          score=score.auto_score, needs_manual=score.needs_manual, flags=flags,
                          detail="; ".join(n for n in notes if n),
                          score_with_hooks=hooked.auto_score if hooked else None)
    except Exception:  # noqa: BLE001 - one student must never stop the batch
        last = traceback.format_exc().strip().splitlines()[-1][:300]
        return job.result("crashed", needs_manual=True, detail=f"grading failed: {last}")
    finally:
        sys.stdout.flush()


def child(job: Job, results: str, fingerprint_: str, work: str) -> None:
    """Entry point of the per-student process: grade, then save the result file."""
    os.setpgrp()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent cleans up after us
    log = job.grading.log(job.assignment, job.student, ".stderr")
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 2)
    os.dup2(fd, 1)
    start = time.monotonic()
    result = grade(job, Path(work))
    result.fingerprint = fingerprint_
    result.seconds = round(time.monotonic() - start, 2)
    status.save(result, Path(results))
    os._exit(0)
