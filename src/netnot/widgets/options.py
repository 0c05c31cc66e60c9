"""Widgets for lesson 04, "Networking is not your only option".

Two explorers on the course's one world: how to split your search hours
(:func:`netnot.models.search.compare`) and kinds of ties
(:func:`netnot.models.networking.tie_chance` and
:func:`~netnot.models.networking.referrals_by_kind`). Every number the lesson shows about the
simulation is computed here when the lesson runs.
"""

from __future__ import annotations

import html
from functools import lru_cache

import ipywidgets as W
import numpy as np

from netnot import course
from netnot.figures.options import (
    CLOSENESS,
    LAST_WEEK,
    SplitFigure,
    SplitView,
    TiesFigure,
    TiesView,
    kind_label,
    mix_text,
    week_text,
)
from netnot.models import search
from netnot.models.networking import referrals_by_kind, tie_chance
from netnot.models.world import KINDS, NETWORKING, SCENARIOS, Mix, World
from netnot.models.world import scenario as scenario_world
from netnot.params import ParameterError, check_choice
from netnot.progress import ProgressStore
from netnot.references import cite
from netnot.widgets.assumptions import assumptions  # noqa: F401 - lesson.assumptions("04")
from netnot.widgets.checks import MultipleChoice, Option, PredictThenReveal, Reflection
from netnot.widgets.explorer import Explorer, slider
from netnot.widgets.findings import findings_box

LESSON = "04-not-your-only-option"
CHECK_KEYS = course.lesson(LESSON).checks
EXPLORERS = ("explorer", "ties")  # benchmarks/bench_explorers.py times both

HOURS_MAX = 15  # per strategy
MOST_HOURS = 40  # in all: the comparison puts every hour on one strategy, which takes 40 at most
FIRST_WEEK = 13  # the week the split explorer reads the share with an offer at, to start
# one hour below the most in all, so that one more hour on any strategy is still allowed
HEAVIEST = dict(scenario="networking is weak for you", applications=10, direct=10,
                recruiters=10, networking=9, week=LAST_WEEK)
# (the time split leaves room for one more step on any of its sliders)
HEAVIEST_TIES = dict(overlap=0.0, opening_percent=20.0, acquaintances_percent=0,
                     distant_percent=0, new_percent=95)


# --- explorer 1: split your hours ---------------------------------------------------------

@lru_cache(maxsize=256)
def _compare(name: str, mix: Mix) -> search.Comparison:
    """The comparison for a scenario and a mix (kept: a slider moved back costs nothing)."""
    return search.compare(scenario_world(name), mix)


def run(scenario: str, applications: float, direct: float, recruiters: float,
        networking: float, week: float = FIRST_WEEK) -> SplitView:
    """Your mix, the same hours spread evenly, and all on the fastest single strategy."""
    name = check_choice("scenario", scenario, list(SCENARIOS))
    mix = Mix(applications, direct, recruiters, networking)
    if mix.total > MOST_HOURS:
        raise ParameterError(
            f"at most {MOST_HOURS} hours a week in all here, because the comparison puts every "
            f"hour on a single strategy; got {mix.total:g}. Lower one of the sliders")
    if not 1 <= week <= LAST_WEEK or week != int(week):
        raise ParameterError(f"the week to read must be a whole number between 1 and "
                             f"{LAST_WEEK}; got {week}")
    return SplitView(name, _compare(name, mix), int(week))


def myth() -> Mix:
    """The explorer's start: every hour of the default seeker's week on networking."""
    return Mix.all_on(NETWORKING, World().hours_per_week)


def _row(name: str, run: search.SearchResult, week: int) -> str:
    return (f"<tr><th scope='row'>{html.escape(name)}<br><small>{html.escape(mix_text(run.mix))}"
            f"</small></th><td>{week_text(run.median)}</td>"
            f"<td>{week_text(run.percentile(90))}</td><td>{100 * run.share_by(week):.0f}%</td>"
            f"<td>{100 * run.share_via_contacts:.0f}%</td></tr>")


def _weeks(n: float) -> str:
    return f"{n:.0f} week" + ("" if round(n) == 1 else "s")


