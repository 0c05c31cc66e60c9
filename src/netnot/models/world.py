"""One job seeker's world: the parameters every lesson and every exercise shares.

A :class:`World` holds one value for every row of the table of assumptions
(:mod:`netnot.models.assumptions`); ``World()`` is the course's default seeker. Lessons never keep
private constants: they look at the world through a named scenario (:data:`SCENARIOS`), which is a
few changes to the defaults, and through a :class:`Mix` of weekly hours.

    world = scenario("new to the field")              # a named scenario
    world = World().changed(reply_rate=0.2)           # or your own change, checked
    mix = Mix(applications=3, direct=3, recruiters=3, networking=3)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, make_dataclass
from typing import Any

from netnot.models.assumptions import PARAMETERS, TABLE
from netnot.params import ParameterError, check_number

STRATEGIES = ("applications", "direct contact", "recruiters", "networking")
NETWORKING = 3
KINDS = ("close ties", "acquaintances", "distant ties", "new people")


class _WorldMethods:
    """What every World can do (the fields come from the table of assumptions)."""

    def changed(self, **changes: float) -> World:
        """A copy with some parameters changed; a value out of range gets a clear message."""
        values = asdict(self)  # type: ignore[call-overload]
        for name, value in changes.items():
            if name not in PARAMETERS:
                raise ParameterError(f"the world has no parameter {name!r}; see the table of "
                                     "assumptions (netnot.models.assumptions)")
            row = PARAMETERS[name]
            values[name] = check_number(row.label.lower(), value, row.low, row.high)
        return World(**values)

    def differences(self) -> dict[str, float]:
        """The parameters that differ from the course's defaults."""
        return {k: v for k, v in asdict(self).items() if v != PARAMETERS[k].value}  # type: ignore

    # --- quantities the modules share, computed from the parameters ----------------------
    @property
    def fade(self) -> float:
        """The share of built-up warmth that is left after one week without contact."""
        return math.exp(-1.0 / self.fade_weeks)  # type: ignore[attr-defined]

    def novelty(self, closeness: float) -> float:
        """Chance that an opening a tie hears of is news to you: closer ties share your news."""
        return (1.0 - closeness) ** self.overlap  # type: ignore[attr-defined]

    def kinds(self) -> dict[str, Kind]:
        """The seeker's ties by kind, with how close they are and their ordinary warmth."""
        w: Any = self
        close = Kind(w.close_ties, w.close_closeness, told=bool(w.told_network))
        acquaintances = Kind(w.acquaintances, w.acquaintance_closeness, told=bool(w.told_network))
        distant = Kind(w.distant_ties, w.distant_closeness, told=False)
        new = Kind(math.inf, 0.0, told=False)
        return dict(zip(KINDS, (close, acquaintances, distant, new), strict=True))

    def time_shares(self) -> dict[str, float]:
        """How networking conversation time is split between the kinds of ties."""
        w: Any = self
        rest = 1.0 - w.share_acquaintances - w.share_distant - w.share_new
        if rest < -1e-9:
            raise ParameterError(
                "the shares of networking time with acquaintances, distant ties and new people "
                f"add up to more than 1 ({1 - rest:g}); lower one of them")
        return dict(zip(KINDS, (max(rest, 0.0), w.share_acquaintances, w.share_distant,
                                w.share_new), strict=True))


@dataclass(frozen=True)
class Kind:
    """A kind of tie: how many there are, how close (0 a stranger, 1 closest), whether they
    know you are looking. Their ordinary warmth, from everyday contact, equals their closeness."""

    count: float
    closeness: float
    told: bool


World = make_dataclass(
    "World",
    [(row.name, float, field(default=float(row.value))) for row in TABLE],
    bases=(_WorldMethods,),
    frozen=True,
    namespace={"__doc__": "One value for every row of the table of assumptions "
                          "(netnot.models.assumptions.TABLE); World() is the default seeker."},
)


@dataclass(frozen=True)
class Mix:
    """Hours a week on each strategy."""

    applications: float = 3.0
    direct: float = 3.0
    recruiters: float = 3.0
    networking: float = 3.0

    def __post_init__(self) -> None:
        for name, value in zip(STRATEGIES, self.hours, strict=True):
            check_number(f"hours a week on {name}", value, 0, 40)
        check_number("hours a week in all", self.total, 0, 60)

    @property
    def hours(self) -> tuple[float, float, float, float]:
        return (self.applications, self.direct, self.recruiters, self.networking)

    @property
    def total(self) -> float:
        return float(sum(self.hours))

    @classmethod
    def even(cls, total: float) -> Mix:
        """``total`` hours spread evenly over the four strategies."""
        return cls(*(float(total) / len(STRATEGIES),) * len(STRATEGIES))

    @classmethod
    def all_on(cls, strategy: int, total: float) -> Mix:
        """All ``total`` hours on one strategy (0 applications … 3 networking)."""
        return cls(*(float(total) if k == strategy else 0.0 for k in range(len(STRATEGIES))))


@dataclass(frozen=True)
class Scenario:
    """A named view of the world: a few changes to the defaults, and what they stand for."""

    story: str
    changes: dict[str, float] = field(default_factory=dict)


SCENARIOS: dict[str, Scenario] = {
    "typical": Scenario("The course's default job seeker (every value from the table)."),
    "new to the field": Scenario(
        "You are starting out or changing field: few people in it know you yet, and you "
        "have not told anyone you are looking.",
        dict(acquaintances=5, close_ties=2, told_network=0)),
    "field that hires through people": Scenario(
        "What-if: a trade or a small local field where most openings pass through people "
        "(referral payoffs differ a lot between occupations: Lester, Rivers & Topa 2021).",
        dict(opening_chance=0.05, interviews_applications=0.1)),
    "field with many online ads": Scenario(
        "What-if: a field where employers advertise most openings and screen applications "
        "quickly.",
        dict(interviews_applications=0.6, hours_applications=6)),
    "networking is weak for you": Scenario(
        "What-if: your contacts are rarely near the openings you want.",
        dict(opening_chance=0.004)),
}


def scenario(name: str, **changes: float) -> World:
    """The world of a named scenario (see :data:`SCENARIOS`), with optional further changes."""
    if name not in SCENARIOS:
        raise ParameterError(f"no scenario called {name!r}; scenarios are {list(SCENARIOS)}")
    return World().changed(**SCENARIOS[name].changes).changed(**changes)
