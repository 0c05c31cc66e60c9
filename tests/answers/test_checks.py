"""The test-cell checks: the kind of value first, then the value; a missing or wrong answer ends
the cell with 0 (nbgrader's partial credit), never with a traceback; a right one with nothing."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from nbformat.v4 import new_code_cell, new_output
from nbgrader.utils import determine_grade

from netnot.answers import handover
from netnot.answers import sheet as sheets
from netnot.answers.checks import Verdict
from netnot.answers.record import Answer
from netnot.answers.sheet import LIVE, AnswerSheet


@pytest.fixture(autouse=True)
def fresh_kernel_state(monkeypatch):
    monkeypatch.setattr(handover, "_RECEIVED", [])
    monkeypatch.setattr(sheets, "_PAGE_LOADS", [])


def sheet_with(value, kind="number", problems=()) -> AnswerSheet:
    answers = AnswerSheet("ex", step=LIVE, store=None, notebook=None,
                          publish=lambda *a: None)
    answers.store = None
    if value is not None:
        answers.answers["part-a"] = Answer("ex", "part-a", kind, value, "2025-01-01T00:00:00+00:00")
    answers.problems = list(problems)
    return answers


def points(result) -> float:
    """What nbgrader gives a 2-point test cell whose last expression is ``result``."""
    cell = new_code_cell("", metadata={"nbgrader": {"grade": True, "solution": False,
                                                    "points": 2, "grade_id": "t"}})
    if result is not None:
        cell.outputs = [new_output("execute_result", data={"text/plain": repr(result)},
                                   execution_count=1)]
    return determine_grade(cell)[0]


def test_an_unanswered_part_scores_0_without_an_error():
    result = sheet_with(None).check("part-a").number(between=(1, 52)).result()
    assert isinstance(result, Verdict) and points(result) == 0
    assert "not answered yet" in result._repr_html_()


@pytest.mark.parametrize("value", [11, 11.0, np.float64(11.2), np.int64(11), np.float32(10.8),
                                   Fraction(22, 2)])
def test_any_real_number_type_is_accepted_within_the_tolerance(value):
    check = sheet_with(value).check("part-a").number(between=(1, 52), unit="weeks")
    assert check.close_to(11, within=0.5).result() is None
    assert points(None) == 2


@pytest.mark.parametrize("value, words", [
    (True, "should be a number"), ("11", "should be a number"), (float("inf"), "a number"),
    ([11], "should be a number"), (80, "between 1 and 52 weeks; the answer given is 80 weeks"),
])
def test_the_kind_and_range_come_first_with_a_plain_message(value, words):
    result = sheet_with(value).check("part-a").number(between=(1, 52), unit="weeks").result()
    assert points(result) == 0 and words in result.text


def test_a_wrong_value_fails_the_hidden_check_without_giving_the_answer_away():
    result = sheet_with(15.0).check("part-a").number(between=(1, 52)).close_to(11, 0.5).result()
    assert points(result) == 0
    assert "not quite" in result.text and "11" not in result.text


def test_a_hand_edited_answer_says_it_could_not_be_read():
    answers = sheet_with(None, problems=["part-a: the value is not a number"])
    result = answers.check("part-a").number().result()
    assert "could not be read (the value is not a number)" in result.text


def test_choices_and_rankings():
    answers = sheet_with("b", kind="choice")
    assert answers.check("part-a").one_of("a", "b").equals("b").result() is None
    assert points(answers.check("part-a").one_of("a", "c").result()) == 0
    answers = sheet_with(["y", "x"], kind="ranking")
    assert answers.check("part-a").ranks("x", "y").equals(["y", "x"]).result() is None
    assert points(answers.check("part-a").ranks("x", "y", "z").result()) == 0
    assert points(answers.check("part-a").ranks("x", "y").equals(["x", "y"]).result()) == 0


def test_the_verdict_is_shown_with_its_answer_outside_the_test_cell(store):
    """Feedback pages replace test-cell outputs, so the answer line carries the verdict too."""
    from .test_sheet import Outputs

    out = Outputs()
    answers = AnswerSheet("ex", step=LIVE, store=store, notebook=None, publish=out)
    answers.number("part-a", "x", unit="weeks")
    answers.boxes["part-a"].box.value = "15"
    answers.check("part-a").number(between=(1, 52)).close_to(11, within=0.5).result()
    data, display_id, update = out.shown[-1]
    assert update and display_id == "netnot-ex-part-a"
    assert "15 weeks" in data["text/plain"] and "Check: ✗ Part A: not quite" in data["text/plain"]
    answers.boxes["part-a"].box.value = "11"
    assert "Check:" not in out.shown[-1][0]["text/plain"], "a new answer is not judged yet"
    answers.boxes["part-a"].box.value = ""
    answers.check("part-a").number().result()
    assert out.shown[-1][0]["text/plain"] == "• Part A: not answered yet."


def test_a_graded_copy_says_which_answer_was_handed_in():
    answers = AnswerSheet("ex", step=sheets.GRADING, publish=lambda *a: None)
    answers.answers["part-a"] = Answer.make("ex", "part-a", "number", 11, "widget")
    line = answers.bundle("part-a")["text/plain"]
    assert line == "Part A: 11 (the answer handed in)."
