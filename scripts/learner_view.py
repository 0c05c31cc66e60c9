"""Make every lesson open tidy in JupyterLab: code cells folded away, one line on how to start.

    python scripts/learner_view.py          # apply to every lesson in course/
    python scripts/learner_view.py --check  # only report; exit 1 if a lesson needs it

Mechanical and idempotent, so it can be re-applied after any rewrite of the lessons: it sets
``metadata.jupyter.source_hidden`` on every code cell and keeps one markdown cell tagged
``netnot-start`` at the top, with the text below. It changes nothing else. In learner mode
(Voilà) the course's template shows that cell as the bar with the switch to JupyterLab instead.
tests/test_learner_view.py runs the check.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "course"
START_TAG = "netnot-start"
START_LINE = (
    "**▶ To start, choose *Run → Run All Cells*.** The code is folded away (click the bar to "
    "the left of a cell to unfold it); for the lesson without any code, press **Learner mode** "
    "in the toolbar."
)


def is_start_cell(cell: dict) -> bool:
    return START_TAG in cell.get("metadata", {}).get("tags", [])


def has_code(notebook: nbformat.NotebookNode) -> bool:
    return any(c.cell_type == "code" for c in notebook.cells)


def problems(notebook: nbformat.NotebookNode) -> list[str]:
    """What keeps ``notebook`` from opening tidy: visible code, no start line at the top (or
    one in a page without code, such as the glossary: there is nothing to run)."""
    found = []
    cells = notebook.cells
    starts = sum(is_start_cell(c) for c in cells)
    if not has_code(notebook):
        return ["a 'how to start' line in a page with nothing to run"] if starts else []
    if not cells or not is_start_cell(cells[0]) or cells[0].source != START_LINE:
        found.append("the first cell is not the one-line 'how to start' (netnot-start)")
    if starts > 1:
        found.append("more than one 'how to start' cell")
    for number, cell in enumerate(cells, start=1):
        if cell.cell_type == "code" and not cell.metadata.get("jupyter", {}).get("source_hidden"):
            found.append(f"code cell {number} is not folded away (jupyter.source_hidden)")
    return found


def apply(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Fold every code cell and put the start line at the top (exactly once, if there is code)."""
    cells = [c for c in notebook.cells if not is_start_cell(c)]
    for cell in cells:
        if cell.cell_type == "code":
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    start = nbformat.v4.new_markdown_cell(START_LINE, metadata={"tags": [START_TAG]})
    start.id = "netnot-start"
    notebook.cells = [start, *cells] if has_code(notebook) else cells
    return notebook


def lessons(folder: Path = COURSE) -> list[Path]:
    return sorted(folder.glob("*.ipynb"))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    unknown = [a for a in argv if a != "--check"]
    if unknown:
        print(f"unknown argument(s): {' '.join(unknown)}\n{__doc__}", file=sys.stderr)
        return 2
    if not lessons():
        print(f"no lessons in {COURSE}", file=sys.stderr)
        return 1
    status = 0
    for path in lessons():
        notebook = nbformat.read(path, as_version=4)
        found = problems(notebook)
        if not found:
            continue
        if check:
            status = 1
            print(f"{path.relative_to(ROOT)}: " + "; ".join(found))
        else:
            nbformat.write(apply(notebook), path)
            print(f"{path.relative_to(ROOT)}: code folded, start line set")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
