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

from netnot.grading import cli, folder, sandbox, scan, status, tamper, worker

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


def test_student_code_skips_locked_cells():
    submitted, release = _pair()
    code = tamper.student_code(submitted, release)
    assert corpus.MEAN in code and corpus.TEST_MEAN not in code


# ---- grading folder ---------------------------------------------------------------------------

def test_init_copies_solutions_and_grading_settings(tmp_path):
    repo = corpus.make_repo(tmp_path / "repo", timeout=7)
    made = folder.init(tmp_path / "grading", repo)
    assert (made.root / "source" / "ps1" / "ps1.ipynb").exists()
    config = made.config()
    assert config.Execute.timeout == 7
    assert config.OverwriteCells.add_missing_cells is True
    assert config.IgnorePattern.enabled is True
    assert config.LimitOutput.max_lines > 0


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


def test_cli_says_what_to_run_first(tmp_path, capsys):
    assert cli.main(["autograde", "ps1", "--folder", str(tmp_path)]) == 1
    assert "netnot-grade init" in capsys.readouterr().err


def test_cli_refuses_nonsense_numbers(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["autograde", "ps1", "--jobs", "0"])
    assert stop.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_console_script_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["netnot-grade"] == "netnot.grading.cli:main"
    assert {"init", "db", "generate_assignment", "autograde"} <= set(cli.VERBS)


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
    assert set(status.MEANING) == set(status.STATUSES)


def test_status_csv_has_the_promised_columns(tmp_path):
    rows = [status.Result("b", "ok", 5, 5), status.Result("a", "missing", 0, 5, detail="none")]
    status.write_csv(rows, tmp_path / "status.csv")
    with (tmp_path / "status.csv").open() as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == (
            "student_id", "status", "score", "max_score", "needs_manual", "flags", "detail")
        assert [r["student_id"] for r in reader] == ["a", "b"]
