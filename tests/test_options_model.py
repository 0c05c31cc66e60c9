"""Properties of the channel-portfolio model behind lesson 04 (not your only option)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netnot.models import options
from netnot.params import ParameterError

K = len(options.CHANNELS)
hours_st = st.lists(st.floats(0, 12), min_size=K, max_size=K)
h_max_st = st.lists(st.floats(0, 0.9), min_size=K, max_size=K)
theta_st = st.lists(st.floats(0.5, 60), min_size=K, max_size=K)


def even(total: float) -> tuple[float, ...]:
    return (total / K,) * K


def grid_best(budget: int, h_max, theta) -> float:
    """Best weekly chance over whole-hour splits of ``budget`` (brute force)."""
    splits = np.array([c for c in itertools.product(range(budget + 1), repeat=K)
                       if sum(c) == budget], dtype=float)
    chances = 1 - np.prod(1 - np.asarray(h_max) * -np.expm1(-splits / np.asarray(theta)), axis=1)
    return float(chances.max())


# --- the deterministic part ---------------------------------------------------------------
@given(hours_st, h_max_st, theta_st)
def test_channel_chance_is_between_zero_and_the_ceiling(hours, h_max, theta):
    h = options.channel_chance(hours, h_max, theta)
    assert np.all(h >= 0) and np.all(h <= np.asarray(h_max) + 1e-12)


@given(hours_st, h_max_st, theta_st, st.integers(0, K - 1), st.floats(0.01, 10))
def test_more_hours_never_lower_the_weekly_chance(hours, h_max, theta, k, extra):
    more = list(hours)
    more[k] += extra
    before = options.weekly_chance(hours, h_max, theta)
    after = options.weekly_chance(more, h_max, theta)
    assert 0 <= before <= after <= 1
    assert after >= options.channel_chance(more, h_max, theta).max() - 1e-12


@given(h_max_st, theta_st, st.integers(0, K - 1))
def test_returns_diminish_each_extra_hour_adds_less(h_max, theta, k):
    gains = []
    for t in range(0, 12):
        hours = [0.0] * K
        hours[k] = t
        low = options.weekly_chance(hours, h_max, theta)
        hours[k] = t + 1
        gains.append(options.weekly_chance(hours, h_max, theta) - low)
    assert all(b <= a + 1e-12 for a, b in itertools.pairwise(gains))


def test_best_single_channel_matches_brute_force():
    for name in options.PRESETS:
        chosen = options.PRESETS[name]
        for total in (1, 6, 12, 30):
            brute = max(range(K), key=lambda k, t=total, c=chosen: options.weekly_chance(
                options.all_in(t, k), c.h_max, c.theta))
            assert options.best_single_channel(total, name) == brute


# --- the simulation -----------------------------------------------------------------------
def test_same_seed_same_result_and_different_seeds_differ():
    a = options.simulate((3, 3, 2, 3, 1), seed=5)
    b = options.simulate((3, 3, 2, 3, 1), seed=5)
    c = options.simulate((3, 3, 2, 3, 1), seed=6)
    assert np.array_equal(a.weeks, b.weeks)
    assert not np.array_equal(a.weeks, c.weeks)
    assert a.weeks.size == 10_000


@settings(max_examples=25, deadline=None)
@given(hours_st, st.integers(0, K - 1), st.floats(0.5, 10), st.integers(0, 2**32 - 1))
def test_adding_hours_never_delays_any_seeker(hours, k, extra, seed):
    more = list(hours)
    more[k] += extra
    base = options.simulate(hours, seekers=2000, seed=seed)
    plus = options.simulate(more, seekers=2000, seed=seed)
    assert np.all(plus.weeks <= base.weeks)
    finite = base.weeks[np.isfinite(base.weeks)]
    assert np.all(finite >= 1) and np.all(finite <= base.horizon)
    assert np.all(finite == np.round(finite))


def test_no_hours_means_no_offer():
    result = options.simulate((0, 0, 0, 0, 0))
    assert np.all(np.isinf(result.weeks)) and result.typical_chance == 0


def test_simulated_first_week_matches_the_typical_weekly_chance():
    """With almost no person-to-person spread, the share with an offer in week 1 is H."""
    result = options.simulate((2, 3, 1, 4, 2), fit_shape=100, seekers=200_000, seed=1)
    assert result.share_by(1) == pytest.approx(result.typical_chance, abs=0.003)


# --- the lesson's claims, computed ---------------------------------------------------------
def test_default_split_is_near_the_bls_completed_search_median():
    # Calibration target: 10 weeks (Ilg & Theodossiou 2012); the presets were tuned to it.
    for name in ("digital industry", "less digital industry"):
        assert 8 <= options.simulate(even(12), name).median <= 12


@pytest.mark.parametrize("name", ["digital industry", "less digital industry"])
def test_spreading_beats_all_in_in_the_realistic_presets(name):
    spread = options.simulate(even(12), name)
    for k in range(K):
        single = options.simulate(options.all_in(12, k), name)
        assert spread.median < single.median
        assert spread.percentile(90) < single.percentile(90)
    networking_only = options.compare(0, 0, 0, 12, 0, name)
    assert networking_only.mix.median > spread.median


def test_all_in_wins_when_one_channel_dwarfs_the_rest_or_returns_fade_slowly():
    for name in ("one channel far stronger", "returns fade slowly"):
        chosen = options.PRESETS[name]
        comparison = options.compare(*even(12), name)
        assert comparison.all_in.median < comparison.mix.median
        best_single = options.weekly_chance(
            options.all_in(12, options.best_single_channel(12, name)), chosen.h_max, chosen.theta)
        assert best_single == pytest.approx(grid_best(12, chosen.h_max, chosen.theta))


def test_in_the_realistic_presets_the_grid_optimum_uses_several_channels():
    for name in ("digital industry", "less digital industry"):
        chosen = options.PRESETS[name]
        best_single = options.weekly_chance(
            options.all_in(12, options.best_single_channel(12, name)), chosen.h_max, chosen.theta)
        assert grid_best(12, chosen.h_max, chosen.theta) > 1.3 * best_single


# --- refusing bad input ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("twelve", "hours must be a list of 5 numbers"),
        ((1, 2, 3), "one number per channel"),
        ((1, 2, "3", 4, 5), "hours on recruiters must be a number; got '3'"),
        ((1, -2, 3, 4, 5), "hours on direct contact must be between 0 and 60; got -2"),
        ((1, 2, 3, 61, 5), "hours on referrals must be between 0 and 60; got 61"),
        ((20, 20, 20, 1, 0), "total hours a week must be at most 60; got 61"),
        ((1, 2, 3, float("nan"), 5), "hours on referrals must be between 0 and 60"),
    ],
)
def test_bad_hours_are_refused_with_a_clear_message(hours, message):
    with pytest.raises(ParameterError, match=message.replace("(", r"\(")):
        options.simulate(hours)


def test_bad_preset_seekers_and_seed_are_refused():
    with pytest.raises(ParameterError, match="industry preset must be one of"):
        options.simulate(preset_name="finance")
    with pytest.raises(ParameterError, match="number of simulated seekers must be a whole"):
        options.simulate(seekers=10.5)
    with pytest.raises(ParameterError, match="seed must be between"):
        options.simulate(seed=-1)
    with pytest.raises(ParameterError, match="hours on events must be a number; got True"):
        options.compare(events=True)


@given(st.integers(0, 2**32 - 1), st.floats(0, 100))
@settings(max_examples=30, deadline=None)
def test_percentile_is_numpys_inverted_cdf(seed, q):
    result = options.simulate((1, 0, 2, 0, 1), seekers=501, seed=seed)
    expected = np.percentile(result.weeks, q, method="inverted_cdf")
    assert result.percentile(q) == expected
    assert result.median == np.percentile(result.weeks, 50, method="inverted_cdf")


def test_simulation_draws_are_shared_but_not_writable():
    a = options.simulate((1, 2, 3, 4, 2), seed=3)
    b = options.simulate((1, 2, 3, 4, 2), seed=3)
    assert np.array_equal(a.weeks, b.weeks)
    fit, _ = options._draws(2.0, 10_000, 3)
    with pytest.raises(ValueError):
        fit[0, 0] = 5.0


# --- the graded exercise's checks tell good answers from poor ones ------------------------------
def _exercise_check(grade_id: str, **answers) -> None:
    """Run one test cell (hidden tests included) of the exercise source with given answers."""
    import math
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[1] / "solutions" / "04-not-your-only-option"
    notebook = nbformat.read(path / "04-not-your-only-option.ipynb", as_version=4)
    source = next(c.source for c in notebook.cells
                  if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    namespace = {"math": math, "np": np, "options": options,
                 "digital": options.PRESETS["digital industry"], **answers}
    exec(compile(source, grade_id, "exec"), namespace)  # noqa: S102 - our own test cell


def _greedy(budget, h_max, theta):
    split = np.zeros(K)
    for _ in range(int(budget)):
        gains = [options.weekly_chance(split + np.eye(K)[k], h_max, theta) for k in range(K)]
        split[int(np.argmax(gains))] += 1
    return list(split)


def test_exercise_allocate_check_accepts_greedy_and_rejects_poor_splits():
    _exercise_check("part-c-check", allocate=_greedy)
    poor = {
        "even split": lambda b, h, t: [b / K] * K,
        "best single channel": lambda b, h, t: list(options.all_in(
            b, int(np.argmax(options.channel_chance([b] * K, h, t))))),
        "over budget": lambda b, h, t: [v + 0.5 for v in _greedy(b, h, t)],
        "negative hours": lambda b, h, t: [*_greedy(b, h, t)[:4], -0.0001],
        "a string": lambda b, h, t: "2, 3, 1, 4, 2",
    }
    for name, allocate in poor.items():
        with pytest.raises((AssertionError, ValueError)):
            _exercise_check("part-c-check", allocate=allocate)
            pytest.fail(f"the check accepted the {name}")


def test_exercise_target_check_needs_a_good_split():
    less = options.PRESETS["less digital industry"]
    _exercise_check("part-d-check", my_split=_greedy(10, less.h_max, less.theta))
    for split in ([2] * 5, [0, 0, 0, 10, 0], [0, 5, 0, 5, 0], [0, 4, 0, 4, 2], [0, 4, 1, 5, 2]):
        with pytest.raises(AssertionError):
            _exercise_check("part-d-check", my_split=split)
