"""Graded answers given with widgets, saved inside the notebook, read back by the grader.

A learner who does not code answers each graded part with a widget (a number box, a choice, a
ranking, a text box). Each answer is written into the answer cell's output, so the saved .ipynb
carries it, and nbgrader's autograde reads it back before it clears the outputs.

Modules, one way:

* ``record``: the saved form of one answer (shared by the kernel and the grader);
* ``widgets``: the answer widgets, with plain-language feedback;
* ``sheet``: the exercise's answer sheet in the learner's kernel (what a notebook uses);
* ``checks``: the test-cell checks (kind first, then value; unanswered scores 0 quietly);
* ``grader``: the nbgrader preprocessor that reads the answers from the submitted notebook;
* ``handover``: how those answers reach the grading kernel (the cell the grader adds);
* ``selfstudy``: the "show a worked solution" cells of a self-study release.

See docs/instructors.md, "How widget answers are graded".
"""
