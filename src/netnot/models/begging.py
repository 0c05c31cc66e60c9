"""Networking is not begging for a job: what asking and giving do to your contacts over time.

The story, per simulated contact (someone you know who might hear of an opening for you):

* Each contact has some **goodwill** towards you (how willing they are to help), between 0 and
  1, and some **salience** for you (whether you come to mind when they hear of an opening),
  also between 0 and 1. At the start goodwill varies from person to person around 0.5, and
  salience is 0: you have not been in touch lately.
* Every week you may send a contact an **ask** (a clear request for help finding a job) or a
  **give** (something useful to them: an article, an introduction, thanks, congratulations).
* Any message they notice brings you to mind: salience jumps to 1, then fades week by week
  (salience = exp(-weeks since / ``memory_weeks``), so it halves in about 0.7 x memory_weeks).
* A give they notice adds ``give_gain`` to goodwill (up to 1).
* An ask is free the first time: a single clear, polite request is usually fine. Each further
  ask costs goodwill: ``ask_cost`` times the number of other asks you sent that contact in the
  last ``window`` weeks, times the contact's own sensitivity (people differ; on average 1).
* A contact whose goodwill falls below ``TUNE_OUT`` has **tuned you out**: your messages no
  longer register, so they neither bring you to mind nor win back goodwill.
* Each week, an opening that would suit you comes up near each contact with chance
  ``opening_chance``. They pass it on (a referral) with chance goodwill x salience, but only if
  you have told them clearly, at least once, what you are looking for.

Four cadences are compared on the same simulated contacts (common random numbers):
pester (ask every ``pester_every`` weeks), ask once clearly (week 1), give every
``give_every`` weeks and ask once in week ``GIVE_THEN_ASK_WEEK``, and silence.

Defaults and where they come from (evidence brief, sections 2E and 2F, models 1A and 1B):

* opening_chance = 0.02 a week: assumption. Anchor: U.S. employers hire about 3.5% of their
  workforce a month (BLS JOLTS); only some of the openings near a contact would fit you.
* ask_cost = 0.10 per other ask in the last 8 weeks: assumption. The shape (a first request
  is fine, repetition wears people out) follows Flynn & Lake (2008), Cacioppo & Petty (1979)
  on repetition wear-out, and Brehm (1966) on reactance; the size is not measured anywhere.
* window = 8 weeks: assumption (practitioner norms on follow-up spacing, not research).
* give_gain = 0.05 per give: assumption. The direction (small favours raise later help) follows
  Regan (1971) and Burger et al. (2006); the size is not measured.
* memory_weeks = 6: assumption. That a contact's thought of you fades is an assumption too;
  Burger et al. (1997) studied how the pull to return a favour changes with time (their finding
  is not checked in our evidence brief), and the number of weeks is not theirs.
* starting goodwill = 0.2 + 0.6 x Beta(4, 4), between 0.2 and 0.8 with mean 0.5;
  ask sensitivity ~ Gamma(shape 2), mean 1; TUNE_OUT = 0.2; GIVE_THEN_ASK_WEEK = 5;
  horizon 26 weeks; results shown per 20 contacts: all assumptions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from netnot.params import check_number, check_whole

STRATEGIES = ("pester", "ask once", "give then ask", "silence")
TUNE_OUT = 0.2  # assumption: below this goodwill, your messages no longer register
GIVE_THEN_ASK_WEEK = 5  # assumption: the one ask comes after a month of giving
CONTACTS_IN_NETWORK = 20  # assumption: results are shown per 20 contacts, a small network
DEFAULTS = dict(
    pester_every=1,
    ask_cost=0.10,
    give_gain=0.05,
    give_every=4,
    opening_chance=0.02,
    memory_weeks=6.0,
)


@dataclass(frozen=True)
class Outreach:
    """Simulated outcomes of four outreach cadences, on the same contacts."""

    strategies: tuple[str, ...]
    referrals: np.ndarray  # (strategy, contact): openings each contact passed on to you
    goodwill: np.ndarray  # (strategy, contact): goodwill at the end
    mean_goodwill: np.ndarray  # (strategy, week): average goodwill at the end of each week
    tuned_out: np.ndarray  # (strategy, week): share of contacts who have tuned you out
    cumulative: np.ndarray  # (strategy, week): referrals so far per CONTACTS_IN_NETWORK contacts
    asks: np.ndarray  # (strategy, week): True where the cadence sends an ask
    gives: np.ndarray  # (strategy, week): True where the cadence sends a give
    params: dict = field(default_factory=dict)

    @property
    def horizon(self) -> int:
        return int(self.cumulative.shape[1])

    def index(self, strategy: str) -> int:
        if strategy not in self.strategies:
            raise KeyError(f"no strategy called {strategy!r}; choose from {self.strategies}")
        return self.strategies.index(strategy)

    def total(self, strategy: str) -> float:
        """Average referrals over the whole horizon per CONTACTS_IN_NETWORK contacts."""
        return float(self.cumulative[self.index(strategy), -1])

    def share_referred(self, strategy: str) -> float:
        """Share of contacts who passed on at least one opening."""
        return float(np.mean(self.referrals[self.index(strategy)] > 0))

    def end_goodwill(self, strategy: str) -> float:
        """Average goodwill at the end."""
        return float(self.mean_goodwill[self.index(strategy), -1])

    def end_tuned_out(self, strategy: str) -> float:
        """Share of contacts who have tuned you out by the end."""
        return float(self.tuned_out[self.index(strategy), -1])

    @property
    def best(self) -> str:
        """The cadence with the most referrals."""
        return self.strategies[int(np.argmax(self.cumulative[:, -1]))]


def repeat_ask_counts(asks: np.ndarray, window: int = 8) -> np.ndarray:
    """For each week, the number of OTHER asks in the ``window`` weeks up to it, where an ask
    is sent that week (0 where none is). ``asks`` is a boolean array with weeks on the last axis.

    An ask in week t counts the earlier asks in weeks t - window + 1 .. t - 1; each costs goodwill.
    """
    asks = np.asarray(asks, dtype=bool)
    count = np.cumsum(asks, axis=-1)
    before = np.zeros_like(count)
    if window < asks.shape[-1]:
        before[..., window:] = count[..., :-window]
    return np.where(asks, count - before - 1, 0)


def schedules(pester_every: int, give_every: int, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """Ask and give weeks (True/False arrays, strategy x week) for the four cadences."""
    weeks = np.arange(horizon)
    asks = np.zeros((len(STRATEGIES), horizon), dtype=bool)
    gives = np.zeros_like(asks)
    asks[0] = weeks % pester_every == 0
    asks[1, 0] = True
    asks[2, min(GIVE_THEN_ASK_WEEK, horizon) - 1] = True
    gives[2] = weeks % give_every == 0
    return asks, gives


@functools.lru_cache(maxsize=4)
def draw_contacts(seed: int, contacts: int, horizon: int) -> tuple[np.ndarray, ...]:
    """The random part of the model, which no slider changes (so it is kept for reuse):
    each contact's starting goodwill and sensitivity to repeat asks, and one uniform number per
    contact and week. The four cadences share these numbers: an opening comes up near a contact
    when u < chance, and they pass it on when u < chance x goodwill x salience."""
    rng = np.random.default_rng(seed)
    start = 0.2 + 0.6 * rng.beta(4.0, 4.0, size=contacts)  # 0.2 to 0.8, mean 0.5
    sensitivity = rng.gamma(2.0, 0.5, size=contacts)
    chance_draws = rng.random((horizon, contacts))
    for array in (start, sensitivity, chance_draws):
        array.flags.writeable = False
    return start, sensitivity, chance_draws


def simulate(
    pester_every: int = DEFAULTS["pester_every"],
    ask_cost: float = DEFAULTS["ask_cost"],
    give_gain: float = DEFAULTS["give_gain"],
    give_every: int = DEFAULTS["give_every"],
    opening_chance: float = DEFAULTS["opening_chance"],
    memory_weeks: float = DEFAULTS["memory_weeks"],
    *,
    window: int = 8,
    horizon: int = 26,
    contacts: int = 10_000,
    seed: int = 2011,
) -> Outreach:
    """Simulate the four cadences on ``contacts`` contacts for ``horizon`` weeks."""
    params = dict(
        pester_every=check_whole("weeks between pestering asks", pester_every, 1, 26),
        ask_cost=check_number("goodwill lost per repeat ask", ask_cost, 0, 1),
        give_gain=check_number("goodwill won per give", give_gain, 0, 1),
        give_every=check_whole("weeks between gives", give_every, 1, 26),
        opening_chance=check_number(
            "weekly chance of an opening near a contact", opening_chance, 0, 1
        ),
        memory_weeks=check_number("weeks a message stays in mind", memory_weeks, 0.5, 104),
        window=check_whole("weeks a repeat ask is remembered", window, 1, 104),
        horizon=check_whole("weeks to simulate", horizon, GIVE_THEN_ASK_WEEK, 260),
    )
    contacts = check_whole("number of simulated contacts", contacts, 1, 1_000_000)
    seed = check_whole("seed", seed, 0, 2**32 - 1)
    horizon = params["horizon"]

    asks, gives = schedules(params["pester_every"], params["give_every"], horizon)
    repeats = repeat_ask_counts(asks, params["window"])  # (strategy, week)
    told = np.cumsum(asks, axis=1) > 0  # they know what you are looking for
    messages = asks | gives

    start, sensitivity, chance_draws = draw_contacts(seed, contacts, horizon)

    strategies = len(STRATEGIES)
    goodwill = np.tile(start, (strategies, 1))  # (strategy, contact)
    last_noticed = np.full((strategies, contacts), -horizon - 1)  # week of the last message noticed
    # Salience k weeks after the last noticed message: decay ** k (0 if never noticed).
    decay = float(np.exp(-1.0 / params["memory_weeks"]))
    fade = np.append(np.cumprod(np.r_[1.0, np.full(horizon - 1, decay)]), 0.0)
    # Openings are rare, so only contacts with u < chance this week need their referral checked.
    near = [np.flatnonzero(row) for row in chance_draws < params["opening_chance"]]

    referrals = np.zeros((strategies, contacts), dtype=np.int32)
    passed_on = np.empty((strategies, horizon))
    total_goodwill, tuned = goodwill.sum(axis=1), np.zeros(strategies)
    mean_goodwill, tuned_out = np.empty_like(passed_on), np.empty_like(passed_on)
    cost, gain = params["ask_cost"], params["give_gain"]
    for week in range(horizon):
        for s in np.flatnonzero(messages[:, week]):  # the cadences that send something this week
            row = goodwill[s]
            listening = row >= TUNE_OUT  # a contact who has tuned you out ignores the message
            np.copyto(last_noticed[s], week, where=listening)
            if repeats[s, week]:
                row -= (cost * repeats[s, week]) * sensitivity
            if gives[s, week]:
                row += gain * listening
            np.clip(row, 0.0, 1.0, out=row)
            total_goodwill[s], tuned[s] = row.sum(), np.count_nonzero(row < TUNE_OUT)
        # Only contacts you have told what you are looking for, with an opening nearby, can refer.
        cells = np.ix_(np.flatnonzero(told[:, week]), near[week])
        salience = fade[np.minimum(week - last_noticed[cells], horizon)]
        chance = params["opening_chance"] * goodwill[cells] * salience
        referred = chance_draws[week, cells[1]] < chance
        referrals[cells] += referred
        passed_on[:, week] = 0
        passed_on[cells[0][:, 0], week] = np.count_nonzero(referred, axis=1)
        mean_goodwill[:, week] = total_goodwill / contacts
        tuned_out[:, week] = tuned / contacts

    cumulative = np.cumsum(passed_on, axis=1) * (CONTACTS_IN_NETWORK / contacts)
    return Outreach(
        strategies=STRATEGIES,
        referrals=referrals,
        goodwill=goodwill,
        mean_goodwill=mean_goodwill,
        tuned_out=tuned_out,
        cumulative=cumulative,
        asks=asks,
        gives=gives,
        params={**params, "contacts": contacts, "seed": seed},
    )
