"""Lesson 06 widgets without a browser: the plan builder saves, restores and writes the plan."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from netnot.models import plan as model
from netnot.models import policies
from netnot.progress import ProgressStore
from netnot.widgets import plan as lesson
from netnot.widgets import switching


def text(html):
    return re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'")


def test_explorer_moves_bars_curves_summary_and_alt_text():
    explorer = lesson.explorer()
    assert len(explorer.controls) == 5
    figure = explorer.figure
    curve = np.array(figure.lines["your mix"].get_ydata())
    summary, alt = explorer.summary.value, figure.alt
    explorer.controls["networking"].value = 10
    assert figure.bars[3].get_width() == 10
    assert not np.array_equal(curve, figure.lines["your mix"].get_ydata())
    assert explorer.summary.value != summary and figure.alt != alt
    assert "networking 10 h" in figure.alt
    assert f"{explorer.result.by_week_6['your mix']:.0%}" in explorer.summary.value


def test_the_in_person_slider_sets_the_worlds_online_share():
    explorer = lesson.explorer()
    explorer.controls["networking"].value = 6
    before = explorer.result
    explorer.controls["in_person"].value = 0
    after = explorer.result
    same = model.simulate_mix(model.Plan(hours=after.hours, in_person_percent=0))
    np.testing.assert_array_equal(after.still_searching["your mix"],
                                  same.still_searching["your mix"])
    assert not np.array_equal(before.still_searching["your mix"],
                              after.still_searching["your mix"])
    assert "with 0% of the networking time in person" in explorer.figure.alt


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
    builder.in_person.value = 60
    builder.new_contacts.value = 5
    builder.follow_ups.value = 2
    builder.days_between.value = 10
    builder.where.value = "alumni evening"
    builder.indicators["introductions to new people"].value = True
    builder.review_day.value = "Monday"
    builder.patience.value = 4
    builder.switch_when.value = "no replies after 15 messages"
    builder.after_silence.value = "ask Sam to look at my CV"
    builder.support.value = "my brother"
    assert "saved as you go" in builder.status.value
    again = lesson.plan_builder(store=ProgressStore(store.folder))  # a reopened notebook
    assert again.plan() == builder.plan()
    assert again.plan().hours[2] == 2.5 and again.where.value == "alumni evening"
    assert again.plan().in_person_percent == 60 and again.support.value == "my brother"
    saved = json.loads(store.path.read_text())["lessons"][lesson.LESSON][lesson.PLAN_KEY]
    assert saved["switch_when"] == "no replies after 15 messages"
    assert saved["after_silence"] == "ask Sam to look at my CV"


def test_the_builder_keeps_the_explorer_whole(store):
    """Sliders, picture and summary stay inside one explorer (the browser test moves its
    slider and watches its picture), with the steps' headings between them."""
    builder = lesson.plan_builder(store=store)
    inside = builder.mix.children
    for control in builder.mix.controls.values():
        assert control in inside
    assert builder.mix.frame in inside and builder.mix.summary in inside
    assert builder.where in inside


def test_sliders_in_the_builder_update_once_on_release(store):
    builder = lesson.plan_builder(store=store)
    assert not builder.mix.controls["networking"].continuous_update
    assert not builder.patience.continuous_update
    assert builder.where.continuous_update, "text is saved as you type"


def test_advice_updates_as_the_plan_changes(store):
    builder = lesson.plan_builder(store=store)
    builder.after_silence.value, builder.support.value = "call Ana", "Ana"
    assert "To fix" not in builder.advice.value
    builder.follow_ups.value = 5
    assert "To fix" in builder.advice.value and "pestering" in builder.advice.value
    builder.follow_ups.value = 1
    builder.days_between.value = 3
    assert "sooner than the career advisers" in text(builder.advice.value)
    builder.days_between.value = 7
    builder.in_person.value = 0
    assert "All your networking time is online" in builder.advice.value


def test_the_notes_quote_the_world(store):
    builder = lesson.plan_builder(store=store)
    builder.follow_ups.value = 3
    judged = model.cadence(4, builder.days_between.value)
    assert f"{judged.model.share_tuned_out:.0%}" in builder.cadence_note.value
    assert "norm, not research" in text(builder.cadence_note.value)
    week = model.weekly_signals(builder.plan())
    assert f"{float(week.replies):.1f} replies" in builder.signals_note.value
    builder.mix.controls["networking"].value = 0
    assert "no networking hours" in builder.signals_note.value.lower()


