"""Lesson 03 widgets without a browser: set a control, look at what is drawn and said."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.models import online
from netnot.progress import ProgressStore
from netnot.widgets import online as lesson


@pytest.fixture()
def store(tmp_path) -> ProgressStore:
    return ProgressStore(tmp_path)


@pytest.fixture(scope="module")
def explorer():
    return lesson.explorer()


def curve(explorer) -> np.ndarray:
    return np.asarray(explorer.figure.curve.get_ydata(), dtype=float)


def test_explorer_has_at_most_six_labelled_controls(explorer) -> None:
    assert 1 <= len(explorer.controls) <= 6
    assert all(control.description for control in explorer.controls.values())
    assert set(lesson.HEAVIEST) == set(explorer.controls)


def test_defaults_draw_the_model(explorer) -> None:
    expected = online.simulate()
    assert np.allclose(curve(explorer), expected.mean)
    assert explorer.figure.best.get_xdata()[0] == expected.best_share
    assert f"Best mix: {100 * expected.best_share:.0f}% online" in explorer.summary.value
    assert f"best mix: {100 * expected.best_share:.0f}% online" in explorer.figure.alt
    assert explorer.plot.value[:3] == b"\xff\xd8\xff" and explorer.plot.tooltip  # a JPEG


def test_fewer_people_on_the_site_redraws_everything(explorer) -> None:
    before_curve, before_summary = curve(explorer), explorer.summary.value
    before_plot, before_alt = explorer.plot.value, explorer.figure.alt
    explorer.controls["on_site_percent"].value = 10
    expected = online.simulate(on_site_share=0.1)
    assert np.allclose(curve(explorer), expected.mean)
    assert not np.allclose(curve(explorer), before_curve)
    assert explorer.figure.best.get_xdata()[0] == expected.best_share
    assert explorer.summary.value != before_summary
    assert f"Best mix: {100 * expected.best_share:.0f}% online" in explorer.summary.value
    assert explorer.figure.alt != before_alt and explorer.plot.value != before_plot
    explorer.controls["on_site_percent"].value = 50


def test_your_share_moves_the_marker_and_the_blue_bars(explorer) -> None:
    explorer.controls["online_percent"].value = 20
    assert explorer.figure.yours.get_xdata()[0] == 0.2
    assert "At your 20%" in explorer.summary.value
    heights = explorer.figure.bars[1].get_data().values[::2]  # bar, gap, bar, ...
    expected = 100 * explorer.result.distribution(0.2)
    assert np.allclose(heights, expected)
    for bars in explorer.figure.bars:
        assert abs(bars.get_data().values.sum() - 100) < 1e-6
    explorer.controls["online_percent"].value = 50


def test_out_of_range_value_shows_a_message_and_keeps_the_figure(explorer) -> None:
    plot, result = explorer.plot.value, explorer.result
    assert explorer.update(hours_per_week=99) is False
    assert "hours of networking a week must be between 0.5 and 20; got 99" in explorer.error.value
    assert explorer.plot.value == plot and explorer.result is result
    assert explorer.update() is True and explorer.error.value == ""


def test_heaviest_settings_are_accepted() -> None:
    explorer = lesson.explorer()
    assert explorer.update(**lesson.HEAVIEST) is True
    assert explorer.result.params["hours_per_week"] == lesson.HEAVIEST["hours_per_week"]
    top = explorer.figure.left.get_ylim()[1]
    assert 0 < curve(explorer).max() <= top, "the y-axis grows to keep the whole curve in view"


def answer(check, text: str) -> None:
    control = getattr(check, "control", None) or check.choice
    control.value = text
    check.check()


@pytest.mark.parametrize(
    "make, right, wrong, word",
    [
        (lesson.predict, lesson.EMAIL_OPTIONS[2], lesson.EMAIL_OPTIONS[0], "34 times"),
        (lesson.predict_voice, lesson.VOICE_OPTIONS[1], lesson.VOICE_OPTIONS[2], "video"),
    ],
)
def test_predictions_reveal_with_feedback_and_are_restored(store, make, right, wrong, word):
    check = make(store=store)
    answer(check, wrong)
    assert f"You guessed: {wrong}" in check.feedback.value and word in check.feedback.value
    assert "Not quite" not in check.feedback.value, "a prediction is compared, never marked"
    answer(check, right)
    assert f"You guessed: {right}" in check.feedback.value and "Correct" not in check.feedback.value
    saved = store.get(lesson.LESSON, check.key)
    assert saved["prediction"] == right and saved["first"] == wrong and saved["correct"] is True
    again = make(store=store)
    assert again.control.value == right and f"You guessed: {right}" in again.feedback.value


@pytest.mark.parametrize("make", [lesson.fewer_on_site, lesson.online_only])
def test_multiple_choice_feedback_and_restore(store, make) -> None:
    check = make(store=store)
    right = next(o for o in check.options if o.correct)
    wrong = next(o for o in check.options if not o.correct)
    answer(check, wrong.text)
    assert "Not quite" in check.feedback.value
    answer(check, right.text)
    assert "Correct" in check.feedback.value
    again = make(store=store)
    assert again.choice.value == right.text and "Correct" in again.feedback.value


def test_fewer_on_site_quotes_the_model(store) -> None:
    check = lesson.fewer_on_site(store=store)
    few = online.simulate(on_site_share=0.1).best_share
    assert f"to {100 * few:.0f}% online" in check.options[0].why


def test_sort_claims(store) -> None:
    check = lesson.sort_claims(store=store)
    for dropdown, item in zip(check.dropdowns, check.items, strict=True):
        dropdown.value = item.group
    check.check()
    assert f"{len(check.items)} of {len(check.items)} sorted as intended" in check.feedback.value
    check.dropdowns[1].value = lesson.GROUPS[0]  # "34 times, in general" is overstated
    check.check()
    assert "Not quite" in check.feedback.value and "press-summary" in check.feedback.value
    again = lesson.sort_claims(store=store)
    assert again.dropdowns[1].value == lesson.GROUPS[0]


def test_reflection_saves_as_you_type(store) -> None:
    box = lesson.reflection(store=store)
    box.text.value = "Two of my five are not on LinkedIn."
    assert store.get(lesson.LESSON, "reflection") == "Two of my five are not on LinkedIn."
    assert lesson.reflection(store=store).text.value == "Two of my five are not on LinkedIn."


def test_check_keys_match_what_the_checks_save(store) -> None:
    makers = [lesson.predict, lesson.predict_voice, lesson.fewer_on_site, lesson.online_only,
              lesson.sort_claims]
    for make in makers:
        check = make(store=store)
        if hasattr(check, "dropdowns"):
            for dropdown, item in zip(check.dropdowns, check.items, strict=True):
                dropdown.value = item.group
        elif hasattr(check, "options"):
            check.choice.value = check.options[0].text
        else:  # a prediction is saved once the learner has made one
            check.control.value = check.control.options[1]
        check.check()
    lesson.reflection(store=store).text.value = "noted"
    assert set(store.lesson(lesson.LESSON)) == set(lesson.CHECK_KEYS)
    assert len(lesson.CHECK_KEYS) == len(set(lesson.CHECK_KEYS))
