"""Widgets for lesson 02, "Networking is not a quick fix".

The explorer runs :func:`netnot.models.networking.first_referrals` from the lesson's scenario,
"new to the field" (or the typical seeker), in a world whose sliders set the networking hours,
the head start and how trust is built.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import ipywidgets as W
import numpy as np

from netnot import course
from netnot.figures.quickfix import QUICK_FIX, Waiting, WaitingFigure, week
from netnot.models import networking, search
from netnot.models.world import World, scenario
from netnot.params import check_choice
from netnot.progress import ProgressStore
from netnot.widgets.assumptions import assumptions as table
from netnot.widgets.checks import MultipleChoice, Option, PredictThenReveal, Reflection
from netnot.widgets.explorer import Explorer, slider
from netnot.widgets.findings import findings_box

LESSON = "02-not-a-quick-fix"
CHECK_KEYS = course.lesson(LESSON).checks
STARTS = ("new to the field", "typical")  # the lesson's scenario first
HORIZON, PEOPLE = 52, 4_000  # weeks simulated; simulated people
HOURS, HEAD_START = 3.0, 12  # the first hours a week; the head start the checks try

# name: (label, low, high, step)
SLIDERS = {
    "hours": ("Networking hours a week", 0.5, 15, 0.5),
    "head_start": ("Weeks of networking before you start looking", 0, 52, 1),
    "vouch_hours": ("Hours of conversation before someone would vouch for you", 2, 30, 0.5),
    "acquaintances": ("Acquaintances who already know you", 0, 60, 1),
}
HEAVIEST = dict(start="typical", hours=15, head_start=52, vouch_hours=2, acquaintances=60,
                told=True)


def assumptions(number: str = LESSON[:2]) -> W.HTML:
    """The lesson's rows of the table of assumptions, with the values of its starting point."""
    return table(number, scenario(STARTS[0]))


def world_for(start: str, vouch_hours: float, acquaintances: float, told: bool) -> World:
    """The scenario the learner starts from, with the sliders' changes."""
    check_choice("starting point", start, STARTS)
    return scenario(start, vouch_hours=vouch_hours, acquaintances=acquaintances,
                    told_network=float(bool(told)))


def run(start: str, hours: float, head_start: int, vouch_hours: float, acquaintances: int,
        told: bool) -> Waiting:
    """First referrals for many people, and the weekly chance of an interview from the same
    hours of applications."""
    world = world_for(start, vouch_hours, acquaintances, told)
    referrals = networking.first_referrals(world, hours, head_start, horizon=HORIZON,
                                           people=PEOPLE)
    interview = float(-np.expm1(-search.interviews(world, 0, hours)))
    return Waiting(referrals, interview, world, float(hours), int(head_start))


def first_settings() -> dict[str, Any]:
    """The explorer's first settings: the lesson's scenario as it is."""
    world = scenario(STARTS[0])
    return dict(start=STARTS[0], hours=HOURS, head_start=0, vouch_hours=world.vouch_hours,
                acquaintances=int(world.acquaintances), told=bool(world.told_network))


@lru_cache(maxsize=8)
def at(**changes: Any) -> Waiting:
    """The explorer's result at its first settings, with some controls changed."""
    return run(**{**first_settings(), **changes})


def highest_chance() -> float:
    """The highest weekly chance any setting can show: the right axis's fixed top. More hours,
    a longer head start, less time to trust, more people who know you and have been told all
    raise it, so it is the corner of the sliders' ranges where all are at their most generous
    (the typical seeker has more close ties than someone new to the field)."""
    corner = at(start="typical", hours=SLIDERS["hours"][2], head_start=SLIDERS["head_start"][2],
                vouch_hours=SLIDERS["vouch_hours"][1], acquaintances=SLIDERS["acquaintances"][2],
                told=True)
    peak = max(corner.referrals.weekly_chance.max(), corner.interview_chance)
    return math.ceil(10 * peak) / 10


def who_knows(world: World) -> str:
    return f"{int(world.close_ties)} close ties and {int(world.acquaintances)} acquaintances"


def knows_you(world: World) -> str:
    told = ("and know you are looking" if world.told_network else
            "but nobody knows you are looking")
    return f"{who_knows(world)} know you, {told}"


def summary(result: Waiting) -> str:
    """The line under the figure, for the settings on screen."""
    r = result.referrals
    none = 1 - result.by_week()[-1]
    median = f"week {r.median:g}" if math.isfinite(r.median) else f"after week {result.horizon}"
    return (f"<b>Median first referral: {median}</b> · within {QUICK_FIX} weeks: "
            f"{100 * r.share_by(QUICK_FIX):.1f}% · three quarters by "
            f"{week(result.week_by(0.75))} · none within {result.horizon} weeks: "
            f"{100 * none:.0f}% · weekly chance of a referral: {100 * r.weekly_chance[0]:.1f}% "
            f"in week 1, {100 * r.weekly_chance[-1]:.1f}% in week {result.horizon} · "
            f"interview chance from the same hours of applications: "
            f"{100 * result.interview_chance:.1f}% a week<br><small>{knows_you(result.world)}"
            "</small>")


