"""Networking is not your only option: how should you split your search hours across channels?

The story, per simulated job seeker:

* You have a number of hours a week for your search and five channels to put them into:
  job ads and applications, contacting employers directly, recruiters and agencies, referrals
  through your contacts, and events and professional associations.
* Each channel gives a weekly chance of an offer that grows with the hours you put in, but
  levels off (diminishing returns): ``h(t) = h_max * (1 - exp(-t / theta))``. ``h_max`` is the
  channel's ceiling; ``theta`` is how many hours it takes to get about two thirds of the way
  there (evidence brief, model 4A).
* You get an offer in a week if at least one channel comes through:
  ``H = 1 - (1 - h_1)(1 - h_2)...(1 - h_5)``.
* Channels do not suit everyone equally: one person's contacts are well placed, another's are
  not (Mouw 2003; Van Hoye, van Hooft & Lievens 2009). So each simulated seeker has a random
  "fit" with each channel that multiplies its ceiling (Gamma distributed, mean 1, shape
  ``fit_shape``; an assumption). Spreading hours is therefore also insurance.
* With a constant weekly chance, the week of the first offer is geometric; each of the
  ``seekers`` simulated people draws theirs. Searches longer than ``horizon`` weeks count as
  still searching (``inf``).

Defaults and where they come from:

* All ``h_max`` and ``theta`` values are ASSUMPTIONS. They are ordered qualitatively by the
  evidence (contacting employers directly is the most used method and among the most effective:
  Eubanks & Wiczer 2014, The Regional Economist; referrals matter more in less digital
  industries: Rajkumar et al. 2022, Science; Lester, Rivers & Topa 2021, FRB NY Staff Report 987)
  and scaled so that 12 hours a week spread evenly gives a median of about 10 weeks to an offer,
  the median completed search in 2011 (Ilg & Theodossiou 2012, Monthly Labor Review).
* 12 hours a week: assumption (a part-time search effort).
* fit_shape = 2: assumption (a channel's payoff differs a lot from person to person).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from netnot.params import ParameterError, check_choice, check_number, check_whole

CHANNELS = ("applications", "direct contact", "recruiters", "referrals", "events")
LABELS = {
    "applications": "job ads and applications",
    "direct contact": "contacting employers directly",
    "recruiters": "recruiters and agencies",
    "referrals": "referrals through contacts",
    "events": "events and associations",
}
MAX_HOURS = 60.0  # a week's search hours, all channels together


@dataclass(frozen=True)
class Preset:
    """Channel ceilings ``h_max`` and saturation hours ``theta``; all are assumptions."""

    h_max: tuple[float, ...]
    theta: tuple[float, ...]
    story: str


PRESETS: dict[str, Preset] = {
    "digital industry": Preset(
        (0.032, 0.045, 0.027, 0.040, 0.022), (4.0, 4.0, 2.0, 6.0, 3.0),
        "Assumption: online applications work fairly well and weak ties help (Rajkumar et al. "
        "2022); no channel dominates.",
    ),
    "less digital industry": Preset(
        (0.018, 0.050, 0.018, 0.065, 0.028), (4.0, 4.0, 2.0, 6.0, 3.0),
        "Assumption: fewer jobs are filled from online ads; referrals and walking in count more "
        "(Rajkumar et al. 2022; Lester, Rivers & Topa 2021).",
    ),
    "one channel far stronger": Preset(
        (0.012, 0.015, 0.010, 0.200, 0.010), (4.0, 4.0, 2.0, 6.0, 3.0),
        "What-if: a trade where nearly every job goes through people you know.",
    ),
    "returns fade slowly": Preset(
        (0.15, 0.30, 0.12, 0.20, 0.08), (40.0, 40.0, 40.0, 40.0, 40.0),
        "What-if: every channel keeps paying almost the same for each extra hour (large theta).",
    ),
}
DEFAULT_PRESET = "digital industry"
DEFAULT_HOURS = (0.0, 0.0, 0.0, 12.0, 0.0)  # the myth: every hour into networking


def check_hours(hours: object, label: str = "hours") -> np.ndarray:
    """Return five non-negative weekly hours (one per channel) as a float array."""
    if isinstance(hours, str | bytes) or not isinstance(hours, Sequence | np.ndarray):
        raise ParameterError(f"{label} must be a list of {len(CHANNELS)} numbers; got {hours!r}")
    values = list(hours)
    if len(values) != len(CHANNELS):
        raise ParameterError(
            f"{label} must have one number per channel ({', '.join(CHANNELS)}); "
            f"got {len(values)} numbers"
        )
    out = np.array([
        check_number(f"hours on {name}", value, 0, MAX_HOURS)
        for name, value in zip(CHANNELS, values, strict=True)
    ])
    if out.sum() > MAX_HOURS + 1e-9:
        raise ParameterError(
            f"total hours a week must be at most {MAX_HOURS:g}; got {out.sum():g}"
        )
    return out


def preset(name: str) -> Preset:
    """The named preset (see ``PRESETS``)."""
    return PRESETS[check_choice("industry preset", name, tuple(PRESETS))]


def channel_chance(hours: Sequence[float], h_max: Sequence[float], theta: Sequence[float]
                   ) -> np.ndarray:
    """Each channel's weekly chance of an offer at these hours: h_max (1 - exp(-hours/theta))."""
    t, top, scale = (np.asarray(x, dtype=float) for x in (hours, h_max, theta))
    return top * -np.expm1(-t / scale)