def verdict(comparison: search.Comparison) -> str:
    """Spreading evenly against all on the fastest single strategy, in words."""
    even, single = comparison.even, comparison.all_in
    gap, tail = single.median - even.median, single.percentile(90) - even.percentile(90)
    name = f"all on {comparison.all_in_strategy}"
    if not np.isfinite(tail):
        tail_words = ("the slow tail is much shorter when spread" if tail > 0 else
                      "the slow tail is much longer when spread" if tail < 0 else "")
    else:
        tail_words = (f"the slow tail is {_weeks(tail)} shorter when spread" if tail >= 1 else
                      f"the slow tail is {_weeks(-tail)} longer when spread" if tail <= -1 else
                      "the slow tails are about the same")
    if gap >= 1:
        median_words = f"spreading evenly gets half an offer {_weeks(gap)} sooner than {name}"
    elif gap <= -1:
        median_words = f"{name} gets half an offer {_weeks(-gap)} sooner than spreading evenly"
    else:
        median_words = f"spreading evenly and {name} are level at the median"
    return f"{median_words}; {tail_words}" if tail_words else median_words


def summary(view: SplitView) -> str:
    """A small table: the three mixes' median, slow tail, offers by the week, through contacts."""
    c = view.comparison
    if c.yours.mix.total == 0:
        return "Give at least one strategy some hours to start the search."
    rows = "".join(_row(name, run, view.week) for name, run in view.runs.items())
    story = SCENARIOS[view.scenario].story
    return (
        "<table class='nin-assumptions'><thead><tr><th scope='col'>same people, same hours"
        "</th><th scope='col'>half have an offer by</th><th scope='col'>1 in 10 still "
        f"searching at</th><th scope='col'>with an offer by week {view.week}</th>"
        "<th scope='col'>first offers through someone they know</th></tr></thead>"
        f"<tbody>{rows}</tbody></table><b>Here {html.escape(verdict(c))}.</b><br>"
        f"<i>Scenario '{html.escape(view.scenario)}' (an assumption, not data): "
        f"{html.escape(story)}</i>"
    )


def explorer() -> Explorer:
    """A scenario, four hour sliders and a week to read at -> three mixes on the same people."""
    start = myth()
    labels = ("Applications to advertised jobs", "Contacting employers directly",
              "Recruiters and agencies", "Networking")
    controls: dict[str, W.ValueWidget] = {
        "scenario": W.Dropdown(options=list(SCENARIOS), value="typical",
                               description="Scenario (a what-if):",
                               style={"description_width": "initial"},
                               layout=W.Layout(width="30em")),
    }
    for name, label, hours in zip(("applications", "direct", "recruiters", "networking"),
                                  labels, start.hours, strict=True):
        controls[name] = slider(f"{label} (hours a week)", hours, 0, HOURS_MAX, 1)
    controls["week"] = slider("Read the share with an offer at week", FIRST_WEEK, 1,
                              LAST_WEEK, 1)
    return Explorer(controls, run, SplitFigure(), summary)


def findings() -> W.HTML:
    """What the split explorer shows at the starting values and across the scenarios."""
    hours = World().hours_per_week
    base = _compare("typical", Mix.even(hours))
    myth_run = _compare("typical", myth()).yours
    apps_only = _compare("typical", Mix.all_on(0, hours)).yours
    closer = [name for name in SCENARIOS
              if _level_or_better(_compare(name, Mix.even(hours)))]
    items = [
        f"<b>Spreading beats the myth.</b> With {hours:g} hours a week, all on networking gets "
        f"half of the simulated job seekers an offer by {week_text(myth_run.median)}, and 1 in "
        f"10 is still searching at {week_text(myth_run.percentile(90))}. The same hours spread "
        f"evenly: {week_text(base.even.median)} and {week_text(base.even.percentile(90))}.",
        f"<b>It holds in {len(closer)} of the {len(SCENARIOS)} scenarios.</b> In "
        f"{_names(closer)}, spreading evenly is at least as fast at the median as the fastest "
        "single strategy, with a slow tail no longer.",
        f"<b>Contacts still matter.</b> Spread evenly, {100 * base.even.share_via_contacts:.0f}% "
        "of first offers come through someone the person knows. Even with every hour on "
        f"applications, {100 * apps_only.share_via_contacts:.0f}% do: people who know you are "
        "looking pass openings on.",
    ]
    return findings_box("What the simulation finds", items)


