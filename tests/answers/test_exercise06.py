"""Exercise 06's plan is judged with the world: the right plan (one of many) passes every check,
the six-week share is what lesson 06's mix explorer shows for it, and the pushy plan fails for
the reasons the questions give."""

from __future__ import annotations

from explorer_helpers import text

from netnot.models import contacts
from netnot.models import plan as model
from netnot.widgets import plan as lesson

from . import exercise06 as ex


def test_the_six_week_share_is_what_the_mix_explorer_shows_for_the_plan():
    explorer = lesson.explorer()
    for name, hours in zip(lesson.HOURS, ex.GOOD.hours, strict=True):
        explorer.controls[name].value = hours
    explorer.controls["in_person"].value = ex.GOOD.in_person_percent
    assert f"Your plan: {ex.right()['part-b']}% of simulated people" in text(
        explorer.summary.value)
    start = {name: c.value for name, c in lesson.explorer().controls.items()}
    assert start["in_person"] == model.Plan().in_person_percent


def test_the_box_can_give_the_right_plan():
    from netnot.answers.widgets import PlanBox

    box = PlanBox("part-a", "Plan")
    for control, hours in zip(box.hours, ex.GOOD.hours, strict=True):
        assert control.min <= hours <= control.max and (hours / control.step).is_integer()
    for name, control in box.choices.items():
        assert getattr(ex.GOOD, name) in [v for _, v in control.options], name
    assert model.Plan.of(ex.right()["part-a"]) == ex.GOOD


def test_the_pushy_plan_fails_for_the_reasons_given():
    assert contacts.follow_ups(None, ex.PUSHY.messages, ex.PUSHY.days_between).typical_tuned_out
    assert not contacts.follow_ups(None, ex.GOOD.messages, ex.GOOD.days_between).typical_tuned_out
    assert model.rule_of(ex.PUSHY).judge_by == "interviews"
    assert abs(float(ex.wrong()["part-b"]) - 100 * model.simulate_mix(ex.PUSHY).by_week_6[
        "your mix"]) > 1, "the explorer's start is not the pushy plan's share"
