"""Each model's fast version equals its literal, person-by-person version, on the same luck."""

from __future__ import annotations

import math

import numpy as np
import pytest

from netnot.models import contacts, networking, policies, search
from netnot.models.world import Mix, World, scenario

WORLDS = {
    "typical": World(),
    "new to the field": scenario("new to the field"),
    # acquaintances reach their ceiling: the search takes its week-by-week path
    "ceiling": World().changed(share_acquaintances=1, share_distant=0, share_new=0,
                               acquaintances=2, vouch_hours=0.5),
}


@pytest.mark.parametrize("name", WORLDS)
def test_networking_week_works_on_numbers_and_arrays_alike(name):
    world = WORLDS[name]
    hours = np.array([0.0, 1.5, 3.0, 12.0, 40.0])
    responsiveness = np.array([1.0, 0.3, 2.0, 1.0, 0.7])
    together = networking.one_week(world, hours, 0.4, responsiveness)
    for i in range(hours.size):
        alone = networking.one_week(world, float(hours[i]), 0.4, float(responsiveness[i]))
        for part in ("messages", "replies", "conversations", "written", "warmth"):
            assert math.isclose(getattr(alone, part), getattr(together, part)[i],
                                rel_tol=1e-12, abs_tol=1e-15)


@pytest.mark.parametrize("name", WORLDS)
@pytest.mark.parametrize("head_start", [0, 7])
def test_referral_paths_equal_one_search(name, head_start):
    world = WORLDS[name]
    warmth = np.array([0.0, 0.2, 0.5, 1.3])
    placement = np.array([1.0, 0.5, 2.0, 1.0])
    paths = networking.referral_paths(world, warmth, 40, head_start, placement)
    for i in range(warmth.size):
        literal = networking.one_search(world, float(warmth[i]), 40, head_start,
                                        float(placement[i]))
        np.testing.assert_allclose(paths[:, i], literal, rtol=1e-12)


@pytest.mark.parametrize("name", WORLDS)
@pytest.mark.parametrize("mix", [Mix(), Mix(2, 3, 1, 6), Mix.all_on(3, 12), Mix(6, 0, 0, 0)])
def test_search_simulate_equals_one_seeker(name, mix):
    world = WORLDS[name]
    people, seed, horizon, head_start = 300, 7, 60, 3
    result = search.simulate(world, mix, horizon=horizon, head_start=head_start,
                             people=people, seed=seed)
    rng = np.random.default_rng(seed)
    fits = search.draw_fits(world, people, rng)
    threshold, pick = rng.exponential(size=people), rng.random(people)
    for i in range(people):
        week, via = search.one_seeker(world, mix, search.Fit(*fits[:, i]), threshold[i],
                                      pick[i], horizon, head_start)
        assert week == result.weeks[i], f"person {i}"
        assert via == bool(result.via_contacts[i]), f"person {i}"
    assert np.isfinite(result.weeks).any()


RULES = (policies.KEEP, policies.Rule(1, "interviews"), policies.Rule(3, "early signals"),
         policies.Rule(5, "interviews", move=1.0), policies.Rule(2, "early signals", move=0.25))


@pytest.mark.parametrize("name", ["typical", "new to the field"])
@pytest.mark.parametrize("start", ["even", "one strategy", Mix(6, 0, 0, 6)])
def test_policies_simulate_equals_one_seeker(name, start):
    world = WORLDS[name]
    people, horizon, seed = 120, 40, 5
    result = policies.simulate(RULES, world, start, horizon=horizon, people=people, seed=seed)
    lucks = policies.draw_luck(world, people, horizon, seed)
    mixes = policies.starting_mixes(world, start, people, seed)
    for r, rule in enumerate(RULES):
        for i, luck in enumerate(lucks):
            week, via = policies.one_seeker(world, rule, Mix(*mixes[:, i]), luck)
            assert week == result.weeks[r, i], f"rule {r}, person {i}"
            assert via == bool(result.via_contacts[r, i]), f"rule {r}, person {i}"
    assert len({tuple(row) for row in result.weeks}) > 1, "the rules should differ somewhere"


@pytest.mark.parametrize("changes", [{}, {"ask_cost": 0.2, "tune_out": 0.2}, {"give_hours": 0},
                                     {"ask_window": 3, "fade_weeks": 2}])
@pytest.mark.parametrize("pester_every", [1, 3])
def test_cadences_equal_one_contact(changes, pester_every):
    world = World().changed(**changes)
    result = contacts.cadences(world, weeks=20, pester_every=pester_every, give_every=3,
                               ask_week=4, contacts=60, seed=3)
    ordinary, sensitivity = contacts.draw_contacts(world, 60, 3)
    novelty = world.novelty(world.acquaintance_closeness)
    for c, name in enumerate(contacts.CADENCES):
        actions = contacts.plan(name, 20, pester_every, 3, 4)
        for i in range(60):
            warmth, chance = contacts.one_contact(world, actions, ordinary[i], sensitivity[i],
                                                  novelty)
            np.testing.assert_allclose(result.warmth[c, :, i], warmth, rtol=1e-12, atol=1e-15)
            np.testing.assert_allclose(result.chance[c, :, i], chance, rtol=1e-12, atol=1e-15)
