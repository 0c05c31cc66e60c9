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
        if close:
            compared = "That is close to what surveys find"
        elif guess > 60:
            compared = "That is higher than what surveys find"
        else:
            compared = "That is lower than what surveys find"
        headline = (f"You guessed {guess}%. {compared}: roughly half. In Granovetter's study of "
                    "282 professional, technical and managerial men in one Boston suburb around "
                    "1970, 56% had found their job through personal contacts, and economists' "
                    "reviews put it at about 50% (Burks, Cowgill, Hoffman & Housman 2015).")
        why = ("You may have heard 70-85%. That figure has no research behind it: it goes back "
               "to claims from the 1970s and 80s and a self-selected online poll. It is also "
               "often said the other way round, that 80% of jobs are never advertised, which is "
               "a different claim that no study supports either. Half is a lot; it is not "
               "everything.")
        return close, headline, why

    guess = W.IntSlider(value=0, min=0, max=100, step=5, description="My guess (%):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-share-via-contacts",
        "What share of jobs do you think people find through someone they know?",
        guess, reveal, store)
