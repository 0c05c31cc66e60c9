"""Figures for "Networking is not begging for a job": four cadences on the same contacts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes

from netnot.figures.live import LiveFigure
from netnot.models.contacts import CADENCES, LABELS, Cadences
from netnot.models.world import World
from netnot.style import BLUE, GREEN, GREY, VERMILLION

PER = 20  # referrals are shown per this many contacts: a small network
COLOURS = {"pester": VERMILLION, "ask once": BLUE, "give then ask": GREEN, "silence": GREY}
STYLES = {"pester": "-", "ask once": "--", "give then ask": "-", "silence": ":"}


@dataclass(frozen=True)
class Outreach:
    """What the lesson shows: the four cadences in one world, and who tuned out, week by week."""

    world: World
    cadences: Cadences
    tuned_out: np.ndarray  # (weeks,) share of pestered contacts who have tuned you out

    @property
    def weeks(self) -> int:
        return self.cadences.weeks

    def total(self, cadence: str) -> float:
        return self.cadences.total(cadence, PER)

    def end_warmth(self, cadence: str) -> float:
        return float(self.cadences.mean_warmth(cadence)[-1])


def every(weeks: int) -> str:
    return "every week" if weeks == 1 else f"every {weeks} weeks"


def labels(result: Outreach) -> dict[str, str]:
    """The cadences' names with their current spacing, for the findings and the alt text."""
    p = result.cadences.params
    return {
        "pester": f"ask for a job {every(p['pester_every'])}",
        "ask once": "ask once, clearly, in week 1",
        "give then ask": f"give {every(p['give_every'])}, ask once in week {p['ask_week']}",
        "silence": "stay silent",
    }


class CadenceFigure(LiveFigure[Outreach]):
    """Left: referrals so far under each cadence. Right: average warmth, the tune-out line and
    the share of pestered contacts who have tuned you out. Axis limits never change: ``top``
    is the most referrals any slider setting can bring, ``weeks`` the weeks simulated."""

    ncols, height = 2, 3.9

    def __init__(self, top: float, weeks: int, tune_out: float) -> None:
        self.top, self.weeks, self.tune_out = top, weeks, tune_out
        super().__init__()

    def build(self, left: Axes, right: Axes) -> None:
        self.left, self.right = left, right
        left.set_title("Openings passed on to you")
        left.set_xlabel("week")
        left.set_ylabel(f"referrals so far, per {PER} contacts")
        left.set_ylim(0, self.top)
        right.set_title("How warm your contacts are")
        right.set_xlabel("week")
        right.set_ylabel("average warmth (0 to 1), or share")
        right.set_ylim(0, 1)
        for axes in (left, right):
            axes.set_xlim(0.5, self.weeks + 0.5)
        threshold = right.axhline(self.tune_out, color=GREY, lw=1.2, ls="-.",
                                  label="below this warmth, contacts tune out")
        self.referral_lines, self.warmth_lines = {}, {}
        for name in CADENCES:
            style = dict(color=COLOURS[name], ls=STYLES[name])
            self.referral_lines[name] = self.live(
                left.plot([], [], label=LABELS[name], **style)[0])
            self.warmth_lines[name] = self.live(right.plot([], [], **style)[0])
        self.tuned_line = self.live(right.plot(
            [], [], color=VERMILLION, ls=":", lw=1.6, marker=".", markersize=4,
            label="share of pestered contacts tuned out")[0])
        left.legend(loc="upper left")
        self.fig.legend(handles=[self.tuned_line, threshold], loc="outside lower right", ncols=2)

    def update(self, result: Outreach) -> None:
        weeks = np.arange(1, result.weeks + 1)
        for name in CADENCES:
            self.referral_lines[name].set_data(weeks, result.cadences.referrals(name, PER))
            self.warmth_lines[name].set_data(weeks, result.cadences.mean_warmth(name))
        self.tuned_line.set_data(weeks, result.tuned_out)

    def alt_text(self, result: Outreach) -> str:
        names = labels(result)
        parts = [f"{names[n]}: {result.total(n):.1f} referrals, warmth ends at "
                 f"{result.end_warmth(n):.2f}" for n in CADENCES]
        return (f"Two line charts over {result.weeks} weeks, referrals per {PER} contacts. "
                + "; ".join(parts)
                + f". Under pestering, {100 * result.tuned_out[-1]:.0f}% of contacts have tuned "
                  "you out by the end.")
