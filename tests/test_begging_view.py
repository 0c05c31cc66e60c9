"""Lesson 01's view of the world (contacts.tuned_out_by_week) and the claims the lesson makes
about contacts.cadences at its first settings."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.models import contacts
from netnot.models.world import World


@pytest.mark.parametrize("changes", [{}, {"ask_cost": 0.2}, {"tune_out": 0.2, "fade_weeks": 3}])
@pytest.mark.parametrize("pester_every", [1, 2, 5])
def test_tuned_out_by_week_follows_one_contact(changes, pester_every):
    """A pestered contact knows what you want from week 1, so their chance of passing an
    opening on is zero exactly when they have tuned you out (the literal model's rule)."""
    world = World().changed(**changes)
    result = contacts.cadences(world, weeks=20, pester_every=pester_every, contacts=80, seed=5)
    shares = contacts.tuned_out_by_week(world, result, "pester")
    ordinary, sensitivity = contacts.draw_contacts(world, 80, 5)
    novelty = world.novelty(world.acquaintance_closeness)
    actions = contacts.plan("pester", 20, pester_every)
    silent = np.zeros(20)
    for i in range(80):
        _, chance = contacts.one_contact(world, actions, ordinary[i], sensitivity[i], novelty)
        silent += np.array(chance) == 0.0
    np.testing.assert_allclose(shares, silent / 80)
    assert shares[-1] == pytest.approx(result.share_tuned_out("pester"))
    assert np.all(np.diff(shares) >= 0), "once tuned out, always tuned out"


def test_nobody_tunes_out_without_repeat_asks():
    world = World()
    result = contacts.cadences(world)
    for name in ("ask once", "give then ask", "silence"):
        assert not contacts.tuned_out_by_week(world, result, name).any()
    assert not contacts.tuned_out_by_week(world.changed(ask_cost=0), contacts.cadences(
        world.changed(ask_cost=0)), "pester").any()


def test_the_lesson_s_claims_hold_at_the_first_settings():
    """Lesson 01 tells learners what to look for; these are the directions it promises."""
    base = contacts.cadences(World())
    assert base.best() == "give then ask"
    assert base.share_tuned_out("pester") > 0.9
    assert base.total("pester") < base.total("ask once") / 4
    assert base.total("silence") == 0
    no_gift = contacts.cadences(World().changed(give_hours=0))
    assert no_gift.total("give then ask") <= no_gift.total("ask once")
    free = contacts.cadences(World().changed(ask_cost=0))
    assert free.total("pester") == pytest.approx(free.total("ask once"))
    assert free.best() == "give then ask"
