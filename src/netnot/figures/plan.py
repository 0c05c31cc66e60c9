"""Figure for lesson 06: the plan's weekly hours and what that mix may do."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from netnot import style
from netnot.figures.live import LiveFigure
from netnot.models.plan import MIXES, PLAN_WEEKS, MixResult
from netnot.models.world import STRATEGIES

LOOK = {  # colour and line style, so that the curves differ without colour too
    "your mix": (style.BLUE, "-", 2.6),
    "all on your biggest strategy": (style.VERMILLION, (0, (1, 1.5)), 1.8),
    "spread evenly": (style.GREEN, (0, (6, 2)), 1.8),
}
SHORT = {"all on your biggest strategy": "all on your biggest"}
MOST_HOURS = 15  # the hours sliders' top


class PlanFigure(LiveFigure[MixResult]):
    """Left: hours a week per strategy. Right: share still without an offer, by week."""

    width, height, ncols = 9.0, 3.2, 2
    horizon = 26

    def build(self, bars: Axes, curves: Axes) -> None:
        bars.set(xlim=(0, MOST_HOURS), xlabel="hours a week", title="Your weekly mix")
        rows = np.arange(len(STRATEGIES))[::-1]
        self.bars = bars.barh(rows, np.zeros(len(STRATEGIES)), color=style.BLUE, height=0.6)
        bars.set_yticks(rows, STRATEGIES)
        self.live(*self.bars)
        curves.set(xlim=(0, self.horizon), ylim=(0, 1.02), xlabel="week",
                   ylabel="still without an offer", title="What the mix may do")
        curves.yaxis.set_major_formatter(lambda y, _: f"{y:.0%}")
        curves.axvline(PLAN_WEEKS, color=style.GREY, lw=1, linestyle=":")
        curves.text(PLAN_WEEKS + 0.3, 0.97, "end of your\nsix-week plan", fontsize="x-small",
                    color=style.GREY, va="top")
        self.lines = {}
        for name in MIXES:
            colour, dashes, width = LOOK[name]
            (line,) = curves.step([], [], where="post", color=colour, linestyle=dashes, lw=width,
                                  label=SHORT.get(name, name))
            self.lines[name] = self.live(line)
        curves.legend(loc="lower left", fontsize="small", frameon=False)

    def update(self, result: MixResult) -> None:
        for bar, hours in zip(self.bars, result.hours, strict=True):
            bar.set_width(min(hours, MOST_HOURS))
        for name, line in self.lines.items():
            line.set_data(result.weeks, result.still_searching[name])

    def alt_text(self, result: MixResult) -> str:
        hours = ", ".join(f"{name} {h:g} h" for name, h in zip(STRATEGIES, result.hours,
                                                               strict=True))
        on_one = f" ({result.biggest}, {result.on_one_hours:g} h)"
        shares = "; ".join(
            f"{name}{on_one if name == MIXES[1] else ''}: "
            f"{result.by_week_6[name]:.0%} with an offer by week {PLAN_WEEKS}, "
            f"{1 - curve[-1]:.0%} by week {len(curve) - 1}"
            for name, curve in result.still_searching.items())
        return (f"Left: your weekly hours ({hours}), with {result.in_person_percent}% of the "
                "networking time in person or by voice. Right: the share of simulated seekers "
                "still without an offer, week by week, for three ways to spend the same hours. "
                f"{shares}.")