def test_the_rule_note_is_lesson_05s_rule_on_the_plans_hours(store):
    builder = lesson.plan_builder(store=store)
    builder.patience.value = 2
    result = model.simulate_rule(builder.plan())
    note = text(builder.rule_note.value)
    assert "after 2 weeks without a signal, networking judged by its early signals" in note
    assert f"{result.mean_weeks(model.YOUR_RULE):.1f} weeks" in note
    assert f"keeping your mix {result.mean_weeks(policies.KEEP.label):.1f}" in note
    for box in builder.indicators.values():
        box.value = False
    builder.indicators["interviews"].value = True
    assert "every strategy judged by interviews" in text(builder.rule_note.value)


def test_the_setbacks_step_shows_what_lesson_05_saved(store):
    store.set(switching.LESSON, "setbacks", "Phone my old team lead.")
    builder = lesson.plan_builder(store=store)
    assert "Phone my old team lead." in builder.quiet_note.value
    assert "59%" in builder.quiet_note.value  # 0.9 ** 5, five silent weeks at 10% a week


def test_save_button_writes_the_document_beside_the_notebook(store):
    builder = lesson.plan_builder(store=store)
    builder.where.value = "a meetup"
    builder.support.value = "my mentor"
    builder.save_button.click()
    page = (store.folder / "my-networking-plan.md").read_text()
    assert "a meetup" in page and "What the simulation suggests" in page
    assert "my mentor" in page and "My switching rule:" in page
    assert (store.folder / "my-networking-plan.html").exists()
    assert "Saved my-networking-plan.md" in builder.status.value


def test_save_in_an_unwritable_folder_explains_and_shows_the_text(store, tmp_path):
    builder = lesson.plan_builder(store=store, folder=tmp_path / "missing")
    result = builder.save_document()
    assert not result.ok
    assert "could not be saved" in builder.status.value
    assert "My six-week networking plan" in builder.status.value  # the text to copy instead


def test_predict_is_compared_never_marked_and_restored(store):
    widget = lesson.predict(store=store)
    result = model.simulate_mix(model.Plan())
    truth = 100 * result.by_week_6["your mix"]
    assert f"{model.Plan().in_person_percent}%" in widget.question.value
    widget.control.value = 90
    widget.check()
    assert "you guessed 90%" in widget.feedback.value and f"{truth:.0f}%" in widget.feedback.value
    assert f"week {result.results['your mix'].median:.0f}" in widget.feedback.value
    assert "Not quite" not in widget.feedback.value, "a prediction is compared, never marked"
    widget.control.value = int(round(truth / 5) * 5)
    widget.check()
    assert "Locked in" in widget.feedback.value and "Correct" not in widget.feedback.value
    assert lesson.predict(store=ProgressStore(store.folder)).control.value == widget.control.value


def test_findings_are_computed_from_the_plan():
    shown = text(lesson.findings().value)
    result = model.simulate_mix(model.Plan())
    rule = model.simulate_rule(model.Plan())
    assert f"{result.by_week_6['your mix']:.0%}" in shown
    assert f"{rule.mean_weeks(model.YOUR_RULE):.1f} against" in shown
    single = model.simulate_rule(model.Plan(hours=(12, 0, 0, 0)))
    assert f"{single.mean_weeks(model.YOUR_RULE):.1f} against " \
           f"{single.mean_weeks(policies.KEEP.label):.1f}" in shown
    assert "The rule is insurance" in shown


def test_leading_indicators_feedback(store):
    widget = lesson.leading_indicators(store=store)
    widget.choice.value = widget.options[0].text
    widget.check()
    assert "Not quite" in widget.feedback.value
    widget.choice.value = next(o.text for o in widget.options if o.correct)
    widget.check()
    assert "Correct" in widget.feedback.value


def test_cadence_groups_follow_lesson_01s_rule_and_the_norm(store):
    widget = lesson.cadence(store=store)
    groups = [item.group for item in widget.items]
    assert groups == [lesson.GROUPS[model.cadence(n, d).verdict] for _, n, d in lesson.SCHEDULES]
    assert set(groups) == {"Fine", "Too soon", "Pestering"}
    for item, (_, n, d) in zip(widget.items, lesson.SCHEDULES, strict=True):
        assert f"{model.cadence(n, d).model.share_tuned_out:.0%}" in item.why
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
    store.set(lesson.LESSON, lesson.PLAN_KEY, {"hours": "many", "follow_ups": 2, "support": 5})
    builder = lesson.plan_builder(store=store)
    assert builder.follow_ups.value == 2 and builder.support.value == ""
    assert builder.plan().hours == model.Plan().hours


@pytest.mark.parametrize("hours", [(3, 3, 3, 3), (12, 0, 0, 0)])
def test_the_solution_notebooks_names_still_work(hours):
    """solutions/06-your-plan uses plan.simulate_mix(...).by_week_6 with these keys."""
    mix = model.simulate_mix(model.Plan(hours=hours))
    gain = mix.by_week_6["spread evenly"] - mix.by_week_6["your mix"]
    assert isinstance(gain, float) and -1 <= gain <= 1
