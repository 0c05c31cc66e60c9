"""The outreach model of lesson 01: bounds, monotonicity, seeds, errors and the lesson's claims."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netnot.models import begging
from netnot.params import ParameterError

SMALL = dict(contacts=2_000, horizon=20)  # enough contacts for the properties, quick to run
FAST = settings(max_examples=20, deadline=None)


@pytest.fixture(scope="module")
def default():
    return begging.simulate()


def reference(pester_every, ask_cost, give_gain, give_every, opening_chance, memory_weeks,
              window, horizon, contacts, seed):
    """The model written out literally: one contact, one cadence and one week at a time."""
    rng = np.random.default_rng(seed)
    start = 0.2 + 0.6 * rng.beta(4.0, 4.0, size=contacts)
    sensitivity = rng.gamma(2.0, 0.5, size=contacts)
    draws = rng.random((horizon, contacts))
    plans = {
        "pester": ([w for w in range(horizon) if w % pester_every == 0], []),
        "ask once": ([0], []),
        "give then ask": ([begging.GIVE_THEN_ASK_WEEK - 1],
                          [w for w in range(horizon) if w % give_every == 0]),
        "silence": ([], []),
    }
    referrals = np.zeros((4, contacts), dtype=int)
    goodwill_end = np.zeros((4, contacts))
    for s, name in enumerate(begging.STRATEGIES):
        ask_weeks, give_weeks = plans[name]
        for i in range(contacts):
            goodwill, salience, told = start[i], 0.0, False
            for week in range(horizon):
                asked, gave = week in ask_weeks, week in give_weeks
                noticed = (asked or gave) and goodwill >= begging.TUNE_OUT
                salience = 1.0 if noticed else salience * np.exp(-1 / memory_weeks)
                earlier = sum(1 for w in ask_weeks if week - window < w < week)
                if asked:
                    goodwill -= ask_cost * earlier * sensitivity[i]
                    told = True
                if gave and noticed:
                    goodwill += give_gain
                goodwill = min(1.0, max(0.0, goodwill))
                if told and draws[week, i] < opening_chance * goodwill * salience:
                    referrals[s, i] += 1
            goodwill_end[s, i] = goodwill
    return referrals, goodwill_end


def test_matches_a_literal_contact_by_contact_simulation():
    args = dict(pester_every=2, ask_cost=0.07, give_gain=0.08, give_every=3, opening_chance=0.3,
                memory_weeks=4.0, window=5, horizon=15, contacts=60, seed=7)
    result = begging.simulate(**args)
    referrals, goodwill = reference(**args)
    assert referrals.sum() > 20  # the comparison is not vacuous
    np.testing.assert_array_equal(result.referrals, referrals)
    np.testing.assert_array_equal(result.goodwill, goodwill)


@settings(max_examples=15, deadline=None)
@given(pester_every=st.integers(1, 6), ask_cost=st.floats(0, 0.5), give_gain=st.floats(0, 0.5),
       give_every=st.integers(1, 6), opening_chance=st.floats(0.05, 1),
       memory_weeks=st.floats(0.5, 20), window=st.integers(1, 10), horizon=st.integers(5, 20),
       seed=st.integers(0, 1000))
def test_matches_the_literal_simulation_for_any_inputs(pester_every, ask_cost, give_gain,
                                                       give_every, opening_chance, memory_weeks,
                                                       window, horizon, seed):
    args = dict(pester_every=pester_every, ask_cost=ask_cost, give_gain=give_gain,
                give_every=give_every, opening_chance=opening_chance, memory_weeks=memory_weeks,
                window=window, horizon=horizon, contacts=25, seed=seed)
    result = begging.simulate(**args)
    referrals, goodwill = reference(**args)
    np.testing.assert_array_equal(result.referrals, referrals)
    np.testing.assert_allclose(result.goodwill, goodwill, rtol=0, atol=1e-12)


@FAST
@given(asks=st.lists(st.booleans(), min_size=1, max_size=40), window=st.integers(1, 12))
def test_repeat_ask_counts_counts_other_asks_in_the_window(asks, window):
    counts = begging.repeat_ask_counts(np.array(asks), window)
    for week, asked in enumerate(asks):
        expected = sum(asks[max(0, week - window + 1):week]) if asked else 0
        assert counts[week] == expected


@FAST
@given(pester_every=st.integers(1, 8), ask_cost=st.floats(0, 1), give_gain=st.floats(0, 1),
       give_every=st.integers(1, 8), opening_chance=st.floats(0, 1),
       memory_weeks=st.floats(0.5, 30))
def test_outputs_stay_in_bounds(pester_every, ask_cost, give_gain, give_every, opening_chance,
                                memory_weeks):
    r = begging.simulate(pester_every, ask_cost, give_gain, give_every, opening_chance,
                         memory_weeks, **SMALL)
    assert r.goodwill.min() >= 0 and r.goodwill.max() <= 1
    assert np.all((r.mean_goodwill >= 0) & (r.mean_goodwill <= 1))
    assert np.all((r.tuned_out >= 0) & (r.tuned_out <= 1))
    assert r.referrals.min() >= 0 and r.referrals.max() <= SMALL["horizon"]
    assert np.all(np.diff(r.cumulative, axis=1) >= 0)
    assert r.total("silence") == 0  # nobody can pass on an opening you never asked about


@FAST
@given(low=st.floats(0, 0.5), extra=st.floats(0.001, 0.5), seed=st.integers(0, 99))
def test_costlier_repeat_asks_never_help_the_pesterer(low, extra, seed):
    cheap = begging.simulate(ask_cost=low, seed=seed, **SMALL)
    dear = begging.simulate(ask_cost=low + extra, seed=seed, **SMALL)
    p = begging.STRATEGIES.index("pester")
    assert np.all(dear.referrals[p] <= cheap.referrals[p])
    assert np.all(dear.goodwill[p] <= cheap.goodwill[p])
    assert dear.end_tuned_out("pester") >= cheap.end_tuned_out("pester")


@FAST
@given(low=st.floats(0, 0.5), extra=st.floats(0.001, 0.5), seed=st.integers(0, 99))
def test_bigger_gives_never_hurt_the_giver(low, extra, seed):
    small = begging.simulate(give_gain=low, seed=seed, **SMALL)
    big = begging.simulate(give_gain=low + extra, seed=seed, **SMALL)
    g = begging.STRATEGIES.index("give then ask")
    assert np.all(big.referrals[g] >= small.referrals[g])
    assert np.all(big.goodwill[g] >= small.goodwill[g])


@FAST
@given(low=st.floats(0, 0.5), extra=st.floats(0.001, 0.5))
def test_more_openings_mean_more_referrals_for_every_cadence(low, extra):
    few = begging.simulate(opening_chance=low, **SMALL)
    many = begging.simulate(opening_chance=low + extra, **SMALL)
    assert np.all(many.referrals >= few.referrals)


def test_same_seed_same_result_and_different_seeds_differ():
    a, b = begging.simulate(seed=5, **SMALL), begging.simulate(seed=5, **SMALL)
    np.testing.assert_array_equal(a.referrals, b.referrals)
    np.testing.assert_array_equal(a.goodwill, b.goodwill)
    c = begging.simulate(seed=6, **SMALL)
    assert not np.array_equal(a.referrals, c.referrals)
    assert not np.array_equal(a.goodwill, c.goodwill)


def test_simulates_at_least_ten_thousand_contacts_by_default(default):
    assert default.referrals.shape == (4, 10_000)
    assert default.params["contacts"] == 10_000


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(ask_cost=1.5), "goodwill lost per repeat ask must be between 0 and 1; got 1.5"),
        (dict(ask_cost="high"), "goodwill lost per repeat ask must be a number; got 'high'"),
        (dict(give_gain=-0.1), "goodwill won per give must be between 0 and 1; got -0.1"),
        (dict(pester_every=0), "weeks between pestering asks must be between 1 and 26; got 0"),
        (dict(pester_every=2.5), "weeks between pestering asks must be a whole number; got 2.5"),
        (dict(give_every=None), "weeks between gives must be a number; got None"),
        (dict(opening_chance=2), "weekly chance of an opening near a contact must be between 0"),
        (dict(memory_weeks=0), "weeks a message stays in mind must be between 0.5 and 104"),
        (dict(memory_weeks=True), "weeks a message stays in mind must be a number; got True"),
        (dict(contacts=0), "number of simulated contacts must be between 1 and"),
        (dict(horizon=3), "weeks to simulate must be between 5 and 260; got 3"),
    ],
)
def test_bad_parameters_get_a_message_a_learner_can_act_on(change, message):
    with pytest.raises(ParameterError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        begging.simulate(**change)


def test_unknown_strategy_names_the_choices(default):
    with pytest.raises(KeyError, match="pester"):
        default.total("beg")


# --- the lesson's claims, at the defaults ------------------------------------------------------

def test_giving_then_asking_once_gets_the_most_referrals(default):
    assert default.best == "give then ask"
    assert default.total("give then ask") > 2 * default.total("ask once")


def test_pestering_gets_fewer_referrals_than_asking_once_and_wears_people_out(default):
    assert default.total("pester") < default.total("ask once")
    assert default.end_tuned_out("pester") > 0.9
    assert default.end_goodwill("pester") < begging.TUNE_OUT


def test_one_clear_request_costs_no_goodwill(default):
    once, silence = begging.STRATEGIES.index("ask once"), begging.STRATEGIES.index("silence")
    np.testing.assert_array_equal(default.goodwill[once], default.goodwill[silence])
    assert default.end_tuned_out("ask once") == 0
    assert default.total("ask once") > default.total("silence") == 0


def test_the_conclusion_rests_on_repeat_asks_having_a_cost():
    free = begging.simulate(ask_cost=0.0)
    assert free.best == "pester"
    assert free.end_tuned_out("pester") == 0


def test_asks_spaced_beyond_the_window_are_free():
    r = begging.simulate(pester_every=8, window=8)
    assert r.end_tuned_out("pester") == 0
    assert r.total("pester") > r.total("ask once")
