"""Compare a submission with the release notebook the student was given, and repair it.

nbgrader already restores the source of locked and test cells from the gradebook, and with
``add_missing_cells`` puts back deleted test cells. It crashes, though, when a student flips a
cell's grade flags (nbgrader #1423), and it says nothing to the instructor in any case. Here each
grade/locked/solution cell of the release is looked up by ``grade_id``; changes are reported and
the release's nbgrader metadata is put back, so nbgrader grades the restored tests.

A cell copied and pasted (in JupyterLab, copy-paste keeps its nbgrader metadata) makes two cells
with one ``grade_id``. nbgrader 0.9's ``DeduplicateIds`` then empties the copy's metadata, and
``OverwriteCells`` stops with ``KeyError: 'grade_id'`` on it: the student "crashed".
:func:`repair_duplicates` keeps the metadata on one copy and turns the others into ordinary
cells, so the submission is graded, with a note.
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


def repair_duplicates(submitted: NotebookNode, release: NotebookNode | None = None
                      ) -> list[str]:
    """Give each ``grade_id`` one cell again; notes on what was done (empty if nothing).

    The cell that stays graded is the one with the release's cell id if there is one (a pasted
    copy gets a new id), else the first copy of a locked or test cell (where the release has
    it) and the last copy of an answer cell (nbgrader's own choice, ``DeduplicateIds``). The
    others keep their content and run as ordinary cells, but count for nothing."""
    ids = {}
    if release is not None:
        ids = {c.metadata["nbgrader"]["grade_id"]: c.get("id") for c in release.cells
               if isinstance(c.get("metadata", {}).get("nbgrader"), dict)
               and c.metadata["nbgrader"].get("grade_id")}
    copies: dict[str, list[NotebookNode]] = {}
    for cell in submitted.cells:
        meta = cell.get("metadata", {}).get("nbgrader")
        if isinstance(meta, dict) and isinstance(meta.get("grade_id"), str):
            copies.setdefault(meta["grade_id"], []).append(cell)
    notes = []
    for name, cells in copies.items():
        if len(cells) < 2:
            continue
        same = [c for c in cells if ids.get(name) and c.get("id") == ids[name]]
        answer = bool(cells[0].metadata["nbgrader"].get("solution")) and not cells[0].metadata[
            "nbgrader"].get("locked")
        kept = same[0] if same else cells[-1] if answer else cells[0]
        for cell in cells:
            if cell is not kept:
                del cell.metadata["nbgrader"]
        kind = "answer cell" if answer else "locked cell"
        notes.append(f"{kind} {name} was pasted {len(cells) - 1} more time"
                     f"{'s' if len(cells) > 2 else ''}: one copy was graded, the others ran as "
                     "ordinary cells")
    return notes


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
