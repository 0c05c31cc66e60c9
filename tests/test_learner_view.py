"""Every lesson opens tidy in JupyterLab: code folded away and one line on how to start
(scripts/learner_view.py applies it; this test fails for a lesson whose code is visible)."""

from __future__ import annotations

import copy

import learner_view
import nbformat
import pytest

LESSONS = learner_view.lessons()


def test_there_are_lessons() -> None:
    assert LESSONS


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_code_is_folded_and_it_says_how_to_start(path) -> None:
    notebook = nbformat.read(path, as_version=4)
    assert learner_view.problems(notebook) == [], (
        "run `python scripts/learner_view.py` to fold the code and add the start line"
    )


def test_a_lesson_with_visible_code_fails_and_apply_fixes_only_that() -> None:
    original = nbformat.read(LESSONS[0], as_version=4)
    broken = copy.deepcopy(original)
    code = next(c for c in broken.cells if c.cell_type == "code")
    code.metadata["jupyter"]["source_hidden"] = False
    broken.cells = broken.cells[1:]  # no start line either
    found = learner_view.problems(broken)
    assert any("not folded away" in p for p in found)
    assert any("how to start" in p for p in found)
    fixed = learner_view.apply(copy.deepcopy(broken))
    assert learner_view.problems(fixed) == []
    assert learner_view.problems(learner_view.apply(copy.deepcopy(fixed))) == []  # idempotent
    assert [c.source for c in fixed.cells] == [c.source for c in original.cells]


def test_a_page_without_code_gets_no_start_line() -> None:
    page = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Words")])
    assert learner_view.problems(page) == []
    started = learner_view.apply(copy.deepcopy(page))
    assert [c.source for c in started.cells] == ["# Words"]
    page.cells.insert(0, nbformat.v4.new_markdown_cell(
        learner_view.START_LINE, metadata={"tags": [learner_view.START_TAG]}))
    assert learner_view.problems(page) == ["a 'how to start' line in a page with nothing to run"]


def test_the_check_mode_reports_and_refuses_unknown_arguments(capsys) -> None:
    assert learner_view.main(["--check"]) == 0
    assert learner_view.main(["--fold-everything"]) == 2
    assert "unknown argument" in capsys.readouterr().err
