"""nbgrader's side: read the widget answers from the submitted notebook and hand them over.

nbgrader's autograde first *sanitizes* a submission (ClearOutput, ..., OverwriteCells), then runs
it in a fresh kernel. The answers a learner gave with widgets live in the outputs, which
ClearOutput removes, and the fresh kernel has no browser to ask. So :class:`ReadWidgetAnswers`
runs first in ``Autograde.sanitize_preprocessors`` and

1. collects the newest answer per part from the outputs (:func:`netnot.answers.record.harvest`);
2. copies each written answer into the manually graded markdown cell of the same grade_id, so
   formgrader shows it and nbgrader asks for a grade (the cell's checksum changes);
3. adds one code cell at the top that hands the answers to the kernel
   (:func:`netnot.answers.handover.receive`, the answers inlined as a JSON string literal) and
   shows them in the graded notebook.

No file is involved, so a file shipped with a submission cannot stand in for the answers, and
the hand-over works wherever the kernel runs (nbgrader's own, or netnot-grade's sandbox).
"""

from __future__ import annotations

import json
import re

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from netnot.answers.record import Harvest, harvest
from netnot.grading.tamper import repair_duplicates

USES = "netnot.answers"  # a notebook whose code imports this gives answers with widgets
NBGRADER_SANITIZE = ["nbgrader.preprocessors.ClearOutput", "nbgrader.preprocessors.DeduplicateIds",
                     "nbgrader.preprocessors.OverwriteKernelspec",
                     "nbgrader.preprocessors.OverwriteCells",
                     "nbgrader.preprocessors.CheckCellMetadata"]  # nbgrader 0.9's default
SANITIZE = ["netnot.answers.grader.ReadWidgetAnswers", *NBGRADER_SANITIZE]
PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def uses_answers(nb: NotebookNode) -> bool:
    return any(c.get("cell_type") == "code" and USES in c.get("source", "") for c in nb.cells)


def as_quoted_text(text: str) -> str:
    """``text`` as a markdown quote that shows exactly what was typed: every ASCII punctuation
    mark is escaped, so no markdown or HTML in it takes effect; line breaks are kept."""
    lines = text.splitlines() or [""]
    return "\n".join("> " + PUNCTUATION.sub(r"\\\1", line) + "  " if line.strip() else ">"
                     for line in lines)


def carry_written_answers(nb: NotebookNode, found: Harvest) -> list[str]:
    """Append each written answer to its manually graded markdown cell; the grade_ids done."""
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells
             if c.get("cell_type") == "markdown" and c.metadata.get("nbgrader", {}).get("grade")
             and c.metadata.get("nbgrader", {}).get("solution")}
    done = []
    for (_, part), answer in sorted(found.answers.items()):
        cell = cells.get(part)
        if cell is None or answer.kind != "text" or not answer.answered or part in done:
            continue
        cell.source = (cell.source.rstrip() + "\n\n**Written in the answer box** (copied here "
                       "when the work was graded):\n\n" + as_quoted_text(answer.value) + "\n")
        done.append(part)
    return done


def hand_over_cell(nb: NotebookNode, found: Harvest) -> NotebookNode:
    """The code cell that passes ``found`` to the kernel (and shows it in the graded copy)."""
    payload = json.dumps({"answers": [a.to_json() for _, a in sorted(found.answers.items())],
                          "problems": found.problems}, ensure_ascii=True, sort_keys=True)
    cell = nbformat.v4.new_code_cell(
        "# Added by the grader: the answers recorded in the submitted notebook.\n"
        "from netnot.answers.handover import receive\n"
        f"receive({payload!r})")
    if (nb.get("nbformat"), nb.get("nbformat_minor", 0)) < (4, 5):
        cell.pop("id", None)
    return cell


class ReadWidgetAnswers(NbGraderPreprocessor):
    """The first sanitize step of autograde for exercises with widget answers (module doc)."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        if not uses_answers(nb):
            return nb, resources
        for note in repair_duplicates(nb):  # plain nbgrader crashes on a pasted graded cell
            self.log.warning("Pasted cell: %s", note)
        found = harvest(nb.cells)
        written = carry_written_answers(nb, found)
        nb.cells.insert(0, hand_over_cell(nb, found))
        self.log.info("Widget answers read: %d (written answers copied into %s)",
                      len(found.answers), ", ".join(written) or "no cell")
        for problem in found.problems:
            self.log.warning("Widget answer not usable: %s", problem)
        return nb, resources


def problems(submitted: NotebookNode, release: NotebookNode) -> list[str]:
    """What a person should know about a submission's saved widget answers: records edited into
    nonsense, and answers for questions the release does not have (for netnot-grade's status)."""
    if not uses_answers(release):
        return []
    found = harvest(submitted.cells)
    found_problems = [f"a saved widget answer was edited by hand ({p})" for p in found.problems]
    code = "\n".join(c.source for c in release.cells if c.cell_type == "code")

    def named(name: str) -> bool:
        return f'"{name}"' in code or f"'{name}'" in code

    for exercise, part in sorted(found.answers):
        if not (named(exercise) and named(part)):
            found_problems.append(f"a widget answer for a question this exercise does not have "
                                  f"was ignored ({exercise}, {part})")
    return found_problems
