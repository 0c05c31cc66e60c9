"""nbgrader settings for the course repository.

Instructor sources (full answers and hidden tests) live in solutions/<assignment>/; the student
versions that nbgrader generates from them live in exercises/<assignment>/ (never edit by hand:
run `python scripts/release.py`). Grading happens in a separate folder outside the repo, whose
own nbgrader_config.py applies the same course settings.
"""

from netnot.grading.course_settings import apply_course_settings

c = get_config()  # noqa: F821 - provided by nbgrader

# The course-wide settings (timeouts, restoring deleted test cells, stderr warnings, output
# limits, preprocessors) are declared once, in the netnot package.
apply_course_settings(c)
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
