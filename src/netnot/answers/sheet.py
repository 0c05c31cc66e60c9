"""The answer sheet of one exercise, in the learner's kernel: what an exercise notebook uses.

    answers = answer_sheet("02-not-a-quick-fix")      # set-up cell
    answers.number("part-a", "Median wait for a first referral", unit="weeks")
    with answers.by_code("part-a") as part:           # optional code track
        part.submit(11)
    answers.check("part-a").number(between=(1, 52)).result()   # test cell

Every answer, given with a widget or in code, is shown in the cell's output as a small record
(:mod:`netnot.answers.record`) under a fixed display id, so JupyterLab keeps every copy of it up
to date and saves it with the notebook. Answers are restored, newest first, from:

* while learning: the progress file beside the notebook and the saved notebook itself;
* under ``nbgrader validate``: the saved notebook only (what would be handed in);
* under ``nbgrader autograde``: only what the grader read from the submitted notebook and handed
  over (:mod:`netnot.answers.handover`), never a file the student could have shipped alongside.
"""

from __future__ import annotations

import html
import json
import numbers
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from netnot.answers import handover, record
from netnot.answers.record import MIME, Answer, part_label
from netnot.answers.widgets import (
    AnswerBox,
    ChoiceBox,
    ChoicesBox,
    NumberBox,
    PlanBox,
    RangeBox,
    RankingBox,
    RuleBox,
    TextBox,
)
from netnot.progress import ProgressStore

LIVE, VALIDATING, GRADING = "live", "validate", "autograde"
RELOADED = ("⚠ This page was reloaded, so this answer is not yet written into the notebook. "
            "Run this cell again (click in it, press Shift+Enter): your answer stays. Then save.")
SAVE = "Save (Ctrl+S, or File → Save Notebook) before you hand it in."
LEARNER_MODE = ("You are in learner mode, which cannot save this notebook: answers given here are "
                "kept only in this folder's progress file, not in the file you hand in. Do "
                "this exercise in JupyterLab: open it there, run all cells (answers given here "
                "come back) and save.")
KEPT = "kept in this folder's progress file only (learner mode cannot save): open in JupyterLab."

_SHEETS: dict[str, AnswerSheet] = {}
_PAGE_LOADS: list[float] = []  # when a browser page (re)connected to this kernel's widgets

Publish = Callable[[dict, str | None, bool], None]


def in_learner_mode() -> bool:
    """True in a kernel that Voilà started (the course's learner mode): Voilà never saves the
    notebook, so answers given there cannot travel in it."""
    return any(name in os.environ for name in ("VOILA_REQUEST_URL", "VOILA_SERVER_URL"))


def mode() -> str:
    """LIVE, or the nbgrader step running this kernel (nbgrader sets NBGRADER_EXECUTION)."""
    step = os.environ.get("NBGRADER_EXECUTION", "")
    return {"autograde": GRADING, "validate": VALIDATING}.get(step, LIVE)


def answer_sheet(exercise: str) -> AnswerSheet:
    """The exercise's sheet; running the set-up cell again keeps the answers given so far."""
    if exercise not in _SHEETS:
        _SHEETS[exercise] = AnswerSheet(exercise)
    sheet = _SHEETS[exercise]
    if sheet.learner_mode:
        sheet.warn_learner_mode()
    return sheet


def _display_raw(data: dict, display_id: str | None = None, update: bool = False) -> None:
    from IPython.display import display

    display(data, raw=True, display_id=display_id, update=update)


def _watch_page_loads() -> None:
    """Note each time a browser page connects to the kernel's widgets (a reload, a new tab).

    After a reload, JupyterLab no longer routes updates to outputs shown before it, so an answer
    changed then cannot reach the notebook until its cell runs again (measured; see
    docs/instructors.md). ipywidgets' own handler still does all the work.
    """
    try:
        manager = get_ipython().kernel.comm_manager  # type: ignore[name-defined]  # noqa: F821
        target = manager.targets["jupyter.widget.control"]
    except Exception:  # noqa: BLE001 - not in a kernel, or another widget version: no warning
        return
    if getattr(target, "netnot_watch", False):
        return

    def watch(comm: Any, msg: dict) -> Any:
        _PAGE_LOADS.append(time.monotonic())
        return target(comm, msg)

    watch.netnot_watch = True  # type: ignore[attr-defined]
    manager.register_target("jupyter.widget.control", watch)