def _level_or_better(c: search.Comparison) -> bool:
    return (c.even.median <= c.all_in.median
            and c.even.percentile(90) <= c.all_in.percentile(90))


def _names(names: list[str]) -> str:
    """"'a'", "'a' and 'b'", "'a', 'b' and 'c'"."""
    quoted = [f"'{html.escape(n)}'" for n in names]
    if len(quoted) <= 1:
        return quoted[0] if quoted else "none of them"
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


# --- explorer 2: kinds of ties ------------------------------------------------------------

def ties_world(overlap: float, opening_percent: float, acquaintances_percent: float,
               distant_percent: float, new_percent: float) -> World:
    """The default world with the ties explorer's values (percent as on the sliders)."""
    split = acquaintances_percent + distant_percent + new_percent
    if split > 100 + 1e-9:
        raise ParameterError(
            f"the shares of networking time with acquaintances, distant ties and new people add "
            f"up to {split:g}%, more than 100%; lower one of them (the rest goes to close ties)")
    return World().changed(overlap=overlap, opening_chance=opening_percent / 100,
                           share_acquaintances=acquaintances_percent / 100,
                           share_distant=distant_percent / 100, share_new=new_percent / 100)


def ties_view(world: World) -> TiesView:
    """The chance for one tie by closeness, and referrals by kind with and without your
    networking time, for the default seeker's networking hours."""
    hours = Mix().networking
    kinds = world.kinds()
    chance = tie_chance(world, CLOSENESS)
    closeness = np.array([kinds[k].closeness for k in KINDS[:3]])
    marks = dict(zip(KINDS[:3], zip(closeness.tolist(),
                                    tie_chance(world, closeness).tolist(),
                                    strict=True), strict=True))
    return TiesView(world, chance, marks, referrals_by_kind(world, 0.0),
                    referrals_by_kind(world, hours), hours)


def run_ties(overlap: float, opening_percent: float, acquaintances_percent: float,
             distant_percent: float, new_percent: float) -> TiesView:
    return ties_view(ties_world(overlap, opening_percent, acquaintances_percent,
                                distant_percent, new_percent))


def ties_summary(view: TiesView) -> str:
    total = sum(view.total.values())
    weaker = total - view.total["close ties"]
    likely = view.most_likely_kind
    return (
        f"<b>One tie:</b> the most likely to pass on an opening sits at closeness "
        f"{view.peak:.2f}; of your ties, one of your {likely} "
        f"({100 * view.marks[likely][1]:.1f}% within 26 weeks).<br>"
        f"<b>All your ties:</b> about {total:.1f} referrals within 26 weeks, "
        f"{100 * weaker / total if total else 0:.0f}% of them from ties weaker than close "
        f"ties; the most from your {view.most_referrals_kind} "
        f"({view.total[view.most_referrals_kind]:.1f})."
    )


def ties() -> Explorer:
    """Overlap, opening chance and the networking time split -> the inverted U and referrals
    by kind of tie."""
    world = World()
    controls = {
        "overlap": slider("How much closer ties hear the same news as you", world.overlap,
                          0, 4, 0.1),
        "opening_percent": slider("Weekly chance of a suitable opening near a well-known "
                                  "contact (%)", 100 * world.opening_chance, 0, 20, 0.5),
        "acquaintances_percent": slider("Networking time with acquaintances (%)",
                                        100 * world.share_acquaintances, 0, 100, 5),
        "distant_percent": slider("… with distant ties you reconnect with (%)",
                                  100 * world.share_distant, 0, 100, 5),
        "new_percent": slider("… with new people (%)", 100 * world.share_new, 0, 100, 5),
    }
    return Explorer(controls, run_ties, TiesFigure(world, *_ties_extremes()), ties_summary)


