"""Lesson 02 widgets without a browser: the explorer, its figure, the checks and their saving."""

from __future__ import annotations

import inspect
import random

import numpy as np
import pytest
from explorer_helpers import assert_refused_and_kept, text

from netnot.models import networking, search
from netnot.models.world import scenario
from netnot.progress import ProgressStore
from netnot.widgets import quickfix as lesson
from netnot.widgets.checks import NOT_CHOSEN, Reflection

NEW = scenario("new to the field")


@pytest.fixture()
def explorer():
    return lesson.explorer()


def model(world=NEW, hours=lesson.HOURS, head_start=0):
    return networking.first_referrals(world, hours, head_start, horizon=lesson.HORIZON,
                                      people=lesson.PEOPLE)


def test_controls_are_labelled_and_set_the_world(explorer):
    assert set(explorer.controls) == set(inspect.signature(lesson.run).parameters)
    assert set(explorer.controls) == set(lesson.HEAVIEST)
    assert all(control.description for control in explorer.controls.values())
    for name, (_, low, high, _) in lesson.SLIDERS.items():
        control = explorer.controls[name]
        assert (control.min, control.max) == (low, high)
        assert low <= lesson.HEAVIEST[name] <= high
    assert explorer.result.world == NEW, "the explorer starts from the lesson's scenario"


def test_explorer_draws_first_referrals_at_the_first_settings(explorer):
    expected = model()
    figure = explorer.figure
    shares = figure.curve.get_ydata() / 100
    assert shares[0] == 0
    for week in (2, 10, 26, 52):
        assert shares[week] == pytest.approx(expected.share_by(week))
    assert figure.median_line.get_xdata()[0] == expected.median
    np.testing.assert_allclose(figure.yours.get_ydata(), 100 * expected.weekly_chance)
    np.testing.assert_allclose(figure.scratch.get_ydata(), 100 * expected.from_scratch)
    interview = -np.expm1(-search.interviews(NEW, 0, lesson.HOURS))
    assert figure.applications.get_ydata()[0] == pytest.approx(100 * interview)
    shown = text(explorer.summary.value)
    assert f"Median first referral: week {expected.median:g}" in shown
    assert f"within 2 weeks: {100 * expected.share_by(2):.1f}%" in shown
    assert "2 close ties and 5 acquaintances know you, but nobody knows you are looking" in shown
    assert f"half by week {expected.median:g}" in figure.alt
    assert explorer.plot.value[:3] == b"\xff\xd8\xff" and explorer.plot.tooltip == figure.alt


def test_a_head_start_moves_the_median_more_than_twice_the_hours(explorer):
    base = explorer.result.referrals.median
    explorer.controls["hours"].value = 2 * lesson.HOURS
    doubled = explorer.result.referrals.median
    explorer.controls["hours"].value = lesson.HOURS
    explorer.controls["head_start"].value = lesson.HEAD_START
    ahead = explorer.result.referrals.median
    assert ahead < doubled < base
    assert ahead == model(head_start=lesson.HEAD_START).median
    assert f"Median first referral: week {ahead:g}" in text(explorer.summary.value)
    assert f"half by week {ahead:g}" in explorer.figure.alt
    week_one = explorer.figure.yours.get_ydata()[0]
    assert week_one > 2 * explorer.figure.scratch.get_ydata()[0], "the head start shows"


def test_switching_to_the_typical_seeker_moves_its_sliders_in_one_update(explorer, monkeypatch):
    runs = []
    original = explorer.model
    monkeypatch.setattr(explorer, "model", lambda **v: runs.append(v) or original(**v))
    explorer.controls["start"].value = "typical"
    assert len(runs) == 1
    assert explorer.controls["acquaintances"].value == 20 and explorer.controls["told"].value
    assert explorer.result.world == scenario("typical")
    assert "5 close ties and 20 acquaintances know you, and know you are looking" in (
        text(explorer.summary.value))
    assert explorer.result.referrals.median < model().median
    explorer.controls["start"].value = "new to the field"
    assert explorer.controls["acquaintances"].value == 5 and not explorer.controls["told"].value
    assert explorer.result.world == NEW and len(runs) == 2


