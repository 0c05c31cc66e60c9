"""Fast checks of the grading engine's parts: no kernel is started here."""

from __future__ import annotations

import copy
import csv
import tomllib
from pathlib import Path

import corpus
import nbformat
import pytest
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from traitlets.config import Config

from netnot.grading import cli, folder, hook_free, sandbox, scan, status, tamper, worker
from netnot.grading.course_settings import apply_course_settings
from netnot.grading.progress_bar import ProgressBar

ROOT = Path(__file__).resolve().parents[2]


# ---- static scan ------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "flag"), [
    (corpus.AST_CHEAT, "ipython-hook"),
    (corpus.INPUT_CHEAT, "ipython-hook"),
    (corpus.EXC_CHEAT, "ipython-hook"),
    (corpus.EQ_CHEAT, "custom-eq"),
    (corpus.BUILTINS_CHEAT, "builtins-patch"),
    ("import math\nmath.isclose = lambda *a, **k: True", "monkeypatch"),
    ("import sys\nsys.excepthook = print", "exception-hook"),
    ("import os\nmode = os.environ.get('NBGRADER_EXECUTION')", "env-sniff"),
    ("x = open('/etc/passwd').read()", "env-sniff"),
    ("import socket", "env-sniff"),
    ("!ls ..", "env-sniff"),
    ("exec('print(1)')", "dynamic-code"),
    ("f = getattr(__builtins__, 'print')", "builtins-patch"),
    (corpus.OBFUSCATED_CHEAT, "dynamic-code"),
    (corpus.OBFUSCATED_CHEAT, "ipython-hook"),  # built at run time, still a hook
    ("hook = getattr(object(), 'ast_' + 'transformers', None)", "ipython-hook"),
])
def test_scan_flags_each_trick(code, flag):
    assert flag in scan.scan_cells([code])


def test_scan_follows_imports_across_cells():
    assert "monkeypatch" in scan.scan_cells(["import math as m", "m.isclose = abs"])


def test_scan_leaves_ordinary_answers_alone():
    ordinary = [corpus.GOOD_MEAN, corpus.GOOD_SQUARES, "%matplotlib inline\nimport numpy as np",
                "values = [1, 2, 3]\nprint(f'mean: {sum(values) / len(values):.1f}')",
                "def broken(:\n    pass"]
    assert scan.scan_cells(ordinary) == []


@pytest.mark.parametrize("path", sorted((ROOT / "solutions").glob("*/*.ipynb")))
def test_scan_finds_nothing_in_the_course_answers(path):
    nb = nbformat.read(path, as_version=4)
    answers = [c.source for c in nb.cells if c.cell_type == "code"
               and c.metadata.get("nbgrader", {}).get("solution")]
    assert scan.scan_cells(answers) == []


# ---- tampering --------------------------------------------------------------------------------

def _pair():
    release = corpus.source_notebook()
    return copy.deepcopy(release), release


def test_untouched_notebook_has_no_problems():
    submitted, release = _pair()
    corpus.answer("mean", corpus.GOOD_MEAN)(submitted)
    assert tamper.check_and_repair(submitted, release) == []


def test_deleted_edited_and_flipped_cells_are_found_and_metadata_restored():
    submitted, release = _pair()
    submitted.cells = [c for c in submitted.cells
                       if c.metadata["nbgrader"]["grade_id"] != "test_mean"]
    corpus.cell("test_squares", submitted).source = "pass"
    corpus.cell("test_squares", submitted).metadata["nbgrader"].update(grade=False, points=100)
    extra = nbformat.v4.new_code_cell("x = 1", metadata={"nbgrader": {
        "grade": True, "solution": False, "locked": True, "points": 50, "grade_id": "bonus",
        "schema_version": 3}})
    submitted.cells.append(extra)
    problems = tamper.check_and_repair(submitted, release)
    assert "deleted test cell test_mean" in problems
    assert "edited test cell test_squares" in problems
    assert any(p.startswith("changed grade metadata of test_squares") for p in problems)
    assert "unknown graded cell bonus" in problems
    assert corpus.cell("test_squares", submitted).metadata["nbgrader"] == \
        corpus.cell("test_squares", release).metadata["nbgrader"]
    assert "nbgrader" not in extra.metadata


def _pasted(nb, grade_id, times=1, new_id="pasted"):
    """``times`` copies of a cell right after it, as JupyterLab pastes them (new cell ids)."""
    at = next(i for i, c in enumerate(nb.cells) if c.metadata["nbgrader"]["grade_id"] == grade_id)
    for k in range(times):
        twin = copy.deepcopy(nb.cells[at])
        twin["id"] = f"{new_id}{k}"
        nb.cells.insert(at + 1, twin)
    return nb.cells[at], nb.cells[at + 1: at + 1 + times]


