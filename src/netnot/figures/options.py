"""Figures for "Networking is not your only option": three ways of spending the same hours, and
kinds of ties (the inverted U over closeness, and referrals by kind)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from netnot.figures.live import LiveFigure, nice_top
from netnot.figures.online import steps_upto
from netnot.models.search import Comparison, SearchResult
from netnot.models.world import KINDS, STRATEGIES, Mix, World
from netnot.style import BLUE, GREEN, GREY, ORANGE, PINK, SKY, VERMILLION

LAST_WEEK = 78  # the left panel shows a year and a half
MIX_COLOURS = (BLUE, GREEN, ORANGE)  # your mix, spread evenly, all on one strategy
KIND_COLOURS = dict(zip(KINDS, (ORANGE, GREEN, PINK, SKY), strict=True))
KIND_MARKERS = dict(zip(KINDS, ("s", "o", "^", "D"), strict=True))


# --- split your hours ---------------------------------------------------------------------

@dataclass(frozen=True)
class SplitView:
    """What the split explorer shows: three mixes on the same people, and a week to read at."""

    scenario: str
    comparison: Comparison
    week: int

    @property
    def runs(self) -> dict[str, SearchResult]:
        c = self.comparison
        return {"your mix": c.yours, "spread evenly": c.even,
                f"all on {c.all_in_strategy}": c.all_in}


def mix_text(mix: Mix) -> str:
    """'3 h applications, 9 h networking' (strategies with no hours left out)."""
    parts = [f"{h:g} h {name}" for name, h in zip(STRATEGIES, mix.hours, strict=True) if h]
    return ", ".join(parts) or "no hours"


def week_text(week: float) -> str:
    """'week 9', or 'after two years' for no offer within the simulated two years."""
    return f"week {week:.0f}" if math.isfinite(week) else "more than two years"


def _shown(week: float) -> float:
    """A mark's position on the left panel (NaN, not drawn, beyond its last week)."""
    return week if week <= LAST_WEEK else math.nan


class SplitFigure(LiveFigure[SplitView]):
    """Left: share still searching, week by week, for your mix, the same hours spread evenly,
    and all on the fastest single strategy; dots mark the median, diamonds the 90th percentile.
    Right: the share with an offer by the week you chose, and the share of first offers that
    came through someone the person knows."""

    width, height, ncols = 10.4, 4.0, 2

    def build(self, left: Axes, right: Axes) -> None:
        self.left, self.right = left, right
        left.set_title("Still searching, week by week")
        left.set_xlabel("week of the job search")
        left.set_ylabel("% of simulated job seekers\nstill without an offer")
        left.set_xlim(0, LAST_WEEK)
        left.set_ylim(0, 1.02)
        left.set_yticks([0, 0.1, 0.25, 0.5, 0.75, 1], ["0", "10", "25", "50", "75", "100"])
        for level, words in ((0.5, "half"), (0.1, "1 in 10")):
            left.axhline(level, color=GREY, lw=0.8, ls=":")
            left.text(LAST_WEEK - 1, level + 0.015, f"{words} still searching", ha="right",
                      va="bottom", fontsize=8, color=GREY)
        self.deadline = self.live(left.axvline(0, color=GREY, lw=1.5, ls="--"))
        self.curves, self.marks = [], []
        for colour, label, style in zip(MIX_COLOURS, ("your mix", "spread evenly",
                                                      "all on one strategy"),
                                        ("-", "-", "--"), strict=True):
            self.curves.append(self.live(left.plot([], [], style, color=colour, label=label,
                                                   drawstyle="steps-post", lw=2.2)[0]))
            self.marks.append(self.live(left.plot([], [], "o", color=colour, ms=8, mec="white",
                                                  mew=1.2)[0]))
        self.fig.legend(handles=self.curves, loc="outside upper center", ncols=3)

        right.set_title("Offers, and how they came")
        right.set_xlabel("% of simulated job seekers")
        right.set_xlim(0, 100)
        groups = np.array([0.0, 1.3])
        self.bars = []
        for k, colour in enumerate(MIX_COLOURS):
            bars = right.barh(groups + (k - 1) * 0.32, [0, 0], 0.3, color=colour)
            self.bars.append(bars)
            self.live(*bars)
        right.set_yticks(groups, ["have an offer by\nthe dashed week",
                                  "first offer came\nthrough someone\nthey know"])
        right.invert_yaxis()

    def update(self, view: SplitView) -> None:
        weeks = np.arange(LAST_WEEK + 1)
        self.deadline.set_xdata([view.week, view.week])
        for run, curve, mark, bars in zip(view.runs.values(), self.curves, self.marks, self.bars,
                                          strict=True):
            curve.set_data(weeks, run.still_searching()[: LAST_WEEK + 1])
            mark.set_data([_shown(run.median), _shown(run.percentile(90))], [0.5, 0.1])
            bars[0].set_width(100 * run.share_by(view.week))
            bars[1].set_width(100 * run.share_via_contacts)

    def alt_text(self, view: SplitView) -> str:
        c = view.comparison
        parts = []
        for name, run in view.runs.items():
            parts.append(
                f"{name.capitalize()} ({mix_text(run.mix)}): half have an offer by "
                f"{week_text(run.median)}, "
                f"1 in 10 still searching at {week_text(run.percentile(90))}, "
                f"{100 * run.share_by(view.week):.0f}% with an offer by week {view.week}, "
                f"{100 * run.share_via_contacts:.0f}% of first offers through someone they know")
        return (f"Share of {c.yours.weeks.size:,} simulated job seekers still without an offer, "
                f"week by week, in the scenario '{view.scenario}', for three ways of spending "
                f"{c.yours.mix.total:g} hours a week. " + "; ".join(parts) + ".")


