"""Driving a notebook in JupyterLab with Playwright: open, run all, and read what went wrong.

Selectors and the menu-click approach follow the team's measured notes: clicking the
``li.lm-Menu-item`` with an exact ``:text-is()`` label runs the cells; clicking the label locator
with ``has_text`` reproducibly did not.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
IDLE = f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']"

# Every code cell has run (a number in its prompt) or is empty, and nothing is queued ("[*]").
# A folded cell (jupyter.source_hidden) shows no input prompt: its output prompt tells instead,
# and, cells running in order, a folded last cell must have its numbered output.
ALL_RAN = """(panel) => {
  const cells = [...document.querySelectorAll(panel + ' .jp-CodeCell')];
  if (cells.length === 0) return false;
  const prompt = (cell) => {
    const input = cell.querySelector('.jp-InputArea .jp-InputPrompt');
    return ((input || cell.querySelector('.jp-OutputPrompt') || {}).textContent || '').trim();
  };
  let numbered = 0;
  for (const cell of cells) {
    if (prompt(cell).includes('*')) return false;
    if (/\\[\\d+\\]/.test(prompt(cell))) numbered += 1;
  }
  const last = cells[cells.length - 1];
  const failed = document.querySelector(
    panel + ' [data-mime-type="application/vnd.jupyter.error"]');
  if (last.querySelector('.jp-InputPlaceholder') && !failed && !/\\[\\d+\\]/.test(prompt(last)))
    return false;
  return numbered > 0;
}"""

KERNEL_READY = """() => /\\(ipykernel\\)\\s*\\|\\s*Idle/.test(document.body.textContent)"""
# The toolbar's execution indicator says idle; on a narrow screen it sits in the toolbar's
# overflow menu and is not in the page at all (then the status bar alone tells).
INDICATOR_IDLE = """(panel) => {
  const indicator = document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator');
  return !indicator || indicator.dataset.status === 'idle';
}"""

# At least one cell is queued, running or done (a folded cell shows it in its output prompt).
STARTED = """(panel) => [...document.querySelectorAll(
    panel + ' .jp-CodeCell :is(.jp-InputPrompt, .jp-OutputPrompt)')]
  .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""

