"""nbgrader settings for the course repository.

Instructor sources (full answers and hidden tests) live in solutions/<assignment>/; the student
versions that nbgrader generates from them live in exercises/<assignment>/ (never edit by hand:
run `python scripts/release.py`). Grading happens in a separate folder outside the repo.
"""

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "networking-is-not"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"

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

# Widget answers (netnot.answers): a learner who answers with widgets has the answers saved in the
# notebook's outputs. Autograde must read them before its ClearOutput step, so this reader comes
# first; the rest is nbgrader 0.9's default list (docs/instructors.md, "How widget answers are
# graded"). Names as strings, so that `netnot-grade init` can copy the setting.
c.Autograde.sanitize_preprocessors = [
    "netnot.answers.grader.ReadWidgetAnswers",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