# --- kinds of ties ------------------------------------------------------------------------

CLOSENESS = np.linspace(0.0, 1.0, 101)
CHANCE_STEPS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0)  # the left axis jumps between these
REFERRAL_STEPS = (1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128)


@dataclass(frozen=True)
class TiesView:
    """What the ties explorer shows."""

    world: World
    chance: np.ndarray  # over CLOSENESS: the chance that one tie passes on an opening
    marks: dict[str, tuple[float, float]]  # kind -> (closeness, chance), for the three kinds
    everyday: dict[str, float]  # referrals within 26 weeks from everyday contact, by kind
    total: dict[str, float]  # the same with your networking time too
    hours: float

    @property
    def peak(self) -> float:
        """The closeness at which a single tie is most likely to pass on an opening."""
        return float(CLOSENESS[int(np.argmax(np.round(self.chance, 12)))])

    @property
    def most_likely_kind(self) -> str:
        return max(self.marks, key=lambda kind: self.marks[kind][1])

    @property
    def most_referrals_kind(self) -> str:
        return max(self.total, key=self.total.__getitem__)


def kind_label(world: World, kind: str) -> str:
    """'5 close ties', '20 acquaintances', 'new people'."""
    count = world.kinds()[kind].count
    return kind if not math.isfinite(count) else f"{count:g} {kind}"