SUMMARY = """(panel) => {
  const root = document.querySelector(panel);
  const texts = (sel) => [...root.querySelectorAll(sel)].map(n => n.textContent.trim());
  const cells = [...root.querySelectorAll('.jp-CodeCell')];
  const prompt = (c) => c.querySelector('.jp-InputPrompt')?.textContent || '';
  const output = texts('.jp-OutputArea-output');
  const source = (c) => (c.querySelector('.cm-content')?.textContent || '').trim();
  return {
    code_cells: cells.filter(c => source(c) !== '').length,
    ran: cells.filter(c => /\\[\\d+\\]/.test(prompt(c))).length,
    errors: texts('[data-mime-type="application/vnd.jupyter.error"]'),
    stderr: texts('[data-mime-type="application/vnd.jupyter.stderr"]'),
    widget_errors: output.filter(t => t.includes('Error displaying widget')),
    loading: output.filter(t => t.startsWith('Loading widget')).length,
    widgets: root.querySelectorAll('.jp-OutputArea-output .jupyter-widgets').length,
  };
}"""


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Fail in CI, skip elsewhere: a browser test must never silently not run in CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: browser tests must run here)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str:
    """$NETNOT_CHROMIUM if set, else `chromium` on PATH, else Debian's /usr/bin/chromium."""
    override = os.environ.get("NETNOT_CHROMIUM")
    candidates = [override] if override else [shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    unavailable(f"Chromium not found at {candidates}: `apt-get install chromium` "
                "(or set NETNOT_CHROMIUM)")
    raise AssertionError("unreachable")


# Close every document without saving, then open one notebook: JupyterLab's own commands, on the
# app that the test server exposes as window.jupyterapp (as JupyterLab's UI tests, Galata, do).
OPEN_IN_PLACE = """async (path) => {
  const app = window.jupyterapp;
  for (const widget of Array.from(app.shell.widgets('main'))) {
    if (widget.context) { widget.context.model.dirty = false; }
    widget.dispose();
  }
  await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
}"""


def open_notebook(page, url: str, name: str) -> None:
    """Open ``name`` (relative to the server root); wait for its kernel.

    The first time on a page, JupyterLab is loaded at the notebook's address, in a reset
    workspace. After that the notebook opens in the JupyterLab already loaded, in place of the
    notebooks open before (closed, not saved): loading JupyterLab again costs 2-3 s each time.
    """
    if not hasattr(page, "kernel_dialogs"):
        page.kernel_dialogs = 0

        def accept_kernel(dialog) -> None:
            # Safety net: JupyterLab asks for a kernel if a cell runs before the kernel is there.
            page.kernel_dialogs += 1
            dialog.locator("button.jp-mod-accept").click()

        page.add_locator_handler(page.locator(".jp-Dialog:has-text('Select Kernel')"),
                                 accept_kernel)
    if page.url.startswith(f"{url}/lab") and page.evaluate("() => !!window.jupyterapp"):
        page.evaluate(OPEN_IN_PLACE, name)
    else:
        page.goto(f"{url}/lab/tree/{quote(name)}?reset")
    page.wait_for_selector(f"{PANEL} .jp-Notebook", timeout=60_000)
    wait_for_kernel(page)


def wait_for_kernel(page, timeout_ms: int = 90_000) -> None:
    """Until the kernel is started, connected and idle: the toolbar indicator says idle *and*
    the status bar names the kernel (before that, Run All would find "No Kernel"). (On a narrow
    screen the indicator sits in the toolbar's overflow menu, out of the page.)"""
    page.wait_for_selector(f"{PANEL} .jp-Notebook", timeout=timeout_ms)
    page.wait_for_function(INDICATOR_IDLE, arg=PANEL, timeout=timeout_ms, polling=250)
    page.wait_for_function(KERNEL_READY, timeout=timeout_ms, polling=250)


def run_all(page, timeout_ms: int = 180_000) -> None:
    """Run > Run All Cells, then wait until every cell has run and the kernel is idle.

    Under load the menu item can still be disabled, or the click can land before the kernel is
    connected, and then nothing runs: so check that execution started and try up to 3 times.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    item = page.locator(
        ".lm-Menu-item:not(.lm-mod-disabled):has(.lm-Menu-itemLabel:text-is('Run All Cells'))"
    )
    for attempt in range(1, 4):
        page.run_all_attempts = attempt  # reported in test-artifacts/ by the page fixture
        wait_for_kernel(page)
        page.locator(f"{PANEL} .jp-Cell").first.click()  # make the notebook the current widget
        page.locator(".lm-MenuBar-itemLabel:text-is('Run')").click()
        try:
            item.click(timeout=10_000)
            page.wait_for_function(STARTED, arg=PANEL, timeout=15_000, polling=100)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")  # close the menu if it is still open
    else:
        raise AssertionError("Run > Run All Cells did not start the cells in 3 tries")
    page.wait_for_function(ALL_RAN, arg=PANEL, timeout=timeout_ms, polling=250)
    page.wait_for_function(INDICATOR_IDLE, arg=PANEL, timeout=timeout_ms, polling=250)
    page.wait_for_function(KERNEL_READY, timeout=timeout_ms, polling=250)
    # Widget views render after their output arrives: wait for "Loading widget..." to go.
    page.wait_for_function(
        """(panel) => ![...document.querySelectorAll(panel + ' .jp-OutputArea-output')]
             .some(n => n.textContent.trim().startsWith('Loading widget'))""",
        arg=PANEL, timeout=60_000, polling=250,
    )


def summary(page) -> dict:
    """What the notebook shows: cells run, error and stderr outputs, widget failures."""
    return page.evaluate(SUMMARY, PANEL)


def problems(report: dict) -> list[str]:
    """Everything a learner should never see: tracebacks, error outputs, broken widgets."""
    found = [f"error output: {text[:500]}" for text in report["errors"]]
    found += [
        f"traceback on stderr: {text[:500]}"
        for text in report["stderr"]
        if "Traceback" in text or "Error" in text
    ]
    found += [f"widget failed: {text[:300]}" for text in report["widget_errors"]]
    if report["ran"] < report["code_cells"]:
        found.append(f"only {report['ran']} of {report['code_cells']} code cells ran")
    return found


def shot(target, folder: Path, name: str) -> None:
    """Screenshot a page or element into test-artifacts/ (never fails the test by itself)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        target.screenshot(path=str(folder / f"{name}.png"))
    except Exception:  # noqa: BLE001 - a screenshot is evidence, not a test
        pass


def move_slider_with_keyboard(page, explorer) -> dict:
    """Focus the explorer's first slider handle and press End (Home if already at the end).

    Returns the slider value and the figure's ``src`` and text alternative (its ``title``; under
    "alt") before and after; waits until the figure has changed or the timeout expires.
    """
    from playwright.sync_api import expect

    handle = explorer.locator(".noUi-handle").first
    image = explorer.locator(".nin-figure img.nin-plot")
    before = {
        "value": handle.get_attribute("aria-valuenow"),
        "src": image.get_attribute("src"),
        "alt": image.get_attribute("title"),
    }
    at_end = float(before["value"]) >= float(handle.get_attribute("aria-valuemax"))
    handle.focus()
    page.keyboard.press("Home" if at_end else "End")
    expect(handle).not_to_have_attribute("aria-valuenow", before["value"], timeout=10_000)
    try:
        expect(image).not_to_have_attribute("src", before["src"], timeout=20_000)
    except AssertionError:
        pass  # reported by the caller's assertion with both values
    after = {
        "value": handle.get_attribute("aria-valuenow"),
        "src": image.get_attribute("src"),
        "alt": image.get_attribute("title"),
    }
    return {"before": before, "after": after, "key": "Home" if at_end else "End"}


def answer_check(page, check) -> tuple[str, str]:
    """Pick the first option (if the check has radio buttons), press its button; return the
    feedback text before and after (waiting for it to change)."""
    from playwright.sync_api import expect

    feedback = check.locator(".nin-feedback").first
    before = feedback.inner_text().strip()
    radios = check.locator("input[type=radio]")
    if radios.count():
        radios.first.check()
    check.locator("button").first.click()
    expect(feedback).not_to_have_text(before or "", timeout=20_000)
    return before, feedback.inner_text().strip()


def type_reflection(page, reflection, text: str) -> str:
    """Type into a reflection with the keyboard; return the status it shows afterwards."""
    from playwright.sync_api import expect

    box = reflection.locator("textarea").first
    status = reflection.locator(".nin-feedback").first
    box.focus()
    page.keyboard.type(text)
    expect(status).not_to_have_text("", timeout=20_000)
    return status.inner_text().strip()
