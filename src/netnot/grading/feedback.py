"""Feedback pages without hidden tests: nbgrader's generate_feedback, plus what it misses.

nbgrader's ``ClearHiddenTests`` removes the hidden test source, but a failing hidden test's
traceback still prints the hidden lines (nbgrader #917, #1363). ``HideTestOutputs`` therefore
replaces the outputs of every test cell that has hidden tests by one plain sentence: the
visible check's message if a visible line failed, otherwise "a hidden check failed". A student
who types the hidden-tests marker into an answer would make ``ClearHiddenTests`` stop the whole
class ("Hidden test region detected in a non-grade cell"); ``ProtectStudentText`` keeps the
marker in students' cells from matching (a no-break space), so their text shows as written.
The markers are read from the config (``ClearHiddenTests.begin_test_delimeter`` …), never
assumed. If nbgrader still fails, each student is tried alone, so one notebook costs only its
own page. After nbgrader has written the pages, ``leaks`` reads every page back; a page that
still shows a hidden line is deleted and reported, never left for release.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor
from traitlets import Unicode
from traitlets.config import Config

from .folder import GradingFolder
from .nbgrader_log import nbgrader_log

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
HIDDEN_FAILED = ("A hidden check failed: your answer passed what you could see but not every "
                 "case the grader tries. Re-read the question; the details are not shown.")
NO_BREAK_SPACE = "\u00a0"


@dataclass(frozen=True)
class Markers:
    """The hidden-test delimiters, as ``ClearHiddenTests`` is configured."""

    begin: str = ClearHiddenTests.class_traits()["begin_test_delimeter"].default_value
    end: str = ClearHiddenTests.class_traits()["end_test_delimeter"].default_value

    @classmethod
    def of(cls, config: Config) -> Markers:
        section = config.ClearHiddenTests
        return cls(section.get("begin_test_delimeter", cls.begin),
                   section.get("end_test_delimeter", cls.end))


def split_hidden(source: str, markers: Markers = Markers()) -> tuple[list[str], list[int]]:
    """(hidden lines, 1-based numbers of the hidden lines) of a test cell's source."""
    hidden, numbers, inside = [], [], False
    for number, line in enumerate(source.splitlines(), start=1):
        if markers.begin in line:
            inside = True
        elif markers.end in line:
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


def is_test_cell(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


class _MarkerTraits(NbGraderPreprocessor):
    begin_test_delimeter = Unicode(Markers.begin).tag(config=True)
    end_test_delimeter = Unicode(Markers.end).tag(config=True)

    @property
    def markers(self) -> Markers:
        return Markers(self.begin_test_delimeter, self.end_test_delimeter)


class ProtectStudentText(_MarkerTraits):
    """In every cell but the autograder tests, keep the hidden-test markers from matching."""

    def preprocess_cell(self, cell, resources, index):
        if not is_test_cell(cell):
            for marker in (self.begin_test_delimeter, self.end_test_delimeter):
                if marker and marker in cell.source:
                    cell.source = cell.source.replace(marker,
                                                      marker.replace(" ", NO_BREAK_SPACE))
        return cell, resources


class HideTestOutputs(_MarkerTraits):
    """Replace the outputs of test cells with hidden tests by one sentence (see module doc)."""

    def preprocess_cell(self, cell, resources, index):
        if not is_test_cell(cell) or self.begin_test_delimeter not in cell.source:
            return cell, resources
        _, hidden = split_hidden(cell.source, self.markers)
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


def feedback_config(markers: Markers) -> Config:
    cfg = Config()
    cfg.GenerateFeedback.preprocessors = [GetGrades, ProtectStudentText, HideTestOutputs,
                                          ClearHiddenTests, CSSHTMLHeaderPreprocessor]
    for name in ("ProtectStudentText", "HideTestOutputs"):
        cfg[name].begin_test_delimeter = markers.begin
        cfg[name].end_test_delimeter = markers.end
    return cfg


def hidden_lines(folder: GradingFolder, assignment: str, min_length: int = 8) -> set[str]:
    """Distinctive hidden-test lines of the assignment's source notebooks (stripped)."""
    markers = Markers.of(folder.config())
    visible: set[str] = set()
    hidden: set[str] = set()
    for path in sorted(folder.source(assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            lines, _ = split_hidden(cell.source, markers)
            hidden |= {line.strip() for line in lines}
            shown = re.sub(rf"{re.escape(markers.begin)}.*?{re.escape(markers.end)}", "",
                           cell.source, flags=re.S)
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
    failed: dict[str, str] = field(default_factory=dict)  # student -> why nbgrader failed
    log: Path | None = None


def _last_error(result: dict) -> str:
    lines = (result.get("error", "") or result.get("log", "")).strip().splitlines()
    return (lines[-1] if lines else "nbgrader failed")[:300]


def generate(folder: GradingFolder, assignment: str, student: str | None = None
             ) -> FeedbackResult:
    """nbgrader generate_feedback for every graded student (or one), hidden tests removed."""
    config = folder.config()
    api = folder.api(feedback_config(Markers.of(config)))
    log = folder.log(assignment, "generate_feedback")
    log.write_text("")
    failed: dict[str, str] = {}
    with nbgrader_log(None, log):
        result = api.generate_feedback(assignment, student_id=student, force=True)
        if not result["success"]:  # find who: one student at a time
            for one in folder.graded_students(assignment, student or "*"):
                alone = api.generate_feedback(assignment, student_id=one, force=True)
                if not alone["success"]:
                    failed[one] = _last_error(alone)
                    for page in folder.feedback(one, assignment).glob("*.html"):
                        page.unlink()
        with log.open("a") as handle:
            handle.write(result.get("log", "") + result.get("error", ""))
    hidden = hidden_lines(folder, assignment)
    written, withheld = [], {}
    for page in folder.feedback_pages(assignment, student):
        found = leaks(page.read_text(encoding="utf-8"), hidden)
        if found:
            page.unlink()
            withheld[str(page)] = found
        else:
            written.append(page)
    return FeedbackResult(written, withheld, failed, log)
