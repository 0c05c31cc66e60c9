"""Switching strategies in the world: rules that move your hours, week by week, on evidence.

Everyone starts with the same mix of weekly hours (lesson 04's mix). A :class:`Rule` watches each
strategy you use. When a strategy has gone ``patience`` weeks in a row without a signal, the rule
moves ``move`` of its hours (half, by default) to the strategy with the best record so far:
signals per hour spent on it, compared with what that strategy gives a typical person. What
counts as a signal is the rule's choice (``judge_by``):

* ``"interviews"``: only an interview counts, for every strategy;
* ``"early signals"``: the same, except that networking is judged by its *leading
  indicators*: replies and conversations (and interviews). They come long before networking's
  interviews, which arrive only once your contacts have warmed up.

A rule with ``patience=None`` never moves anything: it keeps the mix. Each week the world of
:mod:`netnot.models.search` decides what each strategy gives, with two costs of switching:
hours moved into a strategy give only part of their results in their first week
(``switch_cost``), and the warmth networking built fades while you do less of it.

Read :func:`one_seeker`: it is the model for one person, one week at a time. :func:`simulate`
runs many people and several rules at once, on the same people with the same luck (so the
differences come from the rules alone), and is tested equal to :func:`one_seeker`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from netnot.models import networking
from netnot.models.search import draw_fits, interviews
from netnot.models.world import NETWORKING, STRATEGIES, Mix, World
from netnot.params import ParameterError, check_choice, check_number, check_whole

N = len(STRATEGIES)
SIGNALS = ("interviews", "early signals")
PRIOR_HOURS = 10.0  # a record starts as if the strategy had given a typical person's signals
# for 10 hours (see typical_rates), so that one lucky or unlucky week does not decide everything


@dataclass(frozen=True)
class Rule:
    """Move ``move`` of a strategy's hours after ``patience`` weeks without a signal."""

    patience: int | None = 4  # None: never move anything (keep the mix)
    judge_by: str = "early signals"  # "interviews" or "early signals" (for networking)
    move: float = 0.5  # share of a silent strategy's hours that moves
    label: str = ""

    def __post_init__(self) -> None:
        if self.patience is not None:
            check_whole("weeks without a signal before moving hours", self.patience, 1, 52)
        check_choice("what counts as a signal", self.judge_by, SIGNALS)
        check_number("share of hours moved", self.move, 0.05, 1)


KEEP = Rule(None, "interviews", label="keep your mix")


def baselines(patience: int = 4) -> tuple[Rule, ...]:
    """The rules lesson 05 compares."""
    return (
        KEEP,
        Rule(1, "interviews", label="move hours after every week without an interview"),
        Rule(patience, "interviews",
             label=f"move hours after {patience} weeks without an interview"),
        Rule(patience, "early signals",
             label=f"the same, but judge networking by its early signals ({patience} weeks)"),
    )


def typical_rates(world: World, judge_by: str) -> np.ndarray:
    """Signals per hour each strategy gives a typical person at 3 hours a week (networking:
    once its warmth has built up): the yardstick a strategy's record is compared with."""
    steady = [float(interviews(world, k, 3.0)) / 3.0 for k in range(N - 1)]
    ties = networking.Ties.of(world)
    week = networking.one_week(world, 3.0, world.online_share)
    mature = float(week.warmth) / (1 - world.fade) * float(ties.novelty @ ties.share)
    own = world.opening_chance * mature * world.referral_interview
    early = float(week.replies + week.conversations) if judge_by == "early signals" else 0.0
    return np.array([*steady, (own + early) / 3.0])


@dataclass(frozen=True)
class Luck:
    """One person's luck for a whole search, the same under every rule."""

    fit: np.ndarray  # (5,) fits, as in search.Fit
    signal: np.ndarray  # (weeks, 4) uniforms: strategy k gave a signal that week if below
    offer: np.ndarray  # (weeks,) uniforms: an offer that week if below its chance
    pick: np.ndarray  # (weeks,) uniforms: that offer came through a contact if below


