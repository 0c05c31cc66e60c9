"""Widgets for lesson 05, "Switch strategies on evidence, not on a bad week".

The explorer is the rule builder: a rule is a patience k (weeks without a signal before half a
strategy's hours move to the best one) and what counts as a signal for networking. Every rule
on the grid (k from 1 to 12, both ways of judging, and keeping the mix) is simulated once per
scenario and starting point (:func:`netnot.models.policies.patience_grid`), so that moving the
slider or the toggle only looks results up.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

import ipywidgets as W

from netnot import course
from netnot.figures.switching import (
    JUDGED,
    KEEP_LABEL,
    RASH_LABEL,
    RulesFigure,
    RuleView,
    describe_week,
    rule_label,
)
from netnot.models import networking, policies
from netnot.models.policies import PATIENCES, SIGNALS, Reading
from netnot.models.world import World, scenario
from netnot.params import check_choice, check_whole
from netnot.progress import ProgressStore
from netnot.widgets.assumptions import assumptions  # noqa: F401 - the lesson's table
from netnot.widgets.checks import (
    Item,
    MultipleChoice,
    Option,
    PredictThenReveal,
    Reflection,
    SortIntoGroups,
)
from netnot.widgets.explorer import Explorer, slider
from netnot.widgets.findings import findings_box

LESSON = "05-switching-strategies"
CHECK_KEYS = course.lesson(LESSON).checks
SCENARIOS = ("typical", "networking is weak for you", "field that hires through people")
STARTS = {"an even mix": "even", "one strategy": "one strategy"}
DEFAULTS = dict(patience=4, judge_by="early signals", start="an even mix", scenario="typical")
HEAVIEST = dict(patience=1, judge_by="interviews", start="one strategy",
                scenario="networking is weak for you")
_COMPUTED: set[tuple[str, str]] = set()  # grids simulated in this session


def grid(scenario_name: str = "typical", start: str = "an even mix") -> policies.PatienceGrid:
    """Every rule for one scenario and starting point (simulated once, then kept)."""
    scenario_name = check_choice("scenario", scenario_name, SCENARIOS)
    start = check_choice("starting point", start, tuple(STARTS))
    _COMPUTED.add((scenario_name, start))
    return policies.patience_grid(_world(scenario_name), STARTS[start])


@lru_cache(maxsize=len(SCENARIOS))
def _world(name: str) -> World:
    return scenario(name)


def run(patience: int, judge_by: str, start: str, scenario: str) -> RuleView:
    """The explorer's model: a lookup in the grid of the scenario and starting point."""
    patience = check_whole("weeks without a signal before moving hours", patience,
                           PATIENCES[0], PATIENCES[-1])
    judge_by = check_choice("what counts as a signal for networking", judge_by, SIGNALS)
    return RuleView.of(grid(scenario, start), patience, judge_by, STARTS[start], scenario)


def rows(view: RuleView) -> list[tuple[str, Reading]]:
    """The policy table's rules, best first, each named by its role (a rule that is the same as
    an earlier one is shown once)."""
    found: dict[tuple, tuple[str, Reading]] = {}
    for name, reading in (("your rule", view.mine),
                          ("the same patience, judged the other way", view.other),
                          (KEEP_LABEL, view.keep), (RASH_LABEL, view.rash)):
        found.setdefault((reading.judge_by, reading.patience), (name, reading))
    return sorted(found.values(), key=lambda row: row[1].mean_weeks)


def describe(name: str, reading: Reading) -> str:
    """A row's name, with the rule spelled out when the name does not say it."""
    return name if name in (KEEP_LABEL, RASH_LABEL) else f"{name} ({rule_label(reading)})"


def table_html(view: RuleView) -> str:
    """The policy table: average weeks, median, share without an offer, hours networking."""
    body = "".join(
        f"<tr><td>{place}. {html.escape(describe(name, r))}</td>"
        f"<td>{r.mean_weeks:.1f}</td><td>{describe_week(r.median, view.horizon)}</td>"
        f"<td>{r.share_none:.0%}</td><td>{r.networking_share:.0%}</td></tr>"
        for place, (name, r) in enumerate(rows(view), start=1))
    return ('<table class="nin-table"><thead><tr><th scope="col">Rule (best first)</th>'
            '<th scope="col">Average weeks searching</th><th scope="col">Median week of first '
            'offer</th><th scope="col">No offer within a year</th><th scope="col">Share of '
            f"hours spent networking</th></tr></thead><tbody>{body}</tbody></table>")


