"""LiveFigure and Explorer: pictures go to the browser as binary JPEG with a text alternative,
and a change of axis limits redraws only the panel that changed, in place, with the same pixels a
full redraw would give."""

from __future__ import annotations

import importlib

import ipywidgets as W
import numpy as np
import pytest

from netnot.course import LESSONS
from netnot.figures.live import LiveFigure
from netnot.widgets.explorer import Explorer, slider


class TwoPanels(LiveFigure):
    ncols = 2

    def build(self, left, right):
        self.left, self.right = left, right
        left.set(title="Left", xlim=(0, 10), ylim=(0, 10), ylabel="units")
        right.set(title="Right", xlim=(0, 10), ylim=(0, 10))
        (self.a,) = left.plot([], [])
        (self.b,) = right.plot([], [])
        right.axhline(5, color="grey")
        right.legend(["b"], loc="upper left")
        self.live(self.a, self.b)

    def update(self, top):
        x = np.linspace(0, 10, 30)
        self.a.set_data(x, x / 2)
        self.b.set_data(x, top * x / 10)
        if self.right.get_ylim()[1] != max(10, top):
            self.right.set_ylim(0, max(10, top))
            self.rescale()

    def alt_text(self, top):
        return f"Two lines; the right one rises to {top}."


def pixels(figure: LiveFigure) -> np.ndarray:
    return np.asarray(figure.fig.canvas.buffer_rgba()).copy()


def test_rescale_in_place_gives_the_pixels_of_a_full_redraw(monkeypatch):
    shown = TwoPanels()
    shown.picture(5)
    full_draws = []
    monkeypatch.setattr(shown.fig.canvas, "draw", lambda *a: full_draws.append(a))
    drawn = []
    original = type(shown.left).draw

    def spy(axes, renderer):
        drawn.append(axes)
        return original(axes, renderer)

    monkeypatch.setattr(type(shown.left), "draw", spy)
    shown.picture(40)  # the right panel's y limit changes
    assert full_draws == [], "a change of limits must not redraw the whole figure"
    assert drawn == [shown.right], "only the panel whose limits changed is redrawn"
    in_place = pixels(shown)
    monkeypatch.undo()

    fresh = TwoPanels()
    fresh.picture(5)
    fresh.right.set_ylim(0, 40)
    fresh.rescale()
    fresh._background = None  # force a full draw with the same layout
    fresh.picture(40)
    difference = np.abs(in_place.astype(int) - pixels(fresh).astype(int))
    assert difference.max() <= 2, "the in-place redraw differs from a full redraw"


def test_rescale_of_a_named_panel_and_a_plain_update_stay_in_place(monkeypatch):
    shown = TwoPanels()
    shown.picture(5)
    drawn = []
    original = type(shown.left).draw
    monkeypatch.setattr(type(shown.left), "draw",
                        lambda axes, renderer: drawn.append(axes) or original(axes, renderer))
    shown.picture(6)
    assert drawn == [], "a normal update redraws only the live artists"
    shown.left.set_title("Left, renamed")
    shown.rescale(shown.left)
    shown.picture(6)
    assert drawn == [shown.left]


def test_picture_is_jpeg_bytes_and_show_keeps_the_old_img_tag():
    figure = TwoPanels()
    data = figure.picture(3)
    assert data[:3] == b"\xff\xd8\xff" and figure.alt == "Two lines; the right one rises to 3."
    tag = figure.show(3)
    assert tag.startswith('<img class="nin-plot" alt="Two lines;') and "base64," in tag


def test_explorer_sends_the_picture_as_binary_with_a_changing_text_alternative():
    explorer = Explorer({"top": slider("Top", 5, 1, 50, 1)}, lambda top: top, TwoPanels(), str)
    assert isinstance(explorer.plot, W.Image) and explorer.plot.format == "jpeg"
    assert "nin-plot" in explorer.plot._dom_classes
    assert explorer.plot.value[:3] == b"\xff\xd8\xff"
    assert explorer.plot.tooltip == "Two lines; the right one rises to 5."
    before = explorer.plot.value
    explorer.controls["top"].value = 30
    assert explorer.plot.value != before
    assert explorer.plot.tooltip == "Two lines; the right one rises to 30."


@pytest.mark.parametrize("bad", [0, -1])
def test_a_figure_without_panels_is_refused_with_a_message(bad):
    class Empty(TwoPanels):
        ncols = bad

    with pytest.raises(ValueError, match="ncols must be at least 1"):
        Empty()


def test_the_picture_widget_has_the_empty_description_its_title_needs():
    """ipywidgets' views read description.length before setting a tooltip as the title."""
    explorer = Explorer({"top": slider("Top", 5, 1, 50, 1)}, lambda top: top, TwoPanels(), str)
    state = explorer.plot.get_state()
    assert state["description"] == "" and state["tooltip"].startswith("Two lines")
    assert state["_model_name"] == "ImageModel"


NARROWEST_PICTURE = 590  # px: JupyterLab at 1024x768 with the file browser open (tests/browser)
LESSON_FIGURES = [x.topic for x in LESSONS if x.myth]


@pytest.mark.parametrize("topic", LESSON_FIGURES)
def test_lesson_figure_text_is_12_px_on_the_narrowest_screen_and_stays_in_the_picture(topic):
    figure = importlib.import_module(f"netnot.widgets.{topic}").explorer().figure
    shown = figure.min_text_points() * NARROWEST_PICTURE / (72 * figure.fig.get_figwidth())
    assert shown >= 12, f"the smallest figure text would be {shown:.1f} px"
    renderer = figure.fig.canvas.get_renderer()
    width, height = figure.fig.canvas.get_width_height()
    legends = [*figure.fig.legends, *(a.get_legend() for a in figure.fig.axes if a.get_legend())]
    boxes = [(a, a.get_tightbbox(renderer, bbox_extra_artists=[])) for a in figure.fig.axes]
    # a legend's own box has padding around the words; its words must be in the picture
    boxes += [(text, text.get_window_extent(renderer)) for legend in legends
              for text in legend.texts if text.get_text().strip()]
    for part, box in boxes:
        assert box.x0 >= -2 and box.x1 <= width + 2 and box.y0 >= -2 and box.y1 <= height + 2, (
            f"{part} runs off the {width}x{height} picture: {box}")
