"""Your six-week networking plan: what it holds, what to watch out for, what it may do.

A plan has five parts, one per step of lesson 06:

1. the **mix**: hours a week for each search strategy (applications, direct contact, recruiters,
   networking);
2. the **outreach cadence**: new people contacted a week, follow-ups to someone who has not
   replied, days between messages;
3. the **balance** of conversations held in person (or by voice) rather than in writing online;
4. the **leading indicators** you will count each week;
5. the **switching rule**: how many weeks you give a strategy before you judge it, and what would
   make you move time elsewhere.

:func:`advice` checks a plan against the course's lessons (e.g. pestering, all online, judging
too soon). :func:`simulate_mix` shows what the plan's mix of hours may do, using the chances of
the switching lesson's model (:mod:`netnot.models.switching`), beside the same hours all on one
strategy and spread evenly. :func:`save_document` writes the plan as a one-page document.

Defaults and where they come from:

* follow-ups: at most 2 after the first message, about a week apart: practitioner norms ("follow
  up after about a week, stop after about three unanswered attempts"), not research; the shape
  (a little repetition helps, more wears out) follows Cacioppo & Petty (1979, JPSP).
* HOURS_SCALE = 3 hours, REFERENCE_HOURS = 5 hours: assumption (returns diminish with hours
  put into one strategy in a week, as in the evidence brief's portfolio model 4A).
* networking_rate = 0.25 in the mix simulation: assumption (mature networking about as strong
  as the best other strategy).
* all other defaults: a starting point for the learner to change (assumption).
"""

from __future__ import annotations

import contextlib
import html
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np

from netnot.models import switching
from netnot.params import ParameterError, check_choice, check_number, check_whole

STRATEGIES = switching.STRATEGIES
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
DOCUMENT = "my-networking-plan"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Plan:
    """One learner's plan. Every field has a default so a half-filled plan is still a plan."""

    hours: tuple[float, float, float, float] = (3.0, 2.0, 1.0, 4.0)  # per strategy, a week
    new_contacts: int = 3  # new people contacted a week
    follow_ups: int = 1  # follow-ups to someone who has not replied
    days_between: int = 7  # days between messages to the same person
    in_person_percent: int = 50  # share of conversations held in person or by voice
    in_person_where: str = ""  # where you will meet people
    indicators: tuple[str, ...] = ("replies to my messages", "conversations or meetings held")
    review_day: str = "Friday"
    patience: int = 3  # weeks a strategy gets before it is judged
    switch_when: str = ""  # in words: what would make you move time elsewhere

    def __post_init__(self) -> None:
        if len(self.hours) != len(STRATEGIES):
            raise ParameterError(f"hours must give one number per strategy: {STRATEGIES}")
        for name, value in zip(STRATEGIES, self.hours, strict=True):
            check_number(f"hours a week for {name}", value, 0, 40)
        check_number("total hours a week", sum(self.hours), 0, 60)
        check_whole("new people contacted a week", self.new_contacts, 0, 30)
        check_whole("follow-ups to someone who has not replied", self.follow_ups, 0, 10)
        check_whole("days between messages", self.days_between, 1, 60)
        check_whole("conversations in person (%)", self.in_person_percent, 0, 100)
        for item in self.indicators:
            check_choice("indicator", item, INDICATORS)
        check_choice("review day", self.review_day, DAYS)
        check_whole("weeks before judging a strategy", self.patience, 1, 12)

    @property
    def total_hours(self) -> float:
        return float(sum(self.hours))

    def to_dict(self) -> dict:
        """Plain JSON-ready values, for the progress store."""
        data = asdict(self)
        data["hours"], data["indicators"] = list(self.hours), list(self.indicators)
        return data

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


def is_pestering(messages_without_reply: int, days_between: int) -> bool:
    """True if messages to someone who has not replied are too many or too close together."""
    return messages_without_reply > MAX_MESSAGES or (
        messages_without_reply > 1 and days_between < MIN_DAYS_APART)


