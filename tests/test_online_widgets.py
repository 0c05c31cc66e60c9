"""Lesson 03 widgets without a browser: set a control, look at what is drawn and said."""

from __future__ import annotations

import numpy as np
import pytest

from netnot.figures.online import REFERRALS, TRUST, OnlineView
from netnot.models.networking import by_online_share
from netnot.models.world import World
from netnot.progress import ProgressStore
from netnot.widgets import online as lesson


@pytest.fixture()
def store(tmp_path) -> ProgressStore:
    return ProgressStore(tmp_path)


@pytest.fixture(scope="module")
def explorer():
    return lesson.explorer()


def curve(explorer) -> np.ndarray:
    return np.asarray(explorer.figure.curve.get_ydata(), dtype=float)


def widths(bars) -> np.ndarray:
    return np.array([bar.get_width() for bar in bars])


def test_explorer_has_labelled_controls_and_heaviest_covers_them(explorer) -> None:
    assert all(control.description for control in explorer.controls.values())
    assert set(lesson.HEAVIEST) == set(explorer.controls)
    assert explorer.controls["hours"].value == lesson.HOURS


def test_defaults_draw_the_world(explorer) -> None:
    mix = by_online_share(World(), lesson.HOURS)
    assert np.allclose(curve(explorer), mix.week.warmth)
    assert explorer.figure.best.get_xdata()[0] == mix.best_share
    assert explorer.figure.yours.get_xdata()[0] == World().online_share
    best = f"{100 * mix.best_share:.0f}% online"
    assert f"Best share: {best}" in explorer.summary.value
    assert f"at {best}" in explorer.figure.alt
    assert explorer.plot.value[:3] == b"\xff\xd8\xff" and explorer.plot.tooltip  # a JPEG


def test_fewer_people_on_the_site_moves_the_best_share_offline(explorer) -> None:
    before = (curve(explorer), explorer.summary.value, explorer.plot.value, explorer.figure.alt)
    usual = explorer.figure.best.get_xdata()[0]
    explorer.controls["on_site_percent"].value = 10
    try:
        expected = by_online_share(World().changed(on_site_share=0.1), lesson.HOURS)
        assert np.allclose(curve(explorer), expected.week.warmth)
        assert explorer.figure.best.get_xdata()[0] == expected.best_share < usual
        after = (curve(explorer), explorer.summary.value, explorer.plot.value, explorer.figure.alt)
        assert not np.allclose(after[0], before[0])
        assert all(a != b for a, b in zip(after[1:], before[1:], strict=True))
    finally:
        explorer.controls["on_site_percent"].value = 50


def test_your_share_moves_the_marker_and_your_bars(explorer) -> None:
    explorer.controls["online_percent"].value = 80
    try:
        view = explorer.result
        assert explorer.figure.yours.get_xdata()[0] == 0.8
        assert np.allclose(widths(explorer.figure.your_bars), view.parts(0.8))
        assert "Your 80% online" in explorer.summary.value
        assert view.parts(0.8)[4] > 0, "at 80% online some replies stay written"
    finally:
        explorer.controls["online_percent"].value = 30


def test_the_week_adds_up() -> None:
    view = lesson.default_view()
    for share in view.mix.shares:
        messages, replies, after, offline, written = view.parts(share)
        k = view.mix.at(share)
        assert after + written == pytest.approx(replies)
        assert after + offline == pytest.approx(float(view.mix.week.conversations[k]))
        assert min(messages, replies, after, offline, written) >= -1e-12


def test_showing_referrals_draws_the_referrals_and_relabels(explorer) -> None:
    explorer.controls["measure"].value = REFERRALS
    try:
        assert np.allclose(curve(explorer), by_online_share(World(), lesson.HOURS).referrals)
        assert "referrals within 26 weeks" in explorer.figure.left.get_ylabel()
        assert explorer.figure.alt.startswith("Left: referrals within 26 weeks")
    finally:
        explorer.controls["measure"].value = TRUST
    assert "trust built a week" in explorer.figure.left.get_ylabel()


