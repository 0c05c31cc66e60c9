"""Checks for the test cells of widget answers: the kind of value first, then the value.

    check = answers.check("part-a").number(between=(1, 52), unit="weeks")   # visible
    check.close_to(expected, within=0.5)                                    # hidden test
    check.result()

Every step is skipped once one has failed, and :meth:`Check.result` shows one verdict in plain
words. It never raises for a wrong or missing answer: a part that fails (or is not answered yet)
ends the cell with the number 0, which nbgrader reads as "0 points" (``utils.determine_grade``:
a test cell's execute_result that is a number is its partial credit). A part that passes ends
with no result at all, which nbgrader reads as full points. So *Run All* on an untouched
exercise shows no traceback, and nbgrader's ``validate --invert`` sees every check fail.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Callable
from typing import Any

from netnot.answers.record import part_label
from netnot.answers.sheet import AnswerSheet

STYLE = {True: ("✓", "#009E73"), False: ("✗", "#D55E00"), None: ("•", "#0072B2")}


def verdict_html(passed: bool | None, text: str) -> str:
    mark, colour = STYLE[passed]
    return (f'<div role="status" class="netnot-verdict" style="border-left:4px solid {colour};'
            f'padding:4px 8px">{mark} {html.escape(text)}</div>')


class Verdict:
    """A failed check: the learner sees the message, nbgrader reads the points (0)."""

    def __init__(self, text: str, answered: bool) -> None:
        self.text, self.answered = text, answered

    def __repr__(self) -> str:
        return "0"

    def _repr_html_(self) -> str:
        return verdict_html(False if self.answered else None, self.text)


def _is_real(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


class Check:
    """The checks of one part of an exercise (see the module docstring)."""

    def __init__(self, sheet: AnswerSheet, part: str, aspect: str = "") -> None:
        self.sheet, self.part, self.aspect = sheet, part, aspect
        self.label = part_label(part) + (f" ({aspect})" if aspect else "")
        self.answer = sheet.answers.get(part)
        self.value = self.answer.value if self.answer is not None else None
        self.subject: Any = None  # the answer as the model reads it (a Rule, a Plan), once checked
        self.failure: str | None = None
        self.answered = self.answer is not None and self.answer.answered
        self.passed_hidden = False
        if not self.answered:
            problem = sheet.problem(part)
            self.failure = (
                f"The answer saved for {self.label} could not be read ({problem.split(': ', 1)[1]})"
                ", so it counts as not answered. Give your answer again in the box above."
                if problem else
                f"{self.label} is not answered yet: give your answer in the box above (or in the "
                "optional code cell). Until then this part scores 0 points.")

    def _fail(self, text: str) -> Check:
        if self.failure is None:
            self.failure = text
        return self

    # --- visible: the kind of answer and a sensible range -------------------------------------
    def number(self, between: tuple[float, float] | None = None, unit: str = "") -> Check:
        """The answer is a real number (numpy's too, not True/False), within ``between``."""
        if self.failure:
            return self
        value, unit = self.value, f" {unit}" if unit else ""
        if not _is_real(value) or not math.isfinite(float(value)):
            return self._fail(f"{self.label} should be a number; the answer given is "
                              f"{value!r:.60}.")
        low, high = between or (-math.inf, math.inf)
        if not low <= float(value) <= high:
            return self._fail(f"{self.label} should be between {low:g} and {high:g}{unit}; "
                              f"the answer given is {float(value):g}{unit}.")
        return self

    def one_of(self, *keys: str) -> Check:
        """The answer is one of the options ``keys``."""
        if not self.failure and self.value not in keys:
            self._fail(f"{self.label} should be one of the options shown; pick one above.")
        return self

    def some_of(self, *keys: str) -> Check:
        """The answer ticks one or more of the options ``keys``, each once."""
        value = self.value
        if not self.failure and (not isinstance(value, list) or not value
                                 or not set(value) <= set(keys) or len(set(value)) < len(value)):
            self._fail(f"{self.label} should tick one or more of the options shown.")
        return self

    def range(self, between: tuple[float, float], whole: bool = False, unit: str = "") -> Check:
        """The answer is two real numbers, low then high, within ``between`` (whole numbers if
        ``whole``)."""
        if self.failure:
            return self
        value, unit = self.value, f" {unit}" if unit else ""
        if not (isinstance(value, list) and len(value) == 2 and all(map(_is_real, value))):
            return self._fail(f"{self.label} should be two numbers, from … to ….")
        low, high = (float(x) for x in value)
        if not between[0] <= low <= high <= between[1]:
            return self._fail(f"{self.label} should run from a smaller to a larger number, both "
                              f"between {between[0]:g} and {between[1]:g}{unit}.")
        if whole and not (low.is_integer() and high.is_integer()):
            return self._fail(f"{self.label} should be whole numbers.")
        return self

    def rule(self) -> Check:
        """The answer is a switching rule the simulation runs (lesson 05's kind: half of a
        strategy's hours move); :attr:`subject` is then a ``policies.Rule``."""
        if self.failure:
            return self
        from netnot.models.policies import Rule
        from netnot.params import ParameterError

        value = self.value
        try:
            self.subject = Rule(int(value["patience"]), value["judge_by"])
        except (ParameterError, TypeError, KeyError, ValueError):
            return self._fail(f"{self.label} should be a switching rule: choose k and what "
                              "counts for networking.")
        return self

    def plan(self) -> Check:
        """The answer is a complete plan; :attr:`subject` is then a ``plan.Plan``."""
        if self.failure:
            return self
        from netnot.models.plan import Plan
        from netnot.params import ParameterError

        try:
            self.subject = Plan.of(self.value)
        except (ParameterError, TypeError, ValueError) as problem:
            return self._fail(f"{self.label} should be a complete plan ({problem}).")
        return self

    def excludes(self, refused: Any, why: str) -> Check:
        """The answer (as the model reads it) is not ``refused``, e.g. the lesson's own example;
        otherwise fail, saying ``why``."""
        if not self.failure and (self.subject if self.subject is not None else
                                 self.value) == refused:
            self._fail(f"{self.label}: {why}")
        return self

    def needs(self, other: str, why: str) -> Check:
        """This part is judged with another part's answer: fail (saying ``why``) if that one is
        not answered yet."""
        if not self.failure and self.sheet.value(other) is None:
            self._fail(f"{self.label}: {why}")
        return self

    def ranks(self, *keys: str) -> Check:
        """The answer puts exactly the items ``keys`` in some order, each once."""
        value = self.value
        if not self.failure and (not isinstance(value, list) or sorted(value) != sorted(keys)):
            self._fail(f"{self.label} should put every item in one place, each item once.")
        return self

    # --- hidden: the decisive value, computed from the model ----------------------------------
    def close_to(self, expected: float | Callable[[], float], within: float) -> Check:
        """The number is within ``within`` of ``expected`` (the stated tolerance). ``expected``
        may be a function, called only if the answer is still in the running."""
        if not self.failure and not _is_real(self.value):
            self._fail(f"{self.label} should be a number.")
        if not self.failure and callable(expected):
            expected = expected()
            if expected is None:
                self._fail(f"{self.label} cannot be judged yet: give the answers it builds on.")
        if not self.failure and not math.isclose(float(self.value), float(expected),
                                                 rel_tol=0.0, abs_tol=within):
            self._fail(f"{self.label}: not quite. Read the question's settings again and "
                       "look at the value once more.")
        return self._hidden()

    def equals(self, expected: Any) -> Check:
        """The answer is exactly ``expected`` (an option's key, a ranking; for ticked options,
        the same set of keys)."""
        value = self.value
        if isinstance(value, list) and isinstance(expected, set | frozenset):
            value, expected = set(value), set(expected)
        if not self.failure and value != expected:
            self._fail(f"{self.label}: not quite. Think about it once more.")
        return self._hidden()

    def ends_near(self, low: float, high: float, within: float) -> Check:
        """A range whose two ends are each within ``within`` of ``low`` and ``high``."""
        value = self.value
        if not self.failure and not (isinstance(value, list) and len(value) == 2):
            self._fail(f"{self.label} should be two numbers.")
        if not self.failure and not (abs(float(value[0]) - low) <= within
                                     and abs(float(value[1]) - high) <= within):
            self._fail(f"{self.label}: not quite. Read both ends of the range again.")
        return self._hidden()

    def holds(self, test: Callable[[Any], bool], hint: str) -> Check:
        """``test(answer)`` is true (``answer``: the :attr:`subject` the model reads, if a
        visible step made one, else the value); otherwise fail with ``hint``. ``test`` is called
        only if every earlier step passed."""
        if not self.failure and not test(self.subject if self.subject is not None
                                         else self.value):
            self._fail(f"{self.label}: {hint}")
        return self._hidden()

    def _hidden(self) -> Check:
        self.passed_hidden = self.failure is None
        return self

    # --- the verdict --------------------------------------------------------------------------
    def result(self) -> Verdict | None:
        """Show the verdict; return 0 points if the part failed, nothing if it passed."""
        from IPython.display import display

        if self.failure:
            self.sheet.judged(self.part, f"✗ {self.failure}", self.aspect)
            return Verdict(self.failure, self.answered)
        text = (f"{self.label} is right." if self.passed_hidden else
                f"{self.label} is answered, and the answer is of the right kind. The grader "
                "checks it more closely when your work is graded.")
        self.sheet.judged(self.part, f"✓ {text}", self.aspect)
        display({"text/html": verdict_html(True, text), "text/plain": f"✓ {text}"}, raw=True)
        return None
