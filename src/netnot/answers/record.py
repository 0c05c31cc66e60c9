"""The saved form of one widget answer, shared by the learner's kernel and the grader.

Each answer cell shows a small output whose data holds the answer under its own MIME type::

    {"application/vnd.netnot.answer+json": {"version": 1, "exercise": "02-not-a-quick-fix",
     "part": "part-a", "kind": "number", "value": 11.0, "by": "widget",
     "changed": "2025-03-01T10:00:00.000001+00:00"}, "text/html": "...", "text/plain": "..."}

JupyterLab saves outputs with the notebook, so the answer travels inside the .ipynb. This module
only reads and writes that record: :func:`parse` accepts what the widgets produce and refuses
anything else with a reason, and :func:`harvest` collects the newest answer per part from the
outputs of a notebook. It never raises on odd input: a notebook can be edited by hand.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

MIME = "application/vnd.netnot.answer+json"
VERSION = 1
KINDS = ("number", "choice", "ranking", "text")
BY = ("widget", "code")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
MAX_ITEM = 200  # characters in an option key or ranked item
MAX_ITEMS = 20  # items in a ranking
MAX_TEXT = 10_000  # characters in a written answer (a 4-6 sentence answer is about 600)


def part_label(part: str) -> str:
    """ "part-a" and "part-d-answer" -> "Part A"; other names as they are."""
    found = re.match(r"^part-([a-z])(?:-.*)?$", part)
    return f"Part {found.group(1).upper()}" if found else part


def now() -> str:
    """The time of an answer: ISO 8601 in UTC, to the microsecond (the newest answer wins)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def as_text(value: Any) -> str:
    """A saved value in words: "11", "a, b", "(not answered)"."""
    if value is None:
        return "(not answered)"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{float(value):g}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


@dataclass(frozen=True)
class Answer:
    """One part's answer. ``value`` is None while the part is not answered."""

    exercise: str
    part: str
    kind: str
    value: Any
    changed: str
    by: str = "widget"

    @classmethod
    def make(cls, exercise: str, part: str, kind: str, value: Any, by: str) -> Answer:
        """A new answer given now; real numbers of any type (numpy's too) become floats."""
        if kind == "number" and isinstance(value, numbers.Real) and not isinstance(value, bool):
            value = float(value)
        elif kind == "ranking" and isinstance(value, tuple):
            value = list(value)
        return cls(exercise, part, kind, value, now(), by)

    @property
    def answered(self) -> bool:
        value = self.value
        return value is not None and not (isinstance(value, str | list) and len(value) == 0)

    @property
    def time(self) -> datetime:
        return datetime.fromisoformat(self.changed)

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "exercise": self.exercise, "part": self.part,
                "kind": self.kind, "value": self.value, "changed": self.changed, "by": self.by}


def _value_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` is not something the widget of ``kind`` produces (None if it is)."""
    if value is None:
        return None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            return "the value is not a number"
        try:
            finite = math.isfinite(float(value))
        except OverflowError:
            finite = False
        return None if finite else "the value is not a number (it is infinite or too large)"
    if kind == "choice":
        ok = isinstance(value, str) and 0 < len(value) <= MAX_ITEM
        return None if ok else "the value is not one option"
    if kind == "ranking":
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            return "the value is not a list of items"
        if len(value) > MAX_ITEMS or any(len(x) > MAX_ITEM for x in value):
            return "the value has too many or too long items"
        return None
    return None if isinstance(value, str) else "the value is not text"


def parse(data: Any) -> tuple[Answer | None, str | None]:
    """(answer, note) from one saved record; (None, reason) if it cannot be an answer.

    A written answer longer than :data:`MAX_TEXT` is cut, with a note.
    """
    if not isinstance(data, dict):
        return None, "a saved output is not an answer record"
    part = data.get("part")
    if not (isinstance(part, str) and NAME.match(part)):
        return None, "a saved answer has no valid question name"
    where = f"{part}: "
    if data.get("version") != VERSION:
        return None, where + f"unknown record version {str(data.get('version'))[:20]}"
    exercise = data.get("exercise")
    if not (isinstance(exercise, str) and NAME.match(exercise)):
        return None, where + "the exercise name is not valid"
    kind, by = data.get("kind"), data.get("by", "widget")
    if kind not in KINDS or by not in BY:
        return None, where + f"unknown answer kind {str(kind)[:20]!r} or source {str(by)[:20]!r}"
    changed = data.get("changed")
    try:
        stamp = datetime.fromisoformat(changed) if isinstance(changed, str) else None
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None or len(changed) > 40:
        return None, where + "the time of the answer is not readable"
    value = data.get("value")
    problem = _value_problem(kind, value)
    if problem:
        return None, where + problem
    note = None
    if kind == "number" and value is not None:
        value = float(value)
    if kind == "text" and value is not None and len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
        note = where + f"the written answer was cut to {MAX_TEXT} characters"
    return Answer(exercise, part, kind, value, changed, by), note


@dataclass
class Harvest:
    """The newest answer per (exercise, part), and every problem found on the way."""

    answers: dict[tuple[str, str], Answer] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, answer: Answer) -> None:
        key = (answer.exercise, answer.part)
        known = self.answers.get(key)
        if known is None or answer.time >= known.time:
            self.answers[key] = answer

    def of(self, exercise: str) -> dict[str, Answer]:
        return {part: a for (name, part), a in self.answers.items() if name == exercise}


def records(cells: Iterable[Any]) -> Iterable[Any]:
    """Every saved answer record in the outputs of ``cells`` (dicts straight from the JSON)."""
    for cell in cells:
        outputs = cell.get("outputs") if isinstance(cell, dict) else None
        for output in outputs if isinstance(outputs, list) else []:
            data = output.get("data") if isinstance(output, dict) else None
            if isinstance(data, dict) and MIME in data:
                yield data[MIME]


def harvest(cells: Iterable[Any]) -> Harvest:
    """The newest valid answer per part found in the outputs of ``cells``, and the problems."""
    found = Harvest()
    for data in records(cells):
        answer, note = parse(data)
        if note and note not in found.problems:  # each copy of an answer says the same
            found.problems.append(note)
        if answer is not None:
            found.add(answer)
    return found
