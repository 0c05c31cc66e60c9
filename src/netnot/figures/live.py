"""A figure that a widget can redraw quickly, many times, with alt text.

Only the artists that change ("live" artists) are redrawn on each update; the axes, ticks and
labels are drawn once and reused (matplotlib's blitting technique). When axis limits or labels
have to change, call :meth:`LiveFigure.rescale`: on the next render only the panels that changed
are drawn again, in place, over a copy of the figure without any panels; the rest of the picture
is kept. Pictures leave as JPEG bytes (:meth:`LiveFigure.picture`), for a binary
``ipywidgets.Image``.
"""

from __future__ import annotations

import base64
import html
import io
from typing import Generic, TypeVar

import matplotlib.font_manager
import matplotlib.style
import numpy as np
from matplotlib import rcParams
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from netnot.style import STYLE

R = TypeVar("R")

# Text on screen: a picture W inches wide shown at D pixels has its p-point text at
# p * D / (72 * W) pixels, whatever the DPI. So every figure is drawn WIDTH inches wide (its
# nominal width/height scaled to that, a little taller for wrapped titles) with no text below
# MIN_POINTS: 9-point text stays at 12 px down to a picture 590 px wide (JupyterLab at 1024x768
# with the file browser open). The DPI only sets the picture's own width: 734 px, its size on a
# projector.
DPI = 120
WIDTH = 6.12
TALLER = 1.18
MIN_POINTS = 9.0


def nice_top(peak: float, steps: tuple[float, ...], room: float = 1.1) -> float:
    """The smallest of ``steps`` that leaves a little room above ``peak``: axis limits jump
    between a few values, so a slider move rarely forces a full redraw."""
    return next((step for step in steps if peak * room <= step), steps[-1])


def _signature(axes: Axes) -> tuple:
    """What a rescale usually changes: limits and the texts around the panel."""
    return (tuple(axes.get_xlim()), tuple(axes.get_ylim()), axes.get_title(),
            axes.get_xlabel(), axes.get_ylabel())


def _wrapped(text: Text, room: float, renderer) -> str:
    """``text``'s words in as many lines as needed for each to be at most ``room`` pixels."""
    words = text.get_text().split()
    if not words or text.get_window_extent(renderer).width <= room and "\n" not in text.get_text():
        return text.get_text()
    prop = text.get_fontproperties()

    def fits(line: str) -> bool:
        return renderer.get_text_width_height_descent(line, prop, ismath=False)[0] <= room

    lines = [words[0]]
    for word in words[1:]:
        candidate = f"{lines[-1]} {word}"
        if fits(candidate):
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


