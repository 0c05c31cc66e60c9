"""Small helpers the instructor modules share: a grading folder's nbgrader config and API.

The grading folder is the one ``netnot-grade init`` makes (see ``folder.py``): an nbgrader course
folder outside the repository, with ``nbgrader_config.py`` and ``gradebook.db``.
"""

from __future__ import annotations

from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps.api import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from . import gradebook as engine  # importing it puts this venv's `alembic` on PATH
from .folder import GradingFolder, load_config


def _folder(root: Path) -> GradingFolder:
    return GradingFolder(Path(root).resolve())


def config(root: Path) -> Config:
    """The folder's nbgrader config, with an absolute root and gradebook."""
    folder = _folder(root)
    found = load_config(folder.root)
    found.CourseDirectory.root = str(folder.root)
    found.CourseDirectory.db_url = folder.db_url
    return found


def db_url(root: Path) -> str:
    return _folder(root).db_url


def course_id(root: Path) -> str:
    return _folder(root).course_id()


def api(root: Path, extra: Config | None = None) -> NbGraderAPI:
    """nbgrader's own API object on this folder (``extra`` config merged on top)."""
    cfg = config(root)
    if extra is not None:
        cfg.merge(extra)
    return NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)


def gradebook(root: Path) -> Gradebook:
    return Gradebook(db_url(root), course_id(root))


def roster(root: Path) -> list[str]:
    """Student ids in the gradebook (imported from the roster)."""
    return engine.roster(_folder(root))


def release_notebooks(root: Path, assignment: str) -> list[str]:
    """Notebook names the students were given (release/<a>/*.ipynb)."""
    return sorted(p.name for p in (Path(root) / "release" / assignment).glob("*.ipynb"))
