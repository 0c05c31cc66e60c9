"""The pilot's questions stay fair and decisive as the model changes: every right answer can be
read off the lesson's explorer, the likely wrong answers fall outside the stated tolerance, and
no hidden-test line is part of what learners see (the feedback check would take it for a
leak)."""

from __future__ import annotations

import re

import nbformat

from netnot.grading.feedback import split_hidden
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


def test_no_hidden_line_is_part_of_what_learners_see():
    """The feedback check withholds a page that shows a hidden line anywhere in its text."""
    nb = nbformat.read(ex.SOURCE, as_version=4)
    hidden = {line.strip() for c in nb.cells for line in split_hidden(c.source)[0]
              if len(line.strip()) >= 8}
    shown = "\n".join(re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", "", c.source,
                             flags=re.S) for c in nb.cells)
    assert hidden and [line for line in hidden if line in shown] == []
