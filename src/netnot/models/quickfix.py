"""Networking is not a quick fix: how long until your network yields a first referral?

The story, per simulated job seeker:

* You meet new people at random, on average ``contacts_per_week`` a week.
* Each new contact needs time before they know you well enough to vouch for you. That time
  varies from person to person: it is drawn from a Gamma (Erlang) distribution with mean
  ``warm_weeks``.
* Every week, each warm contact has a small chance, ``opening_chance``, of hearing of a relevant
  opening and passing it on to you: a referral.
* You may start with ``warm_at_start`` people who already know you well, and you may have started
  networking ``head_start_weeks`` before you began looking.

Because new contacts arrive at random and each takes an independent random time to warm up and
then to hear of an opening, the weeks in which referrals arrive form a Poisson process whose
weekly rate we can compute exactly (the displacement theorem). So each simulated seeker's first
referral week is drawn directly from that process: exact, vectorised and fast. ``tests/`` checks
this against a literal contact-by-contact simulation.

Defaults and where they come from (evidence brief, models 2A and 2B):

* contacts_per_week = 2: assumption (a steady but realistic pace).
* warm_weeks = 8: assumption. Anchor: friendships take tens of hours of contact, spread over
  weeks (Hall 2019, Journal of Social and Personal Relationships).
* warm_shape = 2: assumption (most contacts warm within a few weeks to a few months).
* opening_chance = 0.01 a week: assumption. Anchor: U.S. employers hire about 3.5% of their
  workforce a month (BLS JOLTS); only a small fraction of those openings would fit you.
* STEADY_CHANNEL = 0.05 a week: assumption, an illustrative channel (such as applications) whose
  payoff does not grow over time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from netnot.params import check_number, check_whole

STEADY_CHANNEL = 0.05  # assumption: a steady weekly chance, e.g. from applications
DEFAULTS = dict(
    contacts_per_week=2.0,
    warm_weeks=8.0,
    opening_chance=0.01,
    warm_at_start=0,
    head_start_weeks=0,
)


@dataclass(frozen=True)
class ReferralTimes:
    """Simulated weeks to a first referral, and the weekly chance behind them."""

    weeks: np.ndarray  # per seeker: week of the first referral (inf: none within the horizon)
    weekly_chance: np.ndarray  # week 1..horizon: chance of a referral that week, if none yet
    weekly_chance_from_scratch: np.ndarray  # the same with no warm contacts and no head start
    horizon: int
    params: dict = field(default_factory=dict)

    @property
    def median(self) -> float:
        """Median week of the first referral (inf if most seekers have none by the horizon)."""
        return float(np.median(self.weeks))

    def share_by(self, week: float) -> float:
        """Share of simulated seekers with a first referral by ``week`` (inclusive)."""
        return float(np.mean(self.weeks <= week))

    @property
    def share_none(self) -> float:
        """Share of seekers with no referral within the horizon."""
        return float(np.mean(np.isinf(self.weeks)))

    @property
    def overtakes_steady_week(self) -> int | None:
        """First week in which your weekly referral chance beats the steady channel, if any."""
        above = np.nonzero(self.weekly_chance > STEADY_CHANNEL)[0]
        return int(above[0]) + 1 if above.size else None


def warming_weeks_pmf(warm_weeks: float, warm_shape: int, horizon: int) -> np.ndarray:
    """P(a new contact is warm from week w), w = 0..horizon (index 0 is always 0).

    The delay is Erlang(warm_shape) with mean ``warm_weeks``, rounded up to whole weeks.
    """
    rate = warm_shape / warm_weeks
    x = np.arange(horizon + 1, dtype=float) * rate
    terms = np.array([x**j / math.factorial(j) for j in range(warm_shape)])
    cdf = 1.0 - np.exp(-x) * terms.sum(axis=0)
    return np.diff(cdf, prepend=0.0)


def cumulative_rate(
    contacts_per_week: float,
    warm_weeks: float,
    opening_chance: float,
    warm_at_start: int,
    head_start_weeks: int,
    horizon: int,
    warm_shape: int = 2,
) -> np.ndarray:
    """Expected number of contacts who have referred you by the end of weeks 1..horizon.

    This is the cumulative hazard: P(no referral by week t) = exp(-result[t - 1]).
    """
    span = horizon + head_start_weeks
    warm_cdf = np.cumsum(warming_weeks_pmf(warm_weeks, warm_shape, span))  # P(warm within w weeks)
    # P(a warm contact has passed on an opening within j weeks), j = 1..horizon
    passed = 1.0 - (1.0 - opening_chance) ** np.arange(1, horizon + 1)
    # Per contact met a week: expected contacts already warm when the search starts, and
    # expected contacts becoming warm in search week k = 1..horizon.
    warm_already = warm_cdf[:head_start_weeks].sum()
    warming = warm_cdf[head_start_weeks : head_start_weeks + horizon]
    new = contacts_per_week * (warm_already * passed + np.convolve(warming, passed)[:horizon])
    old = -warm_at_start * math.log1p(-opening_chance) * np.arange(1, horizon + 1)
    return new + old


def simulate(
    contacts_per_week: float = DEFAULTS["contacts_per_week"],
    warm_weeks: float = DEFAULTS["warm_weeks"],
    opening_chance: float = DEFAULTS["opening_chance"],
    warm_at_start: int = DEFAULTS["warm_at_start"],
    head_start_weeks: int = DEFAULTS["head_start_weeks"],
    *,
    warm_shape: int = 2,
    horizon: int = 52,
    seekers: int = 10_000,
    seed: int = 2011,
) -> ReferralTimes:
    """Simulate ``seekers`` job seekers and return the week of each one's first referral."""
    params = dict(
        contacts_per_week=check_number("contacts per week", contacts_per_week, 0, 20),
        warm_weeks=check_number("weeks until a contact is warm", warm_weeks, 1, 52),
        opening_chance=check_number(
            "weekly chance that a warm contact passes on an opening", opening_chance, 0, 0.5
        ),
        warm_at_start=check_whole("warm contacts at the start", warm_at_start, 0, 200),
        head_start_weeks=check_whole(
            "weeks of networking before you start looking", head_start_weeks, 0, 104
        ),
        warm_shape=check_whole("warming shape", warm_shape, 1, 10),
        horizon=check_whole("weeks to simulate", horizon, 1, 260),
    )
    seekers = check_whole("number of simulated seekers", seekers, 1, 1_000_000)
    seed = check_whole("seed", seed, 0, 2**32 - 1)

    rate = cumulative_rate(**params)
    scratch = cumulative_rate(**{**params, "warm_at_start": 0, "head_start_weeks": 0})
    thresholds = np.random.default_rng(seed).exponential(size=seekers)
    index = np.searchsorted(rate, thresholds, side="left")  # first week whose rate >= threshold
    weeks = np.where(index < params["horizon"], index + 1.0, np.inf)
    return ReferralTimes(
        weeks=weeks,
        weekly_chance=_weekly_chance(rate),
        weekly_chance_from_scratch=_weekly_chance(scratch),
        horizon=params["horizon"],
        params={**params, "seekers": seekers, "seed": seed},
    )


def _weekly_chance(cumulative: np.ndarray) -> np.ndarray:
    return 1.0 - np.exp(-np.diff(cumulative, prepend=0.0))
