"""Exercise 04's answers can be read off the lesson's two explorers as the questions say, and
Part C's scenario is the closest by both measures (so the question has one answer)."""

from __future__ import annotations

from explorer_helpers import text

from netnot.models.world import World
from netnot.widgets import options as lesson

from . import exercise04 as ex


def test_parts_a_and_b_are_in_the_split_explorers_table():
    explorer = lesson.explorer()
    for name, hours in dict(applications=6, direct=0, recruiters=0, networking=6).items():
        explorer.controls[name].value = hours
    row = text(explorer.summary.value).split("</tr>")[1]
    assert "your mix" in row
    assert f"week {ex.right()['part-a']}</td><td>week {ex.right()['part-b']}</td>" in row


def test_part_c_is_the_closest_at_the_median_and_at_the_slow_tail():
    gaps = lesson.gaps(16)
    answer = ex.right()["part-c"]
    assert min(gaps, key=lambda s: gaps[s][0]) == answer
    assert min(gaps, key=lambda s: gaps[s][1]) == answer
    assert all(gaps[answer][0] < gaps[s][0] for s in gaps if s != answer), "no tie at the median"


def test_parts_d_and_e_are_in_the_ties_explorers_line():
    explorer = lesson.ties()
    assert explorer.controls["overlap"].min <= 0.5 and explorer.controls["overlap"].max >= 3
    explorer.controls["overlap"].value = 3.0
    assert f"sits at closeness {ex.right()['part-d']}" in text(explorer.summary.value)
    explorer.controls["overlap"].value = 0.5
    assert f"the most from your {ex.right()['part-e']}" in text(explorer.summary.value)
    view = lesson.ties_view(World().changed(overlap=0.5))
    assert view.most_likely_kind != view.most_referrals_kind, "E asks past the likeliest tie"


def test_the_likely_wrong_answers_are_outside_the_tolerance():
    right, wrong = ex.right(), ex.wrong()
    assert abs(float(right["part-a"]) - float(wrong["part-a"])) > 0.5
    assert abs(float(right["part-d"]) - float(wrong["part-d"])) > 0.01
