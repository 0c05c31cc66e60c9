"""The quick-fix explorer and checks, driven from Python as a learner would drive them."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.progress import ProgressStore
from netnot.widgets import quickfix


@pytest.fixture(scope="module")
def explorer():
    return quickfix.explorer()


def bar_heights(explorer) -> np.ndarray:
    return explorer.figure.bars.get_data().values.copy()


def test_every_control_has_a_label(explorer):
    assert all(control.description for control in explorer.controls.values())


def test_moving_a_slider_redraws_figure_summary_and_alt_text(explorer):
    before = (bar_heights(explorer), explorer.plot.value, explorer.summary.value)
    median_before = explorer.result.median
    explorer.controls["head_start_weeks"].value = 12
    assert explorer.result.median < median_before
    assert not np.array_equal(bar_heights(explorer), before[0])
    assert explorer.plot.value != before[1] and explorer.plot.value[:3] == b"\xff\xd8\xff"
    assert f"week {explorer.result.median:g}" in explorer.summary.value
    assert f"Median week {explorer.result.median:g}" in explorer.figure.alt
    assert explorer.figure.median_line.get_xdata()[0] == explorer.result.median
    explorer.controls["head_start_weeks"].value = 0


def test_histogram_shows_share_of_seekers_per_week(explorer):
    heights = bar_heights(explorer)
    expected = 100 * np.mean(explorer.result.weeks == 15)
    assert heights[14] == pytest.approx(expected)
    assert heights.sum() == pytest.approx(100 * (1 - explorer.result.share_none))


def test_a_refused_value_shows_a_message_and_keeps_the_figure(explorer):
    picture = explorer.plot.value
    assert explorer.update(contacts_per_week=45) is False
    assert "contacts per week must be between 0 and 20; got 45" in explorer.error.value
    assert explorer.plot.value == picture
    assert explorer.update() is True and explorer.error.value == ""


def test_slider_values_out_of_range_are_clamped_not_crashing(explorer):
    control = explorer.controls["contacts_per_week"]
    control.value = 45  # e.g. typed into the slider's readout
    assert control.value == control.max == 10
    assert explorer.result.params["contacts_per_week"] == 10
    assert explorer.error.value == ""
    control.value = 2


def test_predict_then_reveal_compares_with_the_simulated_median(tmp_path):
    check = quickfix.predict(ProgressStore(tmp_path))
    check.control.value = 2
    check.check()
    assert "simulated median is week 15" in check.feedback.value
    assert "✗" not in check.feedback.value, "a prediction is compared, never marked"
    check.control.value = 15
    check.check()
    assert "you guessed week 15" in check.feedback.value and "✓" not in check.feedback.value
    again = quickfix.predict(ProgressStore(tmp_path))  # reopened notebook
    assert again.control.value == 15 and "you guessed week 15" in again.feedback.value
    assert ProgressStore(tmp_path).get(quickfix.LESSON, "predict-first-referral")["first"] == 2


def test_biggest_lever_explanations_quote_the_model(tmp_path):
    check = quickfix.biggest_lever(ProgressStore(tmp_path))
    check.choice.value = check.options[0].text
    check.check()
    assert "✗" in check.feedback.value and "week 15 to week 12" in check.feedback.value
    check.choice.value = next(o.text for o in check.options if o.correct)
    check.check()
    assert "✓" in check.feedback.value and "Building your network before" in check.feedback.value


def test_check_keys_are_the_keys_the_checks_save(tmp_path):
    store = ProgressStore(tmp_path)
    predict = quickfix.predict(store)
    predict.control.value = 6  # a prediction is saved once the learner has made one
    predict.check()
    for make in (quickfix.biggest_lever, quickfix.ongoing_vs_completed):
        check = make(store)
        check.choice.value = check.options[1].text
        check.check()
    quickfix.reflection(store).text.value = "I will call two former colleagues."
    assert set(store.lesson(quickfix.LESSON)) == set(quickfix.CHECK_KEYS)