class AnswerSheet:
    """The answers of one exercise in this kernel; see the module docstring."""

    def __init__(self, exercise: str, *, step: str | None = None,
                 store: ProgressStore | None = None, notebook: Path | None = None,
                 publish: Publish | None = None) -> None:
        self.exercise = exercise
        self.step = step or mode()
        self.publish_raw = publish or (lambda data, did, update: _display_raw(data, did, update))
        self.boxes: dict[str, AnswerBox] = {}
        self.units: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.order: list[str] = []  # parts in the order the notebook shows them
        self.shown_at: dict[str, float] = {}
        # part -> aspect -> (the answer's time, verdict line); aspect "" for a part's one check
        self.verdicts: dict[str, dict[str, tuple[str, str]]] = {}
        self.notebook = notebook if notebook is not None else self._find_notebook()
        self.learner_mode = self.step == LIVE and in_learner_mode()
        self.store = None
        if self.step == LIVE:
            self.store = store or ProgressStore(self.notebook.parent if self.notebook else None)
            _watch_page_loads()
        self.received = self.step != GRADING or handover.handed_over() is not None
        found = self._restore()
        self.answers: dict[str, Answer] = found.of(exercise)
        self.problems: list[str] = found.problems

    # --- where answers come from ------------------------------------------------------------
    def _find_notebook(self) -> Path | None:
        """The notebook file this kernel runs (JupyterLab says so), else <exercise>.ipynb here."""
        named = os.environ.get("JPY_SESSION_NAME", "")
        if self.step == LIVE and named.endswith(".ipynb") and os.path.isfile(named):
            return Path(named)
        here = Path.cwd() / f"{self.exercise}.ipynb"
        return here if here.is_file() else None

    def _store_key(self) -> str:
        return f"{self.exercise} answers"

    def _restore(self) -> record.Harvest:
        if self.step == GRADING:
            return handover.handed_over() or record.Harvest()
        found = record.Harvest()
        if self.notebook is not None:
            try:
                cells = json.loads(self.notebook.read_text(encoding="utf-8")).get("cells", [])
                found = record.harvest(cells)
            except (OSError, ValueError, AttributeError):
                pass
        if self.store is not None:
            for saved in self.store.lesson(self._store_key()).values():
                answer, _ = record.parse(saved)
                if answer is not None and answer.exercise == self.exercise:
                    found.add(answer)
        return found

    # --- answering ----------------------------------------------------------------------------
    def number(self, part: str, prompt: str, unit: str = "") -> None:
        """A number box (type a number read off an explorer, or counted by hand)."""
        self.units[part] = unit
        self._box(NumberBox(part, prompt, unit))

    def choice(self, part: str, prompt: str, options: dict[str, str]) -> None:
        """Pick one of ``options`` (key -> text shown; the key is what is saved)."""
        self._box(ChoiceBox(part, prompt, options))

    def choices(self, part: str, prompt: str, options: dict[str, str]) -> None:
        """Tick every option that applies (key -> text shown; the ticked keys are saved)."""
        self._box(ChoicesBox(part, prompt, options))

    def ranking(self, part: str, prompt: str, items: dict[str, str],
                places: list[str] | None = None) -> None:
        """Put ``items`` (key -> text) in order."""
        self._box(RankingBox(part, prompt, items, places))

    def range(self, part: str, prompt: str, unit: str = "",
              names: tuple[str, str] = ("from", "to")) -> None:
        """Two numbers, from … to … (a range read off an explorer)."""
        self.units[part] = unit
        self._box(RangeBox(part, prompt, unit, names))

    def rule(self, part: str, prompt: str) -> None:
        """A switching rule as lesson 05 builds one (patience k, what counts for networking)."""
        self._box(RuleBox(part, prompt))

    def plan(self, part: str, prompt: str) -> None:
        """A six-week plan as lesson 06 builds one (hours, balance, cadence, indicators, rule,
        setbacks)."""
        self._box(PlanBox(part, prompt))

    def text(self, part: str, prompt: str) -> None:
        """A written answer; ``part`` is the grade_id of the manually graded cell that carries
        it to the instructor (the grader copies the text into that cell)."""
        self._box(TextBox(part, prompt))

    def _box(self, box: AnswerBox) -> None:
        part = box.part
        self._register(part, box.kind)
        self.boxes[part] = box
        saved = self.answers.get(part)
        if saved is not None and saved.kind == box.kind:
            box.show(saved.value)
        box.on_answer(lambda value: self._given(part, box.kind, value, "widget"))
        data = box._repr_mimebundle_()
        data["text/plain"] = repr(box)
        self.publish_raw(data, None, False)
        self._publish(part)

    def by_code(self, part: str) -> CodeAnswer:
        """The optional code track: ``with answers.by_code("part-a") as part: part.submit(x)``."""
        return CodeAnswer(self, part)

    def _register(self, part: str, kind: str) -> None:
        if part not in self.order:
            self.order.append(part)
        self.kinds.setdefault(part, kind)

    def _given(self, part: str, kind: str, value: Any, by: str) -> Answer:
        answer = Answer.make(self.exercise, part, kind, value, by)
        self.answers[part] = answer
        if by == "widget" and self.store is not None:
            self.store.set(self._store_key(), part, answer.to_json())
        box = self.boxes.get(part)
        if by == "code":
            if box is not None:
                box.show(answer.value)
                box.say("Answered by your code (in the optional code cell below).")
            self._publish(part)  # a new output in the code cell, and every copy updated
        else:
            self._publish(part, update=True)
            if box is not None and self.store is not None and self.stale(part):
                box.say(RELOADED)
        return answer

    def stale(self, part: str) -> bool:
        """True if a page was (re)loaded since this part's answer was last shown in an output."""
        shown = self.shown_at.get(part, float("inf"))
        return any(loaded > shown for loaded in _PAGE_LOADS)

    # --- showing ------------------------------------------------------------------------------
    def display_id(self, part: str) -> str:
        return f"netnot-{self.exercise}-{part}"

    def _publish(self, part: str, update: bool = False) -> None:
        self.publish_raw(self.bundle(part), self.display_id(part), update)
        if not update:
            self.shown_at[part] = time.monotonic()

    def shown(self, part: str) -> str:
        """The answer in words: "11 weeks", the option's text, "3 words"."""
        answer = self.answers.get(part)
        if answer is None or not answer.answered:
            return ""
        box, value = self.boxes.get(part), answer.value
        if answer.kind == "number":
            unit = self.units.get(part, "")
            return record.as_text(value) + (unit if unit.startswith("%") else f" {unit}").rstrip()
        if answer.kind == "choice" and isinstance(box, ChoiceBox):
            return box.options.get(value, value)
        if answer.kind == "ranking":
            names = box.items if isinstance(box, RankingBox) else {}
            return "; ".join(f"{n}. {names.get(k, k)}" for n, k in enumerate(value, start=1))
        if answer.kind == "choices":
            keys = list(box.options) if isinstance(box, ChoicesBox) else []
            places = [str(keys.index(k) + 1) if k in keys else k for k in value]
            which = ", ".join(places[:-1]) + " and " + places[-1] if len(places) > 1 else places[0]
            return f"{len(value)} ticked (option{'s' if len(value) > 1 else ''} {which})"
        if answer.kind == "range":
            unit = self.units.get(part, "")
            return f"{record.as_text(value[0])} to {record.as_text(value[1])} {unit}".rstrip()
        if answer.kind == "rule":
            return rule_in_words(value)
        if answer.kind == "plan":
            return plan_in_words(value)
        if answer.kind == "text":
            return f"your text ({len(value.split())} words)"
        return record.as_text(value)

    def bundle(self, part: str) -> dict:
        """The output that carries the answer: the record, plus a line the learner reads (with
        the last check's verdict, while the answer it judged is still the answer)."""
        answer = self.answers.get(part) or Answer(self.exercise, part, self.kinds.get(
            part, "number"), None, "1970-01-01T00:00:00+00:00", "widget")
        label, shown = part_label(part), self.shown(part)
        if not shown:
            line = f"• {label}: not answered yet."
        elif self.step == GRADING:
            line = f"{label}: {shown} (the answer handed in)."
        elif self.learner_mode:
            line = f"⚠ {label}: {shown}, {KEPT}"
        else:
            line = f"✓ {label}: {shown}, recorded in this notebook. {SAVE}"
        current = [verdict for judged, verdict in self.verdicts.get(part, {}).values()
                   if judged == answer.changed]
        if current and (shown or self.problem(part)):
            line += " Check: " + " ".join(current)  # (an unanswered part's line says so)
        style = "border-left:4px solid #0072B2;padding:2px 8px;font-size:90%"
        return {MIME: answer.to_json(), "text/plain": line,
                "text/html": f'<div class="netnot-recorded" style="{style}">'
                             f"{html.escape(line)}</div>"}

    def judged(self, part: str, verdict: str, aspect: str = "") -> None:
        """Show a check's verdict with the answer it judged, in every copy of its line (a part
        checked for several aspects shows each one's verdict).

        Those lines sit outside the test cell, so feedback pages keep them (nbgrader's feedback
        here replaces the outputs of test cells that have hidden tests)."""
        answer = self.answers.get(part)
        when = answer.changed if answer else "1970-01-01T00:00:00+00:00"
        self.verdicts.setdefault(part, {})[aspect] = (when, verdict)
        self._publish(part, update=True)

    def value(self, part: str) -> Any:
        """The answer given for ``part`` (None if it is not answered)."""
        answer = self.answers.get(part)
        return answer.value if answer is not None and answer.answered else None

    def check(self, part: str, aspect: str = ""):  # -> checks.Check (checks imports this)
        """The checks of one part, for its test cell (see :mod:`netnot.answers.checks`).
        ``aspect`` names what this test cell looks at when one answer has several test cells
        (exercise 06's plan: "your follow-ups", "your mix", ...)."""
        from netnot.answers.checks import Check

        if not self.received:
            raise RuntimeError(
                "This notebook is being graded, but the grader did not hand over the answers "
                "given with widgets. Add 'netnot.answers.grader.ReadWidgetAnswers' to "
                "Autograde.sanitize_preprocessors in nbgrader_config.py (docs/instructors.md).")
        self._register(part, self.kinds.get(part, "number"))
        self._publish(part)
        return Check(self, part, aspect)

    def problem(self, part: str) -> str | None:
        """What was wrong with this part's saved answer, if it was edited into nonsense."""
        return next((p for p in self.problems if p.startswith(f"{part}: ")), None)

    def summary(self) -> None:
        """Every part's recorded answer, shown again (this also brings every copy up to date),
        then the reminder to save and hand in this one file."""
        for part in self.order:
            self._publish(part)
        others = sorted(set(self.answers) - set(self.order))
        notes = [f"An answer for '{p}' was ignored: this exercise has no such question."
                 for p in others] + self.problems
        lines = [LEARNER_MODE if self.learner_mode else "Hand in this one .ipynb file. " + SAVE,
                 *notes]
        body = "".join(f"<p>{html.escape(x)}</p>" for x in lines)
        self.publish_raw({"text/plain": "\n".join(lines), "text/html": body}, None, False)

    def warn_learner_mode(self) -> None:
        """Say, where the exercise starts, that learner mode cannot hand this exercise in, with
        a link to the same notebook in JupyterLab (made from the page's address, as learner
        mode's own bar does, so it works under any base URL)."""
        path = urlsplit(os.environ.get("VOILA_REQUEST_URL", "")).path
        mark, link = "/voila/render/", ""
        if mark in path:
            href = path.replace(mark, "/lab/tree/", 1)
            link = f' <a href="{html.escape(href)}"><b>Open this exercise in JupyterLab</b></a>'
        style = "border-left:6px solid #D55E00;padding:6px 10px;background:#fff4ec"
        self.publish_raw({"text/plain": f"⚠ {LEARNER_MODE}",
                          "text/html": f'<div role="alert" class="netnot-learner-mode" '
                                       f'style="{style}">⚠ {html.escape(LEARNER_MODE)}{link}'
                                       "</div>"}, None, False)

    def show(self, widget: Any, text: str) -> None:
        """Show a widget (an explorer, say); graded copies and feedback pages show ``text``."""
        data = widget._repr_mimebundle_()
        data["text/plain"] = text
        self.publish_raw(data, None, False)


