"""How long one explorer update takes (model + redraw), as a learner moves a slider.

    python benchmarks/bench_explorers.py [--repeats 200]

For every lesson with an explorer, at its default settings and at its heaviest settings
(`HEAVIEST` in the lesson's widget module; a module with several explorers names them in
`EXPLORERS`, and the heaviest settings of explorer `x` in `HEAVIEST_X`), each control is
nudged one step and back, over and over; each update is timed from setting the value to the
new figure being ready. Also reports a panel redrawn in place (when its axis limits change,
which is rarer) and a full redraw.
Targets: median <= 20 ms, p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import time

from netnot.course import LESSONS


def nudges(explorer, repeats: int) -> list[float]:
    """Milliseconds per update while nudging each control one step up and back."""
    timings: list[float] = []
    controls = [c for c in explorer.controls.values() if hasattr(c, "step")]
    while len(timings) < repeats:
        for control in controls:
            start_value = control.value
            step = control.step if start_value + control.step <= control.max else -control.step
            for value in (start_value + step, start_value):
                begin = time.perf_counter()
                control.value = value
                timings.append(1000 * (time.perf_counter() - begin))
    return timings


def full_redraws(explorer, repeats: int) -> list[float]:
    """A whole new picture (the first one, or a window resize)."""
    timings = []
    for _ in range(repeats):
        explorer.figure._background = None
        begin = time.perf_counter()
        explorer.update()
        timings.append(1000 * (time.perf_counter() - begin))
    return timings


def panel_redraws(explorer, repeats: int) -> list[float]:
    """One panel's limits changed: that panel is redrawn in place (LiveFigure.rescale)."""
    timings = []
    for _ in range(repeats):
        explorer.figure.rescale(explorer.figure.axes[0])
        begin = time.perf_counter()
        explorer.update()
        timings.append(1000 * (time.perf_counter() - begin))
    return timings


def describe(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   (n={len(ordered)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    for lesson in LESSONS:
        if not lesson.myth:
            continue
        try:
            module = importlib.import_module(f"netnot.widgets.{lesson.topic}")
        except ModuleNotFoundError:
            continue
        # a lesson with more than one explorer lists them in EXPLORERS; the heaviest settings
        # of explorer "x" other than the first are in HEAVIEST_X
        for factory in getattr(module, "EXPLORERS", ("explorer",)):
            if not hasattr(module, factory):
                continue
            explorer = getattr(module, factory)()
            print(f"{lesson.id}" + ("" if factory == "explorer" else f" ({factory})"))
            print(f"  default settings : {describe(nudges(explorer, args.repeats))}")
            heaviest = "HEAVIEST" if factory == "explorer" else f"HEAVIEST_{factory.upper()}"
            for name, value in getattr(module, heaviest, {}).items():
                explorer.controls[name].value = value
            print(f"  heaviest settings: {describe(nudges(explorer, args.repeats))}")
            print(f"  one panel rescale: {describe(panel_redraws(explorer, 20))}")
            print(f"  full redraw      : {describe(full_redraws(explorer, 20))}")


if __name__ == "__main__":
    main()
