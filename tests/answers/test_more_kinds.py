"""The answer kinds beyond a number and a choice: ticked options, a range, a switching rule and a
six-week plan. Each starts unanswered, says what it understood, is saved as plain JSON, comes
back after a restart, refuses hand-edited nonsense with a reason, and is checked kind first."""

from __future__ import annotations

import json

import numpy as np
import pytest

from netnot.answers import handover, record
from netnot.answers import sheet as sheets
from netnot.answers.record import Answer, parse
from netnot.answers.sheet import LIVE, AnswerSheet
from netnot.models import plan as model
from netnot.models import policies
from netnot.progress import ProgressStore

from .test_checks import points, sheet_with
from .test_sheet import Outputs


@pytest.fixture(autouse=True)
def fresh_kernel_state(monkeypatch):
    monkeypatch.setattr(handover, "_RECEIVED", [])
    monkeypatch.setattr(sheets, "_PAGE_LOADS", [])
    for name in ("NBGRADER_EXECUTION", "VOILA_REQUEST_URL", "VOILA_SERVER_URL"):
        monkeypatch.delenv(name, raising=False)


def live(store, out=None) -> AnswerSheet:
    return AnswerSheet("ex", step=LIVE, store=store, notebook=None,
                       publish=out if out is not None else Outputs())


def saved(kind, value) -> dict:
    return Answer("ex", "part-a", kind, value, "2025-03-01T10:00:00+00:00").to_json()


A_PLAN = model.Plan(hours=(2.0, 0.0, 4.0, 6.0), new_contacts=4, follow_ups=2, days_between=8,
                    in_person_percent=50, indicators=("replies to my messages",),
                    review_day="Monday", patience=3, support="my sister")


# --- the saved form ---------------------------------------------------------------------------

def test_the_record_constants_are_the_models():
    assert record.SIGNALS == policies.SIGNALS
    assert record.MOST_PATIENCE == policies.PATIENCES[-1]


@pytest.mark.parametrize("kind, value", [
    ("choices", ["a", "c"]), ("range", [5.0, 12.0]),
    ("rule", {"patience": 8, "judge_by": "early signals"}), ("plan", A_PLAN.to_dict()),
    ("choices", None), ("rule", None), ("plan", None),
])
def test_every_new_kind_accepts_what_its_widget_produces(kind, value):
    answer, problem = parse(json.loads(json.dumps(saved(kind, value))))
    assert problem is None and answer.kind == kind and answer.value == value
    assert answer.answered == (value is not None)


@pytest.mark.parametrize("kind, value, words", [
    ("choices", "a", "not a list"), ("choices", ["a", "a"], "twice"),
    ("range", [12, 5], "ends before it starts"), ("range", [1], "two numbers"),
    ("range", ["1", 2], "two numbers"), ("range", [1, float("nan")], "two numbers"),
    ("rule", {"patience": 0, "judge_by": "interviews"}, "patience"),
    ("rule", {"patience": 2.5, "judge_by": "interviews"}, "patience"),
    ("rule", {"patience": True, "judge_by": "interviews"}, "patience"),
    ("rule", {"patience": 3, "judge_by": "hunches"}, "judge_by"),
    ("rule", {"patience": 3, "judge_by": "interviews", "move": 1}, "not a switching rule"),
    ("rule", [3, "interviews"], "not a switching rule"),
    ("plan", {**A_PLAN.to_dict(), "hours": [1, 2]}, "not a plan"),
    ("plan", {**A_PLAN.to_dict(), "patience": "soon"}, "not a plan"),
    ("plan", {**A_PLAN.to_dict(), "indicators": ["luck"]}, "not a plan"),
    ("plan", {**A_PLAN.to_dict(), "exec": "x"}, "unknown entries"),
    ("plan", {"hours": [1, 1, 1, 1]}, "missing entries"),
    ("plan", {**A_PLAN.to_dict(), "support": "x" * 20_000}, "over 10000"),
    ("plan", "a good plan", "not a plan"),
])
def test_hand_edited_nonsense_in_a_new_kind_is_refused_with_a_reason(kind, value, words):
    answer, problem = parse(saved(kind, value))
    assert answer is None and words in problem


def test_any_real_number_type_is_saved_as_plain_json():
    answer = Answer.make("ex", "part-a", "range", (np.int64(5), np.float32(12)), "code")
    assert answer.value == [5.0, 12.0] and all(type(x) is float for x in answer.value)
    rule = Answer.make("ex", "part-a", "rule", {"patience": np.float64(8.0),
                                                "judge_by": "interviews"}, "code")
    assert rule.value["patience"] == 8 and type(rule.value["patience"]) is int
    assert Answer.make("ex", "p", "choices", ("b", "a"), "code").value == ["a", "b"]
    json.dumps([answer.to_json(), rule.to_json()])


