"""Widgets for lesson 06, "Your six-week networking plan"."""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as W

from netnot import course
from netnot.figures.plan import PlanFigure
from netnot.models import plan as model
from netnot.models import switching
from netnot.params import ParameterError
from netnot.progress import ProgressStore
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

LESSON = "06-your-plan"
PLAN_KEY = "plan"
CHECK_KEYS = course.lesson(LESSON).checks
HOURS = ("applications", "direct_contact", "recruiters", "networking")  # slider names
HEAVIEST = dict(applications=15, direct_contact=15, recruiters=15, networking=15)


def run(applications: float, direct_contact: float, recruiters: float,
        networking: float) -> model.MixResult:
    """The mix simulation for these weekly hours."""
    hours = (applications, direct_contact, recruiters, networking)
    return model.simulate_mix(model.Plan(hours=hours))


def summary(result: model.MixResult) -> str:
    mine, even = result.by_week_6["your mix"], result.by_week_6["spread evenly"]
    later = 1 - result.still_searching["your mix"][-1]
    return (f"<b>Your mix: {mine:.0%} of simulated seekers have a first offer by the end of week "
            f"6, {later:.0%} by week {len(result.weeks) - 1}.</b> The same hours spread evenly: "
            f"{even:.0%} by week 6. Most of the payoff comes after the six weeks: judge the plan "
            "by its leading indicators.")


def explorer(plan: model.Plan | None = None) -> Explorer:
    """Four sliders for the weekly hours per strategy, the mix figure and a summary."""
    plan = plan or model.Plan()
    controls = {
        name: slider(f"Hours a week: {label}", float(value), 0, 15, 0.5)
        for name, label, value in zip(HOURS, model.STRATEGIES, plan.hours, strict=True)
    }
    return Explorer(controls, run, PlanFigure(), summary)


