"""The answer widgets: a number box, a choice, a ranking and a text box.

Each one starts unanswered (an empty box, no option picked, no place filled), so a widget left as
it came never gives an answer. It reads what the learner typed or picked into a plain value
(:attr:`AnswerBox.value`, None while unanswered), says in plain words what it understood, and calls
back when that value changes. Saving is not its job: see :mod:`netnot.answers.sheet`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as W

from netnot.answers.record import part_label

NUMBER = re.compile(r"^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(?:%|[^\d\s.,+-][^\d]*)?\s*$")
WIDE = W.Layout(width="auto")


def read_number(text: str) -> tuple[float | None, str]:
    """The number in ``text`` ("12", "12.5", "12,5", "40 %", "11 weeks"), and what to tell the
    learner; (None, advice) if there is none."""
    if not text.strip():
        return None, "Not answered yet."
    found = NUMBER.match(text)
    if not found:
        return None, "That isn't a number yet: type digits, like 12 or 12.5."
    return float(found.group(1).replace(",", ".")), ""


class AnswerBox(W.VBox):
    """A question's prompt, the control that answers it, and a line of feedback."""

    kind = ""

    def __init__(self, part: str, prompt: str, control: W.DOMWidget) -> None:
        self.part = part
        self.control = control
        self.prompt = W.HTML(f"<b>{html.escape(prompt)}</b>")
        self.status = W.HTML()
        self.status.add_class("netnot-answer-status")
        self._callbacks: list[Callable[[Any], None]] = []
        self._quiet = False
        super().__init__([self.prompt, control, self.status])
        self.add_class("netnot-answer")
        self.add_class(f"netnot-answer-{part}")

    def __repr__(self) -> str:  # what formgrader and feedback pages show instead of the widget
        return f"Answer box for {part_label(self.part)}"

    @property
    def value(self) -> Any:
        raise NotImplementedError

    def on_answer(self, callback: Callable[[Any], None]) -> None:
        """Call ``callback(value)`` whenever the learner changes the answer."""
        self._callbacks.append(callback)

    def show(self, value: Any) -> None:
        """Put ``value`` (a saved answer, or one given in code) into the control."""
        self._quiet = True
        try:
            self._show(value)
        finally:
            self._quiet = False

    def say(self, text: str) -> None:
        self.status.value = f"<i>{html.escape(text, quote=False)}</i>" if text else ""

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _changed(self, _change: dict[str, Any] | None = None) -> None:
        if self._quiet:
            return
        for callback in self._callbacks:
            callback(self.value)


class NumberBox(AnswerBox):
    """A box for one number, read off an explorer or counted by hand."""

    kind = "number"

    def __init__(self, part: str, prompt: str, unit: str = "") -> None:
        box = W.Text(value="", placeholder="type a number", continuous_update=False,
                     layout=W.Layout(width="12em"))
        self.box = box
        row = W.HBox([box, W.HTML(html.escape(unit))]) if unit else box
        super().__init__(part, prompt, row)
        self.unit = unit
        box.observe(self._changed, names="value")

    @property
    def value(self) -> float | None:
        return read_number(self.box.value)[0]

    def _show(self, value: Any) -> None:
        self.box.value = "" if value is None else f"{value:g}"

    def _changed(self, change: dict[str, Any] | None = None) -> None:
        self.say(read_number(self.box.value)[1])
        super()._changed(change)


class ChoiceBox(AnswerBox):
    """Pick one option. ``options`` maps a short key (what is saved) to the text shown."""

    kind = "choice"

    def __init__(self, part: str, prompt: str, options: dict[str, str]) -> None:
        self.options = dict(options)
        self.buttons = W.RadioButtons(options=[(text, key) for key, text in options.items()],
                                      value=None, layout=WIDE)
        super().__init__(part, prompt, self.buttons)
        self.buttons.observe(self._changed, names="value")

    @property
    def value(self) -> str | None:
        return self.buttons.value

    def _show(self, value: Any) -> None:
        self.buttons.value = value if value in self.options else None


