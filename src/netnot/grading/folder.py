"""The instructor's grading folder: an nbgrader course folder outside the repository.

Layout (nbgrader's own): ``nbgrader_config.py``, ``source/<a>/`` (copied from the repo's
``solutions/<a>/``), ``release/<a>/``, ``submitted/<student>/<a>/``, ``autograded/…``,
``gradebook.db``; plus ``reports/<a>/status.csv`` and ``.netnot/`` (resumable results).
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config, PyFileConfigLoader

CONFIG = "nbgrader_config.py"
ROSTER_COLUMNS = ("id", "last_name", "first_name", "email")

# Settings copied from the repo's nbgrader_config.py into the grading folder's own config.
COPIED = (
    ("CourseDirectory", "course_id"),
    ("Execute", "timeout"),
    ("ExecutePreprocessor", "timeout"),
    ("OverwriteCells", "add_missing_cells"),
    ("IgnorePattern", "enabled"),
    ("IgnorePattern", "pattern"),
    ("LimitOutput", "max_lines"),
    ("LimitOutput", "max_traceback"),
    ("Autograde", "sanitize_preprocessors"),  # reads widget answers (netnot.answers.grader)
)


class FolderError(Exception):
    """The grading folder is missing something; the message says what to run."""


def load_config(folder: Path) -> Config:
    """The nbgrader config in ``folder`` (empty if there is none)."""
    if not (folder / CONFIG).exists():
        return Config()
    return PyFileConfigLoader(CONFIG, path=str(folder)).load_config()


def config_text(repo_config: Config) -> str:
    """The grading folder's nbgrader_config.py, with the repo's grading settings."""
    lines = [
        '"""nbgrader settings for this grading folder (written by `netnot-grade init`)."""',
        "",
        "c = get_config()  # noqa: F821",
        'c.CourseDirectory.source_directory = "source"',
        'c.CourseDirectory.release_directory = "release"',
        'c.CourseDirectory.db_url = "sqlite:///gradebook.db"',
    ]
    for section, key in COPIED:
        if section in repo_config and key in repo_config[section]:
            lines.append(f"c.{section}.{key} = {repo_config[section][key]!r}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class GradingFolder:
    root: Path

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def config(self) -> Config:
        return load_config(self.root)

    def course_id(self) -> str:
        return str(self.config().get("CourseDirectory", {}).get("course_id", "default_course"))

    def source(self, assignment: str) -> Path:
        return self.root / "source" / assignment

    def release(self, assignment: str) -> Path:
        return self.root / "release" / assignment

    def submitted(self, student: str, assignment: str) -> Path:
        return self.root / "submitted" / student / assignment

    def autograded(self, student: str, assignment: str) -> Path:
        return self.root / "autograded" / student / assignment

    def results(self, assignment: str) -> Path:
        return self.root / ".netnot" / "results" / assignment

    def report(self, assignment: str) -> Path:
        return self.root / "reports" / assignment

    def submitters(self, assignment: str) -> list[str]:
        """Students with a folder submitted/<student>/<assignment>/."""
        base = self.root / "submitted"
        return sorted(p.parent.name for p in base.glob(f"*/{assignment}") if p.is_dir())

    def expected_notebooks(self, assignment: str) -> list[str]:
        """Notebook names the students were given (from release/<a>/)."""
        names = sorted(p.name for p in self.release(assignment).glob("*.ipynb"))
        if not names:
            raise FolderError(f"no release of {assignment!r}: run "
                              f"`netnot-grade generate_assignment {assignment}` first")
        return names

    def check(self) -> None:
        if not (self.root / CONFIG).exists():
            raise FolderError(f"{self.root} is not a grading folder (no {CONFIG}): "
                              "run `netnot-grade init <folder>` first")


def init(folder: Path, repo: Path, assignments: list[str] | None = None) -> GradingFolder:
    """Create (or refresh) a grading folder from the repo's solutions/ and nbgrader_config.py."""
    folder, repo = folder.resolve(), repo.resolve()
    if folder == repo or repo in folder.parents:
        raise FolderError(f"the grading folder must be outside the repository ({repo}): "
                          "student work and grades are class data")
    solutions = repo / "solutions"
    names = assignments or sorted(p.name for p in solutions.iterdir() if p.is_dir())
    if not names:
        raise FolderError(f"no assignments in {solutions}")
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        if not (solutions / name).is_dir():
            raise FolderError(f"no assignment {name!r} in {solutions}")
        shutil.copytree(solutions / name, folder / "source" / name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    (folder / CONFIG).write_text(config_text(load_config(repo)))
    return GradingFolder(folder)


def read_roster(path: Path) -> list[dict[str, str]]:
    """Rows of a roster CSV with columns id,last_name,first_name,email (id required)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ROSTER_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise FolderError(f"{path}: roster needs columns {','.join(ROSTER_COLUMNS)}; "
                              f"missing {','.join(missing)}")
        rows = [{c: (row.get(c) or "").strip() for c in ROSTER_COLUMNS} for row in reader]
    for number, row in enumerate(rows, start=2):
        if not row["id"]:
            raise FolderError(f"{path}, line {number}: empty student id")
    return rows
