"""Properties of the online-versus-live time-split model (lesson 03)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netnot.models import online
from netnot.params import ParameterError

SMALL = dict(weeks=400)  # enough for properties that must hold week by week


@pytest.fixture(scope="module")
def default() -> online.Mix:
    return online.simulate()


def test_grid_and_shapes(default: online.Mix) -> None:
    assert np.allclose(default.shares, np.arange(21) * 0.05)
    for array in (default.advocates, default.messages, default.replies, default.talks):
        assert array.shape == (10_000, 21)
    assert default.online_share == 0.5


def test_headline_best_mix_is_interior_and_beats_both_extremes(default: online.Mix) -> None:
    mean = default.mean
    assert 0.0 < default.best_share < 1.0
    assert mean[default.best_index] > 1.1 * mean[0], "the mix should clearly beat offline only"
    assert mean[default.best_index] > 2 * mean[-1], "the mix should far beat online only"
    assert mean[-1] < mean[0], "online only makes fewer advocates than offline only here"


def test_online_only_reaches_most_people_but_holds_no_live_talks(default: online.Mix) -> None:
    assert default.messages[:, -1].mean() == default.messages.mean(axis=0).max()
    assert (default.talks[:, -1] == 0).all()
    assert (default.messages[:, 0] == 0).all() and (default.replies[:, 0] == 0).all()


def test_fewer_people_on_the_site_moves_the_best_mix_offline() -> None:
    best = [online.simulate(on_site_share=u).best_share for u in (0.1, 0.3, 0.5, 0.9)]
    assert best == sorted(best), f"best shares {best} should rise with the share on the site"
    assert best[0] < best[2] < best[3]


def test_cheaper_offline_talks_move_the_best_mix_offline() -> None:
    assert (online.simulate(offline_minutes=75).best_share
            < online.simulate(offline_minutes=300).best_share)


def test_nobody_on_the_site_makes_offline_only_best() -> None:
    result = online.simulate(on_site_share=0.0)
    assert result.best_share == 0.0
    assert (result.messages == 0).all()


@settings(max_examples=25, deadline=None)
@given(
    hours=st.floats(0.5, 20), on_site=st.floats(0, 1), reply=st.floats(0, 1),
    conversion=st.floats(0, 1), offline=st.floats(60, 600), seed=st.integers(0, 2**32 - 1),
)
def test_counts_stay_within_their_bounds(hours, on_site, reply, conversion, offline, seed) -> None:
    result = online.simulate(0.5, hours, on_site, reply, conversion, offline, seed=seed, **SMALL)
    budget = 60 * hours
    affordable = np.floor(result.shares * budget / 5 + 1e-9)
    assert (result.messages >= 0).all() and (result.messages <= affordable).all()
    assert (result.messages <= 30).all()
    assert (result.replies >= 0).all() and (result.replies <= result.messages).all()
    assert (result.talks >= 0).all()
    assert (result.advocates >= 0).all()
    assert (result.advocates <= result.talks + result.replies).all()
    # live conversations fit into live time, give or take one part-conversation of rounding
    live = (1 - result.shares) * budget
    assert (result.talks <= np.floor(live / 60) + 2).all()
    assert 0.0 <= result.best_share <= 1.0


@settings(max_examples=15, deadline=None)
@given(low=st.floats(0, 0.9), step=st.floats(0.01, 0.1), seed=st.integers(0, 10_000))
def test_more_likely_conversion_never_lowers_a_week(low, step, seed) -> None:
    a = online.simulate(conversion=low, seed=seed, **SMALL)
    b = online.simulate(conversion=min(1.0, low + step), seed=seed, **SMALL)
    assert (b.advocates >= a.advocates).all()


@settings(max_examples=15, deadline=None)
@given(low=st.floats(0, 0.9), step=st.floats(0.01, 0.1), seed=st.integers(0, 10_000))
def test_higher_reply_rate_never_lowers_replies(low, step, seed) -> None:
    a = online.simulate(reply_rate=low, seed=seed, **SMALL)
    b = online.simulate(reply_rate=min(1.0, low + step), seed=seed, **SMALL)
    assert (b.replies >= a.replies).all()


def test_more_hours_mean_more_advocates() -> None:
    means = [online.simulate(hours_per_week=h).mean.max() for h in (2, 5, 10)]
    assert means == sorted(means) and means[0] < means[-1]


def test_same_seed_same_weeks_and_different_seeds_differ() -> None:
    a, b = online.simulate(seed=5, weeks=2000), online.simulate(seed=5, weeks=2000)
    c = online.simulate(seed=6, weeks=2000)
    assert np.array_equal(a.advocates, b.advocates)
    assert not np.array_equal(a.advocates, c.advocates)


def test_shares_are_rounded_to_the_grid() -> None:
    assert online.simulate(online_share=0.33, **SMALL).online_share == 0.35
    result = online.simulate(**SMALL)
    assert result.index(0.26) == 5 and math.isclose(result.shares[5], 0.25)


def test_distribution_and_share_with_none(default: online.Mix) -> None:
    for share in (0.0, 0.5, 1.0):
        parts = default.distribution(share)
        assert parts.shape == (online.TOP + 1,) and math.isclose(parts.sum(), 1.0)
        assert math.isclose(parts[0], default.share_with_none(share))
        assert math.isclose(parts[0], float(np.mean(default.at(share) == 0)))


def reference_week(rng: np.random.Generator, share: float, hours: float, on_site: float,
                   reply: float, conversion: float, offline: float) -> int:
    """One week, person by person, written as plainly as possible."""
    budget = 60 * hours
    on_site_people = sum(rng.random() < on_site for _ in range(30))
    messages = min(math.floor(share * budget / 5 + 1e-9), on_site_people)
    replies = sum(rng.random() < reply for _ in range(messages))
    live = (1 - share) * budget
    slots = math.floor(live / 60 + rng.random())
    met = min(replies, slots)
    offline_talks = math.floor((live - 60 * met) / offline + rng.random())
    advocates = sum(rng.random() < conversion for _ in range(met + offline_talks))
    return advocates + sum(rng.random() < 0.1 for _ in range(replies - met))


@pytest.mark.parametrize("share", [0.0, 0.25, 0.6, 1.0])
def test_vectorised_model_matches_a_plain_simulation(share: float) -> None:
    params = dict(hours=5.0, on_site=0.5, reply=0.2, conversion=0.3, offline=150.0)
    rng = np.random.default_rng(99)
    plain = np.array([reference_week(rng, share, **params) for _ in range(4000)])
    fast = online.simulate(share, params["hours"], params["on_site"], params["reply"],
                           params["conversion"], params["offline"], seed=3).at(share)
    error = math.sqrt(plain.var() / plain.size + fast.var() / fast.size)
    assert abs(plain.mean() - fast.mean()) < 4 * error + 1e-9
    assert abs(plain.var() - fast.var()) < 0.15 * max(plain.var(), 0.01)


@pytest.mark.parametrize(
    "change, message",
    [
        (dict(online_share=1.5), "online share must be between 0 and 1; got 1.5"),
        (dict(online_share="half"), "online share must be a number; got 'half'"),
        (dict(hours_per_week=0), "hours of networking a week must be between 0.5 and 20; got 0"),
        (dict(on_site_share=-0.1), "share of your contacts on the site must be between 0 and 1"),
        (dict(reply_rate=None), "reply rate to online messages must be a number; got None"),
        (dict(conversion=True), "must be a number; got True"),
        (dict(offline_minutes=10), "minutes to find one offline conversation must be between"),
        (dict(weeks=0), "number of simulated weeks must be between 1 and"),
        (dict(weeks=2.5), "number of simulated weeks must be a whole number"),
        (dict(seed=-1), "seed must be between 0 and"),
    ],
)
def test_bad_inputs_get_a_clear_message(change: dict, message: str) -> None:
    with pytest.raises(ParameterError, match=message.replace("(", r"\(")):
        online.simulate(**change)


@settings(max_examples=30, deadline=None)
@given(value=st.one_of(st.floats(allow_nan=True), st.text(max_size=3), st.none()))
def test_any_bad_reply_rate_is_refused_or_accepted_cleanly(value) -> None:
    ok = isinstance(value, float) and 0 <= value <= 1
    if ok:
        assert online.simulate(reply_rate=value, weeks=50).replies.shape == (50, 21)
    else:
        with pytest.raises(ParameterError, match="reply rate to online messages"):
            online.simulate(reply_rate=value, weeks=50)
