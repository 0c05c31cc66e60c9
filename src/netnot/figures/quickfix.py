"""Figures for "Networking is not a quick fix"."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from netnot.figures.live import LiveFigure, nice_top
from netnot.models.quickfix import STEADY_CHANNEL, ReferralTimes
from netnot.style import BLUE, GREY, ORANGE, VERMILLION

Y_STEPS = (2, 5, 10, 20, 50, 100)  # percent: the y-axis jumps between these, so it rarely moves


class WaitingFigure(LiveFigure[ReferralTimes]):
    """Left: when the first referral arrives. Right: the weekly chance, maturing over time."""

    ncols = 2

    def build(self, left: Axes, right: Axes) -> None:
        self.left, self.right = left, right
        left.set_title("When does the first referral arrive?")
        left.set_xlabel("week of job search")
        left.set_ylabel("% of simulated job seekers")
        self.bars = self.live(left.stairs([0.0], [0.5, 1.5], fill=True, color=BLUE, alpha=0.85,
                                          label="first referral"))
        self.median_line = self.live(left.axvline(0, color=ORANGE, lw=2.5, label="median"))
        left.axvline(2, color=VERMILLION, ls=":", lw=2, label="the hoped-for 2 weeks")
        left.legend(loc="upper right")

        right.set_title("Weekly chance of a referral")
        right.set_xlabel("week of job search")
        right.set_ylabel("% chance that week")
        self.yours = self.live(right.plot([], [], color=BLUE, label="your settings")[0])
        self.scratch = self.live(right.plot([], [], color=GREY, ls="--",
                                            label="starting from scratch")[0])
        right.axhline(100 * STEADY_CHANNEL, color=ORANGE, lw=2,
                      label=f"a steady channel ({100 * STEADY_CHANNEL:g}%, illustrative)")
        right.legend(loc="upper left")
        for axes in (left, right):  # whole-number ticks, laid out for the widest label ("100")
            axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
            axes.set_ylim(0, Y_STEPS[-1])
        self.horizon = 0

    def update(self, result: ReferralTimes) -> None:
        horizon = result.horizon
        counts = np.bincount(result.weeks[np.isfinite(result.weeks)].astype(int),
                             minlength=horizon + 1)[1:]
        percent = 100 * counts / result.weeks.size
        self.bars.set_data(percent, np.arange(horizon + 1) + 0.5)
        weeks = np.arange(1, horizon + 1)
        self.yours.set_data(weeks, 100 * result.weekly_chance)
        self.scratch.set_data(weeks, 100 * result.weekly_chance_from_scratch)

        top_left = nice_top(percent.max(initial=0), Y_STEPS)
        top_right = nice_top(100 * max(result.weekly_chance.max(), STEADY_CHANNEL), Y_STEPS)
        if (horizon, top_left, top_right) != (self.horizon, self.left.get_ylim()[1],
                                              self.right.get_ylim()[1]):
            self.horizon = horizon
            self.left.set_xlim(0, horizon + 1)
            self.right.set_xlim(0, horizon + 1)
            self.left.set_ylim(0, top_left)
            self.right.set_ylim(0, top_right)
            self.rescale()

        # (Numbers go in the summary line and the alt text: text is slow to redraw.)
        median = result.median
        self.median_line.set_visible(bool(np.isfinite(median)))
        if np.isfinite(median):
            self.median_line.set_xdata([median, median])

    def alt_text(self, result: ReferralTimes) -> str:
        median = f"week {result.median:g}" if np.isfinite(result.median) else "beyond the horizon"
        chance = 100 * result.weekly_chance
        return (
            f"Left: histogram of the week of the first referral for {result.weeks.size:,} "
            f"simulated job seekers. Median {median}; {100 * result.share_by(2):.1f}% had one "
            f"within 2 weeks; {100 * result.share_none:.0f}% had none within {result.horizon} "
            f"weeks. Right: the weekly chance of a referral goes from {chance[0]:.1f}% in week 1 "
            f"to {chance[-1]:.1f}% in week {result.horizon}, against a steady "
            f"{100 * STEADY_CHANNEL:g}% channel."
        )
