"""Is this file a notebook? One answer for collection (``lms``) and for grading (``worker``).

A file is refused with a reason a person understands (a Word document renamed ``.ipynb``, a
truncated download, a JSON file that is no notebook), and a notebook saved with a byte-order
mark is read, with a note.
"""

from __future__ import annotations

import json

import nbformat

BOM = b"\xef\xbb\xbf"
MAGIC = {b"PK\x03\x04": "a zip file (a Word, Excel or other Office document?) renamed .ipynb",
         b"%PDF": "a PDF renamed .ipynb",
         b"\xd0\xcf\x11\xe0": "an old Office document renamed .ipynb",
         b"\x89PNG": "an image renamed .ipynb"}


class NotANotebook(ValueError):
    """The file is not a notebook; the message says what it is instead."""


def read_notebook(data: bytes) -> tuple[nbformat.NotebookNode, list[str]]:
    """(notebook, notes) from a file's bytes; NotANotebook says why not.

    Missing cell ids, outputs and execution counts are added (nbgrader clears outputs before
    grading anyway), then the notebook is validated against nbformat's schema.
    """
    notes = []
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise NotANotebook(f"not a notebook: {what}")
    if data.startswith(BOM):
        data = data[len(BOM):]
        notes.append("saved with a byte-order mark (removed before grading)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NotANotebook(f"not a notebook: not UTF-8 text (byte {err.start})") from None
    if not text.strip():
        raise NotANotebook("not a notebook: the file is empty")
    try:
        raw = json.loads(text)
    except ValueError as err:
        raise NotANotebook(f"not a notebook: not valid JSON ({err}); a truncated or "
                           "hand-edited file?") from None
    if not isinstance(raw, dict) or "cells" not in raw:
        raise NotANotebook("not a notebook: JSON without notebook cells")
    try:
        nb = nbformat.reads(text, as_version=4)
        for cell in nb.cells:
            if cell.get("cell_type") == "code":
                cell.setdefault("outputs", [])
                cell.setdefault("execution_count", None)
        nbformat.validate(nb)
    except Exception as err:  # noqa: BLE001 - nbformat raises many kinds
        first = (str(err).strip().splitlines() or [type(err).__name__])[0][:200]
        raise NotANotebook(f"not a readable notebook: {first}") from None
    return nb, notes
