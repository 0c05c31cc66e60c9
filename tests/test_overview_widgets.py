"""The progress overview for lesson 00, with a temporary progress store and fake lessons."""

from __future__ import annotations

import importlib
import sys
import types

import pytest

from netnot.course import LESSONS, Lesson
from netnot.progress import ProgressStore
from netnot.widgets import overview


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path)


@pytest.fixture
def course(monkeypatch):
    """Three lessons: a start page, a lesson with two checks, one whose widgets don't exist."""
    module = types.ModuleType("netnot.widgets.fake_topic")
    module.LESSON, module.CHECK_KEYS = "01-fake", ("predict", "reflection")
    monkeypatch.setitem(sys.modules, "netnot.widgets.fake_topic", module)
    lessons = (
        LESSONS[0],
        Lesson("01-fake", "A fake lesson", 20, "fake_topic", True),
        Lesson("02-later", "A later lesson", 25, "no_such_topic_yet", True),
    )
    monkeypatch.setattr(overview, "LESSONS", lessons)
    return lessons


def test_counts_checks_and_says_coming_soon(store, course):
    store.set("01-fake", "predict", {"prediction": 3})
    store.set("01-fake", "reflection", "   ")  # an empty reflection is not done
    rows = overview.progress_rows(store)
    assert [(r.done, r.total, r.available) for r in rows[1:]] == [(1, 2, True), (0, 0, False)]
    widget = overview.progress_overview(store)
    assert "1 of 2 checks done" in widget.table.value
    assert "coming soon" in widget.table.value
    assert 'Continue with: <a href="01-fake.ipynb">01 · A fake lesson</a>' in widget.table.value


def test_refresh_moves_the_pointer_on_and_says_when_all_is_done(store, course):
    widget = overview.progress_overview(store)
    store.set("01-fake", "predict", {"prediction": 3})
    store.set("01-fake", "reflection", "I will start with two alumni.")
    widget.refresh()
    assert "✓ 2 of 2 checks done" in widget.table.value
    assert "You have done every check" in widget.table.value  # 02 is not ready: nothing to do


def test_the_start_page_is_listed_but_not_pointed_to(store, course):
    rows = overview.progress_rows(store)
    assert rows[0].lesson.id == "00-start-here" and rows[0].available
    assert overview.next_lesson(rows).id == "01-fake"


def test_check_keys_of_real_lessons_match_their_modules():
    for lesson in LESSONS:
        keys = overview.check_keys(lesson)
        if keys is None:
            continue
        module = importlib.import_module(f"netnot.widgets.{lesson.topic or 'start'}")
        assert keys == module.CHECK_KEYS and module.LESSON == lesson.id
    assert overview.check_keys(LESSONS[-1]) is not None  # 06 is in this branch


def test_a_module_with_a_broken_import_is_not_hidden_as_coming_soon(monkeypatch):
    def broken(name):
        raise ModuleNotFoundError("No module named 'scipy'", name="scipy")

    monkeypatch.setattr(overview.importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        overview.check_keys(LESSONS[1])


def test_answers_from_a_real_lesson_count(store):
    from netnot.widgets import switching

    switching.reflection(store=store).text.value = "Count replies on Fridays."
    row = next(r for r in overview.progress_rows(store) if r.lesson.id == switching.LESSON)
    assert (row.done, row.total) == (1, len(switching.CHECK_KEYS))
