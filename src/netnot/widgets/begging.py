"""Widgets for lesson 01, "Networking is not begging for a job".

The explorer runs :func:`netnot.models.contacts.cadences` (four ways of keeping in touch, on the
same simulated acquaintances) in a world whose asking and giving the sliders change.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as W

from netnot import course
from netnot.figures.begging import PER, CadenceFigure, Outreach, labels
from netnot.models import contacts
from netnot.models.world import World
from netnot.params import check_number
from netnot.progress import ProgressStore
from netnot.widgets.assumptions import assumptions as assumptions  # the lesson's table
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

LESSON = "01-not-begging"
CHECK_KEYS = course.lesson(LESSON).checks
WEEKS, ASK_WEEK = 26, 5  # weeks simulated; the week of the one ask after giving

# name: (label, low, high, step); the default is the world's value or the cadence's default
CONTROLS = {
    "pester_every": ("Pestering: weeks between asks for a job", 1, 8, 1),
    "ask_cost": ("Warmth lost per repeat ask", 0, 0.3, 0.01),
    "give_hours": ("A give is worth this many hours of conversation", 0, 2, 0.1),
    "give_every": ("Giving: weeks between gives", 1, 8, 1),
    "opening_percent": ("Weekly chance of an opening near a contact (%)", 0.5, 5, 0.5),
    "fade_weeks": ("Weeks for extra warmth to fade", 2, 52, 1),
}
DEFAULTS = dict(pester_every=1, ask_cost=World().ask_cost, give_hours=World().give_hours,
                give_every=4, opening_percent=100 * World().opening_chance,
                fade_weeks=World().fade_weeks)
HEAVIEST = dict(pester_every=1, ask_cost=0.3, give_hours=2, give_every=1, opening_percent=5,
                fade_weeks=52)
DOING = {"pester": "Asking again and again", "ask once": "Asking once, clearly",
         "give then ask": "Giving regularly, then asking once", "silence": "Staying silent"}
ADVICE, JOB = "asking for advice or information", "asking for a job"


def run(pester_every: int, ask_cost: float, give_hours: float, give_every: int,
        opening_percent: float, fade_weeks: float) -> Outreach:
    """The four cadences in the world the sliders describe."""
    percent = check_number("weekly chance of an opening near a contact (%)", opening_percent,
                           0, 20)
    world = World().changed(ask_cost=ask_cost, give_hours=give_hours,
                            opening_chance=percent / 100, fade_weeks=fade_weeks)
    result = contacts.cadences(world, weeks=WEEKS, pester_every=pester_every,
                               give_every=give_every, ask_week=ASK_WEEK)
    return Outreach(world, result, contacts.tuned_out_by_week(world, result, "pester"))


@lru_cache(maxsize=8)
def at(**changes: float) -> Outreach:
    """The explorer's result at its defaults, with some controls changed (kept for the checks)."""
    return run(**{**DEFAULTS, **changes})


def most_referrals() -> float:
    """The most referrals any setting of the sliders can bring: the left axis's fixed top.
    More giving, more often, slower fading and more openings all bring more, so it is the
    corner of the sliders' ranges where all four are at their most generous."""
    top = at(give_hours=CONTROLS["give_hours"][2], give_every=CONTROLS["give_every"][1],
             opening_percent=CONTROLS["opening_percent"][2],
             fade_weeks=CONTROLS["fade_weeks"][2])
    return 1.05 * max(top.total(name) for name in contacts.CADENCES)


def ranked(result: Outreach) -> list[str]:
    """The cadences from most to fewest referrals (on a tie, the simpler one first)."""
    simpler = ("ask once", "give then ask", "pester", "silence")
    return sorted(contacts.CADENCES,
                  key=lambda n: (-round(result.total(n), 6), simpler.index(n)))


def summary(result: Outreach) -> str:
    """The line under the figure, for the settings on screen."""
    names, best = labels(result), ranked(result)[0]
    rest = " · ".join(f"{names[n]}: {result.total(n):.1f}" for n in ranked(result)[1:])
    return (f"<b>Most referrals per {PER} contacts: {names[best]}, {result.total(best):.1f}"
            f"</b> · {rest} · pestered contacts who tuned you out: "
            f"{100 * result.tuned_out[-1]:.0f}%")


