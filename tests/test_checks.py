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
    assert control.value == control.min and check.readout.value == "not chosen yet"
    assert check.feedback.value == ""


def test_start_course_map_lists_every_lesson_and_the_total():
    table = start.course_map().value
    assert table.count("<tr>") == 1 + 7 + 1
    assert "165 min" in table and "Networking is not a quick fix" in table


def test_start_prediction_compares_without_marking(store):
    check = start.predict(store)
    check.control.value = 80
    check.check()
    assert "You guessed 80%. That is higher than what surveys find" in check.feedback.value
    assert "no research behind it" in check.feedback.value
    check.control.value = 45
    check.check()
    assert "You guessed 45%. That is close to what surveys find" in check.feedback.value
    assert not [w for w in ("✓", "✗", "Correct", "Not quite") if w in check.feedback.value]
    assert set(store.lesson(start.LESSON)) == set(start.CHECK_KEYS)


# --- predictions: they start unanswered and are compared, never marked ------------------------

def slider_prediction(store, **kwargs) -> PredictThenReveal:
    control = W.IntSlider(value=80, min=0, max=100, step=5, description="My guess (%):")
    return PredictThenReveal("00", "p", "Guess?", control,
                             lambda v: (abs(v - 56) < 10, f"you guessed {v}%; it is 56%.", "Why."),
                             store, **kwargs)


def test_a_slider_prediction_starts_unanswered_not_on_a_real_answer(store):
    check = slider_prediction(store)
    assert check.control.value == check.control.min, "the handle starts at the end, not at 80"
    assert check.control.readout is False
    assert check.readout.value == "not chosen yet"
    check.check()
    assert "Move the slider to your guess first" in check.feedback.value
    assert store.get("00", "p") is None, "nothing is saved before a guess"
    check.control.value = 30
    assert check.readout.value == "30"
    check.check()
    assert "Locked in" in check.feedback.value
    assert "you guessed 30%; it is 56%." in check.feedback.value
    assert not [w for w in ("✓", "✗", "Correct", "Not quite") if w in check.feedback.value]
    assert store.get("00", "p")["prediction"] == 30


def test_a_guess_at_the_start_value_counts_once_touched_and_is_restored(store):
    check = slider_prediction(store)
    check.control.value = 5
    check.control.value = 0  # back to the start: a real guess of 0
    check.check()
    assert "Locked in" in check.feedback.value
    again = slider_prediction(ProgressStore(store.folder))
    assert again.control.value == 0 and again.readout.value == "0"
    assert "you guessed 0%" in again.feedback.value


def test_a_dropdown_prediction_starts_on_a_placeholder(store):
    options = ("Far less often", "About as often")
    control = W.Dropdown(options=options, value=options[1], description="My guess:")
    check = PredictThenReveal(
        "03", "d", "How often?", control,
        lambda v: (v == options[0], "strangers agreed far more in person.", ""), store)
    assert control.value == SortIntoGroups.PLACEHOLDER
    assert list(control.options) == [SortIntoGroups.PLACEHOLDER, *options]
    check.check()
    assert "Choose your guess first" in check.feedback.value
    control.value = options[1]
    check.check()
    assert "You guessed: About as often" in check.feedback.value
    assert "strangers agreed" in check.feedback.value and "✗" not in check.feedback.value
    saved = store.get("03", "d")
    assert saved["prediction"] == options[1]
    assert PredictThenReveal("03", "d", "How often?", W.Dropdown(options=options), lambda v: (
        None, "", ""), ProgressStore(store.folder)).control.value == options[1]


def test_an_old_saved_prediction_is_still_restored(store):
    store.set("00", "p", {"prediction": 45, "first": 80, "correct": True})
    check = slider_prediction(store)
    assert check.control.value == 45 and "you guessed 45%" in check.feedback.value


def test_every_check_saves_before_it_shows_its_feedback(store, monkeypatch):
    """The browser gets the feedback once it is shown: by then the answer must be on disk (a
    learner who closes the tab on seeing it loses nothing)."""
    items = [Item("Could you tell me how you got into UX research?", "advice", "A question.")]
    slider = W.IntSlider(value=3, min=1, max=10, description="Guess")
    checks = {"choice": MultipleChoice("01", "q", "Which?", OPTIONS, store),
              "sort": SortIntoGroups("01", "sort", "Sort these", items, ["advice", "job"], store),
              "predict": PredictThenReveal("02", "p", "Guess?", slider,
                                           lambda v: (True, f"{v}", "why"), store)}
    checks["choice"].choice.value = "Ask once, clearly"
    checks["sort"].dropdowns[0].value = "advice"
    slider.value = 5
    shown_when_saved = {}
    save = store.set
    for name, check in checks.items():

        def noting(lesson, key, value, name=name, check=check):
            shown_when_saved[name] = check.feedback.value
            return save(lesson, key, value)

        monkeypatch.setattr(store, "set", noting)
        check.check()
        assert check.feedback.value, name
    assert shown_when_saved == dict.fromkeys(checks, ""), "feedback was shown before the save"
