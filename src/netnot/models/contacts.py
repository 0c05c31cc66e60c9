"""Asking and giving in the world: what your messages do to one contact, week by week.

Read :func:`one_contact`: it is the whole model, for one person you know.

* A contact has a *warmth* towards you between 0 and 1: how well they know you lately and how
  willing they are to help. Left alone, it drifts back to its *ordinary* level, the warmth that
  everyday life keeps up (for an acquaintance, about their closeness to you): the extra fades
  and a bruise heals, with the world's ``fade_weeks``.
* Something useful you **give** (an article, an introduction, thanks) counts like ``give_hours``
  of conversation: it adds ``give_hours / vouch_hours`` to their warmth.
* An **ask** (a clear request for help with your job search) adds nothing to their warmth, but
  from then on they know what you are looking for. The first ask is free; each further ask costs
  ``ask_cost`` for every other ask you sent them in the last ``ask_window`` weeks, times how
  sensitive this person is to being pressed (people differ; 1 on average).
* If their warmth falls below ``tune_out``, they tune you out: from then on your messages do not
  register, and they pass nothing on.
* Each week an opening that would suit you comes up near them with chance ``opening_chance``;
  it is news to you with chance ``novelty`` (acquaintances move in other circles than yours);
  if they know what you are looking for, they pass it on with a chance equal to their warmth.

:func:`cadences` runs four ways of keeping in touch on many contacts at once (the same contacts
for each) and is tested equal to :func:`one_contact`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from netnot.models.world import World
from netnot.params import check_number, check_whole

CADENCES = ("pester", "ask once", "give then ask", "silence")
LABELS = {
    "pester": "ask for a job again and again",
    "ask once": "ask once, clearly",
    "give then ask": "give regularly, ask once",
    "silence": "stay silent",
}


def plan(cadence: str, weeks: int, pester_every: int = 1, give_every: int = 4,
         ask_week: int = 5) -> list[str]:
    """The message of each week (``"ask"``, ``"give"`` or ``""``) under a cadence."""
    actions = [""] * weeks
    if cadence == "pester":
        actions[::pester_every] = ["ask"] * len(actions[::pester_every])
    elif cadence == "ask once":
        actions[0] = "ask"
    elif cadence == "give then ask":
        actions[::give_every] = ["give"] * len(actions[::give_every])
        if ask_week <= weeks:
            actions[ask_week - 1] = "ask"  # that week's message is the ask
    return actions


def one_contact(world: World, actions: list[str], ordinary: float, sensitivity: float,
                novelty: float) -> tuple[list[float], list[float]]:
    """Week by week: the contact's warmth and the chance they pass an opening on to you."""
    warmth, told, tuned_out, asks = ordinary, False, False, []
    warmths, chances = [], []
    for week, action in enumerate(actions):
        warmth = ordinary + world.fade * (warmth - ordinary)  # a week passes
        if action and not tuned_out:
            if action == "give":
                warmth += world.give_hours / world.vouch_hours
            else:
                told = True
                recent = sum(1 for earlier in asks if week - earlier < world.ask_window)
                warmth -= world.ask_cost * recent * sensitivity
                asks.append(week)
        warmth = min(max(warmth, 0.0), 1.0)
        tuned_out = tuned_out or warmth < world.tune_out
        chance = 0.0 if tuned_out or not told else world.opening_chance * novelty * warmth
        warmths.append(warmth)
        chances.append(chance)
    return warmths, chances


