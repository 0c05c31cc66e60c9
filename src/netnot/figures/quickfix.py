"""Figures for "Networking is not a quick fix": when the first referral comes."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import MultipleLocator, PercentFormatter

from netnot.figures.live import LiveFigure
from netnot.models.networking import Referrals
from netnot.models.world import World
from netnot.style import BLUE, GREY, ORANGE, VERMILLION

QUICK_FIX = 2  # weeks: the wait many people hope for


@dataclass(frozen=True)
class Waiting:
    """What the lesson shows: first referrals for many people, and the weekly chances."""

    referrals: Referrals
    interview_chance: float  # weekly chance of an interview from the same hours of applications
    world: World
    hours: float
    head_start: int

    @property
    def horizon(self) -> int:
        return self.referrals.horizon

    @property
    def people(self) -> int:
        return self.referrals.weeks.size

    @cached_property
    def _sorted(self) -> np.ndarray:
        return np.sort(self.referrals.weeks)

    def by_week(self) -> np.ndarray:
        """Share of people with a first referral by the end of weeks 0, 1, …, horizon."""
        found = np.searchsorted(self._sorted, np.arange(self.horizon + 1), side="right")
        return found / self.people

    def week_by(self, share: float) -> float:
        """The week by which ``share`` of people had a first referral (inf: not within the
        horizon)."""
        return float(self._sorted[min(max(math.ceil(share * self.people) - 1, 0),
                                      self.people - 1)])


def week(value: float) -> str:
    return f"week {value:g}" if math.isfinite(value) else "no week within a year"


class WaitingFigure(LiveFigure[Waiting]):
    """Left: the share of people with a first referral, week by week, with the median and the
    hoped-for quick fix. Right: the weekly chance of a referral as trust builds, from scratch,
    and the weekly chance of an interview from the same hours of applications. Axis limits
    never change: ``chance_top`` is the highest weekly chance any slider setting can give."""

    ncols, height = 2, 4.6

    def __init__(self, chance_top: float, horizon: int) -> None:
        self.chance_top, self.horizon = chance_top, horizon
        super().__init__()

    def build(self, left: Axes, right: Axes) -> None:
        self.left, self.right = left, right
        left.set_title("When the first referral comes")
        left.set_xlabel("week of the job search")
        left.set_ylabel("people with a first referral")
        left.set_ylim(0, 100)
        left.axhline(50, color=GREY, lw=0.8, ls="--")
        left.axvline(QUICK_FIX, color=VERMILLION, ls=":", lw=2.2,
                     label=f"the hoped-for {QUICK_FIX} weeks")
        self.curve = self.live(left.plot([], [], color=BLUE, lw=2.2, drawstyle="steps-post",
                                         label="people with a first referral")[0])
        self.median_line = self.live(left.axvline(0, color=ORANGE, lw=2.2,
                                                  label="median: half have one"))
        self._legend_below(left)

        right.set_title("Chance of a referral each week")
        right.set_xlabel("week of the job search")
        right.set_ylabel("chance that week")
        right.set_ylim(0, 100 * self.chance_top)
        self.yours = self.live(right.plot([], [], color=BLUE, lw=2.2,
                                          label="networking: chance of a referral")[0])
        self.scratch = self.live(right.plot([], [], color=GREY, ls="--",
                                            label="the same, from scratch, nobody told")[0])
        self.applications = self.live(right.plot(
            [], [], color=ORANGE, lw=2, ls="-.",
            label="the same hours of applications: chance of an interview")[0])
        self._legend_below(right)
        for axes in (left, right):
            axes.set_xlim(0, self.horizon + 0.5)
            axes.xaxis.set_major_locator(MultipleLocator(13))
            axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))

    @staticmethod
    def _legend_below(axes: Axes) -> None:
        """Under the panel, where no line can run over it, whatever the sliders say."""
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), frameon=False)

    def update(self, result: Waiting) -> None:
        weeks = np.arange(result.horizon + 1)
        self.curve.set_data(weeks, 100 * result.by_week())
        median = result.referrals.median
        self.median_line.set_visible(math.isfinite(median))
        if math.isfinite(median):
            self.median_line.set_xdata([median, median])
        weeks = weeks[1:]
        self.yours.set_data(weeks, 100 * result.referrals.weekly_chance)
        self.scratch.set_data(weeks, 100 * result.referrals.from_scratch)
        self.applications.set_data([1, result.horizon], [100 * result.interview_chance] * 2)

    def alt_text(self, result: Waiting) -> str:
        r = result.referrals
        none = 1 - result.by_week()[-1]
        return (
            f"Left: the share of {result.people:,} simulated people with a first referral, "
            f"week by week: {100 * r.share_by(QUICK_FIX):.1f}% within {QUICK_FIX} weeks, half "
            f"by {week(r.median)}, three quarters by {week(result.week_by(0.75))}; "
            f"{100 * none:.0f}% have none within {result.horizon} weeks. Right: the weekly "
            f"chance of a referral goes from {100 * r.weekly_chance[0]:.1f}% in week 1 to "
            f"{100 * r.weekly_chance[-1]:.1f}% in week {result.horizon} (from scratch: "
            f"{100 * r.from_scratch[0]:.1f}% to {100 * r.from_scratch[-1]:.1f}%); the same "
            f"hours of applications give a {100 * result.interview_chance:.1f}% chance of an "
            "interview every week."
        )
