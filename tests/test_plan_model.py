"""The six-week plan in the world: validation, advice, its simulations and its document."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netnot.models import contacts, networking, policies, search
from netnot.models import plan as P
from netnot.models.world import Mix, World
from netnot.params import ParameterError

FILLED = dict(after_silence="ask my old manager for two names", support="my sister")


def test_the_default_plan_is_lesson_04s_even_mix_at_the_worlds_balance():
    plan = P.Plan()
    assert plan.hours == Mix.even(World().hours_per_week).hours
    assert P.world_of(plan).online_share == pytest.approx(World().online_share)
    assert P.world_of(plan).differences() == {}


def test_the_default_plan_passes_every_check_but_the_setbacks_step():
    notes = P.advice(P.Plan())
    assert len(notes) == 6
    assert [fine for fine, _ in notes] == [True] * 5 + [False]
    assert "silent weeks" in notes[-1][1] and "Caplan" in notes[-1][1]
    assert all(fine for fine, _ in P.advice(P.Plan(**FILLED)))


@pytest.mark.parametrize(
    "change, words",
    [
        (dict(hours=(1, 2, 3)), "one number per strategy"),
        (dict(hours=[1, 2, 3, 4]), "one number per strategy"),
        (dict(hours=(-1, 0, 0, 0)), "hours a week for applications must be between 0 and 40"),
        (dict(hours=(20, 20, 20, 20)), "total hours a week must be between 0 and 60"),
        (dict(follow_ups=11), "follow-ups to someone who has not replied must be between"),
        (dict(days_between=0.5), "days between messages must be"),
        (dict(in_person_percent=120), r"networking time in person \(%\) must be between 0 and 100"),
        (dict(indicators=("likes",)), "indicator must be one of"),
        (dict(review_day="Someday"), "review day must be one of"),
        (dict(patience=0), "weeks before judging a strategy must be between 1 and 12"),
        (dict(support=3), "support must be text"),
        (dict(after_silence=None), "after silence must be text"),
    ],
)
def test_bad_plans_get_clear_messages(change, words):
    with pytest.raises(ParameterError, match=words):
        P.Plan(**change)


def test_a_plan_survives_a_round_trip_through_the_store_format():
    plan = P.Plan(hours=(1, 2, 3, 4), follow_ups=2, in_person_where="alumni night",
                  indicators=("introductions to new people",), review_day="Monday", patience=4,
                  switch_when="no replies after 15 messages", **FILLED)
    assert P.Plan.from_dict(plan.to_dict()) == plan


def test_damaged_or_old_saved_values_fall_back_field_by_field():
    data = P.Plan(follow_ups=2).to_dict()
    data.update(hours="lots", patience=99, unknown="x", support=12)
    restored = P.Plan.from_dict(data)
    assert restored.follow_ups == 2
    assert restored.hours == P.Plan().hours and restored.patience == P.Plan().patience
    assert restored.support == ""
    old = {"hours": [3, 2, 1, 4], "in_person_percent": 50}  # saved before the setbacks step
    assert P.Plan.from_dict(old) == P.Plan(hours=(3, 2, 1, 4), in_person_percent=50)
    assert P.Plan.from_dict(None) == P.Plan() and P.Plan.from_dict([1, 2]) == P.Plan()


# --- the plan in the world ----------------------------------------------------------------


def test_the_plans_balance_sets_the_worlds_online_share():
    assert P.world_of(P.Plan(in_person_percent=0)).online_share == 1.0
    assert P.world_of(P.Plan(in_person_percent=100)).online_share == 0.0
    week = P.weekly_signals(P.Plan(hours=(0, 0, 0, 5), in_person_percent=40))
    same = networking.one_week(World(), 5, 0.6)
    assert float(week.replies) == pytest.approx(float(same.replies))


def test_the_plans_rule_judges_networking_by_early_signals_only_if_it_counts_them():
    assert P.rule_of(P.Plan(patience=5)) == policies.Rule(5, "early signals", label=P.YOUR_RULE)
    outcomes = P.Plan(indicators=("interviews", "offers"), patience=2)
    assert P.rule_of(outcomes).judge_by == "interviews" and P.rule_of(outcomes).patience == 2


def test_your_mix_is_lesson_04s_search_for_the_same_hours_and_balance():
    plan = P.Plan(hours=(2, 3, 1, 6), in_person_percent=40)
    result = P.simulate_mix(plan, horizon=26, people=3_000, seed=9)
    same = search.simulate(World().changed(online_share=0.6), Mix(2, 3, 1, 6), horizon=26,
                           people=3_000, seed=9)
    np.testing.assert_array_equal(result.results["your mix"].weeks, same.weeks)
    np.testing.assert_array_equal(result.still_searching["your mix"], same.still_searching())


def test_mix_curves_start_at_one_and_fall():
    result = P.simulate_mix(P.Plan(hours=(3, 2, 1, 4)))
    assert tuple(result.still_searching) == P.MIXES
    for name, curve in result.still_searching.items():
        assert curve[0] == 1.0 and np.all(np.diff(curve) <= 1e-12)
        assert np.isclose(result.by_week_6[name], 1 - curve[6])
    assert result.biggest == "networking" and result.on_one_hours == 10


def test_mix_comparisons_are_consistent():
    even = P.simulate_mix(P.Plan(hours=(2, 2, 2, 2)))
    assert np.array_equal(even.still_searching["your mix"], even.still_searching["spread evenly"])
    single = P.simulate_mix(P.Plan(hours=(0, 6, 0, 0)))
    assert np.array_equal(single.still_searching["your mix"],
                          single.still_searching["all on your biggest strategy"])
    heavy = P.simulate_mix(P.Plan(hours=(15, 15, 15, 15)))
    assert heavy.on_one_hours == P.MOST_ON_ONE  # one strategy takes at most 40 hours a week


@settings(max_examples=10, deadline=None)
@given(scale=st.floats(1.05, 3.0), networking=st.floats(0.5, 5))
def test_more_hours_in_the_same_proportions_never_slow_you_down(scale, networking):
    hours = (2.0, 1.0, 1.0, networking)
    few = P.simulate_mix(P.Plan(hours=hours), people=500).still_searching["your mix"]
    many = P.simulate_mix(P.Plan(hours=tuple(h * scale for h in hours)),
                          people=500).still_searching["your mix"]
    assert np.all(many <= few + 1e-12)


def test_networking_matures_with_hours_not_with_the_calendar():
    """Trust is built by hours of conversation: within the same six weeks, more networking
    hours bring more offers through contacts."""
    shares = [P.simulate_mix(P.Plan(hours=(0, 0, 0, h))).by_week_6["your mix"]
              for h in (1, 3, 9)]
    assert shares[0] < shares[1] < shares[2]


def test_the_plans_rule_runs_next_to_keeping_the_mix():
    plan = P.Plan(hours=(12, 0, 0, 0), patience=3)
    result = P.simulate_rule(plan)
    assert result.labels == (policies.KEEP.label, P.YOUR_RULE)
    alone = policies.simulate((policies.Rule(3, "early signals", label="r"),),
                              P.world_of(plan), Mix(12, 0, 0, 0), people=1_000, seed=2011)
    np.testing.assert_array_equal(result.row(P.YOUR_RULE), alone.row("r"))
    assert result.mean_weeks(P.YOUR_RULE) < result.mean_weeks(policies.KEEP.label), (
        "with every hour on applications, moving hours on evidence is faster")
    assert P.simulate_rule(plan) is result, "kept between calls"


# --- the outreach cadence -----------------------------------------------------------------


@pytest.mark.parametrize(
    "messages, days, expected",
    [(1, 1, False), (2, 7, False), (3, 7, False), (2, 6, True), (4, 14, True), (6, 2, True)],
)
def test_is_pestering_by_the_practitioner_norm(messages, days, expected):
    assert P.is_pestering(messages, days) is expected


@given(messages=st.integers(0, 12), days=st.integers(1, 60))
def test_more_messages_or_shorter_gaps_never_make_the_norm_politer(messages, days):
    if P.is_pestering(messages, days):
        assert P.is_pestering(messages + 1, days)
        assert P.is_pestering(messages, max(days - 1, 1))


def test_cadence_verdicts_come_from_lesson_01s_contact_rule_and_the_norm():
    world = World()
    for messages in range(1, 9):
        for days in (2, 5, 7, 14):
            judged = P.cadence(messages, days)
            model = contacts.follow_ups(world, messages, days)
            np.testing.assert_array_equal(judged.model.warmth, model.warmth)
            assert judged.model.typical_warmth == model.typical_warmth
            if model.typical_tuned_out or messages > P.MAX_MESSAGES:
                assert judged.verdict == "pestering"
            elif messages > 1 and days < P.MIN_DAYS_APART:
                assert judged.verdict == "too soon"
            else:
                assert judged.verdict == "fine"
    assert P.cadence(4, 14).model.typical_tuned_out, "spacing does not rescue four asks"
    assert P.cadence(1, 1).verdict == "fine"


def test_more_messages_never_make_a_cadence_politer():
    rank = {verdict: i for i, verdict in enumerate(P.CADENCE_VERDICTS)}
    for days in (2, 7, 10):
        verdicts = [rank[P.cadence(m, days).verdict] for m in range(1, 9)]
        assert verdicts[-1] == rank["pestering"]
        assert verdicts == sorted(verdicts), f"{days} days apart: {verdicts}"


def test_the_cadence_explanation_quotes_the_model():
    judged = P.cadence(3, 7)
    text = judged.explain()
    assert "lesson 01's model" in text and f"{judged.model.share_tuned_out:.0%}" in text
    lost = 1 - judged.model.typical_warmth / judged.model.ordinary
    assert f"{lost:.0%}" in text
    assert "costs nothing" in P.cadence(1, 7).explain()


# --- the advice ---------------------------------------------------------------------------


def messages(plan):
    return [text for fine, text in P.advice(plan) if not fine]


@pytest.mark.parametrize(
    "change, words",
    [
        (dict(hours=(0, 0, 0, 0)), "no hours yet"),
        (dict(hours=(0, 0, 0, 10)), "All your hours go to networking"),
        (dict(hours=(5, 5, 0, 0)), "No hours for networking"),
        (dict(follow_ups=4), "That is pestering"),
        (dict(follow_ups=1, days_between=2), "sooner than the career advisers' rule of thumb"),
        (dict(new_contacts=0), "contact nobody new"),
        (dict(in_person_percent=0), "All your networking time is online"),
        (dict(indicators=()), "Choose what you will count"),
        (dict(indicators=("offers", "interviews")), "only count outcomes"),
        (dict(patience=1), "single quiet week is rash"),
        (dict(patience=8), "longer than your six-week plan"),
    ],
)
def test_advice_names_each_problem(change, words):
    found = messages(P.Plan(**FILLED, **change))
    assert len(found) == 1 and words in found[0], found


def test_advice_quotes_the_world():
    plan = P.Plan(**FILLED)
    notes = dict(enumerate(text for _, text in P.advice(plan)))
    week = P.weekly_signals(plan)
    assert f"{float(week.replies):.1f} replies" in notes[3]
    best = networking.by_online_share(P.world_of(plan), plan.hours[3]).best_share
    assert f"about {best:.0%} of the time online" in notes[1]
    assert "norm, not research" in notes[2] and "lesson 01's model" in notes[2]


# --- the document -------------------------------------------------------------------------


def test_the_document_holds_every_part_and_escapes_html():
    plan = P.Plan(in_person_where="<script>alert(1)</script> meetup", switch_when="no replies",
                  **FILLED)
    text = P.to_markdown(plan, P.simulate_mix(plan), P.simulate_rule(plan))
    for part in ("## 1.", "## 2.", "## 3.", "## 4.", "## 5.", "## 6.", "Checks from the course",
                 "What the simulation suggests", "no replies", "meetup", "my sister",
                 "ask my old manager", "My switching rule:", "replies and"):
        assert part in text
    page = P.to_html(text)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<h2>") == text.count("\n## ") and "<li>" in page


def test_the_document_says_what_is_not_written_yet():
    text = P.to_markdown(P.Plan())
    assert text.count("(not written yet)") == 2 and "What the simulation suggests" not in text


def test_save_document_writes_both_files_and_leaves_no_temporary_files(tmp_path):
    saved = P.save_document(P.Plan(), tmp_path)
    assert saved.ok and "my-networking-plan.md" in saved.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-networking-plan.html",
                                                          "my-networking-plan.md"]
    assert (tmp_path / "my-networking-plan.md").read_text().startswith("# My six-week")


def test_a_folder_that_cannot_be_written_gives_a_clear_message(tmp_path):
    def refuse(path, text):
        raise PermissionError(13, "Permission denied", str(path))

    saved = P.save_document(P.Plan(), tmp_path, write=refuse)
    assert not saved.ok and "could not be saved" in saved.message
    assert "Permission denied" in saved.message and "copy the course" in saved.message
    missing = P.save_document(P.Plan(), tmp_path / "nowhere")
    assert not missing.ok and "could not be saved" in missing.message


def test_a_failed_write_keeps_the_old_document(tmp_path, monkeypatch):
    target = tmp_path / "my-networking-plan.md"
    target.write_text("old plan")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    saved = P.save_document(P.Plan(), tmp_path)
    assert not saved.ok and "No space left" in saved.message
    assert target.read_text() == "old plan"
    assert [p.name for p in tmp_path.iterdir()] == ["my-networking-plan.md"]
