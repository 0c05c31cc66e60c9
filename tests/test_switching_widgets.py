"""Lesson 05 widgets without a browser: set values, read what is shown and saved."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from netnot.figures.switching import TOPS, RulesFigure, RuleView
from netnot.models import networking, policies
from netnot.models.world import World, scenario
from netnot.progress import ProgressStore
from netnot.widgets import switching as lesson


@pytest.fixture(scope="module")
def explorer():
    return lesson.explorer()


@pytest.fixture(scope="module")
def typical():
    return policies.patience_grid(World(), "even")


def reset(explorer):
    for name, value in lesson.DEFAULTS.items():
        explorer.controls[name].value = value


def text(html):
    return re.sub(r"<[^>]+>", " ", html)


def test_the_explorer_starts_on_the_typical_grid(explorer, typical):
    reset(explorer)
    view = explorer.result
    assert isinstance(view, RuleView) and view.grid is typical
    assert len(explorer.controls) == 4
    assert explorer.plot.value[:3] == b"\xff\xd8\xff" and explorer.plot.tooltip  # a JPEG
    figure = explorer.figure
    for judge in policies.SIGNALS:
        np.testing.assert_array_equal(figure.curves[judge].get_ydata(), typical.curve(judge))
    assert figure.keep_line.get_ydata()[0] == typical.keep()
    assert list(figure.chosen.get_xdata()) == [4]
    assert figure.chosen.get_ydata()[0] == typical.weeks("early signals", 4)


def test_a_slider_move_or_a_toggle_is_a_lookup(explorer, monkeypatch):
    """Nothing is simulated when k or the way of judging changes: the grid is looked up."""
    reset(explorer)

    def refuse(*args, **kwargs):
        raise AssertionError("a slider move simulated again")

    monkeypatch.setattr(policies, "simulate", refuse)
    alt = explorer.figure.alt
    explorer.controls["patience"].value = 7
    assert explorer.error.value == "" and explorer.result.patience == 7
    assert explorer.figure.alt != alt and "k = 7" in explorer.figure.alt
    explorer.controls["judge_by"].value = "interviews"
    assert explorer.result.mine.judge_by == "interviews"
    assert explorer.figure.curves["interviews"].get_linewidth() > \
        explorer.figure.curves["early signals"].get_linewidth()
    reset(explorer)


def test_the_table_lists_the_rules_best_first_from_the_grid(explorer, typical):
    reset(explorer)
    rows = lesson.rows(explorer.result)
    weeks = [reading.mean_weeks for _, reading in rows]
    assert weeks == sorted(weeks) and len(rows) == 4
    shown = text(explorer.summary.value)
    for name, reading in rows:
        assert name in shown and f"{reading.mean_weeks:.1f}" in shown
        assert f"{reading.share_none:.0%}" in shown and f"{reading.networking_share:.0%}" in shown
    assert f"{typical.keep():.1f}" in shown
    best = policies.fastest(typical)
    fastest, kept = lesson.weeks_apart(best.mean_weeks, typical.keep())
    assert f"none beat keeping your mix ({kept} weeks" in shown and f"at {fastest}." in shown
    explorer.controls["start"].value = "one strategy"
    single = policies.patience_grid(World(), "one strategy")
    fastest, kept = lesson.weeks_apart(policies.fastest(single).mean_weeks, single.keep())
    assert f"{fastest} weeks on average, against {kept} for keeping your mix" in \
        text(explorer.summary.value)
    reset(explorer)


def test_a_rule_that_equals_another_is_listed_once(explorer):
    explorer.controls["patience"].value = 1
    explorer.controls["judge_by"].value = "interviews"
    names = [name for name, _ in lesson.rows(explorer.result)]
    assert names.count("your rule") == 1 and lesson.RASH_LABEL not in names and len(names) == 3
    reset(explorer)


def test_start_and_scenario_change_the_grid_and_the_picture(explorer):
    reset(explorer)
    before = explorer.plot.value
    explorer.controls["start"].value = "one strategy"
    assert explorer.result.start == "one strategy"
    assert explorer.result.grid is policies.patience_grid(World(), "one strategy")
    assert explorer.plot.value != before and "one strategy" in explorer.figure.alt
    explorer.controls["scenario"].value = "networking is weak for you"
    weak = policies.patience_grid(scenario("networking is weak for you"), "one strategy")
    assert explorer.result.grid is weak
    top = explorer.figure.axes[0].get_ylim()[1]
    assert top in TOPS and top >= max(weak.curve("interviews").max(), weak.keep())
    reset(explorer)


@pytest.mark.parametrize("change, words", [
    (dict(patience=13), "weeks without a signal before moving hours must be between 1 and 12"),
    (dict(patience=0), "must be between 1 and 12; got 0"),
    (dict(judge_by="offers"), "what counts as a signal for networking must be one of"),
    (dict(start="two strategies"), "starting point must be one of"),
    (dict(scenario="dream job"), "scenario must be one of"),
])
def test_bad_values_show_a_message_and_keep_the_figure(explorer, change, words):
    plot, result = explorer.plot.value, explorer.result
    assert explorer.update(**change) is False
    assert words in explorer.error.value
    assert explorer.plot.value == plot and explorer.result is result
    assert explorer.update() is True and explorer.error.value == ""


def test_heaviest_settings_are_valid(explorer):
    assert explorer.update(**lesson.HEAVIEST) is True
    assert explorer.update() is True


def test_a_grid_not_simulated_yet_says_it_is_computing(monkeypatch):
    made = lesson.explorer()
    monkeypatch.setattr(lesson, "_COMPUTED", set())
    seen = []
    made.summary.observe(lambda change: seen.append(change["new"]), names="value")
    made.controls["scenario"].value = "field that hires through people"
    assert "Simulating every rule" in seen[0] and "Simulating" not in made.summary.value


def test_the_figure_draws_a_view_on_its_own():
    figure = RulesFigure()
    view = lesson.run(3, "early signals", "one strategy", "typical")
    figure.show(view)
    np.testing.assert_array_equal(figure.lines["early signals"].get_ydata(),
                                  view.rules["early signals"].still_searching)
    np.testing.assert_array_equal(figure.lines[lesson.KEEP_LABEL].get_ydata(),
                                  view.keep.still_searching)
    assert f"{view.rash.still_searching[26]:.0%}" in figure.alt


def test_the_findings_match_the_model(typical):
    """What the lesson's story rests on, at the defaults (from an even mix and from one
    strategy), and what the findings box prints."""
    single = policies.patience_grid(World(), "one strategy")
    rules = [(j, k) for j in policies.SIGNALS for k in policies.PATIENCES]
    assert typical.keep() <= policies.fastest(typical).mean_weeks, "keeping the mix is hard to beat"
    assert max(rules, key=lambda r: typical.weeks(*r)) == ("interviews", 1)
    assert np.all(typical.curve("early signals") < typical.curve("interviews"))
    assert typical.networking_share("interviews", 4) < typical.networking_share(
        "early signals", 4), "judging by interviews drains networking's hours"
    assert all(single.keep() > single.weeks(*r) for r in rules), "never switching is the worst"
    assert policies.read(single).share_none > max(
        policies.read(single, *r).share_none for r in rules)
    assert policies.fastest(single).patience <= 4
    assert single.weeks(policies.fastest(single).judge_by, 12) > \
        policies.fastest(single).mean_weeks + 1, "waiting twelve weeks costs weeks"
    shown = text(lesson.findings().value)
    assert "none of the switching rules beat keeping the mix" in shown
    assert f"at {len(policies.PATIENCES)} of {len(policies.PATIENCES)} patiences" in shown
    assert "(the slowest of all)" in shown
    assert f"{single.keep():.1f}" in shown and f"{policies.read(single).share_none:.0%}" in shown


def test_predict_is_compared_never_marked_and_restored(store):
    widget = lesson.predict(store=store)
    widget.control.value = 10
    widget.check()
    assert "you guessed 10%" in widget.feedback.value and "about 60%" in widget.feedback.value
    assert "Not quite" not in widget.feedback.value, "a prediction is compared, never marked"
    widget.control.value = 60
    widget.check()
    assert "you guessed 60%" in widget.feedback.value and "Correct" not in widget.feedback.value
    saved = store.get(lesson.LESSON, "predict-silent-streak")
    assert saved["prediction"] == 60 and saved["first"] == 10
    again = lesson.predict(store=ProgressStore(store.folder))
    assert again.control.value == 60 and "you guessed 60%" in again.feedback.value


@pytest.mark.parametrize("make", [lesson.one_silent_week, lesson.fastest_rule,
                                  lesson.networking_week_3])
def test_multiple_choice_feedback_and_saving(store, make):
    widget = make(store=store)
    assert sum(o.correct for o in widget.options) == 1
    assert all(o.why for o in widget.options), "every option explains itself"
    right = next(o for o in widget.options if o.correct)
    wrong = next(o for o in widget.options if not o.correct)
    widget.choice.value = wrong.text
    widget.check()
    assert "Not quite" in widget.feedback.value
    widget.choice.value = right.text
    widget.check()
    assert "Correct" in widget.feedback.value
    again = make(store=ProgressStore(store.folder))
    assert again.choice.value == right.text and "Correct" in again.feedback.value


def test_one_silent_week_quotes_the_streak_rule_and_the_grid(store, typical):
    widget = lesson.one_silent_week(store=store)
    right = next(o for o in widget.options if o.correct)
    assert "90%" in right.why and "100%" in right.why
    rash = widget.options[-1].why
    assert f"{typical.weeks('interviews', 1):.1f}" in rash and f"{typical.keep():.1f}" in rash


def test_fastest_rule_is_the_first_row_of_the_table_at_the_defaults(store, typical):
    widget = lesson.fastest_rule(store=store)
    first_name, first = lesson.rows(lesson.run(**lesson.DEFAULTS))[0]
    right = next(o for o in widget.options if o.correct)
    assert right.text.startswith(first_name) and f"{first.mean_weeks:.1f}" in right.why
    assert len(widget.options) == 4


def test_networking_week_3_quotes_the_leading_indicators(store, typical):
    widget = lesson.networking_week_3(store=store)
    right = next(o for o in widget.options if o.correct)
    week = networking.one_week(World(), 3.0, World().online_share)
    assert f"{float(week.replies):.1f} replies" in right.why
    assert f"{typical.weeks('early signals', 3):.1f}" in right.why
    assert f"{typical.networking_share('interviews', 3):.0%}" in widget.options[0].why


def test_signals_sorting(store):
    widget = lesson.signals(store=store)
    for dropdown, item in zip(widget.dropdowns, widget.items, strict=True):
        dropdown.value = item.group
    widget.check()
    assert f"{len(widget.items)} of {len(widget.items)}" in widget.feedback.value
    assert "Correct" in widget.feedback.value
    widget.dropdowns[0].value = "Too early to tell"
    widget.check()
    assert "Not quite" in widget.feedback.value
    again = lesson.signals(store=ProgressStore(store.folder))
    assert again.dropdowns[0].value == "Too early to tell"


@pytest.mark.parametrize("make, key", [(lesson.reflection, "reflection"),
                                       (lesson.setbacks, "setbacks")])
def test_reflections_save_as_you_type(store, make, key):
    widget = make(store=store)
    widget.text.value = "I will call Sam and ask for two names."
    assert "Saved" in widget.status.value
    assert store.get(lesson.LESSON, key).startswith("I will call")
    assert make(store=ProgressStore(store.folder)).text.value.startswith("I will call")


def test_check_keys_are_the_keys_the_checks_save(store):
    predict = lesson.predict(store=store)
    predict.control.value = 40  # a prediction is saved once the learner has made one
    predict.check()
    for make in (lesson.one_silent_week, lesson.fastest_rule, lesson.networking_week_3):
        widget = make(store=store)
        widget.choice.value = widget.options[0].text
        widget.check()
    sorter = lesson.signals(store=store)
    for dropdown in sorter.dropdowns:
        dropdown.value = "Keep going"
    sorter.check()
    lesson.reflection(store=store).text.value = "x"
    lesson.setbacks(store=store).text.value = "y"
    saved = json.loads(store.path.read_text())["lessons"][lesson.LESSON]
    assert set(saved) == set(lesson.CHECK_KEYS)


def test_the_streak_table_is_computed():
    table = lesson.streak_table().value
    assert "<td>60%</td>" in table and "<td>35%</td>" in table  # 0.95^10 and 0.9^10
    assert f"<td>{100 * 0.98 ** 10:.0f}%</td>" in table
    assert lesson.silent_streak(0.05, 10) == pytest.approx(0.95 ** 10)
