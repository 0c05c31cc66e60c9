"""Widgets for lesson 03, "Networking is not only conducted online".

Every number the lesson shows comes from :func:`netnot.models.networking.by_online_share` (a
week of networking at every online share) on the course's one world.
"""

from __future__ import annotations

import html
from functools import lru_cache

import ipywidgets as W

from netnot import course
from netnot.figures.online import (
    MEASURES,
    REFERRALS,
    TRUST,
    OnlineFigure,
    OnlineView,
    amount,
    parts_text,
    percent,
)
from netnot.models.networking import by_online_share
from netnot.models.world import Mix, World
from netnot.progress import ProgressStore
from netnot.references import cite
from netnot.widgets.assumptions import assumptions  # noqa: F401 - lesson.assumptions("03")
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

LESSON = "03-not-only-online"
CHECK_KEYS = course.lesson(LESSON).checks
HOURS = Mix().networking  # the course's default seeker networks this many hours a week
FEW_ON_SITE = 0.1  # the "fewer on the site" case the lesson asks about (Pew: 10%, see text)

# slider ranges: (low, high, step), in the units the learner sees
RANGES = {
    "online_percent": (0, 100, 5),
    "hours": (1, 20, 1),
    "on_site_percent": (0, 100, 5),
    "reply_percent": (0, 50, 1),
    "offline_minutes": (60, 600, 15),
    "text_minutes": (0, 60, 5),
}
HEAVIEST = dict(online_percent=100, hours=20, on_site_percent=100, reply_percent=50,
                offline_minutes=60, text_minutes=60, measure=REFERRALS)


def world_for(on_site_percent: float, reply_percent: float, offline_minutes: float,
              text_minutes: float, online_percent: float | None = None) -> World:
    """The default world with the explorer's values (shares in percent, minutes as shown)."""
    changes = dict(on_site_share=on_site_percent / 100, reply_rate=reply_percent / 100,
                   offline_minutes=offline_minutes, text_hours=text_minutes / 60)
    if online_percent is not None:
        changes["online_share"] = online_percent / 100
    return World().changed(**changes)


def run(online_percent: float, hours: float, on_site_percent: float, reply_percent: float,
        offline_minutes: float, text_minutes: float, measure: str = TRUST) -> OnlineView:
    """The explorer's model: the week at every online share, and your share on it."""
    world = world_for(on_site_percent, reply_percent, offline_minutes, text_minutes,
                      online_percent)
    return OnlineView(world, by_online_share(world, hours), world.online_share, measure)


def _at(view: OnlineView, share: float) -> str:
    return amount(view.value(share))


def summary(view: OnlineView) -> str:
    mix, share = view.mix, view.share
    best = mix.best_share
    trust = OnlineView(view.world, mix, share, TRUST)
    referrals = OnlineView(view.world, mix, share, REFERRALS)
    return (
        f"<b>Your {percent(share)} online</b> ({mix.hours:g} hours a week): "
        f"{html.escape(parts_text(view.parts(share)))}. Trust built: {_at(trust, share)} a "
        f"week (in people who would vouch for you), about {_at(referrals, share)} referrals "
        "within 26 weeks.<br>"
        f"<b>Best share: {percent(best)} online</b>, {_at(trust, best)} a week "
        f"({_at(referrals, best)} referrals). All offline: {_at(trust, 0.0)}; all online: "
        f"{_at(trust, 1.0)}."
    )


def first_settings() -> dict[str, float]:
    """The explorer's first settings: the course's default seeker, in the sliders' units."""
    world = World()
    return {"online_percent": 100 * world.online_share, "hours": HOURS,
            "on_site_percent": 100 * world.on_site_share,
            "reply_percent": 100 * world.reply_rate,
            "offline_minutes": world.offline_minutes, "text_minutes": 60 * world.text_hours}