@lru_cache(maxsize=1)
def _ties_extremes() -> tuple[float, float]:
    """The highest chance for one tie, and the tallest bar, that any slider setting gives: no
    overlap and the highest opening chance, with all networking time on one kind of tie."""
    chance = float(run_ties(0, 20, 0, 0, 0).chance.max())
    splits = ((0, 0, 0), (100, 0, 0), (0, 100, 0), (0, 0, 100))
    bars = max(max(run_ties(0, 20, *split).total.values()) for split in splits)
    return chance, bars


def ties_findings() -> W.HTML:
    """What the ties explorer shows at the starting values and with no overlap."""
    view = ties_view(World())
    flat = ties_view(World().changed(overlap=0.0))
    close, acq, distant = (100 * view.marks[k][1] for k in KINDS[:3])
    total = sum(view.total.values())
    flat_total = sum(flat.total.values())
    items = [
        f"<b>An inverted U.</b> A single tie is most likely to pass on an opening at closeness "
        f"{view.peak:.2f}: within 26 weeks, one of your acquaintances {acq:.1f}%, one of your "
        f"close ties {close:.1f}%, one of your distant ties {distant:.1f}%. Close ties are warm "
        "but rarely hear of openings you have not heard of; distant ties hear new things but "
        "rarely think of you.",
        f"<b>Many weaker ties add up.</b> Of about {total:.1f} referrals within 26 weeks, "
        f"{100 * (total - view.total['close ties']) / total:.0f}% come from ties weaker than "
        "close ties.",
        f"<b>Even when close ties hear news you don't.</b> With no overlap, the peak moves to "
        f"closeness {flat.peak:.2f} and one of your {flat.most_likely_kind} becomes the most "
        f"likely single tie, yet weaker ties still bring "
        f"{100 * (flat_total - flat.total['close ties']) / flat_total:.0f}% of referrals.",
    ]
    return findings_box("What the simulation finds about kinds of ties", items)


# --- prediction ---------------------------------------------------------------------------

PREDICT_OPTIONS = (
    "All on networking: clearly sooner",
    "About the same",
    "Spread over the four: clearly sooner",
)


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """All on networking, or the same hours spread over four strategies?"""
    hours = World().hours_per_week

    def reveal(choice: str) -> tuple[bool, str, str]:
        all_in = _compare("typical", myth()).yours
        spread = _compare("typical", Mix.even(hours)).yours
        gap = all_in.median - spread.median
        truth = PREDICT_OPTIONS[2] if gap >= 1 else PREDICT_OPTIONS[0] if gap <= -1 else \
            PREDICT_OPTIONS[1]
        headline = (f"all on networking: half have an offer by {week_text(all_in.median)}; "
                    f"spread over four: by {week_text(spread.median)}.")
        why = (f"The slow tail too: 1 in 10 all-on-networking seekers is still searching at "
               f"{week_text(all_in.percentile(90))}, against {week_text(spread.percentile(90))} "
               "for the spread. Each strategy gives less for each extra hour, and networking "
               "also takes weeks to warm up, so the first hours of the other strategies are "
               "worth more than the last hours of networking. The numbers behind this are "
               "assumptions; the explorer below lets you change them.")
        return choice == truth, headline, why

    control = W.Dropdown(options=PREDICT_OPTIONS, description="My guess:",
                         style={"description_width": "initial"}, layout=W.Layout(width="auto"))
    return PredictThenReveal(
        LESSON, "predict",
        f"You have {hours:g} hours a week for your search. Plan A: all of them on networking. "
        f"Plan B: {hours / 4:g} hours each on applications, contacting employers directly, "
        "recruiters and networking. For the same simulated job seekers, which plan gets half of "
        "them an offer sooner?",
        control, reveal, store)


# --- checks -------------------------------------------------------------------------------

def gaps(hours: float) -> dict[str, tuple[float, float]]:
    """Per scenario, for ``hours`` a week: how many weeks later all on the fastest single
    strategy is than the same hours spread evenly, at the median and at the slow tail (the
    week by which 9 in 10 have an offer)."""
    runs = {name: _compare(name, Mix.even(hours)) for name in SCENARIOS}
    return {name: (c.all_in.median - c.even.median, c.all_in.percentile(90) - c.even.percentile(90))
            for name, c in runs.items()}


