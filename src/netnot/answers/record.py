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
KINDS = ("number", "choice", "choices", "ranking", "range", "rule", "plan", "text")
BY = ("widget", "code")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
MAX_ITEM = 200  # characters in an option key or ranked item
MAX_ITEMS = 20  # items in a ranking
MAX_TEXT = 10_000  # characters in a written answer (a 4-6 sentence answer is about 600)
SIGNALS = ("interviews", "early signals")  # a rule's judge_by (netnot.models.policies.SIGNALS)
MOST_PATIENCE = 12  # a rule's patience, in weeks (lesson 05's explorer: 1 to 12)


def part_label(part: str) -> str:
    """ "part-a" and "part-d-answer" -> "Part A"; other names as they are."""
    found = re.match(r"^part-([a-z])(?:-.*)?$", part)
    return f"Part {found.group(1).upper()}" if found else part


def now() -> str:
    """The time of an answer: ISO 8601 in UTC, to the microsecond (the newest answer wins)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def as_text(value: Any) -> str:
    """A saved value in words: "11", "a, b", "patience 8, judge_by early signals",
    "(not answered)"."""
    if value is None:
        return "(not answered)"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{float(value):g}"
    if isinstance(value, list):
        return ", ".join(map(as_text, value))
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')} {as_text(v)}" for k, v in value.items())
    return str(value)


def _real(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _whole(value: Any, low: int, high: int) -> bool:
    return _real(value) and float(value).is_integer() and low <= float(value) <= high


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
        """A new answer given now, in plain JSON values: real numbers of any type (numpy's too)
        become floats (a rule's patience a whole number), tuples lists."""
        return cls(exercise, part, kind, plain(kind, value), now(), by)

    @property
    def answered(self) -> bool:
        value = self.value
        return value is not None and not (isinstance(value, str | list | dict) and len(value) == 0)

    @property
    def time(self) -> datetime:
        return datetime.fromisoformat(self.changed)

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "exercise": self.exercise, "part": self.part,
                "kind": self.kind, "value": self.value, "changed": self.changed, "by": self.by}


def plain(kind: str, value: Any) -> Any:
    """``value`` in the plain JSON form the record keeps (see :meth:`Answer.make`)."""
    real = _real(value)
    if kind == "number" and real:
        return float(value)
    if kind in ("ranking", "choices", "range") and isinstance(value, tuple | list):
        items = [float(x) if kind == "range" and _real(x) else x for x in value]
        return sorted(items) if kind == "choices" and all(isinstance(x, str) for x in items) \
            else items
    if kind == "rule" and isinstance(value, dict):
        patience = value.get("patience")
        return {**value, "patience": int(patience) if _whole(patience, 1, 10**6) else patience}
    if kind == "plan" and isinstance(value, dict):
        return {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}
    return value


def _items_problem(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        return "the value is not a list of items"
    if len(value) > MAX_ITEMS or any(len(x) > MAX_ITEM for x in value):
        return "the value has too many or too long items"
    return None


def _rule_problem(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"patience", "judge_by"}:
        return "the value is not a switching rule (patience and judge_by)"
    if not _whole(value["patience"], 1, MOST_PATIENCE):
        return f"the rule's patience is not a whole number of weeks from 1 to {MOST_PATIENCE}"
    if value["judge_by"] not in SIGNALS:
        return f"the rule's judge_by is not one of {', '.join(SIGNALS)}"
    return None


def _plan_problem(value: Any) -> str | None:
    from netnot.models.plan import plan_problem  # the plan's own checks (numbers, choices)

    if not isinstance(value, dict):
        return "the value is not a plan"
    if any(isinstance(v, str) and len(v) > MAX_TEXT for v in value.values()):
        return "the plan has a text over 10000 characters"
    problem = plan_problem(value)
    return f"the value is not a plan ({problem[:200]})" if problem else None


def _value_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` is not something the widget of ``kind`` produces (None if it is)."""
    if value is None:
        return None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            return "the value is not a number"
        return None if _real(value) else "the value is not a number (it is infinite or too large)"
    if kind == "choice":
        ok = isinstance(value, str) and 0 < len(value) <= MAX_ITEM
        return None if ok else "the value is not one option"
    if kind == "ranking":
        return _items_problem(value)
    if kind == "choices":
        problem = _items_problem(value)
        return problem or (None if len(set(value)) == len(value) else
                           "the value names an option twice")
    if kind == "range":
        ok = isinstance(value, list) and len(value) == 2 and all(map(_real, value))
        if not ok:
            return "the value is not a range of two numbers"
        return None if float(value[0]) <= float(value[1]) else "the range ends before it starts"
    if kind == "rule":
        return _rule_problem(value)
    if kind == "plan":
        return _plan_problem(value)
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
    if value is not None:
        value = plain(kind, value)
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
