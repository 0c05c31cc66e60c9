"""Exercise 02's questions stay fair as the model changes: every right answer can be read off the
lesson's explorer, and the likely wrong answers fall outside the stated tolerance (the checks
common to every exercise are in test_exercises.py)."""

from __future__ import annotations

from netnot.widgets import quickfix as lesson

from . import exercise02 as ex


def test_the_right_answers_can_be_read_off_the_explorer():
    controls = lesson.explorer().controls
    right = ex.right()
    slider = controls["head_start"]
    assert slider.min <= float(right["part-c"]) <= slider.max and slider.step == 1
    hours = controls["hours"]
    assert hours.min <= 6 <= hours.max and (6 - hours.min) % hours.step == 0
    first = lesson.first_settings()
    assert first["start"] == "new to the field" and first["hours"] == 3 and first["head_start"] == 0


def test_the_likely_wrong_answers_are_outside_the_tolerance():
    right, wrong = ex.right(), ex.wrong()
    for part in ("part-a", "part-b"):  # the defaults' median; the 'none' seekers left out
        assert abs(float(right[part]) - float(wrong[part])) > 0.5, part
