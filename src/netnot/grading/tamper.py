"""Compare a submission with the release notebook the student was given, and repair it.

nbgrader already restores the source of locked and test cells from the gradebook, and with
``add_missing_cells`` puts back deleted test cells. It crashes, though, when a student flips a
cell's grade flags (nbgrader #1423), and it says nothing to the instructor in any case. Here each
grade/locked/solution cell of the release is looked up by ``grade_id``; changes are reported and
the release's nbgrader metadata is put back, so nbgrader grades the restored tests.
"""

from __future__ import annotations

from nbformat import NotebookNode

FIELDS = ("grade", "solution", "locked", "points", "grade_id", "task")


def _graded(cell: NotebookNode) -> dict | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    if isinstance(meta, dict) and (meta.get("grade") or meta.get("solution") or
                                   meta.get("locked") or meta.get("task")):
        return meta
    return None


def _by_id(nb: NotebookNode) -> dict[str, NotebookNode]:
    cells: dict[str, NotebookNode] = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader")
        if isinstance(meta, dict) and isinstance(meta.get("grade_id"), str):
            cells.setdefault(meta["grade_id"], cell)
    return cells


def check_and_repair(submitted: NotebookNode, release: NotebookNode) -> list[str]:
    """Problems found (empty if none). ``submitted`` is repaired in place."""
    problems: list[str] = []
    given = _by_id(submitted)
    for ref in release.cells:
        meta = _graded(ref)
        if meta is None:
            continue
        name = meta.get("grade_id", "?")
        cell = given.get(name)
        is_test = bool(meta.get("grade") and not meta.get("solution"))
        kind = "test cell" if is_test else "locked cell" if meta.get("locked") else "answer cell"
        if cell is None:
            problems.append(f"deleted {kind} {name}")
            continue
        theirs = cell.get("metadata", {}).get("nbgrader", {})
        changed = [f for f in FIELDS if theirs.get(f) != meta.get(f)]
        if changed or cell.cell_type != ref.cell_type:
            problems.append(f"changed grade metadata of {name} ({', '.join(changed) or 'type'})")
            cell.metadata["nbgrader"] = dict(meta)
            cell.cell_type = ref.cell_type
        if meta.get("locked") and cell.source.strip() != ref.source.strip():
            problems.append(f"edited {kind} {name}")
    known = set(_by_id(release))
    for name, cell in _by_id(submitted).items():
        if name not in known and _graded(cell):
            problems.append(f"unknown graded cell {name}")
            del cell.metadata["nbgrader"]
    return problems


def student_code(submitted: NotebookNode, release: NotebookNode) -> list[str]:
    """Sources of the code cells the student could write (everything but locked cells)."""
    locked = {name for name, cell in _by_id(release).items()
              if cell.get("metadata", {}).get("nbgrader", {}).get("locked")}
    sources = []
    for cell in submitted.cells:
        name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if cell.cell_type == "code" and name not in locked:
            sources.append(cell.source)
    return sources
