"""Lesson 02's view of the world (networking.after_a_pause) and the claims the lesson makes
about networking.first_referrals from its scenario, "new to the field"."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.models import networking, search
from netnot.models.world import World, scenario
from netnot.params import ParameterError

NEW = scenario("new to the field")


@pytest.mark.parametrize("world", [NEW, World(), NEW.changed(fade_weeks=3, vouch_hours=0.5)],
                         ids=["new", "typical", "fast fade"])
@pytest.mark.parametrize(("hours", "head_start"), [(3.0, 12), (0.5, 0), (10.0, 30)])
def test_without_a_pause_it_is_the_weekly_chance_of_first_referrals(world, hours, head_start):
    chances = networking.after_a_pause(world, hours, head_start, 0, 40)
    expected = networking.first_referrals(world, hours, head_start, horizon=40, people=10)
    np.testing.assert_allclose(chances, expected.weekly_chance, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("world", [NEW, World()], ids=["new", "typical"])
@pytest.mark.parametrize("head_start", [0, 12])
def test_first_referrals_equal_one_search_person_by_person(world, head_start):
    """What lesson 02 shows on the left is, for each person, the first week in which the
    referral chances of networking.one_search add up to their threshold."""
    people, seed, horizon, hours = 200, 11, 52, 3.0
    result = networking.first_referrals(world, hours, head_start, horizon=horizon,
                                        people=people, seed=seed)
    rng = np.random.default_rng(seed)
    fits = search.draw_fits(world, people, rng)
    threshold = rng.exponential(size=people)
    for i in range(people):
        warmth = networking.one_week(world, hours, world.online_share, fits[3, i]).warmth
        total, week = 0.0, np.inf
        for number, expected in enumerate(networking.one_search(
                world, float(warmth), horizon, head_start, float(fits[4, i])), start=1):
            total += expected
            if total >= threshold[i]:
                week = number
                break
        assert result.weeks[i] == week, f"person {i}"
    assert np.isfinite(result.weeks).any()


def test_after_a_pause_equals_one_search_with_warmth_built_then_left_to_fade():
    """The literal version: a head start of h weeks then a pause of p weeks leaves the same
    warmth as networking from week 0 of a (h + p)-week run with nothing added in the last p."""
    world, hours, head_start, pause = NEW, 3.0, 12, 12
    gain = float(networking.one_week(world, hours, world.online_share).warmth)
    ties = networking.Ties.of(world)
    built = np.zeros(len(ties.share))
    for week in range(head_start + pause):
        added = gain if week < head_start else 0.0
        built = np.minimum(ties.room, built * world.fade + ties.share * added)
    rate = []
    for _ in range(20):
        built = np.minimum(ties.room, built * world.fade + ties.share * gain)
        rate.append(world.opening_chance * (ties.ordinary + ties.novelty @ built))
    chances = networking.after_a_pause(world, hours, head_start, pause, 20)
    np.testing.assert_allclose(chances, -np.expm1(-np.array(rate)), rtol=1e-12)


def test_a_pause_loses_part_of_the_head_start_and_a_long_one_loses_it_all():
    week_one = [networking.after_a_pause(NEW, 3.0, 12, pause, 12)[0]
                for pause in (0, 4, 12, 26, 260)]
    assert all(a > b for a, b in zip(week_one, week_one[1:], strict=False))
    scratch = networking.first_referrals(NEW, 3.0, horizon=12, people=10).from_scratch
    assert week_one[-1] == pytest.approx(scratch[0], rel=1e-6)
    assert week_one[2] > 2 * scratch[0], "after a 12-week pause, a good part is still there"


@pytest.mark.parametrize(("change", "words"), [
    (dict(pause=-1), "weeks without networking before the search must be between 0 and 260"),
    (dict(pause=2.5), "weeks without networking before the search must be a whole number"),
    (dict(hours=80), "networking hours a week must be between 0 and 40; got 80"),
])
def test_after_a_pause_refuses_bad_values_clearly(change, words):
    values = dict(world=NEW, hours=3.0, head_start=12, pause=4)
    values.update(change)
    with pytest.raises(ParameterError, match=words.replace("(", r"\(")):
        networking.after_a_pause(**values)


def test_the_lesson_s_claims_hold_in_its_scenario():
    """What lesson 02 asks learners to find: a slow first referral, a head start that beats
    twice the hours, and a weekly chance that grows as trust builds."""
    base = networking.first_referrals(NEW, 3.0)
    assert base.median > 8 and base.share_by(2) < 0.1
    doubled = networking.first_referrals(NEW, 6.0)
    ahead = networking.first_referrals(NEW, 3.0, 12)
    assert ahead.median < doubled.median < base.median
    assert np.all(np.diff(base.weekly_chance) > 0)
    np.testing.assert_allclose(base.weekly_chance, base.from_scratch)  # nobody told, no head start
