"""Figures for "Networking is not begging for a job"."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from netnot.figures.live import LiveFigure, nice_top
from netnot.models.begging import CONTACTS_IN_NETWORK, GIVE_THEN_ASK_WEEK, TUNE_OUT, Outreach
from netnot.style import BLUE, GREEN, GREY, VERMILLION

COLOURS = {"pester": VERMILLION, "ask once": BLUE, "give then ask": GREEN, "silence": GREY}
STYLES = {"pester": "-", "ask once": "--", "give then ask": "-", "silence": ":"}
LEGEND = {  # fixed, so that moving a slider never forces a full redraw
    "pester": "pester: ask again and again",
    "ask once": "ask once, clearly (week 1)",
    "give then ask": f"give regularly, ask once (week {GIVE_THEN_ASK_WEEK})",
    "silence": "silence",
}
Y_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


def every(weeks: int) -> str:
    return "every week" if weeks == 1 else f"every {weeks} weeks"


def labels(result: Outreach) -> dict[str, str]:
    """The cadences' names with their current spacing, for alt text and summaries."""
    p = result.params
    return {
        "pester": f"pester: ask {every(p['pester_every'])}",
        "ask once": "ask once, clearly (week 1)",
        "give then ask": f"give {every(p['give_every'])}, ask once (week {GIVE_THEN_ASK_WEEK})",
        "silence": "silence",
    }


class OutreachFigure(LiveFigure[Outreach]):
    """Left: referrals so far under each cadence. Right: average goodwill week by week."""

    ncols = 2

    def build(self, left: Axes, right: Axes) -> None:
        self.left, self.right = left, right
        left.set_title("Openings passed on to you")
        left.set_xlabel("week")
        left.set_ylabel(f"referrals so far, per {CONTACTS_IN_NETWORK} contacts")
        right.set_title("How your contacts feel about you")
        right.set_xlabel("week")
        right.set_ylabel("average goodwill (0 to 1)")
        right.set_ylim(0, 1)
        right.axhline(TUNE_OUT, color=GREY, lw=1.2, ls="-.")
        right.text(0.99, TUNE_OUT + 0.02, "below this, a contact tunes you out",
                   transform=right.get_yaxis_transform(), ha="right", fontsize=8, color=GREY)
        self.referral_lines, self.goodwill_lines = {}, {}
        for name, colour in COLOURS.items():
            style = dict(color=colour, ls=STYLES[name])
            self.referral_lines[name] = self.live(left.plot([], [], label=LEGEND[name], **style)[0])
            self.goodwill_lines[name] = self.live(right.plot([], [], **style)[0])
        left.legend(loc="upper left")
        self.state: tuple = ()

    def update(self, result: Outreach) -> None:
        weeks = np.arange(1, result.horizon + 1)
        for i, name in enumerate(result.strategies):
            self.referral_lines[name].set_data(weeks, result.cumulative[i])
            self.goodwill_lines[name].set_data(weeks, result.mean_goodwill[i])
        top = nice_top(float(result.cumulative[:, -1].max()), Y_STEPS)
        if self.state and self.state[0] == result.horizon and top < self.state[1] < 4 * top:
            top = self.state[1]  # shrink the axis only for a big change: full redraws are slow
        state = (result.horizon, top)
        if state != self.state:
            self.state = state
            for axes in (self.left, self.right):
                axes.set_xlim(0.5, result.horizon + 0.5)
            self.left.set_ylim(0, top)
            self.rescale()

    def alt_text(self, result: Outreach) -> str:
        names = labels(result)
        parts = [
            f"{names[s]}: {result.total(s):.1f} referrals, goodwill ends at "
            f"{result.end_goodwill(s):.2f}, {100 * result.end_tuned_out(s):.0f}% tuned out"
            for s in result.strategies
        ]
        return (
            f"Two line charts over {result.horizon} weeks, for {result.referrals.shape[1]:,} "
            f"simulated contacts, shown per {CONTACTS_IN_NETWORK} contacts. "
            + "; ".join(parts)
            + f". Most referrals: {names[result.best]}."
        )