def advice(plan: Plan) -> list[tuple[bool, str]]:
    """(fine?, message) for each part of the plan, in the order of the lesson's steps."""
    notes: list[tuple[bool, str]] = []
    hours = dict(zip(STRATEGIES, plan.hours, strict=True))
    used = [name for name, value in hours.items() if value > 0]
    if plan.total_hours == 0:
        notes.append((False, "Your mix has no hours yet: give each strategy you will use some "
                             "hours a week."))
    elif len(used) == 1:
        notes.append((False, f"All your hours go to {used[0]}. Lesson 04: no single strategy is "
                             "the only option; spread your time over at least two."))
    elif hours["networking"] == 0:
        notes.append((False, "No hours for networking: it matures slowly, so start it now, even "
                             "with an hour or two a week (lesson 02)."))
    else:
        notes.append((True, f"{plan.total_hours:g} hours a week over {len(used)} strategies."))

    messages = 1 + plan.follow_ups
    if is_pestering(messages, plan.days_between):
        notes.append((False, f"{messages} messages {plan.days_between} days apart to someone who "
                             "has not replied is pestering (lesson 01). Send at most "
                             f"{MAX_MESSAGES} in all, about a week apart."))
    elif plan.new_contacts == 0:
        notes.append((False, "You plan to contact nobody new: add at least one person a week."))
    else:
        notes.append((True, f"{plan.new_contacts} new people a week, at most {messages} "
                            f"messages each, {plan.days_between} days apart."))

    if plan.in_person_percent == 0:
        notes.append((False, "All your conversations are in writing online. Lesson 03: requests "
                             "made in person or by voice are granted far more often."))
    else:
        notes.append((True, f"{plan.in_person_percent}% of your conversations in person or by "
                            "voice."))

    leading = [x for x in plan.indicators if x in LEADING]
    if not plan.indicators:
        notes.append((False, "Choose what you will count each week."))
    elif not leading:
        notes.append((False, "You only count outcomes. Add a leading indicator (replies, "
                             "meetings, introductions): offers come too late to steer by."))
    else:
        notes.append((True, f"Each {plan.review_day} you count: {', '.join(plan.indicators)}."))

    if plan.patience == 1:
        notes.append((False, "Judging a strategy after one week is rash: most weeks are silent "
                             "even when a strategy works (lesson 05)."))
    elif plan.patience > 6:
        notes.append((False, f"{plan.patience} weeks is longer than your six-week plan: you "
                             "would never judge a strategy within it."))
    else:
        notes.append((True, f"You judge a strategy after {plan.patience} weeks, on its leading "
                            "indicators."))
    return notes


@dataclass(frozen=True)
class MixResult:
    """Share of simulated seekers still without an offer, week by week, for three mixes."""

    weeks: np.ndarray  # 0..horizon
    still_searching: dict[str, np.ndarray]  # mix name -> share still searching at each week
    by_week_6: dict[str, float]  # mix name -> share with an offer by the end of week 6
    hours: tuple[float, ...]


HOURS_SCALE = 3.0  # assumption: hours at which a strategy gives ~63% of what it can in a week
REFERENCE_HOURS = 5.0  # assumption: "a week on one strategy" in lesson 05 means about 5 hours


def weekly_offer_chance(hours: np.ndarray, rates: np.ndarray, weeks: int,
                        maturing_weeks: float, offer_chance: float) -> np.ndarray:
    """(weeks, seekers): chance of a first offer in each week for one mix of hours."""
    effort = (1 - np.exp(-hours / HOURS_SCALE)) / (1 - np.exp(-REFERENCE_HOURS / HOURS_SCALE))
    week = np.arange(1, weeks + 1)[:, None]
    maturity = 1 - np.exp(-week / maturing_weeks) if maturing_weeks > 0 else np.ones_like(week)
    none = np.ones((weeks, rates.shape[0]))
    for arm in range(len(STRATEGIES)):
        chance = np.minimum(rates[:, arm] * effort[arm], 0.95) * offer_chance
        if arm == switching.NETWORKING:
            chance = chance * maturity
        none = none * (1 - chance)
    return 1 - none


