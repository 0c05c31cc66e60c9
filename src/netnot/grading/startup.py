"""What a ``netnot-grade`` process does once, when it starts (never at import time)."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from pathlib import Path


def find_alembic() -> None:
    """nbgrader runs the `alembic` command to create a gradebook: put this venv's bin on PATH."""
    bindir = os.path.dirname(sys.executable)
    if shutil.which("alembic") is None and os.path.exists(os.path.join(bindir, "alembic")):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def skip_slow_optional_imports() -> None:
    """Skip jsonschema's optional ``rfc3987_syntax`` (it builds a grammar: ~1.5 s of CPU).

    jsonschema imports it only to check "iri" formats, and nbformat's schemas check no formats.
    Effective only before jsonschema is first imported; harmless after.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


@functools.cache
def gradebook_schema_version() -> str:
    """The alembic head of nbgrader's gradebook schema, read from nbgrader's own alembic
    scripts in this process."""
    import nbgrader
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(Path(nbgrader.__file__).parent / "alembic")).get_current_head()
    if not head:
        raise RuntimeError("nbgrader's alembic scripts name no head revision")
    return head


def stamp_gradebooks_in_process() -> None:
    """nbgrader stamps each new gradebook with its schema version, which it learns by running
    `alembic heads` in a new process: about 3 s of CPU, as that process imports nbgrader again.
    Give it the same version, from the same scripts, read in this process (0.1 s)."""
    import nbgrader.api

    nbgrader.api.get_alembic_version = gradebook_schema_version


def prepare_process() -> None:
    """Start-up of the command line (and so of the grading workers it forks)."""
    skip_slow_optional_imports()
    find_alembic()
    stamp_gradebooks_in_process()