def test_a_pasted_locked_cell_keeps_one_graded_copy_with_the_releases_id():
    submitted, release = _pair()
    for cell, ref in zip(submitted.cells, release.cells, strict=True):
        cell["id"] = ref["id"] = f"r-{ref.metadata['nbgrader']['grade_id']}"
    original, copies = _pasted(submitted, "test_mean", times=2)
    notes = tamper.repair_duplicates(submitted, release)
    assert notes == ["locked cell test_mean was pasted 2 more times: one copy was graded, the "
                     "others ran as ordinary cells"]
    assert original.metadata["nbgrader"]["grade_id"] == "test_mean"
    assert all("nbgrader" not in c.metadata for c in copies)
    assert tamper.check_and_repair(submitted, release) == [], "a paste is no tampering"
    assert tamper.repair_duplicates(submitted, release) == []


def test_a_pasted_answer_cell_keeps_the_last_copy_as_nbgrader_would():
    submitted, _ = _pair()
    original, (twin,) = _pasted(submitted, "mean")
    assert tamper.repair_duplicates(submitted) == [
        "answer cell mean was pasted 1 more time: one copy was graded, the others ran as "
        "ordinary cells"]
    assert "nbgrader" not in original.metadata and twin.metadata["nbgrader"]["grade_id"] == "mean"


def test_student_code_skips_locked_cells():
    submitted, release = _pair()
    code = tamper.student_code(submitted, release)
    assert corpus.MEAN in code and corpus.TEST_MEAN not in code


# ---- grading folder ---------------------------------------------------------------------------

def test_init_copies_solutions_and_the_course_settings_are_the_repos(tmp_path):
    made = folder.init(tmp_path / "grading", ROOT, ["02-not-a-quick-fix"])
    assert (made.root / "source" / "02-not-a-quick-fix" / "02-not-a-quick-fix.ipynb").exists()
    grading = made.config()
    repo = folder.GradingFolder(ROOT).config()  # the repository's own nbgrader_config.py
    declared = apply_course_settings(Config())
    assert declared.OverwriteCells.add_missing_cells is True  # what the course relies on
    for section, values in declared.items():  # plain nbgrader reads the same in both folders
        for key, value in values.items():
            assert grading[section][key] == repo[section][key] == value, (section, key)


def test_init_again_keeps_the_late_penalty_and_own_settings(tmp_path):
    """Running init after duedate used to rewrite nbgrader_config.py and drop the penalty."""
    from netnot.grading.late import set_due

    made = folder.init(tmp_path / "grading", ROOT, ["02-not-a-quick-fix"])
    with made.gradebook():
        pass  # a gradebook, as generate_assignment would make
    set_due(made, "02-not-a-quick-fix", "2025-03-14 17:00", 2)
    corpus.set_cell_timeout(made.root, 11)
    folder.init(tmp_path / "grading", ROOT, ["02-not-a-quick-fix"])
    config = made.config()
    assert config.SubMarksPerHour.points_per_hour == 2.0
    assert config.AssignLatePenalties.plugin_class.endswith("late.SubMarksPerHour")
    assert config.Execute.timeout == 11
    assert made.config_file.read_text().count("BEGIN netnot folder") == 1


def test_init_refuses_a_folder_inside_the_repo(tmp_path):
    repo = corpus.make_repo(tmp_path / "repo")
    with pytest.raises(folder.FolderError, match="outside the repository"):
        folder.init(repo / "grading", repo)


