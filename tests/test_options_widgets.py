"""Lesson 04 widgets without a browser: the explorer redraws, refuses bad values, checks save."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.models import options as model
from netnot.progress import ProgressStore
from netnot.widgets import options as lesson


@pytest.fixture(scope="module")
def explorer():
    return lesson.explorer()


def test_explorer_has_at_most_six_labelled_controls(explorer):
    assert 1 <= len(explorer.controls) <= 6
    assert all(control.description for control in explorer.controls.values())
    assert explorer.update(**lesson.HEAVIEST)
    explorer.update(**dict(zip(lesson.CONTROL_NAMES, model.DEFAULT_HOURS, strict=True)),
                    preset_name=model.DEFAULT_PRESET)


def test_default_shows_all_hours_on_referrals(explorer):
    assert "12 h referrals; 12 h a week" in explorer.summary.value
    strongest = model.compare(*model.DEFAULT_HOURS).all_in_channel
    assert strongest != "referrals"
    assert f"All 12 h on {strongest}" in explorer.summary.value
    assert f"All your hours go to referrals; {strongest} is the stronger" in (
        explorer.summary.value)
    default = model.compare(*model.DEFAULT_HOURS)
    gap = default.mix.median - default.all_in.median
    assert gap >= 1 and f"({gap:.0f} weeks sooner at the median)" in explorer.summary.value
    assert "12 h referrals" in explorer.figure.alt
    assert explorer.error.value == ""


def test_moving_a_slider_redraws_the_figure_and_the_words(explorer):
    fig = explorer.figure
    line_before = fig.mix_line.get_ydata().copy()
    summary_before, alt_before = explorer.summary.value, fig.alt
    explorer.controls["direct_contact"].value = 4
    try:
        assert not np.array_equal(fig.mix_line.get_ydata(), line_before)
        assert fig.dots[1].get_xdata()[0] == 4  # direct contact's marker moved to 4 hours
        expected = model.compare(0, 4, 0, 12, 0)
        still = 1 - expected.mix.share_by(20)
        assert fig.mix_line.get_ydata()[20] == pytest.approx(still)
        assert explorer.summary.value != summary_before and fig.alt != alt_before
        assert "4 h direct contact, 12 h referrals; 16 h a week" in explorer.summary.value
        assert f"half have an offer by week {expected.mix.median:.0f}" in fig.alt
    finally:
        explorer.controls["direct_contact"].value = 0


def test_a_preset_redraws_the_channel_curves(explorer):
    curve = explorer.figure.curves[3]
    before = curve.get_ydata().copy()
    explorer.controls["preset_name"].value = "one channel far stronger"
    assert "Every hour already goes to the strongest single channel" in explorer.summary.value
    explorer.controls["direct_contact"].value = 6
    explorer.controls["referrals"].value = 6
    try:
        after = curve.get_ydata()
        assert after.max() == pytest.approx(0.2 * -np.expm1(-15 / 6))
        assert not np.array_equal(before, after)
        assert "going all-in wins" in explorer.summary.value
        assert "one channel far stronger (assumed)" in explorer.figure.alt
    finally:
        explorer.controls["direct_contact"].value = 0
        explorer.controls["referrals"].value = 12
        explorer.controls["preset_name"].value = model.DEFAULT_PRESET


def test_bad_values_show_a_message_and_keep_the_figure(explorer):
    plot, result = explorer.plot.value, explorer.result
    assert not explorer.update(referrals=-1)
    assert "hours on referrals must be between 0 and 60; got -1" in explorer.error.value
    assert not explorer.update(applications=15, direct_contact=15, recruiters=15, events=15)
    assert "total hours a week must be at most 60; got 72" in explorer.error.value
    assert explorer.plot.value == plot and explorer.result is result
    assert explorer.update()
    assert explorer.error.value == ""


def test_no_hours_gives_a_hint_not_a_crash(explorer):
    assert explorer.update(referrals=0)
    assert "Give at least one channel some hours" in explorer.summary.value
    explorer.update()


# --- formative checks -------------------------------------------------------------------------
def test_predict_feedback_right_and_wrong_and_restored(tmp_path):
    store = ProgressStore(tmp_path)
    widget = lesson.predict(store=store)
    widget.control.value = lesson.PREDICT_OPTIONS[1]  # all-in networking sooner: wrong
    widget.check()
    assert "Locked in" in widget.feedback.value and "Not quite" not in widget.feedback.value
    a = model.simulate(model.DEFAULT_HOURS).median
    assert f"half have an offer by week {a:.0f}" in widget.feedback.value
    tail = model.simulate((12 / 5,) * 5).percentile(90)
    assert np.isinf(model.simulate(model.DEFAULT_HOURS).percentile(90))
    assert f"after more than two years, against {tail:.0f} weeks for the split" in (
        widget.feedback.value)
    widget.control.value = lesson.PREDICT_OPTIONS[3]
    widget.check()
    assert f"You guessed: {lesson.PREDICT_OPTIONS[3]}" in widget.feedback.value
    saved = store.get(lesson.LESSON, "predict")
    assert saved["prediction"] == lesson.PREDICT_OPTIONS[3]
    assert saved["first"] == lesson.PREDICT_OPTIONS[1] and saved["correct"] is True
    again = lesson.predict(store=store)
    assert again.control.value == lesson.PREDICT_OPTIONS[3]
    assert f"You guessed: {lesson.PREDICT_OPTIONS[3]}" in again.feedback.value


def test_predict_without_a_choice_asks_for_one(tmp_path):
    widget = lesson.predict(store=ProgressStore(tmp_path))
    widget.check()
    assert "Choose your guess first" in widget.feedback.value


@pytest.mark.parametrize("make", [lesson.when_all_in, lesson.evidence, lesson.hidden_jobs])
def test_multiple_choice_feedback_and_restore(tmp_path, make):
    store = ProgressStore(tmp_path)
    widget = make(store=store)
    wrong = next(o for o in widget.options if not o.correct)
    right = next(o for o in widget.options if o.correct)
    widget.choice.value = wrong.text
    widget.check()
    assert "Not quite" in widget.feedback.value
    widget.choice.value = right.text
    widget.check()
    assert "Correct" in widget.feedback.value
    assert store.get(lesson.LESSON, widget.key) == {"answer": right.text, "correct": True}
    again = make(store=store)
    assert again.choice.value == right.text and "Correct" in again.feedback.value


def test_sort_kinds_of_networking(tmp_path):
    store = ProgressStore(tmp_path)
    widget = lesson.kinds(store=store)
    for dropdown, item in zip(widget.dropdowns, widget.items, strict=True):
        dropdown.value = item.group
    widget.check()
    assert "5 of 5 sorted as intended" in widget.feedback.value
    widget.dropdowns[0].value = lesson.KINDS[4]
    widget.check()
    assert "4 of 5" in widget.feedback.value and "Not quite" in widget.feedback.value
    again = lesson.kinds(store=store)
    assert again.dropdowns[0].value == lesson.KINDS[4]


def test_reflection_saves_as_you_type(tmp_path):
    store = ProgressStore(tmp_path)
    widget = lesson.reflection(store=store)
    widget.text.value = "Direct contact and referrals, 6 h each."
    assert store.get(lesson.LESSON, "reflection") == "Direct contact and referrals, 6 h each."
    assert lesson.reflection(store=store).text.value.startswith("Direct contact")


def test_check_keys_match_what_the_checks_save(tmp_path):
    store = ProgressStore(tmp_path)
    predict = lesson.predict(store=store)
    predict.control.value = lesson.PREDICT_OPTIONS[2]
    predict.check()
    for make in (lesson.when_all_in, lesson.evidence, lesson.hidden_jobs):
        widget = make(store=store)
        widget.choice.value = widget.options[0].text
        widget.check()
    sort = lesson.kinds(store=store)
    for dropdown in sort.dropdowns:
        dropdown.value = lesson.KINDS[0]
    sort.check()
    lesson.reflection(store=store).text.value = "something"
    assert set(store.lesson(lesson.LESSON)) == set(lesson.CHECK_KEYS)
    assert len(lesson.CHECK_KEYS) == len(set(lesson.CHECK_KEYS))
