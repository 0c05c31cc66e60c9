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
