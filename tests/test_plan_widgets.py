"""Lesson 06 widgets without a browser: the plan builder saves, restores and writes the plan."""

from __future__ import annotations

import json

import numpy as np
import pytest

from netnot.models import plan as model
from netnot.progress import ProgressStore
from netnot.widgets import plan as lesson


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path)


def test_explorer_moves_bars_curves_summary_and_alt_text():
    explorer = lesson.explorer()
    assert len(explorer.controls) <= 6
    figure = explorer.figure
    curve = np.array(figure.lines["your mix"].get_ydata())
    summary, alt = explorer.summary.value, figure.alt
    explorer.controls["networking"].value = 10
    assert figure.bars[3].get_width() == 10
    assert not np.array_equal(curve, figure.lines["your mix"].get_ydata())
    assert explorer.summary.value != summary and figure.alt != alt
    assert "networking 10 h" in figure.alt
    assert f"{explorer.result.by_week_6['your mix']:.0%}" in explorer.summary.value


def test_explorer_refuses_bad_hours_and_keeps_the_figure():
    explorer = lesson.explorer()
    plot = explorer.plot.value
    assert explorer.update(networking=100) is False
    assert "hours a week for networking must be between 0 and 40; got 100" in explorer.error.value
    assert explorer.plot.value == plot
    assert explorer.update(**lesson.HEAVIEST) is True


def test_every_entry_is_saved_and_restored(store):
    builder = lesson.plan_builder(store=store)
    builder.mix.controls["recruiters"].value = 2.5
    builder.new_contacts.value = 5
    builder.follow_ups.value = 2
    builder.days_between.value = 10
    builder.in_person.value = 70
    builder.where.value = "alumni evening"
    builder.indicators["introductions to new people"].value = True
    builder.review_day.value = "Monday"
    builder.patience.value = 4
    builder.switch_when.value = "no replies after 15 messages"
    assert "saved as you go" in builder.status.value
    again = lesson.plan_builder(store=ProgressStore(store.folder))  # a reopened notebook
    assert again.plan() == builder.plan()
    assert again.plan().hours[2] == 2.5 and again.where.value == "alumni evening"
    saved = json.loads(store.path.read_text())["lessons"][lesson.LESSON][lesson.PLAN_KEY]
    assert saved["switch_when"] == "no replies after 15 messages"


def test_advice_updates_as_the_plan_changes(store):
    builder = lesson.plan_builder(store=store)
    assert "To fix" not in builder.advice.value
    builder.follow_ups.value = 5
    assert "To fix" in builder.advice.value and "pestering" in builder.advice.value
    builder.follow_ups.value = 1
    builder.in_person.value = 0
    assert "writing online" in builder.advice.value


def test_switching_rule_note_quotes_lesson_05(store):
    builder = lesson.plan_builder(store=store)
    builder.patience.value = 1
    assert "after 1 silent week averaged" in builder.rule_note.value
    builder.patience.value = 5
    assert "after 5 silent weeks averaged" in builder.rule_note.value


def test_save_button_writes_the_document_beside_the_notebook(store):
    builder = lesson.plan_builder(store=store)
    builder.where.value = "a meetup"
    builder.save_button.click()
    page = (store.folder / "my-networking-plan.md").read_text()
    assert "a meetup" in page and "What the simulation suggests" in page
    assert (store.folder / "my-networking-plan.html").exists()
    assert "Saved my-networking-plan.md" in builder.status.value


def test_save_in_an_unwritable_folder_explains_and_shows_the_text(store, tmp_path):
    builder = lesson.plan_builder(store=store, folder=tmp_path / "missing")
    result = builder.save_document()
    assert not result.ok
    assert "could not be saved" in builder.status.value
    assert "My six-week networking plan" in builder.status.value  # the text to copy instead


def test_predict_right_and_wrong(store):
    widget = lesson.predict(store=store)
    truth = 100 * model.simulate_mix(model.Plan()).by_week_6["your mix"]
    widget.control.value = 90
    widget.check()
    assert "you guessed 90%" in widget.feedback.value and f"{truth:.0f}%" in widget.feedback.value
    assert "Not quite" not in widget.feedback.value, "a prediction is compared, never marked"
    widget.control.value = int(round(truth / 5) * 5)
    widget.check()
    assert "Locked in" in widget.feedback.value and "Correct" not in widget.feedback.value
    assert lesson.predict(store=ProgressStore(store.folder)).control.value == widget.control.value


def test_leading_indicators_feedback(store):
    widget = lesson.leading_indicators(store=store)
    widget.choice.value = widget.options[0].text
    widget.check()
    assert "Not quite" in widget.feedback.value
    widget.choice.value = next(o.text for o in widget.options if o.correct)
    widget.check()
    assert "Correct" in widget.feedback.value


def test_cadence_groups_follow_the_pestering_rule(store):
    widget = lesson.cadence(store=store)
    groups = [item.group for item in widget.items]
    assert groups == ["Fine", "Pestering", "Fine", "Pestering", "Pestering"]
    for dropdown, group in zip(widget.dropdowns, groups, strict=True):
        dropdown.value = group
    widget.check()
    assert "Correct" in widget.feedback.value
    widget.dropdowns[1].value = "Fine"
    widget.check()
    assert "Not quite" in widget.feedback.value


def test_check_keys_are_the_keys_saved(store):
    predict = lesson.predict(store=store)
    predict.control.value = 40  # a prediction is saved once the learner has made one
    predict.check()
    widget = lesson.leading_indicators(store=store)
    widget.choice.value = widget.options[1].text
    widget.check()
    sorter = lesson.cadence(store=store)
    for dropdown in sorter.dropdowns:
        dropdown.value = "Fine"
    sorter.check()
    lesson.plan_builder(store=store).follow_ups.value = 2
    lesson.reflection(store=store).text.value = "a fixed Friday slot"
    saved = json.loads(store.path.read_text())["lessons"][lesson.LESSON]
    assert set(saved) == set(lesson.CHECK_KEYS)


def test_a_damaged_saved_plan_still_opens(store):
    store.set(lesson.LESSON, lesson.PLAN_KEY, {"hours": "many", "follow_ups": 2})
    builder = lesson.plan_builder(store=store)
    assert builder.follow_ups.value == 2
    assert builder.plan().hours == model.Plan().hours
