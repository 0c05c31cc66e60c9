"""Figures for "not your only option": weeks to an offer for a split of hours, and the
diminishing returns of each channel."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from netnot.figures.live import LiveFigure
from netnot.models.options import CHANNELS, PRESETS, Comparison, SearchTimes, channel_chance
from netnot.style import BLUE, GREEN, GREY, ORANGE, PINK, SKY, VERMILLION

WEEKS = 52  # the left panel shows one year
HOURS_SHOWN = 15  # the right panel's hours axis (the explorer's slider range)
BLS_MEDIAN = 10  # weeks; median completed search in 2011 (Ilg & Theodossiou 2012)
CHANNEL_COLOURS = (SKY, GREEN, PINK, VERMILLION, GREY)


def still_searching(times: SearchTimes, weeks: int = WEEKS) -> np.ndarray:
    """Share of seekers still without an offer at the end of weeks 0..weeks."""
    finite = times.weeks[times.weeks <= weeks].astype(int)
    found = np.cumsum(np.bincount(finite, minlength=weeks + 1)[: weeks + 1])
    return 1.0 - found / times.weeks.size


def weeks_text(value: float) -> str:
    """'12 weeks', or 'more than two years' for a search still going at the horizon."""
    return "more than two years" if np.isinf(value) else f"{value:.0f} weeks"


def describe(times: SearchTimes) -> str:
    """Median, middle half and one-in-ten tail of the weeks to an offer, in words."""
    return (
        f"half have an offer by week {times.median:.0f}" if np.isfinite(times.median)
        else "fewer than half have an offer within two years"
    ) + (
        f" (middle half: {weeks_text(times.percentile(25))} to {weeks_text(times.percentile(75))}; "
        f"1 in 10 still searching after {weeks_text(times.percentile(90))})"
    )


def split_text(hours: tuple[float, ...]) -> str:
    """'3 h applications, 9 h referrals' (channels with no hours left out)."""
    parts = [f"{h:g} h {name}" for name, h in zip(CHANNELS, hours, strict=True) if h > 0]
    return ", ".join(parts) or "no hours at all"


class SplitFigure(LiveFigure[Comparison]):
    """Left: share still searching, week by week, for your split and for all-in.
    Right: each channel's weekly chance of an offer against hours, with your hours marked."""

    width, height, ncols = 9.0, 3.4, 2

    def build(self, left: Axes, right: Axes) -> None:
        weeks = np.arange(WEEKS + 1)
        left.set(xlim=(0, WEEKS), ylim=(0, 1.02), xlabel="weeks since starting to search",
                 ylabel="still searching", title="When do 10,000 simulated seekers get an offer?")
        left.yaxis.set_major_formatter(PercentFormatter(1.0))
        left.axhline(0.5, color=GREY, lw=0.8, ls="--")
        left.axvline(BLS_MEDIAN, color=GREY, lw=1.2, ls=":")
        left.text(BLS_MEDIAN + 0.6, 0.97, "median completed\nsearch, 2011 (BLS)", color=GREY,
                  fontsize=8, va="top")
        self.mix_line = self.live(left.plot(weeks, np.ones_like(weeks, float), color=BLUE,
                                            label="your split")[0])
        self.all_in_line = self.live(left.plot(
            weeks, np.ones_like(weeks, float), color=ORANGE, ls="--",
            label="same hours, all on\nyour strongest channel")[0])
        self.medians = self.live(left.plot([], [], "o", color=GREY, ms=5)[0])
        left.legend(loc="upper right", bbox_to_anchor=(1.0, 0.8))

        self.hours_axis = np.linspace(0, HOURS_SHOWN, 61)
        right.set(xlim=(0, HOURS_SHOWN), xlabel="hours a week on this channel",
                  ylabel="weekly chance of an offer", title="Each channel levels off")
        right.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        self.curves, self.dots = [], []
        for name, colour in zip(CHANNELS, CHANNEL_COLOURS, strict=True):
            # the curves change only with the preset, which redraws everything (rescale)
            self.curves.append(right.plot([], [], color=colour, lw=1.6, label=name)[0])
            self.dots.append(self.live(right.plot([], [], "o", color=colour, ms=7)[0]))
        right.legend(loc="upper left", fontsize=8)
        self.right = right
        self.preset_shown = ""

    def update(self, result: Comparison) -> None:
        mix, single = result.mix, result.all_in
        self.mix_line.set_ydata(still_searching(mix))
        self.all_in_line.set_ydata(still_searching(single))
        xs = [t.median for t in (mix, single) if t.median <= WEEKS]
        self.medians.set_data(xs, [0.5] * len(xs))

        chosen = PRESETS[result.preset_name]
        if result.preset_name != self.preset_shown:
            curves = [channel_chance(np.full(len(CHANNELS), h), chosen.h_max, chosen.theta)
                      for h in self.hours_axis]
            curves = np.array(curves).T
            for line, ys in zip(self.curves, curves, strict=True):
                line.set_data(self.hours_axis, ys)
            top = float(curves.max())
            self.right.set_ylim(0, top * 1.15 if top > 0 else 1)
            self.preset_shown = result.preset_name
            self.rescale()
        now = channel_chance(mix.hours, chosen.h_max, chosen.theta)
        for dot, hours, chance in zip(self.dots, mix.hours, now, strict=True):
            dot.set_data([hours], [chance])

    def alt_text(self, result: Comparison) -> str:
        mix, single = result.mix, result.all_in
        chosen = PRESETS[result.preset_name]
        now = channel_chance(mix.hours, chosen.h_max, chosen.theta)
        per_channel = "; ".join(
            f"{name} {100 * c:.1f}% a week at {h:g} h"
            for name, h, c in zip(CHANNELS, mix.hours, now, strict=True) if h > 0
        ) or "no channel has any hours"
        return (
            f"Preset: {result.preset_name} (assumed). Left: share of 10,000 simulated seekers "
            f"still searching, week by week. Your split ({split_text(mix.hours)}): "
            f"{describe(mix)}. All {single.total_hours:g} hours on {result.all_in_channel}: "
            f"{describe(single)}. A dotted line marks the 2011 median completed search of "
            f"10 weeks. Right: each channel's weekly chance of an offer rises with hours and "
            f"levels off; at your hours: {per_channel}."
        )
