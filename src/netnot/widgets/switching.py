"""Widgets for lesson 05, "Switch strategies on evidence, not on a bad week"."""

from __future__ import annotations

import html

import ipywidgets as W

from netnot import course
from netnot.figures.switching import LABELS, SwitchingFigure, describe_week
from netnot.models import switching
from netnot.progress import ProgressStore
from netnot.widgets.checks import (
    Item,
    MultipleChoice,
    Option,
    PredictThenReveal,
    Reflection,
    SortIntoGroups,
)
from netnot.widgets.explorer import Explorer, slider

LESSON = "05-switching-strategies"
CHECK_KEYS = course.lesson(LESSON).checks
HEAVIEST = dict(response_percent=2, networking_percent=0, maturing_weeks=26, offer_percent=5,
                spread=1.5, patience=1)


def run(response_percent: float, networking_percent: float, maturing_weeks: float,
        offer_percent: float, spread: float, patience: int) -> switching.SwitchingResult:
    """The model, with the chances given in percent as on the sliders."""
    return switching.simulate(response_percent / 100, networking_percent / 100, maturing_weeks,
                              offer_percent / 100, spread, patience)


def summary(result: switching.SwitchingResult) -> str:
    """A small table: average, median and share without an offer for each policy, best first."""
    rows = "".join(
        f"<tr><td>{place}. {html.escape(LABELS[policy])}</td><td>{weeks:.1f}</td>"
        f"<td>{describe_week(result.median(policy), result.horizon)}</td>"
        f"<td>{result.share_none(policy):.0%}</td>"
        f"<td>{result.networking_share[result.policies.index(policy)]:.0%}</td></tr>"
        for place, (policy, weeks) in enumerate(result.ranking(), start=1)
    )
    return (
        "<table><tr><th>Policy (best first)</th><th>Average weeks searching</th>"
        "<th>Median week of first offer</th><th>No offer in a year</th>"
        f"<th>Weeks spent networking</th></tr>{rows}</table>"
    )


def explorer() -> Explorer:
    """Six sliders for the job-search bandit; every policy runs on the same simulated seekers."""
    d = switching.DEFAULTS
    controls = {
        "response_percent": slider("Typical weekly response chance (%)",
                                   100 * d["response_rate"], 2, 30, 1),
        "networking_percent": slider("Networking's chance once mature (%)",
                                     100 * d["networking_rate"], 0, 50, 1),
        "maturing_weeks": slider("Weeks for networking to mature", d["maturing_weeks"], 0, 26, 1),
        "offer_percent": slider("Responses that become offers (%)",
                                100 * d["offer_chance"], 5, 100, 5),
        "spread": slider("How much people differ", d["spread"], 0, 1.5, 0.1),
        "patience": slider("k: silent weeks before switching", d["patience"], 1, 20, 1),
    }
    return Explorer(controls, run, SwitchingFigure(), summary)


