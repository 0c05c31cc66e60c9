"""`netnot-grade`: the instructor's grading tool, in nbgrader's vocabulary.

    netnot-grade init FOLDER [--repo REPO]           set up a grading folder (alias: quickstart)
    netnot-grade db student import ROSTER.csv        roster: id,last_name,first_name,email
    netnot-grade generate_assignment A               nbgrader generate_assignment
    netnot-grade duedate A "2025-01-11 09:15" [--timezone Europe/Berlin] [--points-per-hour 1]
    netnot-grade release A --exchange DIR            nbgrader release_assignment
    netnot-grade collect A --exchange DIR            nbgrader collect (roster students only)
    netnot-grade zip_collect A DOWNLOAD.zip [...] [--lms canvas] [--times T.csv] [--id-map M.csv]
    netnot-grade autograde A [--student ID] [--force] [--jobs N] [--no-sandbox]
    netnot-grade manual_grade A STUDENT GRADE_ID SCORE [--comment TEXT]
    netnot-grade generate_feedback A [--student ID]
    netnot-grade zip_feedback A [--lms canvas,moodle]   feedback zips for the LMS bulk upload
    netnot-grade export A [--title T] [--canvas-id N] [--canvas-id-column "SIS User ID"]
    netnot-grade report A
    netnot-grade statuses                            what each status means, what to do

Every verb except init and statuses works on the grading folder given by --folder (default:
the current folder). A verb is a function ``cmd_<name>(folder, args) -> int`` plus an entry in
``VERBS``; ``main`` turns every expected error into one line that says what to do.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from .folder import FolderError, GradingFolder
from .sandbox import Limits
from .startup import prepare_process
from .status import plural

# ---- setting up --------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from .folder import init

    folder = init(Path(args.folder), Path(args.repo), args.assignment)
    names = sorted(p.name for p in folder.source("").iterdir())
    print(f"grading folder ready: {folder.root}\nassignments: {', '.join(names)}\nnext:\n"
          f"  cd {folder.root}\n  netnot-grade db student import roster.csv\n"
          f"  netnot-grade generate_assignment {names[0]}\n"
          f"  (put submissions in submitted/<student_id>/{names[0]}/)\n"
          f"  netnot-grade autograde {names[0]}")
    return 0


def cmd_db(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .folder import read_roster

    count = folder.import_roster(read_roster(Path(args.file)))
    print(f"imported {plural(count, 'student')}")
    return 0


def cmd_generate_assignment(folder: GradingFolder, args: argparse.Namespace) -> int:
    folder.generate_assignment(args.assignment)
    print(f"released {args.assignment} to {folder.release(args.assignment)}")
    return 0


def cmd_duedate(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .late import set_due

    when = set_due(folder, args.assignment, args.due, args.points_per_hour, args.timezone)
    print(f"{args.assignment} is due {when:%Y-%m-%d %H:%M} UTC; late submissions lose "
          f"{args.points_per_hour:g} point(s) per started hour (set before autograde)")
    return 0


# ---- collecting --------------------------------------------------------------------------

def cmd_release(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .exchange import release

    release(folder, args.assignment, Path(args.exchange))
    print(f"released {args.assignment} to the exchange {args.exchange}")
    return 0


def cmd_collect(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .exchange import collect

    found = collect(folder, args.assignment, Path(args.exchange))
    print(f"collected {plural(len(found.collected), 'submission')} into submitted/")
    if found.unknown:
        print(f"NOT collected (not on the roster): {', '.join(found.unknown)}")
    return 0


def cmd_zip_collect(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .lms import CONVENTIONS, read_pairs, zip_collect

    lms = args.lms.split(",") if args.lms else list(CONVENTIONS)
    unknown = [name for name in lms if name not in CONVENTIONS]
    if unknown:
        raise ValueError(f"unknown LMS {unknown}; choose from {list(CONVENTIONS)}")
    id_map = read_pairs(Path(args.id_map), "lms_id", "student_id") if args.id_map else None
    times = read_pairs(Path(args.times), "student_id", "timestamp") if args.times else None
    entries = zip_collect(folder, args.assignment, [Path(z) for z in args.zip],
                          conventions=lms, id_map=id_map, times=times, timezone=args.timezone)
    taken = sorted({e.student_id for e in entries if e.accepted})
    refused = [e for e in entries if not e.accepted]
    print(f"collected the submissions of {plural(len(taken), 'student')}; refused "
          f"{plural(len(refused), 'file')}")
    for e in refused:
        print(f"  refused {e.archive}:{e.name}: {e.problem}")
    for e in entries:
        if e.accepted and e.note:
            print(f"  note {e.archive}:{e.name}: {e.note}")
    print(f"details: reports/{args.assignment}/collect.csv")
    return 0


# ---- grading -----------------------------------------------------------------------------

def cmd_autograde(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .autograde import autograde
    from .progress_bar import ProgressBar

    limits = Limits(cpu_seconds=args.cpu_seconds, memory_mb=args.memory_mb,
                    processes=args.processes)
    autograde(folder, args.assignment, students=args.student, jobs=args.jobs,
              force=args.force, use_sandbox=not args.no_sandbox, limits=limits,
              student_timeout=args.student_timeout, progress=ProgressBar(quiet=args.quiet))
    report = folder.reports(args.assignment)
    print((report / "summary.txt").read_text().rstrip())
    print(f"statuses: {report / 'status.csv'}")
    return 0


def cmd_manual_grade(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .manual import set_manual_score

    total = set_manual_score(folder, args.assignment, args.student, args.grade_id,
                             args.score, args.comment)
    print(f"{args.student}: {args.grade_id} = {args.score:g}; assignment score now {total:g}")
    return 0


# ---- giving back -------------------------------------------------------------------------

def cmd_generate_feedback(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .feedback import generate

    result = generate(folder, args.assignment, args.student)
    print(f"wrote {plural(len(result.written), 'feedback page')} in "
          f"feedback/<student>/{args.assignment}/")
    for student, why in sorted(result.failed.items()):
        print(f"NO feedback for {student}: nbgrader failed on that notebook ({why}); "
              f"log: {result.log}", file=sys.stderr)
    for page, lines in result.withheld.items():
        print(f"WITHHELD {page}: it showed hidden-test lines {lines[:3]}", file=sys.stderr)
    return 1 if result.withheld or result.failed else 0


def cmd_zip_feedback(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .lms_feedback import FORMATS, write_feedback_zips

    formats = tuple(args.lms.split(",")) if args.lms else FORMATS
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise ValueError(f"no bulk feedback upload for {unknown}; choose from {list(FORMATS)}")
    written, elsewhere = write_feedback_zips(folder, args.assignment, formats)
    for made in written:
        print(f"{made.lms}: {made.path} ({plural(len(made.students), 'student')})")
    if not written:
        print("no feedback zip written: no feedback page belongs to a student collected "
              "from an LMS download (run generate_feedback, and zip_collect for LMS students)")
    if elsewhere:
        print(f"not in any LMS download (give their pages back another way): "
              f"{', '.join(elsewhere)}")
    return 0


def cmd_export(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .export import export

    paths = export(folder, args.assignment, title=args.title, canvas_id=args.canvas_id,
                   canvas_id_column=args.canvas_id_column)
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def cmd_report(folder: GradingFolder, args: argparse.Namespace) -> int:
    from .report import write

    print(f"class report: {write(folder, args.assignment)}")
    return 0


def cmd_statuses(args: argparse.Namespace) -> int:
    from .status import markdown_table

    print(markdown_table())
    return 0


# ---- arguments ---------------------------------------------------------------------------

def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1; got {text}")
    return value


def _folder(p: argparse.ArgumentParser) -> None:
    p.add_argument("--folder", default=".", help="the grading folder (default: here)")


def _assignment(p: argparse.ArgumentParser) -> None:
    p.add_argument("assignment")
    _folder(p)


def _setup_init(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="the grading folder to create, outside the repository")
    p.add_argument("--repo", default=".", help="the course repository (default: here)")
    p.add_argument("--assignment", action="append", help="only this assignment (repeatable)")


def _setup_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("table", choices=["student"])
    p.add_argument("action", choices=["import"])
    p.add_argument("file", help="CSV with columns id,last_name,first_name,email")
    _folder(p)


def _setup_duedate(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("due", help='e.g. "2025-01-11 09:15" (in --timezone)')
    p.add_argument("--timezone", default="UTC")
    p.add_argument("--points-per-hour", type=float, default=1.0)


def _setup_exchange(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("--exchange", required=True, help="nbgrader's exchange folder (Exchange.root)")


def _setup_zip(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("zip", nargs="+", help="bulk download(s) from the LMS")
    p.add_argument("--lms", help="conventions to try, comma-separated "
                                 "(blackboard,moodle,canvas; default: all)")
    p.add_argument("--id-map", help="CSV lms_id,student_id (when LMS ids are not roster ids)")
    p.add_argument("--times", help="CSV student_id,timestamp (submission times, for late "
                                   "penalties, when the file names carry none)")
    p.add_argument("--timezone", default="UTC", help="zone of times without an offset")


def _setup_autograde(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("--student", action="append", help="only these students (glob, repeatable)")
    p.add_argument("--force", action="store_true", help="regrade students already graded")
    p.add_argument("--jobs", type=_positive, default=None,
                   help="students graded at once (default: the number of cores)")
    p.add_argument("--no-sandbox", action="store_true",
                   help="grade WITHOUT the bubblewrap sandbox (said in the report)")
    p.add_argument("--memory-mb", type=_positive, default=Limits.memory_mb,
                   help=f"memory per kernel (default {Limits.memory_mb})")
    p.add_argument("--cpu-seconds", type=_positive, default=Limits.cpu_seconds,
                   help=f"CPU time per kernel (default {Limits.cpu_seconds})")
    p.add_argument("--processes", type=_positive, default=Limits.processes,
                   help=f"processes and threads per kernel (default {Limits.processes})")
    p.add_argument("--student-timeout", type=_positive, default=1800,
                   help="stop grading a student after this many seconds (default 1800)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _setup_manual(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("student")
    p.add_argument("grade_id", help="the cell's nbgrader grade_id, e.g. part-d-answer")
    p.add_argument("score", type=float)
    p.add_argument("--comment")


def _setup_feedback(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("--student", help="only this student")


def _setup_zip_feedback(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("--lms", help="canvas, moodle or both, comma-separated (default: both)")


def _setup_export(p: argparse.ArgumentParser) -> None:
    _assignment(p)
    p.add_argument("--title", help="the assignment's name in the LMS (default: its id)")
    p.add_argument("--canvas-id", default="", help="Canvas assignment id, for its column")
    p.add_argument("--canvas-id-column", default="ID", choices=["ID", "SIS User ID"],
                   help="Canvas column that holds the roster id")


Setup = Callable[[argparse.ArgumentParser], None]
# name: (summary, argument set-up, command, works on a grading folder)
VERBS: dict[str, tuple[str, Setup, Callable[..., int], bool]] = {
    "init": ("set up a grading folder from the repo's solutions/", _setup_init, cmd_init,
             False),
    "quickstart": ("same as init", _setup_init, cmd_init, False),
    "db": ("import the roster: db student import roster.csv", _setup_db, cmd_db, True),
    "generate_assignment": ("make release/<a>/ and the gradebook entry", _assignment,
                            cmd_generate_assignment, True),
    "duedate": ("set the due date and the late penalty (before autograde)", _setup_duedate,
                cmd_duedate, True),
    "release": ("publish release/<a>/ to nbgrader's exchange", _setup_exchange, cmd_release,
                True),
    "collect": ("collect submissions from nbgrader's exchange", _setup_exchange, cmd_collect,
                True),
    "zip_collect": ("collect an LMS bulk download (unsafe files refused)", _setup_zip,
                    cmd_zip_collect, True),
    "autograde": ("grade every submission, in parallel and sandboxed", _setup_autograde,
                  cmd_autograde, True),
    "manual_grade": ("set the points of one written answer (scripted formgrader)",
                     _setup_manual, cmd_manual_grade, True),
    "generate_feedback": ("feedback pages without hidden tests", _setup_feedback,
                          cmd_generate_feedback, True),
    "zip_feedback": ("feedback pages as Canvas/Moodle bulk-upload zips", _setup_zip_feedback,
                     cmd_zip_feedback, True),
    "export": ("grades.csv, canvas.csv and moodle.csv", _setup_export, cmd_export, True),
    "report": ("the class report (HTML with figures)", _assignment, cmd_report, True),
    "statuses": ("what each grading status means and what to do", lambda p: None,
                 cmd_statuses, False),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="netnot-grade", description=__doc__.splitlines()[0])
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB")
    for name, (summary, setup, run, on_folder) in VERBS.items():
        sub = verbs.add_parser(name, help=summary, description=summary)
        setup(sub)
        sub.set_defaults(run=run, on_folder=on_folder)
    return top


class Terminated(KeyboardInterrupt):
    """SIGTERM (``timeout``, ``kill``, a batch scheduler): stop as cleanly as on Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    prepare_process()
    from .autograde import SandboxUnavailable

    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        if args.on_folder:
            return args.run(GradingFolder.open(args.folder), args)
        return args.run(args)
    except SandboxUnavailable as err:
        print(f"netnot-grade {args.verb}: {err}", file=sys.stderr)
        return 2
    except (FolderError, ValueError, RuntimeError, OSError, KeyError) as err:
        print(f"netnot-grade {args.verb}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as stop:
        how = "stopped (SIGTERM)" if isinstance(stop, Terminated) else "interrupted"
        print(f"\nnetnot-grade: {how}; finished students are saved and working copies "
              "removed. Run the same command again to go on.", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
