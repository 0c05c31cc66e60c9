"""The formative-check widgets: instant feedback, clear prompts, and nothing lost."""

from __future__ import annotations

import ipywidgets as W

from netnot.progress import ProgressStore
from netnot.widgets import start
from netnot.widgets.checks import (
    Item,
    MultipleChoice,
    Option,
    PredictThenReveal,
    SortIntoGroups,
)

OPTIONS = [Option("Ask once, clearly", True, "One clear request is usually fine."),
           Option("Ask every week", False, "Repetition wears goodwill down.")]


def test_multiple_choice_asks_for_an_answer_before_judging(store):
    check = MultipleChoice("01", "q", "Which?", OPTIONS, store)
    assert check.feedback.value == ""
    check.check()
    assert "Pick an answer first" in check.feedback.value
    assert store.get("01", "q") is None, "nothing is saved until there is an answer"


def test_multiple_choice_feedback_explains_right_and_wrong(store):
    check = MultipleChoice("01", "q", "Which?", OPTIONS, store)
    check.choice.value = "Ask every week"
    check.check()
    assert "✗ Not quite" in check.feedback.value and "wears goodwill" in check.feedback.value
    check.choice.value = "Ask once, clearly"
    check.check()
    assert "✓ Correct" in check.feedback.value and "usually fine" in check.feedback.value
    assert store.get("01", "q") == {"answer": "Ask once, clearly", "correct": True}


def test_sort_into_groups_marks_every_item(store):
    items = [Item("Could you tell me how you got into UX research?", "advice", "A question."),
             Item("Do you have any openings for me?", "job", "A direct job ask.")]
    check = SortIntoGroups("01", "sort", "Sort these", items, ["advice", "job"], store)
    check.check()
    assert "Sort every message first" in check.feedback.value
    check.dropdowns[0].value, check.dropdowns[1].value = "advice", "advice"
    check.check()
    assert "1 of 2 sorted as intended" in check.feedback.value
    assert "✗ 2. job: A direct job ask." in check.feedback.value
    reopened = SortIntoGroups("01", "sort", "Sort these", items, ["advice", "job"],
                              ProgressStore(store.folder))
    assert [d.value for d in reopened.dropdowns] == ["advice", "advice"]


def test_a_stale_saved_prediction_does_not_break_the_lesson(store):
    store.set("02", "p", {"prediction": "not a number"})
    control = W.IntSlider(value=3, min=1, max=10, description="Guess")
    check = PredictThenReveal("02", "p", "Guess?", control, lambda v: (None, f"{v}", ""), store)
    assert control.value == 3 and check.feedback.value == ""


def test_start_course_map_lists_every_lesson_and_the_total():
    table = start.course_map().value
    assert table.count("<tr>") == 1 + 7 + 1
    assert "160 min" in table and "Networking is not a quick fix" in table


def test_start_prediction_corrects_the_hidden_jobs_myth(store):
    check = start.predict(store)
    check.control.value = 80
    check.check()
    assert "✗" in check.feedback.value and "no research source" in check.feedback.value
    check.control.value = 50
    check.check()
    assert "✓" in check.feedback.value
    assert set(store.lesson(start.LESSON)) == set(start.CHECK_KEYS)