def silent_streak(weekly_chance: float, weeks: int) -> float:
    """Chance that a strategy with this weekly response chance stays silent ``weeks`` in a row."""
    return (1.0 - weekly_chance) ** weeks


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess how often a good-but-rare strategy goes 10 weeks without a response."""
    truth = 100 * silent_streak(0.05, 10)

    def reveal(guess: int) -> tuple[bool, str, str]:
        close = abs(guess - truth) <= 10
        headline = (f"you guessed {guess}%. The chance is 0.95 to the power 10, about "
                    f"{truth:.0f}%: more often than not, a strategy that works one week in twenty "
                    "stays silent for ten weeks in a row.")
        why = ("When responses are rare, silence is what a working strategy looks like most of the "
               "time. A silent week, or even several, is weak evidence against it. Even at 10% a "
               f"week, ten silent weeks happen {100 * silent_streak(0.10, 10):.0f}% of the time.")
        return close, headline, why

    guess = W.IntSlider(value=10, min=0, max=100, step=5, description="My guess (%):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-silent-streak",
        "A strategy gets you a response (an interview or a meeting) in 5% of weeks: one week in "
        "twenty. How likely is it to go 10 weeks in a row with no response at all?",
        guess, reveal, store)


def why_lose_shift_fails(store: ProgressStore | None = None) -> MultipleChoice:
    """Why switching after every silent week does little better than chance."""
    result = switching.simulate()
    share = result.networking_share[result.policies.index("every silent week")]
    options = [
        Option("Because switching costs a lot of time", False,
               "The model charges nothing for switching, and the rule still does poorly. The "
               "problem is what it learns, not what it costs."),
        Option("Because most weeks are silent even on a good strategy, so it switches away from "
               "good and bad strategies alike", True,
               "With rare responses the rule moves on almost every week, whatever the strategy. "
               f"In the simulation it spends {share:.0%} of its weeks networking, about the same "
               "as picking a strategy out of a hat (25%). It never gathers enough evidence to "
               "tell a good strategy from a bad one."),
        Option("Because it sticks too long with the first strategy", False,
               "It is the opposite: it leaves after a single silent week."),
        Option("Because job seekers cannot count their responses", False,
               "They can, and the evidence rule does exactly that: it keeps a tally per strategy."),
    ]
    return MultipleChoice(
        LESSON, "why-lose-shift-fails",
        "In the simulation, 'switch after every silent week' loses to the patient rule and to the "
        "evidence rule. Why?", options, store)


def networking_week_3(store: ProgressStore | None = None) -> MultipleChoice:
    """A maturing strategy judged too early (model 5B)."""
    options = [
        Option("Drop networking: three weeks without an interview is clear evidence", False,
               "Three silent weeks say little even for a strategy that is already working, and "
               "networking usually takes weeks to months before it brings interviews."),
        Option("Keep a steady share of your weeks for networking and watch replies and meetings; "
               "judge it on interviews later", True,
               "Replies and meetings are leading indicators: they show the relationships are "
               "forming before any interview appears. In the simulation, keeping a steady share "
               "for networking beats dropping it when networking matures, and costs weeks when "
               "it is weak, so the leading indicators are how you tell which case you are in."),
        Option("Do nothing but networking from now on", False,
               "Going all in on a strategy you have not yet tested is the 'never switch' gamble "
               "again. Keep other strategies running while the evidence comes in."),
    ]
    return MultipleChoice(
        LESSON, "networking-week-3",
        "After three weeks of networking you have had 4 replies and 2 coffee meetings, but no "
        "interview. What is the evidence-based next step?", options, store)


def signals(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort situations into keep going, switch or rebalance, too early to tell."""
    keep, switch, early = "Keep going", "Switch or rebalance", "Too early to tell"
    items = [
        Item("8 weeks of applications: 40 sent, 3 interviews, no offer yet", keep,
             "3 interviews from 40 applications is a working strategy; offers are rarer still."),
        Item("10 weeks of applications to one kind of job: 60 sent, not one reply", switch,
             "Sixty tries with no reply at all is real evidence. Broaden the kinds of job, or "
             "move time to another strategy (Belot, Kircher & Muller 2019)."),
        Item("2 weeks of networking: 2 messages sent, no reply yet", early,
             "Two tries are not evidence either way. Keep a steady pace and count again later."),
        Item("6 weeks of networking: many replies and meetings, no interview yet", keep,
             "Replies and meetings are leading indicators: the relationships are forming."),
        Item("12 weeks with a recruiter: no calls, no roles put forward", switch,
             "Three months without a single lead from a channel is a signal to move time "
             "elsewhere."),
    ]
    return SortIntoGroups(
        LESSON, "signals",
        "For each situation: keep going, switch or rebalance, or is it too early to tell?",
        items, [keep, switch, early], store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Write the switching rule you will use in your own search: what will you count each "
        "week, how many weeks will you give a strategy before you judge it, and what result "
        "would make you move time to something else?", store)


def rank(rule: switching.Rule) -> W.HTML:
    """Where your rule ranks among the baselines, as a box; a message if it is not ready yet."""
    text = switching.rank_rule(rule)
    return W.HTML(f"<pre>{html.escape(text)}</pre>")


def streak_table() -> W.HTML:
    """How likely long silent streaks are at a few weekly response chances (an HTML table)."""
    chances, streaks = (0.02, 0.05, 0.10, 0.20), (3, 5, 10)
    head = "".join(f"<th>{n} silent weeks</th>" for n in streaks)
    rows = "".join(
        f"<tr><td>{100 * p:.0f}% a week</td>"
        + "".join(f"<td>{100 * silent_streak(p, n):.0f}%</td>" for n in streaks) + "</tr>"
        for p in chances
    )
    return W.HTML(f"<table><tr><th>Weekly chance</th>{head}</tr>{rows}</table>")