def weekly_chance(hours: Sequence[float], h_max: Sequence[float], theta: Sequence[float]) -> float:
    """The weekly chance of at least one offer, 1 - prod(1 - h_k), for a typical seeker."""
    return float(1.0 - np.prod(1.0 - channel_chance(hours, h_max, theta)))


@dataclass(frozen=True)
class SearchTimes:
    """Simulated weeks to a first offer for one split of hours."""

    weeks: np.ndarray  # per seeker: week of the first offer (inf: still searching at horizon)
    hours: tuple[float, ...]
    typical_chance: float  # weekly chance of an offer for a seeker with average fit
    horizon: int
    params: dict = field(default_factory=dict)

    @property
    def total_hours(self) -> float:
        return float(sum(self.hours))

    @cached_property
    def _sorted(self) -> np.ndarray:
        return np.sort(self.weeks)

    def percentile(self, q: float) -> float:
        """The week by which ``q`` per cent of seekers have an offer (inf if beyond horizon).

        The same as ``numpy.percentile(weeks, q, method="inverted_cdf")``, computed once-sorted.
        """
        q = check_number("percentile", q, 0, 100)
        n = self._sorted.size
        return float(self._sorted[min(max(math.ceil(q * n / 100) - 1, 0), n - 1)])

    @property
    def median(self) -> float:
        return self.percentile(50)

    def share_by(self, week: float) -> float:
        """Share of seekers with an offer by ``week`` (inclusive)."""
        return float(np.mean(self.weeks <= week))


def simulate(
    hours: Sequence[float] = DEFAULT_HOURS,
    preset_name: str = DEFAULT_PRESET,
    *,
    fit_shape: float = 2.0,
    horizon: int = 104,
    seekers: int = 10_000,
    seed: int = 2011,
) -> SearchTimes:
    """Simulate ``seekers`` people who split their weekly ``hours`` over the five channels."""
    t = check_hours(hours)
    chosen = preset(preset_name)
    fit_shape = check_number("fit shape", fit_shape, 0.2, 100)
    horizon = check_whole("weeks to simulate", horizon, 1, 520)
    seekers = check_whole("number of simulated seekers", seekers, 1, 1_000_000)
    seed = check_whole("seed", seed, 0, 2**32 - 1)

    fit, log_uniform = _draws(fit_shape, seekers, seed)
    top = np.minimum(np.asarray(chosen.h_max) * fit, 0.9)  # no channel is ever a sure thing
    per_channel = top * -np.expm1(-t / np.asarray(chosen.theta))
    log_none = np.log1p(-per_channel).sum(axis=1)  # log P(no offer in a week)
    with np.errstate(divide="ignore", invalid="ignore"):
        weeks = np.floor(log_uniform / log_none) + 1.0
    weeks = np.where((log_none < 0) & (weeks <= horizon), weeks, np.inf)
    return SearchTimes(
        weeks=weeks,
        hours=tuple(float(x) for x in t),
        typical_chance=weekly_chance(t, chosen.h_max, chosen.theta),
        horizon=horizon,
        params={"preset": preset_name, "fit_shape": fit_shape, "seekers": seekers, "seed": seed},
    )


@lru_cache(maxsize=4)
def _draws(fit_shape: float, seekers: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The random part of a simulation: each seeker's fit with each channel and log(U) for the
    week of the offer. Kept (read-only), so that every split is tried on the same people."""
    rng = np.random.default_rng(seed)
    fit = rng.gamma(fit_shape, 1.0 / fit_shape, size=(seekers, len(CHANNELS)))
    log_uniform = np.log(1.0 - rng.random(seekers))  # log of a uniform in (0, 1]
    fit.flags.writeable = log_uniform.flags.writeable = False
    return fit, log_uniform


def best_single_channel(total: float, preset_name: str = DEFAULT_PRESET) -> int:
    """Index of the channel that gives the highest weekly chance with all ``total`` hours."""
    chosen = preset(preset_name)
    total = check_number("total hours a week", total, 0, MAX_HOURS)
    return int(np.argmax(channel_chance(np.full(len(CHANNELS), total), chosen.h_max, chosen.theta)))


def all_in(total: float, channel: int) -> tuple[float, ...]:
    """All ``total`` hours on one channel (by index)."""
    return tuple(float(total) if k == channel else 0.0 for k in range(len(CHANNELS)))


@dataclass(frozen=True)
class Comparison:
    """Your split of hours next to the same hours all on your strongest single channel."""

    mix: SearchTimes
    all_in: SearchTimes
    all_in_channel: str
    preset_name: str


def compare(
    applications: float = DEFAULT_HOURS[0],
    direct_contact: float = DEFAULT_HOURS[1],
    recruiters: float = DEFAULT_HOURS[2],
    referrals: float = DEFAULT_HOURS[3],
    events: float = DEFAULT_HOURS[4],
    preset_name: str = DEFAULT_PRESET,
    *,
    seekers: int = 10_000,
    seed: int = 2011,
) -> Comparison:
    """Simulate your split and the best all-in split with the same hours and the same people."""
    hours = (applications, direct_contact, recruiters, referrals, events)
    mix = simulate(hours, preset_name, seekers=seekers, seed=seed)
    channel = best_single_channel(mix.total_hours, preset_name)
    single = simulate(all_in(mix.total_hours, channel), preset_name, seekers=seekers, seed=seed)
    return Comparison(mix, single, CHANNELS[channel], preset_name)
