"""The autograde progress bar on stderr.

On a terminal it redraws one line. Elsewhere (a log file, a batch job) it prints a line only
at every tenth of the class and at the end, never one per student. It counts every student the
summary counts: those graded now, those already graded before, and those who sent nothing.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TextIO

from .status import STATUSES, Result


class ProgressBar:
    def __init__(self, total: int = 0, stream: TextIO | None = None, quiet: bool = False):
        self.total = total
        self.count = 0
        self.statuses: Counter[str] = Counter()
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.start = time.monotonic()
        self.tty = self.stream.isatty()
        self._printed_tenth = 0

    def start_run(self, total: int, known: list[Result]) -> None:
        """A run over ``total`` students, of whom ``known`` need no grading now."""
        self.total = total
        self.count = 0
        self.statuses = Counter(r.status for r in known)
        self.count = len(known)
        self.start = time.monotonic()
        self._printed_tenth = 0
        if known:
            self._draw(force=True)

    def update(self, result: Result) -> None:
        self.count += 1
        self.statuses[result.status] += 1
        self._draw()

    def line(self) -> str:
        width = 30
        filled = width * self.count // max(self.total, 1)
        bar = "#" * filled + "." * (width - filled)
        counts = " ".join(f"{s}={self.statuses[s]}" for s in STATUSES if self.statuses[s])
        elapsed = time.monotonic() - self.start
        return f"[{bar}] {self.count}/{self.total} {counts} {elapsed:.0f}s"

    def _draw(self, force: bool = False) -> None:
        if self.quiet:
            return
        if self.tty:
            self.stream.write("\r" + self.line())
        else:
            tenth = 10 * self.count // max(self.total, 1)
            if not force and tenth == self._printed_tenth and self.count < self.total:
                return
            self._printed_tenth = tenth
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.tty and self.count and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