@lru_cache(maxsize=32)
def at(**changes: float) -> OnlineView:
    """The explorer's result at its first settings, with some sliders changed (exercise 03
    reads its answers this way): ``at(hours=8).mix.best_share``."""
    return run(**{**first_settings(), **changes})


def explorer() -> Explorer:
    """Six sliders on the world's networking numbers, what to show, and a two-panel figure."""
    values = first_settings()
    labels = {
        "online_percent": "Your share of networking time online (%)",
        "hours": "Networking hours a week",
        "on_site_percent": "People you want to meet who are on the site you use (%)",
        "reply_percent": "Messages that get a reply (%)",
        "offline_minutes": "Minutes to find and hold one conversation offline",
        "text_minutes": "A written exchange counts as this many minutes of conversation",
    }
    controls: dict[str, W.ValueWidget] = {
        name: slider(labels[name], values[name], *RANGES[name]) for name in RANGES}
    controls["measure"] = W.ToggleButtons(options=MEASURES, value=TRUST, description="Show:",
                                          style={"description_width": "initial"})
    return Explorer(controls, run, OnlineFigure(*_extremes()), summary)


@lru_cache(maxsize=1)
def _extremes() -> tuple[float, dict[str, float]]:
    """The longest bar and the highest value of each measure that any slider setting gives:
    more hours, more people on the site, more replies, quicker offline conversations and
    written exchanges that count more all build more, so the highest corner is enough."""
    high = {name: top if name != "offline_minutes" else low
            for name, (low, top, _) in RANGES.items()}
    corner = run(**high)
    parts = max(float(corner.parts(s).max()) for s in corner.mix.shares)
    return parts, {TRUST: float(corner.mix.week.warmth.max()),
                   REFERRALS: float(corner.mix.referrals.max())}


# --- what the model finds, computed when the lesson runs ----------------------------------

def default_view(**changes: float) -> OnlineView:
    """The explorer's starting point (optionally with other world values)."""
    world = World().changed(**changes)
    return OnlineView(world, by_online_share(world, HOURS), world.online_share, TRUST)


def findings() -> W.HTML:
    """Three findings from the model at the default settings."""
    view = default_view()
    few = default_view(on_site_share=FEW_ON_SITE)
    best = view.mix.best_share
    online_only = view.value(1.0) / view.value(best)
    refs = OnlineView(view.world, view.mix, view.share, REFERRALS)
    items = [
        f"<b>The best split lies in between.</b> With {HOURS:g} networking hours a week, the "
        f"most trust comes from spending {percent(best)} of them online: "
        f"{_at(view, best)} a week, against {_at(view, 0.0)} all offline and "
        f"{_at(view, 1.0)} all online.",
        f"<b>With fewer people on the site, the best split moves offline.</b> If "
        f"{percent(FEW_ON_SITE)} of the people you want are on the site instead of "
        f"{percent(view.world.on_site_share)}, the best share falls from {percent(best)} to "
        f"{percent(few.mix.best_share)} online.",
        f"<b>Online only builds little trust.</b> All online builds {percent(online_only)} of "
        f"what the best split builds: about {_at(refs, 1.0)} referrals within 26 weeks "
        f"instead of {_at(refs, best)}. Replies stay written exchanges, because no time is left "
        "for a call or a coffee.",
    ]
    return findings_box("What the simulation finds", items,
                        "at the explorer's starting values, computed when the lesson runs")


# --- predictions --------------------------------------------------------------------------

def _guess(options: tuple[str, ...]) -> W.Dropdown:
    """A dropdown for a prediction (PredictThenReveal starts it on no answer)."""
    return W.Dropdown(options=options, description="My guess:",
                      style={"description_width": "initial"}, layout=W.Layout(width="auto"))


