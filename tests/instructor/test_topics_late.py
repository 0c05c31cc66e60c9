"""Every graded cell has a misconception; the late penalty counts started hours."""

from __future__ import annotations

from datetime import datetime

import nbformat
import pytest
from classroom import ASSIGNMENT, ROOT

from netnot import course
from netnot.grading.late import SubMarksPerHour, penalty, set_due


def graded_cells() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "solutions").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") or meta.get("task"):
                found.append((path.parent.name, meta["grade_id"]))
    return found


def test_every_graded_cell_of_every_assignment_has_a_topic():
    cells = graded_cells()
    assert cells, "no graded cells found in solutions/"
    for assignment, grade_id in cells:
        check = course.graded_part(assignment, grade_id)
        assert check.myth in course.MYTHS and check.belief


def test_unknown_cell_names_the_table():
    with pytest.raises(KeyError, match="netnot.course"):
        course.graded_part(ASSIGNMENT, "no-such-cell")


@pytest.mark.parametrize("seconds, expected", [(0, 0), (1, 2), (60 * 15, 2), (3600, 2),
                                               (3601, 4), (2.5 * 3600, 6)])
def test_penalty_counts_started_hours(seconds, expected):
    assert penalty(seconds, 2) == expected


def test_plugin_leaves_on_time_alone():
    plugin = SubMarksPerHour(points_per_hour=1.5)
    assert plugin.late_submission_penalty("s", 7, 0) is None
    assert plugin.late_submission_penalty("s", 7, 90 * 60) == 3.0


def test_set_due_writes_gradebook_and_config_once(small_folder):
    set_due(small_folder, ASSIGNMENT, "2025-07-01 17:30", 1, "Europe/Berlin")
    set_due(small_folder, ASSIGNMENT, "2025-07-01 17:45", 2, "Europe/Berlin")
    with small_folder.gradebook() as gb:
        assert gb.find_assignment(ASSIGNMENT).duedate == datetime(2025, 7, 1, 15, 45)
    config = small_folder.config()
    assert config.AssignLatePenalties.plugin_class == "netnot.grading.late.SubMarksPerHour"
    assert config.SubMarksPerHour.points_per_hour == 2.0
    assert config.CourseDirectory.course_id == "test-course"
    assert (small_folder.root / "nbgrader_config.py").read_text().count("BEGIN netnot late") == 1