class CodeAnswer:
    """``with answers.by_code(part) as part: part.submit(value)``.

    An untouched code cell (nbgrader's stub raises NotImplementedError) is skipped quietly, so
    Run All shows no error; any other error in the learner's code is shown as usual.
    """

    def __init__(self, sheet: AnswerSheet, part: str) -> None:
        self.sheet, self.part = sheet, part

    def __enter__(self) -> CodeAnswer:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: Any) -> bool:
        return kind is not None and issubclass(kind, NotImplementedError)

    def submit(self, value: Any) -> None:
        """Hand in ``value`` as this part's answer (it replaces one given in the box)."""
        kind = self.sheet.kinds.get(self.part) or _kind_of(value)
        value = _plain_value(kind, value)
        answer, problem = record.parse(Answer.make(self.sheet.exercise, self.part, kind, value,
                                                   "code").to_json())
        if answer is None or not answer.answered:
            wanted = {"number": "a number", "choice": "one option's key", "text": "some text",
                      "ranking": "a list of item keys", "choices": "a list of option keys",
                      "range": "two numbers, low and high",
                      "rule": 'a rule: policies.Rule(k, "interviews" or "early signals")',
                      "plan": "a plan: plan.Plan(...)"}[kind]
            raise ValueError(f"{part_label(self.part)} needs {wanted}; got {value!r} "
                             f"({type(value).__name__}). {problem or ''}".strip())
        self.sheet._given(self.part, kind, answer.value, "code")


