"""HideTestOutputs: a failing hidden test shows one sentence, never its lines."""

from __future__ import annotations

import nbformat
from nbgrader.preprocessors import ClearHiddenTests
from traitlets.config import Config

from netnot.grading.feedback import (
    HIDDEN_FAILED,
    HideTestOutputs,
    Markers,
    ProtectStudentText,
    failing_line,
    feedback_config,
    leaks,
    split_hidden,
)
from netnot.grading.status import plural

SOURCE = ("assert type(x) is int, 'x should be an int'\n"
          "### BEGIN HIDDEN TESTS\n"
          "assert x == secret_value_42, 'expected the secret'\n"
          "### END HIDDEN TESTS")


def make_cell(line: int, ename: str = "AssertionError", evalue: str = "expected the secret"):
    cell = nbformat.v4.new_code_cell(SOURCE)
    cell.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "t", "points": 1}
    trace = ["\x1b[0;31m----------------\x1b[0m", "Cell In[3], line 3",
             f"\x1b[0;32m----> {line}\x1b[0m assert x == secret_value_42, 'expected the secret'"]
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="debug secret_value_42"),
                    nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=trace)]
    return cell


def run(cell):
    return HideTestOutputs().preprocess_cell(cell, {}, 0)[0]


def test_hidden_failure_shows_one_sentence():
    cell = run(make_cell(3))
    assert [o.text for o in cell.outputs] == [HIDDEN_FAILED + "\n"]
    assert "secret" not in str(cell.outputs)


def test_visible_failure_keeps_its_message():
    cell = run(make_cell(1, "AssertionError", "x should be an int"))
    assert cell.outputs[0].text == "A visible check failed: AssertionError: x should be an int\n"


def test_passing_cell_and_cells_without_hidden_tests():
    cell = make_cell(3)
    cell.outputs = []
    assert run(cell).outputs == []
    plain = nbformat.v4.new_code_cell("print('hello')")
    plain.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hello")]
    assert run(plain).outputs[0].text == "hello"


def test_failing_line_and_leak_detection():
    assert failing_line(["\x1b[0;32m----> 12\x1b[0m foo()"]) == 12
    assert failing_line(["no arrow"]) is None
    page = "<pre><span>assert</span> <span>x</span> == secret_value_42, &#39;e&#39;</pre>"
    assert leaks(page, {"assert x == secret_value_42, 'e'"}) == ["assert x == secret_value_42, 'e'"]
    assert leaks("<p>fine</p>", {"assert x == secret_value_42"}) == []


def test_timeout_says_so_without_details():
    cell = run(make_cell(3, "CellTimeoutError", "A cell timed out while it was being executed"))
    assert cell.outputs[0].text.startswith("This check ran past the time limit")
    assert "secret" not in str(cell.outputs)


def test_a_student_typing_the_marker_does_not_stop_feedback():
    """nbgrader's ClearHiddenTests raised on an answer holding the marker, for the whole class."""
    answer = nbformat.v4.new_code_cell("# ### BEGIN HIDDEN TESTS is where they hide\nx = 1")
    answer.metadata.nbgrader = {"grade": False, "solution": True, "grade_id": "a"}
    text = nbformat.v4.new_markdown_cell("I typed ### BEGIN HIDDEN TESTS and END HIDDEN TESTS")
    text.metadata.nbgrader = {"grade": True, "solution": True, "grade_id": "r", "points": 3}
    test = nbformat.v4.new_code_cell(SOURCE)
    test.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "t", "points": 1}
    nb = nbformat.v4.new_notebook(cells=[answer, text, test])
    for cell in nb.cells:
        ProtectStudentText().preprocess_cell(cell, {}, 0)
    nb, _ = ClearHiddenTests().preprocess(nb, {})  # raised RuntimeError before
    assert "is where they hide" in nb.cells[0].source and "x = 1" in nb.cells[0].source
    assert "and END HIDDEN" in nb.cells[1].source.replace("\u00a0", " ")
    assert "secret_value_42" not in nb.cells[2].source  # the real hidden tests still go


def test_markers_come_from_the_config():
    config = Config()
    config.ClearHiddenTests.begin_test_delimeter = "BEGIN SECRET"
    config.ClearHiddenTests.end_test_delimeter = "END SECRET"
    markers = Markers.of(config)
    assert markers == Markers("BEGIN SECRET", "END SECRET")
    assert split_hidden("a\n# BEGIN SECRET\nb\n# END SECRET\nc", markers) == (["b"], [3])
    assert Markers.of(Config()) == Markers("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
    cfg = feedback_config(markers)
    assert cfg.HideTestOutputs.begin_test_delimeter == "BEGIN SECRET"
    assert cfg.ProtectStudentText.end_test_delimeter == "END SECRET"


def test_counts_are_said_in_words():
    assert plural(1, "feedback page") == "1 feedback page"
    assert plural(2, "feedback page") == "2 feedback pages"
