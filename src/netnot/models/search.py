"""A whole job search in the world: a weekly mix of hours, kept the same week after week.

Read :func:`one_seeker` first: it is the model for one person, one week at a time.

* Applications, direct contact and recruiters give interviews straight away, at a rate that grows
  with the hours you give them but levels off (diminishing returns): ``most x (1 - e^(-h/θ))``.
* Networking gives referrals (see :mod:`netnot.models.networking`): few at first, more as your
  contacts warm up. A referral leads to an interview with chance ``referral_interview``.
* Each interview ends in an offer with chance ``offer_chance`` (``referral_offer`` after a
  referral). The search ends at the first offer; we record its week and whether it came through
  someone you know.
* People differ: each simulated person has a random *fit* with each strategy that multiplies its
  payoff (log-normal, average 1), so the same mix works better for some than for others.

:func:`simulate` does the same for many people at once and is tested equal to :func:`one_seeker`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from netnot.models import networking
from netnot.models.world import NETWORKING, STRATEGIES, Mix, World
from netnot.params import check_whole

STEADY = ("applications", "direct", "recruiters")  # the World's names for the other strategies


def interviews(world: World, strategy: int, hours: float | np.ndarray) -> float | np.ndarray:
    """Expected interviews a week from ``hours`` on a strategy other than networking, for a
    typical person: ``most x (1 - e^(-hours/θ))``."""
    name = STEADY[strategy]
    most = getattr(world, f"interviews_{name}")
    return most * -np.expm1(-np.asarray(hours, dtype=float) / getattr(world, f"hours_{name}"))


@dataclass(frozen=True)
class Fit:
    """One person's fit with each strategy (1 is typical): applications, direct contact and
    recruiters; for networking, how readily people respond and how well placed contacts are."""

    applications: float = 1.0
    direct: float = 1.0
    recruiters: float = 1.0
    responsiveness: float = 1.0
    placement: float = 1.0

    @property
    def steady(self) -> tuple[float, float, float]:
        return (self.applications, self.direct, self.recruiters)


def one_seeker(world: World, mix: Mix, fit: Fit, threshold: float, pick: float,
               horizon: int = 104, head_start: int = 0) -> tuple[float, bool]:
    """The week of the first offer (``inf`` if none within ``horizon``), and whether it came
    through a contact. ``threshold`` (an exponential draw) is how much offer chance this person
    needs to add up before an offer comes; ``pick`` (uniform) decides which strategy it came
    from, in proportion to their chances that week."""
    steady = sum(interviews(world, k, mix.hours[k]) * fit.steady[k] for k in range(3))
    steady_offers = steady * world.offer_chance
    week = networking.one_week(world, mix.networking, world.online_share, fit.responsiveness)
    referrals = networking.one_search(world, float(week.warmth), horizon, head_start,
                                      fit.placement)
    total = 0.0
    for number, expected in enumerate(referrals, start=1):
        via_contacts = expected * world.referral_interview * world.referral_offer
        total += steady_offers + via_contacts
        if total >= threshold:
            return float(number), pick * (steady_offers + via_contacts) < via_contacts
    return math.inf, False


# --- many people at once ------------------------------------------------------------------


def draw_fits(world: World, people: int, rng: np.random.Generator) -> np.ndarray:
    """(5, people) fits in the order of :class:`Fit`: log-normal, average 1."""
    steady = _lognormal(rng, world.fit_spread, (3, people))
    spread = world.network_fit_spread / math.sqrt(2)  # the product of the two has this spread
    return np.concatenate([steady, _lognormal(rng, spread, (2, people))])


@lru_cache(maxsize=8)
def _luck(fit_spread: float, network_fit_spread: float, people: int, seed: int
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Everyone's fits, offer thresholds and picks; kept (read-only) between calls, so that
    every mix is tried on the same people."""
    rng = np.random.default_rng(seed)
    fits = draw_fits(World().changed(fit_spread=fit_spread,
                                     network_fit_spread=network_fit_spread), people, rng)
    threshold, pick = rng.exponential(size=people), rng.random(people)
    for array in (fits, threshold, pick):
        array.flags.writeable = False
    return fits, threshold, pick


def _lognormal(rng: np.random.Generator, spread: float, shape: tuple[int, ...]) -> np.ndarray:
    return np.exp(spread * rng.standard_normal(shape) - spread**2 / 2)