def _plain_value(kind: str, value: Any) -> Any:
    """What a learner's code hands in, as the record keeps it: a policies.Rule becomes its
    patience and judge_by (it must move half the hours, as lesson 05's rules do), a plan.Plan
    its saved values, a tuple a list."""
    if kind == "rule" and type(value).__name__ == "Rule" and hasattr(value, "judge_by"):
        if getattr(value, "move", 0.5) != 0.5:
            raise ValueError("This exercise's rules move half of a strategy's hours, as in "
                             f"lesson 05; got move={value.move!r}. Leave move out.")
        return {"patience": value.patience, "judge_by": value.judge_by}
    if kind == "plan" and hasattr(value, "to_dict"):
        return value.to_dict()
    return list(value) if isinstance(value, tuple) else value


def rule_in_words(value: dict) -> str:
    """ "move half of a strategy's hours after 8 weeks without a signal; networking judged by
    its early signals"."""
    k = value.get("patience")
    judged = ("its early signals" if value.get("judge_by") == "early signals" else
              "interviews only")
    return (f"move half of a strategy's hours after {record.as_text(k)} "
            f"week{'s' if k != 1 else ''} without a signal; networking judged by {judged}")


def plan_in_words(value: dict) -> str:
    """A plan's main entries in a line (hours, follow-ups, the switching rule)."""
    hours = value.get("hours", [])
    used = sum(1 for h in hours if h > 0)
    messages = 1 + int(value.get("follow_ups", 0))
    return (f"your plan: {record.as_text(sum(hours))} h a week over {used} "
            f"strateg{'y' if used == 1 else 'ies'}, {messages} message"
            f"{'s' if messages > 1 else ''} {record.as_text(value.get('days_between'))} days "
            f"apart, {value.get('in_person_percent')}% in person, move time after "
            f"{record.as_text(value.get('patience'))} silent weeks")


def _kind_of(value: Any) -> str:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return "number"
    return "ranking" if isinstance(value, list | tuple) else "text"
