"""Switch strategies on evidence, not on a bad week: a job-search bandit.

The story, per simulated job seeker:

* There are four search strategies: online applications, contacting employers directly,
  recruiters and agencies, and networking. Each week the seeker spends the week on ONE of them.
* Each strategy has a weekly chance of producing a *response* (an interview or a meeting). Nobody
  knows these chances in advance, and they differ from person to person: a seeker's chance is the
  strategy's typical chance times a random personal factor (log-normal, spread ``spread``).
* Networking matures: in the m-th week a seeker has spent networking, its chance is its full
  chance times ``1 - exp(-m / maturing_weeks)``. Early weeks of networking are quiet even when it
  will become the best strategy (evidence brief, model 5B).
* Each response becomes a job offer with chance ``offer_chance``. The search ends at the first
  offer. We record the week of the first offer (``inf`` if none within ``horizon`` weeks).

Policies (how a seeker decides what to do next week), all run on the same simulated people and the
same weekly luck (common random numbers), so differences come from the policies alone:

* ``stick``: keep the first strategy forever.
* ``every silent week``: switch to another strategy after every week without a response.
* ``after k silent weeks``: switch after ``patience`` silent weeks in a row.
* ``evidence``: an upper-confidence rule. It tracks each strategy's reply rate (responses per week
  tried, starting from a cautious prior of 1 in 20) and picks the strategy whose rate could
  plausibly be highest: estimate plus one standard error.
* ``evidence + steady networking``: the same, but every other week goes to networking whatever
  the counts say, so a maturing strategy is not dropped before it can show what it does.
* Optionally, the learner's own rule (see :func:`example_rule` for its arguments).

Defaults and where they come from (evidence brief §2I and models 5A/5B):

* response_rate = 0.12 a week: assumption. Responses are rare: most weeks are silent even on a
  strategy that works (the evidence brief's illustrative rates are 2-10% per action).
* STRATEGY_FACTORS = (0.4, 1.0, 1.6): assumption, so the three steady strategies differ
  (applications 4.8%, direct contact 12%, recruiters 19% a week for a typical person).
* networking_rate = 0.4 a week once mature: assumption (model 5B also makes mature networking
  the strongest strategy on average; set it low to see when leaving networking is right).
* maturing_weeks = 10: assumption. Anchor: relationships take weeks of repeated contact before
  someone will vouch for you (Hall 2019, Journal of Social and Personal Relationships).
* offer_chance = 0.25: assumption (roughly one offer for every four interviews or meetings).
* spread = 0.8: assumption; what works differs between people, so each must find out.
* patience = 6 silent weeks: assumption, a middle setting for the learner to vary.
* horizon = 52 weeks: one year of searching; seekers = 2,500, so that a slider update is quick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from netnot.params import ParameterError, check_number, check_whole

STRATEGIES = ("applications", "direct contact", "recruiters", "networking")
NETWORKING = 3
N_ARMS = len(STRATEGIES)
STRATEGY_FACTORS = (0.4, 1.0, 1.6)  # assumption: steady strategies relative to response_rate
PRIOR_SUCCESSES, PRIOR_WEEKS = 1.0, 20.0  # the evidence rule's cautious prior: 1 in 20
BASELINES = (
    "stick",
    "every silent week",
    "after k silent weeks",
    "evidence",
    "evidence + steady networking",
)
YOUR_RULE = "your rule"
LABELS = {  # the policies in words
    "stick": "never switch",
    "every silent week": "switch after every silent week",
    "after k silent weeks": "switch after k silent weeks",
    "evidence": "evidence rule",
    "evidence + steady networking": "evidence + steady networking",
    YOUR_RULE: "your rule",
}
DEFAULTS = dict(
    response_rate=0.12,
    networking_rate=0.4,
    maturing_weeks=10.0,
    offer_chance=0.25,
    spread=0.8,
    patience=6,
)

Rule = Callable[..., np.ndarray]  # a learner's switching rule: see example_rule


def example_rule(week: int, current: np.ndarray, silent_weeks: np.ndarray, tries: np.ndarray,
                 successes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """An example rule: after 8 silent weeks in a row, switch to another strategy at random.

    A rule is called once a week (week = 1, 2, ...) for ALL simulated seekers at once, with:

    * ``week``: the number of the week about to start (1 in the first week);
    * ``current``: array of each seeker's strategy so far (0 applications, 1 direct contact,
      2 recruiters, 3 networking; in week 1 a random start);
    * ``silent_weeks``: array, how many weeks in a row the current strategy has been silent;
    * ``tries``: table, one row per seeker and one column per strategy: weeks spent on each;
    * ``successes``: the same table, counting responses (interviews or meetings);
    * ``rng``: a numpy random generator, for any random choice.

    It returns an array with one strategy number (0 to 3) per seeker: what they do this week.
    ``return current`` is the rule "never switch".
    """
    other = (current + rng.integers(1, N_ARMS, current.shape[0])) % N_ARMS
    return np.where(silent_weeks >= 8, other, current)


@dataclass(frozen=True)
class SwitchingResult:
    """Weeks to the first offer for each policy (rows) and simulated seeker (columns)."""

    policies: tuple[str, ...]
    weeks: np.ndarray  # (policies, seekers): week of the first offer; inf if none by the horizon
    networking_share: np.ndarray  # (policies,): share of search weeks spent networking
    horizon: int
    params: dict = field(default_factory=dict)

    def row(self, policy: str) -> np.ndarray:
        if policy not in self.policies:
            raise KeyError(f"no policy called {policy!r}; policies are {list(self.policies)}")
        return self.weeks[self.policies.index(policy)]

    def mean_weeks(self, policy: str) -> float:
        """Average weeks searching within the horizon (no offer by then counts the horizon)."""
        return float(np.mean(np.minimum(self.row(policy), self.horizon)))

    def median(self, policy: str) -> float:
        """Median week of the first offer: the week by which half had one (inf: not by then)."""
        return self.percentile(policy, 50)

    def percentile(self, policy: str, q: float) -> float:
        """The week by which ``q`` per cent of seekers had their first offer (inf: not by then)."""
        return float(np.percentile(self.row(policy), q, method="inverted_cdf"))

    def percentiles(self, policy: str, qs: tuple[float, ...]) -> np.ndarray:
        """:meth:`percentile` for several ``qs`` at once."""
        return np.percentile(self.row(policy), qs, method="inverted_cdf")

    def share_by(self, policy: str, week: float) -> float:
        """Share of seekers with an offer by ``week`` (inclusive)."""
        return float(np.mean(self.row(policy) <= week))

    def share_none(self, policy: str) -> float:
        """Share of seekers with no offer within the horizon."""
        return float(np.mean(np.isinf(self.row(policy))))

    def still_searching(self, policy: str) -> np.ndarray:
        """Share still without an offer at the end of weeks 0..horizon."""
        row = self.row(policy)
        found = np.searchsorted(np.sort(row), np.arange(self.horizon + 1), side="right")
        return 1.0 - found / row.size

    def ranking(self) -> list[tuple[str, float]]:
        """Policies from fewest to most average weeks searching."""
        return sorted(((p, self.mean_weeks(p)) for p in self.policies), key=lambda x: x[1])


def personal_rates(
    response_rate: float, networking_rate: float, spread: float, seekers: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Each seeker's weekly response chance per strategy (networking: once mature)."""
    typical = np.array([*(f * response_rate for f in STRATEGY_FACTORS), networking_rate])
    factor = np.exp(spread * rng.standard_normal((seekers, N_ARMS)) - spread**2 / 2)
    return np.minimum(typical * factor, 0.95)


