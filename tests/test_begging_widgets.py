"""Lesson 01 widgets without a browser: the explorer, its figure, the checks and their saving."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest

from netnot.models import begging as model
from netnot.progress import ProgressStore
from netnot.widgets import begging as lesson
from netnot.widgets.checks import Reflection


@pytest.fixture()
def store(tmp_path):
    return ProgressStore(tmp_path)


@pytest.fixture(scope="module")
def explorer():
    return lesson.explorer()


def final_referrals(explorer, name):
    return float(explorer.figure.referral_lines[name].get_ydata()[-1])


def test_explorer_has_at_most_six_labelled_controls(explorer):
    assert 1 <= len(explorer.controls) <= 6
    assert all(c.description for c in explorer.controls.values())
    assert set(explorer.controls) == set(inspect.signature(lesson.run).parameters)
    assert set(lesson.HEAVIEST) == set(explorer.controls)
    assert lesson.run(**lesson.HEAVIEST).referrals.shape[1] >= 10_000


def test_explorer_draws_the_defaults(explorer):
    result = model.simulate()
    assert explorer.result.best == "give then ask"
    for name in model.STRATEGIES:
        assert math.isclose(final_referrals(explorer, name), result.total(name))
        goodwill = explorer.figure.goodwill_lines[name].get_ydata()
        assert math.isclose(goodwill[-1], result.end_goodwill(name))
    best = f"give every 4 weeks, ask once (week 5), {result.total('give then ask'):.1f}"
    assert best in explorer.summary.value
    assert "Most referrals: give every 4 weeks" in explorer.figure.alt
    assert explorer.plot.value[:3] == b"\xff\xd8\xff" and explorer.plot.tooltip  # a JPEG


def test_free_repeat_asks_make_pestering_win_on_screen():
    explorer = lesson.explorer()
    before = final_referrals(explorer, "pester")
    summary, alt = explorer.summary.value, explorer.figure.alt
    explorer.controls["ask_cost"].value = 0.0
    after = final_referrals(explorer, "pester")
    assert after > 5 * before
    assert math.isclose(after, model.simulate(ask_cost=0.0).total("pester"))
    assert "Most referrals per 20 contacts: pester: ask every week" in explorer.summary.value
    assert explorer.summary.value != summary and explorer.figure.alt != alt
    assert "Most referrals: pester: ask every week" in explorer.figure.alt
    top = explorer.figure.left.get_ylim()[1]
    assert top >= after  # the axis grew to keep the winning line in view


def test_spacing_the_pester_asks_changes_the_line_and_the_words():
    explorer = lesson.explorer()
    goodwill_before = explorer.figure.goodwill_lines["pester"].get_ydata().copy()
    explorer.controls["pester_every"].value = 8
    goodwill_after = explorer.figure.goodwill_lines["pester"].get_ydata()
    assert goodwill_before[-1] < 0.05 < 0.4 < goodwill_after[-1]
    assert "pester: ask every 8 weeks" in explorer.summary.value
    assert "pester: ask every 8 weeks" in explorer.figure.alt


def test_more_giving_raises_the_giving_line():
    explorer = lesson.explorer()
    before = final_referrals(explorer, "give then ask")
    explorer.controls["give_gain"].value = 0.15
    assert final_referrals(explorer, "give then ask") > before
    assert np.max(explorer.figure.goodwill_lines["give then ask"].get_ydata()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (dict(ask_cost=3), "goodwill lost per repeat ask must be between 0 and 1; got 3"),
        (dict(opening_percent=250), "weekly chance of an opening (%) must be between 0 and 100"),
        (dict(pester_every=1.5), "weeks between pestering asks must be a whole number"),
        (dict(memory_weeks="long"), "weeks a message stays in mind must be a number"),
    ],
)
def test_bad_values_show_a_message_and_keep_the_figure(change, words):
    explorer = lesson.explorer()
    plot, summary, result = explorer.plot.value, explorer.summary.value, explorer.result
    assert explorer.update(**change) is False
    assert words in explorer.error.value.replace("&#x27;", "'")
    assert explorer.plot.value == plot and explorer.summary.value == summary
    assert explorer.result is result
    assert explorer.update() is True and explorer.error.value == ""


# --- formative checks ------------------------------------------------------------------------

def test_predict_reveals_flynn_and_lake_and_restores(store):
    check = lesson.predict(store=store)
    check.control.value = 2
    check.check()
    assert "Locked in" in check.feedback.value and "Flynn &amp; Lake" in check.feedback.value
    assert "Not quite" not in check.feedback.value, "a prediction is compared, never marked"
    assert "50%" in check.feedback.value
    assert store.get(lesson.LESSON, "predict-yes")["prediction"] == 2
    check.control.value = 7
    check.check()
    assert "you guessed 7 of 10" in check.feedback.value
    saved = store.get(lesson.LESSON, "predict-yes")
    assert saved["prediction"] == 7 and saved["first"] == 2
    again = lesson.predict(store=store)
    assert again.control.value == 7 and "you guessed 7 of 10" in again.feedback.value


def test_sorting_messages_gives_feedback_for_each_and_restores(store):
    check = lesson.sort_messages(store=store)
    assert {item.group for item in check.items} == {lesson.ADVICE, lesson.JOB}
    for dropdown, item in zip(check.dropdowns, check.items, strict=True):
        dropdown.value = item.group
    check.check()
    assert "Correct" in check.feedback.value
    assert f"{len(check.items)} of {len(check.items)} sorted" in check.feedback.value
    check.dropdowns[1].value = lesson.ADVICE  # message 2 asks for a job
    check.check()
    assert "Not quite" in check.feedback.value and "✗ 2." in check.feedback.value
    again = lesson.sort_messages(store=store)
    assert again.dropdowns[1].value == lesson.ADVICE
    assert "Not quite" in again.feedback.value


def test_sorting_needs_every_message_sorted(store):
    check = lesson.sort_messages(store=store)
    check.check()
    assert "Sort every message first" in check.feedback.value
    assert store.get(lesson.LESSON, "sort-messages") is None


@pytest.mark.parametrize("make", [lesson.what_wears_out, lesson.free_repeats])
def test_multiple_choice_checks_explain_right_and_wrong(make, store):
    check = make(store=store)
    right = [o for o in check.options if o.correct]
    wrong = [o for o in check.options if not o.correct]
    assert len(right) == 1 and wrong
    check.choice.value = wrong[0].text
    check.check()
    assert "Not quite" in check.feedback.value
    check.choice.value = right[0].text
    check.check()
    assert "Correct" in check.feedback.value
    assert store.get(lesson.LESSON, check.key) == {"answer": right[0].text, "correct": True}
    again = make(store=store)
    assert again.choice.value == right[0].text and "Correct" in again.feedback.value


def test_explanations_quote_the_model(store):
    r = model.simulate()
    wears = lesson.what_wears_out(store=store)
    right = next(o for o in wears.options if o.correct)
    assert f"{r.total('pester'):.1f} referrals" in right.why
    free = model.simulate(ask_cost=0.0)
    repeats = lesson.free_repeats(store=store)
    assert f"{free.total('pester'):.1f} referrals" in next(o for o in repeats.options
                                                             if o.correct).why


def test_reflection_saves_as_you_type(store):
    box = lesson.reflection(store=store)
    assert isinstance(box, Reflection)
    box.text.value = "Send Sam the article, then ask how she got into logistics."
    assert store.get(lesson.LESSON, "reflection").startswith("Send Sam")
    assert "Saved" in box.status.value
    assert lesson.reflection(store=store).text.value.startswith("Send Sam")


def test_check_keys_are_the_keys_the_checks_save(store):
    predict = lesson.predict(store=store)
    predict.control.value = 4  # a prediction is saved once the learner has made one
    predict.check()
    sort = lesson.sort_messages(store=store)
    for dropdown, item in zip(sort.dropdowns, sort.items, strict=True):
        dropdown.value = item.group
    sort.check()
    for make in (lesson.what_wears_out, lesson.free_repeats):
        check = make(store=store)
        check.choice.value = check.options[0].text
        check.check()
    lesson.reflection(store=store).text.value = "a plan"
    assert set(store.lesson(lesson.LESSON)) == set(lesson.CHECK_KEYS)
    assert len(lesson.CHECK_KEYS) == len(set(lesson.CHECK_KEYS))


def test_the_referral_axis_always_shows_every_line_without_wasting_space():
    explorer = lesson.explorer()
    for percent in (0.5, 10, 5, 2, 0.5, 3):
        explorer.controls["opening_percent"].value = percent
        peak = float(explorer.result.cumulative[:, -1].max())
        top = explorer.figure.left.get_ylim()[1]
        assert peak <= top <= max(1.0, 4 * 1.1 * peak) * 2.5, (percent, peak, top)