@dataclass(frozen=True)
class SearchResult:
    """Simulated searches with one mix of hours."""

    weeks: np.ndarray  # per person: week of the first offer (inf: none within the horizon)
    via_contacts: np.ndarray  # per person: the first offer came through someone they know
    offer_chance: np.ndarray  # (weeks,) weekly chance of an offer for a typical person
    mix: Mix
    horizon: int
    params: dict = field(default_factory=dict)

    @cached_property
    def _sorted(self) -> np.ndarray:
        return np.sort(self.weeks)

    def percentile(self, q: float) -> float:
        """The week by which ``q`` per cent had an offer (inf: not within the horizon)."""
        n = self._sorted.size
        return float(self._sorted[min(max(math.ceil(q * n / 100) - 1, 0), n - 1)])

    @property
    def median(self) -> float:
        return self.percentile(50)

    def share_by(self, week: float) -> float:
        """Share with an offer by the end of ``week``."""
        return float(np.mean(self.weeks <= week))

    @property
    def share_via_contacts(self) -> float:
        """Among those with an offer, the share whose first offer came through a contact."""
        found = np.isfinite(self.weeks)
        return float(self.via_contacts[found].mean()) if found.any() else 0.0

    def still_searching(self) -> np.ndarray:
        """Share still without an offer at the end of weeks 0..horizon."""
        found = np.searchsorted(self._sorted, np.arange(self.horizon + 1), side="right")
        return 1.0 - found / self.weeks.size


def simulate(world: World | None = None, mix: Mix | None = None, *, horizon: int = 104,
             head_start: int = 0, people: int = 10_000, seed: int = 2011) -> SearchResult:
    """Simulate ``people`` job seekers who all keep the same ``mix`` of hours every week."""
    world = world or World()
    mix = mix or Mix()
    horizon = check_whole("weeks to simulate", horizon, 1, 520)
    head_start = check_whole("weeks of networking before the search", head_start, 0, 260)
    people = check_whole("number of simulated people", people, 1, 1_000_000)
    seed = check_whole("seed", seed, 0, 2**32 - 1)
    fits, threshold, pick = _luck(world.fit_spread, world.network_fit_spread, people, seed)

    steady = sum(interviews(world, k, mix.hours[k]) * fits[k] for k in range(3))
    steady_offers = steady * world.offer_chance
    gain = networking.one_week(world, mix.networking, world.online_share, fits[3]).warmth
    per_referral = world.referral_interview * world.referral_offer
    weeks, via_share = networking.first_events(world, steady_offers, np.asarray(gain, float),
                                               fits[4], per_referral, threshold, horizon,
                                               head_start)
    via_contacts = np.isfinite(weeks) & (pick < via_share)

    typical = Fit()
    typical_steady = sum(interviews(world, k, mix.hours[k]) for k in range(3))
    typical_week = networking.one_week(world, mix.networking, world.online_share, 1.0)
    typical_referrals = np.array(networking.one_search(
        world, float(typical_week.warmth), horizon, head_start, typical.placement))
    rate = typical_steady * world.offer_chance + typical_referrals * (
        world.referral_interview * world.referral_offer)
    return SearchResult(weeks, via_contacts, -np.expm1(-rate), mix, horizon,
                        dict(people=people, seed=seed, head_start=head_start))


@dataclass(frozen=True)
class Comparison:
    """Your mix next to the same hours spread evenly and all on your strongest strategy."""

    yours: SearchResult
    even: SearchResult
    all_in: SearchResult
    all_in_strategy: str


def compare(world: World | None = None, mix: Mix | None = None, *, people: int = 10_000,
            seed: int = 2011) -> Comparison:
    """Simulate your mix, the same hours spread evenly, and the same hours all on the single
    strategy that would be fastest for a typical person, on the same simulated people."""
    world = world or World()
    mix = mix or Mix()
    even, all_in, best = _references(world, mix.total, people, seed)
    return Comparison(simulate(world, mix, people=people, seed=seed), even, all_in,
                      STRATEGIES[best])


@lru_cache(maxsize=16)
def _references(world: World, total: float, people: int, seed: int
                ) -> tuple[SearchResult, SearchResult, int]:
    """The even mix and the fastest single strategy for ``total`` hours (kept between calls)."""
    runs = {k: simulate(world, Mix.all_on(k, total), people=people, seed=seed)
            for k in range(len(STRATEGIES))}
    best = min(runs, key=lambda k: (runs[k].median, runs[k].percentile(90)))
    return simulate(world, Mix.even(total), people=people, seed=seed), runs[best], best


__all__ = ["NETWORKING", "Comparison", "Fit", "SearchResult", "compare", "interviews",
           "one_seeker", "simulate"]