def one_seeker(world: World, rule: Rule, mix: Mix, luck: Luck) -> tuple[float, bool]:
    """The week of one person's first offer under ``rule`` (inf: none), and whether it came
    through a contact."""
    ties = networking.Ties.of(world)
    built = np.zeros(len(ties.room))  # warmth built by networking, per kind of tie
    hours, last = list(mix.hours), list(mix.hours)
    silent, seen_total, hours_total = [0] * N, [0.0] * N, [0.0] * N
    for week in range(luck.offer.size):
        ramp = [1 - world.switch_cost if hours[k] > last[k] + 1e-9 else 1.0 for k in range(N)]
        net = networking.one_week(world, hours[NETWORKING], world.online_share, luck.fit[3])
        built = np.minimum(ties.room, built * world.fade
                           + ties.share * float(net.warmth) * ramp[NETWORKING])
        warm = float(ties.novelty @ built)
        # what each strategy is expected to give this week
        interview = [float(interviews(world, k, hours[k])) * luck.fit[k] * ramp[k]
                     for k in range(N - 1)]
        own = world.opening_chance * luck.fit[4] * warm * world.referral_interview
        everyday = world.opening_chance * luck.fit[4] * ties.ordinary * world.referral_interview
        offers = sum(interview) * world.offer_chance
        via = (own + everyday) * world.referral_offer
        if luck.offer[week] < -math.expm1(-(offers + via)):
            return float(week + 1), bool(luck.pick[week] < via / (offers + via))
        signals = interview + [own]
        if rule.judge_by == "early signals":
            signals[NETWORKING] += float(net.replies + net.conversations) * ramp[NETWORKING]
        last = list(hours)
        if rule.patience is None:
            continue
        for k in range(N):
            if hours[k] <= 0:
                silent[k] = 0
                continue
            seen = luck.signal[week, k] < -math.expm1(-signals[k])
            seen_total[k] += seen
            hours_total[k] += hours[k]
            silent[k] = 0 if seen else silent[k] + 1
        typical = typical_rates(world, rule.judge_by)
        record = [(seen_total[k] / typical[k] + PRIOR_HOURS) / (hours_total[k] + PRIOR_HOURS)
                  for k in range(N)]
        for k in range(N):
            if hours[k] > 0 and silent[k] >= rule.patience:
                best = max((j for j in range(N) if j != k), key=lambda j: (record[j], -j))
                moved = hours[k] * rule.move
                hours[k] -= moved
                hours[best] += moved
                silent[k] = 0
    return math.inf, False


# --- many people and several rules at once ------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """Weeks to the first offer for each rule (rows) and simulated person (columns)."""

    labels: tuple[str, ...]
    weeks: np.ndarray  # (rules, people); inf: no offer within the horizon
    via_contacts: np.ndarray  # (rules, people)
    networking_share: np.ndarray  # (rules,) share of search hours spent networking
    horizon: int
    params: dict = field(default_factory=dict)

    def row(self, label: str) -> np.ndarray:
        if label not in self.labels:
            raise KeyError(f"no rule called {label!r}; rules are {list(self.labels)}")
        return self.weeks[self.labels.index(label)]

    def mean_weeks(self, label: str) -> float:
        """Average weeks searching (no offer within the horizon counts as the horizon)."""
        return float(np.mean(np.minimum(self.row(label), self.horizon)))

    def percentile(self, label: str, q: float) -> float:
        return float(np.percentile(self.row(label), q, method="inverted_cdf"))

    def median(self, label: str) -> float:
        return self.percentile(label, 50)

    def share_none(self, label: str) -> float:
        return float(np.mean(np.isinf(self.row(label))))

    def still_searching(self, label: str) -> np.ndarray:
        row = np.sort(self.row(label))
        found = np.searchsorted(row, np.arange(self.horizon + 1), side="right")
        return 1.0 - found / row.size

    def ranking(self) -> list[tuple[str, float]]:
        """Rules from fewest to most average weeks searching."""
        return sorted(((p, self.mean_weeks(p)) for p in self.labels), key=lambda x: x[1])


