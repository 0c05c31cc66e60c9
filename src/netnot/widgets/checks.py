"""Formative checks: instant feedback with an explanation, saved so that nothing is lost.

Each check stores the learner's answer in the lesson's :class:`~netnot.progress.ProgressStore`
and shows it again when the notebook is reopened. The correct answers live in the lesson's
widget module, not in the notebook's text.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as W

from netnot.progress import ProgressStore
from netnot.widgets.style import stylesheet

_STORE: ProgressStore | None = None


def default_store() -> ProgressStore:
    """The progress file in the notebook's folder (the kernel's working directory)."""
    global _STORE
    if _STORE is None:
        _STORE = ProgressStore()
    return _STORE


def feedback_html(correct: bool | None, headline: str, why: str = "") -> str:
    """A feedback box that does not rely on colour alone (✓ / ✗ / • and a word)."""
    mark, word, colour = {
        True: ("✓", "Correct", "#009E73"),
        False: ("✗", "Not quite", "#D55E00"),
        None: ("•", "Noted", "#0072B2"),
    }[correct]
    body = f"<br>{html.escape(why)}" if why else ""
    return (
        f'<div role="status" style="border-left:4px solid {colour};padding:4px 8px">'
        f"<b>{mark} {word}:</b> {html.escape(headline)}{body}</div>"
    )


class Check(W.VBox):
    """Common parts: a question, a button, a feedback area and saving."""

    def __init__(
        self, lesson: str, key: str, question: str, store: ProgressStore | None = None
    ) -> None:
        self.lesson, self.key = lesson, key
        self.store = store or default_store()
        self.question = W.HTML(f"<b>{html.escape(question)}</b>")
        self.button = W.Button(description="Check", button_style="primary", icon="check")
        self.feedback = W.HTML()
        self.feedback.add_class("nin-feedback")
        self.warning = W.HTML()
        self.warning.add_class("nin-warning")
        self.button.on_click(lambda _: self.check())
        super().__init__()
        self.add_class("nin-check")

    def save(self, value: Any) -> None:
        self.store.set(self.lesson, self.key, value)
        self.show_store_message()

    def saved(self) -> Any:
        value = self.store.get(self.lesson, self.key)
        self.show_store_message()
        return value

    def show_store_message(self) -> None:
        message = self.store.message
        self.warning.value = f"<i>⚠ {html.escape(message)}</i>" if message else ""

    def check(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


class MultipleChoice(Check):
    """Pick one option; the feedback explains why it is or is not right."""

    def __init__(
        self,
        lesson: str,
        key: str,
        question: str,
        options: list[Option],
        store: ProgressStore | None = None,
    ) -> None:
        super().__init__(lesson, key, question, store)
        self.options = options
        self.choice = W.RadioButtons(
            options=[o.text for o in options], value=None, description="Your answer:",
            style={"description_width": "initial"}, layout=W.Layout(width="auto"),
        )
        self.children = [self.question, self.choice, self.button, self.feedback, self.warning,
                         stylesheet()]
        previous = self.saved()
        if isinstance(previous, dict) and previous.get("answer") in self.choice.options:
            self.choice.value = previous["answer"]
            self.check(save=False)

    def check(self, save: bool = True) -> None:
        picked = next((o for o in self.options if o.text == self.choice.value), None)
        if picked is None:
            self.feedback.value = feedback_html(None, "Pick an answer first, then press Check.")
            return
        if save:  # saved first: when the feedback shows, the answer is on disk
            self.save({"answer": picked.text, "correct": picked.correct})
        headline = "that's right." if picked.correct else "have another look."
        self.feedback.value = feedback_html(picked.correct, headline, picked.why)


PLACEHOLDER = "— choose —"
NOT_CHOSEN = "not chosen yet"


def reveal_html(guess: str, headline: str, why: str = "") -> str:
    """A prediction's reveal: the guess acknowledged and set beside the evidence; never a mark."""
    said = f"You guessed: {html.escape(guess)}. " if guess else ""
    body = f"<br>{html.escape(why)}" if why else ""
    return (
        '<div role="status" class="nin-reveal" style="border-left:4px solid #0072B2;'
        f'padding:4px 8px"><b>🔒 Locked in.</b> {said}{html.escape(headline)}{body}</div>'
    )


def note_html(text: str) -> str:
    """A neutral prompt (nothing has been judged)."""
    return f'<div role="status" class="nin-note">{html.escape(text)}</div>'


