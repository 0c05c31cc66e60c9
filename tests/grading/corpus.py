"""A small fixture assignment in the course's test-cell style, and submissions good and bad.

Used by the grading tests and by benchmarks/bench_autograde.py. ``ps1`` has two questions:
``mean`` (2 points) and ``squares`` (3 points); each test cell checks the type first, then the
value, and keeps its decisive checks hidden.
"""

from __future__ import annotations

import copy
import csv
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ASSIGNMENT = "ps1"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
REPO = Path(__file__).resolve().parents[2]


def _meta(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float = 0):
    meta = {"grade": grade, "solution": solution, "locked": locked, "grade_id": grade_id,
            "schema_version": 3}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


MEAN = '''def mean(values):
    """The average of a list of numbers."""
    ### BEGIN SOLUTION
    return sum(values) / len(values)
    ### END SOLUTION'''
TEST_MEAN = '''import math
result = mean([1, 2, 3])
assert type(result) is float, "mean() should return a float"
assert math.isclose(result, 2.0), "the mean of 1, 2 and 3 is 2"
### BEGIN HIDDEN TESTS
assert math.isclose(mean([2.5, 3.5]), 3.0)
### END HIDDEN TESTS'''
SQUARES = '''def squares(n):
    """The squares of 0, 1, ..., n - 1."""
    ### BEGIN SOLUTION
    return [i * i for i in range(n)]
    ### END SOLUTION'''
TEST_SQUARES = '''result = squares(4)
assert type(result) is list, "squares() should return a list"
for item in result:
    assert type(item) is int, "each square should be a whole number (int)"
assert result == [0, 1, 4, 9], "the first four squares are 0, 1, 4, 9"
### BEGIN HIDDEN TESTS
assert squares(0) == []
assert squares(6)[-1] == 25
### END HIDDEN TESTS'''
MAX_SCORE = 5.0


def source_notebook() -> nbformat.NotebookNode:
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                               "display_name": "Python 3 (ipykernel)"},
                                "language_info": {"name": "python"}})
    nb.cells = [
        new_markdown_cell("# Problem set 1\nTwo small functions.",
                          metadata=_meta("intro", grade=False, solution=False, locked=True)),
        new_code_cell(MEAN, metadata=_meta("mean", grade=False, solution=True, locked=False)),
        new_code_cell(TEST_MEAN, metadata=_meta("test_mean", grade=True, solution=False,
                                                locked=True, points=2)),
        new_code_cell(SQUARES, metadata=_meta("squares", grade=False, solution=True,
                                              locked=False)),
        new_code_cell(TEST_SQUARES, metadata=_meta("test_squares", grade=True, solution=False,
                                                   locked=True, points=3)),
    ]
    return nb


def make_repo(path: Path) -> Path:
    """A course repo with solutions/ps1/ps1.ipynb and the real repo's nbgrader settings."""
    (path / "solutions" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(source_notebook(), path / "solutions" / ASSIGNMENT / NOTEBOOK)
    shutil.copy(REPO / "nbgrader_config.py", path / "nbgrader_config.py")
    return path


def set_cell_timeout(folder: Path, seconds: int) -> None:
    """An instructor's own setting in a grading folder: a shorter cell time limit."""
    with (folder / "nbgrader_config.py").open("a") as handle:
        handle.write(f"c.Execute.timeout = {seconds}\nc.ExecutePreprocessor.timeout = {seconds}\n")


def write_roster(path: Path, students: list[str]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "last_name", "first_name", "email"])
        for student in students:
            writer.writerow([student, student.title(), "Test", f"{student}@example.org"])
    return path


# ---- submissions -----------------------------------------------------------------------------

Edit = Callable[[nbformat.NotebookNode], object]


def answer(grade_id: str, code: str) -> Edit:
    """Replace the answer cell ``grade_id`` with ``code``."""
    def edit(nb):
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
                cell.source = code
                return
        raise KeyError(grade_id)
    return edit


