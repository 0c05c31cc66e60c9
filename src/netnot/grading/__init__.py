"""The instructor's grading engine behind `netnot-grade`: nbgrader's own apps and gradebook,
graded in parallel, each student's kernel in a bubblewrap sandbox, one explicit status per
student.

One pipeline, one object: every step takes the :class:`~netnot.grading.folder.GradingFolder`.

- front door: ``cli`` (every verb, friendly errors), ``startup`` (what a process does first)
- the folder: ``folder`` (paths, config, nbgrader API, gradebook, roster), ``course_settings``
  (the course-wide nbgrader settings), ``gradebook`` (scores), ``nbgrader_log``
- collecting: ``exchange`` (nbgrader's exchange), ``lms`` (LMS zips), ``notebook_file``
- grading: ``autograde`` (the parallel run), ``worker`` (one student), ``sandbox``, ``tamper``,
  ``scan``, ``hook_free``, ``late``, ``manual``, ``status`` (the one status table),
  ``progress_bar``
- giving back: ``feedback``, ``lms_feedback``, ``export``, ``report``
"""