EMAIL_OPTIONS = (
    "About as often: a polite request is a polite request",
    "Somewhat less often by email: maybe half as often",
    "Far less often by email: a small fraction as often",
    "More often by email: people can answer when it suits them",
)


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """In person or by email? (Roghanizad & Bohns 2017)."""

    def reveal(choice: str) -> tuple[bool, str, str]:
        headline = ("in the experiment, strangers agreed far more often in person, and the "
                    "people asking did not see it coming.")
        why = (f"In {cite('roghanizad2017')} (Journal of Experimental Social Psychology), "
               "people asked strangers to fill in a short survey. Both groups of askers expected "
               "about half of the people they asked to agree. In person, about 7 in 10 did; by "
               "email, very few. You may read that asking in person is \"34 times\" as "
               "effective: that figure comes from press summaries of this one study, with "
               "strangers, where the email asked them to click a link from someone they did not "
               "know (which can look like a scam). The lasting lesson is the mis-prediction: we "
               "overrate our emails and underrate how willing people are to help when we ask in "
               "person.")
        return choice == EMAIL_OPTIONS[2], headline, why

    return PredictThenReveal(
        LESSON, "predict-email",
        "You ask strangers for a small favour: to fill in a short survey. Half of them you ask in "
        "person, half by email. Compared with asking in person, how often do they agree by email?",
        _guess(EMAIL_OPTIONS), reveal, store)


VOICE_OPTIONS = (
    "Reading it as text: written words are chosen more carefully",
    "Hearing it: the voice makes the difference, and adding video adds little more",
    "Watching a video: body language adds a lot on top of the voice",
    "The format makes no difference: the words are the same",
)


def predict_voice(store: ProgressStore | None = None) -> PredictThenReveal:
    """Text, voice or video? (Schroeder & Epley 2015)."""

    def reveal(choice: str) -> tuple[bool, str, str]:
        headline = ("hearing the same words made candidates seem more competent than reading "
                    "them, and adding video to the voice changed nothing more.")
        why = (f"In {cite('schroeder2015')} (Psychological Science), evaluators, professional "
               "recruiters among them, rated job candidates as more competent, thoughtful and "
               "intelligent, and were keener to hire them, when they heard a pitch rather than "
               "read the same words. Adding video to the audio did not raise the ratings further. "
               "This refines the 2011 post's point about body language: much of what a meeting "
               "adds travels in the voice, so a phone or video call keeps most of it, and a chain "
               "of messages does not. It is one set of experiments, about judging a pitch.")
        return choice == VOICE_OPTIONS[1], headline, why

    return PredictThenReveal(
        LESSON, "predict-voice",
        "Recruiters judge a job candidate's short pitch. The same words reach them as text, as "
        "audio, or as video with audio. Which version makes the candidate seem most competent?",
        _guess(VOICE_OPTIONS), reveal, store)


# --- checks -------------------------------------------------------------------------------

def fewer_on_site(store: ProgressStore | None = None) -> MultipleChoice:
    """Where does the best split go when fewer of the people you want are on the site?"""
    usual, few = default_view(), default_view(on_site_share=FEW_ON_SITE)
    numbers = (f"In the simulation the best share moves from {percent(usual.mix.best_share)} "
               f"online (with {percent(usual.world.on_site_share)} of your people on the site) to "
               f"{percent(few.mix.best_share)} online (with {percent(FEW_ON_SITE)}).")
    options = [
        Option("Toward online: with fewer people to find, search harder online", False,
               f"{numbers} Extra online time cannot reach people who are not there: once you "
               "have written to everyone on the site, more online time adds nothing."),
        Option("Toward offline: you run out of people to message sooner, so live time is worth "
               "more", True,
               f"{numbers} Messages are capped by who is on the site; everyone else can only be "
               "met offline, and live time is what builds trust."),
        Option("Nowhere: the best split does not depend on who is on the site", False,
               f"{numbers} Try it with the slider for people on the site."),
    ]
    return MultipleChoice(
        LESSON, "fewer-on-site",
        "Pew Research Center surveys report that about 30% of U.S. adults use LinkedIn, but only "
        "about 10% of those with a high-school education or less. Suppose only "
        f"{percent(FEW_ON_SITE)} of the people you want to meet are on the site you use, instead "
        f"of {percent(usual.world.on_site_share)}. Where does the best split go?",
        options, store)


