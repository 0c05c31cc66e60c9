"""nbgrader's exchange: release to students and collect their submissions (one machine or a
JupyterHub with a shared exchange folder).

The instructor side is nbgrader's own ``release_assignment`` and ``collect``; ``collect`` here
takes only students on the roster and reports the others (their files stay in the exchange).
``fetch`` and ``submit`` are the student side, for trying the whole loop on one machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default import ExchangeCollect, ExchangeFetchAssignment, ExchangeSubmit
from nbgrader.utils import capture_log
from traitlets.config import Config

from .folder import GradingFolder
from .nbgrader_log import nbgrader_log


def _exchange_config(exchange: Path) -> Config:
    extra = Config()
    extra.Exchange.root = str(Path(exchange).resolve())
    return extra


def _check(result: dict, what: str) -> str:
    if not result.get("success"):
        raise RuntimeError(f"nbgrader {what} failed:\n{result.get('error', '')}\n"
                           f"{result.get('log', '')}")
    return result.get("log", "")


def release(folder: GradingFolder, assignment: str, exchange: Path) -> str:
    """nbgrader release_assignment (release/<a>/ must exist: run generate_assignment)."""
    Path(exchange).mkdir(parents=True, exist_ok=True)
    extra = _exchange_config(exchange)
    extra.ExchangeReleaseAssignment.force = True
    with nbgrader_log(None, folder.log(assignment, "release")):
        return _check(folder.api(extra).release_assignment(assignment), "release_assignment")


def inbound_students(folder: GradingFolder, assignment: str, exchange: Path) -> set[str]:
    """Students with a submission of ``assignment`` waiting in the exchange."""
    inbound = Path(exchange) / folder.course_id() / "inbound"
    return {p.name.split("+")[0] for p in inbound.glob(f"*+{assignment}+*")}


@dataclass(frozen=True)
class Collected:
    collected: list[str]
    unknown: list[str]  # submitted, but not on the roster: not collected


def collect(folder: GradingFolder, assignment: str, exchange: Path) -> Collected:
    """nbgrader collect for every roster student with a submission (the newest one)."""
    roster = set(folder.roster())
    waiting = inbound_students(folder, assignment, exchange)
    cfg = folder.config()
    cfg.merge(_exchange_config(exchange))
    for student in sorted(waiting & roster):
        coursedir = folder.coursedir(cfg)
        coursedir.assignment_id = assignment
        coursedir.student_id = student
        app = ExchangeCollect(coursedir=coursedir, authenticator=Authenticator(config=cfg),
                              config=cfg)
        app.update = True
        with nbgrader_log(app, folder.log(assignment, "collect")):
            _check(capture_log(app), f"collect ({student})")
    return Collected(sorted(waiting & roster), sorted(waiting - roster))


def _student_config(exchange: Path, course_id: str, home: Path) -> Config:
    cfg = Config()
    cfg.Exchange.root = str(Path(exchange).resolve())
    cfg.Exchange.cache = str(Path(home).resolve() / ".nbgrader_cache")
    cfg.Exchange.assignment_dir = str(Path(home).resolve())
    cfg.CourseDirectory.root = str(Path(home).resolve())
    cfg.CourseDirectory.course_id = course_id
    return cfg


def _student_app(cls, exchange: Path, course_id: str, assignment: str, home: Path,
                 student: str):
    cfg = _student_config(exchange, course_id, home)
    coursedir = CourseDirectory(config=cfg)
    coursedir.assignment_id = assignment
    coursedir.student_id = student
    return cls(coursedir=coursedir, authenticator=Authenticator(config=cfg), config=cfg)


def fetch(exchange: Path, course_id: str, assignment: str, home: Path) -> Path:
    """Student side: nbgrader fetch_assignment into ``home``/<a>/; returns that folder."""
    Path(home).mkdir(parents=True, exist_ok=True)
    app = _student_app(ExchangeFetchAssignment, exchange, course_id, assignment, home, "*")
    _check(capture_log(app), "fetch_assignment")
    return Path(home) / assignment


def submit(exchange: Path, course_id: str, assignment: str, home: Path, student: str) -> str:
    """Student side: nbgrader submit of ``home``/<a>/ as ``student``."""
    app = _student_app(ExchangeSubmit, exchange, course_id, assignment, home, student)
    return _check(capture_log(app), "submit")