class RankingBox(AnswerBox):
    """Put items in order: one drop-down per place, each item used once."""

    kind = "ranking"
    EMPTY = "— choose —"

    def __init__(self, part: str, prompt: str, items: dict[str, str],
                 places: list[str] | None = None) -> None:
        self.items = dict(items)
        names = places or [f"{n}." for n in range(1, len(items) + 1)]
        choices = [(self.EMPTY, "")] + [(text, key) for key, text in items.items()]
        self.places = [W.Dropdown(options=choices, value="", description=name, layout=WIDE,
                                  style={"description_width": "initial"}) for name in names]
        super().__init__(part, prompt, W.VBox(self.places))
        for place in self.places:
            place.observe(self._changed, names="value")

    @property
    def value(self) -> list[str] | None:
        order = [p.value for p in self.places]
        return order if all(order) and len(set(order)) == len(order) else None

    def _show(self, value: Any) -> None:
        order = value if isinstance(value, list) else []
        for place, key in zip(self.places, order + [""] * len(self.places), strict=False):
            place.value = key if key in self.items else ""

    def _changed(self, change: dict[str, Any] | None = None) -> None:
        order = [p.value for p in self.places]
        if len({k for k in order if k}) < len([k for k in order if k]):
            self.say("Each item goes in one place only: one of them is used twice.")
        elif not all(order):
            self.say("Not answered yet: fill every place.")
        else:
            self.say("")
        super()._changed(change)


class TextBox(AnswerBox):
    """A written answer, several sentences long."""

    kind = "text"

    def __init__(self, part: str, prompt: str, placeholder: str = "Type your answer here") -> None:
        self.text = W.Textarea(value="", placeholder=placeholder, continuous_update=True,
                               layout=W.Layout(width="100%", height="10em"))
        super().__init__(part, prompt, self.text)
        self.text.observe(self._changed, names="value")

    @property
    def value(self) -> str | None:
        return self.text.value if self.text.value.strip() else None

    def _show(self, value: Any) -> None:
        self.text.value = value if isinstance(value, str) else ""

    def _changed(self, change: dict[str, Any] | None = None) -> None:
        words = len(self.text.value.split())
        self.say(f"{words} word{'s' if words != 1 else ''}." if words else "Not answered yet.")
        super()._changed(change)


