"""A class on JupyterHub, end to end, on 127.0.0.1: one instructor, three students.

A real JupyterHub (with configurable-http-proxy) loads the course's hub configuration
(deploy/hub/netnot_roles.py) and nbgrader role folders (deploy/nbgrader/). Every user has their
own uid, home folder (0700) and single-user server, started through the Hub's REST API. The flow:

1. everyone follows the course's nbgitpuller link, which clones the course into their home;
2. the instructor makes a grading folder with `netnot-grade`, and releases exercise 02 to the
   shared exchange with formgrader (its REST API, as the formgrader page does);
3. each student lists, fetches, answers (correct / partial / blank) and submits it through the
   Assignments endpoints of their own server, saving the notebook through the contents API;
4. the instructor collects with formgrader and autogrades with `netnot-grade` (sandboxed);
5. the scores, the exchange's ownership and permission bits, and read attempts made as each
   student's uid are checked.

Everything runs as the users' real uids (see hubkit), so "cannot read" means the kernel refused.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from hubkit import (
    COURSE_ID,
    ROOT,
    Accounts,
    Hub,
    HubUnavailable,
    UserSession,
    check_tools,
    user_env,
)

pytestmark = pytest.mark.slow

ASSIGNMENT = "02-not-a-quick-fix"
NOTEBOOK = f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
INSTRUCTOR = "teacher"
STUDENTS = {"ana": "correct", "ben": "partial", "cai": "blank"}
CLONE = "networking-is-not"
FIRST_UID = 61000


def solution_cells() -> dict[str, str]:
    """grade_id -> source of every answer cell in the instructor's solution."""
    notebook = nbformat.read(ROOT / "solutions" / NOTEBOOK, as_version=4)
    return {c.metadata.nbgrader["grade_id"]: c.source for c in notebook.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")}


def graded_points(kind: str = "code") -> dict[str, float]:
    """grade_id -> points of every graded cell of ``kind`` ("code": autograded; "all")."""
    notebook = nbformat.read(ROOT / "solutions" / NOTEBOOK, as_version=4)
    return {c.metadata.nbgrader["grade_id"]: float(c.metadata.nbgrader["points"])
            for c in notebook.cells if kind in ("all", c.cell_type)
            and c.metadata.get("nbgrader", {}).get("grade")}


def answer(notebook: dict, how: str) -> dict:
    """The student's work: every answer right, only Part A right (Part B wrong), or nothing."""
    answers = solution_cells()
    for cell in notebook["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if cell["cell_type"] != "code" or grade_id not in answers:
            continue
        if how == "correct" or (how == "partial" and grade_id == "part-a-answer"):
            cell["source"] = answers[grade_id]
        elif how == "partial" and grade_id == "part-b-answer":
            cell["source"] = "def share_within(weeks, limit):\n    return len(weeks)\n"
    return notebook


def expected_score(how: str) -> float:
    points = graded_points()
    return {"correct": sum(points.values()), "partial": points["part-a-check"],
            "blank": 0.0}[how]


class Term:
    """Everything the flow produced, for the tests below to check."""

    def __init__(self, base: Path):
        self.base = base
        self.exchange = base / "exchange"
        self.bare = base / f"{CLONE}.git"
        self.accounts = Accounts(base)
        self.hub: Hub | None = None
        self.sessions: dict[str, UserSession] = {}
        self.pulls: dict[str, list[dict]] = {}
        self.replies: dict[str, dict] = {}
        self.grading_log = ""
        self.started = time.monotonic()

    def mark(self, what: str) -> None:
        """Log how long each step took (shown by pytest when a test fails)."""
        print(f"{time.monotonic() - self.started:6.1f} s  {what}", flush=True)

    def home(self, name: str) -> Path:
        return self.accounts.people[name].home

    def start_as(self, name: str, args: list[str]) -> subprocess.Popen:
        """Start a command in ``name``'s terminal on the hub: their uid, HOME and role config."""
        account = self.accounts.people[name]
        env = user_env(account, {"NETNOT_EXCHANGE": str(self.exchange),
                                 "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})
        return subprocess.Popen([*self.accounts.as_user(name), *args], cwd=account.home,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

    def run_as(self, name: str, args: list[str], check: bool = True) -> subprocess.CompletedProcess:
        """Run a command in ``name``'s terminal on the hub; fail the test if it fails."""
        proc = self.start_as(name, args)
        try:
            out, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        if check:
            assert result.returncode == 0, f"{name}: {args}\n{result.stdout}\n{result.stderr}"
        return result

    def can(self, name: str, shell: str) -> bool:
        """Does ``shell`` succeed when run as ``name``?"""
        return self.run_as(name, ["sh", "-c", shell], check=False).returncode == 0


# A student who tries the instructor's side of the exchange, with nbgrader's own API, in one
# process: release an assignment of their own making, and collect everyone's submissions.
IMPERSONATE = """
import json, os, shutil
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config
os.makedirs("attempt/release/mine", exist_ok=True)
shutil.copy("{notebook}", "attempt/release/mine/mine.ipynb")
c = Config()
c.CourseDirectory.root = os.path.abspath("attempt")
c.CourseDirectory.course_id = "{course}"
c.CourseDirectory.db_url = "sqlite:///" + os.path.abspath("attempt/gradebook.db")
c.Exchange.root = os.environ["NETNOT_EXCHANGE"]
# Skip nbgrader's own "do you own the course folder?" check, so the filesystem has to refuse.
c.CourseDirectory.groupshared = True
api = NbGraderAPI(CourseDirectory(config=c), config=c)
tried = {{"release": api.release_assignment("mine"), "collect": api.collect("{assignment}")}}
print(json.dumps(tried))
"""


def require_tools() -> None:
    try:
        check_tools()
    except HubUnavailable as err:
        if os.environ.get("CI"):
            pytest.fail(f"the hub test cannot run in CI: {err}")
        pytest.skip(str(err))


def run_flow(term: Term) -> None:
    accounts = term.accounts
    accounts.add(INSTRUCTOR, FIRST_UID, "instructor")
    for n, student in enumerate(STUDENTS, start=1):
        # Students are bare uids without a passwd entry, as on Kubernetes (see deploy/README.md).
        accounts.add(student, FIRST_UID + n, "student", in_passwd=False)
    accounts.write()
    # The administrator's one-time step: a shared exchange everyone may write into (1777).
    term.exchange.mkdir()
    term.exchange.chmod(0o1777)
    # The course repository, as a local bare clone (a real link points at GitHub).
    subprocess.run(["git", "init", "-q", "--bare", str(term.bare)], check=True)
    subprocess.run(["git", "-C", str(ROOT), "push", "-q", str(term.bare),
                    "HEAD:refs/heads/main"], check=True)
    subprocess.run(["git", "-C", str(term.bare), "symbolic-ref", "HEAD", "refs/heads/main"],
                   check=True)

    hub = term.hub = Hub(term.base / "hub", accounts, term.exchange, term.bare)
    hub.folder.mkdir()
    hub.start()
    term.mark("hub up")
    names = [INSTRUCTOR, *STUDENTS]
    hub.spawn(names)
    term.mark("servers ready")
    for name in names:
        session = term.sessions[name] = UserSession(hub, accounts.people[name])
        session.login()
        term.pulls[name] = session.git_pull(
            f"file://{term.bare}", "main", CLONE, f"lab/tree/{CLONE}/course/00-start-here.ipynb")
        term.mark(f"{name} pulled")
        assert term.pulls[name][-1] == {"phase": "finished"}, term.pulls[name]

    # Instructor: grading folder, roster, student version; release with formgrader.
    teacher = term.sessions[INSTRUCTOR]
    grade = [sys.executable, "-m", "netnot.grading.cli"]
    term.run_as(INSTRUCTOR, [*grade, "init", "grading", "--repo", CLONE,
                             "--assignment", ASSIGNMENT])
    term.run_as(INSTRUCTOR, [*grade, "generate_assignment", ASSIGNMENT, "--folder", "grading"])
    term.mark("grading folder ready")
    term.replies["release"] = teacher.post(
        f"/formgrader/api/assignment/{ASSIGNMENT}/release").json()
    term.mark("released")

    # Students: list, fetch, answer, save, submit, all through their own server.
    for student, how in STUDENTS.items():
        session = term.sessions[student]
        query = {"course_id": COURSE_ID}
        term.replies[f"{student}/list"] = session.get("/assignments", params=query).json()
        form = {"assignment_id": ASSIGNMENT, "course_id": COURSE_ID}
        term.replies[f"{student}/fetch"] = session.post("/assignments/fetch", data=form).json()
        model = session.get(f"/api/contents/{NOTEBOOK}").json()
        saved = session.put(f"/api/contents/{NOTEBOOK}", json={
            "type": "notebook", "format": "json", "content": answer(model["content"], how)})
        assert saved.status_code == 200, saved.text
        term.replies[f"{student}/submit"] = session.post("/assignments/submit", data=form).json()
        term.mark(f"{student} submitted")

    # Instructor: collect with formgrader, autograde with the course's grading tool.
    term.replies["collect"] = teacher.post(
        f"/formgrader/api/assignment/{ASSIGNMENT}/collect").json()
    term.mark("collected")
    # Meanwhile a student tries the instructor's side of the exchange (see IMPERSONATE).
    attempt = term.start_as("ana", [sys.executable, "-c", IMPERSONATE.format(
        notebook=NOTEBOOK, course=COURSE_ID, assignment=ASSIGNMENT)])
    try:
        graded = term.run_as(INSTRUCTOR, [*grade, "autograde", ASSIGNMENT, "--folder",
                                          "grading", "--jobs", "2", "--quiet"])
        term.grading_log = graded.stdout + graded.stderr
        term.mark("autograded")
        out, err = attempt.communicate(timeout=300)
    finally:
        if attempt.poll() is None:
            attempt.kill()
            attempt.wait()
    assert attempt.returncode == 0, err
    term.replies["ana/instructor-attempt"] = json.loads(out.strip().splitlines()[-1])
    term.mark("a student tried to release and collect")


@pytest.fixture(scope="module")
def term():
    require_tools()
    base = Path(tempfile.mkdtemp(prefix="netnot-hub-"))
    base.chmod(0o755)  # users must reach their homes and the exchange below it
    term = Term(base)
    try:
        try:
            run_flow(term)
        except Exception:
            if term.hub:
                print("--- end of the hub's log ---\n" + term.hub.tail())
            raise
        yield term
    finally:
        leftovers = term.hub.stop() if term.hub else []
        if not os.environ.get("NETNOT_KEEP_HUB"):
            shutil.rmtree(base, ignore_errors=True)
        assert not leftovers, f"processes outlived the hub and had to be killed: {leftovers}"


def test_every_user_has_their_own_server_uid_and_private_home(term):
    for name, account in term.accounts.people.items():
        user = term.hub.api("GET", f"/users/{name}").json()
        assert user["servers"][""]["ready"], (name, user)
        home = account.home.stat()
        assert (home.st_uid, stat.S_IMODE(home.st_mode)) == (account.uid, 0o700), name
    groups = {g["name"]: sorted(g["users"]) for g in term.hub.api("GET", "/groups").json()}
    assert groups == {"instructors": [INSTRUCTOR], "students": sorted(STUDENTS)}


def test_the_nbgitpuller_link_puts_the_course_in_every_home(term):
    for name, account in term.accounts.people.items():
        assert term.pulls[name][-1] == {"phase": "finished"}, term.pulls[name]
        lesson = account.home / CLONE / "course" / f"{ASSIGNMENT}.ipynb"
        assert lesson.is_file(), name
        assert lesson.stat().st_uid == account.uid, "the clone belongs to its user"


def test_instructors_get_formgrader_and_students_only_the_assignment_list(term):
    teacher = term.sessions[INSTRUCTOR]
    listed = teacher.get("/formgrader/api/assignments").json()
    assert [a["name"] for a in listed] == [ASSIGNMENT]
    assert '"@jupyter/nbgrader:formgrader"' not in disabled_extensions(teacher)
    for student in STUDENTS:
        session = term.sessions[student]
        assert session.get("/formgrader/api/assignments").status_code == 404
        assert "@jupyter/nbgrader:formgrader" in disabled_extensions(session)
        assert session.get("/assignments", params={"course_id": COURSE_ID}).status_code == 200


def disabled_extensions(session: UserSession) -> list[str]:
    """The JupyterLab plugins the user's Lab page says are disabled."""
    page = session.get("/lab").text
    start = page.index('id="jupyter-config-data"')
    data = page[page.index(">", start) + 1: page.index("</script>", start)]
    disabled = json.loads(data).get("disabledExtensions", [])
    return sorted(k for k, off in disabled.items() if off) if isinstance(disabled, dict) \
        else sorted(disabled)


def test_release_fetch_submit_and_collect_go_through_the_exchange(term):
    assert term.replies["release"]["success"], term.replies["release"]
    assert term.replies["collect"]["success"], term.replies["collect"]
    for student in STUDENTS:
        listed = term.replies[f"{student}/list"]
        assert listed["success"] and [a["assignment_id"] for a in listed["value"]
                                      if a["status"] == "released"] == [ASSIGNMENT]
        assert term.replies[f"{student}/fetch"]["success"], term.replies[f"{student}/fetch"]
        assert term.replies[f"{student}/submit"]["success"], term.replies[f"{student}/submit"]
        collected = term.home(INSTRUCTOR) / "grading" / "submitted" / student / NOTEBOOK
        assert collected.is_file(), student


def test_only_the_instructor_may_release_and_collect(term):
    """ana runs nbgrader's release and collect against the shared exchange (with nbgrader's
    ownership check switched off): the filesystem refuses both; nothing is released or
    collected."""
    tried = term.replies["ana/instructor-attempt"]
    course = term.exchange / COURSE_ID
    assert not tried["release"]["success"] and not tried["collect"]["success"], tried
    said = {action: tried[action].get("log", "") + tried[action].get("error", "")
            for action in ("release", "collect")}
    assert "Permission denied" in said["release"], said["release"]
    assert "You don't have read permissions" in said["collect"], said["collect"]
    assert sorted(p.name for p in (course / "outbound").iterdir()) == [ASSIGNMENT]
    assert not (term.home("ana") / "attempt" / "submitted").exists()


def test_each_student_gets_the_score_their_answers_earn(term):
    report = term.home(INSTRUCTOR) / "grading" / "reports" / ASSIGNMENT / "status.csv"
    with report.open() as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert sorted(rows) == sorted(STUDENTS), term.grading_log
    for student, how in STUDENTS.items():
        assert rows[student]["status"] == "ok", rows[student]
        assert float(rows[student]["score"]) == expected_score(how), (student, rows[student])
        # status.csv keeps the automatic part apart from the part read by the instructor
        assert float(rows[student]["max_score"]) == sum(graded_points("code").values())
        manual = sum(graded_points("all").values()) - sum(graded_points("code").values())
        assert float(rows[student]["manual_points"]) == manual, rows[student]
    assert expected_score("correct") > expected_score("partial") > expected_score("blank")


def test_the_exchange_has_nbgraders_ownership_and_permission_layout(term):
    teacher_uid = term.accounts.people[INSTRUCTOR].uid
    course = term.exchange / COURSE_ID

    def owner_mode(path: Path) -> tuple[int, int]:
        info = path.stat()
        return info.st_uid, stat.S_IMODE(info.st_mode)

    assert owner_mode(term.exchange)[1] == 0o1777
    assert owner_mode(course) == (teacher_uid, 0o755)
    assert owner_mode(course / "outbound") == (teacher_uid, 0o755)
    # inbound: students may enter and create (-wx), never list; setgid keeps the course group.
    assert owner_mode(course / "inbound") == (teacher_uid, 0o2733)
    submissions = sorted((course / "inbound").iterdir())
    assert len(submissions) == len(STUDENTS)
    for folder in submissions:
        student, assignment, _time, secret = folder.name.split("+")
        assert assignment == ASSIGNMENT and len(secret) == 12, folder.name  # 72 random bits
        assert folder.stat().st_uid == term.accounts.people[student].uid, "owned by submitter"
        for item in folder.rglob("*"):
            assert item.stat().st_uid == term.accounts.people[student].uid
            assert stat.S_IMODE(item.stat().st_mode) in (0o644, 0o755), item


def test_students_cannot_read_each_others_work_or_the_instructors_folders(term):
    inbound = term.exchange / COURSE_ID / "inbound"
    grading = term.home(INSTRUCTOR) / "grading"
    # Controls: the owners themselves can do all of it, so a refusal below is the permission.
    assert term.can(INSTRUCTOR, f"ls {inbound} && cat {grading}/gradebook.db >/dev/null "
                                f"&& ls {grading}/source/{ASSIGNMENT}")
    for student in STUDENTS:
        assert term.can(student, f"ls ~/{ASSIGNMENT} && cat ~/{NOTEBOOK} >/dev/null")
        assert term.can(student, f"ls {term.exchange / COURSE_ID / 'outbound' / ASSIGNMENT}")
    for student in STUDENTS:
        others = [s for s in STUDENTS if s != student]
        assert not term.can(student, f"ls {inbound}"), "inbound must not be listable"
        for other in others:
            assert not term.can(student, f"ls {term.home(other)}")
            assert not term.can(student, f"cat {term.home(other) / NOTEBOOK}")
            # The other student's cached copy of the submission lives in their home too.
            assert not term.can(student, f"ls {term.home(other)}/.local")
        for secret in ("gradebook.db", f"source/{ASSIGNMENT}/{ASSIGNMENT}.ipynb",
                       f"submitted/{others[0]}/{NOTEBOOK}", f"autograded/{others[0]}"):
            assert not term.can(student, f"cat {grading / secret} || ls {grading / secret}")
        assert not term.can(student, f"touch {term.exchange / COURSE_ID / 'outbound' / 'x'}")
        assert not term.can(student, f"rm -rf {term.exchange / COURSE_ID / 'outbound'}")


def test_a_submission_can_only_be_reached_by_its_unguessable_name(term):
    """What nbgrader's exchange does and does not protect, stated as a test: another student
    cannot list inbound/ or find a submission by pattern, and names end in 72 random bits; but
    whoever knows a submission's full name can read it (files 0644, folder 0777)."""
    inbound = term.exchange / COURSE_ID / "inbound"
    anas = next(p for p in inbound.iterdir() if p.name.startswith("ana+"))
    prefix = anas.name.rsplit("+", 1)[0]
    assert not term.can("ben", f"ls {inbound}/ana+*")
    assert not term.can("ben", f"cat '{inbound}/{prefix}'/*.ipynb")
    assert term.can("ben", f"cat '{anas}/{ASSIGNMENT}.ipynb' > /dev/null"), \
        "nbgrader's exchange changed: update deploy/README.md's 'What is protected'"
