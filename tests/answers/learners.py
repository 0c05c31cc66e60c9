"""Learners for the answer tests, for any exercise: one who types answers into the boxes (in a
kernel, as a browser's widget messages would), hand edits of a saved notebook, and the grades.

An exercise's module (``exercise01`` … ``exercise06``) says, for each part, its kind and the
answers a learner gives: as typed (a number as text), ticked or chosen (option keys), a range as
two texts, a rule as {"patience", "judge_by"}, a plan as its saved values.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

from netnot.answers.record import MIME

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("01-not-begging", "02-not-a-quick-fix", "03-not-only-online",
         "04-not-your-only-option", "05-switching-strategies", "06-your-plan")


@dataclass(frozen=True)
class Exercise:
    """What the answer tests need to know about one exercise."""

    assignment: str
    kinds: dict[str, str]  # answer part -> kind, in the notebook's order
    points: dict[str, float]  # autograded test cell -> points
    written: str  # the written part (its answer box and its graded cell share this name)
    wrong_points: dict[str, float]  # what the wrong answers earn, per test cell
    # test cells that judge the first part (they score 0 when its saved answer is nonsense)
    first_part_cells: tuple[str, ...] = field(default=("part-a-check",))

    @property
    def notebook(self) -> str:
        return f"{self.assignment}.ipynb"

    @property
    def release(self) -> Path:
        return ROOT / "exercises" / self.assignment / self.notebook

    @property
    def source(self) -> Path:
        return ROOT / "solutions" / self.assignment / self.notebook

    @property
    def auto(self) -> float:
        return sum(self.points.values())

    @property
    def nonsense_points(self) -> dict[str, float]:
        """A saved answer edited into nonsense counts as not answered: 0 for the cells that
        judge it, the right answers' points elsewhere."""
        return {cell: 0 if cell in self.first_part_cells else p
                for cell, p in self.points.items()}


def type_in(part: str, kind: str, value: Any) -> str:
    """Kernel code that gives ``value`` in ``part``'s box, as a learner's clicks and typing do."""
    box = f"answers.boxes[{part!r}]"
    if kind == "number":
        return f"{box}.box.value = {value!r}"
    if kind == "text":
        return f"{box}.text.value = {value!r}"
    if kind == "choice":
        return f"{box}.buttons.value = {value!r}"
    if kind == "choices":
        return f"for _k, _t in {box}.ticks.items(): _t.value = _k in {list(value)!r}"
    if kind == "range":
        return f"{box}.low.value = {value[0]!r}; {box}.high.value = {value[1]!r}"
    if kind == "rule":
        return (f"{box}.patience.value = {value['patience']!r}; "
                f"{box}.judge_by.value = {value['judge_by']!r}")
    if kind == "plan":
        plan = dict(value)
        return "\n".join([
            f"for _h, _x in zip({box}.hours, {list(plan['hours'])!r}): _h.value = _x",
            f"for _n, _c in {box}.choices.items(): _c.value = {plan!r}[_n]",
            f"for _i, _c in {box}.indicators.items(): "
            f"_c.value = _i in {list(plan['indicators'])!r}",
            f"for _n, _c in {box}.texts.items(): _c.value = {plan!r}[_n]",
        ])
    raise ValueError(f"no way to type a {kind} answer")


def answered(ex: Exercise, typed: dict[str, Any], target: Path) -> Path:
    """Run the student version in a kernel, give ``typed`` in the boxes, save to ``target``.

    The boxes' values are set in the kernel, as a browser's widget messages set them, after all
    cells have run; the answers then reach the saved outputs by display updates, as in
    JupyterLab (nbclient applies update_display_data too).
    """
    nb = nbformat.read(ex.release, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("\n".join(
        type_in(part, ex.kinds[part], value) for part, value in typed.items())))
    target.parent.mkdir(parents=True, exist_ok=True)  # the kernel's folder: its progress file
    NotebookClient(nb, timeout=180, kernel_name="python3", store_widget_state=False,
                   resources={"metadata": {"path": str(target.parent)}}).execute()
    errors = [o for o in nb.cells[-1].outputs if o.output_type == "error"]
    assert not errors, f"typing the answers failed: {errors[0].evalue}"
    nb.cells.pop()
    nbformat.write(nb, target)
    return target