def findings() -> W.HTML:
    """What the simulation finds at the explorer's first settings."""
    result = at()
    r, world = result.referrals, result.world
    none = 1 - result.by_week()[-1]
    passes = np.flatnonzero(r.weekly_chance > result.interview_chance)
    overtakes = (f"it passes the chance of an interview from the same hours of applications "
                 f"({100 * result.interview_chance:.1f}% every week, from the first) in week "
                 f"{passes[0] + 1}" if passes.size else
                 f"it stays below the chance of an interview from the same hours of "
                 f"applications ({100 * result.interview_chance:.1f}% every week)")
    items = [
        f"<b>A first referral takes months.</b> Half of the simulated people have one by week "
        f"{r.median:g}; only {100 * r.share_by(QUICK_FIX):.1f}% within {QUICK_FIX} weeks, the "
        "quick fix many people hope for.",
        f"<b>The wait differs a lot.</b> A quarter have one by {week(result.week_by(0.25))}, "
        f"three quarters by {week(result.week_by(0.75))}; {100 * none:.0f}% have none within "
        f"{result.horizon} weeks.",
        f"<b>The payoff grows as trust builds.</b> The weekly chance of a referral starts at "
        f"{100 * r.weekly_chance[0]:.1f}% and reaches {100 * r.weekly_chance[-1]:.1f}% in week "
        f"{result.horizon}; {overtakes}. A referral is not yet an interview: about "
        f"{10 * world.referral_interview:.0f} in 10 lead to one.",
    ]
    return findings_box("What the simulation finds", items,
                        f"at the explorer's first settings: {result.people:,} simulated people "
                        f"new to the field, networking {result.hours:g} hours a week; computed "
                        "when the lesson runs")


class StartingPointExplorer(Explorer):
    """An explorer whose starting point (a named scenario) also moves the sliders it sets,
    with one update for the whole switch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._switching = False
        super().__init__(*args, **kwargs)

    def _changed(self, change: dict[str, Any]) -> None:
        if self._switching:
            return
        if change["owner"] is self.controls["start"]:
            world = scenario(change["new"])
            self._switching = True
            try:
                self.controls["acquaintances"].value = int(world.acquaintances)
                self.controls["told"].value = bool(world.told_network)
            finally:
                self._switching = False
        self.update()


def explorer() -> Explorer:
    """A starting point, four sliders and a switch, a two-panel figure and a line of results."""
    first = first_settings()
    controls: dict[str, W.ValueWidget] = {
        "start": W.ToggleButtons(options=list(STARTS), value=first["start"],
                                 description="Start from:",
                                 tooltips=["few people know you; nobody told",
                                           "the course's default seeker"],
                                 style={"description_width": "initial"}),
    }
    for name, (label, low, high, step) in SLIDERS.items():
        controls[name] = slider(label, first[name], low, high, step)
    controls["told"] = W.Checkbox(value=first["told"], description="You have told them you "
                                  "are looking", style={"description_width": "initial"})
    figure = WaitingFigure(highest_chance(), HORIZON)
    return StartingPointExplorer(controls, run, figure, summary)


# --- checks -------------------------------------------------------------------------------

def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess the week of the first referral, then see the simulated median."""
    result = at()
    r = result.referrals

    def reveal(guess: int) -> tuple[bool, str, str]:
        headline = (f"you guessed week {guess}. Half of the simulated people in your situation "
                    f"have their first referral by week {r.median:g}; only "
                    f"{100 * r.share_by(QUICK_FIX):.1f}% within {QUICK_FIX} weeks, and a "
                    f"quarter wait beyond {week(result.week_by(0.75))}.")
        why = ("Trust takes hours of conversation, and it fades without contact; even someone "
               "who would vouch for you only now and then hears of an opening that suits you. "
               "So the wait is counted in months, not days, and it differs a lot from person "
               "to person.")
        return abs(guess - r.median) <= 3, headline, why

    guess = W.IntSlider(value=1, min=1, max=HORIZON, description="My guess (week):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-first-referral",
        f"You are new to your field: few people in it know you, and you have not told anyone "
        f"you are looking. You start networking {HOURS:g} hours a week today. In which week "
        "do you expect your first referral?", guess, reveal, store)


