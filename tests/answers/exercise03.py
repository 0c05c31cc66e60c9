"""Exercise 03's answers, read off the lesson's explorer, and typical wrong ones."""

from __future__ import annotations

from netnot.widgets import online as lesson

from .learners import Exercise

EX = Exercise(
    "03-not-only-online",
    {"part-a": "number", "part-b": "choice", "part-c": "number", "part-d-answer": "text"},
    {"part-a-check": 2, "part-b-check": 2, "part-c-check": 3},
    "part-d-answer",
    {"part-a-check": 0, "part-b-check": 0, "part-c-check": 3})


def largest_offline_share() -> int:
    """Part C: the largest share on the site with the best share at 20% online or less."""
    return max(p for p in range(0, 101, 5)
               if lesson.at(on_site_percent=p).mix.best_share <= 0.2 + 1e-9)


def right() -> dict[str, object]:
    return {"part-a": f"{100 * lesson.at(hours=8).mix.best_share:.0f}",
            "part-b": "toward-offline", "part-c": str(largest_offline_share()),
            "part-d-answer": "LinkedIn is not everyone: the best split at 8 hours was "
                             f"{100 * lesson.at(hours=8).mix.best_share:.0f}% online."}


def wrong() -> dict[str, object]:
    """The first settings' best share for A; the 'search harder online' option for B."""
    return {**right(), "part-a": f"{100 * lesson.at().mix.best_share:.0f}",
            "part-b": "toward-online", "part-d-answer": ""}