def simulate_mix(plan: Plan, horizon: int = 26, seekers: int = 3_000,
                 seed: int = 2011) -> MixResult:
    """Your mix of hours against the same hours all on your biggest strategy and spread evenly.

    Every week each seeker spends their hours on all strategies of the mix at once; returns
    diminish with hours in one strategy (``HOURS_SCALE``); networking matures as in lesson 05.
    Each seeker's chances come from lesson 05's model (:func:`switching.personal_rates`)."""
    d = {**switching.DEFAULTS, **SIMULATION}
    rng = np.random.default_rng(seed)
    rates = switching.personal_rates(d["response_rate"], d["networking_rate"], d["spread"],
                                     seekers, rng)
    own = np.asarray(plan.hours, dtype=float)
    total = own.sum()
    single = np.zeros_like(own)
    single[int(own.argmax())] = total
    mixes = {"your mix": own, "all on your biggest strategy": single,
             "spread evenly": np.full_like(own, total / len(own))}
    still, by_6 = {}, {}
    for name, hours in mixes.items():
        chance = weekly_offer_chance(hours, rates, horizon, d["maturing_weeks"], d["offer_chance"])
        searching = np.cumprod(1 - chance, axis=0).mean(axis=1)
        still[name] = np.concatenate([[1.0], searching])
        by_6[name] = float(1 - still[name][min(6, horizon)])
    return MixResult(np.arange(horizon + 1), still, by_6, tuple(plan.hours))


SIMULATION = dict(networking_rate=0.25)  # assumption: mature networking about as strong as
# the best other strategy, so that no single strategy wins for everyone


# --- the one-page document -------------------------------------------------------------------

def to_markdown(plan: Plan, result: MixResult | None = None) -> str:
    """The plan as a printable Markdown page."""
    lines = ["# My six-week networking plan", "", "## 1. My mix of strategies (hours a week)", ""]
    lines += [f"- {name}: {value:g} h" for name, value in zip(STRATEGIES, plan.hours, strict=True)]
    lines += [f"- **total: {plan.total_hours:g} h**", "", "## 2. My outreach cadence", "",
              f"- New people contacted each week: {plan.new_contacts}",
              f"- Follow-ups to someone who has not replied: {plan.follow_ups}, "
              f"{plan.days_between} days apart; then I stop and stay friendly.",
              "", "## 3. Online and in person", "",
              f"- Conversations in person or by voice: {plan.in_person_percent}%"]
    if plan.in_person_where.strip():
        lines.append(f"- Where I will meet people: {plan.in_person_where.strip()}")
    lines += ["", f"## 4. What I count every {plan.review_day}", ""]
    lines += [f"- {item}" for item in plan.indicators] or ["- (nothing chosen yet)"]
    lines += ["", "## 5. My switching rule", "",
              f"- I give each strategy {plan.patience} weeks before I judge it, on the counts "
              "above."]
    if plan.switch_when.strip():
        lines.append(f"- I move time elsewhere when: {plan.switch_when.strip()}")
    lines += ["", "## Checks from the course", ""]
    lines += [f"- {'OK' if fine else 'To fix'}: {text}" for fine, text in advice(plan)]
    if result is not None:
        mine, even = result.still_searching["your mix"], result.still_searching["spread evenly"]
        lines += ["", "## What the simulation suggests", "",
                  f"- Simulated seekers with my mix: {result.by_week_6['your mix']:.0%} had a "
                  f"first offer within the six weeks and {1 - mine[-1]:.0%} within "
                  f"{len(mine) - 1} weeks (the same hours spread evenly: {1 - even[-1]:.0%}). "
                  "Six weeks are for building and measuring: judge them by the leading "
                  "indicators.",
                  "- The chances in the simulation are assumptions, not predictions for me."]
    return "\n".join(lines) + "\n"


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
                  write: Callable[[Path, str], None] = write_atomically) -> Saved:
    """Write my-networking-plan.md and .html into ``folder`` (default: the notebook's folder)."""
    where = Path(folder) if folder is not None else Path.cwd()
    markdown = to_markdown(plan, result)
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
