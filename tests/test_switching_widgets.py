"""Lesson 05 widgets without a browser: set values, read what is shown and saved."""

from __future__ import annotations

import json

import numpy as np
import pytest

from netnot.figures.switching import SwitchingFigure
from netnot.models import switching as model
from netnot.progress import ProgressStore
from netnot.widgets import switching as lesson


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path)


@pytest.fixture(scope="module")
def explorer():
    return lesson.explorer()


def line(explorer, policy):
    return np.asarray(explorer.figure.lines[policy].get_ydata(), dtype=float)


def test_explorer_shows_every_policy_in_figure_summary_and_alt_text(explorer):
    assert len(explorer.controls) <= 6
    assert explorer.plot.value[:3] == b"\xff\xd8\xff" and explorer.plot.tooltip  # a JPEG
    for policy in model.BASELINES:
        label = model.LABELS[policy]
        assert label in explorer.summary.value and label in explorer.figure.alt
        curve = line(explorer, policy)
        assert curve[0] == 1.0 and curve.size == explorer.result.horizon + 1


def test_patience_slider_moves_only_the_k_policy(explorer):
    before = {p: line(explorer, p) for p in model.BASELINES}
    alt = explorer.figure.alt
    explorer.controls["patience"].value = 1
    after = {p: line(explorer, p) for p in model.BASELINES}
    assert not np.array_equal(before["after k silent weeks"], after["after k silent weeks"])
    assert np.array_equal(after["after k silent weeks"], after["every silent week"])
    assert np.array_equal(before["stick"], after["stick"])
    assert explorer.figure.alt != alt
    explorer.controls["patience"].value = model.DEFAULTS["patience"]


def test_networking_maturing_changes_the_networking_share_shown(explorer):
    explorer.controls["maturing_weeks"].value = 0
    quick = explorer.result
    explorer.controls["maturing_weeks"].value = 26
    slow = explorer.result
    row = model.BASELINES.index("evidence")
    assert slow.networking_share[row] < quick.networking_share[row]
    assert f"{slow.networking_share[row]:.0%}" in explorer.summary.value
    explorer.controls["maturing_weeks"].value = model.DEFAULTS["maturing_weeks"]


def test_spread_panel_draws_the_percentiles(explorer):
    result, figure = explorer.result, explorer.figure
    end = result.horizon + 1
    for index, policy in enumerate(model.BASELINES):
        p10, p25, p50, p75, p90 = np.minimum(result.percentiles(policy, (10, 25, 50, 75, 90)), end)
        assert np.allclose(figure.boxes.get_segments()[index][:, 0], [p25, p75])
        assert np.allclose(figure.whiskers.get_segments()[index][:, 0], [p10, p90])
        assert figure.medians.get_xdata()[index] == p50 == min(result.median(policy), end)


def test_bad_value_shows_a_message_and_keeps_the_figure(explorer):
    plot, result = explorer.plot.value, explorer.result
    assert explorer.update(patience=100) is False
    assert "silent weeks before switching must be between 1 and 52; got 100" in explorer.error.value
    assert explorer.plot.value == plot and explorer.result is result
    assert explorer.update() is True and explorer.error.value == ""


def test_heaviest_settings_are_valid(explorer):
    assert explorer.update(**lesson.HEAVIEST) is True
    assert explorer.update() is True


def test_figure_can_show_the_learners_rule():
    figure = SwitchingFigure(with_rule=True)
    result = model.simulate(rule=lambda week, current, *rest: current, seekers=300)
    figure.show(result)
    assert np.array_equal(figure.lines[model.YOUR_RULE].get_ydata(),
                          figure.lines["stick"].get_ydata())
    assert "your rule" in figure.alt
    figure.show(model.simulate(seekers=300))  # without a rule: its line is hidden
    assert not figure.lines[model.YOUR_RULE].get_visible()


def test_predict_right_and_wrong_and_restored(store):
    widget = lesson.predict(store=store)
    widget.control.value = 10
    widget.check()
    assert "you guessed 10%" in widget.feedback.value and "about 60%" in widget.feedback.value
    assert "Not quite" not in widget.feedback.value, "a prediction is compared, never marked"
    widget.control.value = 60
    widget.check()
    assert "you guessed 60%" in widget.feedback.value and "Correct" not in widget.feedback.value
    saved = store.get(lesson.LESSON, "predict-silent-streak")
    assert saved["prediction"] == 60 and saved["first"] == 10
    again = lesson.predict(store=ProgressStore(store.folder))
    assert again.control.value == 60 and "you guessed 60%" in again.feedback.value


@pytest.mark.parametrize("make", [lesson.why_lose_shift_fails, lesson.networking_week_3])
def test_multiple_choice_feedback_and_saving(store, make):
    widget = make(store=store)
    right = next(o for o in widget.options if o.correct)
    wrong = next(o for o in widget.options if not o.correct)
    widget.choice.value = wrong.text
    widget.check()
    assert "Not quite" in widget.feedback.value
    widget.choice.value = right.text
    widget.check()
    assert "Correct" in widget.feedback.value
    again = make(store=ProgressStore(store.folder))
    assert again.choice.value == right.text and "Correct" in again.feedback.value


def test_lose_shift_explanation_quotes_the_simulated_networking_share(store):
    widget = lesson.why_lose_shift_fails(store=store)
    result = model.simulate()
    share = result.networking_share[result.policies.index("every silent week")]
    right = next(o for o in widget.options if o.correct)
    assert f"{share:.0%}" in right.why


def test_signals_sorting(store):
    widget = lesson.signals(store=store)
    for dropdown, item in zip(widget.dropdowns, widget.items, strict=True):
        dropdown.value = item.group
    widget.check()
    assert f"{len(widget.items)} of {len(widget.items)}" in widget.feedback.value
    assert "Correct" in widget.feedback.value
    widget.dropdowns[0].value = "Too early to tell"
    widget.check()
    assert "Not quite" in widget.feedback.value
    again = lesson.signals(store=ProgressStore(store.folder))
    assert again.dropdowns[0].value == "Too early to tell"


def test_reflection_saves_as_you_type(store):
    widget = lesson.reflection(store=store)
    widget.text.value = "I will count replies each Friday."
    assert "Saved" in widget.status.value
    assert lesson.reflection(store=ProgressStore(store.folder)).text.value.startswith("I will")


def test_check_keys_are_the_keys_the_checks_save(store):
    predict = lesson.predict(store=store)
    predict.control.value = 40  # a prediction is saved once the learner has made one
    predict.check()
    for make in (lesson.why_lose_shift_fails, lesson.networking_week_3):
        widget = make(store=store)
        widget.choice.value = widget.options[0].text
        widget.check()
    sorter = lesson.signals(store=store)
    for dropdown in sorter.dropdowns:
        dropdown.value = "Keep going"
    sorter.check()
    lesson.reflection(store=store).text.value = "x"
    saved = json.loads(store.path.read_text())["lessons"][lesson.LESSON]
    assert set(saved) == set(lesson.CHECK_KEYS)


def test_rank_widget_handles_an_unwritten_rule():
    def my_rule(week, current, silent_weeks, tries, successes, rng):
        raise NotImplementedError()

    assert "not written yet" in lesson.rank(my_rule).value


def test_streak_table_shows_the_ten_week_figure():
    assert "<td>60%</td>" in lesson.streak_table().value
