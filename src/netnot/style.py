"""The course's one figure style and its colour-blind-safe palette (Okabe & Ito 2008)."""

from __future__ import annotations

from pathlib import Path

import matplotlib.style
from matplotlib.figure import Figure

STYLE = Path(__file__).with_name("netnot.mplstyle")

# Okabe-Ito colours, named by their role in the course figures.
BLUE = "#0072B2"  # the learner's own scenario
ORANGE = "#E69F00"  # a comparison or alternative
GREEN = "#009E73"  # a good outcome or a target
PINK = "#CC79A7"  # a second alternative
SKY = "#56B4E9"
VERMILLION = "#D55E00"  # a warning or reference line
GREY = "#7F7F7F"
PALETTE = (BLUE, ORANGE, GREEN, PINK, SKY, VERMILLION)


def new_figure(width: float = 9.0, height: float = 3.4, ncols: int = 1) -> tuple[Figure, list]:
    """Return a figure (not registered with pyplot) and its axes, drawn in the course style."""
    with matplotlib.style.context(STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(1, ncols, squeeze=False)[0]
    return fig, list(axes)