def biggest_lever(store: ProgressStore | None = None) -> MultipleChoice:
    """Double the hours, take a head start, or tell the few who know you? Computed medians."""
    base = at().referrals.median
    world = at().world
    medians = {
        "hours": at(hours=2 * HOURS).referrals.median,
        "head start": at(head_start=HEAD_START).referrals.median,
        "told": at(told=True).referrals.median,
    }
    ordered = sorted(medians.values())
    close_call = ordered[1] - ordered[0] <= 1
    best = min(medians, key=medians.get)

    def moved(name: str) -> str:
        return f"The median moves from week {base:g} to week {medians[name]:g}"

    options = [
        Option(f"Network twice the hours ({2 * HOURS:g} a week instead of {HOURS:g})",
               best == "hours" and not close_call,
               f"{moved('hours')}. More hours build trust faster, but every new contact still "
               "needs hours of conversation before they would vouch, and trust fades, so twice "
               "the hours is far from twice the speed."),
        Option(f"Start networking {HEAD_START} weeks before you start looking",
               best == "head start" and not close_call,
               f"{moved('head start')}. The slow part, building trust, happens before the "
               "clock starts, so you start looking with people who already know your work. "
               "Building a network before you need it is the strongest lever here."),
        Option("Tell the few people who already know you that you are looking",
               best == "told" and not close_call,
               f"{moved('told')}. Telling them is free and worth doing, but when you are new "
               f"to a field there are few of them ({who_knows(world)})."),
        Option("They all move it by about the same", close_call,
               f"Compare: twice the hours, week {medians['hours']:g}; a head start, week "
               f"{medians['head start']:g}; telling people, week {medians['told']:g} (from "
               f"week {base:g})."),
    ]
    return MultipleChoice(
        LESSON, "biggest-lever",
        f"Starting from the first settings (new to the field, {HOURS:g} hours a week), which "
        "one change brings the median first referral soonest? Try each in the explorer.",
        options, store)


def _within(chances: np.ndarray, weeks: int) -> float:
    """Chance of at least one referral within the first ``weeks`` weeks."""
    return float(1 - np.prod(1 - chances[:weeks]))


def trust_fades(store: ProgressStore | None = None) -> MultipleChoice:
    """Network for a while, pause, then look: what is left of the head start?"""
    world, pause = at().world, HEAD_START
    kept = networking.after_a_pause(world, HOURS, HEAD_START, 0, HORIZON)
    paused = networking.after_a_pause(world, HOURS, HEAD_START, pause, HORIZON)
    scratch = networking.after_a_pause(world, HOURS, 0, 0, HORIZON)
    left = 100 * world.fade ** pause
    part = _within(scratch, 12) < _within(paused, 12) < _within(kept, 12)

    def chances(label: str, values: np.ndarray) -> str:
        return (f"{label}: {100 * values[0]:.1f}% in the first week of looking, "
                f"{100 * _within(values, 12):.0f}% within twelve weeks")

    numbers = "; ".join(chances(*pair) for pair in (("no pause", kept), ("after the pause",
                                                                         paused),
                                                    ("no head start", scratch)))
    options = [
        Option("All of it: people remember you", False,
               f"Trust fades without contact: after {pause} weeks only about {left:.0f}% of "
               f"the trust you built is left. For an average person in this situation: {numbers}."),
        Option("Part of it: the trust you built fades without contact, so keep in touch "
               "lightly even while you are not looking", part,
               f"About {left:.0f}% of the trust you built is left after {pause} weeks without "
               f"contact, so you start ahead of someone with no head start, but behind where "
               f"you were. For an average person in this situation: {numbers}."),
        Option("None of it: you have to start again from scratch", False,
               f"Not quite: about {left:.0f}% of the trust is still there after {pause} weeks. "
               f"For an average person in this situation: {numbers}."),
    ]
    return MultipleChoice(
        LESSON, "trust-fades",
        f"New to the field, you network {HOURS:g} hours a week for {HEAD_START} weeks, then "
        f"stop for {pause} weeks before you start looking (and networking) again. What is "
        "left of your head start?", options, store)


def ongoing_vs_completed(store: ProgressStore | None = None) -> MultipleChoice:
    """Reading job-search durations: searches in progress, and completed ones."""
    options = [
        Option("One of the two figures must be a mistake", False,
               "Both are official U.S. labour statistics. They measure different things."),
        Option("The 40 weeks is an average over searches still going on, where long searches "
               "pile up; the 10 weeks is the middle of searches that ended in a job", True,
               "A survey on one day meets more of the people who have been looking for a long "
               "time, because short searches end and leave. And an average is pulled up by a "
               "few very long searches, while a median is the middle one. Neither is “how long "
               "a search takes”: quote each with what it counts, and when."),
        Option("People who found jobs had searched harder", False,
               "Perhaps, but that is not why the two numbers differ: they count different "
               "people in different ways."),
        Option("Searches got shorter during 2011", False,
               "Both figures describe 2011. The difference is in what they count, not when."),
    ]
    return MultipleChoice(
        LESSON, "ongoing-vs-completed",
        "Two figures from 2011. In September, the average unemployment spell still in "
        "progress was about 40 weeks, a record (U.S. Bureau of Labor Statistics, as reported "
        "in summaries). People who found a job that year had searched for a median of about "
        "10 weeks (Ilg & Theodossiou 2012, Monthly Labor Review). Why are they so different?",
        options, store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Think of one person who would vouch for you today. How long did that take to build? "
        "Who could you start talking to this week, so that in three months they would know "
        "your work well enough to vouch for you?", store)