def upper_confidence(tries: np.ndarray, successes: np.ndarray) -> np.ndarray:
    """The evidence rule's score per strategy: estimated reply rate plus one standard error."""
    weeks = tries + PRIOR_WEEKS
    rate = (successes + PRIOR_SUCCESSES) / weeks
    rate = np.minimum(rate, 1.0)
    return rate + np.sqrt(rate * (1.0 - rate) / (weeks + 1.0))


def simulate(
    response_rate: float = DEFAULTS["response_rate"],
    networking_rate: float = DEFAULTS["networking_rate"],
    maturing_weeks: float = DEFAULTS["maturing_weeks"],
    offer_chance: float = DEFAULTS["offer_chance"],
    spread: float = DEFAULTS["spread"],
    patience: int = DEFAULTS["patience"],
    *,
    rule: Rule | None = None,
    horizon: int = 52,
    seekers: int = 2_500,
    seed: int = 2011,
) -> SwitchingResult:
    """Run every baseline policy (and ``rule``, if given) on the same simulated seekers."""
    response_rate = check_number("typical weekly response chance", response_rate, 0.005, 0.5)
    networking_rate = check_number(
        "networking's weekly response chance once mature", networking_rate, 0, 0.5)
    maturing_weeks = check_number("weeks for networking to mature", maturing_weeks, 0, 52)
    offer_chance = check_number("chance that a response becomes an offer", offer_chance, 0.01, 1)
    spread = check_number("how much chances differ between people", spread, 0, 1.5)
    patience = check_whole("silent weeks before switching", patience, 1, 52)
    horizon = check_whole("weeks to simulate", horizon, 1, 260)
    seekers = check_whole("number of simulated seekers", seekers, 1, 200_000)
    seed = check_whole("seed", seed, 0, 2**32 - 1)
    if rule is not None and not callable(rule):
        raise ParameterError(
            f"rule must be a function like my_rule(week, current, ...); got {rule!r}")

    rng = np.random.default_rng(seed)
    rates = personal_rates(response_rate, networking_rate, spread, seekers, rng).reshape(-1)
    # The same weekly luck for every policy; single precision is plenty and halves the work.
    luck = rng.random((horizon, seekers), dtype=np.float32)
    scaled_luck = luck / np.float32(offer_chance)  # an offer when luck < chance * offer_chance
    start = rng.integers(0, N_ARMS, seekers, dtype=np.int8)
    jumps = rng.integers(1, N_ARMS, (horizon, seekers), dtype=np.int8)  # to a random other
    jitter = np.float32(1e-6) * rng.random((2, N_ARMS, seekers), dtype=np.float32)  # ties
    rule_rng = np.random.default_rng([seed, 1])

    policies = BASELINES + ((YOUR_RULE,) if rule is not None else ())
    n_pol = len(policies)
    # maturity[m]: networking's strength in the m-th week spent on it (index 0: other strategies)
    m = np.arange(horizon + 1, dtype=float)
    maturity = 1.0 - np.exp(-m / maturing_weeks) if maturing_weeks > 0 else np.ones(horizon + 1)
    maturity[0] = 1.0
    never = horizon + 1
    patience_of = np.array([never, 1, patience, never, never, never][:n_pol], np.int16)[:, None]
    # One row of chances per seeker: the three steady strategies, then networking in its m-th
    # week (m = 0..horizon), so that one look-up gives this week's chance.
    width = NETWORKING + horizon
    rates = rates.reshape(seekers, N_ARMS)
    chances = np.concatenate([rates[:, :NETWORKING], rates[:, NETWORKING:] * maturity[1:]], 1)
    chances = chances.reshape(-1).astype(np.float32)
    cell = (np.arange(seekers) * width).astype(np.int32)  # + strategy, or + 3 + (m - 1)

    current = np.tile(start, (n_pol, 1))
    silent = np.zeros((n_pol, seekers), dtype=np.int16)
    networking_lag = np.full((n_pol, seekers), -1, dtype=np.int16)  # weeks networking - 1
    searched = np.zeros((n_pol, seekers), dtype=np.int16)  # weeks spent searching
    active = np.ones((n_pol, seekers), dtype=bool)
    # The evidence of the rows that learn (the two evidence rules and the learner's rule), per
    # row, strategy and seeker, packed in one number: tries * size + successes.
    size = horizon + 1
    evidence = np.zeros((n_pol - 3, N_ARMS, seekers), dtype=np.int16)
    grid = np.arange(size, dtype=float)
    table = upper_confidence(grid[:, None], grid[None, :]).reshape(-1)  # score by packed evidence
    table = table.astype(np.float32)
    score = table[0] + jitter  # the evidence rules' scores
    flat_evidence, flat_score = evidence.reshape(-1), score.reshape(-1)
    flat_jitter = jitter.reshape(-1)
    # where (evidence row, strategy 0, seeker) sits in the flat arrays
    row_cell = (np.arange(n_pol - 3)[:, None] * N_ARMS * seekers + np.arange(seekers))

    for week in range(1, horizon + 1):
        switch = silent >= patience_of
        choice = (current + switch * jumps[week - 1]) & 3  # N_ARMS == 4
        if week > 1:
            choice[3:5] = _argmax_rows(score)
            if week % 2 == 0:
                choice[4] = NETWORKING
        if rule is not None:
            tries, successes = np.divmod(evidence[2].T, size)
            choice[5] = _checked(
                rule(week, current[5].copy(), silent[5].copy(), tries, successes, rule_rng),
                seekers, N_ARMS,
            )

        networking = choice == NETWORKING
        networking_lag += networking & active
        chance = chances.take(cell + choice + networking * networking_lag) * active
        responded = luck[week - 1] < chance
        offered = scaled_luck[week - 1] < chance
        # only the chosen strategy's evidence and score change
        chosen = row_cell + choice[3:] * np.int32(seekers)
        flat_evidence[chosen] += active[3:] * size + responded[3:]
        mine = chosen[:2]
        flat_score[mine] = table.take(flat_evidence.take(mine)) + flat_jitter.take(mine)
        silent *= choice == current
        silent += 1
        silent *= ~responded
        searched += active
        active &= ~offered
        current = choice
        if week % 4 == 0 and not active.any():
            break

    weeks = np.where(active, np.inf, searched)
    networking_weeks = networking_lag + 1
    share = networking_weeks.sum(axis=1) / np.maximum(searched.sum(axis=1), 1)
    return SwitchingResult(
        policies=policies, weeks=weeks, networking_share=share, horizon=horizon,
        params=dict(response_rate=response_rate, networking_rate=networking_rate,
                    maturing_weeks=maturing_weeks, offer_chance=offer_chance, spread=spread,
                    patience=patience, seekers=seekers, seed=seed),
    )


