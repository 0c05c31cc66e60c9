"""Your six-week networking plan: what it holds, what to watch out for, what it may do.

A plan has six parts, one per step of lesson 06:

1. the **mix**: hours a week for each search strategy (applications, direct contact, recruiters,
   networking);
2. the **balance**: the share of networking time spent in person or by voice (the rest is
   online), and where you will meet people;
3. the **outreach cadence**: new people contacted a week, follow-ups to someone who has not
   replied, days between messages;
4. the **leading indicators** you will count, and the day you count them;
5. the **switching rule**: how many weeks without a signal before you move time elsewhere;
6. the **setbacks** plan: what you will do after five silent weeks, and who you will tell.

The plan lives in the course's one world (:mod:`netnot.models.world`); nothing here has numbers
of its own:

* :func:`simulate_mix` runs the plan's hours (a :class:`~netnot.models.world.Mix`) in
  :func:`netnot.models.search.simulate` with the world's online share set to 1 - the plan's
  in-person share, as lesson 04 does, beside the same hours spread evenly and all on the plan's
  biggest strategy. Networking's trust is built by hours of conversation, so it matures with the
  hours you give it, not with the calendar.
* :func:`simulate_rule` runs the plan's switching rule (:func:`rule_of`: a
  :class:`~netnot.models.policies.Rule` that judges networking by its early signals if the plan
  counts a leading indicator) next to keeping the mix, as lesson 05 does.
* :func:`cadence` puts the follow-ups through lesson 01's contact rule
  (:func:`netnot.models.contacts.follow_ups`): each further ask within a few weeks costs warmth,
  and an acquaintance whose warmth falls too low tunes you out. It names the practitioner norm
  beside it (:func:`is_pestering`: about a week apart, at most three messages in all; a norm,
  not research).

:func:`advice` checks a plan against the course's lessons, and :func:`save_document` writes it
as a one-page document (Markdown and HTML).
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import numpy as np

from netnot.models import contacts, networking, policies, search
from netnot.models.assumptions import PARAMETERS
from netnot.models.world import NETWORKING, STRATEGIES, Mix, World
from netnot.params import ParameterError, check_choice, check_number, check_whole
from netnot.references import cite

INDICATORS = (
    "replies to my messages",
    "conversations or meetings held",
    "introductions to new people",
    "applications sent",
    "interviews",
    "offers",
)
LEADING = INDICATORS[:3]  # signs that networking is working, long before any offer
MAX_MESSAGES = 3  # first message + 2 follow-ups: practitioner norm, not research
MIN_DAYS_APART = 7  # practitioner norm, not research
QUIET_WEEKS = 5  # the setbacks step: "after five silent weeks"
PLAN_WEEKS = 6
DOCUMENT = "my-networking-plan"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
YOUR_RULE = "your switching rule"
DEFAULT_HOURS = Mix.even(PARAMETERS["hours_per_week"].value).hours  # lesson 04's even mix
DEFAULT_IN_PERSON = round(100 * (1 - PARAMETERS["online_share"].value))  # the world's balance
TEXTS = ("in_person_where", "switch_when", "after_silence", "support")


@dataclass(frozen=True)
class Plan:
    """One learner's plan. Every field has a default so a half-filled plan is still a plan."""

    hours: tuple[float, float, float, float] = DEFAULT_HOURS  # per strategy, a week
    new_contacts: int = 3  # new people contacted a week
    follow_ups: int = 1  # follow-ups to someone who has not replied
    days_between: int = 7  # days between messages to the same person
    in_person_percent: int = DEFAULT_IN_PERSON  # share of networking time in person or by voice
    in_person_where: str = ""  # where you will meet people
    indicators: tuple[str, ...] = ("replies to my messages", "conversations or meetings held")
    review_day: str = "Friday"
    patience: int = 3  # weeks without a signal before a strategy loses hours
    switch_when: str = ""  # in words: what would make you move time elsewhere
    after_silence: str = ""  # what you will do after five silent weeks
    support: str = ""  # who you will tell: your support person

    def __post_init__(self) -> None:
        if not isinstance(self.hours, tuple) or len(self.hours) != len(STRATEGIES):
            raise ParameterError(f"hours must give one number per strategy: {STRATEGIES}")
        for name, value in zip(STRATEGIES, self.hours, strict=True):
            check_number(f"hours a week for {name}", value, 0, 40)
        check_number("total hours a week", sum(self.hours), 0, 60)
        check_whole("new people contacted a week", self.new_contacts, 0, 30)
        check_whole("follow-ups to someone who has not replied", self.follow_ups, 0, 10)
        check_whole("days between messages", self.days_between, 1, 60)
        check_whole("networking time in person (%)", self.in_person_percent, 0, 100)
        for item in self.indicators:
            check_choice("indicator", item, INDICATORS)
        check_choice("review day", self.review_day, DAYS)
        check_whole("weeks before judging a strategy", self.patience, 1, 12)
        for name in TEXTS:
            if not isinstance(getattr(self, name), str):
                raise ParameterError(f"{name.replace('_', ' ')} must be text; "
                                     f"got {getattr(self, name)!r}")

    @property
    def total_hours(self) -> float:
        return float(sum(self.hours))

    @property
    def messages(self) -> int:
        """Messages in all to someone who has not replied: the first one and the follow-ups."""
        return 1 + self.follow_ups

    @property
    def counts_leading(self) -> bool:
        """The plan counts at least one leading indicator (replies, meetings, introductions)."""
        return any(item in LEADING for item in self.indicators)

    def to_dict(self) -> dict:
        """Plain JSON-ready values, for the progress store."""
        data = asdict(self)
        data["hours"], data["indicators"] = list(self.hours), list(self.indicators)
        return data

    @classmethod
    def of(cls, data: object) -> Plan:
        """The plan whose saved values (as :meth:`to_dict` writes them) are ``data``, exactly:
        every entry given, nothing unknown, nothing falling back to a default
        (ParameterError says what is wrong). Exercise 06 reads a handed-in plan this way."""
        if not isinstance(data, dict):
            raise ParameterError("a plan must be a set of named entries")
        names = [item.name for item in fields(cls)]
        unknown = sorted(str(k)[:40] for k in set(data) - set(names))
        missing = [name for name in names if name not in data]
        if unknown or missing:
            raise ParameterError("; ".join(
                ([f"unknown entries: {', '.join(unknown)}"] if unknown else [])
                + ([f"missing entries: {', '.join(missing)}"] if missing else [])))
        values = dict(data)
        for name in ("hours", "indicators"):
            if not isinstance(values[name], list | tuple):
                raise ParameterError(f"{name} must be a list; got {values[name]!r:.60}")
            values[name] = tuple(values[name])
        if len(set(values["indicators"])) != len(values["indicators"]):
            raise ParameterError("an indicator is named twice")
        plan = cls(**values)  # checks every number, choice and text
        whole = ("new_contacts", "follow_ups", "days_between", "in_person_percent", "patience")
        return cls(**{**asdict(plan), **{name: int(values[name]) for name in whole},
                      "hours": tuple(float(h) for h in plan.hours)})

    @classmethod
    def from_dict(cls, data: object) -> Plan:
        """A plan from saved values; anything missing or unusable falls back to the default."""
        plan = cls()
        if not isinstance(data, dict):
            return plan
        for item in fields(cls):
            if item.name not in data:
                continue
            value = data[item.name]
            if item.name in ("hours", "indicators") and isinstance(value, list):
                value = tuple(value)
            try:
                plan = cls(**{**asdict(plan), item.name: value})
            except (ParameterError, TypeError, ValueError):
                continue  # a stale or damaged value: keep the default for that field
        return plan


