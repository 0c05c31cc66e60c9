"""Exercise 06's answers: a plan that meets the course's checks (one of many), its six-week
share as lesson 06's mix explorer shows it, and a plan that does not."""

from __future__ import annotations

from netnot.models import plan as model

from .learners import Exercise

EX = Exercise(
    "06-your-plan",
    {"part-a": "plan", "part-b": "number", "part-c-answer": "text"},
    {"part-a-follow-ups": 2, "part-a-mix": 2, "part-a-rule": 2, "part-b-check": 2},
    "part-c-answer",
    {"part-a-follow-ups": 0, "part-a-mix": 2, "part-a-rule": 0, "part-b-check": 0},
    first_part_cells=("part-a-follow-ups", "part-a-mix", "part-a-rule", "part-b-check"))
GOOD = model.Plan(hours=(2.0, 0.0, 4.0, 6.5), new_contacts=4, follow_ups=2, days_between=8,
                  in_person_percent=55, in_person_where="meetups",
                  indicators=("replies to my messages", "introductions to new people"),
                  review_day="Monday", patience=4, switch_when="no reply to 15 messages",
                  after_silence="call a friend", support="my adviser")
# four follow-ups two days apart, and only outcomes counted: the follow-ups and the rule fail
PUSHY = model.Plan(hours=(6.0, 0.0, 0.0, 6.0), new_contacts=10, follow_ups=4, days_between=2,
                   in_person_percent=20, indicators=("applications sent", "offers"),
                   review_day="Friday", patience=3)


def six_weeks(plan: model.Plan) -> str:
    """Lesson 06's mix explorer's share by week 6, as it shows it (a whole percentage)."""
    return f"{100 * model.simulate_mix(plan).by_week_6['your mix']:.0f}"


def right() -> dict[str, object]:
    return {"part-a": GOOD.to_dict(), "part-b": six_weeks(GOOD),
            "part-c-answer": "I spread 12.5 hours over three strategies because a mix beats "
                             "one strategy; I count replies and introductions each Monday."}


def wrong() -> dict[str, object]:
    """A pushy plan with an outcome-only rule, and the share read at the explorer's start
    (the default plan) instead of for the plan handed in."""
    return {"part-a": PUSHY.to_dict(), "part-b": six_weeks(model.Plan()), "part-c-answer": ""}
