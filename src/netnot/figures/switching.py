"""Figures for the switching lesson: how long each switching policy takes to a first offer."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection

from netnot import style
from netnot.figures.live import LiveFigure
from netnot.models.switching import BASELINES, LABELS, YOUR_RULE, SwitchingResult

LOOK = {  # colour and line style, so that the policies differ without colour too
    "stick": (style.VERMILLION, (0, (1, 1.5))),
    "every silent week": (style.ORANGE, (0, (4, 2))),
    "after k silent weeks": (style.SKY, (0, (6, 2, 1, 2))),
    "evidence": (style.BLUE, "-"),
    "evidence + steady networking": (style.GREEN, (0, (8, 2))),
    YOUR_RULE: (style.PINK, "-"),
}


def describe_week(value: float, horizon: int) -> str:
    return f"over {horizon}" if math.isinf(value) else f"{value:.0f}"


SHORT = {"every silent week": "switch every silent week",
         "after k silent weeks": "switch after k silent weeks",
         "evidence + steady networking": "evidence + networking"}


class SwitchingFigure(LiveFigure[SwitchingResult]):
    """Left: share still without an offer, week by week. Right: the spread of weeks to a first
    offer per policy (10-90% thin, 25-75% thick, median dot)."""

    width, height, ncols = 9.0, 3.3, 2
    horizon = 52

    def __init__(self, with_rule: bool = False) -> None:
        self.policies = BASELINES + ((YOUR_RULE,) if with_rule else ())
        super().__init__()

    def build(self, curves: Axes, spread: Axes) -> None:
        end = self.horizon + 1
        curves.set(xlim=(0, self.horizon), ylim=(0, 1.02), xlabel="week of the search",
                   ylabel="share still without an offer",
                   title="Still searching, week by week")
        curves.yaxis.set_major_formatter(lambda y, _: f"{y:.0%}")
        self.lines = {}
        for policy in self.policies:
            colour, dashes = LOOK[policy]
            (line,) = curves.step([], [], where="post", color=colour, linestyle=dashes, lw=2,
                                  label=LABELS[policy])
            self.lines[policy] = self.live(line)
        curves.legend(loc="upper right", fontsize="small", frameon=False)

        rows = np.arange(len(self.policies))[::-1]
        spread.set(xlim=(0, end + 1), ylim=(-0.7, len(self.policies) - 0.3),
                   xlabel=f"week of first offer (edge: none by week {self.horizon})",
                   title="Weeks to a first offer: the spread")
        spread.set_yticks(rows, [SHORT.get(p, LABELS[p]) for p in self.policies],
                          fontsize="small")
        spread.axvline(end, color=style.GREY, lw=1, linestyle=":")
        colours = [LOOK[p][0] for p in self.policies]
        self.whiskers = self.live(spread.add_collection(LineCollection([], colors=colours, lw=1.5)))
        self.boxes = self.live(spread.add_collection(
            LineCollection([], colors=colours, lw=7, capstyle="butt")))
        (self.medians,) = spread.plot([], [], "o", color="white", mec="black", ms=6)
        self.live(self.medians)
        self.rows = dict(zip(self.policies, rows, strict=True))

    def update(self, result: SwitchingResult) -> None:
        weeks = np.arange(result.horizon + 1)
        end = result.horizon + 1
        whiskers, boxes, medians, rows = [], [], [], []
        for policy in self.policies:
            present = policy in result.policies
            self.lines[policy].set_visible(present)
            row = self.rows[policy]
            if not present:  # keep the colours in step with the rows: draw nothing there
                whiskers.append([(0, row), (0, row)])
                boxes.append([(0, row), (0, row)])
                continue
            self.lines[policy].set_data(weeks, result.still_searching(policy))
            spread = result.percentiles(policy, (10, 25, 50, 75, 90))
            p10, p25, p50, p75, p90 = np.minimum(spread, end)
            whiskers.append([(p10, row), (p90, row)])
            boxes.append([(p25, row), (p75, row)])
            medians.append(p50)
            rows.append(row)
        self.whiskers.set_segments(whiskers)
        self.boxes.set_segments(boxes)
        self.medians.set_data(medians, rows)

    def alt_text(self, result: SwitchingResult) -> str:
        parts = [
            f"{LABELS[p]}: median {describe_week(result.median(p), result.horizon)} weeks, "
            f"{result.share_none(p):.0%} without an offer after {result.horizon} weeks"
            for p in result.policies
        ]
        return (
            f"Two panels for {result.weeks.shape[1]:,} simulated job seekers. Left: the share "
            "still without an offer, week by week, one line per switching policy. Right: the "
            "spread of weeks to a first offer per policy. " + "; ".join(parts) + "."
        )
