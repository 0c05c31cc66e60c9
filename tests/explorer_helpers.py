"""What every lesson's explorer tests check the same way."""

from __future__ import annotations

from netnot.widgets.explorer import Explorer


def text(html: str) -> str:
    """Shown words without bold tags or escaped apostrophes."""
    return html.replace("<b>", "").replace("</b>", "").replace("&#x27;", "'")


def assert_refused_and_kept(explorer: Explorer, change: dict, words: str) -> None:
    """A value the model refuses shows ``words`` and keeps the last picture, findings and
    result; the next good update clears the message."""
    plot, summary, result = explorer.plot.value, explorer.summary.value, explorer.result
    assert explorer.update(**change) is False
    assert words in text(explorer.error.value)
    assert explorer.plot.value == plot and explorer.summary.value == summary
    assert explorer.result is result
    assert explorer.update() is True and explorer.error.value == ""
