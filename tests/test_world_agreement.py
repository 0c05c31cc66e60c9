"""One world: the same seeker gets the same answer in every lesson that can express it.

Lesson 04 simulates a mix of hours kept every week (search.simulate, loop-free); lesson 05 runs
"keep your mix" week by week with its own random numbers (policies.simulate); lesson 06 runs a
plan's hours and balance (plan.simulate_mix, plan.simulate_rule). They are the same model, so
they must agree within sampling error: for a share p estimated from n people, two
independent estimates differ by more than 4 standard errors (sqrt(2 p (1 - p) / n)) about once
in 16,000 tries.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from netnot.models import networking, plan, policies, search
from netnot.models.world import SCENARIOS, Mix, World, scenario

MIXES = [Mix(), Mix(2, 3, 1, 6), Mix.all_on(3, 12), Mix(4, 4, 4, 0), Mix(1, 1, 1, 9)]
PEOPLE = 20_000


def _agree(a: np.ndarray, b: np.ndarray, week: int) -> None:
    p, q = np.mean(a <= week), np.mean(b <= week)
    pooled = (p + q) / 2
    error = math.sqrt(2 * pooled * (1 - pooled) / a.size)
    assert abs(p - q) <= 4 * error + 1e-9, f"week {week}: {p:.3f} against {q:.3f}"


@pytest.mark.parametrize("mix", MIXES, ids=lambda m: "-".join(f"{h:g}" for h in m.hours))
@pytest.mark.parametrize("name", ["typical", "new to the field", "networking is weak for you"])
def test_lesson_04_mix_equals_lesson_05_keep_your_mix(mix, name):
    world = scenario(name)
    lesson_04 = search.simulate(world, mix, horizon=52, people=PEOPLE, seed=1)
    lesson_05 = policies.simulate((policies.KEEP,), world, mix, horizon=52, people=PEOPLE,
                                  seed=2)
    for week in (4, 10, 26, 52):
        _agree(lesson_04.weeks, lesson_05.weeks[0], week)


def test_every_scenario_is_a_valid_world():
    for name in SCENARIOS:
        world = scenario(name)
        assert isinstance(world, World)
        assert set(world.differences()) == set(SCENARIOS[name].changes)


def test_first_referrals_agree_with_the_search_that_only_networks():
    """Lesson 02's first referral comes no later than lesson 04's first offer with the same
    networking hours and nothing else: an offer through contacts needs a referral first."""
    world = scenario("new to the field")
    referrals = networking.first_referrals(world, 6.0, people=PEOPLE, seed=3)
    offers = search.simulate(world, Mix(0, 0, 0, 6), horizon=52, people=PEOPLE, seed=3)
    assert np.all(referrals.weeks <= offers.weeks)
    assert referrals.median < offers.median


def test_lesson_03_share_feeds_the_search():
    """The online share lesson 03 finds best builds the most trust, so a search that networks
    at that share finds offers at least as fast as one at either extreme."""
    world = World()
    best = networking.by_online_share(world, 3.0).best_share
    results = {share: search.simulate(world.changed(online_share=share), Mix(), people=PEOPLE)
               for share in (0.0, best, 1.0)}
    assert results[best].share_by(26) >= results[0.0].share_by(26)
    assert results[best].share_by(26) >= results[1.0].share_by(26)


@pytest.mark.parametrize("hours, in_person", [((3, 3, 3, 3), 70), ((2, 3, 1, 6), 50),
                                              ((0, 0, 0, 12), 0), ((4, 4, 4, 0), 100)])
def test_lesson_06_plan_equals_lesson_04_mix_and_lesson_05_keep_your_mix(hours, in_person):
    """A plan with the same hours, and online share = 1 - its share in person, gets the same
    answer as lesson 04's mix and lesson 05's "keep your mix"."""
    the_plan = plan.Plan(hours=hours, in_person_percent=in_person)
    world = World().changed(online_share=1 - in_person / 100)
    lesson_06 = plan.simulate_mix(the_plan, horizon=52, people=PEOPLE, seed=4)
    lesson_04 = search.simulate(world, Mix(*hours), horizon=52, people=PEOPLE, seed=1)
    lesson_05 = policies.simulate((policies.KEEP,), world, Mix(*hours), horizon=52,
                                  people=PEOPLE, seed=2)
    for week in (4, 6, 10, 26, 52):
        _agree(lesson_06.results["your mix"].weeks, lesson_04.weeks, week)
        _agree(lesson_06.results["your mix"].weeks, lesson_05.weeks[0], week)
    keep = plan.simulate_rule(the_plan).row(policies.KEEP.label)
    same = policies.simulate((policies.KEEP,), world, Mix(*hours), people=1_000, seed=2011)
    np.testing.assert_array_equal(keep, same.weeks[0])  # the plan's rule runs in lesson 05's


@pytest.mark.parametrize("hours", [(3, 3, 3, 3), (2, 3, 1, 6), (0, 0, 0, 12)])
def test_lesson_06_shows_lesson_04s_numbers_for_the_same_hours(hours):
    """At the world's own balance, the plan's mix and its even spread are lesson 04's runs:
    the same people, the same numbers, week by week."""
    the_plan = plan.Plan(hours=hours)
    lesson_06 = plan.simulate_mix(the_plan)
    lesson_04 = search.compare(World(), Mix(*hours))
    for week in range(lesson_06.horizon + 1):
        assert lesson_06.results["your mix"].share_by(week) == lesson_04.yours.share_by(week)
        assert lesson_06.results["spread evenly"].share_by(week) == lesson_04.even.share_by(week)