def test_roster_needs_its_columns_and_ids(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\na,b\n")
    with pytest.raises(folder.FolderError, match="missing last_name,first_name,email"):
        folder.read_roster(bad)
    empty = tmp_path / "empty.csv"
    empty.write_text("id,last_name,first_name,email\n,x,y,z\n")
    with pytest.raises(folder.FolderError, match="line 2: empty student id"):
        folder.read_roster(empty)
    good = corpus.write_roster(tmp_path / "good.csv", ["s1", "s2"])
    assert [r["id"] for r in folder.read_roster(good)] == ["s1", "s2"]


FOLDER_VERBS = {
    "db": ["db", "student", "import", "roster.csv"], "generate_assignment": ["ps1"],
    "duedate": ["ps1", "2025-01-11 09:15"], "release": ["ps1", "--exchange", "x"],
    "collect": ["ps1", "--exchange", "x"], "zip_collect": ["ps1", "d.zip"], "autograde": ["ps1"],
    "manual_grade": ["ps1", "s", "q", "1"], "generate_feedback": ["ps1"],
    "zip_feedback": ["ps1"], "export": ["ps1"], "report": ["ps1"]}


def test_every_verb_is_in_the_test_of_friendly_errors():
    assert set(FOLDER_VERBS) == {name for name, verb in cli.VERBS.items() if verb[3]}


@pytest.mark.parametrize("verb", sorted(FOLDER_VERBS))
def test_every_verb_says_what_to_run_first_without_a_traceback(tmp_path, capsys, verb):
    args = FOLDER_VERBS[verb] if verb == "db" else [verb, *FOLDER_VERBS[verb]]
    assert cli.main([*args, "--folder", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "netnot-grade init" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["export", "ps1"], ["report", "ps1"], ["zip_feedback", "ps1",
                                                                         "--lms", "blackboard"]])
def test_a_step_run_too_early_is_one_line(ps1_template, capsys, args):
    assert cli.main([*args, "--folder", str(ps1_template)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_importing_the_package_changes_nothing(tmp_path):
    """No import-time side effects: PATH, sys.modules and the working folder stay as they are."""
    code = ("import os, sys, pkgutil, importlib, netnot.grading as g\n"
            "path, cwd = os.environ['PATH'], os.getcwd()\n"
            "for m in pkgutil.iter_modules(g.__path__):\n"
            "    importlib.import_module('netnot.grading.' + m.name)\n"
            "os.chdir('/')\n"
            "from netnot.grading import sandbox\n"
            "assert os.environ['PATH'] == path, 'PATH changed'\n"
            "assert sys.modules.get('rfc3987_syntax', 1) is not None, 'a module was planted'\n"
            "assert not hasattr(sandbox, 'START_DIR'), 'the start folder was frozen'\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_start_up_sets_up_the_process(monkeypatch):
    import sys

    import nbgrader.api

    from netnot.grading import startup

    monkeypatch.delitem(sys.modules, "rfc3987_syntax", raising=False)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setattr(nbgrader.api, "get_alembic_version", nbgrader.api.get_alembic_version)
    startup.prepare_process()
    assert sys.modules["rfc3987_syntax"] is None
    assert str(Path(sys.executable).parent) in __import__("os").environ["PATH"]
    assert nbgrader.api.get_alembic_version is startup.gradebook_schema_version


def test_a_new_gradebook_is_stamped_as_nbgrader_stamps_it_without_a_process(
        tmp_path, monkeypatch):
    """nbgrader runs `alembic heads` in a new process for every new gradebook (3 s); after
    start-up the version comes from this process, and it is the one nbgrader would write."""
    import subprocess

    import nbgrader.api
    from nbgrader.api import Gradebook
    from sqlalchemy import text

    from netnot.grading import startup

    startup.find_alembic()
    by_alembic = nbgrader.api.get_alembic_version()  # nbgrader's own way: `alembic heads`
    monkeypatch.setattr(nbgrader.api, "get_alembic_version", nbgrader.api.get_alembic_version)
    startup.stamp_gradebooks_in_process()

    def no_process(*args, **kwargs):
        raise AssertionError(f"a process was started: {args}")

    monkeypatch.setattr(subprocess, "check_output", no_process)
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        stamped = gradebook.db.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert stamped == by_alembic == startup.gradebook_schema_version()


def test_statuses_verb_prints_the_table(capsys):
    assert cli.main(["statuses"]) == 0
    assert capsys.readouterr().out.strip() == status.markdown_table()


@pytest.mark.parametrize("doc", ["docs/grading.md", "docs/instructors.md"])
def test_the_docs_status_tables_are_made_from_the_one_table(doc):
    assert status.markdown_table() in (ROOT / doc).read_text()


def test_progress_bar_counts_every_student_and_stays_short_without_a_terminal():
    import io

    stream = io.StringIO()
    bar = ProgressBar(stream=stream)
    known = [status.Result(f"m{i}", "missing") for i in range(3)]
    bar.start_run(40, known)
    for i in range(37):
        bar.update(status.Result(f"s{i}", "ok"))
    bar.done()
    lines = stream.getvalue().splitlines()
    assert lines[-1].split()[1] == "40/40" and "missing=3" in lines[-1] and "ok=37" in lines[-1]
    assert len(lines) <= 11  # a line per tenth of the class, not one per student


def test_cli_refuses_nonsense_numbers(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["autograde", "ps1", "--jobs", "0"])
    assert stop.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_console_script_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["netnot-grade"] == "netnot.grading.cli:main"
    assert {"init", "db", "generate_assignment", "autograde", "zip_feedback"} <= set(cli.VERBS)


# ---- sandbox ----------------------------------------------------------------------------------

def test_missing_bwrap_is_reported(monkeypatch, tmp_path):
    monkeypatch.setenv("NETNOT_BWRAP", str(tmp_path / "nothing"))
    assert "bubblewrap is not installed" in sandbox.check(sandbox.Limits())


def test_sandbox_never_shows_a_project_or_the_grading_folder(tmp_path, monkeypatch):
    project = tmp_path / "course"
    (project / "src").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / "tests").mkdir()
    monkeypatch.syspath_prepend(str(project / "tests"))
    monkeypatch.syspath_prepend(str(project / "src"))
    monkeypatch.syspath_prepend(str(project))
    dirs = sandbox.python_dirs(forbidden=[str(tmp_path / "grading")])
    real = str(project.resolve())
    assert real + "/src" in dirs
    assert real not in dirs and real + "/tests" not in dirs
    assert sandbox.python_dirs(forbidden=[real + "/src/x"]).count(real + "/src") == 0


def test_sandbox_command_isolates_and_limits(tmp_path):
    limits = sandbox.Limits(cpu_seconds=9, memory_mb=100, processes=7)
    cmd = sandbox.sandbox_command(["python", "-V"], str(tmp_path), str(tmp_path), limits, [])
    for flag in ("--unshare-all", "--die-with-parent", "--clearenv", "--new-session"):
        assert flag in cmd
    assert "--share-net" not in cmd
    assert cmd.index("--tmpfs") < cmd.index("--bind")  # tmpfs first, binds after
    assert {"--cpu=9", f"--as={100 * sandbox.MB}", "--nproc=7"} <= set(cmd)
    assert cmd[-2:] == ["python", "-V"]


def test_sandboxed_kernel_uses_the_quick_client_and_keeps_the_first_output():
    work = worker.scratch()  # short path: ipc socket names must stay under 108 bytes
    try:
        (work / "r").mkdir()
        (work / "w").mkdir()
        km = sandbox.SandboxKernelManager(rundir=str(work / "r"), workdir=str(work / "w"),
                                          limits=sandbox.limits_dict(sandbox.Limits()))
        assert isinstance(km.client(), sandbox.SandboxKernelClient)
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('first')"),
                                             nbformat.v4.new_code_cell("print(1 + 1)")])
        NotebookClient(nb, km=km, shutdown_kernel="immediate").execute()
        assert [c.outputs[0]["text"] for c in nb.cells] == ["first\n", "2\n"]
        run_sync(km.shutdown_kernel)(now=True)
        assert not km.has_kernel
    finally:
        worker.clean(work)


# ---- statuses ---------------------------------------------------------------------------------

def test_status_precedence():
    assert status.decide(["deleted test cell x"], ["ipython-hook"], True) == "timeout"
    assert status.decide(["deleted test cell x"], ["ipython-hook"], False) == "tampered"
    assert status.decide([], ["ipython-hook"], False) == "flagged"
    assert status.decide([], [], False) == "ok"
    assert list(status.STATUSES) == ["missing", "invalid", "crashed", "timeout", "tampered",
                                     "flagged", "ok"]
    assert all(s.meaning and s.todo for s in status.STATUSES.values())


def test_status_csv_keeps_the_automatic_and_the_manual_part_apart(tmp_path):
    """A perfect autograde of a 7 + 3 point exercise reads 7/7 with 3 points left to a person,
    not 7/10; an unscored status has no score at all."""
    rows = [status.Result("b", "ok", 7, 7, manual_points=3, needs_manual=True),
            status.Result("a", "missing", 0, 7, manual_points=3, detail="none")]
    status.write_csv(rows, tmp_path / "status.csv")
    with (tmp_path / "status.csv").open() as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == (
            "student_id", "status", "score", "max_score", "manual_points", "needs_manual",
            "score_with_hooks", "flags", "detail")
        found = list(reader)
    assert [r["student_id"] for r in found] == ["a", "b"]
    assert (found[1]["score"], found[1]["max_score"], found[1]["manual_points"]) == ("7", "7", "3")
    assert found[0]["score"] == ""


def test_hook_free_wrapper_hides_the_test_text_and_needs_the_token():
    source = "assert squares(0) == []  # hidden"
    wrapped = hook_free.wrap(source, "tok")
    assert "assert" not in wrapped and "squares" not in wrapped
    ok = [nbformat.v4.new_output("stream", name="stdout", text="hello\ntok PASS\n")]
    assert hook_free.verdict(ok, "tok") == ([nbformat.v4.new_output(
        "stream", name="stdout", text="hello\n")], None)
    bad = [nbformat.v4.new_output("stream", name="stdout", text="tok FAIL AssertionError \n")]
    assert hook_free.verdict(bad, "tok")[1] == "AssertionError"
    silent = [nbformat.v4.new_output("stream", name="stdout", text="PASS\n")]  # no token
    assert "did not report back" in hook_free.verdict(silent, "tok")[1]