def code_track(ex: Exercise, target: Path) -> Path:
    """A learner who codes: the instructor's code in every code cell, never run."""
    source = nbformat.read(ex.source, as_version=4)
    code = {c.metadata.nbgrader["grade_id"]: c.source for c in source.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")}
    nb = nbformat.read(ex.release, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in code:
            cell.source = code[grade_id]
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


NONSENSE = {"number": "eleven", "choice": ["b"], "choices": "all of them", "range": [12, 1],
            "rule": {"patience": "soon", "judge_by": "interviews"},
            "plan": {"hours": "many"}, "text": 42}


def first_part_edited(ex: Exercise, path: Path, target: Path) -> Path:
    """A saved notebook whose first part's answer was changed by hand, in every copy, into a
    value of the wrong kind (what a person who edits the .ipynb in a text editor may leave)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(ex.kinds))
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            saved = output.get("data", {}).get(MIME)
            if isinstance(saved, dict) and saved.get("part") == first:
                saved["value"] = NONSENSE[ex.kinds[first]]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(nb), encoding="utf-8")
    return target


def nonsense(module, path: Path, target: Path) -> Path:
    """The exercise's hand-edited notebook: its own (``edited_into_nonsense``) if it has one,
    else :func:`first_part_edited`."""
    edit = getattr(module, "edited_into_nonsense", None)
    return edit(path, target) if edit else first_part_edited(module.EX, path, target)


def cell_scores(ex: Exercise, db_url: str, student: str) -> dict[str, float | None]:
    """grade_id -> the student's score (None: awaits a person)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        sub = gb.find_submission_notebook(ex.assignment, ex.assignment, student)
        return {g.name: g.score if not g.needs_manual_grade else None for g in sub.grades}


def graded_errors(path: Path) -> list[str]:
    """The error outputs of a graded notebook (a traceback the learner or instructor sees)."""
    nb = nbformat.read(path, as_version=4)
    return [f"{o.ename}: {o.evalue}" for c in nb.cells if c.cell_type == "code"
            for o in c.outputs if o.output_type == "error"]


def exercise(name: str):
    """The module of one exercise (tests/answers/exerciseNN.py), ``.EX``, ``.right()``,
    ``.wrong()``."""
    import importlib

    module = f"exercise{name[:2]}"
    return importlib.import_module(f".{module}", __package__) if __package__ else \
        importlib.import_module(module)


def sheet_of(ex: Exercise, folder: Path) -> tuple[Any, dict[str, Any], list]:
    """The exercise's answer sheet built here, in this process, from the instructor's source:
    its set-up and box cells run (not the explorers); (sheet, the cells' namespace, the test
    cells as (grade_id, points, source))."""
    from netnot.answers import sheet as sheets
    from netnot.progress import ProgressStore

    nb = nbformat.read(ex.source, as_version=4)
    answers = sheets.AnswerSheet(ex.assignment, step=sheets.LIVE, store=ProgressStore(folder),
                                 notebook=None, publish=lambda *a: None)
    scope: dict[str, Any] = {}
    tests = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        name = meta.get("grade_id", "")
        if cell.cell_type != "code" or meta.get("solution") or name.endswith("-explorer") \
                or name == "summary":
            continue
        if meta.get("grade"):
            tests.append((name, float(meta["points"]), cell.source))
            continue
        with contextlib.redirect_stdout(io.StringIO()):  # (a table cell prints)
            exec(cell.source, scope)  # noqa: S102 - the set-up, box and table cells
        if name == "setup":
            scope["answers"] = answers
    return answers, scope, tests


def grade_in_process(ex: Exercise, typed: dict[str, Any], folder: Path) -> dict[str, float]:
    """What each autograded test cell of the instructor's source gives ``typed``, run here, in
    this process, without nbgrader: the set-up and box cells build the answer sheet, ``typed``
    goes into the boxes, then every test cell runs with its hidden tests (a quick stand-in for
    autograde, for the fairness tests; the real one is in test_widget_grading.py)."""
    from netnot.answers.checks import Verdict

    _, scope, tests = sheet_of(ex, folder)
    exec("\n".join(type_in(part, ex.kinds[part], value)  # noqa: S102
                   for part, value in typed.items()), scope)
    points = {}
    for name, full, source in tests:
        *body, last = source.rstrip().splitlines()
        exec("\n".join(body), scope)  # noqa: S102
        result = eval(last, scope)  # noqa: S307 - the cell's last line: check.result()
        points[name] = 0.0 if isinstance(result, Verdict) else full
    return points


def recorded(kind: str, value: Any) -> Any:
    """A learner's given answer (as the exercise modules write it) as its record keeps it."""
    if kind == "number":
        return float(value.replace(",", ".")) if str(value).strip() else None
    if kind == "range":
        return [float(value[0]), float(value[1])]
    if kind in ("text", "choices"):
        return value or None
    return value


def with_answers(ex: Exercise, path: Path, given: dict[str, Any], target: Path) -> Path:
    """A copy of a saved notebook whose answer records (every copy) hold ``given`` instead (a
    part not in ``given`` becomes unanswered), as if the learner had answered so before saving:
    the wrong and untouched learners derived from a notebook saved in the browser."""
    from netnot.answers.record import now

    nb = json.loads(path.read_text(encoding="utf-8"))
    stamp = now()
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            saved = output.get("data", {}).get(MIME)
            if isinstance(saved, dict) and saved.get("part") in ex.kinds:
                part = saved["part"]
                saved["value"] = recorded(ex.kinds[part], given[part]) if part in given else None
                saved["changed"], saved["by"] = stamp, "widget"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(nb), encoding="utf-8")
    return target


def learners_of(ex: Exercise, answers: dict[str, dict[str, Any]], folder: Path
                ) -> dict[str, Path]:
    """Several learners from ONE kernel run of the student version (the slow part): the notebook
    as it is after Run All, which must show no error or traceback (``{}`` gives an untouched
    copy), then each learner's answers given
    in turn in the boxes, a copy saved after each, as ``folder/<learner>/<notebook>``. Each
    learner's answers are complete: a later learner's replace an earlier one's."""
    import copy

    nb = nbformat.read(ex.release, as_version=4)
    folder.mkdir(parents=True, exist_ok=True)
    client = NotebookClient(nb, timeout=180, kernel_name="python3", store_widget_state=False,
                            resources={"metadata": {"path": str(folder)}})
    saved = {}
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):  # Run All: an error in any cell raises
            client.execute_cell(cell, index)
        shown = [o.text for c in nb.cells for o in c.get("outputs", [])
                 if o.output_type == "stream" and o.name == "stderr"]
        assert not [t for t in shown if "Traceback" in t], f"Run All shows a traceback: {shown}"
        for learner, typed in answers.items():
            if typed:
                cell = nbformat.v4.new_code_cell("\n".join(
                    type_in(part, ex.kinds[part], value) for part, value in typed.items()))
                nb.cells.append(cell)
                client.execute_cell(cell, len(nb.cells) - 1)
                errors = [o for o in cell.outputs if o.output_type == "error"]
                assert not errors, f"typing {learner}'s answers failed: {errors[0].evalue}"
                nb.cells.pop()
            target = folder / learner / ex.notebook
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(copy.deepcopy(nb), target)
            saved[learner] = target
    return saved
