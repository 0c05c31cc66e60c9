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

    def __init__(self, sheet: AnswerSheet, part: str) -> None:
        self.sheet, self.part, self.label = sheet, part, part_label(part)
        self.answer = sheet.answers.get(part)
        self.value = self.answer.value if self.answer is not None else None
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

    def ranks(self, *keys: str) -> Check:
        """The answer puts exactly the items ``keys`` in some order, each once."""
        value = self.value
        if not self.failure and (not isinstance(value, list) or sorted(value) != sorted(keys)):
            self._fail(f"{self.label} should put every item in one place, each item once.")
        return self

    # --- hidden: the decisive value, computed from the model ----------------------------------
    def close_to(self, expected: float, within: float) -> Check:
        """The number is within ``within`` of ``expected`` (the stated tolerance)."""
        if not self.failure and not _is_real(self.value):
            self._fail(f"{self.label} should be a number.")
        if not self.failure and not math.isclose(float(self.value), float(expected),
                                                 rel_tol=0.0, abs_tol=within):
            self._fail(f"{self.label}: not quite. Read the question's settings again and "
                       "look at the value once more.")
        return self._hidden()

    def equals(self, expected: Any) -> Check:
        """The answer is exactly ``expected`` (an option's key, a ranking)."""
        if not self.failure and self.value != expected:
            self._fail(f"{self.label}: not quite. Think about it once more.")
        return self._hidden()

    def _hidden(self) -> Check:
        self.passed_hidden = self.failure is None
        return self

    # --- the verdict --------------------------------------------------------------------------
    def result(self) -> Verdict | None:
        """Show the verdict; return 0 points if the part failed, nothing if it passed."""
        from IPython.display import display

        if self.failure:
            self.sheet.judged(self.part, f"✗ {self.failure}")
            return Verdict(self.failure, self.answered)
        text = (f"{self.label} is right." if self.passed_hidden else
                f"{self.label} is answered, and the answer is of the right kind. The grader "
                "checks it more closely when your work is graded.")
        self.sheet.judged(self.part, f"✓ {text}")
        display({"text/html": verdict_html(True, text), "text/plain": f"✓ {text}"}, raw=True)
        return None
