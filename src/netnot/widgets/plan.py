"""Widgets for lesson 06, "Your six-week networking plan".

The plan builder saves every entry as it changes, checks the plan against the course, and
writes it as a one-page document. Its simulation is the course's one world
(:mod:`netnot.models.plan`): the mix and balance in lesson 04's search, the switching rule in
lesson 05's, the follow-ups through lesson 01's contact rule.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as W

from netnot import course
from netnot.figures.plan import MOST_HOURS, PlanFigure
from netnot.models import plan as model
from netnot.models.plan import PLAN_WEEKS, QUIET_WEEKS, YOUR_RULE
from netnot.models.policies import KEEP
from netnot.models.world import STRATEGIES, Mix
from netnot.params import ParameterError
from netnot.progress import ProgressStore
from netnot.widgets.assumptions import assumptions  # noqa: F401 - the lesson's table
from netnot.widgets.checks import (
    Item,
    MultipleChoice,
    Option,
    PredictThenReveal,
    Reflection,
    SortIntoGroups,
    default_store,
    feedback_html,
)
from netnot.widgets.explorer import Explorer, slider
from netnot.widgets.findings import findings_box
from netnot.widgets.switching import LESSON as LESSON_05
from netnot.widgets.switching import silent_streak

LESSON = "06-your-plan"
PLAN_KEY = "plan"
CHECK_KEYS = course.lesson(LESSON).checks
HOURS = ("applications", "direct_contact", "recruiters", "networking")  # slider names
HEAVIEST = dict(applications=15, direct_contact=15, recruiters=15, networking=15, in_person=0)


def run(applications: float, direct_contact: float, recruiters: float, networking: float,
        in_person: int = model.DEFAULT_IN_PERSON) -> model.MixResult:
    """The mix simulation for these weekly hours and this share of networking in person."""
    hours = (applications, direct_contact, recruiters, networking)
    return model.simulate_mix(model.Plan(hours=hours, in_person_percent=in_person))


def summary(result: model.MixResult) -> str:
    mine = result.results["your mix"]
    half = (f"half of them by week {mine.median:.0f}" if mine.median <= result.horizon else
            f"fewer than half of them within {result.horizon} weeks")
    return (f"<b>Your plan: {result.by_week_6['your mix']:.0%} of simulated people with these "
            f"hours have a first offer by the end of week {PLAN_WEEKS}, "
            f"{mine.share_by(result.horizon):.0%} by week {result.horizon} ({half}).</b> "
            f"The same hours spread evenly: {result.by_week_6['spread evenly']:.0%} by week "
            f"{PLAN_WEEKS}; all on {html.escape(result.biggest)}: "
            f"{result.by_week_6['all on your biggest strategy']:.0%}. Most of the payoff comes "
            "after the six weeks: judge them by your leading indicators.")


def explorer(plan: model.Plan | None = None) -> Explorer:
    """Sliders for the weekly hours per strategy and the share of networking in person, the
    mix figure and a summary."""
    plan = plan or model.Plan()
    controls = {
        name: slider(f"Hours a week: {label}", float(value), 0, MOST_HOURS, 0.5)
        for name, label, value in zip(HOURS, STRATEGIES, plan.hours, strict=True)
    }
    controls["in_person"] = slider("Networking time in person or by voice (%)",
                                   plan.in_person_percent, 0, 100, 5)
    return Explorer(controls, run, PlanFigure(), summary)


def _step(text: str) -> W.HTML:
    return W.HTML(f"<h4>{html.escape(text)}</h4>")


class PlanBuilder(W.VBox):
    """The whole plan, step by step. Every entry is saved as you type or choose, and the plan can
    be written as a one-page document beside the notebook."""

    def __init__(self, store: ProgressStore | None = None,
                 folder: str | os.PathLike[str] | None = None) -> None:
        self.store = store or default_store()
        self.folder = Path(folder) if folder is not None else self.store.folder
        saved = model.Plan.from_dict(self.store.get(LESSON, PLAN_KEY))
        wide = {"style": {"description_width": "16em"}, "layout": W.Layout(width="40em")}
        self.mix = explorer(saved)
        self.in_person = self.mix.controls["in_person"]
        self.where = W.Text(value=saved.in_person_where, description="Where I will meet people:",
                            placeholder="e.g. alumni evening, meetup, coffee", **wide)
        self.new_contacts = slider("New people contacted a week", saved.new_contacts, 0, 20, 1)
        self.follow_ups = slider("Follow-ups if no reply", saved.follow_ups, 0, 6, 1)
        self.days_between = slider("Days between messages", saved.days_between, 1, 30, 1)
        self.indicators = {
            item: W.Checkbox(value=item in saved.indicators, description=item, indent=False)
            for item in model.INDICATORS
        }
        self.review_day = W.Dropdown(options=model.DAYS, value=saved.review_day,
                                     description="I count them every:", **wide)
        self.patience = slider("Weeks without a signal before I move time", saved.patience,
                               1, 12, 1)
        self.switch_when = W.Textarea(
            value=saved.switch_when, description="I move time elsewhere when:",
            placeholder="e.g. no replies at all after 15 messages in 3 weeks", **wide)
        self.after_silence = W.Textarea(
            value=saved.after_silence,
            description=f"After {QUIET_WEEKS} silent weeks I will:",
            placeholder="e.g. ask a former colleague to look at my CV; try one new kind of job",
            **wide)
        self.support = W.Text(value=saved.support, description="I will tell:",
                              placeholder="e.g. my sister, a friend from my course, my adviser",
                              **wide)
        notes = [W.HTML() for _ in range(5)]
        self.cadence_note, self.signals_note, self.rule_note, self.quiet_note, self.advice = notes
        self.advice.add_class("nin-feedback")
        self.error = W.HTML()
        self.error.add_class("nin-error")
        self.status = W.HTML()
        self.status.add_class("nin-feedback")
        self.save_button = W.Button(description="Save my plan as a document", icon="save",
                                    button_style="primary", layout=W.Layout(width="auto"))
        self.save_button.on_click(lambda _: self.save_document())
        for control in self.controls():
            control.observe(self._changed, names="value")
            if isinstance(control, (W.IntSlider, W.FloatSlider)):  # a drag is one change:
                control.continuous_update = False  # saved and simulated once, on release
        hours = [self.mix.controls[name] for name in HOURS]
        self.mix.children = (  # the explorer keeps its sliders, figure and summary together
            _step("Step 1 · Your mix of strategies"), *hours,
            _step("Step 2 · Online and in person"), self.in_person, self.where,
            self.mix.frame, self.mix.summary, self.mix.error)
        super().__init__([
            self.mix,
            _step("Step 3 · Your outreach cadence"), self.new_contacts, self.follow_ups,
            self.days_between, self.cadence_note,
            _step("Step 4 · What you will count each week"), *self.indicators.values(),
            self.review_day, self.signals_note,
            _step("Step 5 · Your switching rule"), self.patience, self.rule_note,
            self.switch_when,
            _step("Step 6 · When the weeks are quiet"), self.quiet_note, self.after_silence,
            self.support,
            _step("Checks"), self.advice, self.error, self.save_button, self.status,
        ])
        self.add_class("nin-plan")
        self._show(saved)

    def controls(self) -> list[W.ValueWidget]:
        return [*self.mix.controls.values(), self.where, self.new_contacts, self.follow_ups,
                self.days_between, *self.indicators.values(), self.review_day, self.patience,
                self.switch_when, self.after_silence, self.support]

    def plan(self) -> model.Plan:
        """The plan as it stands in the controls (ParameterError if a value is refused)."""
        return model.Plan(
            hours=tuple(self.mix.controls[name].value for name in HOURS),
            new_contacts=self.new_contacts.value, follow_ups=self.follow_ups.value,
            days_between=self.days_between.value, in_person_percent=self.in_person.value,
            in_person_where=self.where.value,
            indicators=tuple(item for item, box in self.indicators.items() if box.value),
            review_day=self.review_day.value, patience=self.patience.value,
            switch_when=self.switch_when.value, after_silence=self.after_silence.value,
            support=self.support.value,
        )

    def _changed(self, _change: dict[str, Any]) -> None:
        try:
            plan = self.plan()
        except ParameterError as problem:
            self.error.value = f'<span role="alert">⚠ {html.escape(str(problem))}</span>'
            return
        self.error.value = ""
        saved = self.store.set(LESSON, PLAN_KEY, plan.to_dict())
        note = "Your plan is saved as you go." if saved else f"⚠ {self.store.message}"
        self.status.value = f"<i>{html.escape(note)}</i>"
        self._show(plan)

    def _show(self, plan: model.Plan) -> None:
        self.advice.value = advice_html(plan)
        self.cadence_note.value = cadence_note(plan)
        self.signals_note.value = signals_note(plan)
        self.rule_note.value = rule_note(plan)
        self.quiet_note.value = quiet_note(self.store.get(LESSON_05, "setbacks"))

    def save_document(self) -> model.Saved:
        """Write my-networking-plan.md and .html beside the notebook; say what happened."""
        try:
            plan = self.plan()
        except ParameterError as problem:
            self.status.value = feedback_html(False, f"Fix this first: {problem}")
            return model.Saved(False, str(problem))
        result = self.mix.result if isinstance(self.mix.result, model.MixResult) else None
        rule = model.simulate_rule(plan)
        saved = model.save_document(plan, self.folder, result, rule=rule)
        text = ("" if saved.ok else
                f"<pre>{html.escape(model.to_markdown(plan, result, rule))}</pre>")
        self.status.value = feedback_html(True if saved.ok else False, saved.message) + text
        return saved


def advice_html(plan: model.Plan) -> str:
    """The plan's checks, marked with a sign and a word as well as a colour."""
    return "".join(
        f'<div style="border-left:4px solid {"#009E73" if fine else "#D55E00"};padding:2px 8px">'
        f"<b>{'✓ OK' if fine else '⚠ To fix'}:</b> {html.escape(text)}</div>"
        for fine, text in model.advice(plan))