def weeks_apart(a: float, b: float) -> tuple[str, str]:
    """Two averages with one decimal, or two if one decimal would make them look equal."""
    places = 1 if f"{a:.1f}" != f"{b:.1f}" else 2
    return f"{a:.{places}f}", f"{b:.{places}f}"


def summary(view: RuleView) -> str:
    best, keep = view.best, view.keep
    rules = 2 * len(PATIENCES)
    fastest, kept = weeks_apart(best.mean_weeks, keep.mean_weeks)
    if best.mean_weeks < keep.mean_weeks:
        verdict = (f"the fastest is to {html.escape(rule_label(best))}: {fastest} weeks on "
                   f"average, against {kept} for keeping your mix.")
    else:
        verdict = (f"none beat keeping your mix ({kept} weeks on average); the closest is to "
                   f"{html.escape(rule_label(best))}, at {fastest}.")
    return f"{table_html(view)}<p>Of the {rules} switching rules tried here, {verdict}</p>"


def explorer() -> Explorer:
    """The rule builder: patience, what counts as a signal, starting point, scenario."""
    controls: dict[str, Any] = {
        "patience": slider("k: weeks without a signal before moving hours",
                           DEFAULTS["patience"], PATIENCES[0], PATIENCES[-1], 1),
        "judge_by": W.ToggleButtons(options=SIGNALS, value=DEFAULTS["judge_by"],
                                    description="Networking counts as working when it brings:",
                                    style={"description_width": "initial"}),
        "start": W.ToggleButtons(options=tuple(STARTS), value=DEFAULTS["start"],
                                 description="At first your hours go to:",
                                 style={"description_width": "initial"}),
        "scenario": W.Dropdown(options=SCENARIOS, value=DEFAULTS["scenario"],
                               description="Scenario:", style={"description_width": "initial"}),
    }
    holder: list[Explorer] = []

    def busy(_change: dict[str, Any]) -> None:  # runs before the explorer's own update
        key = (controls["scenario"].value, controls["start"].value)
        if holder and key not in _COMPUTED:
            holder[0].summary.value = ("<i>Simulating every rule for this scenario (about a "
                                       "second, once)…</i>")

    for name in ("start", "scenario"):
        controls[name].observe(busy, names="value")
    made = Explorer(controls, run, RulesFigure(), summary)
    holder.append(made)
    return made


# --- the streak calculation ---------------------------------------------------------------


def silent_streak(weekly_chance: float, weeks: int) -> float:
    """Chance that a strategy with this weekly chance of a signal stays silent ``weeks`` weeks
    in a row."""
    return (1.0 - weekly_chance) ** weeks


CHANCES, STREAKS = (0.02, 0.05, 0.10, 0.20), (1, 3, 5, 10)