class PredictThenReveal(Check):
    """Commit to a prediction with a control, then see what the evidence or the model says.

    The prediction starts unanswered, so that no value on screen anchors the guess: a dropdown
    starts on "— choose —", a slider at its low end with the readout "not chosen yet" until it
    is moved. The reveal acknowledges the guess and sets it beside the evidence; it is never
    marked right or wrong (``reveal``'s first value is saved, not shown).
    """

    def __init__(
        self,
        lesson: str,
        key: str,
        question: str,
        control: W.ValueWidget,
        reveal: Callable[[Any], tuple[bool | None, str, str]],
        store: ProgressStore | None = None,
    ) -> None:
        super().__init__(lesson, key, question, store)
        self.control, self.reveal = control, reveal
        self.button.description = "Lock in and reveal"
        self.button.icon = "lock"
        self.readout: W.Label | None = None
        self.chosen = False
        shown = self._start_unanswered(control)
        control.observe(self._touched, names="value")
        self.children = [self.question, shown, self.button, self.feedback, self.warning,
                         stylesheet()]
        previous = self.saved()
        if isinstance(previous, dict) and "prediction" in previous:
            try:
                self.control.value = previous["prediction"]
            except Exception:  # noqa: BLE001 - a stale saved value must never break the lesson
                return
            self._touched()
            self.check(save=False)

    @property
    def is_selection(self) -> bool:
        return isinstance(self.control, W.widgets.widget_selection._Selection)

    def _start_unanswered(self, control: W.ValueWidget) -> W.Widget:
        """Put the control on no answer; return what to show (the control, maybe a readout)."""
        if self.is_selection:
            if PLACEHOLDER not in control.options:
                control.options = (PLACEHOLDER, *control.options)
            control.value = PLACEHOLDER
            return control
        if hasattr(control, "min") and hasattr(control, "readout"):
            control.value = control.min
            control.readout = False
            self.readout = W.Label(NOT_CHOSEN)
            self.readout.add_class("nin-readout")
            box = W.HBox([control, self.readout])
            box.add_class("nin-prediction")
            return box
        return control

    def _touched(self, _change: dict[str, Any] | None = None) -> None:
        self.chosen = not (self.is_selection and self.control.value == PLACEHOLDER)
        if self.readout is not None:
            self.readout.value = f"{self.control.value:g}" if self.chosen else NOT_CHOSEN

    def check(self, save: bool = True) -> None:
        if not self.chosen:
            ask = ("Choose your guess first" if self.is_selection else
                   "Move the slider to your guess first")
            self.feedback.value = note_html(f"{ask}, then press Lock in and reveal.")
            return
        prediction = self.control.value
        close, headline, why = self.reveal(prediction)
        guess = str(prediction) if self.is_selection else ""
        if save:  # saved first: when the reveal shows, the prediction is on disk
            first = (self.saved() or {}).get("first", prediction)
            self.save({"prediction": prediction, "first": first, "correct": close})
        self.feedback.value = reveal_html(guess, headline, why)


@dataclass(frozen=True)
class Item:
    text: str
    group: str
    why: str


class SortIntoGroups(Check):
    """Put each item into a group; feedback for every item."""

    PLACEHOLDER = PLACEHOLDER

    def __init__(
        self,
        lesson: str,
        key: str,
        question: str,
        items: list[Item],
        groups: list[str],
        store: ProgressStore | None = None,
    ) -> None:
        super().__init__(lesson, key, question, store)
        self.items = items
        self.dropdowns = [
            W.Dropdown(
                options=[self.PLACEHOLDER, *groups], description=f"{i + 1}. {item.text}",
                style={"description_width": "initial"}, layout=W.Layout(width="auto"),
            )
            for i, item in enumerate(items)
        ]
        self.children = [self.question, *self.dropdowns, self.button, self.feedback, self.warning,
                         stylesheet()]
        previous = self.saved()
        if isinstance(previous, dict) and isinstance(previous.get("answers"), list):
            for dropdown, answer in zip(self.dropdowns, previous["answers"], strict=False):
                if answer in dropdown.options:
                    dropdown.value = answer
            self.check(save=False)

    def check(self, save: bool = True) -> None:
        answers = [d.value for d in self.dropdowns]
        if self.PLACEHOLDER in answers:
            self.feedback.value = feedback_html(None, "Sort every message first, then press Check.")
            return
        lines, right = [], 0
        for number, (item, answer) in enumerate(zip(self.items, answers, strict=True), start=1):
            ok = answer == item.group
            right += ok
            mark = "✓" if ok else "✗"
            lines.append(f"{mark} {number}. {item.group}: {item.why}")
        if save:  # saved first: when the feedback shows, the answers are on disk
            self.save({"answers": answers, "right": right})
        headline = f"{right} of {len(self.items)} sorted as intended."
        self.feedback.value = feedback_html(right == len(self.items), headline) + "<br>".join(
            html.escape(line) for line in lines
        )


class Reflection(W.VBox):
    """A free-text reflection, saved as the learner types."""

    def __init__(
        self, lesson: str, key: str, prompt: str, store: ProgressStore | None = None
    ) -> None:
        self.lesson, self.key = lesson, key
        self.store = store or default_store()
        self.text = W.Textarea(
            value=str(self.store.get(lesson, key, "") or ""), placeholder="Type your thoughts here",
            description="Reflection:", layout=W.Layout(width="auto", height="8em"),
            style={"description_width": "initial"},
        )
        self.status = W.HTML()
        self.status.add_class("nin-feedback")
        self.text.observe(self._save, names="value")
        super().__init__(
            [W.HTML(f"<b>{html.escape(prompt)}</b>"), self.text, self.status, stylesheet()])
        self.add_class("nin-check")

    def _save(self, change: dict[str, Any]) -> None:
        saved = self.store.set(self.lesson, self.key, change["new"])
        note = "Saved." if saved else f"⚠ {self.store.message}"
        self.status.value = f"<i>{html.escape(note)}</i>"