def draw_contacts(world: World, contacts: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Each contact's ordinary warmth (around the acquaintances' closeness) and sensitivity."""
    return _draws(world.acquaintance_closeness, contacts, seed)


@lru_cache(maxsize=8)
def _draws(closeness: float, contacts: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    # between 0.1 and 0.9, on average the acquaintances' closeness
    share = min(max((closeness - 0.1) / 0.8, 0.05), 0.95)
    ordinary = 0.1 + 0.8 * rng.beta(8 * share, 8 * (1 - share), contacts)
    sensitivity = rng.gamma(2.0, 0.5, contacts)  # people differ; 1 on average
    ordinary.flags.writeable = sensitivity.flags.writeable = False  # shared between calls
    return ordinary, sensitivity


@dataclass(frozen=True)
class Cadences:
    """Four cadences on the same contacts: warmth and chances of a referral, week by week."""

    warmth: np.ndarray  # (cadences, weeks, contacts)
    chance: np.ndarray  # (cadences, weeks, contacts): chance that contact refers you that week
    tuned_out: np.ndarray  # (cadences, contacts): tuned you out by the end
    weeks: int
    params: dict = field(default_factory=dict)

    def referrals(self, cadence: str, per: int = 20) -> np.ndarray:
        """Expected referrals so far, week by week, per ``per`` contacts."""
        return per * np.cumsum(self.chance[CADENCES.index(cadence)].mean(axis=1))

    def total(self, cadence: str, per: int = 20) -> float:
        """Expected referrals over all the weeks, per ``per`` contacts."""
        return float(self.referrals(cadence, per)[-1])

    def mean_warmth(self, cadence: str) -> np.ndarray:
        return self.warmth[CADENCES.index(cadence)].mean(axis=1)

    def share_tuned_out(self, cadence: str) -> float:
        return float(self.tuned_out[CADENCES.index(cadence)].mean())

    def best(self) -> str:
        return max(CADENCES, key=self.total)


def cadences(world: World | None = None, *, weeks: int = 26, pester_every: int = 1,
             give_every: int = 4, ask_week: int = 5, contacts: int = 1_000,
             seed: int = 2011) -> Cadences:
    """Run the four cadences of :data:`CADENCES` on the same simulated acquaintances."""
    world = world or World()
    weeks = check_whole("weeks to simulate", weeks, 1, 104)
    pester_every = check_whole("weeks between pestering asks", pester_every, 1, 26)
    give_every = check_whole("weeks between gives", give_every, 1, 26)
    ask_week = check_whole("week of the one ask after giving", ask_week, 1, weeks)
    contacts = check_whole("number of simulated contacts", contacts, 1, 1_000_000)
    ordinary, sensitivity = draw_contacts(world, contacts, seed)
    novelty = world.novelty(world.acquaintance_closeness)
    actions = [plan(name, weeks, pester_every, give_every, ask_week) for name in CADENCES]
    warmth, chance, tuned = _many(world, actions, ordinary, sensitivity, novelty)
    return Cadences(warmth, chance, tuned, weeks,
                    dict(pester_every=pester_every, give_every=give_every, ask_week=ask_week,
                         contacts=contacts, seed=seed))


def _many(world: World, actions: list[list[str]], ordinary: np.ndarray,
          sensitivity: np.ndarray, novelty: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`one_contact` for every cadence (rows) and contact (columns) at once."""
    rows, weeks = len(actions), len(actions[0])
    gives = np.array([[a == "give" for a in row] for row in actions]).T[:, :, None]
    asks = np.array([[a == "ask" for a in row] for row in actions]).T  # (weeks, rows)
    recent = np.zeros((weeks, rows))
    for week in range(weeks):  # other asks in the last ask_window weeks
        start = max(0, week - int(np.ceil(world.ask_window)) + 1)
        earlier = np.arange(start, week)
        recent[week] = asks[earlier[week - earlier < world.ask_window]].sum(axis=0)
    cost = (world.ask_cost * recent * asks)[:, :, None] * sensitivity[None, :]
    told_by = np.cumsum(asks, axis=0)[:, :, None] > 0
    gain = world.give_hours / world.vouch_hours
    warmth = np.repeat(ordinary[None, :], rows, axis=0)
    tuned_out = np.zeros((rows, ordinary.size), bool)
    warmths = np.empty((rows, weeks, ordinary.size))
    chances = np.empty_like(warmths)
    for week in range(weeks):
        warmth = ordinary + world.fade * (warmth - ordinary)
        warmth = warmth + ~tuned_out * (gives[week] * gain - cost[week])
        warmth = np.clip(warmth, 0.0, 1.0)
        tuned_out |= warmth < world.tune_out
        warmths[:, week] = warmth
        chances[:, week] = (~tuned_out & told_by[week]) * (world.opening_chance * novelty) * warmth
    return warmths, chances, tuned_out


