"""A lesson's findings box: what the simulation finds, computed when the lesson runs."""

from __future__ import annotations

import html

import ipywidgets as W


def findings_box(title: str, items: list[str], when: str = "computed when the lesson runs"
                 ) -> W.HTML:
    """A titled list of findings; ``items`` are HTML (numbers already computed)."""
    body = "".join(f"<li>{item}</li>" for item in items)
    box = W.HTML(f"<div role='note'><b>{html.escape(title)}</b> ({html.escape(when)})"
                 f"<ul>{body}</ul></div>")
    box.add_class("nin-summary")
    box.add_class("nin-findings")
    return box
