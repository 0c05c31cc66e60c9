"""Widgets for lesson 00, "Start here"."""

from __future__ import annotations

import html

import ipywidgets as W

from netnot import course
from netnot.course import LESSONS
from netnot.progress import ProgressStore
from netnot.widgets.checks import PredictThenReveal

LESSON = "00-start-here"
CHECK_KEYS = course.lesson(LESSON).checks


def course_map() -> W.HTML:
    """The lessons in order with their times, as a table."""
    rows = "".join(
        f"<tr><td>{html.escape(x.id[:2])}</td><td>{html.escape(x.title)}</td>"
        f"<td>{x.minutes} min</td></tr>"
        for x in LESSONS
    )
    total = sum(x.minutes for x in LESSONS)
    return W.HTML(
        "<table><tr><th>#</th><th>Lesson</th><th>Time</th></tr>"
        f"{rows}<tr><td></td><td><b>Total</b></td><td><b>{total} min</b></td></tr></table>"
    )


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess the share of jobs found through contacts; the reveal corrects a popular myth."""

    def reveal(guess: int) -> tuple[bool, str, str]:
        close = 40 <= guess <= 60
        headline = (f"you guessed {guess}%. Surveys since the 1970s put it at roughly half: 56% "
                    "in Granovetter's 1970s study of 282 professional men in one Boston suburb, "
                    "and 'about 50%' in economists' reviews (Burks et al. 2015).")
        why = ("The figure of 70-85% that you may have heard has no research source behind it: "
               "it traces back to old newspaper-ad counts and a self-selected online poll. "
               "Contacts matter a lot, and so do the other half of jobs.")
        return close, headline, why

    guess = W.IntSlider(value=80, min=0, max=100, step=5, description="My guess (%):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-share-via-contacts",
        "What share of jobs do you think people find through someone they know?",
        guess, reveal, store)
