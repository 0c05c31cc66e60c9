"""The six-week plan: validation, advice, the mix simulation and the one-page document."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netnot.models import plan as P
from netnot.params import ParameterError


def test_the_default_plan_is_valid_and_passes_every_check():
    plan = P.Plan()
    assert plan.total_hours == sum(plan.hours)
    assert all(fine for fine, _ in P.advice(plan))
    assert len(P.advice(plan)) == 5


@pytest.mark.parametrize(
    "change, words",
    [
        (dict(hours=(1, 2, 3)), "one number per strategy"),
        (dict(hours=(-1, 0, 0, 0)), "hours a week for applications must be between 0 and 40"),
        (dict(hours=(20, 20, 20, 20)), "total hours a week must be between 0 and 60"),
        (dict(follow_ups=11), "follow-ups to someone who has not replied must be between"),
        (dict(days_between=0.5), "days between messages must be"),
        (dict(in_person_percent=120), r"conversations in person \(%\) must be between 0 and 100"),
        (dict(indicators=("likes",)), "indicator must be one of"),
        (dict(review_day="Someday"), "review day must be one of"),
        (dict(patience=0), "weeks before judging a strategy must be between 1 and 12"),
    ],
)
def test_bad_plans_get_clear_messages(change, words):
    with pytest.raises(ParameterError, match=words):
        P.Plan(**change)


def test_a_plan_survives_a_round_trip_through_the_store_format():
    plan = P.Plan(hours=(1, 2, 3, 4), follow_ups=2, in_person_where="alumni night",
                  indicators=("introductions to new people",), review_day="Monday", patience=4,
                  switch_when="no replies after 15 messages")
    assert P.Plan.from_dict(plan.to_dict()) == plan


def test_damaged_saved_values_fall_back_field_by_field():
    data = P.Plan(follow_ups=2).to_dict()
    data.update(hours="lots", patience=99, unknown="x")
    restored = P.Plan.from_dict(data)
    assert restored.follow_ups == 2
    assert restored.hours == P.Plan().hours and restored.patience == P.Plan().patience
    assert P.Plan.from_dict(None) == P.Plan() and P.Plan.from_dict([1, 2]) == P.Plan()


@pytest.mark.parametrize(
    "messages, days, expected",
    [(1, 1, False), (2, 7, False), (3, 7, False), (2, 6, True), (4, 14, True), (6, 2, True)],
)
def test_is_pestering_by_the_rule_of_thumb(messages, days, expected):
    assert P.is_pestering(messages, days) is expected


@given(messages=st.integers(0, 12), days=st.integers(1, 60))
def test_more_messages_or_shorter_gaps_never_make_it_politer(messages, days):
    if P.is_pestering(messages, days):
        assert P.is_pestering(messages + 1, days)
        assert P.is_pestering(messages, max(days - 1, 1))


def messages(plan):
    return [text for fine, text in P.advice(plan) if not fine]


@pytest.mark.parametrize(
    "change, words",
    [
        (dict(hours=(0, 0, 0, 0)), "no hours yet"),
        (dict(hours=(0, 0, 0, 10)), "All your hours go to networking"),
        (dict(hours=(5, 5, 0, 0)), "No hours for networking"),
        (dict(follow_ups=4), "5 messages 7 days apart"),
        (dict(follow_ups=1, days_between=2), "2 messages 2 days apart"),
        (dict(new_contacts=0), "contact nobody new"),
        (dict(in_person_percent=0), "All your conversations are in writing online"),
        (dict(indicators=()), "Choose what you will count"),
        (dict(indicators=("offers", "interviews")), "only count outcomes"),
        (dict(patience=1), "after one week is rash"),
        (dict(patience=8), "longer than your six-week plan"),
    ],
)
def test_advice_names_each_problem(change, words):
    found = messages(P.Plan(**change))
    assert len(found) == 1 and words in found[0]


def test_mix_curves_start_at_one_and_fall():
    result = P.simulate_mix(P.Plan())
    for name, curve in result.still_searching.items():
        assert curve[0] == 1.0 and np.all(np.diff(curve) <= 1e-12)
        assert np.isclose(result.by_week_6[name], 1 - curve[6])
    assert set(result.still_searching) == {"your mix", "all on your biggest strategy",
                                           "spread evenly"}


def test_mix_comparisons_are_consistent():
    even = P.simulate_mix(P.Plan(hours=(2, 2, 2, 2)))
    assert np.allclose(even.still_searching["your mix"], even.still_searching["spread evenly"])
    single = P.simulate_mix(P.Plan(hours=(0, 6, 0, 0)))
    assert np.allclose(single.still_searching["your mix"],
                       single.still_searching["all on your biggest strategy"])
    assert np.array_equal(P.simulate_mix(P.Plan(), seed=3).still_searching["your mix"],
                          P.simulate_mix(P.Plan(), seed=3).still_searching["your mix"])


@settings(max_examples=15, deadline=None)
@given(scale=st.floats(1.05, 3.0), networking=st.floats(0.5, 5))
def test_more_hours_in_the_same_proportions_never_slow_you_down(scale, networking):
    hours = (2.0, 1.0, 1.0, networking)
    few = P.simulate_mix(P.Plan(hours=hours), seekers=300).still_searching["your mix"]
    many = P.simulate_mix(P.Plan(hours=tuple(h * scale for h in hours)),
                          seekers=300).still_searching["your mix"]
    assert np.all(many <= few + 1e-12)


def test_networking_matures_so_it_adds_little_in_the_first_weeks():
    chance = P.weekly_offer_chance(np.array([0, 0, 0, 5.0]), np.full((10, 4), 0.2), 26, 10, 0.25)
    assert np.all(np.diff(chance[:, 0]) > 0)
    assert chance[0, 0] < chance[-1, 0] / 5


def test_the_document_holds_every_part_and_escapes_html():
    plan = P.Plan(in_person_where="<script>alert(1)</script> meetup", switch_when="no replies")
    text = P.to_markdown(plan, P.simulate_mix(plan))
    for part in ("## 1.", "## 2.", "## 3.", "## 4.", "## 5.", "Checks from the course",
                 "What the simulation suggests", "no replies", "meetup"):
        assert part in text
    page = P.to_html(text)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<h2>") == text.count("\n## ") and "<li>" in page


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