def closest_to_spread(hours: float) -> str:
    """The scenario in which all on one strategy comes closest to spreading ``hours`` evenly:
    the smallest gap at the median, then at the slow tail (see :func:`gaps`)."""
    found = gaps(hours)
    return min(found, key=found.__getitem__)


def when_all_in(store: ProgressStore | None = None) -> MultipleChoice:
    """Across the scenarios, where does one strategy come closest to the spread?"""
    hours = World().hours_per_week
    runs = {name: _compare(name, Mix.even(hours)) for name in SCENARIOS}
    closest = closest_to_spread(hours)
    options = []
    for name, c in runs.items():
        numbers = (f"In '{name}', spread evenly: half by {week_text(c.even.median)}, 1 in 10 "
                   f"still searching at {week_text(c.even.percentile(90))}; all on "
                   f"{c.all_in_strategy}: {week_text(c.all_in.median)} and "
                   f"{week_text(c.all_in.percentile(90))}.")
        if name == closest:
            why = (f"{numbers} Here {verdict(c)}: when one strategy is much stronger than the "
                   "others for you, hours moved away from it buy less.")
        else:
            why = f"{numbers} The gap is wider than in '{closest}'."
        options.append(Option(f"'{name}'", name == closest, why))
    return MultipleChoice(
        LESSON, "when-all-in",
        f"Try each scenario in the explorer, with {hours:g} hours a week in all. In which one "
        "does putting every hour on the fastest single strategy come closest to spreading the "
        "same hours evenly?", options, store)


def evidence(store: ProgressStore | None = None) -> MultipleChoice:
    """Reconcile Bortnick & Ports (1992) with Eubanks & Wiczer (2014)."""
    options = [
        Option("One of the two studies must be wrong", False,
               "Not necessarily: they cover different years (1991 against the 2000s) and "
               "measure success differently, and both compare people who chose different "
               "methods."),
        Option("Both compare people who chose different methods, in different years and with "
               "different measures, so neither tells you what a method would do for you", True,
               "Right. Survey comparisons mix up the method with the person who picks it: "
               "people who rely on friends may have fewer other options (compare "
               f"{cite('mouw2003')} on how similar friends are). That is why the course tries "
               "strategies out and watches the results."),
        Option("Contacting employers directly raises your chance of a job in the first month by "
               "14 points", False,
               "That reads a survey gap as a cause. People who contact employers directly may "
               "differ in skills, field or confidence from those who search passively."),
        Option("Networking does not work, so drop it", False,
               f"{cite('vanhoye2009')} found that time spent networking predicted job offers, "
               "though not who was employed later. The evidence is mixed, not negative."),
    ]
    return MultipleChoice(
        LESSON, "evidence",
        "In 1991, private employment agencies had the best success rate of the search methods "
        "unemployed Americans used (Bortnick & Ports 1992). In later survey data, people who "
        "contacted employers directly found jobs fastest (46% within their first month, against "
        "32% for passive search), and people who relied on their networks found jobs more "
        "slowly than average (Eubanks & Wiczer 2014). How do you read this?", options, store)


def hidden_jobs(store: ProgressStore | None = None) -> MultipleChoice:
    """'80% of jobs are never advertised' against 'about half found through contacts'."""
    options = [
        Option("The blog is right: the two numbers say the same thing", False,
               "They measure different things. One is about how jobs are advertised, the other "
               "about how people found their job: a job found through a friend may also have "
               "been advertised."),
        Option("The two numbers measure different things, and the 80% has no research source",
               True,
               "Right. The 70–85% figures go back to 1970s advice books, counts of newspaper "
               "ads and a self-selected online poll. How people found their job is measured: "
               "about half of jobs involve contacts or informal channels. Neither number says "
               "networking is the only strategy that works."),
        Option("Contacts hardly matter any more: most jobs are advertised online", False,
               f"Referral hiring is still common: {cite('burks2015')} put jobs found through "
               "informal networks at about half."),
    ]
    return MultipleChoice(
        LESSON, "hidden-jobs",
        "A career blog says: \"80% of jobs are never advertised: studies show that about half "
        "of people found their job through someone they know.\" What is wrong with the "
        "argument?", options, store)


