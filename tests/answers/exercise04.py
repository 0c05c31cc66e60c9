"""Exercise 04's answers, read off the lesson's two explorers, and typical wrong ones."""

from __future__ import annotations

from netnot.models.world import World
from netnot.widgets import options as lesson

from .learners import Exercise

EX = Exercise(
    "04-not-your-only-option",
    {"part-a": "number", "part-b": "number", "part-c": "choice", "part-d": "number",
     "part-e": "choice", "part-f-answer": "text"},
    {"part-a-check": 2, "part-b-check": 1, "part-c-check": 2, "part-d-check": 2,
     "part-e-check": 2},
    "part-f-answer",
    {"part-a-check": 0, "part-b-check": 1, "part-c-check": 0, "part-d-check": 0,
     "part-e-check": 0})


def mix():
    """Parts A and B: the row 'your mix' for 6 hours on applications and 6 on networking."""
    return lesson.run("typical", 6, 0, 0, 6).runs["your mix"]


def right() -> dict[str, object]:
    return {"part-a": f"{mix().median:.0f}", "part-b": f"{mix().percentile(90):.0f}",
            "part-c": lesson.closest_to_spread(16),
            "part-d": f"{lesson.ties_view(World().changed(overlap=3.0)).peak:.2f}",
            "part-e": lesson.ties_view(World().changed(overlap=0.5)).most_referrals_kind,
            "part-f-answer": "Spread a little: in 'field that hires through people' all on "
                             "networking was close to spreading, but your contacts may differ."}


def wrong() -> dict[str, object]:
    """All on networking's median (the explorer's start) for A; the scenario where the median
    is level but the slow tail is not, for C; the first settings' peak for D; the likeliest
    single tie's kind for E. B right."""
    start = lesson.run("typical", 0, 0, 0, 12).runs["your mix"]
    first = lesson.ties_view(World())
    return {**right(), "part-a": f"{start.median:.0f}", "part-c": "field with many online ads",
            "part-d": f"{first.peak:.2f}",
            "part-e": lesson.ties_view(World().changed(overlap=0.5)).most_likely_kind,
            "part-f-answer": ""}
