"""What a ``netnot-grade`` process does once, when it starts (never at import time)."""

from __future__ import annotations

import os
import shutil
import sys


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


def prepare_process() -> None:
    """Start-up of the command line (and so of the grading workers it forks)."""
    skip_slow_optional_imports()
    find_alembic()
