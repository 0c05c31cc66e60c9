"""The course map: lessons in order, with their times and the code behind them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lesson:
    id: str  # also the notebook name in course/ and, if graded, the nbgrader assignment id
    title: str
    minutes: int
    topic: str  # module name under netnot.models / figures / widgets ("" if none)
    graded: bool  # has an nbgrader exercise in solutions/<id>/<id>.ipynb


LESSONS: tuple[Lesson, ...] = (
    Lesson("00-start-here", "Start here: four myths and one habit", 10, "", False),
    Lesson("01-not-begging", "Networking is not begging for a job", 25, "begging", True),
    Lesson("02-not-a-quick-fix", "Networking is not a quick fix", 25, "quickfix", True),
    Lesson("03-not-only-online", "Networking is not only conducted online", 25, "online", True),
    Lesson("04-not-your-only-option", "Networking is not your only option", 25, "options", True),
    Lesson("05-switching-strategies", "Switch strategies on evidence, not on a bad week", 30,
           "switching", True),
    Lesson("06-your-plan", "Your six-week networking plan", 20, "plan", True),
)


def lesson(lesson_id: str) -> Lesson:
    """The lesson with this id."""
    for item in LESSONS:
        if item.id == lesson_id:
            return item
    raise KeyError(f"no lesson called {lesson_id!r}; lessons are {[x.id for x in LESSONS]}")
