"""One explicit status per student, saved per student (to resume) and as reports/<a>/status.csv."""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Most serious first: a student's status is the first of these that applies.
STATUSES = ("missing", "invalid", "crashed", "timeout", "tampered", "flagged", "ok")
MEANING = {
    "ok": "graded normally",
    "timeout": "a cell ran past the time limit; the rest was graded",
    "crashed": "the kernel died (or grading failed); no automatic score",
    "invalid": "not a readable notebook, or not the notebook that was asked for",
    "missing": "on the roster, but nothing was submitted",
    "tampered": "grade metadata changed or test cells deleted/edited; tests restored and graded",
    "flagged": "graded, but the code uses a trick that needs a person to look",
}
COLUMNS = ("student_id", "status", "score", "max_score", "needs_manual", "flags", "detail")


@dataclass
class Result:
    student_id: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    needs_manual: bool = False
    flags: list[str] = field(default_factory=list)
    detail: str = ""
    fingerprint: str = ""  # hash of the submission this result belongs to
    seconds: float = 0.0

    def row(self) -> dict[str, str]:
        return {
            "student_id": self.student_id,
            "status": self.status,
            "score": f"{self.score:g}",
            "max_score": f"{self.max_score:g}",
            "needs_manual": "yes" if self.needs_manual else "no",
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
        return Result(**json.loads(path.read_text()))
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


def summary(results: list[Result], seconds: float, sandboxed: bool) -> str:
    counts = Counter(r.status for r in results)
    parts = [f"{s}={counts[s]}" for s in STATUSES if counts[s]]
    lines = [f"{len(results)} students: {', '.join(parts) or 'none'}; wall time {seconds:.1f} s"]
    if not sandboxed:
        lines.append("WARNING: graded WITHOUT a sandbox (--no-sandbox): student code could read "
                     "and write the instructor's files and use the network.")
    review = [r.student_id for r in results if r.status not in ("ok", "missing")]
    if review:
        lines.append(f"look at: {', '.join(review)}")
    return "\n".join(lines)
