"""Lesson 01 widgets without a browser: the explorer, its figure, the checks and their saving."""

from __future__ import annotations

import inspect
import random

import numpy as np
import pytest
from explorer_helpers import assert_refused_and_kept, text

from netnot.figures.begging import PER
from netnot.models import contacts
from netnot.models.world import World
from netnot.widgets import begging as lesson
from netnot.widgets.checks import NOT_CHOSEN, Reflection


@pytest.fixture()
def explorer():
    return lesson.explorer()


def final(explorer, name: str) -> float:
    return float(explorer.figure.referral_lines[name].get_ydata()[-1])


def test_six_labelled_controls_each_set_the_world_or_a_cadence(explorer):
    assert set(explorer.controls) == set(inspect.signature(lesson.run).parameters)
    assert set(explorer.controls) == set(lesson.HEAVIEST) == set(lesson.CONTROLS)
    for name, control in explorer.controls.items():
        assert control.description
        assert control.min <= lesson.HEAVIEST[name] <= control.max
    world = explorer.result.world
    assert world.differences() == {}, "the first settings are the course's default world"


def test_explorer_draws_the_model_at_the_first_settings(explorer):
    model = contacts.cadences(World(), weeks=lesson.WEEKS, ask_week=lesson.ASK_WEEK)
    for name in contacts.CADENCES:
        assert final(explorer, name) == pytest.approx(model.total(name, PER))
        warmth = explorer.figure.warmth_lines[name].get_ydata()
        np.testing.assert_allclose(warmth, model.mean_warmth(name))
    tuned = explorer.figure.tuned_line.get_ydata()
    assert tuned[-1] == pytest.approx(model.share_tuned_out("pester"))
    shown = text(explorer.summary.value)
    assert (f"Most referrals per 20 contacts: give every 4 weeks, ask once in week 5, "
            f"{model.total('give then ask', PER):.1f}") in shown
    assert f"ask for a job every week: {model.total('pester', PER):.1f}" in shown
    assert f"tuned you out: {100 * model.share_tuned_out('pester'):.0f}%" in shown
    assert explorer.plot.value[:3] == b"\xff\xd8\xff" and explorer.plot.tooltip
    assert "give every 4 weeks, ask once in week 5: 4.7 referrals" in explorer.figure.alt


def test_free_repeat_asks_make_pestering_tie_with_asking_once(explorer):
    before, alt = final(explorer, "pester"), explorer.figure.alt
    explorer.controls["ask_cost"].value = 0.0
    assert final(explorer, "pester") > 5 * before
    assert final(explorer, "pester") == pytest.approx(final(explorer, "ask once"))
    assert final(explorer, "give then ask") > final(explorer, "pester")
    assert "tuned you out: 0%" in explorer.summary.value
    assert explorer.figure.alt != alt
    assert not explorer.figure.tuned_line.get_ydata().any()


def test_worthless_gives_take_the_givers_lead_away(explorer):
    explorer.controls["give_hours"].value = 0.0
    assert final(explorer, "give then ask") <= final(explorer, "ask once")
    assert "Most referrals per 20 contacts: ask once, clearly, in week 1" in (
        text(explorer.summary.value))
    warmth = explorer.figure.warmth_lines["give then ask"].get_ydata()
    np.testing.assert_allclose(warmth, explorer.figure.warmth_lines["ask once"].get_ydata())


def test_spacing_the_asks_out_ends_the_harm(explorer):
    explorer.controls["pester_every"].value = 8  # no two asks within the 8 weeks they stay fresh
    assert final(explorer, "pester") == pytest.approx(final(explorer, "ask once"))
    assert "ask for a job every 8 weeks: 2.8 referrals" in explorer.figure.alt
    assert "ask for a job every 8 weeks: 2.8" in explorer.summary.value


def test_more_giving_raises_the_giving_lines(explorer):
    before = final(explorer, "give then ask")
    explorer.controls["give_every"].value = 1
    explorer.controls["give_hours"].value = 2.0
    assert final(explorer, "give then ask") > 1.5 * before
    assert max(explorer.figure.warmth_lines["give then ask"].get_ydata()) == pytest.approx(1.0)


def test_the_axes_never_change_and_always_hold_every_line(explorer, monkeypatch):
    limits = [axes.get_ylim() for axes in explorer.figure.axes]
    redrawn = []
    monkeypatch.setattr(type(explorer.figure.left), "draw", lambda *a: redrawn.append(a))
    settings = random.Random(1)
    corners = [lesson.HEAVIEST, {**lesson.HEAVIEST, "ask_cost": 0}]
    randoms = [{name: settings.choice(np.arange(low, high + step / 2, step).tolist())
                for name, (_, low, high, step) in lesson.CONTROLS.items()} for _ in range(12)]
    for values in corners + randoms:
        for name, value in values.items():
            explorer.controls[name].value = value
        assert explorer.error.value == ""
        peak = max(final(explorer, name) for name in contacts.CADENCES)
        assert peak <= explorer.figure.top, values
        assert [axes.get_ylim() for axes in explorer.figure.axes] == limits
    assert redrawn == [], "no slider move redraws a panel"
    assert peak > explorer.figure.top / 3, "the top leaves no wasted space at the extremes"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (dict(ask_cost=3), "warmth lost for each other request to the same person in the last "
                           "few weeks must be between 0 and 0.5; got 3"),
        (dict(opening_percent=250), "weekly chance of an opening near a contact (%) must be "
                                    "between 0 and 20; got 250"),
        (dict(pester_every=1.5), "weeks between pestering asks must be a whole number"),
        (dict(fade_weeks="long"), "must be a number; got 'long'"),
    ],
)
def test_bad_values_show_a_message_and_keep_the_figure(explorer, change, words):
    assert_refused_and_kept(explorer, change, words)