def streak_table() -> W.HTML:
    """How likely silent streaks are at a few weekly chances (an HTML table)."""
    head = "".join(f'<th scope="col">{n} silent week{"s" if n > 1 else ""} in a row</th>'
                   for n in STREAKS)
    body = "".join(
        f'<tr><th scope="row">{100 * p:.0f}% a week</th>'
        + "".join(f"<td>{100 * silent_streak(p, n):.0f}%</td>" for n in STREAKS) + "</tr>"
        for p in CHANCES)
    return W.HTML(f'<table class="nin-table"><thead><tr><th scope="col">A strategy that works '
                  f"with this weekly chance</th>{head}</tr></thead><tbody>{body}</tbody></table>")


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess how often a good-but-rare strategy goes 10 weeks without a response."""
    truth = 100 * silent_streak(0.05, 10)

    def reveal(guess: int) -> tuple[bool, str, str]:
        close = abs(guess - truth) <= 10
        headline = (f"you guessed {guess}%. The chance is 0.95 multiplied by itself ten times, "
                    f"about {truth:.0f}%: more often than not, a strategy that works one week in "
                    "twenty stays silent for ten weeks in a row.")
        why = ("When signals are rare, silence is what a working strategy looks like most of "
               "the time. Even at 10% a week, ten silent weeks happen "
               f"{100 * silent_streak(0.10, 10):.0f}% of the time.")
        return close, headline, why

    guess = W.IntSlider(value=10, min=0, max=100, step=5, description="My guess (%):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-silent-streak",
        "A strategy gets you a response (an interview or a meeting) in 5% of weeks: one week in "
        "twenty. How likely is it to go 10 weeks in a row with no response at all?",
        guess, reveal, store)


def one_silent_week(store: ProgressStore | None = None) -> MultipleChoice:
    """Why one silent week says little (the numbers from the streak rule and the grid)."""
    works, dead = silent_streak(0.10, 1), silent_streak(0.0, 1)
    view = run(**{**DEFAULTS, "judge_by": "interviews", "patience": 1})
    options = [
        Option("It does not work: drop it now", False,
               f"A strategy that works one week in ten is quiet {works:.0%} of weeks. One quiet "
               "week is what a working strategy looks like most of the time."),
        Option("Very little: a quiet week is almost as likely whether the strategy works or not",
               True,
               f"If it works one week in ten, a quiet week happens {works:.0%} of the time; if "
               f"it does not work at all, {dead:.0%}. The two are hard to tell apart after one "
               "week. Only a run of quiet weeks, or a count over many weeks, starts to say "
               "something."),
        Option("It works: quiet weeks mean the results are on their way", False,
               "A quiet week is no sign of success either. It tells you almost nothing, in "
               "both directions."),
        Option("Move half its hours elsewhere after every quiet week", False,
               "That is the rule 'move hours after every week without an interview'. In this "
               "lesson's simulation (a typical seeker starting from an even mix) it averaged "
               f"{view.rash.mean_weeks:.1f} weeks of searching, against "
               f"{view.keep.mean_weeks:.1f} for keeping your mix: it keeps throwing away "
               "strategies that were working. The explorer below shows it as k = 1."),
    ]
    return MultipleChoice(
        LESSON, "one-silent-week",
        "A strategy that works brings a signal (an interview, a call back) in about one week out "
        "of ten. This week it brought nothing. What have you learned?", options, store)


def fastest_rule(store: ProgressStore | None = None) -> MultipleChoice:
    """Read the policy table at the explorer's starting settings."""
    view = run(**DEFAULTS)
    table = rows(view)
    winner = table[0][1]
    options = []
    for place, (name, reading) in enumerate(table, start=1):
        label = describe(name, reading)
        why = (f"Row {place} of the table: {reading.mean_weeks:.1f} weeks searching on average, "
               f"{reading.share_none:.0%} with no offer within a year.")
        if reading is winner:
            why += (" It is the fastest of the four; the gaps between rules are a matter of "
                    "weeks, so read the other columns too.")
        else:
            why += f" The fastest row is '{table[0][0]}', at {winner.mean_weeks:.1f} weeks."
        options.append(Option(label, reading is winner, why))
    return MultipleChoice(
        LESSON, "fastest-rule",
        "Set the explorer back to where it started (k = "
        f"{DEFAULTS['patience']}, networking judged by its {DEFAULTS['judge_by']}, an even mix, "
        "typical) and read the table under the figure. Which rule has the fewest average weeks "
        "searching?", options, store)


