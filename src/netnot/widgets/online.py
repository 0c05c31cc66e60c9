"""Widgets for lesson 03, "Networking is not only conducted online"."""

from __future__ import annotations

import ipywidgets as W

from netnot import course
from netnot.figures.online import MixFigure, percent
from netnot.models import online
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

LESSON = "03-not-only-online"
CHECK_KEYS = course.lesson(LESSON).checks
HEAVIEST = dict(online_percent=100, hours_per_week=20, on_site_percent=100, reply_percent=50,
                conversion_percent=100, offline_minutes=60)


def run(online_percent: float, hours_per_week: float, on_site_percent: float,
        reply_percent: float, conversion_percent: float, offline_minutes: float) -> online.Mix:
    """The model, with shares and chances given in percent as on the sliders."""
    return online.simulate(
        online_share=online_percent / 100, hours_per_week=hours_per_week,
        on_site_share=on_site_percent / 100, reply_rate=reply_percent / 100,
        conversion=conversion_percent / 100, offline_minutes=offline_minutes,
    )


def summary(result: online.Mix) -> str:
    mean = result.mean
    yours = result.index(result.online_share)
    return (
        f"<b>Best mix: {percent(result.best_share)} online, {mean[result.best_index]:.2f} new "
        f"advocates a week</b> (offline only {mean[0]:.2f}, online only {mean[-1]:.2f}). "
        f"At your {percent(result.online_share)}: {mean[yours]:.2f} a week from "
        f"{result.messages[:, yours].mean():.1f} messages, {result.replies[:, yours].mean():.1f} "
        f"replies and {result.talks[:, yours].mean():.1f} live conversations; "
        f"{percent(result.share_with_none(result.online_share))} of weeks bring no new advocate."
    )


def explorer() -> Explorer:
    """Six sliders for the time-split model, a two-panel figure and a summary."""
    d = online.DEFAULTS
    controls = {
        "online_percent": slider("Your time spent online (%)", 100 * d["online_share"],
                                 0, 100, 5),
        "hours_per_week": slider("Networking hours per week", d["hours_per_week"], 1, 20, 1),
        "on_site_percent": slider("People you want to meet on the site (%)",
                                  100 * d["on_site_share"], 0, 100, 5),
        "reply_percent": slider("Reply rate to online messages (%)", 100 * d["reply_rate"],
                                0, 50, 1),
        "conversion_percent": slider("Live talks that make an advocate (%)",
                                     100 * d["conversion"], 0, 100, 5),
        "offline_minutes": slider("Minutes to find one offline talk", d["offline_minutes"],
                                  60, 480, 15),
    }
    return Explorer(controls, run, MixFigure(), summary)


EMAIL_OPTIONS = (
    "About as often: a polite request is a polite request",
    "Somewhat less often by email: maybe half as often",
    "Far less often by email: a small fraction as often",
    "More often by email: people can answer when it suits them",
)


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """In person or by email? (Roghanizad & Bohns 2017)."""

    def reveal(choice: str) -> tuple[bool, str, str]:
        correct = choice == EMAIL_OPTIONS[2]
        headline = ("in an experiment, strangers agreed far more often when asked in person, and "
                    "the people asking did not see it coming.")
        why = ("Roghanizad & Bohns (2017, Journal of Experimental Social Psychology) had people "
               "ask strangers to fill in a short survey. Requesters in both groups expected about "
               "half of 10 strangers to agree. In person, about 7 in 10 did; by email, very few. "
               "A press summary called face-to-face requests about 34 times as effective. Keep "
               "the caveats: this was one study, with strangers, and the email asked them to "
               "click a survey link, which can look like a scam. The lasting lesson is the "
               "mis-prediction: we overestimate how persuasive our emails are and underestimate "
               "how willing people are to help when we ask in person.")
        return correct, headline, why

    choice = W.Dropdown(options=EMAIL_OPTIONS, value=EMAIL_OPTIONS[0], description="My guess:",
                        style={"description_width": "initial"}, layout=W.Layout(width="auto"))
    return PredictThenReveal(
        LESSON, "predict-email",
        "You ask strangers for a small favour: to fill in a short survey. Half of them you ask in "
        "person, half by email. Compared with asking in person, how often do they agree by email?",
        choice, reveal, store)


VOICE_OPTIONS = (
    "Reading it as text: written words are chosen more carefully",
    "Hearing it: the voice makes the difference, and adding video adds little more",
    "Watching a video: body language adds a lot on top of the voice",
    "The format makes no difference: the words are the same",
)


