"""The "What the model assumes" table of a lesson, made from the one table of assumptions.

    assumptions("03")        # the rows lesson 03 uses, with a link to the whole table
    assumptions()            # every row (the "Where the numbers come from" page)
"""

from __future__ import annotations

import html

import ipywidgets as W

from netnot.models.assumptions import TABLE, Assumption, for_lesson
from netnot.models.world import World
from netnot.references import REFERENCES

PAGE = "where-the-numbers-come-from.ipynb"


def shown(row: Assumption, world: World | None = None) -> str:
    """A row's value in plain words, e.g. '12 hours a week', '30%'."""
    value = getattr(world, row.name) if world is not None else row.value
    if row.unit == "share":
        return f"{100 * value:g}%"
    if row.unit == "yes/no":
        return "yes" if value else "no"
    if row.unit == "chance a week":
        return f"{100 * value:g}% a week"
    return f"{value:g} {row.unit}"


def rows_html(rows: tuple[Assumption, ...], world: World | None = None) -> str:
    """An HTML table: what it is, the value, where it comes from."""
    body = []
    for row in rows:
        source = html.escape(row.source)
        if row.note:
            source += f"<br><small>{html.escape(row.note)}</small>"
        body.append(f"<tr><td>{html.escape(row.label)}</td><td>{html.escape(shown(row, world))}"
                    f"</td><td>{source}</td></tr>")
    return ('<table class="nin-assumptions"><thead><tr><th scope="col">In the simulation</th>'
            '<th scope="col">Value</th><th scope="col">Where it comes from</th></tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def assumptions(lesson: str | None = None, world: World | None = None) -> W.HTML:
    """The rows a lesson uses (all rows if ``lesson`` is None), as a table widget."""
    rows = TABLE if lesson is None else for_lesson(lesson)
    link = ("" if lesson is None else
            f'<p>Every number of every lesson, in one table: <a href="{PAGE}">Where the '
            "numbers come from</a>.</p>")
    widget = W.HTML(rows_html(rows, world) + link)
    widget.add_class("nin-summary")
    return widget


def references_html(keys: tuple[str, ...] | None = None) -> str:
    """Full references, as a list (every reference if ``keys`` is None)."""
    chosen = sorted(keys if keys is not None else REFERENCES,
                    key=lambda k: REFERENCES[k].full.lower())
    items = "".join(f"<li>{html.escape(REFERENCES[k].full)}</li>" for k in chosen)
    return f"<ul>{items}</ul>"


def references() -> W.HTML:
    """Every source the course cites, with its full reference."""
    return W.HTML(references_html())