def findings() -> W.HTML:
    """What the simulation finds at the explorer's first settings."""
    r, names = at(), labels(at())
    best, second = ranked(r)[:2]
    items = [
        f"<b>{DOING[best]} brings the most referrals</b> ({names[best]}): "
        f"{r.total(best):.1f} per {PER} contacts over {r.weeks} weeks, "
        f"{r.total(best) / r.total(second):.1f} times as many as the next best, "
        f"{names[second]} ({r.total(second):.1f}).",
        f"<b>Pestering backfires.</b> Asking for a job "
        f"{names['pester'].removeprefix('ask for a job ')} brings {r.total('pester'):.1f}; by "
        f"week {r.weeks}, {100 * r.tuned_out[-1]:.0f}% of the contacts you pestered have tuned "
        "you out.",
        f"<b>Giving leaves people warmer.</b> Average warmth ends at "
        f"{r.end_warmth('give then ask'):.2f} after giving, against "
        f"{r.end_warmth('ask once'):.2f} after asking once (where it started). Staying silent "
        f"brings {r.total('silence'):.0f} referrals: nobody passes on an opening for a request "
        "you never made.",
    ]
    return findings_box("What the simulation finds", items,
                        f"at the explorer's first settings, for the same "
                        f"{r.cadences.params['contacts']:,} simulated acquaintances under each "
                        "way of keeping in touch, computed when the lesson runs")


def explorer() -> Explorer:
    """Six sliders for asking and giving, a two-panel figure and a line of results."""
    controls = {name: slider(label, DEFAULTS[name], low, high, step)
                for name, (label, low, high, step) in CONTROLS.items()}
    figure = CadenceFigure(most_referrals(), WEEKS, World().tune_out)
    return Explorer(controls, run, figure, summary)


# --- checks -------------------------------------------------------------------------------

def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess how many of ten people say yes to one clear, polite request (Flynn & Lake 2008)."""

    def reveal(guess: int) -> tuple[bool, str, str]:
        if guess >= 6:
            compared = ("You expect most people to say yes: closer to what the experiments "
                        "found than the requesters' own guesses.")
        else:
            compared = ("A guess like yours is typical of the requesters in these experiments, "
                        "and they were too pessimistic: more people said yes than they "
                        "expected.")
        headline = f"you guessed {guess} of 10. {compared}"
        why = ("Flynn & Lake (2008, Journal of Personality and Social Psychology) had people "
               "ask strangers directly for small favours. The requesters underestimated how "
               "many would agree by as much as 50%. They thought about what a yes would cost "
               "the other person and forgot how awkward it is to say no. So one clear, polite "
               "request is usually fine; what this lesson looks at is what happens when you "
               "ask again and again.")
        return guess >= 6, headline, why

    guess = W.IntSlider(value=5, min=0, max=10, description="People who say yes:",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-yes",
        "You ask 10 people, one at a time, clearly and politely, for a small favour. How many "
        "do you think will say yes?", guess, reveal, store)


MESSAGES = [
    Item("“Could I ask you three questions about how you moved from teaching into UX "
         "research?”", ADVICE,
         "It asks for their experience, which they can give in twenty minutes, and treats "
         "them as an expert. Asking for advice made people judge the asker as more competent "
         "(Brooks, Gino & Schweitzer 2015, which we read in a summary)."),
    Item("“Do you have any openings on your team? I can start Monday.”", JOB,
         "It asks them to produce a job. Most people can't, so the only answers are no or "
         "silence, and both are awkward for them."),
    Item("“Which skills do you think matter most for junior analysts at firms like yours?”",
         ADVICE, "It asks for what only an insider knows, and any answer helps you."),
    Item("“Just following up again on my message from last week about a job.”", JOB,
         "It repeats a job request. Repetition is what wears people out (Cacioppo & Petty "
         "1979), and pressure invites resistance (Brehm 1966)."),
    Item("“Is there anyone else you think I should talk to about the logistics field?”",
         ADVICE, "It asks for a name, not a job: easy to say yes to, and it widens your "
         "network."),
    Item("“Please pass my CV to your hiring manager; I really need this job.”", JOB,
         "It asks them to vouch for you before they know your work, and adds pressure."),
]


def sort_messages(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort six sample messages: advice or information, or a job?"""
    return SortIntoGroups(
        LESSON, "sort-messages",
        "Sort each message: is it asking for advice or information, or asking for a job?",
        MESSAGES, [ADVICE, JOB], store)


