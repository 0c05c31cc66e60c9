"""The world views lessons 05 and 06 add: a rule read off the patience grid (policies.read,
policies.fastest) and follow-ups to someone who has not replied (contacts.one_contact_asks,
contacts.follow_ups), each checked against the world's own functions."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.models import contacts, policies
from netnot.models.world import World, scenario
from netnot.params import ParameterError


@pytest.fixture(scope="module")
def grid():
    return policies.patience_grid(World(), "even")


def test_a_reading_is_the_grid_row_of_that_rule(grid):
    c = grid.comparison
    keep = policies.read(grid)
    assert keep.patience is None and keep.judge_by is None
    assert keep.mean_weeks == c.mean_weeks(policies.KEEP.label) == grid.keep()
    rule = policies.read(grid, "early signals", 4)
    assert rule.mean_weeks == grid.weeks("early signals", 4)
    assert rule.networking_share == grid.networking_share("early signals", 4)
    np.testing.assert_array_equal(rule.still_searching,
                                  c.still_searching("early signals, 4"))
    assert rule.still_searching[0] == 1.0 and np.all(np.diff(rule.still_searching) <= 0)


def test_a_reading_equals_simulating_that_rule_alone(grid):
    """The grid's rules run on the same people and luck: one rule alone gives the same weeks."""
    alone = policies.simulate((policies.Rule(3, "interviews", label="x"),), World(), "even",
                              people=grid.comparison.params["people"], seed=2011)
    reading = policies.read(grid, "interviews", 3)
    assert reading.mean_weeks == alone.mean_weeks("x")
    assert reading.median == alone.median("x") and reading.share_none == alone.share_none("x")


@pytest.mark.parametrize("judge, patience, words", [
    ("offers", 3, "what counts as a signal must be one of"),
    ("interviews", 0, "weeks without a signal before moving hours must be between 1 and 12"),
    ("interviews", 13, "must be between 1 and 12; got 13"),
    ("interviews", 2.5, "must be a whole number"),
])
def test_bad_readings_get_clear_messages(grid, judge, patience, words):
    with pytest.raises(ParameterError, match=words):
        policies.read(grid, judge, patience)


def test_fastest_is_the_smallest_average_on_the_grid(grid):
    best = policies.fastest(grid)
    every = [grid.weeks(j, k) for j in policies.SIGNALS for k in policies.PATIENCES]
    assert best.mean_weeks == min(every)
    assert best.patience in policies.PATIENCES and best.judge_by in policies.SIGNALS


@pytest.mark.parametrize("changes", [{}, {"ask_cost": 0.2, "tune_out": 0.2},
                                     {"ask_window": 3, "fade_weeks": 2}])
@pytest.mark.parametrize("weeks_apart", [1, 2])
def test_asks_at_any_time_equal_one_contact_on_whole_weeks(changes, weeks_apart):
    world = World().changed(**changes)
    for asks in (1, 2, 4, 7):
        actions = [""] * (weeks_apart * (asks - 1) + 1)
        for i in range(asks):
            actions[i * weeks_apart] = "ask"
        for ordinary, sensitivity in ((0.3, 1.0), (0.15, 2.5), (0.8, 0.3)):
            warmths, _ = contacts.one_contact(world, actions, ordinary, sensitivity, 0.5)
            warmth, tuned_out = contacts.one_contact_asks(
                world, [i * weeks_apart for i in range(asks)], ordinary, sensitivity)
            assert warmth == pytest.approx(warmths[-1], abs=1e-12)
            assert tuned_out == (min(warmths) < world.tune_out)


def test_follow_ups_for_many_contacts_equal_one_contact_asks():
    world = World()
    result = contacts.follow_ups(world, 4, 5, contacts=80, seed=3)
    ordinary, sensitivity = contacts.draw_contacts(world, 80, 3)
    when = [i * 5 / 7 for i in range(4)]
    for i in range(80):
        warmth, tuned_out = contacts.one_contact_asks(world, when, ordinary[i], sensitivity[i])
        assert result.warmth[i] == pytest.approx(warmth, abs=1e-12)
        assert result.tuned_out[i] == tuned_out
    typical = contacts.one_contact_asks(world, when, world.acquaintance_closeness, 1.0)
    assert (result.typical_warmth, result.typical_tuned_out) == pytest.approx(typical)


def test_more_follow_ups_never_leave_contacts_warmer():
    world = World()
    previous = contacts.follow_ups(world, 1, 7)
    assert previous.typical_warmth == world.acquaintance_closeness
    assert previous.share_tuned_out == 0.0, "one ask costs nothing"
    for messages in range(2, 9):
        now = contacts.follow_ups(world, messages, 7)
        assert now.share_tuned_out >= previous.share_tuned_out
        assert np.all(now.tuned_out >= previous.tuned_out)
        previous = now
    assert previous.typical_tuned_out


def test_follow_ups_refuse_bad_schedules():
    with pytest.raises(ParameterError, match="messages to someone who has not replied"):
        contacts.follow_ups(World(), 0, 7)
    with pytest.raises(ParameterError, match="days between messages must be between 1 and 365"):
        contacts.follow_ups(World(), 2, 0)


def test_the_grid_scenarios_of_lesson_05_are_valid_worlds():
    for name in ("typical", "networking is weak for you", "field that hires through people"):
        assert isinstance(scenario(name), World)
