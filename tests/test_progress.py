"""The progress file: nothing a learner enters is lost."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from netnot.progress import FILE_NAME, ProgressStore
from netnot.widgets.checks import MultipleChoice, Option, Reflection


def test_round_trip_survives_a_new_store_as_after_a_kernel_restart(tmp_path):
    ProgressStore(tmp_path).set("02", "predict", {"prediction": 6})
    assert ProgressStore(tmp_path).get("02", "predict") == {"prediction": 6}
    assert json.loads((tmp_path / FILE_NAME).read_text())["lessons"]["02"]["predict"]


def test_widgets_restore_answers_after_restart(tmp_path):
    options = [Option("a", False, "no"), Option("b", True, "yes")]
    first = MultipleChoice("01", "q", "Question?", options, ProgressStore(tmp_path))
    first.choice.value = "b"
    first.check()
    Reflection("01", "r", "Reflect", ProgressStore(tmp_path)).text.value = "my thoughts"
    reopened = MultipleChoice("01", "q", "Question?", options, ProgressStore(tmp_path))
    assert reopened.choice.value == "b" and "✓" in reopened.feedback.value
    assert Reflection("01", "r", "Reflect", ProgressStore(tmp_path)).text.value == "my thoughts"


@pytest.mark.parametrize("content", ["{not json", '{"version": 99, "lessons": {}}', "[1, 2]",
                                     '{"version": 1, "lessons": {"02": "oops"}}'])
def test_a_corrupt_file_is_kept_aside_with_a_clear_message(tmp_path, content):
    (tmp_path / FILE_NAME).write_text(content)
    store = ProgressStore(tmp_path)
    assert store.get("02", "predict") is None
    assert "could not be read" in store.message and "Nothing was deleted" in store.message
    kept = list(tmp_path.glob(".netnot-progress.unreadable-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == content
    assert store.set("02", "predict", 3)
    assert ProgressStore(tmp_path).get("02", "predict") == 3
    assert kept[0].read_text() == content, "the unreadable file is never overwritten"


def _write_many(folder: str, lesson: str) -> None:
    store = ProgressStore(folder)
    for i in range(40):
        store.set(lesson, f"key{i}", i)


def test_two_notebooks_writing_at_once_lose_nothing(tmp_path):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(str(tmp_path), name))
               for name in ("01-not-begging", "02-not-a-quick-fix")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    saved = ProgressStore(tmp_path).load()
    for name in ("01-not-begging", "02-not-a-quick-fix"):
        assert saved[name] == {f"key{i}": i for i in range(40)}
    assert not list(tmp_path.glob("*.tmp")), "no temporary files left behind"


def _check_read_only(folder):
    store = ProgressStore(folder)
    assert store.set("02", "predict", 7) is False
    assert "can't be saved" in store.message
    assert store.get("02", "predict") == 7, "the lesson stays usable"


def test_read_only_storage_keeps_answers_in_memory_with_a_message(tmp_path, monkeypatch):
    # CI runs as root, which ignores file permissions: make every write fail as on a read-only
    # disk instead.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr("netnot.progress.tempfile.mkstemp", refuse)
    monkeypatch.setattr("netnot.progress.open", refuse, raising=False)
    _check_read_only(tmp_path)
    check = Reflection("02", "r", "Reflect", ProgressStore(tmp_path))
    check.text.value = "still typing"
    assert "be saved in" in check.status.value
    assert check.text.value == "still typing"
