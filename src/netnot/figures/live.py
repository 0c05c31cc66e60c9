"""A figure that a widget can redraw quickly, many times, with alt text.

Only the artists that change ("live" artists) are redrawn on each update; the axes, ticks and
labels are drawn once and reused (matplotlib's blitting technique). When the axis limits have to
change, call :meth:`LiveFigure.rescale` and everything is drawn again once.
"""

from __future__ import annotations

import base64
import html
import io
from typing import Generic, TypeVar

import matplotlib.style
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from netnot.style import STYLE

R = TypeVar("R")


def nice_top(peak: float, steps: tuple[float, ...], room: float = 1.1) -> float:
    """The smallest of ``steps`` that leaves a little room above ``peak``: axis limits jump
    between a few values, so a slider move rarely forces a full redraw."""
    return next((step for step in steps if peak * room <= step), steps[-1])


class LiveFigure(Generic[R]):
    """Base class: subclasses draw the static parts in :meth:`build` and change artists in
    :meth:`update`, and describe the picture in words in :meth:`alt_text`."""

    width, height, ncols = 9.0, 3.4, 1

    def __init__(self) -> None:
        with matplotlib.style.context(STYLE):
            self.fig = Figure(figsize=(self.width, self.height), layout="constrained")
            FigureCanvasAgg(self.fig)
            self.axes: list[Axes] = list(self.fig.subplots(1, self.ncols, squeeze=False)[0])
            self._live: list[Artist] = []
            self.build(*self.axes)
        self._background = None
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

    def rescale(self) -> None:
        """Axis limits or labels changed: draw everything afresh on the next render."""
        self._background = None

    # --- for widgets and tests ------------------------------------------------------------
    def show(self, result: R) -> str:
        """Update the figure for ``result`` and return it as an ``<img>`` tag with alt text."""
        self.update(result)
        self.alt = self.alt_text(result)
        return self.img_tag()

    def image(self) -> bytes:
        """Render the figure as a JPEG, redrawing only the live artists when the background is
        cached. (JPEG at high quality with full colour resolution looks as sharp as PNG for these
        charts and encodes ten times faster, which keeps slider moves instant.)"""
        canvas = self.fig.canvas
        if self._background is None:
            canvas.draw()  # live (animated) artists are skipped here
            self.fig.set_layout_engine("none")  # keep the first layout: redraws stay cheap
            self._background = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self._live:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        width, height = canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="jpeg", quality=92, subsampling=0)
        return buffer.getvalue()

    def img_tag(self) -> str:
        data = base64.b64encode(self.image()).decode("ascii")
        alt = html.escape(self.alt, quote=True)
        return f'<img class="nin-plot" alt="{alt}" src="data:image/jpeg;base64,{data}" />'