def _note(text: str) -> str:
    return f"<i>{html.escape(text)}</i>"


def cadence_note(plan: model.Plan) -> str:
    """The follow-ups through lesson 01's contact rule, and the practitioner norm."""
    judged = model.cadence(plan.messages, plan.days_between)
    return _note(f"{judged.explain()} The {model.NORM}.")


def signals_note(plan: model.Plan) -> str:
    """What a typical week of the plan's networking brings: the indicators to expect."""
    if plan.hours[model.NETWORKING] == 0:
        return _note("With no networking hours there are no replies or conversations to count.")
    week = model.weekly_signals(plan)
    return _note(f"With {plan.hours[model.NETWORKING]:g} networking hours a week, "
                 f"{plan.in_person_percent}% of them in person or by voice, a typical person in "
                 f"the simulation sends about {float(week.messages):.0f} messages and gets about "
                 f"{float(week.replies):.1f} replies and {float(week.conversations):.1f} "
                 "conversations a week: these move long before any offer.")


def rule_note(plan: model.Plan) -> str:
    """The plan's switching rule next to keeping its mix, in lesson 05's simulation."""
    result = model.simulate_rule(plan)
    mine, keep = result.mean_weeks(YOUR_RULE), result.mean_weeks(KEEP.label)
    rule = model.rule_of(plan)
    judged = ("networking judged by its early signals" if rule.judge_by == "early signals"
              else "every strategy judged by interviews")
    verdict = ("Your rule was faster." if mine < keep else
               "Keeping the mix was as fast or faster here: a switching rule earns its keep when "
               "a mix does not suit you (lesson 05, starting from one strategy).")
    return _note(f"In lesson 05's simulation, with your hours and balance: your rule (after "
                 f"{plan.patience} week{'s' if plan.patience > 1 else ''} without a signal, "
                 f"{judged}) averaged {mine:.1f} weeks searching; keeping your mix "
                 f"{keep:.1f}. {verdict}")