def plan_problem(data: object) -> str | None:
    """Why ``data`` cannot be read as a plan by :meth:`Plan.of` (None if it can)."""
    try:
        Plan.of(data)
    except (ParameterError, TypeError, ValueError) as problem:
        return str(problem)
    return None


# --- the plan in the world ----------------------------------------------------------------


def online_share(plan: Plan) -> float:
    """The share of networking time online: 1 - the share in person or by voice."""
    return (100 - plan.in_person_percent) / 100


def world_of(plan: Plan, world: World | None = None) -> World:
    """The world with the plan's balance: online share = 1 - the share in person."""
    return (world or World()).changed(online_share=online_share(plan))


def mix_of(plan: Plan) -> Mix:
    return Mix(*plan.hours)


def rule_of(plan: Plan) -> policies.Rule:
    """The plan's switching rule: move half of a strategy's hours after ``patience`` weeks
    without a signal; networking judged by its early signals if the plan counts one."""
    judge = "early signals" if plan.counts_leading else "interviews"
    return policies.Rule(plan.patience, judge, label=YOUR_RULE)


def weekly_signals(plan: Plan, world: World | None = None) -> networking.Week:
    """What a typical week of the plan's networking brings: messages, replies, conversations."""
    return networking.one_week(world_of(plan, world), plan.hours[NETWORKING], online_share(plan))


