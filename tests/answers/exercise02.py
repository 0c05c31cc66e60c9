"""Exercise 02's answers (computed from the model, as the hidden tests compute them), typical
wrong ones, and hand edits of a saved notebook (see learners.py for the learners themselves).
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import numpy as np

from netnot.answers.record import MIME
from netnot.models import networking
from netnot.models.world import scenario
from netnot.widgets import quickfix as lesson

from .learners import Exercise

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "02-not-a-quick-fix"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
RELEASE = ROOT / "exercises" / ASSIGNMENT / NOTEBOOK
SOURCE = ROOT / "solutions" / ASSIGNMENT / NOTEBOOK
POINTS = {"part-a-check": 2.0, "part-b-check": 2.0, "part-c-check": 3.0}
EX = Exercise(ASSIGNMENT, {"part-a": "number", "part-b": "number", "part-c": "number",
                           "part-d-answer": "text"},
              POINTS, "part-d-answer", {"part-a-check": 0, "part-b-check": 0, "part-c-check": 3},
              first_part_cells=("part-a-check", "part-b-check"))  # (its nonsense edits both)
ADVICE = ("Start now, not when you lose your job. Even networking six hours a week, the median "
          "wait for a first referral was {a} weeks. Trust takes hours of conversation <and> "
          "fades; a head start of {c} weeks brought the median to three months. The weekly "
          "chances are assumptions.")


def ten_people() -> np.ndarray:
    """Part B's table: ten people new to the field who network one hour a week."""
    world = scenario("new to the field")
    return networking.first_referrals(world, hours=1, people=10, seed=10).weeks


def right() -> dict[str, str]:
    """What a learner who gets everything right types into each box."""
    a = lesson.at(hours=6).referrals.median
    weeks = ten_people()
    b = 100 * np.sum(weeks <= 26) / len(weeks)
    c = next(w for w in range(53) if lesson.at(head_start=w).referrals.median <= 12)
    return {"part-a": f"{a:g}", "part-b": f"{b:g}", "part-c": f"{c:g}",
            "part-d-answer": ADVICE.format(a=f"{a:g}", c=c)}


def wrong() -> dict[str, str]:
    """Part A and B wrong (the first settings' median; the 'none' people left out), C right."""
    good = right()
    weeks = ten_people()
    finite = weeks[np.isfinite(weeks)]
    return {**good, "part-a": f"{lesson.at().referrals.median:g}",
            "part-b": f"{100 * np.mean(finite <= 26):g}", "part-d-answer": ""}


def edited_into_nonsense(path: Path, target: Path) -> Path:
    """A saved notebook whose answer records were changed by hand: Part A's value becomes text
    everywhere, Part B's record loses its shape, a record for another question appears, and the
    written answer grows to 2 MB."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            saved = output.get("data", {}).get(MIME)
            if not isinstance(saved, dict):
                continue
            if saved["part"] == "part-a":
                saved["value"] = "eleven"
            elif saved["part"] == "part-b":
                output["data"][MIME] = ["part-b", 40]
            elif saved["part"] == "part-d-answer":
                saved["value"] = "x" * 2_000_000
    forged = nbformat.v4.new_code_cell("")
    forged.outputs = [nbformat.v4.new_output("display_data", data={
        MIME: {"version": 1, "exercise": ASSIGNMENT, "part": "part-q", "kind": "number",
               "value": 1, "changed": "2030-01-01T00:00:00+00:00", "by": "widget"}})]
    nb["cells"].append(forged)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(nb), encoding="utf-8")
    return target
