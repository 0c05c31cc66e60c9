"""Run the tests a second time, past the student's IPython hooks (for flagged submissions).

A student's code can hook IPython's input transformers, AST transformers or exception handler
and so rewrite or silence the test cells that run after it in the same kernel. For such a
submission the worker runs nbgrader's Autograde a second time with :class:`HookFreeExecute`:
every autograder test cell is sent to the kernel as a short wrapper that holds the test source
base64-encoded (input transformers see no test text), compiles it with ``compile()`` (IPython's
AST transformers are applied only by ``run_cell``, not to this code) and catches every
exception itself (no exception hook is reached). A test passes only if the wrapper prints the
run's random token followed by PASS; anything else (a blanked cell, a swallowed wrapper, an
exception) is a failure. The student's answers still run as they are.

Limits: code that knows this wrapper could still forge a pass (it runs in the same kernel), and
a test whose last expression returns partial credit counts pass or fail only. That is why a
flagged submission still needs a person, who sees both scores.
"""

from __future__ import annotations

import base64
import secrets

import nbformat
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution

from .sandbox import SandboxExecute

WRAPPER = """import base64 as _netnot_b64
try:
    exec(compile(_netnot_b64.b64decode("{code}").decode("utf-8"), "<check>", "exec"), globals())
except BaseException as _netnot_err:
    print("{token} FAIL", type(_netnot_err).__name__, str(_netnot_err)[:300].replace("\\n", " "))
else:
    print("{token} PASS")
"""


def wrap(source: str, token: str) -> str:
    code = base64.b64encode(source.encode("utf-8")).decode("ascii")
    return WRAPPER.format(code=code, token=token)


def verdict(outputs: list, token: str) -> tuple[list, str | None]:
    """(outputs without the token lines, None if the check passed else why it failed)."""
    kept, passed, failed = [], False, None
    for output in outputs:
        if output.get("output_type") == "stream" and token in output.get("text", ""):
            lines = []
            for line in output["text"].splitlines(keepends=True):
                if line.startswith(f"{token} PASS"):
                    passed = True
                elif line.startswith(f"{token} FAIL"):
                    failed = line[len(token) + 6:].strip() or "the check failed"
                else:
                    lines.append(line)
            if lines:
                kept.append(nbformat.v4.new_output("stream", name=output["name"],
                                                   text="".join(lines)))
            continue
        kept.append(output)
    if passed and not failed:
        return kept, None
    return kept, failed or "the check did not report back (the submission's code stopped it)"


class _HookFree:
    """Mixin for nbgrader's Execute: test cells go through :func:`wrap`."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not is_grade(cell) or is_solution(cell):
            return super().preprocess_cell(cell, resources, index)
        original, token = cell.source, secrets.token_hex(16)
        cell.source = wrap(original, token)
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        finally:
            cell.source = original
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        cell.outputs, failed = verdict(list(cell.outputs), token)
        if failed and not errors:
            name, _, value = failed.partition(" ")
            cell.outputs.append(nbformat.v4.new_output(
                "error", ename=name or "CheckFailed", evalue=value,
                traceback=[f"{name}: {value}" if value else name]))
        return cell, resources


class HookFreeExecute(_HookFree, SandboxExecute):
    """SandboxExecute whose test cells bypass the student's IPython hooks."""


class HookFreeUnsandboxedExecute(_HookFree, Execute):
    """The same without the sandbox (``--no-sandbox``)."""
