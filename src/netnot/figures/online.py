"""Figures for "Networking is not only conducted online"."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from netnot.figures.live import LiveFigure, nice_top
from netnot.models.online import TOP, Mix
from netnot.style import BLUE, GREEN, ORANGE, VERMILLION

# advocates a week: the y-axis jumps between these steps, so it rarely moves
Y_STEPS = (0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24)
BAR_WIDTH = 0.27
CATEGORIES = [str(k) for k in range(TOP)] + [f"{TOP}+"]


def bar_heights(values: np.ndarray) -> np.ndarray:
    """Step heights for bars drawn as one step outline: each bar, then a gap of height 0."""
    return np.column_stack([values, np.zeros_like(values)]).ravel()[:-1]


def percent(share: float) -> str:
    return f"{100 * share:.0f}%"


class MixFigure(LiveFigure[Mix]):
    """Left: average advocates a week against the online share, with the two extremes, the best
    mix and your share marked. Right: how weeks vary at offline only, your share and the best."""

    width, height, ncols = 9.6, 3.6, 2

    def build(self, left: Axes, right: Axes) -> None:
        self.left = left
        left.set_title("Which split of your time makes most advocates?")
        left.set_xlabel("share of networking time spent online")
        left.set_ylabel("new advocates per week (average)")
        left.set_xlim(-0.04, 1.04)
        left.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%\noffline only", "25%", "50%", "75%",
                                                   "100%\nonline only"])
        self.curve = self.live(left.plot([], [], color=BLUE, marker="o", ms=3,
                                         label="average of 10,000 weeks")[0])
        self.yours = self.live(left.axvline(0, color=BLUE, ls="--", lw=1.5, label="your share"))
        self.offline = self.live(left.plot([], [], "s", color=ORANGE, ms=9,
                                           label="offline only")[0])
        self.online = self.live(left.plot([], [], "^", color=VERMILLION, ms=9,
                                          label="online only")[0])
        self.best = self.live(left.plot([], [], "*", color=GREEN, ms=16, label="best mix")[0])
        left.set_ylim(0, 1)
        # One legend above both panels, so that moving lines and bars never hide it. The bars
        # use the markers' colours: orange offline only, blue your share, green best mix.
        self.fig.legend(handles=left.get_lines(), loc="outside upper center", ncols=3)

        right.set_title("How much single weeks vary")
        right.set_xlabel("new advocates in a week (colours as in the legend)")
        right.set_ylabel("% of simulated weeks")
        where = np.arange(TOP + 1)
        self.bars = []  # one filled step outline per series: fewer artists, faster redraws
        for offset, colour, label in ((-1, ORANGE, "offline only"), (0, BLUE, "your share"),
                                      (1, GREEN, "best mix")):
            middle = where + offset * BAR_WIDTH
            edges = np.column_stack([middle - BAR_WIDTH / 2, middle + BAR_WIDTH / 2]).ravel()
            self.bars.append(self.live(right.stairs(np.zeros(edges.size - 1), edges, fill=True,
                                                    color=colour, label=label)))
        right.set_xticks(where, CATEGORIES)
        right.set_ylim(0, 102)

    def update(self, result: Mix) -> None:
        mean = result.mean
        shares = result.shares
        self.curve.set_data(shares, mean)
        self.yours.set_xdata([result.online_share, result.online_share])
        self.offline.set_data([shares[0]], [mean[0]])
        self.online.set_data([shares[-1]], [mean[-1]])
        best = result.best_index
        self.best.set_data([shares[best]], [mean[best]])
        top = nice_top(float(mean.max()), Y_STEPS, room=1.15)
        if top != self.left.get_ylim()[1]:
            self.left.set_ylim(0, top)
            self.rescale()
        for bars, share in zip(self.bars, (0.0, result.online_share, result.best_share),
                               strict=True):
            bars.set_data(bar_heights(100 * result.distribution(share)))

    def alt_text(self, result: Mix) -> str:
        mean = result.mean
        yours = result.index(result.online_share)
        best = result.best_index
        return (
            f"Left: average new advocates per week against the share of networking time spent "
            f"online, from {result.advocates.shape[0]:,} simulated weeks. Offline only: "
            f"{mean[0]:.2f}; online only: {mean[-1]:.2f}; best mix: {percent(result.best_share)} "
            f"online with {mean[best]:.2f}; your share, {percent(result.online_share)} online: "
            f"{mean[yours]:.2f}. Right: share of weeks with no new advocate: "
            f"{percent(result.share_with_none(0.0))} offline only, "
            f"{percent(result.share_with_none(result.online_share))} at your share, "
            f"{percent(result.share_with_none(result.best_share))} at the best mix."
        )