def test_a_plan_is_read_exactly_or_not_at_all():
    assert model.Plan.of(A_PLAN.to_dict()) == A_PLAN
    assert model.Plan.of(json.loads(json.dumps({**A_PLAN.to_dict(), "patience": 3.0}))) == A_PLAN
    with pytest.raises(ValueError, match="twice"):
        model.Plan.of({**A_PLAN.to_dict(), "indicators": ["offers", "offers"]})


# --- the widgets --------------------------------------------------------------------------------

def test_ticked_options(store):
    out = Outputs()
    answers = live(store, out)
    answers.choices("part-a", "Tick", {"a": "Advice", "b": "A job", "c": "A name"})
    box = answers.boxes["part-a"]
    assert out.answers() == {"part-a": None}
    box.ticks["c"].value = True
    box.ticks["a"].value = True
    assert out.answers() == {"part-a": ["a", "c"]} and "2 ticked" in box.status.value
    assert "2 ticked (options 1 and 3)" in answers.bundle("part-a")["text/plain"]
    box.ticks["a"].value = box.ticks["c"].value = False
    assert out.answers() == {"part-a": None} and "Not answered" in box.status.value


def test_a_range(store):
    out = Outputs()
    answers = live(store, out)
    answers.range("part-b", "Near-best k", unit="weeks", names=("k from", "to"))
    box = answers.boxes["part-b"]
    box.low.value = "5"
    assert out.answers() == {"part-b": None} and "both ends" in box.status.value
    box.high.value = "3"
    assert out.answers() == {"part-b": None} and "not be larger" in box.status.value
    box.high.value = "12"
    assert out.answers() == {"part-b": [5.0, 12.0]}
    assert "5 to 12 weeks" in answers.bundle("part-b")["text/plain"]


def test_a_rule_needs_both_choices(store):
    out = Outputs()
    answers = live(store, out)
    answers.rule("part-a", "Your rule")
    box = answers.boxes["part-a"]
    box.patience.value = 8
    assert out.answers() == {"part-a": None} and "what counts" in box.status.value
    box.judge_by.value = "early signals"
    assert out.answers() == {"part-a": {"patience": 8, "judge_by": "early signals"}}
    assert "after 8 weeks without a signal; networking judged by its early signals" in \
        answers.bundle("part-a")["text/plain"]


def fill(box, plan: model.Plan) -> None:
    for control, hours in zip(box.hours, plan.hours, strict=True):
        control.value = hours
    for name, control in box.choices.items():
        control.value = getattr(plan, name)
    for item, tick in box.indicators.items():
        tick.value = item in plan.indicators
    for name, control in box.texts.items():
        control.value = getattr(plan, name)


def test_a_plan_starts_unanswered_and_is_answered_once_every_choice_is_made(store):
    out = Outputs()
    answers = live(store, out)
    answers.plan("part-a", "Your plan")
    box = answers.boxes["part-a"]
    assert box.value is None and out.answers() == {"part-a": None}
    box.hours[0].value = 3
    assert "still to choose the share in person" in box.status.value
    fill(box, A_PLAN)
    assert out.answers() == {"part-a": A_PLAN.to_dict()}
    assert "12 h a week over 3 strategies, 3 messages 8 days apart" in \
        answers.bundle("part-a")["text/plain"]
    for hours in box.hours:
        hours.value = 0
    assert out.answers() == {"part-a": None} and "some hours" in box.status.value


def test_new_kinds_come_back_after_a_restart(store):
    first = live(store)
    first.plan("part-a", "Your plan")
    fill(first.boxes["part-a"], A_PLAN)
    first.rule("part-b", "Rule")
    first.boxes["part-b"].patience.value = 3
    first.boxes["part-b"].judge_by.value = "interviews"
    again = live(ProgressStore(store.folder))
    again.plan("part-a", "Your plan")
    again.rule("part-b", "Rule")
    assert again.boxes["part-a"].value == A_PLAN.to_dict()
    assert again.boxes["part-b"].value == {"patience": 3, "judge_by": "interviews"}


def test_the_code_track_takes_model_objects(store):
    out = Outputs()
    answers = live(store, out)
    answers.rule("part-a", "Rule")
    answers.plan("part-b", "Plan")
    with answers.by_code("part-a") as part:
        part.submit(policies.Rule(8, "early signals"))
    with answers.by_code("part-b") as part:
        part.submit(A_PLAN)
    assert out.answers() == {"part-a": {"patience": 8, "judge_by": "early signals"},
                             "part-b": A_PLAN.to_dict()}
    assert answers.boxes["part-b"].value == A_PLAN.to_dict(), "the box shows the code's plan"
    with pytest.raises(ValueError, match="move half"):
        with answers.by_code("part-a") as part:
            part.submit(policies.Rule(8, "early signals", move=1.0))
    with pytest.raises(ValueError, match="Part A needs a rule"):
        with answers.by_code("part-a") as part:
            part.submit({"patience": 99, "judge_by": "interviews"})


