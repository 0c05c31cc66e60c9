"""Networking in the world: how an hour of networking turns into trust, and trust into referrals.

Read the first two functions: they are the whole idea, for one person, one week at a time.

1. :func:`one_week` spends a week's networking hours. Online time buys short messages to people
   on the site; a reply opens a door to a live conversation (a call or a coffee) if there is live
   time left, and otherwise stays a written exchange. Live time without an online door goes to
   meeting people offline, which takes longer per conversation. Every hour of live conversation
   adds ``1 / vouch_hours`` to the *warmth* of your network (in "people who would vouch for you");
   a written exchange adds less (``text_hours``).
2. :func:`one_search` follows that warmth week by week. Warmth built by networking fades without
   contact (``fade_weeks``) and is split between kinds of ties (close ties, acquaintances, distant
   ties, new people). Each week, each warm contact hears of an opening that would suit you with
   chance ``opening_chance``, and it is news to you with a chance that falls with how close they
   are (``novelty``). Contacts who know you are looking pass it on: a referral.

The rest of the module does the same for many people at once (numpy arrays), and is tested equal
to these two functions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from netnot.models.world import KINDS, World
from netnot.params import check_number, check_whole


@dataclass(frozen=True)
class Week:
    """What one week of networking does (expected numbers)."""

    messages: float  # short messages sent online (all fields: numbers, or arrays of them)
    replies: float  # replies to them
    conversations: float  # live conversations held: after a reply, or found offline
    written: float  # replies that stayed written exchanges (no live time left)
    warmth: float  # warmth added, in people who would vouch for you


def one_week(world: World, hours: float, online_share: float, responsiveness: float = 1.0) -> Week:
    """One week of ``hours`` of networking, ``online_share`` of it online.

    ``responsiveness`` scales how often people reply to you and how easily you find
    conversations offline (1 for a typical person). Works on numbers and, unchanged, on numpy
    arrays of hours and responsiveness (many people at once)."""
    online_minutes = online_share * hours * 60
    live_minutes = (1 - online_share) * hours * 60
    on_site = world.people_per_week * world.on_site_share  # people you can message this week
    messages = np.minimum(online_minutes / world.message_minutes, on_site)
    replies = messages * world.reply_rate * responsiveness
    met = np.minimum(replies, live_minutes / world.meeting_minutes)  # doors you walk through
    offline = (live_minutes - met * world.meeting_minutes) / world.offline_minutes
    offline = offline * responsiveness
    written = replies - met
    live_hours = (met + offline) * world.meeting_minutes / 60
    warmth = (live_hours + written * world.text_hours) / world.vouch_hours
    return Week(messages, replies, met + offline, written, warmth)


def one_search(world: World, warmth_per_week: float, weeks: int, head_start: int = 0,
               placement: float = 1.0) -> list[float]:
    """Expected referrals in each of ``weeks`` weeks for one person who adds
    ``warmth_per_week`` to their network every week (and did so for ``head_start`` weeks
    before the search). ``placement`` scales how often their contacts hear of openings."""
    kinds, shares = world.kinds(), world.time_shares()
    built = {kind: 0.0 for kind in KINDS}  # warmth built by networking, per kind of tie

    def grow() -> None:
        for kind in KINDS:
            room = kinds[kind].count * (1 - kinds[kind].closeness)  # nobody gets warmer than 1
            built[kind] = min(room, built[kind] * world.fade + warmth_per_week * shares[kind])

    for _ in range(head_start):
        grow()
    referrals = []
    for _ in range(weeks):
        grow()
        rate = 0.0
        for kind in KINDS:
            tie = kinds[kind]
            ordinary = tie.count * tie.closeness if tie.told else 0.0  # warmth from everyday life
            rate += world.novelty(tie.closeness) * (ordinary + built[kind])
        referrals.append(world.opening_chance * placement * rate)
    return referrals


# --- the same for many people at once -----------------------------------------------------


@dataclass(frozen=True)
class Ties:
    """The kinds of ties as arrays, in the order of KINDS, for the vectorised functions."""

    room: np.ndarray  # most warmth networking can add to each kind
    share: np.ndarray  # share of networking time with each kind
    novelty: np.ndarray
    ordinary: float  # novelty-weighted everyday warmth of the ties who know you are looking

    @classmethod
    def of(cls, world: World) -> Ties:
        kinds, shares = world.kinds(), world.time_shares()
        room = np.array([kinds[k].count * (1 - kinds[k].closeness) for k in KINDS])
        novelty = np.array([world.novelty(kinds[k].closeness) for k in KINDS])
        ordinary = sum(world.novelty(kinds[k].closeness) * kinds[k].count * kinds[k].closeness
                       for k in KINDS if kinds[k].told)
        return cls(room, np.array([shares[k] for k in KINDS]), novelty, float(ordinary))


def grow(world: World, ties: Ties, built: np.ndarray, warmth: np.ndarray) -> np.ndarray:
    """One week: built warmth (kinds, people) fades, then this week's ``warmth`` (people) is
    added, split between the kinds; nobody gets warmer than 1."""
    added = ties.share[:, None] * warmth[None, :]
    return np.minimum(ties.room[:, None], built * world.fade + added)


def referral_rate(world: World, ties: Ties, built: np.ndarray, placement: np.ndarray
                  ) -> np.ndarray:
    """Expected referrals this week per person, from built warmth (kinds, people)."""
    return world.opening_chance * placement * (ties.ordinary + ties.novelty @ built)


def referral_paths(world: World, warmth_per_week: np.ndarray, weeks: int,
                   head_start: int = 0, placement: np.ndarray | None = None) -> np.ndarray:
    """:func:`one_search` for many people: (weeks, people) expected referrals a week."""
    warmth = np.atleast_1d(np.asarray(warmth_per_week, dtype=float))
    placement = np.ones_like(warmth) if placement is None else np.asarray(placement, float)
    ties = Ties.of(world)
    built = np.zeros((len(KINDS), warmth.size))
    for _ in range(head_start):
        built = grow(world, ties, built, warmth)
    out = np.empty((weeks, warmth.size))
    for week in range(weeks):
        built = grow(world, ties, built, warmth)
        out[week] = referral_rate(world, ties, built, placement)
    return out


def first_events(world: World, steady: np.ndarray, gain: np.ndarray, placement: np.ndarray,
                 per_referral: float, threshold: np.ndarray, horizon: int, head_start: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Week of each person's first event (an offer, or a referral with ``steady=0`` and
    ``per_referral=1``): the first week in which their chances, added up, reach ``threshold``;
    and the share of that week's chance that came through contacts. ``steady`` is each person's
    weekly chance from other strategies, ``gain`` the warmth their networking adds a week.

    Because a person's networking adds the same warmth every week, the warmth of each kind of
    tie after t weeks is min(room, gain x share x (1 - fade^t) / (1 - fade)) (the sum of a
    fading series), so the chances can be added up without a week-by-week loop."""
    ties = Ties.of(world)
    t = np.arange(1, horizon + 1) + head_start
    grown = -np.expm1(t * np.log(world.fade)) / (1 - world.fade)  # (1 - fade^t) / (1 - fade)
    summed = np.concatenate([[0.0], np.cumsum(grown)])  # summed[j]: grown[0] + ... + grown[j-1]
    scale = world.opening_chance * placement * per_referral
    pace = [gain * share for share in ties.share]  # warmth added a week to each kind
    # the week index from which a kind of tie stays at its ceiling (horizon: never)
    full = [np.searchsorted(grown, np.divide(room, p, out=np.full(p.shape, np.inf),
                                             where=p > 0))
            for room, p in zip(ties.room, pace, strict=True)]

    # kinds that never reach their ceiling within the horizon add up in one linear term
    capped = [k for k, f in enumerate(full) if f.min(initial=horizon) < horizon]
    free = sum(ties.novelty[k] * ties.share[k] for k in range(len(full)) if k not in capped)

    def via_up_to(j: np.ndarray) -> np.ndarray:
        """Chance through contacts added up over weeks 0..j (arrays of week indexes)."""
        total = ties.ordinary * (j + 1) + free * gain * summed[j + 1]
        for k in capped:
            novelty, room, p, f = ties.novelty[k], ties.room[k], pace[k], full[k]
            below = p * summed[np.minimum(j, f - 1) + 1]
            total = total + novelty * np.where(j < f, below, below + room * (j - f + 1))
        return scale * total

    def via_in(j: np.ndarray) -> np.ndarray:
        """Chance through contacts in week index j."""
        warmth = sum(novelty * np.minimum(room, p * grown[j])
                     for novelty, room, p in zip(ties.novelty, ties.room, pace, strict=True))
        return scale * (ties.ordinary + warmth)

    low, high = np.zeros(steady.size, int), np.full(steady.size, horizon)
    while np.any(low < high):  # first j with steady (j+1) + via_up_to(j) >= threshold
        middle = np.minimum((low + high) // 2, horizon - 1)
        below = steady * (middle + 1) + via_up_to(middle) < threshold
        active = low < high
        low = np.where(active & below, middle + 1, low)
        high = np.where(active & ~below, middle, high)
    via = via_in(np.minimum(low, horizon - 1))
    weeks = np.where(low < horizon, low + 1.0, np.inf)
    return weeks, via / np.maximum(steady + via, 1e-300)


@dataclass(frozen=True)
class Referrals:
    """Simulated weeks to a first referral for people who network the same hours every week."""

    weeks: np.ndarray  # per person: week of the first referral (inf: none within the horizon)
    weekly_chance: np.ndarray  # (horizon,) chance of a referral each week, typical person
    from_scratch: np.ndarray  # the same with no head start and nobody told in advance
    horizon: int

    @property
    def median(self) -> float:
        return float(np.median(self.weeks))

    def share_by(self, week: float) -> float:
        """Share of people with a first referral by the end of ``week``."""
        return float(np.mean(self.weeks <= week))


def first_referrals(world: World | None = None, hours: float = 3.0, head_start: int = 0, *,
                    horizon: int = 52, people: int = 10_000, seed: int = 2011) -> Referrals:
    """When the first referral comes, for ``people`` who network ``hours`` a week (and did so
    for ``head_start`` weeks before they started looking)."""
    from netnot.models.search import draw_fits  # the same people as a whole search

    world = world or World()
    hours = check_number("networking hours a week", hours, 0, 40)
    head_start = check_whole("weeks of networking before the search", head_start, 0, 260)
    horizon = check_whole("weeks to simulate", horizon, 1, 520)
    people = check_whole("number of simulated people", people, 1, 1_000_000)
    rng = np.random.default_rng(check_whole("seed", seed, 0, 2**32 - 1))
    fits = draw_fits(world, people, rng)
    threshold = rng.exponential(size=people)
    gain = np.asarray(one_week(world, hours, world.online_share, fits[3]).warmth, float)
    weeks, _ = first_events(world, np.zeros(people), gain, fits[4], 1.0, threshold, horizon,
                            head_start)
    typical = float(one_week(world, hours, world.online_share).warmth)
    rate = np.array(one_search(world, typical, horizon, head_start))
    scratch = np.array(one_search(world.changed(told_network=0), typical, horizon))
    return Referrals(weeks, -np.expm1(-rate), -np.expm1(-scratch), horizon)


# --- lesson views -------------------------------------------------------------------------

SHARES = np.round(np.linspace(0.0, 1.0, 21), 2)  # online shares 0, 5%, ..., 100%


@dataclass(frozen=True)
class OnlineMix:
    """One week of networking at every online share on a grid, and what it leads to."""

    shares: np.ndarray
    week: Week  # arrays over the shares
    referrals: np.ndarray  # expected referrals within ``weeks`` weeks, at each share
    weeks: int
    hours: float

    def at(self, share: float) -> int:
        """Grid position of ``share`` (rounded to the nearest 5%)."""
        return int(np.argmin(np.abs(self.shares - share)))

    @property
    def best_share(self) -> float:
        """The online share that builds the most trust (the smaller share on a tie)."""
        return float(self.shares[int(np.argmax(np.round(self.week.warmth, 12)))])


def by_online_share(world: World | None = None, hours: float = 5.0, weeks: int = 26,
                    responsiveness: float = 1.0) -> OnlineMix:
    """:func:`one_week` at every online share of :data:`SHARES`, for a typical person, and the
    referrals that each share's weekly trust would bring within ``weeks`` weeks."""
    world = world or World()
    hours = check_number("networking hours a week", hours, 0, 40)
    weeks = check_whole("weeks", weeks, 1, 260)
    week = one_week(world, np.full(SHARES.size, hours), SHARES, responsiveness)
    referrals = referral_paths(world.changed(told_network=0), week.warmth, weeks).sum(axis=0)
    return OnlineMix(SHARES.copy(), week, referrals, weeks, hours)


def tie_chance(world: World, closeness: np.ndarray, weeks: int = 26) -> np.ndarray:
    """Chance that one tie of this closeness, who knows you are looking, passes on at least one
    opening within ``weeks`` weeks, with no extra effort from you: their everyday warmth is
    their closeness, and an opening near them is news to you with chance ``novelty``."""
    closeness = np.asarray(closeness, dtype=float)
    weekly = world.opening_chance * (1 - closeness) ** world.overlap * closeness
    return -np.expm1(-weeks * weekly)


def referrals_by_kind(world: World, hours: float, weeks: int = 26) -> dict[str, float]:
    """Expected referrals within ``weeks`` weeks from each kind of tie, for a typical person who
    networks ``hours`` a week and has told close ties and acquaintances that they are looking."""
    ties = Ties.of(world)
    kinds = world.kinds()
    gain = float(one_week(world, hours, world.online_share).warmth)
    ordinary = np.array([kinds[k].count * kinds[k].closeness if kinds[k].told else 0.0
                         for k in KINDS])
    built = np.zeros(len(KINDS))
    totals = np.zeros(len(KINDS))
    for _ in range(weeks):
        built = np.minimum(ties.room, built * world.fade + ties.share * gain)
        totals += world.opening_chance * ties.novelty * (ordinary + built)
    return dict(zip(KINDS, totals.tolist(), strict=True))


# --- lesson 02 view -----------------------------------------------------------------------


def after_a_pause(world: World, hours: float, head_start: int, pause: int,
                  weeks: int = 52) -> np.ndarray:
    """Weekly chance of a referral, week by week of the search, for a typical person who
    networked ``hours`` a week for ``head_start`` weeks, then stopped for ``pause`` weeks (the
    trust they built fading) before they started looking, and networks ``hours`` a week again
    while looking. With no pause it is :func:`first_referrals`' ``weekly_chance``."""
    hours = check_number("networking hours a week", hours, 0, 40)
    head_start = check_whole("weeks of networking before the pause", head_start, 0, 260)
    pause = check_whole("weeks without networking before the search", pause, 0, 260)
    weeks = check_whole("weeks to simulate", weeks, 1, 520)
    ties = Ties.of(world)
    gain = np.array([float(one_week(world, hours, world.online_share).warmth)])
    built = np.zeros((len(KINDS), 1))
    for _ in range(head_start):
        built = grow(world, ties, built, gain)
    for _ in range(pause):
        built = grow(world, ties, built, np.zeros(1))
    rate = np.empty(weeks)
    for week in range(weeks):
        built = grow(world, ties, built, gain)
        rate[week] = referral_rate(world, ties, built, np.ones(1))[0]
    return -np.expm1(-rate)