def _draws(world: World, people: int, weeks: int, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    fit = draw_fits(world, people, rng)
    signal = rng.random((weeks, N, people), dtype=np.float32)
    offer = rng.random((weeks, people), dtype=np.float32)
    pick = rng.random((weeks, people), dtype=np.float32)
    return fit, signal, offer, pick


def draw_luck(world: World, people: int, weeks: int, seed: int) -> list[Luck]:
    """Everyone's luck, person by person: the same numbers :func:`simulate` uses."""
    fit, signal, offer, pick = _draws(world, people, weeks, seed)
    return [Luck(fit[:, i], signal[:, :, i].astype(float), offer[:, i].astype(float),
                 pick[:, i].astype(float)) for i in range(people)]


def simulate(rules: tuple[Rule, ...] | None = None, world: World | None = None,
             start: Mix | str = "even", *, horizon: int = 52, people: int = 2_000,
             seed: int = 2011) -> Comparison:
    """Run every rule on the same ``people`` simulated job seekers, with the same luck.

    ``start`` is everyone's first mix of hours: a :class:`Mix`, ``"even"`` (the world's hours
    spread evenly) or ``"one strategy"`` (all hours on one strategy, a different one for each
    person at random: "try one strategy, and switch if it does not work")."""
    world = world or World()
    rules = rules or baselines()
    horizon = check_whole("weeks to simulate", horizon, 1, 260)
    people = check_whole("number of simulated people", people, 1, 200_000)
    seed = check_whole("seed", seed, 0, 2**32 - 1)
    for rule in rules:
        if not isinstance(rule, Rule):
            raise ParameterError(f"a switching rule must be a Rule; got {rule!r}")
    fit, signal, offer, pick = _draws(world, people, horizon, seed)
    mixes = starting_mixes(world, start, people, seed)
    weeks, via, share = _run(world, rules, mixes, fit, signal, offer, pick)
    return Comparison(tuple(r.label or repr(r) for r in rules), weeks, via, share, horizon,
                      dict(start=start if isinstance(start, str) else start.hours,
                           people=people, seed=seed))


def starting_mixes(world: World, start: Mix | str, people: int, seed: int) -> np.ndarray:
    """(4, people) first hours of everyone (see :func:`simulate`)."""
    total = world.hours_per_week
    if isinstance(start, Mix):
        return np.repeat(np.array(start.hours, float)[:, None], people, axis=1)
    check_choice("starting mix", start, ("even", "one strategy"))
    if start == "even":
        return np.full((N, people), total / N)
    first = np.random.default_rng([seed, 1]).integers(0, N, people)
    return np.where(np.arange(N)[:, None] == first[None, :], total, 0.0)


def _run(world: World, rules: tuple[Rule, ...], mixes: np.ndarray, fit: np.ndarray,
         signal: np.ndarray, offer: np.ndarray, pick: np.ndarray
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`one_seeker` for every rule and person at once. Each (rule, person) pair is a
    *lane*; arrays are (strategy, lane), so that one strategy's numbers sit side by side."""
    weeks, people = offer.shape
    rows = len(rules)
    lanes = rows * people
    ties = networking.Ties.of(world)

    def per_rule(values: list[float]) -> np.ndarray:
        return np.repeat(np.array(values, float), people)

    patience = per_rule([r.patience or weeks + 1 for r in rules])
    early_signals = per_rule([r.judge_by == "early signals" for r in rules]) > 0
    move = per_rule([r.move for r in rules])
    typical = np.concatenate([np.repeat(typical_rates(world, r.judge_by)[:, None], people, 1)
                              for r in rules], axis=1)  # (4, lanes)
    fit = np.tile(fit, rows)  # (5, lanes)
    everyday = world.opening_chance * fit[4] * ties.ordinary * world.referral_interview
    hours = np.tile(mixes, rows)  # (4, lanes)
    last = hours.copy()
    built = np.zeros((len(ties.room), lanes))
    silent = np.zeros((N, lanes))
    seen_total = np.zeros((N, lanes))
    hours_total = np.zeros((N, lanes))
    result = np.full(lanes, np.inf)
    via_contacts = np.zeros(lanes, bool)
    active = np.ones(lanes, bool)
    spent = np.zeros((N, lanes))
    learns = patience <= weeks
    lane = np.arange(lanes)
    most = np.array([world.interviews_applications, world.interviews_direct,
                     world.interviews_recruiters])[:, None]
    scale = np.array([world.hours_applications, world.hours_direct,
                      world.hours_recruiters])[:, None]
    for week in range(weeks):
        ramp = np.where(hours > last + 1e-9, 1 - world.switch_cost, 1.0)
        net = networking.one_week(world, hours[NETWORKING], world.online_share, fit[3])
        added = net.warmth * ramp[NETWORKING]
        built = np.minimum(ties.room[:, None], built * world.fade + ties.share[:, None] * added)
        warm = ties.novelty @ built
        interview = most * -np.expm1(-hours[: N - 1] / scale) * fit[: N - 1] * ramp[: N - 1]
        own = world.opening_chance * fit[4] * warm * world.referral_interview
        offers = interview.sum(axis=0) * world.offer_chance
        via = (own + everyday) * world.referral_offer
        offered = active & (np.tile(offer[week], rows) < -np.expm1(-(offers + via)))
        result[offered] = week + 1
        via_contacts |= offered & (np.tile(pick[week], rows) < via / (offers + via))
        spent += hours * active
        active &= ~offered
        last = hours
        if not active.any():
            break
        if not learns.any():
            continue
        early = (net.replies + net.conversations) * ramp[NETWORKING]
        signals = np.concatenate([interview, (own + early_signals * early)[None]])
        used = hours > 0
        seen = used & (np.tile(signal[week], rows) < -np.expm1(-signals))
        seen_total += seen
        hours_total += hours
        silent = np.where(seen | ~used | ~learns, 0.0, silent + 1)
        movers = used & (silent >= patience)
        if movers.any():
            record = (seen_total / typical + PRIOR_HOURS) / (hours_total + PRIOR_HOURS)
            first, second = _top_two(record)
            hours = hours.copy()
            for k in range(N):  # in order, as one_seeker does
                moving = movers[k]
                if not moving.any():
                    continue
                best = np.where(first == k, second, first)  # the best strategy other than k
                amount = np.where(moving, hours[k] * move, 0.0)
                hours[k] -= amount
                hours[best, lane] += amount
                silent[k][moving] = 0
    found = result.reshape(rows, people)
    share = spent.reshape(N, rows, people).sum(axis=2)
    share = share[NETWORKING] / np.maximum(share.sum(axis=0), 1e-300)
    return found, via_contacts.reshape(rows, people), share


def _top_two(score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per column of a (4, lanes) array: the index of the largest and of the second largest
    value (the lower index first on a tie, as Python's max does)."""
    first = score.argmax(axis=0)
    masked = score.copy()
    masked[first, np.arange(score.shape[1])] = -np.inf
    return first, masked.argmax(axis=0)


# --- lesson view: every patience at once --------------------------------------------------

PATIENCES = tuple(range(1, 13))


@dataclass(frozen=True)
class PatienceGrid:
    """Average weeks searching for "keep your mix" and for both kinds of rule at every
    patience in :data:`PATIENCES`, all on the same people and luck."""

    comparison: Comparison

    def keep(self) -> float:
        return self.comparison.mean_weeks(KEEP.label)

    def weeks(self, judge_by: str, patience: int) -> float:
        return self.comparison.mean_weeks(_grid_label(judge_by, patience))

    def curve(self, judge_by: str) -> np.ndarray:
        return np.array([self.weeks(judge_by, k) for k in PATIENCES])

    def networking_share(self, judge_by: str, patience: int) -> float:
        c = self.comparison
        return float(c.networking_share[c.labels.index(_grid_label(judge_by, patience))])

    def row(self, judge_by: str, patience: int) -> np.ndarray:
        return self.comparison.row(_grid_label(judge_by, patience))

    def near_best(self, judge_by: str, within: float = 0.5) -> tuple[int, ...]:
        """The patiences whose average is within ``within`` weeks of the best one."""
        curve = self.curve(judge_by)
        return tuple(k for k, value in zip(PATIENCES, curve, strict=True)
                     if value <= curve.min() + within)


def _grid_label(judge_by: str, patience: int) -> str:
    return f"{judge_by}, {patience}"


def patience_grid(world: World | None = None, start: Mix | str = "even", *,
                  people: int = 1_000, seed: int = 2011) -> PatienceGrid:
    """Run "keep your mix" and both kinds of rule at every patience from 1 to 12 weeks."""
    world = world or World()
    key = start.hours if isinstance(start, Mix) else start
    return _grid(world, key, people, seed)


@lru_cache(maxsize=16)
def _grid(world: World, start: tuple[float, ...] | str, people: int, seed: int
          ) -> PatienceGrid:
    rules = (KEEP, *(Rule(k, judge, label=_grid_label(judge, k))
                     for judge in SIGNALS for k in PATIENCES))
    mix = Mix(*start) if isinstance(start, tuple) else start
    return PatienceGrid(simulate(rules, world, mix, people=people, seed=seed))


# --- lesson 05 view: one rule read off the grid -------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One rule's results on a :class:`PatienceGrid` ("keep your mix" when ``patience`` is
    None)."""

    judge_by: str | None
    patience: int | None
    mean_weeks: float  # average weeks searching (no offer within the horizon counts as it)
    median: float  # week of the first offer for half the people (inf: not within the horizon)
    share_none: float  # share without an offer within the horizon
    networking_share: float  # share of search hours spent networking
    still_searching: np.ndarray  # (horizon + 1,) share still without an offer, week by week


def read(grid: PatienceGrid, judge_by: str | None = None, patience: int | None = None
         ) -> Reading:
    """"Keep your mix" (no arguments), or the rule that moves hours after ``patience`` weeks
    without a signal, judged by ``judge_by``: a lookup, nothing is simulated."""
    c = grid.comparison
    if patience is None:
        label, judge_by = KEEP.label, None
    else:
        judge_by = check_choice("what counts as a signal", judge_by, SIGNALS)
        patience = check_whole("weeks without a signal before moving hours", patience,
                               PATIENCES[0], PATIENCES[-1])
        label = _grid_label(judge_by, patience)
    return Reading(judge_by, patience, c.mean_weeks(label), c.median(label),
                   c.share_none(label), float(c.networking_share[c.labels.index(label)]),
                   c.still_searching(label))


def fastest(grid: PatienceGrid) -> Reading:
    """The switching rule on the grid with the fewest average weeks searching (on a tie: the
    smaller patience, then judging by interviews)."""
    judge, patience = min(((j, k) for j in SIGNALS for k in PATIENCES),
                          key=lambda jk: (round(grid.weeks(*jk), 9), jk[1], SIGNALS.index(jk[0])))
    return read(grid, judge, patience)


# --- exercise 05 view: rules judged on several groups of simulated people ------------------

HIDDEN_SEEDS = (101, 102, 103, 104, 105)  # groups of people other than the explorer's (2011)


def wins(rule: Rule, baseline: Rule, world: World | None = None, start: Mix | str = "even", *,
         seeds: tuple[int, ...] = HIDDEN_SEEDS, people: int = 2_000) -> int:
    """On how many of ``seeds`` (each a group of ``people`` simulated job seekers, the same
    people and luck for both rules) ``rule`` has fewer average weeks searching than
    ``baseline``."""
    mine, theirs = replace(rule, label="rule"), replace(baseline, label="baseline")
    count = 0
    for seed in seeds:
        result = simulate((mine, theirs), world, start, people=people, seed=seed)
        count += result.mean_weeks("rule") < result.mean_weeks("baseline")
    return count


def near_best_counts(judge_by: str, world: World | None = None, start: Mix | str = "even", *,
                     seeds: tuple[int, ...] = HIDDEN_SEEDS, within: float = 0.5,
                     people: int = 1_000) -> dict[int, int]:
    """For each patience, on how many of ``seeds`` it is near the best
    (:meth:`PatienceGrid.near_best`: within ``within`` weeks of the fastest patience)."""
    counts = dict.fromkeys(PATIENCES, 0)
    for seed in seeds:
        for k in patience_grid(world, start, people=people, seed=seed).near_best(judge_by,
                                                                                 within):
            counts[k] += 1
    return counts
