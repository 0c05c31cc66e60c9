"""The browser harness itself, on two small notebooks written here: it must see a working
explorer and check work, and it must see an error when a cell raises. Without this, a harness
that looked at the wrong elements would pass every lesson."""

from __future__ import annotations

import labdriver as drive
import nbformat
import pytest
from labdriver import ARTIFACTS

WORKING = [
    """import numpy as np
from netnot.figures.live import LiveFigure
from netnot.progress import ProgressStore
from netnot.widgets.checks import MultipleChoice, Option
from netnot.widgets.explorer import Explorer, slider


class Line(LiveFigure):
    def build(self, ax):
        ax.set(xlim=(0, 10), ylim=(0, 100))
        (self.line,) = ax.plot([], [])
        self.live(self.line)

    def update(self, slope):
        x = np.linspace(0, 10, 50)
        self.line.set_data(x, slope * x)

    def alt_text(self, slope):
        return f"A straight line rising {slope} per step."


Explorer({"slope": slider("Slope", 3, 0, 10, 1)}, lambda slope: slope, Line(), str)""",
    """MultipleChoice("harness", "q", "Which is right?",
               [Option("This one", True, "Because."), Option("That one", False, "No.")],
               store=ProgressStore("."))""",
]
BROKEN = ["print('fine')", "raise ValueError('deliberate')", "print('never runs')"]


def write(folder, name: str, sources: list[str]) -> str:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"
    }
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(notebook, folder / name)
    return name


@pytest.mark.browser
def test_harness_drives_an_explorer_and_a_check(page, lab) -> None:
    name = write(lab.root, "_harness-working.ipynb", WORKING)
    drive.open_notebook(page, lab.url, name)
    drive.run_all(page)
    report = drive.summary(page)
    assert drive.problems(report) == []
    assert report["ran"] == report["code_cells"] == 2
    assert report["widgets"] >= 2

    explorer = page.locator(f"{drive.PANEL} .nin-explorer")
    moved = drive.move_slider_with_keyboard(page, explorer)
    drive.shot(explorer, ARTIFACTS / "_harness", "explorer")
    assert (moved["before"]["value"], moved["after"]["value"]) == ("3.0", "10.0")  # End
    assert moved["after"]["src"] != moved["before"]["src"]
    assert moved["after"]["alt"] == "A straight line rising 10 per step."

    before, after = drive.answer_check(page, page.locator(f"{drive.PANEL} .nin-check"))
    assert before == ""
    assert after.startswith("✓ Correct: that's right.") and "Because." in after


@pytest.mark.browser
def test_harness_reports_an_error_and_the_cells_that_did_not_run(page, lab) -> None:
    name = write(lab.root, "_harness-broken.ipynb", BROKEN)
    drive.open_notebook(page, lab.url, name)
    drive.run_all(page)
    found = drive.problems(drive.summary(page))
    assert any("ValueError" in p and "deliberate" in p for p in found), found
    assert "only 2 of 3 code cells ran" in found, found


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception),
                                             ("", pytest.skip.Exception)])
def test_a_missing_browser_fails_in_ci_and_skips_elsewhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path, ci: str, outcome: type
) -> None:
    monkeypatch.setenv("CI", ci)
    monkeypatch.setenv("NETNOT_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(outcome, match="Chromium not found"):
        drive.chromium_path()
