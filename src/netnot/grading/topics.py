"""Which misconception each graded cell checks: the table behind the class report.

Every graded cell (its nbgrader ``grade_id``) of every assignment maps to one of the course's
five topics (the four myths and switching strategies) and to the belief it tests, in a few
words. A test fails when an assignment in solutions/ has a graded cell missing from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

# The four myths and the habit the course teaches, keyed like netnot.course.Lesson.topic.
TOPICS: dict[str, str] = {
    "begging": "Myth 1: networking is begging for a job",
    "quickfix": "Myth 2: networking is a quick fix",
    "online": "Myth 3: networking happens only online",
    "options": "Myth 4: networking is your only option",
    "switching": "Switching strategies on evidence",
}


@dataclass(frozen=True)
class Check:
    topic: str  # a key of TOPICS
    belief: str  # the belief (or skill) the cell tests, in plain words


CHECKS: dict[str, dict[str, Check]] = {
    "01-not-begging": {
        "part-a-check": Check("begging", "asking is what gets referrals, so give nothing first"),
        "part-b-check": Check("begging", "follow-ups cost nothing, however close together"),
        "part-c-check": Check("begging", "persistence always pays: pester until they reply"),
        "part-d-answer": Check("begging", "asking for advice instead of a job (rewrite)"),
    },
    "02-not-a-quick-fix": {
        "part-a-check": Check("quickfix", "a new contact leads to a referral within weeks"),
        "part-b-check": Check("quickfix", "reading waiting times: the share by a deadline"),
        "part-c-check": Check("quickfix", "you can start networking when you need a job"),
        "part-d-answer": Check("quickfix", "explaining why a head start matters (reflection)"),
    },
    "03-not-only-online": {
        "part-a-check": Check("online", "a good online-offline mix pays off every week"),
        "part-b-check": Check("online", "reading a simulation: the best mix on average"),
        "part-c-check": Check("online", "everyone you need is on the site"),
        "part-d-answer": Check("online", "advice on all-online networking (reflection)"),
    },
    "04-not-your-only-option": {
        "part-a-check": Check("options", "putting every hour into referrals is fastest"),
        "part-b-check": Check("options", "every extra hour in a channel is worth the same"),
        "part-c-check": Check("options", "one channel is best, so spreading hours wastes them"),
        "part-d-check": Check("options", "a single channel can reach any target"),
        "part-e-answer": Check("options", "when one channel really dominates (reflection)"),
    },
    "05-switching-strategies": {
        "part-a-check": Check("switching", "sticking with one strategy is safe"),
        "part-b-check": Check("switching", "switch after every silent week"),
        "part-c-check": Check("switching", "a switching rule needs no evidence"),
        "part-d-answer": Check("switching", "judging networking by offers in week 3 (reflection)"),
    },
    "06-your-plan": {
        "part-a-check": Check("begging", "more follow-ups, sooner, show commitment"),
        "part-b-check": Check("options", "one channel is enough for six weeks"),
        "part-c-answer": Check("switching", "a six-week plan with reasons (written)"),
        "part-d-answer": Check("switching", "keep or move time on evidence (reflection)"),
    },
}


def check_for(assignment: str, grade_id: str) -> Check:
    """The topic and belief of one graded cell (KeyError names what is missing)."""
    try:
        return CHECKS[assignment][grade_id]
    except KeyError:
        raise KeyError(f"no topic for {assignment}/{grade_id}: add it to "
                       "netnot.grading.topics.CHECKS") from None