def cell(grade_id: str, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


GOOD_MEAN = "def mean(values):\n    return sum(values) / len(values)"
GOOD_SQUARES = "def squares(n):\n    return [i * i for i in range(n)]"
WRONG_MEAN = "def mean(values):\n    return 0.0"
WRONG_SQUARES = "def squares(n):\n    return [0] * n"
CORRECT = [answer("mean", GOOD_MEAN), answer("squares", GOOD_SQUARES)]


@dataclass
class Kind:
    """One kind of submission and what grading it must give."""

    name: str
    edits: list[Edit]
    status: str
    score: float
    raw: Callable[[Path], None] | None = None  # writes the submission folder itself
    flags: tuple[str, ...] = ()
    detail: str = ""  # a phrase the detail column must contain
    with_hooks: float | None = None  # the score the student's hooks obtained (graded again)


def _delete(grade_id: str) -> Edit:
    def edit(nb):
        nb.cells = [c for c in nb.cells
                    if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return edit


def _edit_test(grade_id: str, code: str) -> Edit:
    def edit(nb):
        cell(grade_id, nb).source = code
    return edit


def _flip(grade_id: str) -> Edit:
    def edit(nb):
        meta = cell(grade_id, nb).metadata["nbgrader"]
        meta.update(grade=False, locked=False, points=100)
    return edit


def _append(code: str) -> Edit:
    def edit(nb):
        nb.cells.insert(1, new_code_cell(code))
    return edit


def _probe(paths: list[str], label: str = "LEAK") -> str:
    """Code that tries to read each path and prints what it could read."""
    return (f"found = []\nfor path in {paths!r}:\n    try:\n"
            "        with open(path, 'rb') as handle:\n"
            "            found.append((path, handle.read(40)))\n"
            "    except Exception:\n        pass\n"
            f"print('{label}:', found)\n")


AST_CHEAT = '''import ast
class StripAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.copy_location(ast.Pass(), node)
get_ipython().ast_transformers.append(StripAsserts())'''
INPUT_CHEAT = '''def blank_tests(lines):
    return [] if any("assert" in line for line in lines) else lines
get_ipython().input_transformers_cleanup.append(blank_tests)'''
EQ_CHEAT = '''class Anything:
    def __eq__(self, other):
        return True
def mean(values):
    return Anything()
def squares(n):
    return Anything()'''
BUILTINS_CHEAT = '''import builtins
builtins.abs = lambda x: 0
class Close(float):
    def __eq__(self, other):
        return True
def mean(values):
    return Close(0.0)'''
OBFUSCATED_CHEAT = '''import ast
shell = globals()["get_" + "ipy" + "thon"]()
class Strip(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.copy_location(ast.Pass(), node)
getattr(shell, "ast_" + "transformers").append(Strip())'''
EXC_CHEAT = '''def swallow(shell, etype, evalue, tb, tb_offset=None):
    return None
get_ipython().set_custom_exc((Exception,), swallow)'''


def kinds(outside: Path, folder: Path, port: int) -> list[Kind]:
    """Every kind of submission, with its expected status and score.

    ``outside`` is a host folder the sandbox must not write to; ``folder`` the grading folder;
    ``port`` a listener on 127.0.0.1 that must receive no connection.
    """
    secrets = [str(folder / "source" / ASSIGNMENT / NOTEBOOK), str(folder / "gradebook.db"),
               str(folder / "nbgrader_config.py"), str(REPO / "nbgrader_config.py"),
               str(Path.home() / ".bashrc"), str(folder.parent / "repo" / "solutions" /
                                                 ASSIGNMENT / NOTEBOOK)]
    other = [str(folder / "submitted" / "correct" / ASSIGNMENT / NOTEBOOK),
             "../../correct/ps1/ps1.ipynb"]
    writer = (f"import os\nfor path in [{str(outside / 'pwned.txt')!r}, "
              f"{str(folder / 'submitted' / 'correct' / ASSIGNMENT / 'evil.txt')!r}]:\n"
              "    try:\n        os.makedirs(os.path.dirname(path), exist_ok=True)\n"
              "        open(path, 'w').write('pwned')\n    except Exception:\n        pass\n")
    network = (f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), 2)\n"
               "    print('NET: connected')\nexcept Exception as err:\n"
               "    print('NET: refused', type(err).__name__)\n")

    forks = ("import os, time\nchildren = 0\ntry:\n    for _ in range(150):\n"
             "        if os.fork() == 0:\n            time.sleep(2)\n            os._exit(0)\n"
             "        children += 1\nexcept OSError:\n    pass\nprint('FORKS:', children)\n")

    victim = outside.parent / "victim.txt"  # the test writes it; it must stay unchanged
    links = (f"import os\nfor name in ['ps1.ipynb', 'notes.txt']:\n    try:\n"
             "        os.remove(name)\n    except OSError:\n        pass\n"
             f"    os.symlink({str(victim)!r}, name)\n")

    def corrupt(target: Path) -> None:
        text = json.dumps(nbformat.v4.new_notebook())
        (target / NOTEBOOK).write_text(text[: len(text) // 2])

    def word_document(target: Path) -> None:
        (target / NOTEBOOK).write_bytes(b"PK\x03\x04" + b"\0" * 200)

    def empty(target: Path) -> None:
        pass

    def edited(nb_edits: list[Edit], then: Callable[[Path], None]) -> Callable[[Path], None]:
        def write(target: Path) -> None:
            nb = release_notebook(folder)
            for edit in nb_edits:
                edit(nb)
            nbformat.write(nb, target / NOTEBOOK)
            then(target)
        return write

    def with_bom(target: Path) -> None:
        (target / NOTEBOOK).write_bytes(b"\xef\xbb\xbf" + (target / NOTEBOOK).read_bytes())

    def bad_timestamp(target: Path) -> None:
        (target / "timestamp.txt").write_text("handed in on Friday, just before midnight\n")

    def case_twin(target: Path) -> None:
        nbformat.write(release_notebook(folder), target / NOTEBOOK.upper())

    return [
        Kind("correct", CORRECT, "ok", 5),
        Kind("correct_alt", [answer("mean", "import statistics\ndef mean(values):\n"
                                    "    return float(statistics.fmean(values))"),
                             answer("squares", "def squares(n):\n    out = []\n"
                                    "    for i in range(n):\n        out.append(i ** 2)\n"
                                    "    return out")], "ok", 5),
        Kind("blank", [], "ok", 0),
        Kind("crash", [answer("mean", "import os\nos._exit(1)")], "crashed", 0),
        Kind("infinite", [answer("mean", GOOD_MEAN),
                          answer("squares", "def squares(n):\n    while True:\n        pass")],
             "timeout", 2),
        Kind("huge_output", [answer("mean", GOOD_MEAN + "\nprint('spam\\n' * 200000)"),
                             answer("squares", GOOD_SQUARES)], "ok", 5),
        Kind("memory_hog", [answer("mean", "def mean(values):\n"
                                   "    hog = bytearray(6 * 1024 ** 3)\n"
                                   "    return sum(values) / len(values)"),
                            answer("squares", GOOD_SQUARES)], "ok", 3,
             detail="the kernel ran out of memory"),
        # fills memory to the limit and, a moment later, dies as the kernel's out-of-memory
        # killer would kill it (whether Python dies by itself or raises MemoryError at the limit
        # depends on the machine)
        Kind("memory_kill", [answer("mean", GOOD_MEAN + "\nimport os, signal, time\nhog = []\n"
                                    "try:\n    while True:\n"
                                    "        hog.append(bytearray(16 * 1024 ** 2))\n"
                                    "except MemoryError:\n"
                                    "    time.sleep(1)\n"
                                    "    os.kill(os.getpid(), signal.SIGKILL)"),
                             answer("squares", GOOD_SQUARES)], "crashed", 0,
             detail="the kernel ran out of memory"),
        Kind("deleted_test", [_delete("test_mean"), answer("mean", WRONG_MEAN),
                              answer("squares", GOOD_SQUARES)], "tampered", 3),
        Kind("edited_test", [_edit_test("test_mean", "pass"), answer("mean", WRONG_MEAN),
                             answer("squares", GOOD_SQUARES)], "tampered", 3),
        Kind("flipped_metadata", [_flip("test_squares"), answer("mean", GOOD_MEAN),
                                  answer("squares", WRONG_SQUARES)], "tampered", 2),
        Kind("invalid_json", [], "invalid", 0, raw=corrupt, detail="not valid JSON"),
        Kind("word_document", [], "invalid", 0, raw=word_document, detail="zip file"),
        Kind("empty_folder", [], "missing", 0, raw=empty, detail="empty submission folder"),
        Kind("with_bom", [], "ok", 5, raw=edited(CORRECT, with_bom), detail="byte-order mark"),
        Kind("bad_timestamp", [], "ok", 5, raw=edited(CORRECT, bad_timestamp),
             detail="timestamp.txt is unreadable"),
        Kind("case_twin", [], "flagged", 5, raw=edited(CORRECT, case_twin),
             flags=("two-versions",), detail="PS1.IPYNB"),
        Kind("wrong_name", CORRECT, "invalid", 0),
        Kind("ast_cheat", [_append(AST_CHEAT), answer("mean", WRONG_MEAN),
                           answer("squares", WRONG_SQUARES)], "flagged", 0,
             flags=("ipython-hook",), with_hooks=5),
        Kind("input_cheat", [_append(INPUT_CHEAT), answer("mean", WRONG_MEAN),
                             answer("squares", WRONG_SQUARES)], "flagged", 0,
             flags=("ipython-hook",), with_hooks=5),
        Kind("obfuscated_cheat", [_append(OBFUSCATED_CHEAT), answer("mean", WRONG_MEAN),
                                  answer("squares", WRONG_SQUARES)], "flagged", 0,
             flags=("ipython-hook", "dynamic-code"), with_hooks=5),
        Kind("honest_hook", [_append(AST_CHEAT), answer("mean", GOOD_MEAN),
                             answer("squares", GOOD_SQUARES)], "flagged", 5,
             flags=("ipython-hook",), with_hooks=5),
        Kind("eq_cheat", [answer("mean", EQ_CHEAT), answer("squares", "")], "flagged", 0,
             flags=("custom-eq",)),
        Kind("builtins_cheat", [answer("mean", BUILTINS_CHEAT),
                                answer("squares", WRONG_SQUARES)], "flagged", 0,
             flags=("builtins-patch",)),
        Kind("exc_cheat", [_append(EXC_CHEAT), answer("mean", WRONG_MEAN),
                           answer("squares", WRONG_SQUARES)], "flagged", 0,
             flags=("ipython-hook",), with_hooks=0),
        Kind("env_sniff", [answer("mean", "import os\nprint('ENV:', os.environ.get("
                                  "'NBGRADER_EXECUTION'))\n" + GOOD_MEAN),
                           answer("squares", GOOD_SQUARES)], "flagged", 5,
             flags=("env-sniff",)),
        Kind("read_secrets", [answer("mean", _probe(secrets) + GOOD_MEAN),
                              answer("squares", GOOD_SQUARES)], "flagged", 5,
             flags=("env-sniff",)),
        Kind("read_other", [answer("mean", _probe(other) + GOOD_MEAN),
                            answer("squares", GOOD_SQUARES)], "flagged", 5,
             flags=("env-sniff",)),
        Kind("network", [answer("mean", network + GOOD_MEAN), answer("squares", GOOD_SQUARES)],
             "flagged", 5, flags=("env-sniff",)),
        Kind("symlink_out", [answer("mean", GOOD_MEAN), answer("squares", GOOD_SQUARES + "\n"
                                                                + links)],
             "flagged", 5, flags=("file-tricks",)),
        Kind("fork_many", [answer("mean", forks + GOOD_MEAN), answer("squares", GOOD_SQUARES)],
             "flagged", 5, flags=("processes",)),
        Kind("write_outside", [answer("mean", writer + GOOD_MEAN),
                               answer("squares", GOOD_SQUARES)], "flagged", 5,
             flags=("env-sniff",)),
    ]


def release_notebook(folder: Path) -> nbformat.NotebookNode:
    return copy.deepcopy(nbformat.read(folder / "release" / ASSIGNMENT / NOTEBOOK, as_version=4))


def write_submission(folder: Path, student: str, kind: Kind) -> Path:
    """submitted/<student>/ps1/ from the release notebook with ``kind``'s edits."""
    target = folder / "submitted" / student / ASSIGNMENT
    target.mkdir(parents=True, exist_ok=True)
    if kind.raw:
        kind.raw(target)
        return target
    nb = release_notebook(folder)
    for edit in kind.edits:
        edit(nb)
    name = "homework.ipynb" if kind.name == "wrong_name" else NOTEBOOK
    nbformat.write(nb, target / name)
    (target / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC\n")
    return target
