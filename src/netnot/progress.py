"""Learner progress: every formative answer and plan entry, kept in a small JSON file beside
the notebook so that it survives a kernel restart, a page reload and a closed laptop.

Writes are atomic (a temporary file, then a rename) and serialised between notebooks with a lock
file. A file that cannot be read is moved aside, never overwritten, and a message says where it
went. In a read-only folder, answers are kept in memory and a message says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: one notebook at a time is the norm there
    fcntl = None  # type: ignore[assignment]

FILE_NAME = ".netnot-progress.json"
FORMAT_VERSION = 1


class ProgressStore:
    """Answers by lesson and key, e.g. ``store.set("02-quick-fix", "predict", 6)``."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else Path.cwd()
        self.path = self.folder / FILE_NAME
        self.message = ""  # the last problem, in words for the learner ("" when all is well)
        self._unsaved: dict[str, dict[str, Any]] = {}

    # --- reading ----------------------------------------------------------------------------
    def lesson(self, lesson: str) -> dict[str, Any]:
        """All saved answers of one lesson."""
        return dict(self.load().get(lesson, {}))

    def get(self, lesson: str, key: str, default: Any = None) -> Any:
        return self.load().get(lesson, {}).get(key, default)

    def load(self) -> dict[str, dict[str, Any]]:
        """Everything saved, plus anything that could not be written to disk."""
        data = self._read()
        for lesson, answers in self._unsaved.items():
            data.setdefault(lesson, {}).update(answers)
        return data

    # --- writing ----------------------------------------------------------------------------
    def set(self, lesson: str, key: str, value: Any) -> bool:
        """Save one answer. Returns False (and sets :attr:`message`) if it is only in memory."""
        json.dumps(value)  # refuse what cannot be saved before touching anything
        try:
            with self._locked():
                data = self._read()
                data.setdefault(lesson, {})[key] = value
                for unsaved_lesson, answers in self._unsaved.items():
                    data.setdefault(unsaved_lesson, {}).update(answers)
                self._write(data)
            self._unsaved.clear()
            return True
        except OSError as error:
            self._unsaved.setdefault(lesson, {})[key] = value
            self.message = (
                f"Your answers can't be saved in {self.folder} ({error.strerror or error}). "
                "They are kept until the kernel stops. To keep them for good, copy the course "
                "to a folder you can write to."
            )
            return False

    # --- internals --------------------------------------------------------------------------
    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:
            self.message = f"Your progress file {self.path} can't be read ({error.strerror})."
            return {}
        try:
            content = json.loads(text)
            lessons = content["lessons"]
            if content.get("version") != FORMAT_VERSION or not isinstance(lessons, dict):
                raise ValueError("unknown format")
            if not all(isinstance(v, dict) for v in lessons.values()):
                raise ValueError("unknown format")
            return {str(k): dict(v) for k, v in lessons.items()}
        except (ValueError, KeyError, TypeError) as error:
            return self._set_aside(error)

    def _set_aside(self, error: Exception) -> dict[str, dict[str, Any]]:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = self.path.with_name(f".netnot-progress.unreadable-{stamp}.json")
        try:
            os.replace(self.path, kept)
            where = f"It was kept as {kept.name}"
        except OSError:
            where = "It was left as it is"
        self.message = (
            f"Your progress file {self.path.name} could not be read ({error.__class__.__name__}: "
            f"{error}). {where}, and a fresh one was started. Nothing was deleted."
        )
        return {}

    def _write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = json.dumps({"version": FORMAT_VERSION, "lessons": data}, indent=1, sort_keys=True)
        handle, temporary = tempfile.mkstemp(
            dir=self.folder, prefix=".netnot-progress.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(payload)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        with open(self.folder / ".netnot-progress.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