def test_a_value_typed_past_a_slider_is_clamped(explorer):
    control = explorer.controls["give_every"]
    control.value = 45
    assert control.value == control.max == 8
    assert explorer.result.cadences.params["give_every"] == 8 and explorer.error.value == ""


def test_findings_are_computed_at_the_first_settings():
    model = contacts.cadences(World(), weeks=lesson.WEEKS, ask_week=lesson.ASK_WEEK)
    box = text(lesson.findings().value)
    assert "nin-findings" in lesson.findings()._dom_classes
    best, ask_once = model.total("give then ask", PER), model.total("ask once", PER)
    assert (f"Giving regularly, then asking once brings the most referrals (give every 4 "
            f"weeks, ask once in week 5): {best:.1f} per 20 contacts over 26 weeks, "
            f"{best / ask_once:.1f} times as many as the next best") in box
    assert f"{100 * model.share_tuned_out('pester'):.0f}% of the contacts you pestered" in box
    assert f"warmth ends at {model.mean_warmth('give then ask')[-1]:.2f} after giving" in box
    assert "1,000 simulated acquaintances" in box


# --- formative checks ------------------------------------------------------------------------

def test_predict_starts_unanswered_reveals_flynn_and_lake_and_restores(store):
    check = lesson.predict(store=store)
    assert check.readout.value == NOT_CHOSEN and not check.chosen
    check.check()
    assert "Move the slider" in check.feedback.value
    assert store.get(lesson.LESSON, "predict-yes") is None
    check.control.value = 2
    check.check()
    feedback = check.feedback.value
    assert "Locked in" in feedback and "Flynn &amp; Lake (2008" in feedback and "50%" in feedback
    assert "Not quite" not in feedback and "Correct" not in feedback, "compared, never marked"
    assert "too pessimistic" in feedback
    check.control.value = 7
    check.check()
    assert "you guessed 7 of 10" in check.feedback.value
    assert "closer to what the experiments found" in check.feedback.value
    saved = store.get(lesson.LESSON, "predict-yes")
    assert saved["prediction"] == 7 and saved["first"] == 2
    again = lesson.predict(store=store)
    assert again.control.value == 7 and "you guessed 7 of 10" in again.feedback.value


def test_sorting_messages_gives_feedback_for_each_and_restores(store):
    check = lesson.sort_messages(store=store)
    assert {item.group for item in check.items} == {lesson.ADVICE, lesson.JOB}
    check.check()
    assert "Sort every message first" in check.feedback.value
    assert store.get(lesson.LESSON, "sort-messages") is None
    for dropdown, item in zip(check.dropdowns, check.items, strict=True):
        dropdown.value = item.group
    check.check()
    assert "Correct" in check.feedback.value
    assert f"{len(check.items)} of {len(check.items)} sorted" in check.feedback.value
    assert "read in a summary" in check.feedback.value, "Brooks et al. is flagged as secondary"
    check.dropdowns[1].value = lesson.ADVICE  # message 2 asks for a job
    check.check()
    assert "Not quite" in check.feedback.value and "✗ 2." in check.feedback.value
    again = lesson.sort_messages(store=store)
    assert again.dropdowns[1].value == lesson.ADVICE and "Not quite" in again.feedback.value


CHOICES = [lesson.what_wears_out, lesson.free_repeats, lesson.giving_lead]


@pytest.mark.parametrize("make", CHOICES)
def test_multiple_choice_checks_explain_every_option_and_restore(make, store):
    check = make(store=store)
    right = [o for o in check.options if o.correct]
    assert len(right) == 1 and len(check.options) >= 3
    assert all(len(o.why) > 40 for o in check.options), "every option has its reason"
    for option in check.options:
        check.choice.value = option.text
        check.check()
        assert ("Correct" if option.correct else "Not quite") in check.feedback.value
        assert option.why[:30].replace("“", "") in check.feedback.value.replace("“", "")
    check.choice.value = right[0].text
    check.check()
    assert store.get(lesson.LESSON, check.key) == {"answer": right[0].text, "correct": True}
    again = make(store=store)
    assert again.choice.value == right[0].text and "Correct" in again.feedback.value


def correct(check) -> str:
    return next(o for o in check.options if o.correct).why


def test_explanations_quote_what_the_explorer_shows(store, explorer):
    wears = correct(lesson.what_wears_out(store=store))
    assert f"brings {final(explorer, 'pester'):.1f} referrals per 20 contacts" in wears
    assert f"against {final(explorer, 'ask once'):.1f} for asking once" in wears
    explorer.controls["ask_cost"].value = 0.0  # what the check asks the learner to do
    repeats = correct(lesson.free_repeats(store=store))
    assert f"both bring {final(explorer, 'pester'):.1f} referrals" in repeats
    explorer.controls["ask_cost"].value = lesson.DEFAULTS["ask_cost"]
    explorer.controls["give_hours"].value = 0.0
    lead = correct(lesson.giving_lead(store=store))
    assert f"brings {final(explorer, 'give then ask'):.1f} referrals per 20 contacts" in lead
    assert f"asking once {final(explorer, 'ask once'):.1f}" in lead


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
    for make in CHOICES:
        check = make(store=store)
        check.choice.value = check.options[0].text
        check.check()
    lesson.reflection(store=store).text.value = "a plan"
    assert set(store.lesson(lesson.LESSON)) == set(lesson.CHECK_KEYS)
    assert "reflection" in lesson.CHECK_KEYS and "predict-yes" in lesson.CHECK_KEYS