class LiveFigure(Generic[R]):
    """Base class: subclasses draw the static parts in :meth:`build` and change artists in
    :meth:`update`, and describe the picture in words in :meth:`alt_text`."""

    width, height, ncols = 9.0, 3.4, 1

    def __init__(self) -> None:
        if self.ncols < 1:
            raise ValueError(f"{type(self).__name__}.ncols must be at least 1; got {self.ncols}")
        with matplotlib.style.context(STYLE):
            height = TALLER * self.height * WIDTH / self.width
            self.fig = Figure(figsize=(WIDTH, height), dpi=DPI, layout="constrained")
            FigureCanvasAgg(self.fig)
            self.axes: list[Axes] = list(self.fig.subplots(1, self.ncols, squeeze=False)[0])
            self._live: list[Artist] = []
            self.build(*self.axes)
            self._keep_text_readable()
            self._fit_text()
        self._background: np.ndarray | None = None  # the last picture without live artists
        self._blank: np.ndarray | None = None  # the figure with no panels drawn
        self._columns: list[tuple[int, int]] = []  # the pixel columns of each panel
        self._drawn: dict[Axes, tuple] = {}  # each panel's signature when it was last drawn
        self._rescale: set[Axes] | None = None  # panels to redraw (empty: find them)
        self.alt = ""

    # --- for subclasses -------------------------------------------------------------------
    def build(self, *axes: Axes) -> None:
        """Draw the parts that do not change; register changing artists with :meth:`live`."""
        raise NotImplementedError

    def update(self, result: R) -> None:
        """Change the live artists to show ``result``."""
        raise NotImplementedError

    def alt_text(self, result: R) -> str:
        """Describe the figure for someone who cannot see it."""
        raise NotImplementedError

    def live(self, *artists: Artist) -> Artist:
        """Mark artists as redrawn on every update; returns the first for convenience."""
        for artist in artists:
            artist.set_animated(True)
            self._live.append(artist)
        return artists[0]

    def rescale(self, *axes: Axes) -> None:
        """Axis limits, labels or static artists changed: redraw those panels on the next
        render. Without arguments, the panels whose limits or labels changed are found (all of
        them if none did)."""
        pending = self._rescale if self._rescale is not None else set()
        self._rescale = pending | set(axes) if axes else pending
        if not axes:
            self._rescale.add(None)  # type: ignore[arg-type] - "find them"

    # --- for widgets and tests ------------------------------------------------------------
    def picture(self, result: R) -> bytes:
        """Update the figure for ``result``, set :attr:`alt`, and return it as JPEG bytes."""
        self.update(result)
        self.alt = self.alt_text(result)
        return self.image()

    def show(self, result: R) -> str:
        """Update the figure for ``result`` and return it as an ``<img>`` tag with alt text."""
        self.picture(result)
        return self.img_tag()

    def image(self) -> bytes:
        """Render the figure as a JPEG, redrawing only the live artists (and any rescaled
        panel). (JPEG at high quality with full colour resolution looks as sharp as PNG for
        these charts and encodes ten times faster, which keeps slider moves instant.)"""
        if self._background is None:
            with matplotlib.style.context(STYLE):
                self._draw_everything()
        elif self._rescale is not None:
            with matplotlib.style.context(STYLE):
                self._redraw_panels(self._panels_to_redraw())
        else:
            self._pixels()[...] = self._background
        self._rescale = None
        for artist in self._live:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        canvas = self.fig.canvas
        width, height = canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="jpeg", quality=92, subsampling=0)
        return buffer.getvalue()

    def img_tag(self) -> str:
        data = base64.b64encode(self.image()).decode("ascii")
        alt = html.escape(self.alt, quote=True)
        return f'<img class="nin-plot" alt="{alt}" src="data:image/jpeg;base64,{data}" />'

    def min_text_points(self) -> float:
        """The smallest font size (points) of any text drawn on the figure."""
        sizes = [text.get_fontsize() for text in self.fig.findobj(Text)
                 if text.get_visible() and text.get_text().strip()]
        return float(min(sizes))

    # --- internals ------------------------------------------------------------------------
    def _keep_text_readable(self) -> None:
        """No text below MIN_POINTS, tick labels included (also those made at draw time)."""
        for text in self.fig.findobj(Text):
            if text.get_fontsize() < MIN_POINTS:
                text.set_fontsize(MIN_POINTS)
        for axes in self.fig.axes:
            for name in ("x", "y"):
                size = max(MIN_POINTS, matplotlib.font_manager.FontProperties(
                    size=rcParams[f"{name}tick.labelsize"]).get_size_in_points())
                axes.tick_params(axis=name, which="both", labelsize=size)

    def _fit_text(self) -> None:
        """Wrap titles and axis labels longer than their panel (text is large here): lay the
        figure out once, measure each panel, wrap, and let the first draw lay it out again."""
        renderer = self.fig.canvas.get_renderer()
        self.fig.get_layout_engine().execute(self.fig)
        for axes in self.fig.axes:
            box = axes.get_window_extent(renderer)
            for text, room in ((axes.title, box.width), (axes.xaxis.label, box.width),
                               (axes.yaxis.label, box.height)):
                text.set_text(_wrapped(text, room, renderer))

    def _pixels(self) -> np.ndarray:
        """The canvas's RGBA buffer, writable, rows from the top."""
        return np.asarray(self.fig.canvas.buffer_rgba())

    def _draw_everything(self) -> None:
        canvas = self.fig.canvas
        canvas.draw()  # live (animated) artists are skipped here
        self.fig.set_layout_engine("none")  # keep the first layout: redraws stay cheap
        self._background = self._pixels().copy()
        shown = [axes.get_visible() for axes in self.fig.axes]
        for axes in self.fig.axes:
            axes.set_visible(False)
        canvas.draw()  # figure-level artists only (a figure legend, a suptitle)
        self._blank = self._pixels().copy()
        for axes, visible in zip(self.fig.axes, shown, strict=True):
            axes.set_visible(visible)
        self._pixels()[...] = self._background
        self._columns = self._panel_columns()
        self._drawn = {axes: _signature(axes) for axes in self.fig.axes}

    def _panel_columns(self) -> list[tuple[int, int]]:
        """Pixel columns [start, stop) of each of the ``ncols`` panels, split half-way between
        neighbouring panels' outer edges (ticks and labels included)."""
        renderer = self.fig.canvas.get_renderer()
        boxes = [axes.get_tightbbox(renderer) for axes in self.axes]
        width = self.fig.canvas.get_width_height()[0]
        cuts = [0]
        for left, right in zip(boxes, boxes[1:], strict=False):
            cuts.append(round((left.x1 + right.x0) / 2))
        cuts.append(width)
        return [(max(0, a), min(width, b)) for a, b in zip(cuts, cuts[1:], strict=False)]

    def _column_of(self, axes: Axes) -> int:
        """Which panel column ``axes`` (a panel, or a twin or inset of one) lies in."""
        box = axes.get_window_extent()
        middle = (box.x0 + box.x1) / 2
        for index, (start, stop) in enumerate(self._columns):
            if start <= middle < stop:
                return index
        return len(self._columns) - 1

    def _panels_to_redraw(self) -> set[int]:
        named = {axes for axes in self._rescale or () if axes is not None}
        if None in (self._rescale or ()):
            named |= {axes for axes in self.fig.axes if _signature(axes) != self._drawn.get(axes)}
            if not named:
                named = set(self.fig.axes)  # something changed that we cannot see: all panels
        return {self._column_of(axes) for axes in named}

    def _redraw_panels(self, columns: set[int]) -> None:
        """Clear the panels' columns to the blank figure and draw their axes there again."""
        assert self._background is not None and self._blank is not None
        pixels = self._pixels()
        pixels[...] = self._background
        renderer = self.fig.canvas.get_renderer()
        for index in sorted(columns):
            start, stop = self._columns[index]
            pixels[:, start:stop] = self._blank[:, start:stop]
        for axes in sorted(self.fig.axes, key=lambda a: a.get_zorder()):
            if axes.get_visible() and self._column_of(axes) in columns:
                axes.draw(renderer)  # skips animated artists, as canvas.draw() does
                self._drawn[axes] = _signature(axes)
        self._background = pixels.copy()