def test_telling_people_and_slower_trust_move_the_curve(explorer):
    base = explorer.result.referrals.median
    explorer.controls["told"].value = True
    assert explorer.result.referrals.median < base
    assert explorer.result.world.told_network == 1
    explorer.controls["told"].value = False
    explorer.controls["vouch_hours"].value = 30
    assert explorer.result.referrals.median > base
    assert explorer.result.world.vouch_hours == 30


def test_the_axes_never_change_and_always_hold_every_line(explorer, monkeypatch):
    limits = [(axes.get_xlim(), axes.get_ylim()) for axes in explorer.figure.axes]
    redrawn = []
    monkeypatch.setattr(type(explorer.figure.left), "draw", lambda *a: redrawn.append(a))
    settings = random.Random(2)
    randoms = [{name: settings.choice(np.arange(low, high + step / 2, step).tolist())
                for name, (_, low, high, step) in lesson.SLIDERS.items()} for _ in range(8)]
    for values in [lesson.HEAVIEST, *randoms]:
        for name, value in values.items():
            explorer.controls[name].value = value
        assert explorer.error.value == ""
        top = explorer.figure.right.get_ylim()[1]
        peak = max(np.max(explorer.figure.yours.get_ydata()),
                   np.max(explorer.figure.applications.get_ydata()))
        assert peak <= top, values
    assert [(axes.get_xlim(), axes.get_ylim()) for axes in explorer.figure.axes] == limits
    assert redrawn == [], "no slider move redraws a panel"


def test_a_median_beyond_the_year_hides_its_line(explorer):
    explorer.controls["hours"].value = 0.5
    explorer.controls["vouch_hours"].value = 30
    assert not np.isfinite(explorer.result.referrals.median)
    assert not explorer.figure.median_line.get_visible()
    assert "Median first referral: after week 52" in text(explorer.summary.value)
    assert "half by no week within a year" in explorer.figure.alt
    explorer.controls["vouch_hours"].value = NEW.vouch_hours
    assert explorer.figure.median_line.get_visible()


@pytest.mark.parametrize(("change", "words"), [
    (dict(hours=45), "networking hours a week must be between 0 and 40; got 45"),
    (dict(head_start=2.5), "weeks of networking before the search must be a whole number"),
    (dict(start="lucky"), "starting point must be one of 'new to the field', 'typical'"),
    (dict(vouch_hours=0), "hours of real conversation before someone knows you well enough to "
                          "vouch for you must be between 0.5 and 50; got 0"),
])
def test_bad_values_show_a_message_and_keep_the_figure(explorer, change, words):
    assert_refused_and_kept(explorer, change, words)


def test_a_value_typed_past_a_slider_is_clamped(explorer):
    control = explorer.controls["hours"]
    control.value = 45
    assert control.value == control.max == 15
    assert explorer.result.hours == 15 and explorer.error.value == ""


def test_findings_are_computed_at_the_first_settings():
    expected = model()
    box = text(lesson.findings().value)
    assert (f"Half of the simulated people have one by week {expected.median:g}; only "
            f"{100 * expected.share_by(2):.1f}% within 2 weeks") in box
    assert f"starts at {100 * expected.weekly_chance[0]:.1f}%" in box
    interview = -np.expm1(-search.interviews(NEW, 0, lesson.HOURS))
    week = int(np.argmax(expected.weekly_chance > interview)) + 1
    assert f"({100 * interview:.1f}% every week, from the first) in week {week}" in box
    assert "about 6 in 10 lead to one" in box and "4,000 simulated people" in box


# --- formative checks ------------------------------------------------------------------------

