"""Lesson 04 widgets: the split-your-hours explorer, the formative checks and the reflection."""

from __future__ import annotations

import html

import ipywidgets as W

from netnot import course
from netnot.figures.options import SplitFigure, describe, split_text, weeks_text
from netnot.models import options as model
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

LESSON = "04-not-your-only-option"
CHECK_KEYS = course.lesson(LESSON).checks

SLIDER_MAX = 15
CONTROL_NAMES = ("applications", "direct_contact", "recruiters", "referrals", "events")
HEAVIEST = {
    **dict.fromkeys(CONTROL_NAMES, 11),  # 55 h a week; one more hour anywhere is still allowed
    "preset_name": "returns fade slowly",
}


# --- explorer ------------------------------------------------------------------------------
def summary(result: model.Comparison) -> str:
    """Your split against all-in, in words, with which one wins at the median."""
    mix, single = result.mix, result.all_in
    total = mix.total_hours
    if total == 0:
        return "Give at least one channel some hours to start the search."
    gap = single.median - mix.median
    if mix.hours == single.hours:
        verdict = ("Every hour already goes to the strongest single channel. Move some hours "
                   "to other channels and compare.")
    elif sum(h > 0 for h in mix.hours) == 1:
        only = model.CHANNELS[next(k for k, h in enumerate(mix.hours) if h > 0)]
        sooner = f" ({-gap:.0f} weeks sooner at the median)" if gap <= -1 else ""
        verdict = (f"All your hours go to {only}; {result.all_in_channel} is the stronger single "
                   f"channel here{sooner}. Now try spreading the hours.")
    elif gap >= 1:
        verdict = f"Spreading wins here: half of the seekers have an offer {gap:.0f} weeks sooner."
    elif gap <= -1:
        verdict = (f"Here going all-in wins: half of the seekers have an offer {-gap:.0f} weeks "
                   "sooner. Look at the 1-in-10 tail too.")
    else:
        verdict = "About the same at the median; compare the slow tails."
    story = model.PRESETS[result.preset_name].story
    return (
        f"<b>Your split</b> ({html.escape(split_text(mix.hours))}; {total:g} h a week): "
        f"{describe(mix)}.<br><b>All {total:g} h on {result.all_in_channel}</b> (the strongest "
        f"single channel here): {describe(single)}.<br><b>{verdict}</b><br>"
        f"<i>{html.escape(story)}</i>"
    )


def explorer() -> Explorer:
    """Five channels' hours and an industry preset -> weeks to an offer for 10,000 seekers."""
    controls = {
        "preset_name": W.Dropdown(
            options=list(model.PRESETS), value=model.DEFAULT_PRESET,
            description="Industry (assumed)", style={"description_width": "16em"},
            layout=W.Layout(width="36em"),
        ),
        **{
            name: slider(f"{model.LABELS[channel]} (h/week)", hours, 0, SLIDER_MAX, 1)
            for name, channel, hours in zip(
                CONTROL_NAMES, model.CHANNELS, model.DEFAULT_HOURS, strict=True
            )
        },
    }
    return Explorer(controls, model.compare, SplitFigure(), summary)


# --- formative checks ----------------------------------------------------------------------
PREDICT_OPTIONS = (
    "— choose —",
    "All 12 hours on referrals: clearly sooner",
    "About the same",
    "Split across five channels: clearly sooner",
)


def reveal_split(prediction: str) -> tuple[bool | None, str, str]:
    """Compare the prediction with the model: all 12 h on referrals vs 2.4 h on each channel."""
    if prediction == PREDICT_OPTIONS[0]:
        return None, "Choose a prediction first, then lock it in.", ""
    networking = model.compare(*model.DEFAULT_HOURS)
    spread = model.compare(*(12 / len(model.CHANNELS),) * len(model.CHANNELS))
    a, b = networking.mix.median, spread.mix.median
    truth = PREDICT_OPTIONS[1] if a < b - 1 else PREDICT_OPTIONS[3] if b < a - 1 else \
        PREDICT_OPTIONS[2]
    headline = (f"all on referrals: half have an offer by week {a:.0f}; split evenly: by week "
                f"{b:.0f}.")
    why = (
        "Each channel levels off: the 12th hour of networking adds far less than the first hour "
        "of contacting employers or applying. Spreading also insures you against a channel that "
        f"happens not to work for you: 1 in 10 all-in networkers are still searching after "
        f"{weeks_text(networking.mix.percentile(90))}, against "
        f"{weeks_text(spread.mix.percentile(90))} for the split. The channel numbers are "
        "assumptions; explore them below."
    )
    return prediction == truth, headline, why


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    control = W.Dropdown(options=PREDICT_OPTIONS, value=PREDICT_OPTIONS[0],
                         description="Your prediction:", style={"description_width": "initial"},
                         layout=W.Layout(width="auto"))
    return PredictThenReveal(
        LESSON, "predict",
        "You have 12 hours a week for your search. Either all 12 go into referrals through your "
        "contacts, or you split them evenly over five channels (applications, contacting "
        "employers directly, recruiters, referrals, events). Which way gets half of 10,000 "
        "simulated seekers an offer sooner?",
        control, reveal_split, store=store,
    )


