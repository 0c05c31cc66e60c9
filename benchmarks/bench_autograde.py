"""Benchmark: plain serial `nbgrader autograde` vs `netnot-grade autograde` (parallel, sandboxed).

The same class of mixed submissions (mostly well-behaved, plus an infinite loop, a kernel crash,
huge output, cheats and tampering) is graded twice in two copies of one grading folder: once by
nbgrader's own command, once by this tool with the bubblewrap sandbox on and one worker per
core. Prints both wall times, the speed-up, the machine's load, and checks that every
well-behaved submission got the same score from both.

    PYTHONPATH=src python benchmarks/bench_autograde.py [--students 24] [--timeout 10]
        [--repeat 2] [--jobs N]

A script, not a test: the figures depend on the machine and on what else runs on it. With few
students, the fixed start-up (importing nbgrader: ~3.5 s for nbgrader, ~1.5 s for this tool) and
the tail (the 10-s infinite loop sorts near the end, so one worker finishes it alone) weigh on
the parallel run; try --students 48.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests" / "grading")]

import corpus  # noqa: E402
from nbgrader.api import Gradebook, MissingEntry  # noqa: E402

from netnot.grading import cli  # noqa: E402

# (kind, how many); kinds listed in WELL_BEHAVED must score the same under both graders
MIX = [("correct", 8), ("correct_alt", 4), ("blank", 3), ("partial", 2), ("huge_output", 1),
       ("infinite", 1), ("crash", 1), ("eq_cheat", 1), ("ast_cheat", 1), ("deleted_test", 1),
       ("edited_test", 1)]
WELL_BEHAVED = {"correct", "correct_alt", "blank", "partial", "huge_output"}


def build(base: Path, timeout: int, total: int) -> tuple[Path, list[str]]:
    repo = corpus.make_repo(base / "repo")
    folder = base / "template"
    kinds = {k.name: k for k in corpus.kinds(base / "outside", folder, 9)}
    kinds["partial"] = corpus.Kind("partial", [corpus.answer("mean", corpus.WRONG_MEAN),
                                               corpus.answer("squares", corpus.GOOD_SQUARES)],
                                   "ok", 3)
    names = [f"{kind}_{i:02d}" for kind, count in MIX for i in range(count)]
    while len(names) < total:
        names.append(f"correct_{len(names):02d}")
    assert cli.main(["init", str(folder), "--repo", str(repo)]) == 0
    corpus.set_cell_timeout(folder, timeout)
    roster = corpus.write_roster(base / "roster.csv", names)
    assert cli.main(["db", "student", "import", str(roster), "--folder", str(folder)]) == 0
    assert cli.main(["generate_assignment", corpus.ASSIGNMENT, "--folder", str(folder)]) == 0
    for name in names:
        corpus.write_submission(folder, name, kinds[name.rsplit("_", 1)[0]])
    return folder, names


def timed(args: list[str], cwd: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"),
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - start


def scores(folder: Path, names: list[str]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        for name in names:
            try:
                out[name] = float(gb.find_submission(corpus.ASSIGNMENT, name).score)
            except MissingEntry:
                out[name] = None
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=24)
    parser.add_argument("--timeout", type=int, default=10, help="cell timeout, seconds")
    parser.add_argument("--repeat", type=int, default=2, help="rounds (the machine is noisy)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="netnot-grade workers (default: cores)")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-autograde-"))
    try:
        template, names = build(base, args.timeout, args.students)
        good = [n for n in names if n.rsplit("_", 1)[0] in WELL_BEHAVED]
        print(f"{len(names)} submissions ({len(good)} well-behaved), {os.cpu_count()} cores, "
              f"cell timeout {args.timeout} s, {args.repeat} round(s), serial then parallel")
        pairs, differ = [], []
        for round_ in range(args.repeat):
            plain, tool = base / f"plain{round_}", base / f"tool{round_}"
            shutil.copytree(template, plain)
            shutil.copytree(template, tool)
            load = os.getloadavg()[0]
            serial = timed([os.path.join(os.path.dirname(sys.executable), "nbgrader"),
                            "autograde", corpus.ASSIGNMENT], plain)
            parallel = timed([sys.executable, "-m", "netnot.grading.cli", "autograde",
                              corpus.ASSIGNMENT, "--folder", str(tool), "--quiet",
                              "--jobs", str(args.jobs)], tool)
            pairs.append((serial, parallel))
            print(f"round {round_ + 1}: load {load:.2f} -> {os.getloadavg()[0]:.2f}; serial "
                  f"{serial:.1f} s, netnot-grade {parallel:.1f} s, speed-up "
                  f"{serial / parallel:.2f}x")
            a, b = scores(plain, names), scores(tool, names)
            differ += [n for n in good if a[n] != b[n]]
        print((tool / "reports" / corpus.ASSIGNMENT / "summary.txt").read_text().rstrip())
        best_serial, best_parallel = min(p[0] for p in pairs), min(p[1] for p in pairs)
        print(f"best of {args.repeat}: serial nbgrader {best_serial:.1f} s; netnot-grade "
              f"(sandboxed, {args.jobs} workers) {best_parallel:.1f} s; speed-up "
              f"{best_serial / best_parallel:.2f}x")
        print(f"well-behaved submissions with identical scores in every round: "
              f"{len(good) - len(set(differ))}/{len(good)}" +
              (f"; DIFFER: {sorted(set(differ))}" if differ else ""))
        others = [n for n in names if n not in good]
        print("others, last round (nbgrader vs netnot-grade): " +
              ", ".join(f"{n} {a[n]} vs {b[n]}" for n in others))
        return 1 if differ else 0
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