class TiesFigure(LiveFigure[TiesView]):
    """Left: the chance that one tie passes on an opening within 26 weeks, by how close the tie
    is, with the three kinds of ties and the peak marked. Right: referrals within 26 weeks from
    each kind of tie, from everyday contact (hatched) and from your networking time (solid)."""

    width, height, ncols = 10.4, 4.3, 2

    def __init__(self, world: World, most_chance: float, most_referrals: float) -> None:
        self.world = world  # the numbers and closeness of ties (no slider changes them)
        self.most_chance, self.most_referrals = most_chance, most_referrals
        super().__init__()

    def build(self, left: Axes, right: Axes) -> None:
        self.left, self.right = left, right
        left.set_title("One tie: chance of passing on an opening")
        left.set_xlabel("how close the tie is")
        left.set_ylabel("% chance within 26 weeks")
        left.set_xlim(-0.02, 1.02)
        left.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0\nstranger", "", "0.5", "", "1\nclosest"])
        self.curve = self.live(left.plot([], [], color=BLUE, lw=2, label="any tie")[0])
        self.kind_marks = {}
        for kind, label in zip(KINDS[:3], ("a close tie", "an acquaintance", "a distant tie"),
                               strict=True):
            self.kind_marks[kind] = self.live(left.plot(
                [], [], KIND_MARKERS[kind], color=KIND_COLOURS[kind], ms=10, mec="white",
                label=label)[0])
        self.peak = self.live(left.plot([], [], "*", color=VERMILLION, ms=16,
                                        label="most likely")[0])
        left.set_ylim(0, CHANCE_STEPS[0])
        left.yaxis.set_major_formatter(lambda y, _: f"{100 * y:.0f}")
        parts = [Patch(facecolor="white", edgecolor=GREY, hatch="///",
                       label="referrals from everyday contact"),
                 Patch(facecolor=GREY, edgecolor=GREY, label="… from your networking time")]
        close, acquaintance, distant = self.kind_marks.values()
        # two columns (four would run off a narrow screen): the ties, then the peak and the bars
        self.fig.legend(handles=[self.curve, close, acquaintance, distant, self.peak, *parts],
                        loc="outside upper center", ncols=2)

        right.set_title("All your ties: referrals by kind")
        right.set_ylabel("expected referrals\nwithin 26 weeks")
        where = np.arange(len(KINDS))
        colours = [KIND_COLOURS[k] for k in KINDS]
        self.everyday_bars = right.bar(where, np.zeros(len(KINDS)), 0.62, color="white",
                                       edgecolor=colours, hatch="///", lw=1.5,
                                       label="from everyday contact")
        self.networking_bars = right.bar(where, np.zeros(len(KINDS)), 0.62, color=colours,
                                         edgecolor=colours, lw=1.5,
                                         label="from your networking time")
        self.live(*self.everyday_bars, *self.networking_bars)
        # slanted: "20 acquaintances" is wider than its bar
        right.set_xticks(where, [kind_label(self.world, k) for k in KINDS], rotation=30,
                         ha="right", rotation_mode="anchor")
        right.set_ylim(0, REFERRAL_STEPS[0])

    def update(self, view: TiesView) -> None:
        self.curve.set_data(CLOSENESS, view.chance)
        for kind, mark in self.kind_marks.items():
            mark.set_data([view.marks[kind][0]], [view.marks[kind][1]])
        self.peak.set_data([view.peak], [float(view.chance.max())])
        for k, kind in enumerate(KINDS):
            everyday = view.everyday[kind]
            self.everyday_bars[k].set_height(everyday)
            self.networking_bars[k].set_y(everyday)
            self.networking_bars[k].set_height(view.total[kind] - everyday)
        chance_top = nice_top(float(view.chance.max()), steps_upto(CHANCE_STEPS, self.most_chance))
        referral_top = nice_top(max(view.total.values()),
                                steps_upto(REFERRAL_STEPS, self.most_referrals))
        if chance_top != self.left.get_ylim()[1]:
            self.left.set_ylim(0, chance_top)
            self.rescale(self.left)
        if referral_top != self.right.get_ylim()[1]:
            self.right.set_ylim(0, referral_top)
            self.rescale(self.right)

    def alt_text(self, view: TiesView) -> str:
        marks = ", ".join(f"one of your {kind} (closeness {c:g}): {100 * p:.1f}%"
                          for kind, (c, p) in view.marks.items())
        bars = ", ".join(f"{kind_label(view.world, kind)}: {view.total[kind]:.1f} "
                         f"({view.everyday[kind]:.1f} from everyday contact)" for kind in KINDS)
        return (f"Left: the chance that one tie who knows you are looking passes on an opening "
                f"within 26 weeks, by how close the tie is, from 0 (a stranger) to 1 (closest): "
                f"an inverted U that peaks at closeness {view.peak:.2f} with "
                f"{100 * view.chance.max():.1f}%. {marks}. Right: expected referrals within 26 "
                f"weeks with {view.hours:g} networking hours a week, by kind of tie: {bars}.")

