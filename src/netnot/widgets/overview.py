"""Progress through the course, for lesson 00: checks done per lesson and where to continue."""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as W

from netnot.course import LESSONS, Lesson
from netnot.progress import ProgressStore
from netnot.widgets.checks import default_store
from netnot.widgets.style import stylesheet


@dataclass(frozen=True)
class Row:
    lesson: Lesson
    done: int
    total: int

    @property
    def finished(self) -> bool:
        return self.done >= self.total


def answered(value: object) -> bool:
    """Whether a saved value counts as done (an empty reflection does not)."""
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value != {} and value != []


def progress_rows(store: ProgressStore | None = None) -> list[Row]:
    """One row per lesson, in course order: checks done out of the lesson's checks."""
    store = store or default_store()
    saved = store.load()
    rows = []
    for lesson in LESSONS:
        answers = saved.get(lesson.id, {})
        done = sum(answered(answers.get(key)) for key in lesson.checks)
        rows.append(Row(lesson, done, len(lesson.checks)))
    return rows


def next_lesson(rows: list[Row]) -> Lesson | None:
    """The first unfinished lesson after the start page (None when all are done)."""
    return next((r.lesson for r in rows[1:] if not r.finished), None)


def overview_html(rows: list[Row]) -> str:
    lines = []
    for row in rows:
        title = html.escape(f"{row.lesson.number} · {row.lesson.title}")
        mark = "✓ " if row.finished else ""
        status = f"{mark}{row.done} of {row.total} checks done"
        lines.append(f"<tr><td>{title}</td><td>{row.lesson.minutes} min</td>"
                     f"<td>{html.escape(status)}</td></tr>")
    upcoming = next_lesson(rows)
    if upcoming is None:
        pointer = "<b>You have done every check in every lesson.</b>"
    else:
        link = html.escape(f"{upcoming.id}.ipynb", quote=True)
        pointer = (f'<b>Continue with: <a href="{link}">{html.escape(upcoming.number)} · '
                   f"{html.escape(upcoming.title)}</a></b>")
    return ("<table><tr><th>Lesson</th><th>Time</th><th>Your progress</th></tr>"
            f"{''.join(lines)}</table><p>{pointer}</p>")


class ProgressOverview(W.VBox):
    """A table of the lessons with the checks you have done, and where to continue.
    Press *Refresh* after working in another lesson."""

    def __init__(self, store: ProgressStore | None = None) -> None:
        self.store = store or default_store()
        self.table = W.HTML()
        self.table.add_class("nin-summary")
        self.warning = W.HTML()
        self.warning.add_class("nin-warning")
        self.button = W.Button(description="Refresh", icon="refresh")
        self.button.on_click(lambda _: self.refresh())
        super().__init__([self.table, self.warning, self.button, stylesheet()])
        self.add_class("nin-overview")
        self.refresh()

    def refresh(self) -> None:
        self.table.value = overview_html(progress_rows(self.store))
        message = self.store.message
        self.warning.value = f"<i>⚠ {html.escape(message)}</i>" if message else ""


def progress_overview(store: ProgressStore | None = None) -> ProgressOverview:
    """The overview for lesson 00 (see :class:`ProgressOverview`)."""
    return ProgressOverview(store)
