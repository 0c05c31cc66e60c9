"""Keypress to new picture, measured in the browser, in learner mode (Voilà) and in JupyterLab.

    python benchmarks/bench_browser.py [--presses 40] [--modes voila lab] [--lessons 01 02]

A real JupyterLab server (set up as for learners, as in tests/browser) and headless Chromium.
For every lesson with an explorer, the page records, with its own clock (performance.now), when
each keydown happens and when the explorer's picture has loaded the new image; the script
presses ArrowRight/ArrowLeft on each slider in turn (one step and back), waiting for each new
picture before the next key. This is what a learner feels: the kernel round trip, the model, the
redraw, the binary transfer and the browser's decoding. Target: median <= 30 ms, p95 <= 60 ms on
a quiet 2-core machine. The kernel-only part is benchmarks/bench_explorers.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import labdriver as drive  # noqa: E402
from tests.browser.conftest import start_lab  # noqa: E402

INSTRUMENT = """(explorer) => {
  const img = explorer.querySelector('img.nin-plot');
  window.ninBench = {down: [], arrived: [], shown: []};
  document.addEventListener('keydown', () => window.ninBench.down.push(performance.now()), true);
  new MutationObserver(() => window.ninBench.arrived.push(performance.now()))
    .observe(img, {attributes: true, attributeFilter: ['src']});
  img.addEventListener('load', () => window.ninBench.shown.push(performance.now()));
}"""


def lessons_with_explorers(wanted: list[str]) -> list[Path]:
    found = []
    for path in sorted((ROOT / "course").glob("*.ipynb")):
        if wanted and path.name[:2] not in wanted:
            continue
        if "lesson.explorer()" in path.read_text(encoding="utf-8") or "plan_builder" in (
                path.read_text(encoding="utf-8")):
            found.append(path)
    return found


def presses(page, scope: str, count: int) -> tuple[list[float], list[float], int]:
    """Latencies (ms) of ``count`` keypresses on the first explorer's sliders (to the picture
    shown), the part of each spent decoding and drawing the new picture, and the misses."""
    explorer = page.locator(f"{scope} .nin-explorer:has(.noUi-handle)").first
    explorer.scroll_into_view_if_needed()
    explorer.evaluate(INSTRUMENT)
    handles = explorer.locator(":scope > .widget-slider .noUi-handle")
    timings, decoding, missed, index = [], [], 0, 0
    while len(timings) + missed < count:
        handle = handles.nth(index % handles.count())
        index += 1
        at_end = float(handle.get_attribute("aria-valuenow")) >= float(
            handle.get_attribute("aria-valuemax"))
        handle.focus()
        for key in (("ArrowLeft", "ArrowRight") if at_end else ("ArrowRight", "ArrowLeft")):
            shown = page.evaluate("window.ninBench.shown.length")
            page.keyboard.press(key)
            try:
                page.wait_for_function(f"window.ninBench.shown.length > {shown}", timeout=5000,
                                       polling="raf")
            except Exception:  # noqa: BLE001 - a step that leaves the picture as it was
                missed += 1
                continue
            total, decode = page.evaluate("""() => { const b = window.ninBench;
              return [b.shown.at(-1) - b.down.at(-1), b.shown.at(-1) - b.arrived.at(-1)]; }""")
            timings.append(total)
            decoding.append(decode)
    return timings, decoding, missed


def describe(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   (n={len(ordered)})"


def open_lesson(page, lab, mode: str, name: str) -> str:
    if mode == "voila":
        page.goto(f"{lab.url}/voila/render/course/{name}")
        page.wait_for_selector("#rendered_cells", state="visible", timeout=120_000)
        page.wait_for_selector(".nin-explorer img.nin-plot", timeout=120_000)
        return "body"
    drive.open_notebook(page, lab.url, f"course/{name}")
    drive.run_all(page)
    page.wait_for_selector(f"{drive.PANEL} .nin-explorer img.nin-plot")
    return drive.PANEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40, help="per lesson and mode")
    parser.add_argument("--modes", nargs="+", default=["voila", "lab"], choices=["voila", "lab"])
    parser.add_argument("--lessons", nargs="*", default=[], help="two-digit numbers")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        server = start_lab(Path(folder), learner=True, base_url="/")
        lab = next(server)
        browser = playwright.chromium.launch(executable_path=drive.chromium_path(),
                                             args=drive.CHROMIUM_ARGS, headless=True)
        try:
            everything: dict[str, list[float]] = {mode: [] for mode in args.modes}
            for mode in args.modes:
                print(f"{mode}:")
                for lesson in lessons_with_explorers(args.lessons):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    try:
                        page = context.new_page()
                        scope = open_lesson(page, lab, mode, lesson.name)
                        timings, decoding, missed = presses(page, scope, args.presses)
                    finally:
                        context.close()
                        lab.shutdown_kernels()
                    everything[mode] += timings
                    note = f"   ({missed} steps left the picture unchanged)" if missed else ""
                    decode = statistics.median(decoding)
                    print(f"  {lesson.stem:26} {describe(timings)}   decoding median "
                          f"{decode:4.1f} ms{note}", flush=True)
                print(f"  {'all lessons':26} {describe(everything[mode])}")
        finally:
            browser.close()
            server.close()  # stops the server
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