def ask_friends(store: ProgressStore | None = None) -> MultipleChoice:
    """Few unemployed searchers report asking friends, yet about half of jobs involve them."""
    apps_only = _compare("typical", Mix.all_on(0, World().hours_per_week)).yours
    options = [
        Option("Many jobs found through contacts come to people who were not actively "
               "searching, or were employed, when someone told them about an opening", True,
               "Right. The survey asks unemployed people what they did to search in the last "
               "four weeks. Granovetter's famous sample was employed professional men who had "
               f"recently changed jobs, and {cite('faberman2022')} found that employed people "
               "receive more unsolicited offers. In the simulation too, with every hour on "
               f"applications, {100 * apps_only.share_via_contacts:.0f}% of first offers still "
               "come through contacts who know the person is looking."),
        Option("People forget or hide that they asked friends", False,
               "Forgetting may play a small part, but it cannot turn 14% into half: the two "
               "numbers count different people and different things."),
        Option("Contacts only help people who already have a job", False,
               "Too strong: contacts help unemployed people too, but the survey of unemployed "
               "searchers misses the many jobs that arrive without a search."),
    ]
    return MultipleChoice(
        LESSON, "ask-friends",
        "In the U.S. Current Population Survey, only 14% (1999) and 28.8% (2010) of unemployed "
        "job seekers said they had asked friends or relatives about jobs. Yet about half of jobs "
        "involve contacts. How can both be true?", options, store)


def inverted_u(store: ProgressStore | None = None) -> MultipleChoice:
    """Which single tie is most likely to pass on an opening (read from the model)?"""
    view = ties_view(World())
    likely = view.most_likely_kind
    chances = {kind: 100 * p for kind, (_, p) in view.marks.items()}
    numbers = ", ".join(f"one of your {kind} {p:.1f}%" for kind, p in chances.items())
    reasons = {
        "close ties": "Close ties are the warmest, but they move in your circles: most openings "
                      "they hear of, you have heard of too.",
        "acquaintances": "Acquaintances are warm enough to think of you and move in other "
                         "circles, so their news is often new to you.",
        "distant ties": "Distant ties hear things you don't, but they rarely think of you.",
    }
    options = [Option(f"One of your {kind}", kind == likely,
                      f"In the simulation, within 26 weeks: {numbers} (the peak is at "
                      f"closeness {view.peak:.2f}). {reasons[kind]}") for kind in KINDS[:3]]
    return MultipleChoice(
        LESSON, "inverted-u",
        "In the ties explorer at its starting values, which single tie is most likely to pass "
        "on an opening within 26 weeks?", options, store)


def weak_ties_add_up(store: ProgressStore | None = None) -> MultipleChoice:
    """With no overlap a close tie is the best single tie; which kind brings most in total?"""
    world = World().changed(overlap=0.0)
    view = ties_view(world)
    likely, most = view.most_likely_kind, view.most_referrals_kind
    totals = ", ".join(f"{kind_label(world, k)}: {view.total[k]:.1f}" for k in KINDS)
    options = []
    for kind in KINDS:
        count = kind_label(world, kind)
        why = (f"With no overlap, referrals within 26 weeks: {totals}. "
               + ("There are many more of them: a smaller chance each, many times over, adds up "
                  "to more." if kind == most else
                  "Each may be likely to help, but there are few of them." if kind == likely else
                  "They add some, but not the most."))
        options.append(Option(f"Your {count}", kind == most, why))
    return MultipleChoice(
        LESSON, "weak-ties-add-up",
        f"Set the overlap to 0 (your closer ties hear news you don't). Now one of your {likely} "
        f"is the single tie most likely to help ({100 * view.marks[likely][1]:.0f}% within 26 "
        "weeks). Which kind of tie brings the most referrals in total?", options, store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Which two or three strategies fit your field and your situation, and how would you "
        "split your weekly hours between them? Name two acquaintances or old colleagues, not "
        "close friends, whom you could contact this month. What result after a few weeks would "
        "make you change the split?", store)
