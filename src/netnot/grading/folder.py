"""The instructor's grading folder: an nbgrader course folder outside the repository.

One :class:`GradingFolder` is made per command and passed to every step. It owns every path
(nbgrader's own layout: ``source/<a>/``, ``release/<a>/``, ``submitted/<s>/<a>/``,
``autograded/…``, ``feedback/…``, ``downloaded/<a>/``, ``gradebook.db``; plus ``reports/<a>/``
and ``.netnot/``), its ``nbgrader_config.py``, nbgrader's API object, the gradebook and the
roster.

``nbgrader_config.py`` is made of managed blocks (``# BEGIN netnot <name>`` … ``# END netnot
<name>``): ``init`` rewrites only the folder block, ``duedate`` only the late-penalty block, and
anything else in the file (the instructor's own settings) is kept.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.api import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

CONFIG = "nbgrader_config.py"
ROSTER_COLUMNS = ("id", "last_name", "first_name", "email")
HEADER = ('"""nbgrader settings for this grading folder.\n\n'
          "`netnot-grade init` rewrites the folder block and `netnot-grade duedate` the "
          "late-penalty block;\nput your own settings (e.g. a longer `c.Execute.timeout`) "
          'below them: they are kept.\n"""\n\nc = get_config()  # noqa: F821\n')
FOLDER_BLOCK = [
    "# the course's settings, declared once in the netnot package",
    "from netnot.grading.course_settings import apply_course_settings",
    "",
    "apply_course_settings(c)",
    'c.CourseDirectory.source_directory = "source"',
    'c.CourseDirectory.release_directory = "release"',
]


class FolderError(Exception):
    """The grading folder is missing something; the message says what to run."""


def _block_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^# BEGIN netnot {re.escape(name)}\n.*?^# END netnot {re.escape(name)}\n",
                      re.S | re.M)


def with_block(text: str, name: str, lines: list[str]) -> str:
    """``text`` (a config file) with the managed block ``name`` set to ``lines``."""
    block = "\n".join([f"# BEGIN netnot {name}", *lines, f"# END netnot {name}"]) + "\n"
    pattern = _block_pattern(name)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text, count=1)
    return text.rstrip("\n") + "\n\n" + block


def blocks(text: str) -> dict[str, str]:
    """The managed blocks of a config file, by name (whole text of each block)."""
    found = re.finditer(r"^# BEGIN netnot (\S[^\n]*)\n.*?^# END netnot \1\n", text, re.S | re.M)
    return {m.group(1): m.group(0) for m in found}


