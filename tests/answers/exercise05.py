"""Exercise 05's answers, built and read with the lesson's rule builder, and typical wrong ones."""

from __future__ import annotations

from netnot.widgets import switching as lesson

from .learners import Exercise

EX = Exercise(
    "05-switching-strategies",
    {"part-a": "rule", "part-b": "range", "part-c": "choice", "part-d-answer": "text"},
    {"part-a-check": 3, "part-b-check": 2, "part-c-check": 2},
    "part-d-answer",
    {"part-a-check": 0, "part-b-check": 0, "part-c-check": 2})
RULE = {"patience": 8, "judge_by": "early signals"}


def right() -> dict[str, object]:
    near = lesson.grid().near_best("early signals")  # what the explorer shows
    return {"part-a": RULE, "part-b": [str(min(near)), str(max(near))], "part-c": "plateau",
            "part-d-answer": "Count replies and meetings each week; give networking eight "
                             "weeks before you judge it, not three."}


def wrong() -> dict[str, object]:
    """The lesson's own example rule for A, the fastest k of one group for B; C right."""
    best = int(lesson.grid().curve("early signals").argmin()) + 1
    return {**right(), "part-a": {"patience": lesson.EXAMPLE.patience,
                                  "judge_by": lesson.EXAMPLE.judge_by},
            "part-b": [str(best), str(best)], "part-d-answer": ""}