MIXES = ("your mix", "all on your biggest strategy", "spread evenly")
MOST_ON_ONE = 40.0  # the most hours a week a Mix lets one strategy take


@dataclass(frozen=True)
class MixResult:
    """Share of simulated seekers still without an offer, week by week, for three mixes."""

    weeks: np.ndarray  # 0..horizon
    still_searching: dict[str, np.ndarray]  # mix name -> share still searching at each week
    by_week_6: dict[str, float]  # mix name -> share with an offer by the end of week 6
    hours: tuple[float, ...]
    in_person_percent: int = DEFAULT_IN_PERSON
    biggest: str = STRATEGIES[0]  # the strategy of "all on your biggest strategy"
    on_one_hours: float = 0.0  # its hours: the plan's total, at most MOST_ON_ONE
    results: dict[str, search.SearchResult] = field(default_factory=dict)

    @property
    def horizon(self) -> int:
        return int(self.weeks[-1])


def simulate_mix(plan: Plan, horizon: int = 26, people: int = 10_000, seed: int = 2011,
                 world: World | None = None) -> MixResult:
    """The plan's hours, the same hours all on its biggest strategy, and spread evenly, each
    kept every week by the same simulated people (:func:`netnot.models.search.simulate`, with
    the people and seed lesson 04 uses, so that the same hours give the same numbers)."""
    here = world_of(plan, world)
    total = float(sum(plan.hours))
    biggest = int(np.argmax(plan.hours))
    on_one = Mix.all_on(biggest, min(total, MOST_ON_ONE))
    results = {MIXES[0]: search.simulate(here, mix_of(plan), horizon=horizon, people=people,
                                         seed=seed)}
    for name, mix in zip(MIXES[1:], (on_one, Mix.even(total)), strict=True):
        results[name] = _reference(here, mix, horizon, people, seed)
    return MixResult(np.arange(horizon + 1),
                     {name: r.still_searching() for name, r in results.items()},
                     {name: r.share_by(PLAN_WEEKS) for name, r in results.items()},
                     tuple(plan.hours), plan.in_person_percent, STRATEGIES[biggest],
                     on_one.total, results)


@lru_cache(maxsize=128)
def _reference(world: World, mix: Mix, horizon: int, people: int, seed: int
               ) -> search.SearchResult:
    """A comparison mix (kept between calls: it depends only on the plan's total hours)."""
    return search.simulate(world, mix, horizon=horizon, people=people, seed=seed)


def simulate_rule(plan: Plan, world: World | None = None, *, people: int = 1_000,
                  seed: int = 2011) -> policies.Comparison:
    """The plan's switching rule next to keeping its mix, on the same people, for a year
    (:func:`netnot.models.policies.simulate`; kept between calls)."""
    rule = rule_of(plan)
    return _rules(world_of(plan, world), tuple(plan.hours), rule.patience, rule.judge_by,
                  people, seed)


@lru_cache(maxsize=64)
def _rules(world: World, hours: tuple[float, ...], patience: int, judge_by: str, people: int,
           seed: int) -> policies.Comparison:
    rules = (policies.KEEP, policies.Rule(patience, judge_by, label=YOUR_RULE))
    return policies.simulate(rules, world, Mix(*hours), people=people, seed=seed)


# --- the outreach cadence -----------------------------------------------------------------


def is_pestering(messages_without_reply: int, days_between: int) -> bool:
    """The practitioner norm (not research): more than three messages in all to someone who has
    not replied, or messages less than a week apart, is pestering."""
    return messages_without_reply > MAX_MESSAGES or (
        messages_without_reply > 1 and days_between < MIN_DAYS_APART)


