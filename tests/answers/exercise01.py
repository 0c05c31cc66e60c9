"""Exercise 01's answers, as a learner reads them off the lesson's explorer (computed from the
model, as the hidden tests compute them), and typical wrong ones."""

from __future__ import annotations

from netnot.widgets import begging as lesson

from .learners import Exercise

EX = Exercise(
    "01-not-begging",
    {"part-a": "number", "part-b": "number", "part-c": "number", "part-d": "choices",
     "part-e-answer": "text"},
    {"part-a-check": 2, "part-b-check": 2, "part-c-check": 2, "part-d-check": 2},
    "part-e-answer",
    {"part-a-check": 0, "part-b-check": 2, "part-c-check": 0, "part-d-check": 0})
MESSAGES = ["m1", "m3", "m5"]  # the ones asking for advice or information
REWRITE = ("Hi Jordan, your talk at the conference stuck with me. Which skills matter most on "
           "a team like yours? Would you have 20 minutes for a call? I dropped the job request "
           "and the pressure: in Part B, pestering every other week tuned out {b}% <of them>.")


def catches_up() -> int:
    """Part C: the smallest spacing at which pestering's referrals, as shown, reach asking
    once's (0: none on the slider)."""
    once = round(lesson.at().total("ask once"), 1)
    return next((w for w in range(1, 9)
                 if round(lesson.at(pester_every=w).total("pester"), 1) >= once), 0)


def right() -> dict[str, object]:
    """What the explorer shows, as the learner types it (one decimal; a whole percentage)."""
    a = f"{lesson.at(give_every=2).total('give then ask'):.1f}"
    b = f"{100 * lesson.at(pester_every=2).tuned_out[-1]:.0f}"
    return {"part-a": a, "part-b": b, "part-c": str(catches_up()), "part-d": MESSAGES,
            "part-e-answer": REWRITE.format(b=b)}


def wrong() -> dict[str, object]:
    """A read at the first settings, "never" for C, one advice message missed; B right."""
    return {**right(), "part-a": f"{lesson.at().total('give then ask'):.1f}", "part-c": "0",
            "part-d": ["m1", "m3"], "part-e-answer": ""}
