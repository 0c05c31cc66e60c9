"""Every lesson has the parts the course promises: objectives, a time that matches the course map,
a prediction first, an explorer, checks, a reflection, takeaways and sources."""

from __future__ import annotations

import re

import nbformat
import pytest
from course_paths import ROOT

from netnot.course import LESSONS

SECTIONS = ("What you will be able to do", "Predict first", "Reflect", "Takeaways", "Sources")


def lesson_text(lesson_id: str) -> tuple[str, str]:
    notebook = nbformat.read(ROOT / "course" / f"{lesson_id}.ipynb", as_version=4)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    return markdown, code


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_lesson_states_its_time_as_in_the_course_map(lesson):
    markdown, _ = lesson_text(lesson.id)
    assert f"⏱ About {lesson.minutes} minutes" in markdown


@pytest.mark.parametrize("lesson", [x for x in LESSONS if x.myth], ids=lambda x: x.id)
def test_lesson_has_every_part(lesson):
    markdown, code = lesson_text(lesson.id)
    headings = re.findall(r"^## (.*)$", markdown, flags=re.M)
    for section in SECTIONS:
        assert section in headings, f"{lesson.id} has no '{section}' section"
    assert headings.index("Predict first") < 3, "the prediction comes first"
    objectives = markdown.split("## What you will be able to do", 1)[1].split("\n## ", 1)[0]
    assert objectives.count("\n- ") >= 3, "at least three learning objectives"
    sources = markdown.split("## Sources", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"\(\d{4}[a-z]?[,)]", sources)) >= 3, "named, dated sources"
    assert "lesson.predict()" in code and "lesson.reflection()" in code
    assert re.search(r"lesson\.(explorer|plan_builder)\(\)", code), "an interactive simulation"
