"""The course-wide nbgrader settings, declared once.

``apply_course_settings`` is called by the repository's ``nbgrader_config.py`` and by the
``nbgrader_config.py`` that ``netnot-grade init`` writes into a grading folder, so plain
``nbgrader`` commands and ``netnot-grade`` grade with the same settings. Add a course-wide
setting (a preprocessor, a timeout) here, never in one of those files.
"""

from __future__ import annotations

from traitlets.config import Config

COURSE_ID = "networking-is-not"


def apply_course_settings(c: Config) -> Config:
    """Put the course's nbgrader settings into ``c`` (an nbgrader config); returns ``c``."""
    c.CourseDirectory.course_id = COURSE_ID
    # Each cell may run at most this long before it is interrupted (and scores 0).
    c.Execute.timeout = 60
    c.ExecutePreprocessor.timeout = 60
    # Put back graded cells a student deleted, instead of silently dropping their points.
    c.OverwriteCells.add_missing_cells = True
    # A warning printed on stderr must not zero a correct answer.
    c.IgnorePattern.enabled = True
    c.IgnorePattern.pattern = r"Warning"  # a stderr output containing this is dropped
    # Keep runaway output small.
    c.LimitOutput.max_lines = 200
    c.LimitOutput.max_traceback = 30
    return c