def test_written_exchanges_worth_a_conversation_reach_the_world(explorer) -> None:
    explorer.controls["text_minutes"].value = 60
    try:
        assert explorer.result.world.text_hours == 1.0
        at_all_online = by_online_share(World().changed(text_hours=1.0), lesson.HOURS)
        assert curve(explorer)[-1] == pytest.approx(at_all_online.week.warmth[-1])
    finally:
        explorer.controls["text_minutes"].value = 15


def test_out_of_range_value_shows_a_message_and_keeps_the_figure(explorer) -> None:
    plot, result = explorer.plot.value, explorer.result
    assert explorer.update(hours=99) is False
    assert "networking hours a week must be between 0 and 40; got 99" in explorer.error.value
    assert explorer.update(reply_percent=150) is False
    assert "must be between 0 and 1; got 1.5" in explorer.error.value
    assert explorer.plot.value == plot and explorer.result is result
    assert explorer.update() is True and explorer.error.value == ""


@pytest.mark.parametrize("measure", [TRUST, REFERRALS])
def test_axes_hold_the_heaviest_settings_within_fixed_steps(measure) -> None:
    explorer = lesson.explorer()
    assert explorer.update(**{**lesson.HEAVIEST, "measure": measure}) is True
    figure = explorer.figure
    assert 0 < curve(explorer).max() <= figure.left.get_ylim()[1]
    longest = max(widths(figure.your_bars).max(), widths(figure.best_bars).max())
    assert longest <= figure.right.get_xlim()[1]


def test_findings_are_computed_from_the_model() -> None:
    usual = lesson.default_view()
    few = lesson.default_view(on_site_share=lesson.FEW_ON_SITE)
    best, fewer = usual.mix.best_share, few.mix.best_share
    assert 0 < best < 1, "the best split lies in between"
    assert fewer < best, "with fewer people on the site the best share moves offline"
    assert usual.value(1.0) < 0.5 * usual.value(best), "online only builds little trust"
    text = lesson.findings().value
    assert f"spending {100 * best:.0f}% of them online" in text
    assert f"from {100 * best:.0f}% to {100 * fewer:.0f}% online" in text
    share = usual.value(1.0) / usual.value(best)
    assert f"All online builds {100 * share:.0f}% of what" in text


def answer(check, text: str) -> None:
    control = getattr(check, "control", None) or check.choice
    control.value = text
    check.check()


@pytest.mark.parametrize(
    "make, options, word",
    [(lesson.predict, lesson.EMAIL_OPTIONS, "34 times"),
     (lesson.predict_voice, lesson.VOICE_OPTIONS, "video")],
)
def test_predictions_start_unanswered_reveal_and_are_restored(store, make, options, word):
    check = make(store=store)
    assert not check.chosen
    check.check()
    assert "Choose your guess first" in check.feedback.value
    answer(check, options[0])
    assert f"You guessed: {options[0]}" in check.feedback.value and word in check.feedback.value
    assert "Not quite" not in check.feedback.value, "a prediction is compared, never marked"
    answer(check, options[1])
    saved = store.get(lesson.LESSON, check.key)
    assert saved["prediction"] == options[1] and saved["first"] == options[0]
    again = make(store=store)
    assert again.control.value == options[1] and f"You guessed: {options[1]}" in (
        again.feedback.value)


@pytest.mark.parametrize("make", [lesson.fewer_on_site, lesson.online_only])
def test_multiple_choice_feedback_and_restore(store, make) -> None:
    check = make(store=store)
    right = next(o for o in check.options if o.correct)
    wrong = next(o for o in check.options if not o.correct)
    answer(check, wrong.text)
    assert "Not quite" in check.feedback.value
    answer(check, right.text)
    assert "Correct" in check.feedback.value
    again = make(store=store)
    assert again.choice.value == right.text and "Correct" in again.feedback.value


