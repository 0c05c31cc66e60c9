"""Lesson 04 widgets without a browser: both explorers redraw from the one world, refuse bad
values with a clear message, and the checks compute, explain and save their answers."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.figures.options import CLOSENESS, LAST_WEEK
from netnot.models import search
from netnot.models.networking import referrals_by_kind, tie_chance
from netnot.models.world import KINDS, SCENARIOS, Mix, World, scenario
from netnot.widgets import options as lesson


@pytest.fixture(scope="module")
def explorer():
    return lesson.explorer()


@pytest.fixture(scope="module")
def ties():
    return lesson.ties()


def ydata(line) -> np.ndarray:
    return np.asarray(line.get_ydata(), dtype=float)


# --- explorer 1: split your hours ---------------------------------------------------------

def test_both_explorers_have_labelled_controls_and_heaviest_settings(explorer, ties):
    assert lesson.EXPLORERS == ("explorer", "ties")
    for widget, heaviest in ((explorer, lesson.HEAVIEST), (ties, lesson.HEAVIEST_TIES)):
        assert all(control.description for control in widget.controls.values())
        assert set(heaviest) == set(widget.controls)
        assert len(widget.controls) <= 6
    assert explorer.update(**lesson.HEAVIEST) and explorer.error.value == ""
    assert ties.update(**lesson.HEAVIEST_TIES) and ties.error.value == ""
    explorer.update()
    ties.update()


def test_the_explorer_starts_with_the_myth(explorer):
    expected = search.compare(World(), lesson.myth())
    assert lesson.myth() == Mix(0, 0, 0, World().hours_per_week)
    for curve, run in zip(explorer.figure.curves, (expected.yours, expected.even,
                                                   expected.all_in), strict=True):
        assert np.array_equal(ydata(curve), run.still_searching()[: LAST_WEEK + 1])
    assert "12 h networking" in explorer.summary.value
    assert f"all on {expected.all_in_strategy}" in explorer.summary.value
    assert f"half have an offer by week {expected.even.median:.0f}" in explorer.figure.alt
    assert explorer.error.value == ""


def test_moving_hours_redraws_your_curve_and_the_words(explorer):
    before = (ydata(explorer.figure.curves[0]), explorer.summary.value, explorer.figure.alt,
              explorer.plot.value)
    explorer.controls["direct"].value = 3
    explorer.controls["networking"].value = 9
    try:
        expected = search.compare(World(), Mix(0, 3, 0, 9))
        yours = ydata(explorer.figure.curves[0])
        assert np.array_equal(yours, expected.yours.still_searching()[: LAST_WEEK + 1])
        assert not np.array_equal(yours, before[0])
        assert explorer.figure.marks[0].get_xdata()[0] == expected.yours.median
        assert "3 h direct contact, 9 h networking" in explorer.summary.value
        after = (explorer.summary.value, explorer.figure.alt, explorer.plot.value)
        assert all(a != b for a, b in zip(after, before[1:], strict=True))
    finally:
        explorer.controls["direct"].value = 0
        explorer.controls["networking"].value = 12


def test_the_week_moves_the_dashed_line_and_the_bars(explorer):
    explorer.controls["week"].value = 26
    try:
        assert explorer.figure.deadline.get_xdata()[0] == 26
        for bars, run in zip(explorer.figure.bars, explorer.result.runs.values(), strict=True):
            assert bars[0].get_width() == pytest.approx(100 * run.share_by(26))
            assert bars[1].get_width() == pytest.approx(100 * run.share_via_contacts)
        assert "with an offer by week 26" in explorer.summary.value
    finally:
        explorer.controls["week"].value = lesson.FIRST_WEEK


def test_a_scenario_changes_the_world_and_tells_its_story(explorer):
    explorer.controls["scenario"].value = "field with many online ads"
    try:
        expected = search.compare(scenario("field with many online ads"), lesson.myth())
        assert explorer.result.comparison.all_in_strategy == expected.all_in_strategy
        assert f"all on {expected.all_in_strategy}" in explorer.summary.value
        assert "an assumption, not data" in explorer.summary.value
        assert SCENARIOS["field with many online ads"].story[:40] in explorer.summary.value
        assert "'field with many online ads'" in explorer.figure.alt
    finally:
        explorer.controls["scenario"].value = "typical"


def test_bad_values_show_a_message_and_keep_the_figure(explorer):
    plot, result = explorer.plot.value, explorer.result
    assert not explorer.update(applications=15, direct=15, recruiters=15)
    assert "at most 40 hours a week in all here" in explorer.error.value
    assert "got 57" in explorer.error.value
    assert not explorer.update(week=0)
    assert "whole number between 1 and 78" in explorer.error.value
    assert not explorer.update(scenario="a field I made up")
    assert "scenario must be one of" in explorer.error.value
    assert explorer.plot.value == plot and explorer.result is result
    assert explorer.update() and explorer.error.value == ""


def test_no_hours_gives_a_hint_not_a_crash(explorer):
    assert explorer.update(networking=0)
    assert "Give at least one strategy some hours" in explorer.summary.value
    explorer.update()


def test_the_verdict_reads_the_comparison():
    comparison = search.compare(World(), Mix.even(12))
    gap = comparison.all_in.median - comparison.even.median
    assert gap >= 2, "at the defaults spreading is clearly faster than all on one strategy"
    words = lesson.verdict(comparison)
    assert f"half an offer {gap:.0f} weeks sooner than all on networking" in words
    assert lesson.verdict(search.compare(scenario("field that hires through people"),
                                         Mix.even(12))).count(" 1 weeks") == 0


def test_findings_are_computed_from_the_model():
    text = lesson.findings().value
    myth = search.compare(World(), lesson.myth()).yours
    even = search.compare(World(), Mix.even(12)).even
    assert f"offer by week {myth.median:.0f}" in text
    assert f"spread evenly: week {even.median:.0f}" in text
    level = sum(lesson._level_or_better(search.compare(scenario(n), Mix.even(12)))
                for n in SCENARIOS)
    assert f"It holds in {level} of the {len(SCENARIOS)} scenarios" in text
    assert f"{100 * even.share_via_contacts:.0f}% of first offers" in text


# --- explorer 2: kinds of ties ------------------------------------------------------------

def test_ties_draw_the_world(ties):
    world = World()
    assert np.allclose(ydata(ties.figure.curve), tie_chance(world, CLOSENESS))
    kinds = world.kinds()
    for kind, mark in ties.figure.kind_marks.items():
        assert mark.get_xdata()[0] == kinds[kind].closeness
    totals = referrals_by_kind(world, Mix().networking)
    everyday = referrals_by_kind(world, 0.0)
    for k, kind in enumerate(KINDS):
        bottom, top = ties.figure.everyday_bars[k], ties.figure.networking_bars[k]
        assert bottom.get_height() == pytest.approx(everyday[kind])
        assert top.get_y() + top.get_height() == pytest.approx(totals[kind])
    assert "peaks at closeness 0.40" in ties.figure.alt


def test_the_inverted_u_peaks_where_the_model_says():
    """One tie's weekly chance is proportional to c (1 - c)^overlap: its peak is at
    closeness 1 / (1 + overlap), rising before and falling after."""
    for overlap in (0.5, 1.5, 3.0):
        chance = tie_chance(World().changed(overlap=overlap), CLOSENESS)
        peak = int(np.argmax(chance))
        assert CLOSENESS[peak] == pytest.approx(1 / (1 + overlap), abs=0.01)
        assert np.all(np.diff(chance[: peak + 1]) > 0) and np.all(np.diff(chance[peak:]) < 0)


def test_no_overlap_makes_a_close_tie_the_best_single_tie_but_not_the_most_help(ties):
    ties.controls["overlap"].value = 0
    try:
        view = ties.result
        assert view.peak == 1.0 and view.most_likely_kind == "close ties"
        assert view.most_referrals_kind == "acquaintances"
        assert "one of your close ties" in ties.summary.value
    finally:
        ties.controls["overlap"].value = 1.5


def test_moving_networking_time_moves_the_solid_bars(ties):
    before = ties.figure.networking_bars[KINDS.index("new people")].get_height()
    ties.controls["new_percent"].value = 0
    try:
        assert ties.figure.networking_bars[KINDS.index("new people")].get_height() == 0
        assert before > 0
        close = ties.figure.networking_bars[0].get_height()
        assert close > 0, "time not given to the other kinds goes to close ties"
    finally:
        ties.controls["new_percent"].value = 40


def test_a_split_over_100_percent_is_refused_with_a_clear_message(ties):
    plot = ties.plot.value
    assert not ties.update(new_percent=80)
    assert "add up to 140%, more than 100%" in ties.error.value
    assert ties.plot.value == plot
    assert ties.update() and ties.error.value == ""


def test_every_ties_control_changes_the_picture_and_its_words():
    widget = lesson.ties()
    for name, value in (("overlap", 3), ("opening_percent", 10), ("acquaintances_percent", 10),
                        ("distant_percent", 10), ("new_percent", 20)):
        before = (widget.plot.value, widget.figure.alt)
        widget.controls[name].value = value
        assert widget.error.value == ""
        assert widget.plot.value != before[0] and widget.figure.alt != before[1], name


@pytest.mark.parametrize("make, heaviest", [(lesson.explorer, lesson.HEAVIEST),
                                            (lesson.ties, lesson.HEAVIEST_TIES)])
def test_axes_hold_the_heaviest_settings(make, heaviest):
    widget = make()
    assert widget.update(**heaviest)
    figure = widget.figure
    if hasattr(figure, "curve"):
        assert ydata(figure.curve).max() <= figure.left.get_ylim()[1]
        tallest = max(bar.get_y() + bar.get_height() for bar in figure.networking_bars)
        assert tallest <= figure.right.get_ylim()[1]
    else:
        assert all(bar.get_width() <= 100 for bars in figure.bars for bar in bars)


def test_ties_findings_are_computed_from_the_model():
    text = lesson.ties_findings().value
    view = lesson.ties_view(World())
    assert f"at closeness {view.peak:.2f}" in text
    assert f"one of your acquaintances {100 * view.marks['acquaintances'][1]:.1f}%" in text
    flat = lesson.ties_view(World().changed(overlap=0.0))
    assert f"one of your {flat.most_likely_kind} becomes the most likely" in text


# --- checks -------------------------------------------------------------------------------

def test_predict_starts_unanswered_reveals_and_is_restored(store):
    widget = lesson.predict(store=store)
    widget.check()
    assert "Choose your guess first" in widget.feedback.value
    widget.control.value = lesson.PREDICT_OPTIONS[0]
    widget.check()
    assert "Locked in" in widget.feedback.value and "Not quite" not in widget.feedback.value
    myth = search.compare(World(), lesson.myth()).yours
    assert f"half have an offer by week {myth.median:.0f}" in widget.feedback.value
    widget.control.value = lesson.PREDICT_OPTIONS[2]
    widget.check()
    saved = store.get(lesson.LESSON, "predict")
    assert saved["first"] == lesson.PREDICT_OPTIONS[0] and saved["correct"] is True
    again = lesson.predict(store=store)
    assert again.control.value == lesson.PREDICT_OPTIONS[2]
    assert f"You guessed: {lesson.PREDICT_OPTIONS[2]}" in again.feedback.value


MULTIPLE_CHOICE = [lesson.when_all_in, lesson.evidence, lesson.hidden_jobs, lesson.ask_friends,
                   lesson.inverted_u, lesson.weak_ties_add_up]


@pytest.mark.parametrize("make", MULTIPLE_CHOICE, ids=lambda f: f.__name__)
def test_multiple_choice_feedback_and_restore(store, make):
    widget = make(store=store)
    assert sum(o.correct for o in widget.options) == 1
    assert all(o.why for o in widget.options), "every option is explained"
    wrong = next(o for o in widget.options if not o.correct)
    right = next(o for o in widget.options if o.correct)
    widget.choice.value = wrong.text
    widget.check()
    assert "Not quite" in widget.feedback.value
    widget.choice.value = right.text
    widget.check()
    assert "Correct" in widget.feedback.value
    assert store.get(lesson.LESSON, widget.key) == {"answer": right.text, "correct": True}
    again = make(store=store)
    assert again.choice.value == right.text and "Correct" in again.feedback.value


def test_when_all_in_finds_the_closest_scenario_in_the_model(store):
    widget = lesson.when_all_in(store=store)
    gaps = {}
    for name in SCENARIOS:
        c = search.compare(scenario(name), Mix.even(12))
        gaps[name] = (c.all_in.median - c.even.median,
                      c.all_in.percentile(90) - c.even.percentile(90))
    closest = min(gaps, key=gaps.__getitem__)
    assert next(o for o in widget.options if o.correct).text == f"'{closest}'"


def test_the_ties_checks_read_the_model(store):
    view = lesson.ties_view(World())
    right = next(o for o in lesson.inverted_u(store=store).options if o.correct)
    assert right.text == f"One of your {view.most_likely_kind}" == "One of your acquaintances"
    flat = lesson.ties_view(World().changed(overlap=0.0))
    widget = lesson.weak_ties_add_up(store=store)
    right = next(o for o in widget.options if o.correct)
    assert flat.most_referrals_kind in right.text
    assert f"one of your {flat.most_likely_kind} is the single tie" in widget.question.value


def test_the_evidence_checks_keep_the_caveats(store):
    hidden = " ".join(o.why for o in lesson.hidden_jobs(store=store).options)
    assert "measure different things" in hidden and "self-selected online poll" in hidden
    friends = " ".join(o.why for o in lesson.ask_friends(store=store).options)
    assert "last four weeks" in friends and "unsolicited offers" in friends
    evidence = " ".join(o.why for o in lesson.evidence(store=store).options)
    assert "different years" in evidence and "offers, though not who was employed" in evidence


def test_reflection_saves_as_you_type(store):
    widget = lesson.reflection(store=store)
    widget.text.value = "Direct contact and networking, 6 h each."
    assert store.get(lesson.LESSON, "reflection") == "Direct contact and networking, 6 h each."
    assert lesson.reflection(store=store).text.value.startswith("Direct contact")


def test_check_keys_match_what_the_checks_save(store):
    predict = lesson.predict(store=store)
    predict.control.value = lesson.PREDICT_OPTIONS[1]
    predict.check()
    for make in MULTIPLE_CHOICE:
        widget = make(store=store)
        widget.choice.value = widget.options[0].text
        widget.check()
    lesson.reflection(store=store).text.value = "something"
    assert set(store.lesson(lesson.LESSON)) == set(lesson.CHECK_KEYS)
    assert len(lesson.CHECK_KEYS) == len(set(lesson.CHECK_KEYS))


def test_the_lesson_shows_its_rows_of_the_table():
    table = lesson.assumptions("04").value
    for label in ("How much your closer ties hear the same news as you",
                  "Hours a week spent on the search"):
        assert label in table


def test_the_takeaway_about_spreading_holds_in_every_scenario():
    """'A spread beats putting every hour on one strategy, at the median and in the slow
    tail': true in each scenario of the dropdown, with the default seeker's hours."""
    hours = World().hours_per_week
    for name in SCENARIOS:
        c = search.compare(scenario(name), Mix.even(hours))
        assert lesson._level_or_better(c), name
