"""A plain-text progress bar on stderr (one line per student when stderr is not a terminal)."""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TextIO

from .status import STATUSES, Result


class Progress:
    def __init__(self, total: int = 0, stream: TextIO | None = None, quiet: bool = False):
        self.total = total
        self.count = 0
        self.statuses: Counter[str] = Counter()
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.start = time.monotonic()
        self.tty = self.stream.isatty()

    def update(self, result: Result) -> None:
        self.count += 1
        self.statuses[result.status] += 1
        if self.quiet:
            return
        width = 30
        filled = width * self.count // max(self.total, 1)
        bar = "#" * filled + "." * (width - filled)
        counts = " ".join(f"{s}={self.statuses[s]}" for s in STATUSES if self.statuses[s])
        elapsed = time.monotonic() - self.start
        line = f"[{bar}] {self.count}/{self.total} {counts} {elapsed:.0f}s"
        if self.tty:
            self.stream.write("\r" + line)
        else:
            self.stream.write(f"{line}  {result.student_id}: {result.status}\n")
        self.stream.flush()

    def done(self) -> None:
        if self.tty and self.count and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