# --- lesson 01 view -----------------------------------------------------------------------


def tuned_out_by_week(world: World, result: Cadences, cadence: str) -> np.ndarray:
    """Share of the contacts who have tuned you out by the end of each week under ``cadence``:
    once a contact's warmth has fallen below ``tune_out`` they stay tuned out, even if their
    warmth heals afterwards."""
    warmth = result.warmth[CADENCES.index(cadence)]  # (weeks, contacts)
    return (np.minimum.accumulate(warmth, axis=0) < world.tune_out).mean(axis=1)


# --- lesson 06 view: follow-ups to someone who has not replied ------------------------------


def one_contact_asks(world: World, ask_weeks: list[float], ordinary: float,
                     sensitivity: float) -> tuple[float, bool]:
    """:func:`one_contact`'s rule for asks at any times (in weeks, from 0): the contact's warmth
    just after the last ask, and whether they have tuned you out. Between asks their warmth
    drifts back towards ``ordinary`` exactly as it does week by week in :func:`one_contact`."""
    warmth, tuned_out, asks, now = ordinary, False, [], 0.0
    for when in ask_weeks:
        warmth = ordinary + world.fade ** (when - now) * (warmth - ordinary)
        now = when
        if not tuned_out:
            recent = sum(1 for earlier in asks if when - earlier < world.ask_window)
            warmth -= world.ask_cost * recent * sensitivity
            asks.append(when)
        warmth = min(max(warmth, 0.0), 1.0)
        tuned_out = tuned_out or warmth < world.tune_out
    return warmth, tuned_out


@dataclass(frozen=True)
class FollowUps:
    """One message and its follow-ups, ``days_between`` days apart, to acquaintances who have
    not replied: what they do to each contact's warmth (lesson 01's rule)."""

    messages: int
    days_between: float
    ordinary: float  # a typical acquaintance's warmth before the first message
    typical_warmth: float  # a typical acquaintance (sensitivity 1), after the last message
    typical_tuned_out: bool
    warmth: np.ndarray  # per simulated acquaintance, after the last message
    tuned_out: np.ndarray  # per simulated acquaintance

    @property
    def share_tuned_out(self) -> float:
        return float(self.tuned_out.mean())


def follow_ups(world: World | None = None, messages: int = 2, days_between: float = 7, *,
               contacts: int = 1_000, seed: int = 2011) -> FollowUps:
    """:func:`one_contact_asks` for ``messages`` asks ``days_between`` days apart, for a
    typical acquaintance and for ``contacts`` simulated ones (as in :func:`cadences`)."""
    world = world or World()
    messages = check_whole("messages to someone who has not replied", messages, 1, 52)
    days_between = check_number("days between messages", days_between, 1, 365)
    contacts = check_whole("number of simulated contacts", contacts, 1, 1_000_000)
    when = [i * days_between / 7 for i in range(messages)]
    ordinary, sensitivity = draw_contacts(world, contacts, seed)
    typical = world.acquaintance_closeness
    typical_warmth, typical_out = one_contact_asks(world, when, typical, 1.0)
    warmth = ordinary.copy()
    tuned_out = np.zeros(contacts, bool)
    registered: list[np.ndarray] = []  # per earlier ask: did it register with each contact
    for i, now in enumerate(when):
        if i:
            warmth = ordinary + world.fade ** (now - when[i - 1]) * (warmth - ordinary)
        recent = sum((now - when[j] < world.ask_window) * registered[j] for j in range(i))
        warmth = warmth - ~tuned_out * world.ask_cost * recent * sensitivity
        registered.append(~tuned_out)
        warmth = np.clip(warmth, 0.0, 1.0)
        tuned_out = tuned_out | (warmth < world.tune_out)
    return FollowUps(messages, days_between, typical, typical_warmth, typical_out, warmth,
                     tuned_out)
