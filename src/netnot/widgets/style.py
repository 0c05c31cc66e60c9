"""The course's widget stylesheet (src/netnot/netnot.css), carried by the widgets themselves so that
it works wherever they are shown: JupyterLab, learner mode (Voilà), a JupyterHub."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import ipywidgets as W


@lru_cache(maxsize=1)
def css() -> str:
    """The stylesheet's text (read once, when the first widget needs it)."""
    return resources.files("netnot").joinpath("netnot.css").read_text(encoding="utf-8")


def stylesheet() -> W.HTML:
    """An invisible widget holding the stylesheet; every course widget includes one."""
    sheet = W.HTML(f"<style>{css()}</style>", layout=W.Layout(display="none"))
    sheet.add_class("nin-style")
    return sheet
