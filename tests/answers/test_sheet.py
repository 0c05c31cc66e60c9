"""The answer sheet in the learner's kernel: widgets give answers, every answer is written into an
output, and answers come back after a kernel restart from the progress file or the saved notebook,
but under autograde only from what the grader handed over."""

from __future__ import annotations

import json
import time

import nbformat
import numpy as np
import pytest

from netnot.answers import handover
from netnot.answers import sheet as sheets
from netnot.answers.record import MIME, Answer
from netnot.answers.sheet import GRADING, LIVE, VALIDATING, AnswerSheet
from netnot.progress import ProgressStore


class Outputs:
    """Stands in for JupyterLab: keeps the latest output per display id, as it shows them."""

    def __init__(self) -> None:
        self.shown: list[tuple[dict, str | None, bool]] = []

    def __call__(self, data: dict, display_id: str | None, update: bool) -> None:
        self.shown.append((data, display_id, update))

    def answers(self) -> dict[str, object]:
        latest = {}
        for data, _, _ in self.shown:
            if MIME in data:
                latest[data[MIME]["part"]] = data[MIME]["value"]
        return latest

    def as_notebook(self, path) -> None:
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("answers.number('part-a', 'x')")
        cell.outputs = [nbformat.v4.new_output("display_data", data=d)
                        for d, _, _ in self.shown if MIME in d]
        nb.cells = [cell]
        nbformat.write(nb, path)


@pytest.fixture(autouse=True)
def fresh_kernel_state(monkeypatch):
    monkeypatch.setattr(handover, "_RECEIVED", [])
    monkeypatch.setattr(sheets, "_PAGE_LOADS", [])
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


def live(store, outputs=None, notebook=None) -> AnswerSheet:
    return AnswerSheet("ex", step=LIVE, store=store, notebook=notebook,
                       publish=outputs if outputs is not None else Outputs())


def test_the_mode_follows_nbgrader(monkeypatch):
    assert sheets.mode() == LIVE
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    assert sheets.mode() == VALIDATING
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert sheets.mode() == GRADING


def test_a_box_starts_unanswered_and_its_answer_is_written_into_the_output(store):
    out = Outputs()
    answers = live(store, out)
    answers.number("part-a", "Median wait", unit="weeks")
    assert out.answers() == {"part-a": None}
    box = answers.boxes["part-a"]
    box.box.value = "11,5"
    assert out.answers() == {"part-a": 11.5}
    data, display_id, update = out.shown[-1]
    assert update and display_id == "netnot-ex-part-a"
    assert "11.5 weeks, recorded in this notebook" in data["text/html"]
    assert "Ctrl+S" in data["text/plain"]
    box.box.value = "soon"
    assert out.answers() == {"part-a": None}
    assert "isn't a number" in box.status.value


def test_answers_come_back_after_a_restart_from_the_progress_file(store):
    first = live(store)
    first.choice("part-b", "Which?", {"x": "Option X", "y": "Option Y"})
    first.boxes["part-b"].buttons.value = "y"
    out = Outputs()
    again = live(ProgressStore(store.folder), out)  # a new kernel
    again.choice("part-b", "Which?", {"x": "Option X", "y": "Option Y"})
    assert again.boxes["part-b"].buttons.value == "y"
    assert out.answers() == {"part-b": "y"}


def test_answers_come_back_from_the_saved_notebook_without_a_progress_file(tmp_path):
    out = Outputs()
    first = live(ProgressStore(tmp_path / "a"), out)
    (tmp_path / "a").mkdir()
    first.text("part-d-answer", "Advice")
    first.boxes["part-d-answer"].text.value = "Start early."
    out.as_notebook(tmp_path / "ex.ipynb")
    (tmp_path / "b").mkdir()
    again = live(ProgressStore(tmp_path / "b"), notebook=tmp_path / "ex.ipynb")  # e.g. Binder
    again.text("part-d-answer", "Advice")
    assert again.boxes["part-d-answer"].text.value == "Start early."


def test_the_newest_answer_wins_between_the_file_and_the_notebook(tmp_path, store):
    out = Outputs()
    early = live(store, out)
    early.number("part-a", "x")
    early.boxes["part-a"].box.value = "3"
    out.as_notebook(tmp_path / "ex.ipynb")  # saved with 3
    early.boxes["part-a"].box.value = "4"  # changed, not saved: only the progress file has it
    again = live(ProgressStore(store.folder), notebook=tmp_path / "ex.ipynb")
    assert again.answers["part-a"].value == 4