def predict_voice(store: ProgressStore | None = None) -> PredictThenReveal:
    """Text, voice or video? (Schroeder & Epley 2015)."""

    def reveal(choice: str) -> tuple[bool, str, str]:
        correct = choice == VOICE_OPTIONS[1]
        headline = ("hearing the same words made candidates seem more competent than reading "
                    "them, and adding video to the voice changed nothing more.")
        why = ("In Schroeder & Epley (2015, Psychological Science), evaluators, including "
               "professional recruiters, rated job candidates as more competent, thoughtful and "
               "intelligent, and were keener to hire them, when they heard a pitch rather than "
               "read it. Adding video to the audio did not change the ratings. So the voice, more "
               "than the body, carries the difference: a phone call keeps much of what a meeting "
               "gives you, a text exchange does not. Keep in mind that this is one set of "
               "experiments about judging a pitch.")
        return correct, headline, why

    choice = W.Dropdown(options=VOICE_OPTIONS, value=VOICE_OPTIONS[0], description="My guess:",
                        style={"description_width": "initial"}, layout=W.Layout(width="auto"))
    return PredictThenReveal(
        LESSON, "predict-voice",
        "Recruiters judge a job candidate's short pitch. The same words reach them as text, as "
        "audio, or as video with audio. Which version makes the candidate seem most competent?",
        choice, reveal, store)


def fewer_on_site(store: ProgressStore | None = None) -> MultipleChoice:
    """Where does the best mix go when fewer of your contacts are on the site?"""
    usual = online.simulate()
    few = online.simulate(on_site_share=0.1)
    numbers = (f"In the model, the best mix moves from {percent(usual.best_share)} online (half "
               f"of the people on the site) to {percent(few.best_share)} online (one in ten).")
    options = [
        Option("Toward online: with fewer people to find, search harder online", False,
               f"{numbers} Extra online time cannot reach people who are not there; once you "
               "have written to everyone on the site, more online time makes nothing."),
        Option("Toward offline: online reach runs out sooner, so live time is worth more", True,
               f"{numbers} Online outreach is capped by who is on the site; the rest of your "
               "list can only be met offline."),
        Option("Nowhere: the best mix does not depend on who is on the site", False,
               f"{numbers} Try it with the slider for people on the site."),
    ]
    return MultipleChoice(
        LESSON, "fewer-on-site",
        "Pew Research Center surveys report that about 30% of U.S. adults use LinkedIn, but only "
        "about 10% of those with a high-school education or less. Suppose only 10% of the people "
        "you want to meet are on the site, instead of 50%. Where does the best mix go?",
        options, store)


def online_only(store: ProgressStore | None = None) -> MultipleChoice:
    """Why does online only make so few advocates though it reaches the most people?"""
    result = online.simulate()
    mean = result.mean
    numbers = (f"At the defaults, online only makes {mean[-1]:.2f} advocates a week from "
               f"{result.replies[:, -1].mean():.1f} replies; the best mix makes "
               f"{mean[result.best_index]:.2f}.")
    options = [
        Option("Online messages reach too few people", False,
               f"{numbers} Online reaches the most people; reach is not the problem."),
        Option("With no live time, replies stay text exchanges, which rarely turn people into "
               "advocates", True,
               f"{numbers} Online opens doors; a live conversation (a call or a coffee) is what "
               "turns a contact into someone who will vouch for you."),
        Option("Online sites show your messages to the wrong people", False,
               f"{numbers} The model sends every message to someone on your list."),
    ]
    return MultipleChoice(
        LESSON, "online-only",
        "In the explorer, spending all your time online reaches the most people but makes the "
        "fewest advocates. Why?", options, store)


GROUPS = ["supported by research", "overstated or contested", "an assumption of our model"]


def sort_claims(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort claims about online and face-to-face networking by how well they are supported."""
    items = [
        Item("People who ask by email overestimate how often they will get a yes", GROUPS[0],
             "Roghanizad & Bohns (2017) found exactly this mis-prediction."),
        Item("Face-to-face requests are 34 times as effective as email, in general", GROUPS[1],
             "The 34 is a press-summary figure from one study with strangers asked to click a "
             "survey link; it is not a general law."),
        Item("93% of what we communicate is nonverbal", GROUPS[1],
             "This stretches Mehrabian's small experiments on single words about feelings with "
             "mixed signals; he says it does not apply to communication in general."),
        Item("Hearing a pitch, rather than reading it, makes the speaker seem more competent",
             GROUPS[0], "Schroeder & Epley (2015), with professional recruiters among the "
             "evaluators."),
        Item("One online message in ten gets a reply", GROUPS[2],
             "It is the explorer's default reply rate: try others with the slider."),
        Item("A live conversation has a 30% chance of making an advocate", GROUPS[2],
             "Another default of the explorer, chosen for illustration."),
    ]
    return SortIntoGroups(
        LESSON, "sort-claims",
        "Sort each claim: is it supported by research, overstated or contested, or just an "
        "assumption of the model in this lesson?", items, GROUPS, store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "List five people you would like to learn from in the work you want. Which of them can "
        "you reach online, and which not? For one you can reach online, what would your first "
        "message ask for? For one you can't, where could you meet them? How will you split your "
        "networking hours next week, and why?", store)
