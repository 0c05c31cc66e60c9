"""Exercise 01's answers can be read off the lesson's explorer as the questions say, and what
the questions rest on holds in the model."""

from __future__ import annotations

from explorer_helpers import text

from netnot.widgets import begging as lesson

from . import exercise01 as ex


def shown(**changes) -> str:
    explorer = lesson.explorer()
    for name, value in changes.items():
        explorer.controls[name].value = value
    return text(explorer.summary.value)


def test_parts_a_and_b_are_in_the_line_under_the_figure():
    right = ex.right()
    assert f"give every 2 weeks, ask once in week 5: {right['part-a']}" in shown(give_every=2) \
        or f"give every 2 weeks, ask once in week 5, {right['part-a']}" in shown(give_every=2)
    assert f"tuned you out: {right['part-b']}%" in shown(pester_every=2)


def test_part_c_can_be_found_by_stepping_the_pestering_slider():
    slider = lesson.explorer().controls["pester_every"]
    assert (slider.min, slider.max, slider.step) == (1, 8, 1)
    once = f"{lesson.at().total('ask once'):.1f}"
    spacing = ex.catches_up()
    assert spacing > 1, "pestering every week never matches asking once"
    assert f"ask for a job every {spacing} weeks: {once}" in shown(pester_every=spacing) or \
        f"ask for a job every {spacing} weeks, {once}" in shown(pester_every=spacing)


def test_the_reads_at_the_wrong_setting_are_outside_the_tolerance():
    assert abs(float(ex.right()["part-a"]) - float(ex.wrong()["part-a"])) > 0.1
    first = 100 * lesson.at().tuned_out[-1]
    assert abs(first - float(ex.right()["part-b"])) > 1, "the first settings' share is wrong"
