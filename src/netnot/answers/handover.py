"""The hand-over at autograde: the cell the grader adds at the top of a submission calls
:func:`receive` with the answers it read from the notebook's outputs (see
:mod:`netnot.answers.grader`); the answer sheets of that kernel then use nothing else.
"""

from __future__ import annotations

import html
import json

from netnot.answers import record

_RECEIVED: list[record.Harvest] = []  # what the grader passed in (the last hand-over counts)


def handed_over() -> record.Harvest | None:
    """The answers the grader handed over in this kernel, or None if it handed over nothing."""
    return _RECEIVED[-1] if _RECEIVED else None


def receive(payload: str) -> None:
    """Take the answers the grader read from the submitted notebook (called by the cell the
    grader adds at the top), and show them: the graded notebook says what was graded."""
    try:
        data = json.loads(payload)
        items, problems = data["answers"], [str(p)[:300] for p in data["problems"]]
    except (ValueError, KeyError, TypeError):
        items, problems = [], ["the answers handed over by the grader were not readable"]
    found = record.Harvest(problems=problems)
    for item in items if isinstance(items, list) else []:
        answer, note = record.parse(item)
        if answer is not None:
            found.add(answer)
        if note:
            found.problems.append(note)
    _RECEIVED.append(found)
    from IPython.display import display

    display(received_bundle(found), raw=True)


def received_bundle(found: record.Harvest) -> dict:
    rows = [(f"{exercise} · {part}", answer.kind, record.as_text(answer.value), answer.by)
            for (exercise, part), answer in sorted(found.answers.items())]
    text = ["Answers read from the submitted notebook:"]
    text += [f"  {a}: {b} = {c} (given {d})" for a, b, c, d in rows] or ["  (none)"]
    text += [f"  Problem: {p}" for p in found.problems]
    cells = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td>"
                    f"<td style='white-space:pre-wrap'>{html.escape(c)}</td><td>{d}</td></tr>"
                    for a, b, c, d in rows) or "<tr><td colspan=4>(none)</td></tr>"
    notes = "".join(f"<li>{html.escape(p)}</li>" for p in found.problems)
    page = (f"<b>Answers read from the submitted notebook</b><table>"
            f"<tr><th>part</th><th>kind</th><th>answer</th><th>given with</th></tr>{cells}"
            f"</table>" + (f"<b>Problems</b><ul>{notes}</ul>" if notes else ""))
    return {"text/plain": "\n".join(text), "text/html": page}