class PlanBuilder(W.VBox):
    """The whole plan, step by step. Every entry is saved as you type or choose, and the plan can
    be written as a one-page document beside the notebook."""

    def __init__(self, store: ProgressStore | None = None,
                 folder: str | os.PathLike[str] | None = None) -> None:
        self.store = store or default_store()
        self.folder = Path(folder) if folder is not None else self.store.folder
        saved = model.Plan.from_dict(self.store.get(LESSON, PLAN_KEY))
        wide = {"style": {"description_width": "16em"}, "layout": W.Layout(width="36em")}
        self.mix = explorer(saved)
        self.new_contacts = slider("New people contacted a week", saved.new_contacts, 0, 20, 1)
        self.follow_ups = slider("Follow-ups if no reply", saved.follow_ups, 0, 6, 1)
        self.days_between = slider("Days between messages", saved.days_between, 1, 30, 1)
        self.in_person = slider("Conversations in person or by voice (%)",
                                saved.in_person_percent, 0, 100, 5)
        self.where = W.Text(value=saved.in_person_where, description="Where I will meet people:",
                            placeholder="e.g. alumni evening, meetup, coffee", **wide)
        self.indicators = {
            item: W.Checkbox(value=item in saved.indicators, description=item, indent=False)
            for item in model.INDICATORS
        }
        self.review_day = W.Dropdown(options=model.DAYS, value=saved.review_day,
                                     description="I count them every:", **wide)
        self.patience = slider("Weeks before I judge a strategy", saved.patience, 1, 12, 1)
        self.switch_when = W.Textarea(
            value=saved.switch_when, description="I move time elsewhere when:",
            placeholder="e.g. no replies at all after 15 messages in 3 weeks", **wide)
        self.advice = W.HTML()
        self.advice.add_class("nin-feedback")
        self.rule_note = W.HTML()
        self.error = W.HTML()
        self.error.add_class("nin-error")
        self.status = W.HTML()
        self.status.add_class("nin-feedback")
        self.save_button = W.Button(description="Save my plan as a document", icon="save",
                                    button_style="primary", layout=W.Layout(width="auto"))
        self.save_button.on_click(lambda _: self.save_document())
        for control in self.controls():
            control.observe(self._changed, names="value")
        step = lambda text: W.HTML(f"<h4>{html.escape(text)}</h4>")  # noqa: E731
        super().__init__([
            step("Step 1 · Your mix of strategies"), self.mix,
            step("Step 2 · Your outreach cadence"), self.new_contacts, self.follow_ups,
            self.days_between,
            step("Step 3 · Online and in person"), self.in_person, self.where,
            step("Step 4 · What you will count each week"), *self.indicators.values(),
            self.review_day,
            step("Step 5 · Your switching rule"), self.patience, self.rule_note, self.switch_when,
            step("Checks"), self.advice, self.error, self.save_button, self.status,
        ])
        self.add_class("nin-plan")
        self._show(saved)

    def controls(self) -> list[W.ValueWidget]:
        return [*self.mix.controls.values(), self.new_contacts, self.follow_ups,
                self.days_between, self.in_person, self.where, *self.indicators.values(),
                self.review_day, self.patience, self.switch_when]

    def plan(self) -> model.Plan:
        """The plan as it stands in the controls (ParameterError if a value is refused)."""
        return model.Plan(
            hours=tuple(self.mix.controls[name].value for name in HOURS),
            new_contacts=self.new_contacts.value, follow_ups=self.follow_ups.value,
            days_between=self.days_between.value, in_person_percent=self.in_person.value,
            in_person_where=self.where.value,
            indicators=tuple(item for item, box in self.indicators.items() if box.value),
            review_day=self.review_day.value, patience=self.patience.value,
            switch_when=self.switch_when.value,
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
        self.rule_note.value = rule_note(plan.patience)

    def save_document(self) -> model.Saved:
        """Write my-networking-plan.md and .html beside the notebook; say what happened."""
        try:
            plan = self.plan()
        except ParameterError as problem:
            self.status.value = feedback_html(False, f"Fix this first: {problem}")
            return model.Saved(False, str(problem))
        result = self.mix.result if isinstance(self.mix.result, model.MixResult) else None
        saved = model.save_document(plan, self.folder, result)
        text = "" if saved.ok else f"<pre>{html.escape(model.to_markdown(plan, result))}</pre>"
        self.status.value = feedback_html(True if saved.ok else False, saved.message) + text
        return saved


def advice_html(plan: model.Plan) -> str:
    """The plan's checks, marked with a sign and a word as well as a colour."""
    return "".join(
        f'<div style="border-left:4px solid {"#009E73" if fine else "#D55E00"};padding:2px 8px">'
        f"<b>{'✓ OK' if fine else '⚠ To fix'}:</b> {html.escape(text)}</div>"
        for fine, text in model.advice(plan))


_RULE_CACHE: dict[int, str] = {}


def rule_note(patience: int) -> str:
    """What 'switch after k silent weeks' at your k did in lesson 05's simulation."""
    if patience not in _RULE_CACHE:
        result = switching.simulate(patience=patience)
        mine, rash = result.mean_weeks("after k silent weeks"), result.mean_weeks(
            "every silent week")
        _RULE_CACHE[patience] = (
            f"<i>In lesson 05's simulation, switching after {patience} silent week"
            f"{'s' if patience > 1 else ''} averaged {mine:.1f} weeks of searching; switching "
            f"after every silent week {rash:.1f}; the evidence rule "
            f"{result.mean_weeks('evidence'):.1f}. Count responses, not just silence.</i>")
    return _RULE_CACHE[patience]


def plan_builder(store: ProgressStore | None = None,
                 folder: str | os.PathLike[str] | None = None) -> PlanBuilder:
    return PlanBuilder(store, folder)


def predict(store: ProgressStore | None = None) -> PredictThenReveal:
    """Guess what share of simulated seekers with a sensible mix have an offer within six weeks."""
    result = model.simulate_mix(model.Plan())
    truth = 100 * result.by_week_6["your mix"]
    later = 100 * (1 - result.still_searching["your mix"][-1])

    def reveal(guess: int) -> tuple[bool, str, str]:
        close = abs(guess - truth) <= 10
        headline = (f"you guessed {guess}%. In the simulation below, {truth:.0f}% of seekers with "
                    f"this plan had a first offer within six weeks, and {later:.0f}% within "
                    f"{len(result.weeks) - 1} weeks.")
        why = ("Six weeks are enough to build habits and see leading indicators move (replies, "
               "meetings, introductions), but for most people not enough to judge a plan by "
               "offers. Plan what you will count, so that you can tell in week 4 whether the plan "
               "is working.")
        return close, headline, why

    guess = W.IntSlider(value=50, min=0, max=100, step=5, description="My guess (%):",
                        style={"description_width": "initial"})
    return PredictThenReveal(
        LESSON, "predict-offer-in-six-weeks",
        "Someone spends 10 hours a week on a sensible mix: applications, contacting employers "
        "directly, recruiters and networking. What share of people like them have a first job "
        "offer by the end of six weeks?", guess, reveal, store)


def leading_indicators(store: ProgressStore | None = None) -> MultipleChoice:
    options = [
        Option("The number of offers so far", False,
               "Offers are the outcome you want, but they come late and rarely: by the time they "
               "are zero for six weeks, you have learned little about why."),
        Option("Replies to your messages and conversations held", True,
               "These move within days or weeks and show whether relationships are forming. They "
               "are what you can steer by while offers are still far off."),
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


def cadence(store: ProgressStore | None = None) -> SortIntoGroups:
    """Sort follow-up schedules into fine or pestering, by the course's rule of thumb."""
    fine, pester = "Fine", "Pestering"
    schedules = [
        ("One message, then one follow-up 8 days later", 2, 8),
        ("A message every 2 days until they reply", 6, 2),
        ("Three messages in all, a week apart, then stop", 3, 7),
        ("Six messages, one a week", 6, 7),
        ("A follow-up 3 days after the first message", 2, 3),
    ]
    items = [
        Item(text, pester if model.is_pestering(n, days) else fine,
             f"{n} messages {days} days apart: "
             + ("too many or too close together; people tune out (lesson 01)."
                if model.is_pestering(n, days) else "a polite, spaced reminder."))
        for text, n, days in schedules
    ]
    return SortIntoGroups(
        LESSON, "cadence",
        "Someone has not replied to you. Which of these follow-up schedules are fine, and which "
        "are pestering? (Rule of thumb from career advisers, not research: at most three "
        "messages in all, about a week apart.)", items, [fine, pester], store)


def reflection(store: ProgressStore | None = None) -> Reflection:
    return Reflection(
        LESSON, "reflection",
        "Which part of your plan are you least sure you will keep to, and what will make it "
        "easier (a reminder, a partner, a fixed time in your week)?", store)
