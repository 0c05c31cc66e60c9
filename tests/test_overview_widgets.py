"""The progress overview for lesson 00, with a temporary progress store and fake lessons."""

from __future__ import annotations

import importlib

import pytest

from netnot.course import LESSONS, Lesson
from netnot.progress import ProgressStore
from netnot.widgets import overview


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path)


@pytest.fixture
def course(monkeypatch):
    """Three lessons: a start page and two lessons with two checks each."""
    lessons = (
        LESSONS[0],
        Lesson("01-fake", "A fake lesson", 20, "fake", "begging", ("predict", "reflection")),
        Lesson("02-later", "A later lesson", 25, "later", "quickfix", ("predict", "plan")),
    )
    monkeypatch.setattr(overview, "LESSONS", lessons)
    return lessons


def test_counts_checks_per_lesson(store, course):
    store.set("01-fake", "predict", {"prediction": 3})
    store.set("01-fake", "reflection", "   ")  # an empty reflection is not done
    store.set("01-fake", "not-a-check", "x")  # keys the course does not declare do not count
    rows = overview.progress_rows(store)
    assert [(r.done, r.total) for r in rows[1:]] == [(1, 2), (0, 2)]
    widget = overview.progress_overview(store)
    assert "1 of 2 checks done" in widget.table.value
    assert 'Continue with: <a href="01-fake.ipynb">01 · A fake lesson</a>' in widget.table.value


def test_refresh_moves_the_pointer_on_and_says_when_all_is_done(store, course):
    widget = overview.progress_overview(store)
    store.set("01-fake", "predict", {"prediction": 3})
    store.set("01-fake", "reflection", "I will start with two alumni.")
    widget.refresh()
    assert "✓ 2 of 2 checks done" in widget.table.value
    assert 'Continue with: <a href="02-later.ipynb">' in widget.table.value
    store.set("02-later", "predict", 1)
    store.set("02-later", "plan", {"hours": [1, 2, 3, 4]})
    widget.refresh()
    assert "You have done every check" in widget.table.value


def test_the_start_page_is_listed_but_not_pointed_to(store, course):
    rows = overview.progress_rows(store)
    assert rows[0].lesson.id == "00-start-here"
    assert overview.next_lesson(rows).id == "01-fake"


def test_every_widget_module_uses_the_declared_checks():
    for lesson in LESSONS:
        module = importlib.import_module(f"netnot.widgets.{lesson.topic}")
        assert module.LESSON == lesson.id and module.CHECK_KEYS == lesson.checks


def test_answers_from_a_real_lesson_count(store):
    from netnot.widgets import switching

    switching.reflection(store=store).text.value = "Count replies on Fridays."
    row = next(r for r in overview.progress_rows(store) if r.lesson.id == switching.LESSON)
    assert (row.done, row.total) == (1, len(switching.CHECK_KEYS))
