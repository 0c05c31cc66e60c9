"""Feedback pages without hidden tests: nbgrader's generate_feedback, plus what it misses.

nbgrader's ``ClearHiddenTests`` removes the hidden test source, but a failing hidden test's
traceback still prints the hidden lines (nbgrader #917, #1363). ``HideTestOutputs`` therefore
replaces the outputs of every test cell that has hidden tests by one plain sentence: the
visible check's message if a visible line failed, otherwise "a hidden check failed". After
nbgrader has written the pages, ``leaks`` reads every page back; a page that still shows a
hidden line is deleted and reported, never left for release.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor
from traitlets.config import Config

from . import classfolder

BEGIN, END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
HIDDEN_FAILED = ("A hidden check failed: your answer passed what you could see but not every "
                 "case the grader tries. Re-read the question; the details are not shown.")


def split_hidden(source: str) -> tuple[list[str], list[int]]:
    """(hidden lines, 1-based numbers of the hidden lines) of a test cell's source."""
    hidden, numbers, inside = [], [], False
    for number, line in enumerate(source.splitlines(), start=1):
        if BEGIN in line:
            inside = True
        elif END in line:
            inside = False
        elif inside:
            hidden.append(line)
            numbers.append(number)
    return hidden, numbers


def failing_line(traceback: list[str]) -> int | None:
    """The cell line (1-based) marked ``---->`` in the first frame of an IPython traceback."""
    for line in ANSI.sub("", "\n".join(traceback)).splitlines():
        found = re.match(r"^-+>\s*(\d+)", line)
        if found:
            return int(found.group(1))
    return None


class HideTestOutputs(NbGraderPreprocessor):
    """Replace the outputs of test cells with hidden tests by one sentence (see module doc)."""

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade") or BEGIN not in cell.source:
            return cell, resources
        _, hidden = split_hidden(cell.source)
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        cell.outputs = []
        if errors:
            error = errors[0]
            line = failing_line(error.get("traceback", []))
            names = {o.get("ename") for o in errors}
            if names & {"CellTimeoutError", "KeyboardInterrupt", "DeadKernelError"}:
                text = "This check ran past the time limit (or the kernel stopped): 0 points."
            elif line is None or line in hidden or line > min(hidden, default=line + 1):
                text = HIDDEN_FAILED
            else:
                text = f"A visible check failed: {error.get('ename')}: {error.get('evalue')}"
            cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text=text + "\n")]
        return cell, resources


def feedback_config() -> Config:
    cfg = Config()
    cfg.GenerateFeedback.preprocessors = [GetGrades, HideTestOutputs, ClearHiddenTests,
                                          CSSHTMLHeaderPreprocessor]
    return cfg


def hidden_lines(root: Path, assignment: str, min_length: int = 8) -> set[str]:
    """Distinctive hidden-test lines of the assignment's source notebooks (stripped)."""
    visible: set[str] = set()
    hidden: set[str] = set()
    for path in sorted((Path(root) / "source" / assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            lines, _ = split_hidden(cell.source)
            hidden |= {line.strip() for line in lines}
            shown = re.sub(rf"{re.escape(BEGIN)}.*?{re.escape(END)}", "", cell.source, flags=re.S)
            visible |= {line.strip() for line in shown.splitlines()}
    return {line for line in hidden - visible if len(line) >= min_length}


def page_text(page: str) -> str:
    """The text a reader sees in an HTML page (tags dropped, entities decoded)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def leaks(page: str, hidden: set[str]) -> list[str]:
    """Hidden lines that appear in the page's text."""
    text = page_text(page)
    squeezed = re.sub(r"\s+", " ", text)
    return sorted(line for line in hidden
                  if line in text or re.sub(r"\s+", " ", line) in squeezed)


@dataclass(frozen=True)
class FeedbackResult:
    written: list[Path]
    withheld: dict[str, list[str]]  # page -> the hidden lines it showed (page deleted)
    log: str


def generate(root: Path, assignment: str, student: str | None = None) -> FeedbackResult:
    """nbgrader generate_feedback for every graded student (or one), hidden tests removed."""
    root = Path(root).resolve()
    result = classfolder.api(root, feedback_config()).generate_feedback(
        assignment, student_id=student, force=True)
    if not result["success"]:
        raise RuntimeError(f"nbgrader generate_feedback failed:\n{result.get('error', '')}\n"
                           f"{result.get('log', '')}")
    hidden = hidden_lines(root, assignment)
    pattern = f"{student or '*'}/{assignment}/*.html"
    written, withheld = [], {}
    for page in sorted((root / "feedback").glob(pattern)):
        found = leaks(page.read_text(encoding="utf-8"), hidden)
        if found:
            page.unlink()
            withheld[str(page)] = found
        else:
            written.append(page)
    return FeedbackResult(written, withheld, result.get("log", ""))
