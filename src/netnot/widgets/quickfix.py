"""Widgets for lesson 02, "Networking is not a quick fix"."""

from __future__ import annotations

import ipywidgets as W

from netnot import course
from netnot.figures.quickfix import WaitingFigure
from netnot.models import quickfix
from netnot.progress import ProgressStore
from netnot.widgets.checks import MultipleChoice, Option, PredictThenReveal, Reflection
from netnot.widgets.explorer import Explorer, slider

LESSON = "02-not-a-quick-fix"
CHECK_KEYS = course.lesson(LESSON).checks
HEAVIEST = dict(contacts_per_week=10, warm_weeks=26, opening_percent=5, warm_at_start=30,
                head_start_weeks=52)


def run(contacts_per_week: float, warm_weeks: float, opening_percent: float,
        warm_at_start: int, head_start_weeks: int) -> quickfix.ReferralTimes:
    """The model, with the opening chance given in percent as on the slider."""
    return quickfix.simulate(contacts_per_week, warm_weeks, opening_percent / 100,
                             warm_at_start, head_start_weeks)


def summary(result: quickfix.ReferralTimes) -> str:
    median = f"week {result.median:g}" if result.median != float("inf") else "beyond a year"
    overtakes = result.overtakes_steady_week
    steady = (f"your weekly chance passes the steady channel in week {overtakes}"
              if overtakes else "your weekly chance never passes the steady channel")
    return (f"<b>Median wait: {median}</b> · within 2 weeks: {100 * result.share_by(2):.1f}% · "
            f"within 12 weeks: {100 * result.share_by(12):.0f}% · none within "
            f"{result.horizon} weeks: {100 * result.share_none:.0f}% · {steady}.")


def explorer() -> Explorer:
    """Sliders for the five inputs of the referral model, a two-panel figure and a summary."""
    d = quickfix.DEFAULTS
    controls = {
        "contacts_per_week": slider("New contacts per week", d["contacts_per_week"], 0, 10, 0.5),
        "warm_weeks": slider("Weeks until a contact would vouch", d["warm_weeks"], 1, 26, 1),
        "opening_percent": slider("Weekly chance a warm contact refers (%)",
                                  100 * d["opening_chance"], 0, 5, 0.25),
        "warm_at_start": slider("Warm contacts you already have", d["warm_at_start"], 0, 30, 1),
        "head_start_weeks": slider("Weeks networking before you need a job",
                                   d["head_start_weeks"], 0, 52, 1),
    }
    return Explorer(controls, run, WaitingFigure(), summary)


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess the typical wait for a first referral, then see the simulation's median."""
    result = quickfix.simulate()

    def reveal(guess: int) -> tuple[bool, str, str]:
        close = abs(guess - result.median) <= 3
        headline = (f"you guessed week {guess}; the simulated median is week {result.median:g}, "
                    f"and only {100 * result.share_by(2):.1f}% of simulated seekers had a "
                    "referral within 2 weeks.")
        why = ("New contacts need weeks before they would vouch for you, and even a warm contact "
               "only rarely hears of an opening that fits you. The wait is counted in months, "
               "not days, and it varies a lot from person to person.")
        return close, headline, why

    guess = W.IntSlider(value=2, min=1, max=52, description="My guess (week):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-first-referral",
        "You start networking today and meet two new people a week. In which week do you expect "
        "your first referral?", guess, reveal, store)


def biggest_lever(store: ProgressStore | None = None) -> MultipleChoice:
    """Which change shortens the median wait most? Explanations quote the model's numbers."""
    base = quickfix.simulate().median

    def median(**change: float) -> str:
        return f"{quickfix.simulate(**change).median:g}"

    options = [
        Option("Meet twice as many people (4 a week instead of 2)", False,
               f"It helps, but only from week {base:g} to week {median(contacts_per_week=4)}: "
               "every new contact still needs weeks to warm up, so more contacts cannot beat the "
               "warming delay."),
        Option("Contacts who pass on openings twice as often (2% a week instead of 1%)", False,
               f"It helps (week {base:g} to week {median(opening_chance=0.02)}), but how often "
               "your contacts hear of a fitting opening is mostly outside your control."),
        Option("Start networking 12 weeks before you need a job", True,
               f"The median falls from week {base:g} to week {median(head_start_weeks=12)}: "
               "the warming happens before the clock starts. Building your network before you "
               "need it is the real lever."),
        Option("Send each new contact a reminder every week", False,
               "Reminders are not in this model because they do not make anyone trust you "
               "sooner; lesson 01 shows that repeated asks wear goodwill down."),
    ]
    return MultipleChoice(
        LESSON, "biggest-lever",
        "Starting from the default settings, which change shortens the median wait the most?",
        options, store)


def ongoing_vs_completed(store: ProgressStore | None = None) -> MultipleChoice:
    """A data-literacy check on how job-search durations are reported (Ilg & Theodossiou 2012)."""
    options = [
        Option("One of the two figures must be a mistake", False,
               "Both are official BLS figures; they measure different things."),
        Option("The ongoing figure counts searches still in progress, so long searches are "
               "over-represented in it", True,
               "A survey on one day meets more of the people who have been searching for a long "
               "time. Completed searches are shorter on average, but both show a long tail."),
        Option("People who found jobs searched harder", False,
               "Perhaps, but that is not why the two statistics differ: they count different "
               "groups of people."),
    ]
    return MultipleChoice(
        LESSON, "ongoing-vs-completed",
        "In 2011, people who found a job had searched for a median of about 10 weeks, while the "
        "median unemployment spell still in progress was about 21 weeks (Ilg & Theodossiou 2012, "
        "Monthly Labor Review). Why do the numbers differ?", options, store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Think of one person who would vouch for you today. How long did that relationship take "
        "to build? What could you start this week so that, in three months, two more people "
        "could vouch for you?", store)
