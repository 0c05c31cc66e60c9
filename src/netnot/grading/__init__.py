"""The instructor's grading engine behind `netnot-grade`: nbgrader's own apps and gradebook,
graded in parallel, each student's kernel in a bubblewrap sandbox, one explicit status per
student. Modules: cli (verbs), folder (the grading folder), gradebook (nbgrader API calls),
autograde (the parallel run), worker (one student), sandbox, tamper, scan, status, progress."""

import sys

# jsonschema imports the optional rfc3987_syntax only to check "iri" formats, and that import
# builds a grammar (~1.5 s of CPU per run). nbformat's schemas check no formats, so nothing here
# needs it: skip it, unless something imported it already.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
