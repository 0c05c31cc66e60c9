"""Figures for lesson 05: every patience at once, and the learner's rule week by week."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes

from netnot import style
from netnot.figures.live import LiveFigure, nice_top
from netnot.models.policies import PATIENCES, SIGNALS, PatienceGrid, Reading, fastest, read

KEEP_LABEL = "keep your mix"
RASH_LABEL = "move hours after every week without an interview"
JUDGED = {"early signals": "networking judged by its early signals",
          "interviews": "judged by interviews only"}
LOOK = {  # colour, line style and marker: the rules differ without colour too
    "early signals": (style.BLUE, "-", "o"),
    "interviews": (style.ORANGE, (0, (4, 2)), "s"),
    KEEP_LABEL: (style.GREEN, (0, (6, 2, 1, 2)), ""),
    RASH_LABEL: (style.VERMILLION, (0, (1, 1.5)), ""),
}
SHORT = {"early signals": "your k, networking by early signals",
         "interviews": "your k, by interviews only",
         RASH_LABEL: "after every week without an interview"}
TOPS = (20.0, 25.0, 30.0, 40.0, 50.0, 60.0)  # the left panel's height jumps between these
MARKED_WEEK = 26  # the alt text reads the right panel at this week


def describe_week(value: float, horizon: int) -> str:
    return f"over {horizon}" if math.isinf(value) else f"{value:.0f}"


@dataclass(frozen=True)
class RuleView:
    """What lesson 05's explorer shows: the grid for one scenario and start, read at the
    learner's patience and way of judging (lookups only)."""

    grid: PatienceGrid
    patience: int
    judge_by: str
    start: str
    scenario: str
    keep: Reading
    rules: dict[str, Reading]  # both ways of judging at the learner's patience
    rash: Reading  # move hours after every week without an interview
    best: Reading  # the fastest switching rule on the grid
    curves: dict[str, np.ndarray]  # average weeks at every patience, per way of judging

    @classmethod
    def of(cls, grid: PatienceGrid, patience: int, judge_by: str, start: str,
           scenario: str) -> RuleView:
        rules = {judge: read(grid, judge, patience) for judge in SIGNALS}
        if judge_by not in rules:
            read(grid, judge_by, patience)  # raises the clear message
        return cls(grid, patience, judge_by, start, scenario, read(grid), rules,
                   read(grid, "interviews", 1), fastest(grid),
                   {judge: grid.curve(judge) for judge in SIGNALS})

    @property
    def mine(self) -> Reading:
        return self.rules[self.judge_by]

    @property
    def other(self) -> Reading:
        return self.rules[next(j for j in SIGNALS if j != self.judge_by)]

    @property
    def horizon(self) -> int:
        return self.grid.comparison.horizon


def rule_label(reading: Reading) -> str:
    """A rule in words, for tables and alt text."""
    if reading.patience is None:
        return KEEP_LABEL
    weeks = f"{reading.patience} week{'s' if reading.patience > 1 else ''}"
    return f"move hours after {weeks} without a signal, {JUDGED[reading.judge_by or '']}"


class RulesFigure(LiveFigure[RuleView]):
    """Left: average weeks searching at every patience, for both ways of judging, with keeping
    your mix as a line and your patience marked. Right: the share still searching, week by
    week, for your patience judged both ways, keeping your mix, and moving after every quiet
    week."""

    width, height, ncols = 10.0, 3.6, 2
    horizon = 52

    def build(self, grid: Axes, weekly: Axes) -> None:
        grid.set(xlim=(0.5, PATIENCES[-1] + 0.5), ylim=(0, TOPS[0]),
                 xlabel="k: weeks without a signal before moving hours",
                 ylabel="average weeks searching", title="Every patience, two ways of judging")
        grid.set_xticks(PATIENCES)
        self.curves = {}
        for judge in SIGNALS:
            colour, dashes, marker = LOOK[judge]
            (line,) = grid.plot([], [], color=colour, linestyle=dashes, marker=marker, ms=4,
                                label=JUDGED[judge])
            self.curves[judge] = self.live(line)
        colour, dashes, _ = LOOK[KEEP_LABEL]
        self.keep_line = self.live(grid.axhline(0, color=colour, linestyle=dashes, lw=2,
                                                label=KEEP_LABEL))
        (self.chosen,) = grid.plot([], [], "o", ms=13, mfc="none", mec="black", mew=1.5)
        self.live(self.chosen)
        grid.legend(loc="lower right", fontsize="small", frameon=False)

        weekly.set(xlim=(0, self.horizon), ylim=(0, 1.02), xlabel="week of the search",
                   ylabel="share still searching", title="Your patience, week by week")
        weekly.yaxis.set_major_formatter(lambda y, _: f"{y:.0%}")
        self.lines = {}
        for name in (*SIGNALS, KEEP_LABEL, RASH_LABEL):
            colour, dashes, _ = LOOK[name]
            label = SHORT.get(name, name)
            (line,) = weekly.step([], [], where="post", color=colour, linestyle=dashes, lw=1.6,
                                  label=label)
            self.lines[name] = self.live(line)
        weekly.text(2, 0.06, "thick line: your rule", fontsize="small")
        weekly.legend(loc="upper right", fontsize="small", frameon=False)

    def update(self, view: RuleView) -> None:
        peak = max(float(np.max(c)) for c in view.curves.values())
        top = nice_top(max(peak, view.keep.mean_weeks), TOPS)
        grid_axes = self.axes[0]
        if grid_axes.get_ylim()[1] != top:
            grid_axes.set_ylim(0, top)
            self.rescale(grid_axes)
        for judge, line in self.curves.items():
            line.set_data(PATIENCES, view.curves[judge])
            line.set_linewidth(3.0 if judge == view.judge_by else 1.4)
        self.keep_line.set_ydata([view.keep.mean_weeks] * 2)
        self.chosen.set_data([view.patience], [view.mine.mean_weeks])

        weeks = np.arange(view.horizon + 1)
        for judge in SIGNALS:
            self.lines[judge].set_data(weeks, view.rules[judge].still_searching)
            self.lines[judge].set_linewidth(3.0 if judge == view.judge_by else 1.4)
        self.lines[KEEP_LABEL].set_data(weeks, view.keep.still_searching)
        self.lines[RASH_LABEL].set_data(weeks, view.rash.still_searching)

    def alt_text(self, view: RuleView) -> str:
        curves = "; ".join(
            f"{JUDGED[j]}, from {view.curves[j][0]:.1f} weeks at k = 1 to "
            f"{view.curves[j][-1]:.1f} at k = {PATIENCES[-1]}" for j in SIGNALS)
        week = min(MARKED_WEEK, view.horizon)
        still = "; ".join(
            f"{label} {reading.still_searching[week]:.0%}" for label, reading in (
                ("your rule", view.mine), (f"the same patience, {JUDGED[view.other.judge_by]}",
                                           view.other),
                (KEEP_LABEL, view.keep), (RASH_LABEL, view.rash)))
        return (
            f"Two panels for {view.scenario}, starting from "
            f"{'an even mix' if view.start == 'even' else 'one strategy'}. Left: average weeks "
            f"searching for every patience k: {curves}. Keeping your mix: "
            f"{view.keep.mean_weeks:.1f} weeks. Your rule (k = {view.patience}, "
            f"{JUDGED[view.judge_by]}): {view.mine.mean_weeks:.1f} weeks. Right: the share "
            f"still searching, week by week; after {week} weeks: {still}.")
