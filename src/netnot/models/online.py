"""Networking is not only conducted online: how should you split a week's networking time?

The story, for one week of a job search:

* You have ``hours_per_week`` for networking. A share ``online_share`` of it goes to online
  outreach (short personal messages on a site such as LinkedIn); the rest goes to live
  conversations: a call or a coffee, by voice or face to face.
* Research turns up ``names_per_week`` people worth talking to. Only some of them are on the
  site at all (each one with chance ``on_site_share``), and only those can be messaged. Once you
  have messaged all of them, extra online time (scrolling, posting) is assumed to make no
  advocates.
* Each message takes ``message_minutes`` and gets a reply with chance ``reply_rate``. A reply
  opens a door to a live conversation of ``meeting_minutes``. A reply you have no time to meet
  stays a text exchange, which makes an advocate only with chance ``text_conversion``.
* Live time left over goes to meeting people offline without an online introduction (events,
  talks, friends of friends). Finding and holding one useful conversation that way takes longer:
  ``offline_minutes`` on average. It is also the only way to reach people who are not on the site.
* Each live conversation turns the other person into an *advocate* (someone who knows you well
  enough to pass on openings and vouch for you) with chance ``conversion``.
* Conversations come whole: time for part of one becomes a whole one with that chance, so that
  on average exactly the live time is used.

Online outreach is wide and cheap but converts poorly on its own; live conversation converts
well but is slow, and slower still without a door opened first. We simulate many weeks (10,000 by
default) at every share on a grid (0%, 5%, …, 100% online). Each simulated week's luck (who is on
the site, who replies, which talks go well) is drawn once and shared by all shares (common random
numbers), so the curves are smooth and the best share is well defined for a given seed.

Defaults and where they come from (evidence brief, model 3A):

* online_share = 0.5: scenario (the learner's choice; it only moves the "your share" marker).
* hours_per_week = 5: assumption.
* on_site_share = 0.5: assumption anchored on Pew Research Center surveys, which report that
  about 30% of U.S. adults use LinkedIn: 51% of those with a bachelor's degree or more and 10% of
  those with high school or less (secondary summaries of Pew 2021 and 2024).
* reply_rate = 0.1: assumption. Anchor: strangers rarely grant requests sent by email, and
  requesters overestimate how often they will (Roghanizad & Bohns 2017, J. Exp. Soc. Psych.).
* conversion = 0.3: assumption.
* offline_minutes = 180: assumption (travel and an event to find one person worth a real talk).
* names_per_week = 30, message_minutes = 5, meeting_minutes = 60 and text_conversion = 0.1:
  assumptions (5 minutes a message and about 1 advocate per 100 messages, reply_rate times
  text_conversion, follow the evidence brief's model 3A).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from netnot.params import check_number, check_whole

SHARES = np.round(np.linspace(0.0, 1.0, 21), 2)  # the grid of online shares: 0, 0.05, ..., 1
DEFAULTS = dict(
    online_share=0.5,
    hours_per_week=5.0,
    on_site_share=0.5,
    reply_rate=0.1,
    conversion=0.3,
    offline_minutes=180,
)
TOP = 4  # distributions group 4 or more advocates in a week together


@dataclass(frozen=True)
class Mix:
    """Simulated weeks at every online share on the grid (the same weeks for every share)."""

    shares: np.ndarray  # (G,) online shares 0, 0.05, ..., 1
    advocates: np.ndarray  # (weeks, G) new advocates in each simulated week
    messages: np.ndarray  # (weeks, G) online messages sent
    replies: np.ndarray  # (weeks, G) replies: doors opened to a live conversation
    talks: np.ndarray  # (weeks, G) live conversations held (after a reply or offline)
    online_share: float  # the learner's share, rounded to the nearest 5%
    params: dict = field(default_factory=dict)

    @cached_property
    def mean(self) -> np.ndarray:
        """Average new advocates per week at each share."""
        return self.advocates.mean(axis=0)

    def index(self, share: float) -> int:
        """Grid position of ``share`` (rounded to the nearest 5%)."""
        return int(np.argmin(np.abs(self.shares - share)))

    @property
    def best_index(self) -> int:
        """Grid position of the share with the highest average (the smaller share on a tie)."""
        return int(np.argmax(self.mean))

    @property
    def best_share(self) -> float:
        """The online share that gives the most advocates per week on average."""
        return float(self.shares[self.best_index])

    def at(self, share: float) -> np.ndarray:
        """New advocates in every simulated week at one online share."""
        return self.advocates[:, self.index(share)]

    def distribution(self, share: float) -> np.ndarray:
        """Share of weeks with 0, 1, 2, 3 and 4 or more new advocates at one online share."""
        counts = np.bincount(np.minimum(self.at(share), TOP), minlength=TOP + 1)
        return counts / counts.sum()

    def share_with_none(self, share: float) -> float:
        """Share of simulated weeks with no new advocate at one online share."""
        return float(np.mean(self.at(share) == 0))


def simulate(
    online_share: float = DEFAULTS["online_share"],
    hours_per_week: float = DEFAULTS["hours_per_week"],
    on_site_share: float = DEFAULTS["on_site_share"],
    reply_rate: float = DEFAULTS["reply_rate"],
    conversion: float = DEFAULTS["conversion"],
    offline_minutes: float = DEFAULTS["offline_minutes"],
    *,
    names_per_week: int = 30,
    message_minutes: float = 5.0,
    meeting_minutes: float = 60.0,
    text_conversion: float = 0.1,
    weeks: int = 10_000,
    seed: int = 2011,
) -> Mix:
    """Simulate ``weeks`` weeks of networking at every online share on the grid :data:`SHARES`."""
    share = check_number("online share", online_share, 0, 1)
    hours = check_number("hours of networking a week", hours_per_week, 0.5, 20)
    on_site = check_number("share of your contacts on the site", on_site_share, 0, 1)
    reply = check_number("reply rate to online messages", reply_rate, 0, 1)
    convert = check_number("chance a live conversation makes an advocate", conversion, 0, 1)
    offline = check_number("minutes to find one offline conversation", offline_minutes, 60, 600)
    names = check_whole("people worth contacting each week", names_per_week, 0, 100)
    per_message = check_number("minutes per online message", message_minutes, 1, 60)
    per_meeting = check_number("minutes per live conversation", meeting_minutes, 30, 300)
    text = check_number("chance a text exchange alone makes an advocate", text_conversion, 0, 1)
    weeks = check_whole("number of simulated weeks", weeks, 1, 1_000_000)
    seed = check_whole("seed", seed, 0, 2**32 - 1)

    rng = np.random.default_rng(seed)
    budget = 60.0 * hours
    # Work in (share, week) layout: each share's weeks are contiguous, which is faster here.
    live = ((1.0 - SHARES) * budget).astype(np.float32)[:, None]  # (G, 1) live minutes
    affordable = np.floor(SHARES * budget / per_message + 1e-9).astype(np.int16)

    # Who is on the site this week, and who of them would reply, in the order you write to them.
    on_site_people = _binomial(rng, names, on_site, weeks)
    messages = np.minimum(affordable[:, None], on_site_people[None, :])
    most_messages = int(on_site_people.max(initial=0))
    answered = _running_successes(rng, weeks, most_messages, reply)
    # successes only grow with tries, so min(affordable, people) tries give the smaller count
    replies = np.minimum(answered[np.minimum(affordable, most_messages)],
                         answered[on_site_people, np.arange(weeks)][None, :])

    # Replies you can meet within your live time; the rest of that time goes offline. Time for
    # part of a conversation becomes a whole one with that chance (the week's luck), so that on
    # average exactly the live time is used. Truncation toward zero never gives a negative count.
    luck = rng.random((2, 1, weeks), dtype=np.float32)
    slots = (live / np.float32(per_meeting) + luck[0]).astype(np.int16)
    met = np.minimum(replies, slots)
    offline_talks = (live / np.float32(offline) + luck[1]
                     - np.float32(per_meeting / offline) * met).astype(np.int16)
    talks = met + offline_talks

    unmet = replies - met  # replies that stay text exchanges
    advocates = _first(_running_successes(rng, weeks, int(talks.max()), convert), talks)
    advocates += _first(_running_successes(rng, weeks, int(unmet.max()), text), unmet)

    return Mix(
        shares=SHARES.copy(),
        advocates=advocates.T,  # (weeks, G) views
        messages=messages.T,
        replies=replies.T,
        talks=talks.T,
        online_share=float(SHARES[int(np.argmin(np.abs(SHARES - share)))]),
        params=dict(
            online_share=share, hours_per_week=hours, on_site_share=on_site, reply_rate=reply,
            conversion=convert, offline_minutes=offline, names_per_week=names,
            message_minutes=per_message, meeting_minutes=per_meeting, text_conversion=text,
            weeks=weeks, seed=seed,
        ),
    )


def _binomial(rng: np.random.Generator, trials: int, chance: float, size: int) -> np.ndarray:
    """Binomial draws by inverting the exact distribution function (fast for few trials)."""
    k = np.arange(trials + 1)
    pmf = np.array([math.comb(trials, j) for j in k], dtype=float)
    pmf *= np.power(chance, k) * np.power(1.0 - chance, trials - k)
    cdf = np.cumsum(pmf)
    cdf[-1] = np.inf  # rounding must never push a draw past ``trials``
    return np.searchsorted(cdf, rng.random(size), side="right").astype(np.int16)


def _running_successes(
    rng: np.random.Generator, rows: int, trials: int, chance: float
) -> np.ndarray:
    """(trials + 1, rows): successes within the first 0, 1, ..., trials tries of each row.

    Laid out one line per number of tries, so that the running sum adds whole lines (fast)."""
    hits = (rng.random((trials, rows), dtype=np.float32) < chance).view(np.int8)
    table = np.zeros((trials + 1, rows), dtype=np.int16)
    for tries in range(trials):  # much faster than np.cumsum(axis=0) for these shapes
        np.add(table[tries], hits[tries], out=table[tries + 1])
    return table


def _first(table: np.ndarray, tries: np.ndarray) -> np.ndarray:
    """Successes within the first ``tries[g, s]`` tries of week s of a running-successes table."""
    rows = table.shape[1]
    return table.ravel()[tries.astype(np.int32) * rows + np.arange(rows, dtype=np.int32)]
