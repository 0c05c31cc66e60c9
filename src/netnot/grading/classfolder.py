"""Small helpers the instructor modules share: a grading folder's nbgrader config and API.

The grading folder is the one ``netnot-grade init`` makes (see ``folder.py``): an nbgrader course
folder outside the repository, with ``nbgrader_config.py`` and ``gradebook.db``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps.api import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

# nbgrader runs this environment's `alembic` command when it creates a gradebook.
_BIN = os.path.dirname(sys.executable)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")


def config(root: Path) -> Config:
    """The folder's nbgrader config, with an absolute root and gradebook."""
    root = Path(root).resolve()
    found = Config()
    if (root / "nbgrader_config.py").exists():
        found = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    found.CourseDirectory.root = str(root)
    found.CourseDirectory.db_url = db_url(root)
    return found


def db_url(root: Path) -> str:
    return f"sqlite:///{Path(root).resolve() / 'gradebook.db'}"


def course_id(root: Path) -> str:
    return str(config(root).CourseDirectory.get("course_id", "") or "default_course")


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
    with gradebook(root) as gb:
        return sorted(s.id for s in gb.students)


def release_notebooks(root: Path, assignment: str) -> list[str]:
    """Notebook names the students were given (release/<a>/*.ipynb)."""
    return sorted(p.name for p in (Path(root) / "release" / assignment).glob("*.ipynb"))