def test_fewer_on_site_quotes_the_model(store) -> None:
    check = lesson.fewer_on_site(store=store)
    few = lesson.default_view(on_site_share=lesson.FEW_ON_SITE).mix.best_share
    assert all(f"to {100 * few:.0f}% online" in option.why for option in check.options)


def test_online_only_quotes_the_model(store) -> None:
    check = lesson.online_only(store=store)
    view = lesson.default_view()
    assert f"builds {view.value(1.0):.2f} of trust" in check.options[1].why


def test_sort_claims(store) -> None:
    check = lesson.sort_claims(store=store)
    for dropdown, item in zip(check.dropdowns, check.items, strict=True):
        dropdown.value = item.group
    check.check()
    assert f"{len(check.items)} of {len(check.items)} sorted as intended" in check.feedback.value
    check.dropdowns[2].value = lesson.GROUPS[0]  # "93% nonverbal" is not supported
    check.check()
    assert "Not quite" in check.feedback.value and "single words" in check.feedback.value
    assert "secondary summaries" in check.feedback.value  # Pew, read in summaries
    again = lesson.sort_claims(store=store)
    assert again.dropdowns[2].value == lesson.GROUPS[0]


def test_the_assumptions_in_the_claims_are_the_worlds(store) -> None:
    texts = [item.text for item in lesson.sort_claims(store=store).items]
    assert f"{100 * World().reply_rate:.0f}% of messages" in " ".join(texts)
    assert f"counts as {60 * World().text_hours:g} minutes" in " ".join(texts)


def test_reflection_saves_as_you_type(store) -> None:
    box = lesson.reflection(store=store)
    box.text.value = "Two of my five are not on LinkedIn."
    assert store.get(lesson.LESSON, "reflection") == "Two of my five are not on LinkedIn."
    assert lesson.reflection(store=store).text.value == "Two of my five are not on LinkedIn."


def test_check_keys_match_what_the_checks_save(store) -> None:
    makers = [lesson.predict, lesson.predict_voice, lesson.fewer_on_site, lesson.online_only,
              lesson.sort_claims]
    for make in makers:
        check = make(store=store)
        if hasattr(check, "dropdowns"):
            for dropdown, item in zip(check.dropdowns, check.items, strict=True):
                dropdown.value = item.group
        elif hasattr(check, "options"):
            check.choice.value = check.options[0].text
        else:  # a prediction is saved once the learner has made one
            check.control.value = check.control.options[1]
        check.check()
    lesson.reflection(store=store).text.value = "noted"
    assert set(store.lesson(lesson.LESSON)) == set(lesson.CHECK_KEYS)
    assert len(lesson.CHECK_KEYS) == len(set(lesson.CHECK_KEYS))


def test_the_lesson_shows_its_rows_of_the_table() -> None:
    table = lesson.assumptions("03").value
    for label in ("Of them, the share who are on the site you use",
                  "A written exchange counts as this many hours of live conversation"):
        assert label in table


def test_online_view_is_the_world_view() -> None:
    view = lesson.run(30, 3, 50, 10, 180, 15)
    assert isinstance(view, OnlineView) and view.world == World()
    assert np.allclose(view.values, by_online_share(World(), 3).week.warmth)


def test_the_lessons_words_about_the_best_split_hold_in_the_model() -> None:
    """'Why the best split sits in between': fewer people on the site, or easier offline
    meetings (a conference), move the best split offline."""
    def best(**changes: float) -> float:
        return by_online_share(World().changed(**changes), lesson.HOURS).best_share

    on_site = [best(on_site_share=s) for s in (1.0, 0.7, 0.5, 0.3, 0.1, 0.0)]
    assert on_site == sorted(on_site, reverse=True) and on_site[0] > on_site[-1]
    offline = [best(offline_minutes=m) for m in (600, 300, 180, 120, 60)]
    assert offline == sorted(offline, reverse=True) and offline[0] > offline[-1]