def test_validate_reads_only_the_saved_notebook(tmp_path, store):
    early = live(store)
    early.number("part-a", "x")
    early.boxes["part-a"].box.value = "3"
    checking = AnswerSheet("ex", step=VALIDATING, publish=Outputs(),
                           notebook=tmp_path / "missing.ipynb")
    assert checking.answers == {} and checking.store is None


def test_autograde_uses_only_what_the_grader_handed_over(tmp_path, monkeypatch, store):
    forged = live(store)
    forged.number("part-a", "x")
    forged.boxes["part-a"].box.value = "99"  # a progress file shipped with the submission
    monkeypatch.chdir(store.folder)
    graded = AnswerSheet("ex", step=GRADING, publish=Outputs())
    assert not graded.received
    with pytest.raises(RuntimeError, match="ReadWidgetAnswers"):
        graded.check("part-a")
    given = Answer.make("ex", "part-a", "number", 11, "widget").to_json()
    handover.receive(json.dumps({"answers": [given, {"part": "bad"}], "problems": []}))
    graded = AnswerSheet("ex", step=GRADING, publish=Outputs())
    assert graded.received and graded.answers["part-a"].value == 11.0
    assert graded.store is None


def test_receive_never_fails_on_a_broken_hand_over(capsys):
    handover.receive("{not json")
    handover.receive(json.dumps({"answers": "x", "problems": [1]}))
    assert handover._RECEIVED[-1].answers == {}
    assert "Answers read from the submitted notebook" in capsys.readouterr().out


def test_the_code_track_hands_in_any_real_number_and_skips_an_untouched_cell(store):
    out = Outputs()
    answers = live(store, out)
    answers.number("part-a", "x")
    with answers.by_code("part-a"):
        raise NotImplementedError()  # nbgrader's stub: no error for the learner
    assert out.answers() == {"part-a": None}
    with answers.by_code("part-a") as part:
        part.submit(np.float64(11.0))
    assert out.answers() == {"part-a": 11.0}
    assert answers.answers["part-a"].by == "code"
    assert answers.boxes["part-a"].box.value == "11"
    assert "code" in answers.boxes["part-a"].status.value
    with pytest.raises(ValueError, match="Part A needs a number"):
        with answers.by_code("part-a") as part:
            part.submit("eleven")
    with pytest.raises(KeyError):
        with answers.by_code("part-a"):
            {}["a mistake in the learner's own code"]


def test_code_answers_are_not_written_to_the_progress_file(store):
    answers = live(store)
    answers.number("part-a", "x")
    with answers.by_code("part-a") as part:
        part.submit(3)
    assert not store.path.exists(), "running a solution notebook must leave no file behind"


def test_a_change_after_a_page_reload_asks_to_run_the_cell_again(store):
    answers = live(store)
    answers.number("part-a", "x")
    answers.boxes["part-a"].box.value = "3"
    assert "reloaded" not in answers.boxes["part-a"].status.value
    sheets._PAGE_LOADS.append(time.monotonic())  # the browser reconnected
    answers.boxes["part-a"].box.value = "4"
    assert "Run this cell again" in answers.boxes["part-a"].status.value
    answers.number("part-a", "x")  # the learner runs the cell again
    assert answers.boxes["part-a"].box.value == "4"
    answers.boxes["part-a"].box.value = "5"
    assert "reloaded" not in answers.boxes["part-a"].status.value


def test_a_ranking_is_answered_only_when_every_place_holds_a_different_item(store):
    out = Outputs()
    answers = live(store, out)
    answers.ranking("part-c", "Order", {"a": "A", "b": "B", "c": "C"})
    places = answers.boxes["part-c"].places
    places[0].value, places[1].value = "b", "b"
    assert "used twice" in answers.boxes["part-c"].status.value
    places[1].value, places[2].value = "a", "c"
    assert out.answers()["part-c"] == ["b", "a", "c"]
    assert "1. B; 2. A; 3. C" in answers.bundle("part-c")["text/plain"]


def test_the_summary_shows_every_part_and_names_ignored_answers(store):
    out = Outputs()
    answers = live(store, out)
    answers.number("part-a", "x")
    answers.answers["part-z"] = Answer.make("ex", "part-z", "number", 1, "widget")
    answers.summary()
    text = out.shown[-1][0]["text/plain"]
    assert "Hand in this one .ipynb file" in text and "'part-z' was ignored" in text
    assert out.shown[-2][1] == "netnot-ex-part-a"


def test_graded_copies_show_words_not_widget_internals(store):
    out = Outputs()
    answers = live(store, out)
    answers.number("part-a", "x")
    assert out.shown[0][0]["text/plain"] == "Answer box for Part A"