def quiet_note(from_lesson_05: object = None) -> str:
    """Why to plan for quiet weeks, and what the learner wrote in lesson 05."""
    text = (f"Even a strategy that works one week in ten stays silent {QUIET_WEEKS} weeks in a "
            f"row {silent_streak(0.10, QUIET_WEEKS):.0%} of the time: quiet stretches are "
            "normal, so decide now what you will do and who you will tell.")
    if isinstance(from_lesson_05, str) and from_lesson_05.strip():
        text += f" In lesson 05 you wrote: “{from_lesson_05.strip()}”"
    return _note(text)


def plan_builder(store: ProgressStore | None = None,
                 folder: str | os.PathLike[str] | None = None) -> PlanBuilder:
    return PlanBuilder(store, folder)


def _hours_in_words(plan: model.Plan) -> str:
    return ", ".join(f"{name} {h:g}" for name, h in zip(STRATEGIES, plan.hours, strict=True))


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess the share of simulated seekers with the default plan who have an offer within six
    weeks."""
    plan = model.Plan()
    result = model.simulate_mix(plan)
    truth = 100 * result.by_week_6["your mix"]
    mine = result.results["your mix"]
    week = model.weekly_signals(plan)

    def reveal(guess: int) -> tuple[bool, str, str]:
        close = abs(guess - truth) <= 10
        headline = (f"you guessed {guess}%. In the simulation, {truth:.0f}% of people with this "
                    f"plan had a first offer by the end of week {PLAN_WEEKS}; half had one by "
                    f"week {mine.median:.0f}, and {100 * mine.share_by(result.horizon):.0f}% by "
                    f"week {result.horizon}.")
        why = ("Six weeks are enough to build habits and to see the leading indicators move "
               f"(about {PLAN_WEEKS * float(week.replies):.0f} replies and "
               f"{PLAN_WEEKS * float(week.conversations):.0f} conversations in six weeks at "
               "these networking hours), but for most people not enough to judge a plan by "
               "offers. Plan what you will count, so that in week 4 you can tell whether the "
               "plan is working.")
        return close, headline, why

    guess = W.IntSlider(value=50, min=0, max=100, step=5, description="My guess (%):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-offer-in-six-weeks",
        f"A plan: {plan.total_hours:g} hours a week ({_hours_in_words(plan)}), with "
        f"{plan.in_person_percent}% of the networking time in person or by voice. What share of "
        "people following it have a first job offer by the end of six weeks?",
        guess, reveal, store)


def findings() -> W.HTML:
    """What the simulation shows for the starting plan, computed now."""
    plan = model.Plan()
    result = model.simulate_mix(plan)
    mine = result.results["your mix"]
    week = model.weekly_signals(plan)
    rule = model.simulate_rule(plan)
    biggest = int(max(range(len(plan.hours)), key=lambda k: (plan.hours[k], -k)))
    single = model.Plan(hours=Mix.all_on(biggest, plan.total_hours).hours)
    single_rule = model.simulate_rule(single)

    cost = rule.mean_weeks(YOUR_RULE) - rule.mean_weeks(KEEP.label)
    saving = single_rule.mean_weeks(KEEP.label) - single_rule.mean_weeks(YOUR_RULE)
    insurance = saving > max(cost, 0.0)

    def weeks(comparison: Any, label: str) -> str:
        return f"{comparison.mean_weeks(label):.1f}"

    points = [
        f"By the end of week {PLAN_WEEKS}, <b>{result.by_week_6['your mix']:.0%}</b> of "
        f"simulated people with the starting plan have a first offer; by week "
        f"{result.horizon}, {mine.share_by(result.horizon):.0%}.",
        f"In the same six weeks its networking hours bring a typical person about "
        f"<b>{PLAN_WEEKS * float(week.replies):.0f} replies</b> and "
        f"<b>{PLAN_WEEKS * float(week.conversations):.0f} conversations</b>: the leading "
        "indicators you can count long before an offer.",
        f"The plan's switching rule against keeping the mix: {weeks(rule, YOUR_RULE)} against "
        f"{weeks(rule, KEEP.label)} weeks searching on average. With all "
        f"{plan.total_hours:g} hours on {STRATEGIES[biggest]} instead: "
        f"{weeks(single_rule, YOUR_RULE)} against {weeks(single_rule, KEEP.label)}."
        + (" The rule is insurance: it costs little when your mix suits you and saves weeks "
           "when it does not." if insurance else ""),
    ]
    return findings_box("What the simulation finds", points,
                        "for the plan the builder starts from; computed when the lesson runs")


def leading_indicators(store: ProgressStore | None = None) -> MultipleChoice:
    week = model.weekly_signals(model.Plan())
    options = [
        Option("The number of offers so far", False,
               "Offers are the outcome you want, but they come late and rarely: after six weeks "
               "without one, you have learned little about why."),
        Option("Replies to your messages and conversations held", True,
               "These move within days or weeks and show whether relationships are forming. At "
               f"the starting plan's networking hours a typical person in the simulation gets "
               f"about {float(week.replies):.1f} replies and {float(week.conversations):.1f} "
               "conversations a week: enough to count, long before any offer."),
        Option("How many connections you have on LinkedIn", False,
               "Collecting contacts is not building relationships: a connection who has never "
               "talked to you will not vouch for you."),
        Option("How many hours you spent searching", False,
               "Hours are effort, not evidence: they tell you what you put in, not whether it "
               "works. Count them, but judge by what they produce."),
    ]
    return MultipleChoice(
        LESSON, "leading-indicators",
        "Which of these is the best weekly sign that your networking is starting to work?",
        options, store)


GROUPS = {"fine": "Fine", "too soon": "Too soon", "pestering": "Pestering"}
SCHEDULES = (
    ("One message, then one follow-up 8 days later", 2, 8),
    ("A message every 2 days until they reply", 6, 2),
    ("Three messages in all, a week apart, then stop", 3, 7),
    ("Six messages, one a week", 6, 7),
    ("A follow-up 3 days after the first message", 2, 3),
    ("Four messages, two weeks apart", 4, 14),
)


def cadence(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort follow-up schedules by lesson 01's contact rule and the practitioner norm."""
    items = []
    for text, messages, days in SCHEDULES:
        judged = model.cadence(messages, days)
        reason = {
            "pestering": "a typical acquaintance tunes you out, or there are more messages "
                         "than the norm allows.",
            "too soon": "it costs little warmth, but it comes sooner than the norm of about a "
                        "week: it reads as pressure.",
            "fine": "within the norm, and most acquaintances stay with you.",
        }[judged.verdict]
        items.append(Item(text, GROUPS[judged.verdict], f"{judged.explain()} So: {reason}"))
    return SortIntoGroups(
        LESSON, "cadence",
        "Someone has not replied to you. Sort these follow-up schedules. 'Pestering': lesson "
        "01's model says a typical acquaintance would tune you out, or it breaks the norm's "
        "count. 'Too soon': it breaks career advisers' norm of about a week apart (a rule of "
        "thumb, not research).", items, list(GROUPS.values()), store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Which part of your plan are you least sure you will keep to, and what will make it "
        "easier (a reminder, a partner, a fixed time in your week)?", store)
