"""The instructor-workflow verbs of ``netnot-grade`` (collect, due date, manual grade,
feedback, export, report); ``cli.py`` adds them to its ``VERBS``.

    netnot-grade release A --exchange DIR         nbgrader release_assignment
    netnot-grade collect A --exchange DIR         nbgrader collect (roster students only)
    netnot-grade zip_collect A DOWNLOAD.zip [...] [--lms canvas] [--times T.csv] [--id-map M.csv]
    netnot-grade duedate A "2025-01-11 09:15" [--timezone Europe/Berlin] [--points-per-hour 1]
    netnot-grade manual_grade A STUDENT GRADE_ID SCORE [--comment TEXT]
    netnot-grade generate_feedback A [--student ID]
    netnot-grade export A [--title T] [--canvas-id N] [--canvas-id-column "SIS User ID"]
    netnot-grade report A
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path


def _root(args: argparse.Namespace) -> Path:
    from .folder import GradingFolder

    folder = GradingFolder(Path(args.folder).resolve())
    folder.check()
    return folder.root


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("assignment")
    p.add_argument("--folder", default=".", help="the grading folder (default: here)")


def cmd_release(args: argparse.Namespace) -> int:
    from .collect import release

    release(_root(args), args.assignment, Path(args.exchange))
    print(f"released {args.assignment} to the exchange {args.exchange}")
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from .collect import collect

    found = collect(_root(args), args.assignment, Path(args.exchange))
    print(f"collected {len(found.collected)} submissions into submitted/")
    if found.unknown:
        print(f"NOT collected (not on the roster): {', '.join(found.unknown)}")
    return 0


def _setup_exchange(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--exchange", required=True, help="nbgrader's exchange folder (Exchange.root)")


def cmd_zip_collect(args: argparse.Namespace) -> int:
    from .lms import CONVENTIONS, read_pairs, zip_collect

    lms = args.lms.split(",") if args.lms else list(CONVENTIONS)
    unknown = [name for name in lms if name not in CONVENTIONS]
    if unknown:
        raise SystemExit(f"netnot-grade: unknown LMS {unknown}; choose from {list(CONVENTIONS)}")
    id_map = read_pairs(Path(args.id_map), "lms_id", "student_id") if args.id_map else None
    times = read_pairs(Path(args.times), "student_id", "timestamp") if args.times else None
    entries = zip_collect(_root(args), args.assignment, [Path(z) for z in args.zip],
                          conventions=lms, id_map=id_map, times=times, timezone=args.timezone)
    taken = sorted({e.student_id for e in entries if e.accepted})
    refused = [e for e in entries if not e.accepted]
    print(f"collected {len(taken)} students' submissions; refused {len(refused)} files")
    for e in refused:
        print(f"  refused {e.archive}:{e.name}: {e.problem}")
    print(f"details: reports/{args.assignment}/collect.csv")
    return 0


def _setup_zip(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("zip", nargs="+", help="bulk download(s) from the LMS")
    p.add_argument("--lms", help="conventions to try, comma-separated "
                                 "(blackboard,moodle,canvas; default: all)")
    p.add_argument("--id-map", help="CSV lms_id,student_id (when LMS ids are not roster ids)")
    p.add_argument("--times", help="CSV student_id,timestamp (submission times, for late "
                                   "penalties, when the file names carry none)")
    p.add_argument("--timezone", default="UTC", help="zone of times without an offset")


def cmd_duedate(args: argparse.Namespace) -> int:
    from .late import set_due

    when = set_due(_root(args), args.assignment, args.due, args.points_per_hour, args.timezone)
    print(f"{args.assignment} is due {when:%Y-%m-%d %H:%M} UTC; late submissions lose "
          f"{args.points_per_hour:g} point(s) per started hour (set before autograde)")
    return 0


def _setup_duedate(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("due", help='e.g. "2025-01-11 09:15" (in --timezone)')
    p.add_argument("--timezone", default="UTC")
    p.add_argument("--points-per-hour", type=float, default=1.0)


def cmd_manual_grade(args: argparse.Namespace) -> int:
    from .manual import set_manual_score

    total = set_manual_score(_root(args), args.assignment, args.student, args.grade_id,
                             args.score, args.comment)
    print(f"{args.student}: {args.grade_id} = {args.score:g}; assignment score now {total:g}")
    return 0


def _setup_manual(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("student")
    p.add_argument("grade_id", help="the cell's nbgrader grade_id, e.g. part-d-answer")
    p.add_argument("score", type=float)
    p.add_argument("--comment")


def cmd_feedback(args: argparse.Namespace) -> int:
    from .feedback import generate

    result = generate(_root(args), args.assignment, args.student)
    print(f"wrote {len(result.written)} feedback pages in feedback/<student>/{args.assignment}/")
    for page, lines in result.withheld.items():
        print(f"WITHHELD {page}: it showed hidden test lines {lines[:3]}")
    return 1 if result.withheld else 0


def _setup_feedback(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--student", help="only this student")


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    paths = export(_root(args), args.assignment, title=args.title, canvas_id=args.canvas_id,
                   canvas_id_column=args.canvas_id_column)
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def _setup_export(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--title", help="the assignment's name in the LMS (default: its id)")
    p.add_argument("--canvas-id", default="", help="Canvas assignment id, for its column")
    p.add_argument("--canvas-id-column", default="ID", choices=["ID", "SIS User ID"],
                   help="Canvas column that holds the roster id")


def cmd_report(args: argparse.Namespace) -> int:
    from .report import write

    print(f"class report: {write(_root(args), args.assignment)}")
    return 0


VERBS = {
    "release": ("publish release/<a>/ to nbgrader's exchange", _setup_exchange, cmd_release),
    "collect": ("collect submissions from nbgrader's exchange", _setup_exchange, cmd_collect),
    "zip_collect": ("collect an LMS bulk download (unsafe files refused)", _setup_zip,
                    cmd_zip_collect),
    "duedate": ("set the due date and the late penalty (before autograde)", _setup_duedate,
                cmd_duedate),
    "manual_grade": ("set the points of one written answer (scripted formgrader)",
                     _setup_manual, cmd_manual_grade),
    "generate_feedback": ("feedback pages without hidden tests", _setup_feedback, cmd_feedback),
    "export": ("grades.csv, canvas.csv and moodle.csv", _setup_export, cmd_export),
    "report": ("the class report (HTML with figures)", _common, cmd_report),
}


def _friendly(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Print expected errors (bad input, a step not run yet) as one line, not a traceback."""
    @functools.wraps(run)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except (ValueError, RuntimeError, FileNotFoundError, KeyError) as err:
            print(f"netnot-grade {args.verb}: {err}", file=sys.stderr)
            return 1
    return wrapped


VERBS = {name: (summary, setup, _friendly(run)) for name, (summary, setup, run) in VERBS.items()}
