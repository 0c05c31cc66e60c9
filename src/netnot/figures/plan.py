"""Figure for lesson 06: the plan's weekly hours and what that mix may do."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from netnot import style
from netnot.figures.live import LiveFigure
from netnot.models.plan import STRATEGIES, MixResult

MIXES = {  # colour and line style, so that the curves differ without colour too
    "your mix": (style.BLUE, "-"),
    "all on your biggest strategy": (style.VERMILLION, (0, (1, 1.5))),
    "spread evenly": (style.GREEN, (0, (6, 2))),
}


class PlanFigure(LiveFigure[MixResult]):
    """Left: hours a week per strategy. Right: share still without an offer, by week."""

    width, height, ncols = 9.0, 3.2, 2
    horizon = 26

    def build(self, bars: Axes, curves: Axes) -> None:
        bars.set(xlim=(0, 15), xlabel="hours a week", title="Your weekly mix")
        rows = np.arange(len(STRATEGIES))[::-1]
        self.bars = bars.barh(rows, np.zeros(len(STRATEGIES)), color=style.BLUE, height=0.6)
        bars.set_yticks(rows, STRATEGIES)
        self.live(*self.bars)
        curves.set(xlim=(0, self.horizon), ylim=(0, 1.02), xlabel="week",
                   ylabel="still without an offer", title="What the mix may do")
        curves.yaxis.set_major_formatter(lambda y, _: f"{y:.0%}")
        curves.axvline(6, color=style.GREY, lw=1, linestyle=":")
        curves.text(6.3, 0.05, "end of your\nsix-week plan", fontsize="x-small", color=style.GREY)
        self.lines = {}
        for name, (colour, dashes) in MIXES.items():
            (line,) = curves.plot([], [], color=colour, linestyle=dashes, label=name)
            self.lines[name] = self.live(line)
        curves.legend(loc="upper right", fontsize="small")

    def update(self, result: MixResult) -> None:
        for bar, hours in zip(self.bars, result.hours, strict=True):
            bar.set_width(min(hours, 15))
        for name, line in self.lines.items():
            line.set_data(result.weeks, result.still_searching[name])

    def alt_text(self, result: MixResult) -> str:
        hours = ", ".join(f"{name} {h:g} h" for name, h in zip(STRATEGIES, result.hours,
                                                               strict=True))
        shares = "; ".join(
            f"{name}: {result.by_week_6[name]:.0%} with an offer by week 6, "
            f"{1 - curve[-1]:.0%} by week {len(curve) - 1}"
            for name, curve in result.still_searching.items())
        return (f"Left: your weekly hours ({hours}). Right: the share of simulated seekers still "
                "without an offer, week by week, for three ways to spend the same hours. "
                f"{shares}.")
