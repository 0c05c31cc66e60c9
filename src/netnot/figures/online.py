"""Figures for "Networking is not only conducted online": trust across online shares, and your
week broken down into messages, replies, conversations and written exchanges."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes

from netnot.figures.live import LiveFigure, nice_top
from netnot.models.networking import OnlineMix
from netnot.models.world import World
from netnot.style import BLUE, GREEN, ORANGE, VERMILLION

TRUST = "trust built a week"
REFERRALS = "referrals within 26 weeks"
MEASURES = (TRUST, REFERRALS)
Y_LABELS = {TRUST: "trust built a week\n(people who would vouch for you)",
            REFERRALS: "referrals within 26 weeks\n(expected number)"}
TITLES = {TRUST: "How much trust does each split build?",
          REFERRALS: "How many referrals does each split bring?"}
# the left axis jumps between these tops (a panel redrawn in place, never the whole figure)
Y_STEPS = (0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64)
PARTS = ("messages sent", "replies", "conversations\nafter a reply",
         "conversations\nfound offline", "written\nexchanges")
X_STEPS = (2, 5, 10, 15, 20, 30, 40, 60)  # the right axis jumps between these
BAR = 0.38


@dataclass(frozen=True)
class OnlineView:
    """What the lesson 03 explorer shows: the grid of online shares, your share, the measure."""

    world: World
    mix: OnlineMix
    share: float  # your online share
    measure: str  # TRUST or REFERRALS

    @property
    def values(self) -> np.ndarray:
        """The measure at every share of the grid."""
        return np.asarray(self.mix.week.warmth if self.measure == TRUST else self.mix.referrals,
                          dtype=float)

    def value(self, share: float) -> float:
        return float(self.values[self.mix.at(share)])

    def parts(self, share: float) -> np.ndarray:
        """Your week at ``share`` online: messages, replies, conversations after a reply,
        conversations found offline, written exchanges."""
        week, k = self.mix.week, self.mix.at(share)
        after_reply = float(week.replies[k] - week.written[k])
        return np.array([week.messages[k], week.replies[k], after_reply,
                         week.conversations[k] - after_reply, week.written[k]], dtype=float)


def steps_upto(steps: tuple[float, ...], most: float, room: float = 1.15) -> tuple[float, ...]:
    """The steps an axis may take, up to the first that holds ``most`` (the highest value any
    slider setting can give): the axis limits are fixed by the sliders' ranges."""
    return tuple(s for s in steps if s < most * room) + (nice_top(most, steps, room),)


def percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def amount(value: float) -> str:
    """A small expected number in words: two decimals below 10, one above."""
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def parts_text(parts: np.ndarray) -> str:
    messages, replies, after, offline, written = parts
    return (f"{messages:.1f} messages, {replies:.1f} replies, {after:.1f} conversations after a "
            f"reply, {offline:.1f} found offline and {written:.1f} written exchanges")


class OnlineFigure(LiveFigure[OnlineView]):
    """Left: trust built a week (or referrals within 26 weeks) at every online share, with your
    share, the best share and the two extremes marked. Right: your week, part by part, beside
    the week at the best share."""

    width, height, ncols = 10.4, 4.2, 2

    def __init__(self, most_parts: float, tops: dict[str, float]) -> None:
        self.most_parts = most_parts  # the longest bar any slider setting can give
        self.tops = tops  # the highest value of each measure any slider setting can give
        super().__init__()

    def build(self, left: Axes, right: Axes) -> None:
        self.left, self.right = left, right
        left.set_title(TITLES[TRUST])
        left.set_xlabel("share of networking time spent online")
        left.set_ylabel(Y_LABELS[TRUST])
        left.set_xlim(-0.04, 1.04)
        left.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%\nall offline", "25%", "50%", "75%",
                                                   "100%\nall online"])
        self.curve = self.live(left.plot([], [], color=BLUE, marker="o", ms=3, lw=1.5,
                                         label="every split")[0])
        self.yours_line = self.live(left.axvline(0, color=BLUE, ls="--", lw=1.2))
        self.yours = self.live(left.plot([], [], "o", color=BLUE, ms=10, mfc="white", mew=2.5,
                                         label="your share")[0])
        self.offline = self.live(left.plot([], [], "s", color=ORANGE, ms=9,
                                           label="all offline")[0])
        self.online = self.live(left.plot([], [], "^", color=VERMILLION, ms=10,
                                          label="all online")[0])
        self.best = self.live(left.plot([], [], "*", color=GREEN, ms=17, label="best share")[0])
        left.set_ylim(0, Y_STEPS[0])
        self.fig.legend(handles=left.get_lines()[:1] + left.get_lines()[2:],
                        loc="outside upper center", ncols=5)

        right.set_title("Your week, part by part")
        right.set_xlabel("number in one week")
        where = np.arange(len(PARTS))
        self.your_bars = right.barh(where - BAR / 2, np.zeros(len(PARTS)), BAR, color=BLUE,
                                    label="your share")
        self.best_bars = right.barh(where + BAR / 2, np.zeros(len(PARTS)), BAR, color=GREEN,
                                    label="best share")
        self.live(*self.your_bars, *self.best_bars)
        right.set_yticks(where, PARTS)
        right.invert_yaxis()
        right.set_xlim(0, X_STEPS[0])
        right.legend(loc="lower right")

    def update(self, view: OnlineView) -> None:
        shares, values, mix = view.mix.shares, view.values, view.mix
        self.curve.set_data(shares, values)
        self.yours_line.set_xdata([view.share, view.share])
        self.yours.set_data([view.share], [view.value(view.share)])
        self.offline.set_data([0.0], [values[0]])
        self.online.set_data([1.0], [values[-1]])
        self.best.set_data([mix.best_share], [view.value(mix.best_share)])
        top = nice_top(float(values.max(initial=0)), steps_upto(Y_STEPS, self.tops[view.measure]),
                       room=1.15)
        label = Y_LABELS[view.measure]
        if (top, label) != (self.left.get_ylim()[1], self.left.get_ylabel()):
            self.left.set_ylim(0, top)
            self.left.set_ylabel(label)
            self.left.set_title(TITLES[view.measure])
            self.rescale(self.left)
        yours, best = view.parts(view.share), view.parts(mix.best_share)
        for bars, widths in ((self.your_bars, yours), (self.best_bars, best)):
            for bar, width in zip(bars, widths, strict=True):
                bar.set_width(width)
        right = nice_top(max(yours.max(), best.max()), steps_upto(X_STEPS, self.most_parts))
        if right != self.right.get_xlim()[1]:
            self.right.set_xlim(0, right)
            self.rescale(self.right)

    def alt_text(self, view: OnlineView) -> str:
        mix, measure = view.mix, view.measure
        best = mix.best_share
        return (
            f"Left: {measure} against the share of {mix.hours:g} networking hours a week spent "
            f"online, from 0% to 100%. All offline: {amount(view.values[0])}; all online: "
            f"{amount(view.values[-1])}; the most, {amount(view.value(best))}, at "
            f"{percent(best)} online; your share, {percent(view.share)} online: "
            f"{amount(view.value(view.share))}. Right: your week at {percent(view.share)} "
            f"online: {parts_text(view.parts(view.share))}; at the best share: "
            f"{parts_text(view.parts(best))}."
        )