class ChoicesBox(AnswerBox):
    """Tick every option that applies. ``options`` maps a key (what is saved) to the text shown;
    the answer is the ticked keys, sorted (None while nothing is ticked)."""

    kind = "choices"

    def __init__(self, part: str, prompt: str, options: dict[str, str]) -> None:
        self.options = dict(options)
        self.ticks = {key: W.Checkbox(value=False, description=text, indent=False, layout=WIDE)
                      for key, text in options.items()}
        super().__init__(part, prompt, W.VBox(list(self.ticks.values())))
        for tick in self.ticks.values():
            tick.observe(self._changed, names="value")

    @property
    def value(self) -> list[str] | None:
        ticked = sorted(key for key, tick in self.ticks.items() if tick.value)
        return ticked or None

    def _show(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for key, tick in self.ticks.items():
            tick.value = key in chosen

    def _changed(self, change: dict[str, Any] | None = None) -> None:
        count = len(self.value or [])
        self.say(f"{count} ticked." if count else "Not answered yet: tick at least one.")
        super()._changed(change)


class RangeBox(AnswerBox):
    """A range: two numbers, from … to … (the answer is [low, high] once both are given and
    low is not above high)."""

    kind = "range"

    def __init__(self, part: str, prompt: str, unit: str = "", names: tuple[str, str] = (
            "from", "to")) -> None:
        def box(name: str) -> W.Text:
            return W.Text(value="", placeholder="a number", description=name,
                          continuous_update=False, layout=W.Layout(width="14em"),
                          style={"description_width": "initial"})

        self.low, self.high = box(names[0]), box(names[1])
        parts: list[W.Widget] = [self.low, self.high]
        if unit:
            parts.append(W.HTML(html.escape(unit)))
        super().__init__(part, prompt, W.HBox(parts))
        self.unit = unit
        for field in (self.low, self.high):
            field.observe(self._changed, names="value")

    @property
    def value(self) -> list[float] | None:
        low, high = read_number(self.low.value)[0], read_number(self.high.value)[0]
        return [low, high] if low is not None and high is not None and low <= high else None

    def _show(self, value: Any) -> None:
        low, high = value if isinstance(value, list) and len(value) == 2 else ("", "")
        self.low.value = "" if low == "" else f"{low:g}"
        self.high.value = "" if high == "" else f"{high:g}"

    def _changed(self, change: dict[str, Any] | None = None) -> None:
        low, high = read_number(self.low.value), read_number(self.high.value)
        if low[0] is None or high[0] is None:
            self.say(low[1] if low[0] is None and self.low.value.strip() else
                     high[1] if high[0] is None and self.high.value.strip() else
                     "Not answered yet: give both ends of the range.")
        elif low[0] > high[0]:
            self.say("The first number should not be larger than the second.")
        else:
            self.say("")
        super()._changed(change)


def _choose(control: W.Dropdown, value: Any) -> None:
    """Show ``value`` in a drop-down, or "— choose —" if it is not one of its options."""
    control.value = value if value in [v for _, v in control.options] else None


def _pick(description: str, options: list[tuple[str, Any]], width: str = "auto") -> W.Dropdown:
    """A drop-down that starts on "— choose —" (no value)."""
    return W.Dropdown(options=[("— choose —", None), *options], value=None,
                      description=description, layout=W.Layout(width=width),
                      style={"description_width": "initial"})


class RuleBox(AnswerBox):
    """A switching rule as lesson 05 builds one: after ``patience`` weeks without a signal, half
    of a strategy's hours move to the best one; networking judged by interviews or by its early
    signals. The answer is {"patience": k, "judge_by": ...} once both are chosen."""

    kind = "rule"
    JUDGED = {"interviews": "only interviews",
              "early signals": "its early signals: replies and conversations (and interviews)"}

    def __init__(self, part: str, prompt: str, most: int = 12) -> None:
        self.patience = _pick("k: weeks without a signal before moving hours:",
                              [(f"{k} week{'s' if k > 1 else ''}", k)
                               for k in range(1, most + 1)])
        self.judge_by = W.RadioButtons(options=[(text, key) for key, text in self.JUDGED.items()],
                                       value=None, layout=WIDE)
        label = W.HTML("Networking counts as working when it brings:")
        super().__init__(part, prompt, W.VBox([self.patience, label, self.judge_by]))
        for control in (self.patience, self.judge_by):
            control.observe(self._changed, names="value")

    @property
    def value(self) -> dict | None:
        if self.patience.value is None or self.judge_by.value is None:
            return None
        return {"patience": int(self.patience.value), "judge_by": self.judge_by.value}

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        _choose(self.patience, value.get("patience"))
        self.judge_by.value = value.get("judge_by") if value.get("judge_by") in self.JUDGED \
            else None

    def _changed(self, change: dict[str, Any] | None = None) -> None:
        missing = [name for name, control in (("k", self.patience),
                                              ("what counts for networking", self.judge_by))
                   if control.value is None]
        self.say(f"Not answered yet: choose {' and '.join(missing)}." if missing else "")
        super()._changed(change)


class PlanBox(AnswerBox):
    """A six-week plan, as lesson 06's builder holds one (:class:`netnot.models.plan.Plan`).

    Hours start at 0 and every choice at "— choose —", so the plan is not answered until the
    learner has given hours and made every choice; texts are optional. The answer is the plan's
    saved values (:meth:`~netnot.models.plan.Plan.to_dict`)."""

    kind = "plan"
    CHOICES = ("in_person_percent", "new_contacts", "follow_ups", "days_between", "review_day",
               "patience")
    WORDS = {"in_person_percent": "the share in person", "new_contacts": "new people a week",
             "follow_ups": "follow-ups", "days_between": "days between messages",
             "review_day": "the day you count", "patience": "weeks before you move time"}

    def __init__(self, part: str, prompt: str) -> None:
        from netnot.models import plan as model
        from netnot.models.world import STRATEGIES

        self.model = model
        wide = {"layout": W.Layout(width="40em"), "style": {"description_width": "16em"}}

        def hours(name: str) -> W.FloatSlider:
            control = W.FloatSlider(value=0, min=0, max=15, step=0.5, description=name,
                                    continuous_update=False,
                                    style={"description_width": "16em"},
                                    layout=W.Layout(width="40em"))
            return control

        def text(description: str, placeholder: str) -> W.Text:
            return W.Text(value="", description=description, placeholder=placeholder, **wide)

        self.hours = [hours(f"Hours a week: {name}") for name in STRATEGIES]
        self.choices = {
            "in_person_percent": _pick("Networking time in person or by voice:",
                                       [(f"{p}%", p) for p in range(0, 101, 5)]),
            "new_contacts": _pick("New people contacted a week:", [(str(n), n)
                                                                   for n in range(21)]),
            "follow_ups": _pick("Follow-ups to someone who has not replied:",
                                [(str(n), n) for n in range(7)]),
            "days_between": _pick("Days between messages to the same person:",
                                  [(str(n), n) for n in range(1, 31)]),
            "review_day": _pick("I count my indicators every:", [(d, d) for d in model.DAYS]),
            "patience": _pick("Weeks without a signal before I move time:",
                              [(str(n), n) for n in range(1, 13)]),
        }
        self.indicators = {item: W.Checkbox(value=False, description=item, indent=False,
                                            layout=WIDE) for item in model.INDICATORS}
        self.texts = {
            "in_person_where": text("Where I will meet people:", "e.g. alumni evening, meetup"),
            "switch_when": text("I move time elsewhere when:",
                                "e.g. no replies at all after 15 messages in 3 weeks"),
            "after_silence": text(f"After {model.QUIET_WEEKS} silent weeks I will:",
                                  "e.g. ask a former colleague to look at my CV"),
            "support": text("I will tell:", "e.g. my sister, my adviser"),
        }
        c, t = self.choices, self.texts

        def step(words: str) -> W.HTML:
            return W.HTML(f"<b>{html.escape(words)}</b>")

        form = W.VBox([
            step("1 · Your mix of strategies"), *self.hours,
            step("2 · Online and in person"), c["in_person_percent"], t["in_person_where"],
            step("3 · Your outreach cadence"), c["new_contacts"], c["follow_ups"],
            c["days_between"],
            step("4 · What you will count each week"), *self.indicators.values(),
            c["review_day"],
            step("5 · Your switching rule"), c["patience"], t["switch_when"],
            step("6 · When the weeks are quiet"), t["after_silence"], t["support"],
        ])
        super().__init__(part, prompt, form)
        for control in self.controls():
            control.observe(self._changed, names="value")

    def controls(self) -> list[W.ValueWidget]:
        return [*self.hours, *self.choices.values(), *self.indicators.values(),
                *self.texts.values()]

    def values(self) -> dict[str, Any]:
        """Everything in the form, chosen or not (None for a choice not made yet)."""
        return {"hours": [float(h.value) for h in self.hours],
                **{name: control.value for name, control in self.choices.items()},
                "indicators": [item for item, box in self.indicators.items() if box.value],
                **{name: control.value for name, control in self.texts.items()}}

    def problem(self) -> str:
        """What is still missing or not allowed ("" once the plan is complete)."""
        values = self.values()
        missing = [self.WORDS[name] for name in self.CHOICES if values[name] is None]
        if sum(values["hours"]) <= 0:
            missing.insert(0, "some hours a week")
        if missing:
            return "Not answered yet: still to choose " + ", ".join(missing) + "."
        try:
            self.model.Plan.of(values)
        except ValueError as error:  # ParameterError: a value the plan does not allow
            return f"This plan is not complete yet: {error}."
        return ""

    @property
    def value(self) -> dict | None:
        if self.problem():
            return None
        return self.model.Plan.of(self.values()).to_dict()

    def _show(self, value: Any) -> None:
        try:
            plan = self.model.Plan.of(value)
        except (ValueError, TypeError):
            plan = None
        data = plan.to_dict() if plan is not None else {}
        for control, hours in zip(self.hours, data.get("hours", [0.0] * len(self.hours)),
                                  strict=True):
            control.value = hours
        for name, control in self.choices.items():
            _choose(control, data.get(name))
        for item, box in self.indicators.items():
            box.value = item in data.get("indicators", [])
        for name, control in self.texts.items():
            control.value = data.get(name, "")

    def _changed(self, change: dict[str, Any] | None = None) -> None:
        self.say(self.problem())
        super()._changed(change)