# --- the checks -------------------------------------------------------------------------------

def test_ticked_options_are_checked_as_a_set():
    answers = sheet_with(["a", "c"], kind="choices")
    assert answers.check("part-a").some_of("a", "b", "c").equals({"c", "a"}).result() is None
    assert points(answers.check("part-a").some_of("a", "b").result()) == 0
    assert points(answers.check("part-a").some_of("a", "b", "c").equals({"a"}).result()) == 0


def test_a_range_is_checked_end_by_end():
    check = sheet_with([np.int64(5), 12.0], kind="range").check("part-a")
    assert check.range(between=(1, 12), whole=True).ends_near(5, 12, within=1).result() is None
    assert points(sheet_with([4.5, 12], kind="range").check("part-a")
                  .range(between=(1, 12), whole=True).result()) == 0
    result = sheet_with([10, 12], "range").check("part-a").range((1, 12)).ends_near(5, 12, 1)
    assert points(result.result()) == 0 and "both ends" in result.result().text


def test_a_rule_is_read_as_the_model_runs_it_and_judged_by_a_test():
    check = sheet_with({"patience": 8, "judge_by": "early signals"}, "rule").check("part-a").rule()
    assert check.subject == policies.Rule(8, "early signals")
    calls = []
    assert check.holds(lambda rule: calls.append(rule) or True, "x").result() is None
    assert calls == [policies.Rule(8, "early signals")]
    unanswered = sheet_with(None, "rule").check("part-a").rule()
    result = unanswered.holds(lambda rule: calls.append("called") or True, "x").result()
    assert points(result) == 0 and calls == [calls[0]], "the test never runs on no answer"
    failed = sheet_with({"patience": 1, "judge_by": "interviews"}, "rule").check("part-a").rule()
    result = failed.holds(lambda rule: rule.patience > 1, "too hasty").result()
    assert points(result) == 0 and "Part A: too hasty" in result.text


def test_a_plan_check_per_aspect_and_a_part_that_builds_on_it(store):
    out = Outputs()
    answers = live(store, out)
    answers.plan("part-a", "Plan")
    fill(answers.boxes["part-a"], A_PLAN)
    answers.number("part-b", "Six weeks", unit="%")
    ok = answers.check("part-a", "your follow-ups").plan().holds(lambda p: True, "x").result()
    bad = answers.check("part-a", "your mix").plan().holds(lambda p: False, "spread it").result()
    assert ok is None and "Part A (your mix): spread it" in bad.text
    line = out.shown[-1][0]["text/plain"]
    assert "✓ Part A (your follow-ups) is right." in line and "✗ Part A (your mix)" in line
    answers.boxes["part-b"].box.value = "31"
    expected = answers.check("part-b").number(between=(0, 100)).needs("part-a", "plan first")
    assert expected.close_to(lambda: 30.7, within=1).result() is None
    empty = sheet_with(30.0).check("part-a").number().needs("part-z", "give Part Z first")
    assert "give Part Z first" in empty.result().text
    assert points(sheet_with(30.0).check("part-a").close_to(lambda: None, 1).result()) == 0


# --- learner mode (Voilà cannot save) ------------------------------------------------------------

def test_learner_mode_says_the_exercise_must_be_done_in_jupyterlab(store, monkeypatch):
    monkeypatch.setenv("VOILA_REQUEST_URL",
                       "http://127.0.0.1:8888/user/x/voila/render/exercises/01/01.ipynb?a=1")
    out = Outputs()
    answers = live(store, out)
    assert answers.learner_mode
    answers.warn_learner_mode()
    banner = out.shown[-1][0]["text/html"]
    assert "cannot save this notebook" in banner
    assert 'href="/user/x/lab/tree/exercises/01/01.ipynb"' in banner
    answers.number("part-a", "x")
    answers.boxes["part-a"].box.value = "3"
    assert "learner mode cannot save" in out.shown[-1][0]["text/plain"]
    assert "recorded in this notebook" not in out.shown[-1][0]["text/plain"]
    answers.summary()
    assert "Do this exercise in JupyterLab" in out.shown[-1][0]["text/plain"]


def test_jupyterlab_and_nbgrader_are_not_learner_mode(store):
    assert not live(store).learner_mode


def test_the_lessons_own_example_is_refused_before_the_hidden_test():
    example = {"patience": 4, "judge_by": "early signals"}
    check = sheet_with(example, "rule").check("part-a").rule()
    result = check.excludes(policies.Rule(4, "early signals"), "build your own").result()
    assert points(result) == 0 and "build your own" in result.text
    other = sheet_with({**example, "patience": 5}, "rule").check("part-a").rule()
    assert other.excludes(policies.Rule(4, "early signals"), "x").result() is None