def test_predict_starts_unanswered_and_compares_with_the_simulated_median(store):
    median = model().median
    check = lesson.predict(store)
    assert check.readout.value == NOT_CHOSEN and not check.chosen
    check.check()
    assert "Move the slider" in check.feedback.value
    check.control.value = 2
    check.check()
    assert f"have their first referral by week {median:g}" in check.feedback.value
    assert "✗" not in check.feedback.value and "✓" not in check.feedback.value
    check.control.value = int(median)
    check.check()
    assert f"you guessed week {int(median)}" in check.feedback.value
    again = lesson.predict(ProgressStore(store.folder))  # the notebook reopened
    assert again.control.value == int(median)
    assert f"you guessed week {int(median)}" in again.feedback.value
    saved = store.get(lesson.LESSON, "predict-first-referral")
    assert saved["first"] == 2 and saved["prediction"] == int(median)


def correct(check):
    return next(o for o in check.options if o.correct)


def test_biggest_lever_is_computed_and_each_option_quotes_its_median(store):
    check = lesson.biggest_lever(store)
    base = model().median
    assert correct(check).text.startswith(f"Start networking {lesson.HEAD_START} weeks before")
    expected = {0: model(hours=2 * lesson.HOURS).median,
                1: model(head_start=lesson.HEAD_START).median,
                2: model(NEW.changed(told_network=1)).median}
    for index, median in expected.items():
        assert f"from week {base:g} to week {median:g}" in check.options[index].why


def test_trust_fades_quotes_the_pause_view(store):
    check = lesson.trust_fades(store)
    why = correct(check).why
    paused = networking.after_a_pause(NEW, lesson.HOURS, lesson.HEAD_START, lesson.HEAD_START)
    assert f"after the pause: {100 * paused[0]:.1f}% in the first week" in why
    assert f"About {100 * NEW.fade ** lesson.HEAD_START:.0f}% of the trust" in why
    assert correct(check).text.startswith("Part of it")


CHOICES = [lesson.biggest_lever, lesson.trust_fades, lesson.ongoing_vs_completed]


@pytest.mark.parametrize("make", CHOICES)
def test_multiple_choice_checks_explain_every_option_and_restore(make, store):
    check = make(store)
    assert sum(o.correct for o in check.options) == 1 and len(check.options) >= 3
    for option in check.options:
        check.choice.value = option.text
        check.check()
        assert ("Correct" if option.correct else "Not quite") in check.feedback.value
        assert len(option.why) > 40
    check.choice.value = correct(check).text
    check.check()
    again = make(ProgressStore(store.folder))
    assert again.choice.value == correct(check).text and "Correct" in again.feedback.value


def test_ongoing_and_completed_spells_are_named_for_what_they_are(store):
    check = lesson.ongoing_vs_completed(store)
    assert "average unemployment spell still in progress was about 40 weeks" in (
        check.question.value)
    assert "median of about 10 weeks (Ilg &amp; Theodossiou 2012" in check.question.value
    assert "average over searches still going on" in correct(check).text


def test_reflection_saves_as_you_type(store):
    box = lesson.reflection(store)
    assert isinstance(box, Reflection)
    box.text.value = "I will call two former colleagues."
    assert store.get(lesson.LESSON, "reflection").startswith("I will call")
    assert lesson.reflection(store).text.value.startswith("I will call")


def test_check_keys_are_the_keys_the_checks_save(store):
    predict = lesson.predict(store)
    predict.control.value = 6  # a prediction is saved once the learner has made one
    predict.check()
    for make in CHOICES:
        check = make(store)
        check.choice.value = check.options[1].text
        check.check()
    lesson.reflection(store).text.value = "I will call two former colleagues."
    assert set(store.lesson(lesson.LESSON)) == set(lesson.CHECK_KEYS)
    assert "reflection" in lesson.CHECK_KEYS and "predict-first-referral" in lesson.CHECK_KEYS


def test_in_a_grading_kernel_the_explorer_skips_its_picture(monkeypatch):
    """nbgrader's autograde kernel (NBGRADER_EXECUTION=autograde) runs the explorers that the
    answers are read from; nobody sees their pictures there, so none is drawn. The numbers
    (result and summary line) are the same as a learner's."""
    live = lesson.explorer()
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    graded = lesson.explorer()
    assert live.plot.value and not graded.plot.value
    assert graded.summary.value == live.summary.value
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")  # Validate: a learner is looking
    assert lesson.explorer().plot.value
