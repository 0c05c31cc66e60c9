"""One explicit status per student: the one table of statuses, and the per-student results.

``STATUSES`` is the only description of the statuses: ``status.csv``, the summary, the LMS
comments of ``export``, the class report and the tables in docs/grading.md and
docs/instructors.md (``netnot-grade statuses`` prints them; a test keeps the docs in step) are
all made from it. Results are saved per student (so a run resumes) and as
``reports/<a>/status.csv``.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path


@dataclass(frozen=True)
class Status:
    name: str
    meaning: str  # what happened, for the instructor
    todo: str  # what the instructor should do
    scored: bool  # the automatic score stands (else: no score, never a silent 0)
    comment: str  # what the LMS export says to the student ("" for ok)


# Most serious first: a student's status is the first of these that applies.
STATUSES: dict[str, Status] = {s.name: s for s in (
    Status("missing", "on the roster, but nothing was submitted (or an empty folder)",
           "chase the student; record the LMS grade yourself (the export leaves it empty)",
           False, "NOT GRADED: nothing was submitted"),
    Status("invalid", "not a readable notebook, or not the notebook that was asked for (also: "
           "every file the student uploaded was refused at collection)",
           "ask the student for the right file, then collect and autograde again", False,
           "NOT GRADED: not a readable notebook, or not the notebook that was asked for"),
    Status("crashed", "the kernel died (os._exit, a signal, the memory or CPU limit) or nbgrader "
           "failed; no automatic score",
           "open the submission and its log; fix or ask for a resubmission, then autograde "
           "that student again", False,
           "NOT GRADED: grading crashed (the kernel died or nbgrader failed)"),
    Status("timeout", "a cell ran past the time limit and scored 0; the rest was graded",
           "look at the cell; raise Execute.timeout and regrade that student if the limit was "
           "too tight", True,
           "a cell ran past the time limit and scored 0; the rest was graded"),
    Status("tampered", "test cells or grade metadata were changed or deleted; the tests were "
           "put back and graded",
           "compare with the release; the score is from the restored tests. Talk to the "
           "student", True,
           "test cells or grade settings were changed; the tests were restored and graded"),
    Status("flagged", "graded, but the code uses a trick a person should look at (the flags "
           "column says which); hooks on IPython were graded again without them",
           "read the flagged code before you upload the grade", True,
           "graded, but the code uses a trick that a person should check"),
    Status("ok", "graded normally", "nothing (grade the written answers in formgrader)", True,
           ""),
)}
NOT_GRADED = Status("not graded", "submitted, but autograde has not been run for it",
                    "run autograde", False,
                    "NOT GRADED: autograde has not been run for this submission")
SCORED = tuple(name for name, s in STATUSES.items() if s.scored)
COLUMNS = ("student_id", "status", "score", "max_score", "manual_points", "needs_manual",
           "score_with_hooks", "flags", "detail")


def describe(name: str) -> Status:
    """The Status called ``name`` (``not graded`` for a submission autograde has not seen)."""
    return STATUSES.get(name, NOT_GRADED)


def markdown_table() -> str:
    """The statuses as the Markdown table in the docs."""
    lines = ["| status | what it means | what to do |", "|---|---|---|"]
    lines += [f"| `{s.name}` | {s.meaning} | {s.todo} |" for s in STATUSES.values()]
    return "\n".join(lines)


@dataclass
class Result:
    """One student's grading result. ``score``/``max_score`` are the automatic part only."""

    student_id: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    manual_points: float = 0.0  # points graded by a person, not in max_score
    needs_manual: bool = False
    flags: list[str] = field(default_factory=list)
    detail: str = ""
    score_with_hooks: float | None = None  # flagged hooks: the score the hooks obtained
    fingerprint: str = ""  # hash of the submission this result belongs to
    seconds: float = 0.0

    def row(self) -> dict[str, str]:
        hooked = "" if self.score_with_hooks is None else f"{self.score_with_hooks:g}"
        return {
            "student_id": self.student_id,
            "status": self.status,
            "score": f"{self.score:g}" if describe(self.status).scored else "",
            "max_score": f"{self.max_score:g}",
            "manual_points": f"{self.manual_points:g}",
            "needs_manual": "yes" if self.needs_manual else "no",
            "score_with_hooks": hooked,
            "flags": ";".join(self.flags),
            "detail": self.detail,
        }


def decide(problems: list[str], flags: list[str], timed_out: bool) -> str:
    """The status of a submission that nbgrader graded."""
    if timed_out:
        return "timeout"
    if problems:
        return "tampered"
    if flags:
        return "flagged"
    return "ok"


def save(result: Result, folder: Path) -> None:
    """Write one student's result atomically (a killed run never leaves half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{result.student_id}.json.tmp"
    tmp.write_text(json.dumps(asdict(result), indent=1))
    os.replace(tmp, folder / f"{result.student_id}.json")


def load(folder: Path, student: str) -> Result | None:
    path = folder / f"{student}.json"
    try:
        data = json.loads(path.read_text())
        known = {f.name for f in fields(Result)}
        return Result(**{k: v for k, v in data.items() if k in known})
    except (OSError, ValueError, TypeError):
        return None


def write_csv(results: list[Result], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for result in sorted(results, key=lambda r: r.student_id):
            writer.writerow(result.row())
    os.replace(tmp, path)


def read_csv(path: Path, assignment: str) -> dict[str, dict[str, str]]:
    """status.csv by student (FileNotFoundError says to autograde first)."""
    if not path.exists():
        raise FileNotFoundError(f"no {path}: run `netnot-grade autograde {assignment}` first")
    with path.open(newline="") as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle)}


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(results: list[Result], seconds: float, sandboxed: bool) -> str:
    counts = Counter(r.status for r in results)
    parts = [f"{s}={counts[s]}" for s in STATUSES if counts[s]]
    lines = [f"{plural(len(results), 'student')}: {', '.join(parts) or 'none'}; "
             f"wall time {seconds:.1f} s"]
    if not sandboxed:
        lines.append("WARNING: graded WITHOUT a sandbox (--no-sandbox): student code could read "
                     "and write the instructor's files and use the network.")
    review = [r.student_id for r in results if r.status not in ("ok", "missing")]
    if review:
        lines.append(f"look at: {', '.join(review)}")
    return "\n".join(lines)
