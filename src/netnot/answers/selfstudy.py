"""A self-study release: the graded student version plus a "show a worked solution" per part.

The worked solutions come from the instructor's source only, from regions nbgrader strips from
every student version (``### BEGIN SOLUTION`` … ``### END SOLUTION``), so the graded release
never contains them, whoever generates it (``scripts/release.py``, ``netnot-grade``, plain
nbgrader). ``scripts/release.py --self-study`` adds them back, each collapsed behind one click:

* after a part's check cell: the region of its optional code cell (comment lines explain the
  widget route; the code is the code route) and the answer, from running the source notebook;
* after a manually graded written answer: its marking guide.
"""

from __future__ import annotations

import re
import textwrap

import nbformat
from nbformat import NotebookNode

from netnot.answers.record import MIME, part_label

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
BY_CODE = re.compile(r"""by_code\(\s*["']([^"']+)["']""")
RECORDED = ", recorded in this notebook."


def region(source: str) -> str:
    """The text between the solution markers (dedented), without the markers."""
    inside, lines = False, []
    for line in source.splitlines():
        if BEGIN in line:
            inside = True
        elif END in line:
            inside = False
        elif inside:
            lines.append(line)
    return textwrap.dedent("\n".join(lines)).strip()


def answer_shown(executed: NotebookNode, grade_id: str) -> str:
    """The answer the source's code gave for the cell ``grade_id``, in words ("11 weeks")."""
    for cell in executed.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") != grade_id:
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if MIME in data:
                line = data.get("text/plain", "")
                return line.split(": ", 1)[-1].split(RECORDED)[0] if RECORDED in line else ""
    return ""


def worked_solution(part: str, title: str, body: str) -> NotebookNode:
    cell = nbformat.v4.new_markdown_cell(
        f"<details><summary>🔎 <b>{title}</b> (click to open)</summary>\n\n{body}\n\n</details>")
    cell.id = f"worked-solution-{part}"
    return cell


def code_solution(cell: NotebookNode, executed: NotebookNode) -> tuple[str, NotebookNode] | None:
    """(part, worked solution) for an optional code cell of the source, else None."""
    found = BY_CODE.search(cell.source)
    text = region(cell.source)
    if not found or not text:
        return None
    lines = text.splitlines()
    words = " ".join(line.lstrip("# ").strip() for line in lines if line.startswith("#"))
    code = "\n".join(line for line in lines if not line.startswith("#")).strip()
    shown = answer_shown(executed, cell.metadata["nbgrader"]["grade_id"])
    body = words + (f"\n\n**The answer:** {shown}." if shown else "")
    body += f"\n\nWith code, in the optional code cell:\n\n```python\n{code}\n```" if code else ""
    part = found.group(1)
    return part, worked_solution(part, f"Show a worked solution ({part_label(part)})", body)


def graded(cell: NotebookNode) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("grade")) and cell.cell_type == "code"


def add_worked_solutions(release: NotebookNode, source: NotebookNode,
                         executed: NotebookNode) -> NotebookNode:
    """A copy of ``release`` with the worked solutions of ``source`` (see the module doc).

    ``executed`` is ``source`` after running it, so that each solution shows its answer.
    """
    nb = nbformat.from_dict(release)
    position = {c.metadata.get("nbgrader", {}).get("grade_id"): i for i, c in enumerate(nb.cells)}
    inserts: list[tuple[int, NotebookNode]] = []
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        where = position.get(meta.get("grade_id"))
        if not meta.get("solution") or where is None:
            continue
        if cell.cell_type == "code":
            made = code_solution(cell, executed)
            if made is None:
                continue
            after = next((i for i in range(where, len(nb.cells)) if graded(nb.cells[i])), where)
            while after + 1 < len(nb.cells) and graded(nb.cells[after + 1]):
                after += 1  # after the part's last check (a plan has several)
            inserts.append((after, made[1]))
        elif meta.get("grade") and region(cell.source):
            guide = re.sub(r"<!--|-->", "", region(cell.source)).strip()
            title = f"Show what a good answer contains ({part_label(meta['grade_id'])})"
            inserts.append((where, worked_solution(meta["grade_id"], title, guide)))
    for after, cell in sorted(inserts, key=lambda x: x[0], reverse=True):
        nb.cells.insert(after + 1, cell)
    return nb