@dataclass(frozen=True)
class Cadence:
    """A follow-up schedule judged by lesson 01's contact rule and by the practitioner norm."""

    verdict: str  # "fine", "too soon" or "pestering"
    model: contacts.FollowUps

    @property
    def messages(self) -> int:
        return self.model.messages

    def explain(self) -> str:
        """What lesson 01's rule does with this schedule, in words."""
        m = self.model
        gap = f"{m.days_between:g} day{'s' if m.days_between != 1 else ''} apart"
        said = f"{m.messages} message{'s' if m.messages > 1 else ''} {gap}"
        if m.messages == 1:
            return f"{said}: one clear ask costs nothing in lesson 01's model."
        lost = 1 - m.typical_warmth / m.ordinary if m.ordinary > 0 else 0.0
        change = (f"a typical acquaintance loses {lost:.0%} of their warmth towards you"
                  + (" and tunes you out" if m.typical_tuned_out else ""))
        return (f"{said}: in lesson 01's model {change}; {m.share_tuned_out:.0%} of "
                "acquaintances (people differ) would tune you out.")


CADENCE_VERDICTS = ("fine", "too soon", "pestering")


def cadence(messages: int, days_between: float, world: World | None = None) -> Cadence:
    """Pestering if a typical acquaintance tunes you out in lesson 01's model or there are more
    messages than the norm allows; too soon if they are closer together than the norm; else
    fine."""
    model = contacts.follow_ups(world, messages, days_between)
    if model.typical_tuned_out or messages > MAX_MESSAGES:
        verdict = "pestering"
    elif messages > 1 and days_between < MIN_DAYS_APART:
        verdict = "too soon"
    else:
        verdict = "fine"
    return Cadence(verdict, model)


NORM = ("career advisers' rule of thumb (a norm, not research): about a week apart, and stop "
        f"after about {MAX_MESSAGES} unanswered messages")


# --- checks against the course ------------------------------------------------------------


def advice(plan: Plan, world: World | None = None) -> list[tuple[bool, str]]:
    """(fine?, message) for each part of the plan, in the order of the lesson's steps."""
    here = world_of(plan, world)
    return [_mix_advice(plan), _balance_advice(plan, here), _cadence_advice(plan, here),
            _indicator_advice(plan, here), _rule_advice(plan), _setbacks_advice(plan)]


def _mix_advice(plan: Plan) -> tuple[bool, str]:
    hours = dict(zip(STRATEGIES, plan.hours, strict=True))
    used = [name for name, value in hours.items() if value > 0]
    if plan.total_hours == 0:
        return False, ("Your mix has no hours yet: give each strategy you will use some hours "
                       "a week.")
    if len(used) == 1:
        return False, (f"All your hours go to {used[0]}. Lesson 04: no single strategy is the "
                       "only option; spread your time over at least two.")
    if hours["networking"] == 0:
        return False, ("No hours for networking: trust is built by hours of conversation, so "
                       "the sooner you give it some hours, the sooner it can pay (lesson 02).")
    return True, f"{plan.total_hours:g} hours a week over {len(used)} strategies."


def _balance_advice(plan: Plan, world: World) -> tuple[bool, str]:
    hours = plan.hours[NETWORKING]
    if hours == 0:
        return True, "No networking hours yet, so there is nothing to balance."
    best = networking.by_online_share(world, hours).best_share
    found = (f"With {hours:g} networking hours a week, lesson 03's simulation builds the most "
             f"trust at about {best:.0%} of the time online.")
    if plan.in_person_percent == 0:
        return False, ("All your networking time is online. Lesson 03: people get to know you "
                       "faster in a conversation than in messages, and some are not on the site "
                       "at all. " + found)
    return True, (f"{plan.in_person_percent}% of your networking time in person or by voice. "
                  + found)


def _cadence_advice(plan: Plan, world: World) -> tuple[bool, str]:
    judged = cadence(plan.messages, plan.days_between, world)
    if judged.verdict == "pestering":
        return False, (f"{judged.explain()} That is pestering: send fewer messages to someone "
                       f"who has not replied. The {NORM}.")
    if judged.verdict == "too soon":
        return False, (f"{judged.explain()} But the messages come sooner than the {NORM}: "
                       "space them out.")
    if plan.new_contacts == 0:
        return False, "You plan to contact nobody new: add at least one person a week."
    return True, (f"{plan.new_contacts} new people a week. {judged.explain()} Within the "
                  f"{NORM}.")


