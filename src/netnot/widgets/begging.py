"""Widgets for lesson 01, "Networking is not begging for a job"."""

from __future__ import annotations

import ipywidgets as W

from netnot import course
from netnot.figures.begging import OutreachFigure, labels
from netnot.models import begging
from netnot.params import check_number
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

LESSON = "01-not-begging"
CHECK_KEYS = course.lesson(LESSON).checks
HEAVIEST = dict(pester_every=1, ask_cost=0.3, give_gain=0.2, give_every=1, opening_percent=10,
                memory_weeks=26)
ADVICE, JOB = "asking for advice or information", "asking for a job"


def run(pester_every: int, ask_cost: float, give_gain: float, give_every: int,
        opening_percent: float, memory_weeks: float) -> begging.Outreach:
    """The model, with the opening chance given in percent as on the slider."""
    percent = check_number("weekly chance of an opening (%)", opening_percent, 0, 100)
    return begging.simulate(pester_every, ask_cost, give_gain, give_every, percent / 100,
                            memory_weeks)


def summary(result: begging.Outreach) -> str:
    names = labels(result)
    rest = " · ".join(
        f"{names[s]}: {result.total(s):.1f} ({100 * result.end_tuned_out(s):.0f}% tuned out)"
        for s in result.strategies if s != result.best
    )
    return (f"<b>Most referrals per {begging.CONTACTS_IN_NETWORK} contacts: {names[result.best]}, "
            f"{result.total(result.best):.1f}</b> · {rest}")


def explorer() -> Explorer:
    """Six sliders for the outreach model, a two-panel figure and a one-line summary."""
    d = begging.DEFAULTS
    controls = {
        "pester_every": slider("Pester: weeks between asks", d["pester_every"], 1, 8, 1),
        "ask_cost": slider("Goodwill lost per repeat ask", d["ask_cost"], 0, 0.3, 0.01),
        "give_gain": slider("Goodwill won per give", d["give_gain"], 0, 0.2, 0.01),
        "give_every": slider("Give: weeks between gives", d["give_every"], 1, 8, 1),
        "opening_percent": slider("Weekly chance of an opening (%)",
                                  100 * d["opening_chance"], 0.5, 10, 0.5),
        "memory_weeks": slider("Weeks a message stays in mind", d["memory_weeks"], 1, 26, 1),
    }
    return Explorer(controls, run, OutreachFigure(), summary)


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess how many of ten people agree to one direct, polite request (Flynn & Lake 2008)."""

    def reveal(guess: int) -> tuple[bool, str, str]:
        high = guess >= 6
        headline = (
            f"you guessed {guess} of 10. " + (
                "You expect most people to say yes, which is closer to what experiments find "
                "than most people's guess." if high else
                "Many people guess low like this; experiments find that more people say yes "
                "than requesters expect.")
        )
        why = (
            "Flynn & Lake (2008, Journal of Personality and Social Psychology) had people make "
            "direct requests for help. The requesters underestimated how many would agree by as "
            "much as 50%: they thought about the cost of saying yes and forgot how awkward it "
            "is to say no. In a later study of requests made in person, about 7 in 10 strangers "
            "agreed when requesters had expected about half (Roghanizad & Bohns 2017, as "
            "reported in summaries of the study). One clear, polite request is usually fine. "
            "What wears people out is asking again and again."
        )
        return high, headline, why

    guess = W.IntSlider(value=3, min=0, max=10, description="People who say yes:",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-yes",
        "You ask 10 people, one at a time, directly and politely, for a small favour. How many "
        "do you think will say yes?", guess, reveal, store)


MESSAGES = [
    Item("“Could I ask you three questions about how you moved from teaching into UX research?”",
         ADVICE, "It asks for their experience, which they can give in 20 minutes, and it "
         "treats them as an expert (Brooks, Gino & Schweitzer 2015 found that asking for "
         "advice makes people see you as more competent)."),
    Item("“Do you have any openings on your team? I can start Monday.”", JOB,
         "It asks them to produce a job. Most people can't, so the only answers are no or "
         "silence, and both are awkward for them."),
    Item("“Which skills do you think matter most for junior analysts at firms like yours?”",
         ADVICE, "It asks for information that only an insider has, and any answer helps you."),
    Item("“Just following up again on my message from last week about a job.”", JOB,
         "It repeats a job request. Repetition is what wears people out (Cacioppo & Petty 1979) "
         "and pressure invites resistance (Brehm 1966)."),
    Item("“Is there anyone else you think I should talk to about the logistics field?”", ADVICE,
         "It asks for a name, not a job: easy to say yes to, and it widens your network."),
    Item("“Please pass my CV to your hiring manager; I really need this job.”", JOB,
         "It asks them to vouch for you before they know your work, and adds pressure."),
]


def sort_messages(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort six sample outreach messages: advice or information, or a job?"""
    return SortIntoGroups(
        LESSON, "sort-messages",
        "Sort each message: is it asking for advice or information, or asking for a job?",
        MESSAGES, [ADVICE, JOB], store)


