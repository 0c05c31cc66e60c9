"""An explorer: controls -> model -> live figure, with a one-line summary and clear errors."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as W
from traitlets import Unicode

from netnot.answers.sheet import GRADING, mode
from netnot.figures.live import LiveFigure
from netnot.params import ParameterError
from netnot.widgets.style import stylesheet


def slider(label: str, value: float, low: float, high: float, step: float) -> W.ValueWidget:
    """A labelled slider: whole-number steps give an IntSlider, others a FloatSlider.

    Its width comes from the course stylesheet (class ``nin-slider``): label, track and readout
    sit in the same grid columns as every other slider's, at any screen width.
    """
    whole = all(float(x).is_integer() for x in (value, low, high, step))
    kind = W.IntSlider if whole else W.FloatSlider
    control = kind(
        value=value, min=low, max=high, step=step, description=label,
        style={"description_width": "initial"},
    )
    control.add_class("nin-slider")
    return control


class Picture(W.Image):
    """A binary image whose ``tooltip`` is its text alternative (the <img>'s title).

    ipywidgets 8's views set the title only when the model's ``description`` is empty, and read
    ``description.length``: an Image has no description, so a tooltip on a plain ``W.Image`` makes
    its view fail to render ("Could not create a view", in JupyterLab and in Voilà). An empty
    description fixes that.
    """

    description = Unicode("").tag(sync=True)


class Explorer(W.VBox):
    """Wire ``controls`` to ``model(**values)`` and show the result in ``figure``.

    A value the model refuses shows its message in place of the summary; the last good
    figure stays on screen.
    """

    def __init__(
        self,
        controls: Mapping[str, W.ValueWidget],
        model: Callable[..., Any],
        figure: LiveFigure,
        summary: Callable[[Any], str],
    ) -> None:
        self.controls, self.model, self.summarise = dict(controls), model, summary
        self.figure = figure
        # Binary JPEG (no base64 inside HTML); `tooltip` becomes the <img>'s title, its text
        # alternative, and changes with every picture.
        self.plot = Picture(format="jpeg", layout=W.Layout(max_width="100%", height="auto"))
        self.plot.add_class("nin-plot")
        self.frame = W.Box([self.plot])
        self.frame.add_class("nin-figure")
        self.summary = W.HTML()
        self.summary.add_class("nin-summary")
        self.error = W.HTML()
        self.error.add_class("nin-error")
        self.result: Any = None
        self.draws = mode() != GRADING  # nbgrader's grading kernel: nobody sees the picture
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        super().__init__(
            [*self.controls.values(), self.frame, self.summary, self.error, stylesheet()])
        self.add_class("nin-explorer")
        self.update()

    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def update(self, **overrides: Any) -> bool:
        """Run the model with the controls' values (and any overrides); False if refused."""
        try:
            result = self.model(**{**self.values(), **overrides})
        except ParameterError as problem:
            self.error.value = f'<span role="alert">⚠ {html.escape(str(problem))}</span>'
            return False
        self.result = result
        if self.draws:
            picture = self.figure.picture(result)
            with self.plot.hold_sync():  # picture and text alternative in one message
                self.plot.value = picture
                self.plot.tooltip = self.figure.alt
        self.summary.value = self.summarise(result)
        self.error.value = ""
        return True

    def _changed(self, _change: dict[str, Any]) -> None:
        self.update()