def _argmax_rows(score: np.ndarray) -> np.ndarray:
    """``score.argmax(axis=1)`` for a (rows, 4 strategies, seekers) array, by a quick knockout."""
    first = score[:, 1] > score[:, 0]
    second = score[:, 3] > score[:, 2]
    final = np.maximum(score[:, 3], score[:, 2]) > np.maximum(score[:, 1], score[:, 0])
    return np.where(final, 2 + second, first)


def _checked(choices: object, seekers: int, n_arms: int) -> np.ndarray:
    """The rule's answer as an int array, or a ParameterError that says what is wrong."""
    expected = (
        f"your rule must return one strategy number per seeker: an array of {seekers} whole "
        f"numbers from 0 to {n_arms - 1}"
    )
    try:
        array = np.asarray(choices)
    except Exception as error:  # noqa: BLE001 - anything that is not array-like
        raise ParameterError(f"{expected}; it returned {type(choices).__name__}") from error
    if array.shape != (seekers,):
        got = "None (did you forget `return`?)" if choices is None else f"shape {array.shape}"
        raise ParameterError(f"{expected}; it returned {got}")
    if array.dtype == bool or not np.issubdtype(array.dtype, np.number):
        raise ParameterError(f"{expected}; it returned values of type {array.dtype}")
    if not np.all(np.isfinite(array)) or not np.all(array == np.round(array)):
        raise ParameterError(f"{expected}; some values are not whole numbers")
    if array.min() < 0 or array.max() > n_arms - 1:
        raise ParameterError(
            f"{expected}; it returned values from {array.min():g} to {array.max():g}")
    return array.astype(np.int64)


