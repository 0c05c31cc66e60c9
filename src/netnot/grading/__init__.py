"""The instructor's grading engine behind `netnot-grade`: nbgrader's own apps and gradebook,
graded in parallel, each student's kernel in a bubblewrap sandbox, one explicit status per
student. Modules: cli (verbs), folder (the grading folder), gradebook (nbgrader API calls),
autograde (the parallel run), worker (one student), sandbox, tamper, scan, status, progress."""
