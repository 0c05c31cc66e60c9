"""The course, declared once: lessons in order, their checks, their graded exercises, and the
myth each graded part tests. Lesson 00's progress table, the widget modules, the class report
and the tests all read this table; nothing else lists lessons, check keys or graded cells.
"""

from __future__ import annotations

from dataclasses import dataclass

# The four myths and the habit the course teaches.
MYTHS: dict[str, str] = {
    "begging": "Myth 1: networking is begging for a job",
    "quickfix": "Myth 2: networking is a quick fix",
    "online": "Myth 3: networking happens only online",
    "options": "Myth 4: networking is your only option",
    "switching": "Switching strategies on evidence",
}


@dataclass(frozen=True)
class Part:
    """One graded cell of an exercise (its nbgrader ``grade_id``) and the belief it tests."""

    grade_id: str
    myth: str  # a key of MYTHS
    belief: str  # the belief (or skill) the part tests, in plain words


@dataclass(frozen=True)
class Exercise:
    """A lesson's graded exercise: solutions/<lesson id>/<lesson id>.ipynb."""

    minutes: int
    parts: tuple[Part, ...]

    def part(self, grade_id: str) -> Part:
        for item in self.parts:
            if item.grade_id == grade_id:
                return item
        raise KeyError(f"no graded part {grade_id!r}; parts are "
                       f"{[x.grade_id for x in self.parts]} (declare it in netnot.course)")


@dataclass(frozen=True)
class Lesson:
    id: str  # the notebook name in course/ and, if graded, the nbgrader assignment id
    title: str
    minutes: int
    topic: str  # module name under netnot.widgets ("start" for the first lesson)
    myth: str  # a key of MYTHS ("" for the start page)
    checks: tuple[str, ...]  # keys of the lesson's formative checks in the progress store
    exercise: Exercise | None = None

    @property
    def number(self) -> str:
        return self.id[:2]

    @property
    def graded(self) -> bool:
        return self.exercise is not None


def _parts(myth: str, *rows: tuple[str, str]) -> tuple[Part, ...]:
    return tuple(Part(grade_id, myth, belief) for grade_id, belief in rows)


LESSONS: tuple[Lesson, ...] = (
    Lesson("00-start-here", "Start here: four myths and one habit", 10, "start", "",
           ("predict-share-via-contacts",)),
    Lesson("01-not-begging", "Networking is not begging for a job", 25, "begging", "begging",
           ("predict-yes", "sort-messages", "what-wears-out", "free-repeats", "giving-lead",
            "reflection"),
           Exercise(30, _parts(
               "begging",
               ("part-a-check", "asking is what gets referrals, so give nothing first"),
               ("part-b-check", "follow-ups cost nothing if they are a little spaced out"),
               ("part-c-check", "persistence always pays: pester until they reply"),
               ("part-d-check", "any request to a contact is the same (advice or a job)"),
               ("part-e-answer", "asking for advice instead of a job (rewrite)")))),
    Lesson("02-not-a-quick-fix", "Networking is not a quick fix", 25, "quickfix", "quickfix",
           ("predict-first-referral", "biggest-lever", "trust-fades", "ongoing-vs-completed",
            "reflection"),
           Exercise(30, _parts(
               "quickfix",
               ("part-a-check", "a new contact leads to a referral within weeks"),
               ("part-b-check", "reading waiting times: the share by a deadline"),
               ("part-c-check", "you can start networking when you need a job"),
               ("part-d-answer", "explaining why a head start matters (reflection)")))),
    Lesson("03-not-only-online", "Networking is not only conducted online", 25, "online",
           "online",
           ("predict-email", "predict-voice", "fewer-on-site", "online-only", "sort-claims",
            "reflection"),
           Exercise(25, _parts(
               "online",
               ("part-a-check", "the best online share is the same however many hours you have"),
               ("part-b-check", "with fewer of your people on the site, search harder online"),
               ("part-c-check", "everyone you need is on the site"),
               ("part-d-answer", "advice on all-online networking (reflection)")))),
    Lesson("04-not-your-only-option", "Networking is not your only option", 30, "options",
           "options",
           ("predict", "when-all-in", "evidence", "hidden-jobs", "ask-friends", "inverted-u",
            "weak-ties-add-up", "reflection"),
           Exercise(35, _parts(
               "options",
               ("part-a-check", "putting every hour into referrals is fastest"),
               ("part-b-check", "spreading helps the typical seeker, not the slowest ones"),
               ("part-c-check", "one channel is best, so spreading hours wastes them"),
               ("part-d-check", "the closest ties are the likeliest to help"),
               ("part-e-check", "the likeliest single helper's kind brings the most in all"),
               ("part-f-answer", "when one channel really dominates (reflection)")))),
    Lesson("05-switching-strategies", "Switch strategies on evidence, not on a bad week", 30,
           "switching", "switching",
           ("predict-silent-streak", "one-silent-week", "fastest-rule", "networking-week-3",
            "signals", "setbacks", "reflection"),
           Exercise(35, _parts(
               "switching",
               ("part-a-check", "judge every strategy by interviews and switch after a few "
                                "weeks"),
               ("part-b-check", "there is one right number of weeks to wait"),
               ("part-c-check", "switch after every silent week"),
               ("part-d-answer", "judging networking by offers in week 3 (advice)")))),
    Lesson("06-your-plan", "Your six-week networking plan", 20, "plan", "switching",
           ("predict-offer-in-six-weeks", "leading-indicators", "cadence", "plan", "reflection"),
           Exercise(30, (
               Part("part-a-follow-ups", "begging", "more follow-ups, sooner, show commitment"),
               Part("part-a-mix", "options", "one channel is enough for six weeks"),
               Part("part-a-rule", "switching", "judge networking by offers, switch quickly"),
               Part("part-b-check", "options", "six weeks of a mix bring most people an offer"),
               Part("part-c-answer", "switching",
                    "a six-week plan with reasons, and when to keep or move time (written)"),
           ))),
)


@dataclass(frozen=True)
class Page:
    """A reference page in course/ that is not a lesson (no checks, no exercise)."""

    id: str  # the notebook name in course/
    title: str


PAGES: tuple[Page, ...] = (
    Page("glossary", "Words used in this course"),
    Page("where-the-numbers-come-from", "Where the numbers come from"),
)


def lesson(lesson_id: str) -> Lesson:
    """The lesson with this id."""
    for item in LESSONS:
        if item.id == lesson_id:
            return item
    raise KeyError(f"no lesson called {lesson_id!r}; lessons are {[x.id for x in LESSONS]}")


def graded_part(assignment: str, grade_id: str) -> Part:
    """The myth and belief of one graded cell (KeyError says what is missing)."""
    found = lesson(assignment).exercise
    if found is None:
        raise KeyError(f"lesson {assignment!r} has no graded exercise")
    return found.part(grade_id)
