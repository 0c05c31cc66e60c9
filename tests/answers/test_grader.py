"""The grader's side: widget answers are read from the outputs before ClearOutput, handed to the
kernel in a cell (never a file), and a written answer lands in its manually graded cell as plain
text, whatever the learner typed."""

from __future__ import annotations

import json

import nbformat
from nbconvert.filters import markdown2html_mistune
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.converters import Autograde

from netnot.answers import grader
from netnot.answers.record import MIME, Answer

TRICKY = ("Start early.\r\nIt's \"months\" ''' \"\"\" \\n\u2028); import os  # not code\n"
          "<script>alert(1)</script> [click](javascript:alert(1)) **bold** <!-- -->")


def bundle(part, kind, value, exercise="ex") -> dict:
    return {MIME: Answer.make(exercise, part, kind, value, "widget").to_json(),
            "text/plain": "recorded"}


def submission(*bundles: dict) -> nbformat.NotebookNode:
    nb = new_notebook()
    setup = new_code_cell('from netnot.answers.sheet import answer_sheet\nanswers = '
                          'answer_sheet("ex")\nanswers.number("part-a", "x")')
    setup.outputs = [new_output("display_data", data=b) for b in bundles]
    manual = new_markdown_cell("Your instructor reads Part D here.\n<!--\nYOUR ANSWER HERE\n-->",
                               metadata={"nbgrader": {"grade": True, "solution": True,
                                                      "grade_id": "part-d-answer", "points": 3,
                                                      "locked": False, "schema_version": 3}})
    nb.cells = [setup, manual]
    return nb


def handed_over(cell) -> dict:
    """Run the hand-over cell with a stand-in for receive(); what would the kernel get?"""
    got = {}
    code = cell.source.replace("from netnot.answers.handover import receive\n", "")
    exec(code, {"receive": lambda payload: got.update(json.loads(payload))})  # noqa: S102
    return got


def test_answers_are_handed_to_the_kernel_in_a_cell_at_the_top():
    nb = submission(bundle("part-a", "number", 11), bundle("part-d-answer", "text", TRICKY))
    out, _ = grader.ReadWidgetAnswers().preprocess(nb, {})
    assert len(out.cells) == 3 and "Added by the grader" in out.cells[0].source
    got = handed_over(out.cells[0])
    values = {a["part"]: a["value"] for a in got["answers"]}
    assert values == {"part-a": 11.0, "part-d-answer": TRICKY[:len(TRICKY)]}
    assert got["problems"] == []
    nbformat.validate(out)


def test_a_written_answer_is_copied_into_its_graded_cell_as_plain_text():
    nb = submission(bundle("part-d-answer", "text", TRICKY))
    out, _ = grader.ReadWidgetAnswers().preprocess(nb, {})
    manual = out.cells[2]
    assert "Written in the answer box" in manual.source
    quoted = markdown2html_mistune(manual.source).split("<blockquote>", 1)[1]
    for markup in ("<script", "href", "<strong>", "<!--", "<a "):
        assert markup not in quoted
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in quoted and "**bold**" in quoted
    assert "<br" in quoted, "the learner's line breaks are kept"


def test_an_empty_written_answer_leaves_the_graded_cell_untouched():
    nb = submission(bundle("part-d-answer", "text", None))
    before = nb.cells[1].source
    out, _ = grader.ReadWidgetAnswers().preprocess(nb, {})
    assert out.cells[2].source == before


def test_a_notebook_without_widget_answers_is_left_alone():
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    out, _ = grader.ReadWidgetAnswers().preprocess(nb, {})
    assert [c.source for c in out.cells] == ["x = 1"]


def test_an_old_notebook_format_gets_a_cell_without_an_id():
    nb = submission()
    nb.nbformat_minor = 4
    for cell in nb.cells:
        cell.pop("id", None)
    out, _ = grader.ReadWidgetAnswers().preprocess(nb, {})
    assert "id" not in out.cells[0]
    nbformat.validate(out)


def test_problems_name_edited_records_and_unknown_questions():
    release = submission()
    edited = submission(bundle("part-a", "number", 11))
    edited.cells[0].outputs[0].data[MIME]["value"] = "eleven"
    edited.cells[0].outputs.append(new_output("display_data",
                                              data=bundle("part-zz", "number", 3)))
    edited.cells[0].outputs.append(new_output("display_data",
                                              data=bundle("part-a", "number", 3, "other-ex")))
    found = grader.problems(edited, release)
    assert len(found) == 3
    assert "edited by hand (part-a: the value is not a number)" in found[0]
    assert any("(ex, part-zz)" in p for p in found)
    assert any("(other-ex, part-a)" in p for p in found)
    assert grader.problems(submission(bundle("part-a", "number", 11)), release) == []


def test_the_sanitize_list_is_nbgraders_with_the_reader_first():
    default = [f"{c.__module__.rsplit('.', 1)[0]}.{c.__name__}"
               for c in Autograde.class_traits()["sanitize_preprocessors"].default()]
    assert grader.NBGRADER_SANITIZE == default
    assert grader.SANITIZE[0] == "netnot.answers.grader.ReadWidgetAnswers"