def _indicator_advice(plan: Plan, world: World) -> tuple[bool, str]:
    if not plan.indicators:
        return False, "Choose what you will count each week."
    if not plan.counts_leading:
        return False, ("You only count outcomes. Add a leading indicator (replies, meetings, "
                       "introductions): offers come too late to steer by.")
    text = f"Each {plan.review_day} you count: {', '.join(plan.indicators)}."
    if plan.hours[NETWORKING] > 0:
        week = weekly_signals(plan, world)
        text += (f" With your networking hours, a typical person in the simulation gets about "
                 f"{float(week.replies):.1f} replies and {float(week.conversations):.1f} "
                 "conversations a week.")
    return True, text


def _rule_advice(plan: Plan) -> tuple[bool, str]:
    judge = ("networking by its early signals" if plan.counts_leading else
             "every strategy by interviews only")
    if plan.patience == 1:
        return False, ("Moving time after a single quiet week is rash: most weeks are quiet even "
                       "when a strategy works (lesson 05).")
    if plan.patience > PLAN_WEEKS:
        return False, (f"{plan.patience} weeks is longer than your six-week plan: you would "
                       "never judge a strategy within it.")
    share = rule_of(plan).move
    moved = "half" if share == 0.5 else f"{share:.0%}"
    return True, (f"After {plan.patience} weeks without a signal, a strategy loses {moved} of "
                  f"its hours to your best one; you judge {judge}.")


def _bracketed(key: str) -> str:
    """A reference's short form inside brackets: "Hall (2019)" becomes "Hall, 2019"."""
    return re.sub(r" \((\d{4}[a-z]?)\)$", r", \1", cite(key))


def _setbacks_advice(plan: Plan) -> tuple[bool, str]:
    if not plan.after_silence.strip() or not plan.support.strip():
        return False, (f"Write what you will do after {QUIET_WEEKS} silent weeks and who you will "
                       "tell. In studies of job-search programmes, preparing people for setbacks "
                       f"({_bracketed('caplan1989')}) and enlisting their support "
                       f"({_bracketed('liu2014')}) were part of what helped.")
    return True, (f"After {QUIET_WEEKS} silent weeks you will: {plan.after_silence.strip()} "
                  f"You will tell: {plan.support.strip()}.")


# --- the one-page document -------------------------------------------------------------------


def _list(lines: list[str]) -> list[str]:
    return [f"- {line}" for line in lines]


def to_markdown(plan: Plan, result: MixResult | None = None,
                rule: policies.Comparison | None = None) -> str:
    """The plan as a printable Markdown page (with what the simulation suggests, if given)."""
    lines = ["# My six-week networking plan", "", "## 1. My mix of strategies (hours a week)", ""]
    lines += [f"- {name}: {value:g} h" for name, value in zip(STRATEGIES, plan.hours, strict=True)]
    lines += [f"- **total: {plan.total_hours:g} h**", "", "## 2. Online and in person", "",
              f"- Networking time in person or by voice: {plan.in_person_percent}%"]
    if plan.in_person_where.strip():
        lines.append(f"- Where I will meet people: {plan.in_person_where.strip()}")
    lines += ["", "## 3. My outreach cadence", "",
              f"- New people contacted each week: {plan.new_contacts}",
              f"- Follow-ups to someone who has not replied: {plan.follow_ups}, "
              f"{plan.days_between} days apart; then I stop and stay friendly.",
              "", f"## 4. What I count every {plan.review_day}", ""]
    lines += [f"- {item}" for item in plan.indicators] or ["- (nothing chosen yet)"]
    lines += ["", "## 5. My switching rule", "",
              f"- After {plan.patience} weeks without a signal, I move half of a strategy's "
              "hours to the one doing best."]
    if plan.switch_when.strip():
        lines.append(f"- I move time elsewhere when: {plan.switch_when.strip()}")
    lines += ["", "## 6. When the weeks are quiet", "",
              f"- After {QUIET_WEEKS} silent weeks I will: "
              f"{plan.after_silence.strip() or '(not written yet)'}",
              f"- I will tell: {plan.support.strip() or '(not written yet)'}"]
    lines += ["", "## Checks from the course", ""]
    lines += [f"- {'OK' if fine else 'To fix'}: {text}" for fine, text in advice(plan)]
    if result is not None or rule is not None:
        lines += ["", "## What the simulation suggests", ""]
        lines += _list(simulation_notes(plan, result, rule))
        lines.append("- The numbers in the simulation are assumptions, not predictions for me.")
    return "\n".join(lines) + "\n"