@dataclass(frozen=True)
class GradingFolder:
    """Everything about one grading folder; ``root`` is absolute."""

    root: Path

    @classmethod
    def open(cls, path: Path | str) -> GradingFolder:
        """The grading folder at ``path``; FolderError if it is not one."""
        folder = cls(Path(path).resolve())
        if not folder.config_file.exists():
            raise FolderError(f"{folder.root} is not a grading folder (no {CONFIG}): "
                              "run `netnot-grade init <folder>` first")
        return folder

    # ---- paths ---------------------------------------------------------------------------
    @property
    def config_file(self) -> Path:
        return self.root / CONFIG

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def source(self, assignment: str) -> Path:
        return self.root / "source" / assignment

    def release(self, assignment: str) -> Path:
        return self.root / "release" / assignment

    def submitted(self, student: str, assignment: str) -> Path:
        return self.root / "submitted" / student / assignment

    def autograded(self, student: str, assignment: str) -> Path:
        return self.root / "autograded" / student / assignment

    def feedback(self, student: str, assignment: str) -> Path:
        return self.root / "feedback" / student / assignment

    def downloaded(self, assignment: str) -> Path:
        return self.root / "downloaded" / assignment

    def reports(self, assignment: str, create: bool = True) -> Path:
        """reports/<a>/: status.csv, collect.csv, grades.csv, the class report …"""
        path = self.root / "reports" / assignment
        if create:
            path.mkdir(parents=True, exist_ok=True)
        return path

    def results(self, assignment: str) -> Path:
        """Per-student result files of autograde (what makes a run resumable)."""
        return self.root / ".netnot" / "results" / assignment

    def log(self, assignment: str, student: str, suffix: str = ".log") -> Path:
        path = self.root / ".netnot" / "logs" / assignment / f"{student}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    # ---- nbgrader ------------------------------------------------------------------------
    def config(self) -> Config:
        """The folder's nbgrader config, with an absolute root and gradebook."""
        found = PyFileConfigLoader(CONFIG, path=str(self.root)).load_config() \
            if self.config_file.exists() else Config()
        found.CourseDirectory.root = str(self.root)
        found.CourseDirectory.db_url = self.db_url
        return found

    def course_id(self) -> str:
        return str(self.config().CourseDirectory.get("course_id", "default_course"))

    def coursedir(self, config: Config | None = None) -> CourseDirectory:
        return CourseDirectory(config=config or self.config())

    def api(self, extra: Config | None = None) -> NbGraderAPI:
        """nbgrader's own API object on this folder (``extra`` config merged on top)."""
        config = self.config()
        if extra is not None:
            config.merge(extra)
        return NbGraderAPI(coursedir=self.coursedir(config), config=config)

    def gradebook(self) -> Gradebook:
        """nbgrader's gradebook (use it as a context manager: ``with folder.gradebook() as gb``)."""
        return Gradebook(self.db_url, self.course_id())

    def roster(self) -> list[str]:
        """Student ids in the gradebook (imported from the roster)."""
        with self.gradebook() as gb:
            return sorted(s.id for s in gb.students)

    def import_roster(self, rows: list[dict[str, str]]) -> int:
        """Create or update each student in the gradebook; returns how many."""
        with self.gradebook() as gb:
            for row in rows:
                gb.update_or_create_student(row["id"], last_name=row["last_name"] or None,
                                            first_name=row["first_name"] or None,
                                            email=row["email"] or None)
        return len(rows)

    def generate_assignment(self, assignment: str) -> str:
        """nbgrader generate_assignment (creates the assignment in the gradebook); its log."""
        if not self.source(assignment).is_dir():
            raise FolderError(f"no source/{assignment}/ in {self.root}")
        from .nbgrader_log import nbgrader_log

        with nbgrader_log(None, self.log(assignment, "generate_assignment")):
            result = self.api().generate_assignment(assignment, force=True, create=True)
        if not result["success"]:
            raise FolderError(f"nbgrader generate_assignment failed:\n"
                              f"{result.get('error', '')}\n{result.get('log', '')}")
        return result.get("log", "")

    @contextmanager
    def assignment_record(self, assignment: str) -> Iterator[tuple[Gradebook, object]]:
        """(gradebook, nbgrader's Assignment) for an assignment that must be in the gradebook."""
        with self.gradebook() as gb:
            try:
                record = gb.find_assignment(assignment)
            except MissingEntry:
                raise FolderError(f"assignment {assignment!r} is not in the gradebook: run "
                                  f"`netnot-grade generate_assignment {assignment}`") from None
            yield gb, record

    # ---- the class -----------------------------------------------------------------------
    def submitters(self, assignment: str) -> list[str]:
        """Students with a folder submitted/<student>/<assignment>/."""
        base = self.root / "submitted"
        return sorted(p.parent.name for p in base.glob(f"*/{assignment}") if p.is_dir())

    def graded_students(self, assignment: str, pattern: str = "*") -> list[str]:
        """Students with a folder autograded/<student>/<assignment>/."""
        base = self.root / "autograded"
        return sorted(p.parent.name for p in base.glob(f"{pattern}/{assignment}") if p.is_dir())

    def feedback_pages(self, assignment: str, student: str | None = None) -> list[Path]:
        """feedback/<student>/<assignment>/*.html of one student, or of everyone."""
        return sorted((self.root / "feedback").glob(f"{student or '*'}/{assignment}/*.html"))

    def release_notebooks(self, assignment: str) -> list[str]:
        """Notebook names the students were given (release/<a>/*.ipynb)."""
        return sorted(p.name for p in self.release(assignment).glob("*.ipynb"))

    def expected_notebooks(self, assignment: str) -> list[str]:
        """As :meth:`release_notebooks`, but FolderError if there is no release."""
        names = self.release_notebooks(assignment)
        if not names:
            raise FolderError(f"no release of {assignment!r}: run "
                              f"`netnot-grade generate_assignment {assignment}` first")
        return names

    # ---- nbgrader_config.py --------------------------------------------------------------
    def set_config_block(self, name: str, lines: list[str]) -> None:
        """Write the managed block ``name`` of nbgrader_config.py, keeping everything else."""
        text = self.config_file.read_text() if self.config_file.exists() else HEADER
        self.config_file.write_text(with_block(text, name, lines))


def init(folder: Path, repo: Path, assignments: list[str] | None = None) -> GradingFolder:
    """Create (or refresh) a grading folder from the repo's solutions/.

    Run again, it refreshes ``source/`` and the folder block of ``nbgrader_config.py``; the
    late-penalty block and the instructor's own settings stay.
    """
    folder, repo = folder.resolve(), repo.resolve()
    if folder == repo or repo in folder.parents:
        raise FolderError(f"the grading folder must be outside the repository ({repo}): "
                          "student work and grades are class data")
    solutions = repo / "solutions"
    if not solutions.is_dir():
        raise FolderError(f"no solutions/ in {repo}: give the course repository with --repo")
    names = assignments or sorted(p.name for p in solutions.iterdir() if p.is_dir())
    if not names:
        raise FolderError(f"no assignments in {solutions}")
    for name in names:
        if not (solutions / name).is_dir():
            raise FolderError(f"no assignment {name!r} in {solutions}")
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copytree(solutions / name, folder / "source" / name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    made = GradingFolder(folder)
    if made.config_file.exists() and "folder" not in blocks(made.config_file.read_text()):
        # written by an older netnot-grade: keep only its late-penalty block
        kept = blocks(made.config_file.read_text()).get("late penalty", "")
        made.config_file.write_text(HEADER + ("\n" + kept if kept else ""))
    made.set_config_block("folder", FOLDER_BLOCK)
    return made


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