def what_wears_out(store: ProgressStore | None = None) -> MultipleChoice:
    """Why does repetition wear out? Every explanation quotes the model at its defaults."""
    r, names = at(), labels(at())
    low = float(r.cadences.mean_warmth("pester").min())
    options = [
        Option("Every ask costs warmth, even the first one", False,
               f"The first ask is free here, as in the experiments on single requests: after "
               f"asking once, average warmth is {r.end_warmth('ask once'):.2f} at the end, "
               "where it started. An ask only tells someone what you are looking for."),
        Option("Each further ask within a few weeks costs warmth, until contacts fall below "
               "the line and tune you out", True,
               f"Under “{names['pester']}” average warmth drops as low as {low:.2f} and "
               f"{100 * r.tuned_out[-1]:.0f}% of contacts tune out, so pestering brings "
               f"{r.total('pester'):.1f} referrals per {PER} contacts against "
               f"{r.total('ask once'):.1f} for asking once. Their warmth heals later, but they "
               "no longer listen. That is the wear-out seen when people hear the same message "
               "again and again (Cacioppo & Petty 1979), and the push-back that pressure "
               "provokes (Brehm 1966)."),
        Option("Pestered contacts forget what you are looking for", False,
               "The opposite: each ask reminds them. The trouble is being remembered by people "
               "who no longer want to help."),
        Option("Fewer openings came up near the pestered contacts", False,
               "All four ways of keeping in touch are tried on the same simulated contacts, "
               "with the same chance of an opening, so luck is not the difference."),
    ]
    return MultipleChoice(
        LESSON, "what-wears-out",
        "At the first settings, pestering brings far fewer referrals than asking once. What "
        "causes that?", options, store)


def free_repeats(store: ProgressStore | None = None) -> MultipleChoice:
    """Set the cost of a repeat ask to 0: pestering only ties with asking once."""
    base, free = at(), at(ask_cost=0.0)
    label = CONTROLS["ask_cost"][0]
    tie = abs(free.total("pester") - free.total("ask once")) < 0.005
    options = [
        Option("Pestering becomes the best way: asking more often brings more", False,
               f"It climbs from {base.total('pester'):.1f} to {free.total('pester'):.1f} "
               f"referrals per {PER} contacts, but giving then asking still brings "
               f"{free.total('give then ask'):.1f}."),
        Option("Pestering only catches up with asking once: repeat asks add nothing", tie,
               f"Pestering and asking once both bring {free.total('ask once'):.1f} referrals "
               f"per {PER} contacts. Once someone knows what you are looking for, asking again "
               "tells them nothing new; it could only cost warmth. So the harm of pestering "
               "rests on repeats costing warmth, which research on repetition and on "
               "pressure supports in direction; nobody has measured the size."),
        Option("Nothing changes: pestering is still far behind", False,
               f"Try it: pestering climbs from {base.total('pester'):.1f} to "
               f"{free.total('pester'):.1f} referrals per {PER} contacts."),
        Option("Staying silent catches up", False,
               "Silence brings no referrals whatever an ask costs: nobody passes on an "
               "opening for a request you never made."),
    ]
    return MultipleChoice(
        LESSON, "free-repeats",
        f"Set “{label}” to 0. What happens to pestering, and why?", options, store)


def giving_lead(store: ProgressStore | None = None) -> MultipleChoice:
    """Set what a give is worth to 0: the giver's lead disappears (it came from goodwill)."""
    base, none = at(), at(give_hours=0.0)
    label = CONTROLS["give_hours"][0]
    gone = none.total("give then ask") <= none.total("ask once")
    options = [
        Option("Giving then asking keeps its lead: being in touch is what counts", False,
               f"Try it: giving then asking falls from {base.total('give then ask'):.1f} to "
               f"{none.total('give then ask'):.1f} referrals per {PER} contacts, against "
               f"{none.total('ask once'):.1f} for asking once."),
        Option("The lead disappears: it came from the warmth the gives add, not from being in "
               "touch", gone,
               f"With gives worth nothing, giving then asking brings "
               f"{none.total('give then ask'):.1f} referrals per {PER} contacts and asking "
               f"once {none.total('ask once'):.1f} (its one ask comes earlier). At the first "
               f"settings the gives lifted average warmth to "
               f"{base.end_warmth('give then ask'):.2f} by the end, against "
               f"{base.end_warmth('ask once'):.2f}. In experiments a small, unasked-for favour "
               "raised later help (Regan 1971; Burger et al. 2006); how much one article or "
               "introduction is worth, nobody has measured."),
        Option("Pestering becomes the best way", False,
               f"Giving has nothing to do with pestering: it still brings "
               f"{none.total('pester'):.1f} referrals per {PER} contacts."),
    ]
    return MultipleChoice(
        LESSON, "giving-lead",
        f"Put the sliders back, then set “{label}” to 0. What happens to the lead of giving "
        "then asking?", options, store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Think of one person you would like to hear from about your next job. What could you "
        "give them first, and what one clear question for advice would you then ask?", store)

