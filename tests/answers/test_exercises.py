"""Every graded exercise (01–06) has a widget track that is fair and decisive: the right answers
read off the lessons' explorers earn every automatic point, typical wrong ones only what they
earn, an untouched exercise 0; each exercise states its time and points as netnot.course and its
cells say; every part has a hint and an optional code cell; and no hidden-test line is part of
what learners see (the feedback check would take it for a leak).

The grading here runs the instructor's test cells in this process (quick); autograde itself is
in test_widget_grading.py and, from a real browser, in tests/browser/test_exercise_answers.py.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from netnot.course import lesson as course_lesson
from netnot.grading.feedback import split_hidden

from . import learners

NAMES = learners.NAMES
KINDS = "number|choice|choices|ranking|range|rule|plan|text"
BOX = re.compile(r'answers\.(' + KINDS + r')\(\s*"([^"]+)"')


def cells(path):
    return nbformat.read(path, as_version=4).cells


def graded(path) -> dict[str, float]:
    return {c.metadata.nbgrader["grade_id"]: float(c.metadata.nbgrader["points"])
            for c in cells(path) if c.metadata.get("nbgrader", {}).get("grade")}


@pytest.mark.parametrize("name", NAMES)
def test_the_right_answers_earn_every_automatic_point(name, tmp_path, capsys):
    module = learners.exercise(name)
    assert learners.grade_in_process(module.EX, module.right(), tmp_path) == module.EX.points


@pytest.mark.parametrize("name", NAMES)
def test_wrong_answers_earn_only_what_they_earn_and_untouched_earns_nothing(name, tmp_path,
                                                                             capsys):
    module = learners.exercise(name)
    ex = module.EX
    wrong = learners.grade_in_process(ex, module.wrong(), tmp_path / "wrong")
    assert wrong == ex.wrong_points
    assert 0 < sum(wrong.values()) < ex.auto, "a partial score, to see that parts count apart"
    assert learners.grade_in_process(ex, {}, tmp_path / "untouched") == dict.fromkeys(
        ex.points, 0.0)


@pytest.mark.parametrize("name", NAMES)
def test_the_exercise_module_describes_its_notebook(name):
    ex = learners.exercise(name).EX
    source = cells(ex.source)
    boxes = [found for c in source if c.cell_type == "code"
             for found in BOX.findall(c.source)]
    assert {part: kind for kind, part in boxes} == ex.kinds
    marks = graded(ex.source)
    assert {k: v for k, v in marks.items() if k != ex.written} == ex.points
    assert ex.written in marks, "the written part has its manually graded cell"
    exercise = course_lesson(name).exercise
    assert [p.grade_id for p in exercise.parts] == list(marks), "netnot.course lists the cells"


@pytest.mark.parametrize("name", NAMES)
def test_the_exercise_states_its_time_and_points(name):
    ex = learners.exercise(name).EX
    intro = cells(ex.release)[0].source
    minutes = course_lesson(name).exercise.minutes
    assert f"⏱ **About {minutes} minutes**" in intro
    marks = graded(ex.release)
    auto, manual = ex.auto, marks[ex.written]
    assert f"{auto + manual:g} points: {auto:g} checked automatically, {manual:g} read by your " \
           "instructor" in " ".join(intro.split())
    assert "the last answer you gave counts, from the box or from code" in " ".join(intro.split())
    questions = [c for c in cells(ex.release) if c.metadata.get("nbgrader", {}).get(
        "grade_id", "").endswith("-question")]
    points = re.compile(r"\((\d+) points?")
    stated = sum(int(points.search(c.source).group(1)) for c in questions)
    assert stated == auto + manual, "each part's heading states its points"


@pytest.mark.parametrize("name", NAMES)
def test_every_part_has_a_hint_and_an_optional_code_cell(name):
    ex = learners.exercise(name).EX
    release = cells(ex.release)
    questions = [c for c in release if c.metadata.get("nbgrader", {}).get(
        "grade_id", "").endswith("-question")]
    assert len(questions) == len({p.split("-answer")[0] for p in ex.kinds})
    for question in questions:
        assert question.source.count("💡 <b>Hint</b>") == 1, question.source[:60]
        assert "<details>" in question.source and "open" not in question.source.split(
            "<details>")[1].split(">")[0], "hints start closed"
    code = "\n".join(c.source for c in release if c.cell_type == "code")
    for part, kind in ex.kinds.items():
        if kind != "text":
            assert f'answers.by_code("{part}")' in code, part


@pytest.mark.parametrize("name", NAMES)
def test_no_hidden_line_is_part_of_what_learners_see(name):
    """The feedback check withholds a page that shows a hidden line anywhere in its text: no
    hidden line may equal a line of the release or of a worked solution."""
    source = cells(learners.exercise(name).EX.source)
    hidden = {line.strip() for c in source for line in split_hidden(c.source)[0]
              if len(line.strip()) >= 8}
    shown = "\n".join(re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", "", c.source,
                             flags=re.S) for c in source).splitlines()
    assert hidden and [line for line in hidden if line in {s.strip() for s in shown}] == []


@pytest.mark.parametrize("name", NAMES)
def test_the_code_examples_in_the_release_are_not_answers(name, tmp_path, capsys):
    """The comment 'for example: part.submit(...)' shows how, never what."""
    module = learners.exercise(name)
    release = "\n".join(c.source for c in cells(module.EX.release))
    examples = re.findall(r"for example: part\.submit\((.+)\)$", release, flags=re.M)
    assert len(examples) == sum(1 for k in module.EX.kinds.values() if k != "text")
    for (part, kind), example in zip([(p, k) for p, k in module.EX.kinds.items()
                                      if k != "text"], examples, strict=True):
        if kind in ("number", "choice", "choices"):
            value = eval(example)  # noqa: S307 - a literal in the course's own notebook
            typed = {**module.right(), part: str(value) if kind == "number" else value}
            points = learners.grade_in_process(module.EX, typed, tmp_path / part)
            assert points != module.EX.points, f"{part}: the example {example} is right"
