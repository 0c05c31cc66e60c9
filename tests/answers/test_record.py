"""The saved form of a widget answer: what the kernel writes, what the grader accepts, and how
nonsense that was typed into the .ipynb by hand is refused with a reason, never a crash."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from netnot.answers import record
from netnot.answers.record import MIME, Answer, harvest, parse


def saved(**fields) -> dict:
    base = {"version": 1, "exercise": "ex", "part": "part-a", "kind": "number", "value": 12.5,
            "changed": "2025-03-01T10:00:00.000001+00:00", "by": "widget"}
    return {**base, **fields}


def cell(*records: object, mime: str = MIME) -> dict:
    outputs = [{"output_type": "display_data", "metadata": {}, "data": {mime: r}} for r in records]
    return {"cell_type": "code", "source": "", "metadata": {}, "outputs": outputs}


def test_an_answer_round_trips_through_json():
    answer = Answer("ex", "part-a", "number", 12.5, record.now(), "widget")
    again, problem = parse(json.loads(json.dumps(answer.to_json())))
    assert problem is None and again == answer


@pytest.mark.parametrize("kind, value", [("number", 3), ("number", -2.5), ("choice", "b"),
                                         ("ranking", ["x", "y"]), ("text", "Start early."),
                                         ("number", None), ("text", "")])
def test_every_kind_accepts_what_its_widget_produces(kind, value):
    answer, problem = parse(saved(kind=kind, value=value))
    assert problem is None and answer.kind == kind
    assert answer.answered == (value not in (None, ""))


@pytest.mark.parametrize("data, words", [
    ("not a dict", "not an answer record"),
    (saved(version=7), "version"),
    (saved(part="../../etc"), "name"),
    (saved(part=None), "name"),
    (saved(kind="exec"), "kind"),
    (saved(value="twelve"), "not a number"),
    (saved(value=True), "not a number"),
    (saved(value=float("nan")), "not a number"),
    (saved(value={"$eval": "x"}), "not a number"),
    (saved(kind="choice", value=["a"]), "not one option"),
    (saved(kind="ranking", value="a, b"), "not a list"),
    (saved(kind="ranking", value=[1, 2]), "not a list"),
    (saved(kind="ranking", value=["a"] * 500), "too many"),
    (saved(changed="yesterday"), "time"),
    (saved(changed=12), "time"),
    (saved(exercise=["x"]), "exercise"),
])
def test_hand_edited_nonsense_is_refused_with_a_reason(data, words):
    answer, problem = parse(data)
    assert answer is None
    assert words in problem


def test_a_huge_text_is_cut_and_said_so():
    answer, problem = parse(saved(kind="text", value="word " * 100_000))
    assert len(answer.value) == record.MAX_TEXT
    assert "cut" in problem


def test_numpy_numbers_are_stored_as_plain_numbers():
    answer = Answer.make("ex", "part-a", "number", np.float64(11.0), "code")
    assert type(answer.value) is float and answer.value == 11.0
    assert json.loads(json.dumps(answer.to_json()))["value"] == 11.0
    assert Answer.make("ex", "p", "number", np.int64(3), "code").value == 3.0


def test_harvest_takes_the_newest_answer_per_part_from_any_cell():
    old = saved(value=1, changed="2025-03-01T10:00:00+00:00")
    new = saved(value=2, changed="2025-03-01T11:00:00+00:00")
    other = saved(part="part-b", value=5)
    found = harvest([cell(new), cell(old, other), {"cell_type": "markdown", "source": "x"}])
    assert found.answers[("ex", "part-a")].value == 2
    assert found.answers[("ex", "part-b")].value == 5
    assert found.problems == []


def test_harvest_reports_nonsense_and_keeps_the_valid_copies():
    good = saved(value=3)
    found = harvest([cell(good, saved(value="three"), "garbage", saved(part="x" * 300)),
                     cell(saved(value="three"))])
    assert found.answers[("ex", "part-a")].value == 3
    assert len(found.problems) == 3, "each problem is said once, however many copies"
    assert any("part-a" in p and "not a number" in p for p in found.problems)


def test_harvest_survives_any_shape_of_outputs():
    cells = [{"cell_type": "code", "outputs": "oops"}, {"cell_type": "code", "outputs": [None]},
             {"cell_type": "code", "outputs": [{"data": "x"}]}, "not a cell",
             {"cell_type": "code", "outputs": [{"output_type": "stream", "text": "hi"}]}]
    found = harvest(cells)
    assert found.answers == {} and found.problems == []


def test_huge_numbers_and_deep_nesting_do_not_crash():
    deep: object = []
    for _ in range(50):
        deep = [deep]
    for data in (saved(value=10**400), saved(kind="ranking", value=deep), saved(value=1e308)):
        answer, problem = parse(data)
        assert answer is None or math.isfinite(answer.value)