def when_all_in(store: ProgressStore | None = None) -> MultipleChoice:
    return MultipleChoice(
        LESSON, "when-all-in",
        "In this model, when does putting all your hours into one channel beat spreading them?",
        [
            Option("When you have more hours to spend", False,
                   "More hours push every channel further into its flat part, so spreading "
                   "gains more, not less."),
            Option("When one channel's ceiling dwarfs the others', or every channel keeps paying "
                   "almost the same per extra hour (large theta)", True,
                   "Spreading pays because each channel levels off. If one channel is far "
                   "stronger, or none levels off within your hours, each hour should go where "
                   "it buys the most: try the two what-if presets."),
            Option("Whenever that channel is networking", False,
                   "Networking levels off like any other channel in the model; the presets, "
                   "not the channel's name, decide."),
            Option("Never: spreading always wins", False,
                   "Try the 'one channel far stronger' preset: all-in wins there."),
        ],
        store=store,
    )


def evidence(store: ProgressStore | None = None) -> MultipleChoice:
    return MultipleChoice(
        LESSON, "evidence",
        "In U.S. survey data, 46% of people who contacted employers directly found a job within "
        "their first month of unemployment, against 32% of those who searched passively "
        "(Eubanks & Wiczer 2014). What can you safely conclude?",
        [
            Option("Contacting employers directly causes a 14-point higher job-finding rate", False,
                   "The data are observational: people who choose to contact employers may "
                   "differ (skills, occupation, confidence) from those who do not."),
            Option("Direct contact is common and goes with faster job finding, but some of the gap "
                   "may come from who chooses it", True,
                   "That is the careful reading. The same study found network users found jobs "
                   "more slowly than average, again possibly because of who relies on networks "
                   "(compare Mouw 2003 on homophily)."),
            Option("Networking is useless, so drop it", False,
                   "Van Hoye, van Hooft & Lievens (2009) found networking time added to job "
                   "offers beyond other methods; the evidence is mixed, not negative."),
        ],
        store=store,
    )


KINDS = ["informational interview", "alumni network", "professional association",
         "event or fair", "online community"]


def kinds(store: ProgressStore | None = None) -> SortIntoGroups:
    return SortIntoGroups(
        LESSON, "kinds",
        "Which kind of networking fits each situation best?",
        [
            Item("You are thinking of moving into a field you know little about", KINDS[0],
                 "a 20-minute conversation asking for advice tells you what the work is really "
                 "like and who else to talk to."),
            Item("Your university runs a mentoring scheme for graduates", KINDS[1],
                 "a shared school gives strangers a reason to say yes."),
            Item("Your field has a body with local chapters, standards and training", KINDS[2],
                 "regular meetings let you meet the same people again and build trust."),
            Item("You want to meet many employers in your sector in one afternoon", KINDS[3],
                 "fairs and meet-ups give breadth quickly; follow up one to one afterwards."),
            Item("People in your field help each other in public forums and open projects",
                 KINDS[4], "answering questions shows your skill to people you have not met."),
        ],
        KINDS,
        store=store,
    )


def hidden_jobs(store: ProgressStore | None = None) -> MultipleChoice:
    return MultipleChoice(
        LESSON, "hidden-jobs",
        "A career blog says '80% of jobs are never advertised, so networking is the only "
        "strategy that works'. What does the evidence support?",
        [
            Option("It is right: 70-85% of jobs are hidden", False,
                   "That figure has no research source: it traces to 1970s-80s claims and a "
                   "self-selected online poll."),
            Option("Roughly half of jobs involve contacts or informal channels, so networking "
                   "matters, alongside other methods", True,
                   "Surveys since the 1970s find about half (e.g. 56% in Granovetter's 1970 "
                   "sample; about 50% in Burks et al. 2015). The unemployed use about two "
                   "methods on average (BLS), and contacting employers directly is the most used."),
            Option("Almost no jobs come through contacts any more", False,
                   "Referral hiring is still common: referred candidates are a small share of "
                   "applicants but a larger share of hires (Burks et al. 2015)."),
        ],
        store=store,
    )


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Which two or three channels (and which kinds of networking) fit your field and your "
        "situation? How would you split your weekly hours between them, and what evidence "
        "from your own search would make you change the split?",
        store=store,
    )