def simulation_notes(plan: Plan, result: MixResult | None = None,
                     rule: policies.Comparison | None = None) -> list[str]:
    """What the simulation says about the plan, in a few sentences."""
    notes = []
    if result is not None:
        mine = result.results["your mix"] if result.results else None
        later = (f" and {mine.share_by(result.horizon):.0%} within {result.horizon} weeks"
                 if mine is not None else "")
        notes.append(
            f"Simulated job seekers with my hours: {result.by_week_6['your mix']:.0%} had a "
            f"first offer within the six weeks{later} (the same hours spread evenly: "
            f"{result.by_week_6['spread evenly']:.0%} within six weeks). Six weeks are for "
            "building and measuring: I judge them by the leading indicators.")
    if plan.hours[NETWORKING] > 0:
        week = weekly_signals(plan)
        notes.append(f"My networking hours bring a typical person about "
                     f"{PLAN_WEEKS * float(week.replies):.0f} replies and "
                     f"{PLAN_WEEKS * float(week.conversations):.0f} conversations in six weeks.")
    if rule is not None:
        notes.append(
            f"My switching rule: {rule.mean_weeks(YOUR_RULE):.1f} weeks searching on average; "
            f"keeping my mix: {rule.mean_weeks(policies.KEEP.label):.1f} weeks.")
    return notes


def to_html(markdown: str) -> str:
    """A small, self-contained HTML page for the Markdown that :func:`to_markdown` writes."""
    body, in_list = [], False
    for line in markdown.splitlines():
        text = html.escape(line.lstrip("#- ").strip()).replace("**", "")
        if line.startswith("- ") and not in_list:
            body.append("<ul>")
            in_list = True
        if not line.startswith("- ") and in_list:
            body.append("</ul>")
            in_list = False
        if line.startswith("# "):
            body.append(f"<h1>{text}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{text}</h2>")
        elif line.startswith("- "):
            body.append(f"<li>{text}</li>")
        elif line.strip():
            body.append(f"<p>{text}</p>")
    if in_list:
        body.append("</ul>")
    style = ("body{font-family:sans-serif;max-width:44em;margin:2em auto;line-height:1.4}"
             "h1{font-size:1.5em}h2{font-size:1.1em;margin-top:1.2em}"
             "@media print{body{margin:0}}")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>My six-week networking plan</title><style>{style}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@dataclass(frozen=True)
class Saved:
    ok: bool
    message: str
    paths: tuple[Path, ...] = field(default_factory=tuple)


def save_document(plan: Plan, folder: str | os.PathLike[str] | None = None,
                  result: MixResult | None = None,
                  write: Callable[[Path, str], None] = write_atomically, *,
                  rule: policies.Comparison | None = None) -> Saved:
    """Write my-networking-plan.md and .html into ``folder`` (default: the notebook's folder)."""
    where = Path(folder) if folder is not None else Path.cwd()
    markdown = to_markdown(plan, result, rule)
    paths = (where / f"{DOCUMENT}.md", where / f"{DOCUMENT}.html")
    try:
        write(paths[0], markdown)
        write(paths[1], to_html(markdown))
    except OSError as error:
        return Saved(False, f"Your plan could not be saved in {where} "
                            f"({error.strerror or error}). Your answers are still kept in the "
                            "notebook's progress file. To get the document, copy the course to a "
                            "folder you can write to, or copy the text below.")
    return Saved(True, f"Saved {paths[0].name} and {paths[1].name} in {where}. Open the .html "
                       "file in a browser to print it or save it as PDF.", paths)
