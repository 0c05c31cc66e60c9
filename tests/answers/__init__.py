"""Tests of netnot.answers: widget answers saved in the notebook and graded from it (a package,
so that its module names do not clash with the top-level tests)."""