def compare(rule: Rule, seeds: range | list[int] = range(5), **params: object) -> dict[str, float]:
    """Average weeks searching for every policy and ``rule``, averaged over several seeds."""
    totals: dict[str, float] = {}
    seeds = list(seeds)
    for seed in seeds:
        result = simulate(rule=rule, seed=seed, **params)  # type: ignore[arg-type]
        for policy in result.policies:
            totals[policy] = totals.get(policy, 0.0) + result.mean_weeks(policy) / len(seeds)
    return dict(sorted(totals.items(), key=lambda x: x[1]))


def rank_rule(rule: Rule, **params: object) -> str:
    """A short table: where ``rule`` ranks among the baselines. Safe to call before the rule works:
    a rule that is not written yet, or that returns something invalid, gives a message instead."""
    try:
        table = compare(rule, **params)
    except NotImplementedError:
        return "Your rule is not written yet: write it in the cell above, run it, then run this."
    except ParameterError as problem:
        return f"Your rule needs a fix: {problem}"
    lines = [f"{'policy (best first)':<36} average weeks searching"]
    for place, (policy, value) in enumerate(table.items(), start=1):
        mark = "  <- yours" if policy == YOUR_RULE else ""
        lines.append(f"{place}. {LABELS[policy]:<33} {value:5.1f}{mark}")
    return "\n".join(lines)