def networking_week_3(store: ProgressStore | None = None) -> MultipleChoice:
    """Judging networking at week 3 by its leading indicators."""
    view = run(**{**DEFAULTS, "patience": 3})
    by_interviews, by_signals = view.rules["interviews"], view.rules["early signals"]
    week = networking.one_week(World(), 3.0, World().online_share)
    options = [
        Option("Drop networking: three weeks without an interview is clear evidence", False,
               "Networking's interviews come only once people know you well enough to pass "
               "your name on, which takes hours of conversation. In the explorer (typical, an "
               "even mix, k = 3), judging it by interviews left it "
               f"{by_interviews.networking_share:.0%} of the hours, against "
               f"{by_signals.networking_share:.0%} when judged by its early signals."),
        Option("Keep its hours and count replies and meetings; judge it on interviews later",
               True,
               "Replies and conversations are leading indicators: they show that relationships "
               "are forming long before an interview. At 3 hours a week a typical person in "
               f"the simulation gets about {float(week.replies):.1f} replies and "
               f"{float(week.conversations):.1f} conversations a week. Judging networking by "
               f"them averaged {by_signals.mean_weeks:.1f} weeks of searching, by interviews "
               f"{by_interviews.mean_weeks:.1f}."),
        Option("Put all your hours into networking from now on", False,
               "Replies are encouraging, not proof that openings are near your contacts. Keep "
               "your other strategies going while the evidence comes in."),
    ]
    return MultipleChoice(
        LESSON, "networking-week-3",
        "After three weeks of networking you have had 4 replies and 2 coffee conversations, but "
        "no interview. What is the evidence-based next step?", options, store)


