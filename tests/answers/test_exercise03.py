"""Exercise 03's answers can be read off the lesson's explorer as the questions say."""

from __future__ import annotations

from explorer_helpers import text

from netnot.widgets import online as lesson

from . import exercise03 as ex


def shown(**changes) -> str:
    explorer = lesson.explorer()
    for name, value in changes.items():
        explorer.controls[name].value = value
    return text(explorer.summary.value)


def test_the_explorer_starts_where_the_questions_say():
    values = {name: c.value for name, c in lesson.explorer().controls.items()}
    assert values["hours"] == 3 and values["on_site_percent"] == 50
    assert {k: values[k] for k in lesson.first_settings()} == lesson.first_settings()


def test_parts_a_and_b_are_in_the_line_under_the_figure():
    assert f"Best share: {ex.right()['part-a']}% online" in shown(hours=8)
    narrow = round(100 * lesson.at(hours=8, on_site_percent=20).mix.best_share)
    assert f"Best share: {narrow}% online" in shown(hours=8, on_site_percent=20)
    assert 0 < narrow < float(ex.right()["part-a"]), "toward offline, not all the way"


def test_part_c_has_one_answer_on_the_slider():
    """The best share never falls as more of your people are on the site, so 'the largest value
    at which it is 20% or less' is one value, and the next step is above 20%."""
    shares = [lesson.at(on_site_percent=p).mix.best_share for p in range(0, 101, 5)]
    assert shares == sorted(shares)
    limit = ex.largest_offline_share()
    assert "Best share: 20% online" in shown(on_site_percent=limit) or \
        "Best share: 15% online" in shown(on_site_percent=limit)
    assert lesson.at(on_site_percent=limit + 5).mix.best_share > 0.2


def test_the_first_settings_best_share_is_outside_the_tolerance():
    assert abs(float(ex.right()["part-a"]) - float(ex.wrong()["part-a"])) > 5
