"""Properties of the quick-fix (time to first referral) model."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netnot.models import quickfix
from netnot.params import ParameterError

contacts = st.floats(0, 20)
warm = st.floats(1, 52)
chance = st.floats(0, 0.5)


def literal_simulation(contacts_per_week, warm_weeks, opening_chance, warm_at_start,
                       head_start_weeks, horizon, seekers, seed):
    """The model's story told contact by contact (slow, for checking the fast version)."""
    rng = np.random.default_rng(seed)
    first = np.full(seekers, np.inf)
    for s in range(seekers):
        best = np.inf
        for week_met in range(1 - head_start_weeks, horizon + 1):
            for _ in range(rng.poisson(contacts_per_week)):
                warm_week = week_met + int(np.ceil(rng.gamma(2, warm_weeks / 2)))
                # a contact warm before the search starts passes on openings from week 1 on
                referral = max(warm_week, 1) + rng.geometric(opening_chance) - 1
                best = min(best, referral)
        for _ in range(warm_at_start):
            best = min(best, rng.geometric(opening_chance))
        first[s] = best if best <= horizon else np.inf
    return first


@pytest.mark.parametrize("settings_", [
    dict(contacts_per_week=2, warm_weeks=8, opening_chance=0.02, warm_at_start=0,
         head_start_weeks=0),
    dict(contacts_per_week=1, warm_weeks=4, opening_chance=0.05, warm_at_start=3,
         head_start_weeks=6),
])
def test_fast_model_matches_contact_by_contact_simulation(settings_):
    literal = literal_simulation(**settings_, horizon=40, seekers=1500, seed=3)
    fast = quickfix.simulate(**settings_, horizon=40, seekers=20_000, seed=4)
    for week in (2, 5, 10, 20, 40):
        share_literal = np.mean(literal <= week)
        assert abs(share_literal - fast.share_by(week)) < 0.04, week


def test_defaults_tell_the_lesson_story():
    result = quickfix.simulate()
    assert result.weeks.size >= 10_000
    assert result.share_by(2) < 0.01, "almost nobody gets a referral within two weeks"
    assert 8 <= result.median <= 26, "the typical wait is counted in months"
    # the real lever: a head start beats doubling the contacts
    doubled = quickfix.simulate(contacts_per_week=4).median
    head_start = quickfix.simulate(head_start_weeks=12).median
    assert head_start < doubled < result.median
    # the payoff matures: the weekly chance grows, and overtakes a steady channel
    assert result.weekly_chance[0] < 0.01 < result.weekly_chance[-1]
    assert result.overtakes_steady_week is not None


def test_same_seed_same_result_different_seed_different():
    a, b = quickfix.simulate(seed=5), quickfix.simulate(seed=5)
    assert np.array_equal(a.weeks, b.weeks)
    assert not np.array_equal(a.weeks, quickfix.simulate(seed=6).weeks)


@settings(max_examples=40, deadline=None)
@given(contacts, warm, chance, st.integers(0, 50), st.integers(0, 60))
def test_results_are_valid_weeks_and_chances(c, w, p, warm_start, head):
    result = quickfix.simulate(c, w, p, warm_start, head, seekers=2000, horizon=60)
    finite = result.weeks[np.isfinite(result.weeks)]
    assert np.all((finite >= 1) & (finite <= 60) & (finite == np.round(finite)))
    assert np.all((result.weekly_chance >= 0) & (result.weekly_chance <= 1))
    if head == 0:  # with a head start, early luck selects out the well-connected: it may dip
        assert np.all(np.diff(result.weekly_chance) >= -1e-12), "a new network only matures"
    assert 0 <= result.share_none <= 1


@settings(max_examples=30, deadline=None)
@given(contacts, warm, chance, st.integers(0, 20), st.integers(0, 30))
def test_more_of_anything_good_never_slows_you_down(c, w, p, warm_start, head):
    base = quickfix.simulate(c, w, p, warm_start, head, seekers=3000)
    for better in (
        quickfix.simulate(min(c + 1, 20), w, p, warm_start, head, seekers=3000),
        quickfix.simulate(c, w, min(p + 0.01, 0.5), warm_start, head, seekers=3000),
        quickfix.simulate(c, w, p, warm_start + 1, head, seekers=3000),
        quickfix.simulate(c, w, p, warm_start, head + 4, seekers=3000),
        quickfix.simulate(c, max(w - 1, 1), p, warm_start, head, seekers=3000),
    ):
        # same seed, so each seeker's threshold is the same: nobody waits longer
        assert np.all(better.weeks <= base.weeks)


def test_no_chance_means_no_referral():
    assert quickfix.simulate(opening_chance=0).share_none == 1.0
    assert quickfix.simulate(contacts_per_week=0, warm_at_start=0).share_none == 1.0


@pytest.mark.parametrize("bad, message", [
    (dict(contacts_per_week=45), "contacts per week must be between 0 and 20; got 45"),
    (dict(contacts_per_week="three"), "contacts per week must be a number; got 'three'"),
    (dict(warm_weeks=0), "weeks until a contact is warm must be between 1 and 52; got 0"),
    (dict(opening_chance=1.5), "must be between 0 and 0.5; got 1.5"),
    (dict(warm_at_start=2.5), "warm contacts at the start must be a whole number; got 2.5"),
    (dict(head_start_weeks=True), "must be a number; got True"),
    (dict(seekers=0), "number of simulated seekers must be between 1 and 1e+06; got 0"),
    (dict(contacts_per_week=float("nan")), "contacts per week must be between 0 and 20"),
])
def test_bad_parameters_get_a_message_a_learner_understands(bad, message):
    with pytest.raises(ParameterError, match=message.replace("+", r"\+").replace("(", r"\(")):
        quickfix.simulate(**bad)