def online_only(store: ProgressStore | None = None) -> MultipleChoice:
    """Why does all online build so little trust, though it sends the most messages?"""
    view = default_view()
    best = view.mix.best_share
    at_all = view.parts(1.0)
    numbers = (f"At the starting values, all online sends {at_all[0]:.0f} messages and gets "
               f"{at_all[1]:.1f} replies a week, all of them written exchanges, and builds "
               f"{_at(view, 1.0)} of trust; the best split, {percent(best)} online, builds "
               f"{_at(view, best)}.")
    written = 60 * view.world.text_hours
    options = [
        Option("Online messages reach too few people", False,
               f"{numbers} All online sends the most messages of any split: reach is not the "
               "problem."),
        Option("With no live time left, replies stay written exchanges, which build much less "
               "trust than a conversation", True,
               f"{numbers} In the simulation a written exchange counts as {written:g} minutes of "
               "conversation (an assumption you can change with a slider). Online opens doors; "
               "a call or a coffee walks through them."),
        Option("The site shows your messages to the wrong people", False,
               f"{numbers} The simulation sends every message to someone you chose."),
    ]
    return MultipleChoice(
        LESSON, "online-only",
        "In the explorer, spending all your networking time online sends the most messages but "
        "builds the least trust. Why?", options, store)


GROUPS = ["supported by research", "overstated or contested", "an assumption of the simulation"]


def sort_claims(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort claims about online and face-to-face networking by how well they are supported."""
    world = World()
    items = [
        Item("People who ask by email overestimate how often they will get a yes", GROUPS[0],
             f"{cite('roghanizad2017')} found this mis-prediction with strangers."),
        Item("Face-to-face requests are 34 times as effective as email, in general", GROUPS[1],
             "The 34 comes from press summaries of one study, with strangers asked to click a "
             "survey link; it is not a general rule."),
        Item("93% of what we communicate is nonverbal", GROUPS[1],
             "Mehrabian's small experiments used single words about liking or disliking, said in "
             "a tone that contradicted them; he has said the figures do not apply to "
             "communication in general."),
        Item("People overestimate how well their tone (say, sarcasm) comes across in email",
             GROUPS[0], f"{cite('kruger2005')} (Journal of Personality and Social Psychology)."),
        Item("About 30% of U.S. adults use LinkedIn, far fewer among those without a degree",
             GROUPS[0], "Pew Research Center surveys; the course read these figures in "
             "secondary summaries, not in Pew's own reports."),
        Item("Searching online for work went with shorter unemployment by the late 2000s",
             GROUPS[0], f"{cite('kuhn2014')} (Economic Journal), especially when people used it "
             "to contact friends and relatives."),
        Item(f"{percent(world.reply_rate)} of messages to people who do not know you well get a "
             "reply", GROUPS[2], "It is the explorer's starting reply rate: roughly in line with "
             "how rarely strangers answer email requests, but the number is chosen, not measured."),
        Item(f"A written exchange counts as {60 * world.text_hours:g} minutes of conversation",
             GROUPS[2], "Research says hearing someone conveys more than reading them; how much "
             "more is chosen by the course. Try other values with the slider."),
    ]
    return SortIntoGroups(
        LESSON, "sort-claims",
        "Sort each claim: is it supported by research, overstated or contested, or an assumption "
        "of the simulation in this lesson?", items, GROUPS, store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "List five people you would like to learn from in the work you want. Which of them can "
        "you reach online, and which not? For one you can reach online, what would your first "
        "message ask for, and how would you turn a reply into a call or a coffee? For one you "
        "can't, where could you meet them? How will you split your networking hours next week?",
        store)
