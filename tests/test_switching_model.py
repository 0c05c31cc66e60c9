"""The job-search bandit: properties, a literal re-implementation, the lesson's claims."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netnot.models import switching as S
from netnot.params import ParameterError

SMALL = dict(seekers=400)


def test_weeks_are_whole_weeks_within_the_horizon_or_inf():
    result = S.simulate(horizon=30, **SMALL)
    finite = result.weeks[np.isfinite(result.weeks)]
    assert finite.size > 0 and np.isinf(result.weeks).any()
    assert np.all(finite == np.round(finite)) and finite.min() >= 1 and finite.max() <= 30
    assert result.policies == S.BASELINES
    assert np.all((result.networking_share >= 0) & (result.networking_share <= 1))


def test_still_searching_starts_at_one_and_never_rises():
    result = S.simulate(**SMALL)
    for policy in result.policies:
        curve = result.still_searching(policy)
        assert curve[0] == 1.0 and np.all(np.diff(curve) <= 0)
        assert math.isclose(curve[-1], result.share_none(policy))


def test_same_seed_same_result_and_different_seeds_differ():
    a, b, c = S.simulate(seed=3, **SMALL), S.simulate(seed=3, **SMALL), S.simulate(seed=4, **SMALL)
    assert np.array_equal(a.weeks, b.weeks)
    assert not np.array_equal(a.weeks, c.weeks)


@settings(max_examples=15, deadline=None)
@given(low=st.floats(0.05, 0.9), high=st.floats(0.05, 1.0))
def test_never_switching_is_never_slower_with_a_higher_offer_chance(low, high):
    low, high = sorted((low, high))
    slow = S.simulate(offer_chance=low, **SMALL).row("stick")
    fast = S.simulate(offer_chance=high, **SMALL).row("stick")
    assert np.all(fast <= slow)  # the same people and the same luck: seeker by seeker


@settings(max_examples=15, deadline=None)
@given(low=st.floats(0.005, 0.5), high=st.floats(0.005, 0.5))
def test_never_switching_is_never_slower_with_higher_response_chances(low, high):
    low, high = sorted((low, high))
    slow = S.simulate(response_rate=low, **SMALL).row("stick")
    fast = S.simulate(response_rate=high, **SMALL).row("stick")
    assert np.all(fast <= slow)


@pytest.mark.parametrize(
    "change, words",
    [
        (dict(response_rate=0.9), "typical weekly response chance must be between"),
        (dict(response_rate="high"), "typical weekly response chance must be a number"),
        (dict(networking_rate=-0.1), "networking's weekly response chance once mature"),
        (dict(maturing_weeks=60), "weeks for networking to mature must be between 0 and 52"),
        (dict(offer_chance=0), "chance that a response becomes an offer must be between"),
        (dict(spread=2), "how much chances differ between people must be between 0 and 1.5"),
        (dict(patience=2.5), "silent weeks before switching must be a whole number"),
        (dict(patience=True), "silent weeks before switching must be a number"),
        (dict(seekers=0), "number of simulated seekers must be between"),
        (dict(rule="stick"), "rule must be a function"),
    ],
)
def test_bad_parameters_get_a_clear_message(change, words):
    with pytest.raises(ParameterError, match=words):
        S.simulate(**change)


@settings(max_examples=20, deadline=None)
@given(value=st.one_of(st.floats(allow_nan=True), st.text(max_size=3), st.none()))
def test_out_of_range_or_wrong_type_response_rates_are_refused(value):
    if isinstance(value, float) and 0.005 <= value <= 0.5:
        return
    with pytest.raises(ParameterError):
        S.simulate(response_rate=value, **SMALL)


# --- a literal, seeker-by-seeker re-implementation, to check the vectorised one -------------

def literal(seed: int, seekers: int, horizon: int = 52, **params: float) -> np.ndarray:
    p = {**S.DEFAULTS, **params}
    rng = np.random.default_rng(seed)
    rates = S.personal_rates(p["response_rate"], p["networking_rate"], p["spread"], seekers, rng)
    luck = rng.random((horizon, seekers), dtype=np.float32)  # the model uses single precision
    scaled = luck / np.float32(p["offer_chance"])
    start = rng.integers(0, 4, seekers, dtype=np.int8)
    jumps = rng.integers(1, 4, (horizon, seekers), dtype=np.int8)
    jitter = np.float32(1e-6) * rng.random((2, 4, seekers), dtype=np.float32)
    weeks = np.full((len(S.BASELINES), seekers), np.inf)
    for i in range(seekers):
        for row, policy in enumerate(S.BASELINES):
            arm, silent, tries, wins = start[i], 0, np.zeros(4), np.zeros(4)
            for week in range(1, horizon + 1):
                previous = arm
                if policy == "every silent week" and silent >= 1:
                    arm = (arm + jumps[week - 1, i]) % 4
                elif policy == "after k silent weeks" and silent >= p["patience"]:
                    arm = (arm + jumps[week - 1, i]) % 4
                elif policy.startswith("evidence") and week > 1:
                    score = [np.float32(S.upper_confidence(tries[k], wins[k]))
                             + jitter[row - 3, k, i] for k in range(4)]
                    arm = int(np.argmax(score))
                    if policy.endswith("networking") and week % 2 == 0:
                        arm = S.NETWORKING
                tries[arm] += 1
                chance = rates[i, arm]
                if arm == S.NETWORKING and p["maturing_weeks"] > 0:
                    chance *= 1 - math.exp(-tries[arm] / p["maturing_weeks"])
                chance = np.float32(chance)
                if scaled[week - 1, i] < chance:
                    weeks[row, i] = week
                    break
                responded = luck[week - 1, i] < chance
                wins[arm] += responded
                silent = 0 if responded else (1 if arm != previous else silent + 1)
    return weeks


@pytest.mark.parametrize("params", [{}, dict(maturing_weeks=0, patience=2, spread=1.2)])
def test_the_vectorised_simulation_matches_a_literal_one(params):
    fast = S.simulate(seed=5, seekers=60, **params)
    assert np.array_equal(fast.weeks, literal(5, 60, **params))


# --- the learner's rule ---------------------------------------------------------------------

def stick(week, current, silent_weeks, tries, successes, rng):
    return current


def test_a_rule_that_returns_current_is_never_switching():
    result = S.simulate(rule=stick, **SMALL)
    assert result.policies[-1] == S.YOUR_RULE
    assert np.array_equal(result.row(S.YOUR_RULE), result.row("stick"))


def test_the_example_rule_is_valid_and_switches_after_eight_silent_weeks():
    result = S.simulate(rule=S.example_rule, **SMALL)
    assert np.isfinite(result.row(S.YOUR_RULE)).any()
    rng = np.random.default_rng(0)
    current, silent = np.array([0, 1, 2, 3]), np.array([7, 8, 0, 9])
    chosen = S.example_rule(3, current, silent, np.zeros((4, 4)), np.zeros((4, 4)), rng)
    assert chosen[0] == 0 and chosen[2] == 2 and chosen[1] != 1 and chosen[3] != 3


def test_the_rule_sees_consistent_arrays():
    seen = []

    def spy(week, current, silent_weeks, tries, successes, rng):
        n = current.shape[0]
        assert tries.shape == successes.shape == (n, 4) and silent_weeks.shape == (n,)
        assert np.all(successes <= tries) and np.all(tries.sum(axis=1) <= week - 1)
        assert np.all((current >= 0) & (current <= 3)) and np.all(silent_weeks >= 0)
        assert isinstance(rng, np.random.Generator)
        seen.append(week)
        return rng.integers(0, 4, n)

    S.simulate(rule=spy, horizon=20, **SMALL)
    assert seen == list(range(1, 21))


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda n: None, "returned None"),
        (lambda n: np.zeros((n, 4), int), r"shape \(400, 4\)"),
        (lambda n: np.full(n, 4), "values from 4 to 4"),
        (lambda n: np.full(n, 1.5), "not whole numbers"),
        (lambda n: np.ones(n, bool), "type bool"),
        (lambda n: ["a"] * n, "type <U1"),
        (lambda n: 2, r"shape \(\)"),
    ],
)
def test_a_rule_with_an_invalid_answer_gets_a_clear_message(answer, words):
    def rule(week, current, silent_weeks, tries, successes, rng):
        return answer(current.shape[0])

    with pytest.raises(ParameterError, match="one strategy number per seeker: an array of 400"):
        S.simulate(rule=rule, **SMALL)
    with pytest.raises(ParameterError, match=words):
        S.simulate(rule=rule, **SMALL)


def test_a_rule_may_return_whole_floats_and_lists():
    as_float = S.simulate(rule=lambda w, c, *a: c.astype(float), **SMALL)
    as_list = S.simulate(rule=lambda w, c, *a: c.tolist(), **SMALL)
    assert np.array_equal(as_float.row(S.YOUR_RULE), as_list.row(S.YOUR_RULE))


def test_rank_rule_explains_instead_of_failing():
    def unwritten(*args):
        raise NotImplementedError()

    assert "not written yet" in S.rank_rule(unwritten)
    assert "needs a fix" in S.rank_rule(lambda *a: None)
    table = S.rank_rule(stick, seeds=[1, 2])
    assert "<- yours" in table and table.count("\n") == len(S.BASELINES) + 1


def test_compare_averages_over_seeds():
    one = S.compare(stick, seeds=[1])
    two = S.compare(stick, seeds=[1, 2])
    assert math.isclose(one["stick"], S.simulate(rule=stick, seed=1).mean_weeks("stick"))
    second = S.simulate(seed=2).mean_weeks("stick")
    assert math.isclose(two["stick"], (one["stick"] + second) / 2)
    assert list(two.values()) == sorted(two.values())


# --- the lesson's claims, at the defaults ----------------------------------------------------

def averaged(seeds=range(4), **params):
    results = [S.simulate(seed=s, **params) for s in seeds]
    return {p: np.mean([r.mean_weeks(p) for r in results]) for p in S.BASELINES}, results


def test_both_extremes_lose_to_the_evidence_rule_and_to_patience():
    mean, results = averaged()
    assert mean["evidence"] < mean["every silent week"] - 1
    assert mean["evidence"] < mean["stick"] - 3
    assert mean["after k silent weeks"] < mean["every silent week"]
    for r in results:  # never switching leaves the most people without an offer all year
        assert r.share_none("stick") == max(r.share_none(p) for p in r.policies)


def test_switching_after_every_silent_week_is_like_picking_from_a_hat():
    _, results = averaged()
    for r in results:
        share = r.networking_share[r.policies.index("every silent week")]
        assert abs(share - 0.25) < 0.03


def test_a_rare_success_strategy_is_often_silent_for_ten_weeks():
    assert math.isclose(0.95**10, 0.5987, abs_tol=1e-4)


def test_keeping_networking_going_pays_when_it_matures_and_costs_when_it_is_weak():
    strong, results = averaged()
    assert strong["evidence + steady networking"] < strong["evidence"]
    evidence_share = results[0].networking_share[results[0].policies.index("evidence")]
    no_maturing = S.simulate(maturing_weeks=0)
    assert evidence_share < no_maturing.networking_share[no_maturing.policies.index("evidence")]
    weak, _ = averaged(networking_rate=0.04)
    assert weak["evidence + steady networking"] > weak["evidence"] + 1
