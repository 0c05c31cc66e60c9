"""nbgrader's log goes to a file, not the screen.

nbgrader's apps warn about things that are normal here ("Directory not found. Creating …",
a config option of a plugin they do not load, "checksum changed" for every cell with hidden
tests), one screen per run. While a step runs, its messages go to a log file in
``.netnot/logs/``; the command prints its own short summary and, on failure, where the log is.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NBGRADER_LOGGERS = ("traitlets", "nbgrader", "NbGraderAPI")


@contextmanager
def nbgrader_log(app: object | None, path: Path) -> Iterator[Path]:
    """Send the log of ``app`` (an nbgrader app, or None for the API) and nbgrader's loggers
    to ``path`` while the block runs; yields ``path``."""
    handler = logging.FileHandler(path, mode="a", encoding="utf-8")
    handler.setFormatter(logging.Formatter("[%(name)s | %(levelname)s] %(message)s"))
    loggers = [logging.getLogger(name) for name in NBGRADER_LOGGERS]
    own = getattr(app, "log", None)
    if isinstance(own, logging.Logger) and own not in loggers:
        loggers.append(own)
    saved = [(log, log.handlers[:], log.propagate) for log in loggers]
    for log in loggers:
        log.handlers = [handler]
        log.propagate = False
    try:
        yield path
    finally:
        for log, handlers, propagate in saved:
            log.handlers = handlers
            log.propagate = propagate
        handler.close()