def signals(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort situations into keep going, switch or rebalance, too early to tell."""
    keep, switch, early = "Keep going", "Switch or rebalance", "Too early to tell"
    rare, less_rare = silent_streak(0.10, 12), silent_streak(0.20, 12)
    items = [
        Item("8 weeks of applications: 40 sent, 3 interviews, no offer yet", keep,
             "3 interviews from 40 applications is a working strategy; offers are rarer still."),
        Item("10 weeks of applications to one kind of job: 60 sent, not one reply", switch,
             "Sixty tries without a single reply is real evidence. Broaden the kinds of job, or "
             "move time to another strategy (Belot, Kircher & Muller 2019)."),
        Item("2 weeks of networking: 2 messages sent, no reply yet", early,
             "Two tries are not evidence either way. Keep a steady pace and count again later."),
        Item("6 weeks of networking: many replies and conversations, no interview yet", keep,
             "Replies and conversations are leading indicators: the relationships are forming."),
        Item("12 weeks with a recruiter: no calls, no roles put forward", switch,
             "For a channel that brings a call one week in ten, twelve silent weeks happen "
             f"{rare:.0%} of the time; at one week in five, {less_rare:.0%}. That is evidence: "
             "move some of its hours elsewhere."),
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


def setbacks(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "setbacks",
        "What will you do after five silent weeks (one small step you can take even on a bad "
        "day)? And who will you tell how your search is going?", store)


# --- the findings box ---------------------------------------------------------------------


def _k(reading: Reading) -> str:
    return f"k = {reading.patience}"


def findings() -> W.HTML:
    """What the simulation shows for a typical seeker, from an even mix and from one strategy,
    computed now."""
    even, single = grid("typical", "an even mix"), grid("typical", "one strategy")
    e_keep, s_keep = policies.read(even), policies.read(single)
    e_best, s_best = policies.fastest(even), policies.fastest(single)
    e_all = [policies.read(even, j, k) for j in SIGNALS for k in PATIENCES]
    slowest = max(e_all, key=lambda r: r.mean_weeks)
    early, late = even.curve("early signals"), even.curve("interviews")
    wins = int((early < late).sum())
    k = DEFAULTS["patience"]
    by_i, by_s = policies.read(even, "interviews", k), policies.read(even, "early signals", k)
    s_rules = [policies.read(single, j, p) for j in SIGNALS for p in PATIENCES]
    s_slowest_rule = max(s_rules, key=lambda r: r.mean_weeks)
    near = single.near_best(s_best.judge_by or SIGNALS[0], within=0.5)
    patient = policies.read(single, s_best.judge_by, PATIENCES[-1])

    gap = e_best.mean_weeks - e_keep.mean_weeks
    verdict = ("none of the switching rules beat keeping the mix" if gap >= 0 else
               f"{-gap:.1f} weeks faster than keeping the mix")
    even_points = [
        f"Keeping your mix: <b>{e_keep.mean_weeks:.1f}</b> weeks searching on average. The "
        f"fastest switching rule ({_k(e_best)}, {JUDGED[e_best.judge_by]}) took "
        "{} against {}: {}.".format(*weeks_apart(e_best.mean_weeks, e_keep.mean_weeks), verdict),
        f"The slowest of all: {html.escape(rule_label(slowest))}, {slowest.mean_weeks:.1f} weeks.",
        f"Judging networking by its early signals beat judging it by interviews at {wins} of "
        f"{len(PATIENCES)} patiences. Judged by interviews ({_k(by_i)}), networking kept "
        f"{by_i.networking_share:.0%} of the hours; judged by its early signals, "
        f"{by_s.networking_share:.0%}.",
    ]
    single_points = [
        f"Never switching: <b>{s_keep.mean_weeks:.1f}</b> weeks on average, and "
        f"{s_keep.share_none:.0%} still without an offer after a year"
        + (" (the slowest of all)." if s_keep.mean_weeks > s_slowest_rule.mean_weeks else "."),
        f"The fastest rule: {_k(s_best)}, {JUDGED[s_best.judge_by]}: {s_best.mean_weeks:.1f} "
        f"weeks; with the same way of judging, k = {', '.join(map(str, near))} came within "
        "half a week of it.",
        f"Waiting {PATIENCES[-1]} weeks before moving hours: {patient.mean_weeks:.1f} weeks, "
        f"{patient.mean_weeks - s_best.mean_weeks:.1f} more than the fastest.",
    ]

    people = even.comparison.params["people"]
    items = ([f"<b>From an even mix.</b> {p}" for p in even_points[:1]] + even_points[1:]
             + [f"<b>From all hours on one strategy.</b> {p}" for p in single_points[:1]]
             + single_points[1:])
    return findings_box("What the simulation finds", items,
                        f"a typical seeker, {people:,} simulated people per rule, the same "
                        "people and luck for every rule; computed when the lesson runs")


# --- exercise 05: rules and patiences judged on other groups of simulated people ---------

EXAMPLE = policies.Rule(DEFAULTS["patience"], DEFAULTS["judge_by"])  # Under the hood's rule


def is_example(rule: policies.Rule) -> bool:
    """True for the rule the lesson shows (the explorer's start and the Under-the-hood box)."""
    return (rule.patience, rule.judge_by, rule.move) == (EXAMPLE.patience, EXAMPLE.judge_by,
                                                         EXAMPLE.move)


def wins(rule: policies.Rule, baseline: policies.Rule, start: str = "an even mix",
         scenario_name: str = "typical") -> int:
    """On how many of the five hidden groups of simulated people ``rule`` is faster on average
    than ``baseline`` (:func:`netnot.models.policies.wins`)."""
    return policies.wins(rule, baseline, _world(scenario_name), STARTS[start])


def robust_near_best(judge_by: str, start: str = "an even mix",
                     scenario_name: str = "typical") -> tuple[int, ...]:
    """The patiences within half a week of the fastest on most (3 or more) of the five hidden
    groups of simulated people (:func:`netnot.models.policies.near_best_counts`)."""
    counts = policies.near_best_counts(judge_by, _world(scenario_name), STARTS[start])
    return tuple(k for k, n in counts.items() if 2 * n > len(policies.HIDDEN_SEEDS))


READINGS = {
    "exact": "Only the single fastest k is worth using: a week more or less of patience costs "
             "a lot",
    "plateau": "Many values of k do about equally well, so choose one in that range that you "
               "can keep to; what costs weeks is moving hours too soon (a small k)",
    "hasty": "The smaller k is, the faster the search: move hours after every quiet week",
    "anything": "Patience makes no difference: every k from 1 to 12 does about as well",
}


def patience_reading(judge_by: str, start: str = "an even mix",
                     scenario_name: str = "typical") -> str:
    """The one reading of :data:`READINGS` that the five hidden groups bear out: "plateau" if
    three or more patiences are near the fastest and k = 1 is not among them, "exact" if only
    one is, "anything" if every k is, "hasty" if k = 1 is among a few."""
    near = robust_near_best(judge_by, start, scenario_name)
    if len(near) == len(PATIENCES):
        return "anything"
    if len(near) <= 1:
        return "exact"
    return "hasty" if PATIENCES[0] in near else "plateau"