def what_wears_out(store: ProgressStore | None = None) -> MultipleChoice:
    """What makes pestering the worst of the asking cadences? Explanations quote the model."""
    r = begging.simulate()
    options = [
        Option("Asking at all: every ask costs goodwill", False,
               f"The first ask is free in the model: after asking once, average goodwill is "
               f"still {r.end_goodwill('ask once'):.2f} at the end, as it was at the start."),
        Option("Asking again within a few weeks: each repeat costs goodwill until people tune "
               "you out", True,
               f"Pestering every week leaves average goodwill at {r.end_goodwill('pester'):.2f} "
               f"and {100 * r.end_tuned_out('pester'):.0f}% of contacts tuned out, so it ends "
               f"with {r.total('pester'):.1f} referrals per 20 contacts against "
               f"{r.total('ask once'):.1f} for asking once."),
        Option("Pestering makes people forget you", False,
               "The opposite: every ask brings you to mind again. Being remembered by people "
               "who no longer want to help is what goes wrong."),
        Option("Bad luck: fewer openings came up for the pestered contacts", False,
               "All four cadences are run on the same simulated contacts with the same "
               "openings, so luck is not the difference."),
    ]
    return MultipleChoice(
        LESSON, "what-wears-out",
        "At the default settings, pestering gets fewer referrals than asking once. What, in the "
        "model, causes that?", options, store)


def free_repeats(store: ProgressStore | None = None) -> MultipleChoice:
    """What if repeat asks cost nothing? Shows that the conclusion rests on that assumption."""
    r = begging.simulate(ask_cost=0.0)
    options = [
        Option("Pestering becomes the best cadence, so the lesson depends on repeat asks "
               "having a cost", True,
               f"With no cost, pestering gets {r.total('pester'):.1f} referrals per 20 contacts "
               f"against {r.total('give then ask'):.1f} for giving then asking. The model only "
               "says pestering backfires because repeated requests wear people out, which is "
               "what research on repetition (Cacioppo & Petty 1979) and on reactance "
               "(Brehm 1966) supports. How large the cost is, nobody has measured."),
        Option("Nothing changes: pestering is still the worst", False,
               f"Try it: at cost 0 pestering gets {r.total('pester'):.1f} referrals per 20 "
               "contacts, more than any other cadence."),
        Option("Silence becomes the best cadence", False,
               "Silence never gets a referral in this model: nobody can pass on an opening "
               "for a request you never made."),
    ]
    return MultipleChoice(
        LESSON, "free-repeats",
        "Set “Goodwill lost per repeat ask” to 0. What happens, and what does it tell you?",
        options, store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Think of one person you would like to hear from about your next job. What could you "
        "give them first, and what one clear question for advice would you then ask?", store)
