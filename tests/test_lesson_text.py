"""What a learner reads in a lesson follows the course's rules (docs/authoring.md):

* every source is cited in full, exactly as in netnot.references;
* no programming or modelling jargon outside the optional "Under the hood" boxes;
* no number about a simulation is typed into the text: such numbers come from the model when
  the lesson runs (a sentence that talks about the simulation or the model has no digits);
* the reading before each explorer is short, so that the explorer is on the first screen of
  its section;
* every lesson says how to open the code behind its explorer, and links to the glossary and
  to the table of assumptions.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from course_paths import ROOT

from netnot.course import LESSONS
from netnot.references import REFERENCES

FULL = {ref.full for ref in REFERENCES.values()}
JARGON = ("numpy", "array", "function", "parameter", "vectoris", "monte carlo",
          "log-normal", "lognormal", "gamma distribution", "erlang", "hazard", "bandit",
          "poisson", "theta", "θ", "variable", "dataclass", "python", "algorithm",
          "evidence brief", "model 3a", "model 4a")
EXPLORER_CALLS = re.compile(r"lesson\.(explorer|ties|plan_builder|rule_builder)\w*\(")
MOST_WORDS_BEFORE_EXPLORER = 110


def cells(lesson_id: str) -> list[nbformat.NotebookNode]:
    return nbformat.read(ROOT / "course" / f"{lesson_id}.ipynb", as_version=4).cells


def reading(lesson_id: str) -> str:
    """The markdown a learner reads, without the optional "Under the hood" boxes."""
    text = "\n".join(c.source for c in cells(lesson_id) if c.cell_type == "markdown")
    return re.sub(r"<details.*?</details>", "", text, flags=re.S | re.I)


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_sources_are_cited_in_full(lesson):
    markdown = "\n".join(c.source for c in cells(lesson.id) if c.cell_type == "markdown")
    listed = [line[2:].strip() for line in section(markdown, "Sources").splitlines()
              if line.startswith("- ")]
    assert listed, f"{lesson.id}: the Sources section lists nothing"
    for item in listed:
        assert item in FULL, (f"{lesson.id}: '{item[:60]}…' is not a full reference from "
                              "netnot.references (copy its 'full' text, or add it there)")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_no_jargon_outside_under_the_hood(lesson):
    text = reading(lesson.id)
    text = re.sub(r"## Sources\n.*?(?=\n## |\Z)", "", text, flags=re.S).lower()  # titles
    text = re.sub(r"`[^`]*`", "", text)  # file names such as `src/netnot/models/…`
    found = [word for word in JARGON if re.search(rf"(?<![\w/.]){re.escape(word)}", text)]
    assert not found, f"{lesson.id}: {found} outside an 'Under the hood' box"


NUMBER = re.compile(r"\d")
ALLOWED = re.compile(r"lesson \d\d|\d\d ·|lesson \d of \d|\(\d{4}[a-z]?[,;)]|\b(19|20)\d\d\b")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_no_simulation_number_is_typed_into_the_text(lesson):
    for cell in cells(lesson.id):
        if cell.cell_type != "markdown":
            continue
        for sentence in re.split(r"(?<=[.!?])\s+|\n", cell.source):
            if not re.search(r"\b(simulat\w*|the model|model's)\b", sentence, re.I):
                continue
            bare = ALLOWED.sub("", sentence.lower())
            assert not NUMBER.search(bare), (
                f"{lesson.id}: a number about the simulation is typed into the text: "
                f"'{sentence.strip()[:120]}'. Compute it in the lesson's widgets instead.")


@pytest.mark.parametrize("lesson", [x for x in LESSONS if x.myth], ids=lambda x: x.id)
def test_the_reading_before_each_explorer_is_short(lesson):
    words, found = 0, False
    for cell in cells(lesson.id):
        if cell.cell_type == "markdown":
            if cell.source.lstrip().startswith("## "):
                words = 0
            visible = re.sub(r"<details.*?</details>", "", cell.source, flags=re.S | re.I)
            words += len(visible.split())
        elif EXPLORER_CALLS.search(cell.source):
            found = True
            assert words <= MOST_WORDS_BEFORE_EXPLORER, (
                f"{lesson.id}: {words} words of reading in the section before an explorer "
                f"(at most {MOST_WORDS_BEFORE_EXPLORER}); move the rest after it")
    assert found, f"{lesson.id} has no explorer"


@pytest.mark.parametrize("lesson", [x for x in LESSONS if x.myth], ids=lambda x: x.id)
def test_every_lesson_opens_its_code_and_links_the_reference_pages(lesson):
    markdown = "\n".join(c.source for c in cells(lesson.id) if c.cell_type == "markdown")
    assert re.search(r"src/netnot/models/\w+\.py", markdown), (
        f"{lesson.id} does not say where the code behind its explorer is")
    assert "glossary.ipynb" in markdown, f"{lesson.id} does not link the glossary"
    code = "\n".join(c.source for c in cells(lesson.id) if c.cell_type == "code")
    assert f'assumptions("{lesson.number}")' in code, (
        f"{lesson.id} does not show its rows of the table of assumptions")
