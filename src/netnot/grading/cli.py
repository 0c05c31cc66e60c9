"""`netnot-grade`: the instructor's grading tool, in nbgrader's vocabulary.

    netnot-grade init FOLDER [--repo REPO]           set up a grading folder (alias: quickstart)
    netnot-grade db student import ROSTER.csv        roster: id,last_name,first_name,email
    netnot-grade generate_assignment A               nbgrader generate_assignment
    netnot-grade autograde A [--student ID] [--force] [--jobs N] [--no-sandbox]

Every verb except init works on the grading folder given by --folder (default: the current
folder). A new verb is a function ``name(args) -> int`` plus an entry in ``VERBS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .folder import FolderError, GradingFolder, init, read_roster
from .sandbox import Limits


def _folder(args: argparse.Namespace) -> GradingFolder:
    folder = GradingFolder(Path(args.folder).resolve())
    folder.check()
    return folder


def cmd_init(args: argparse.Namespace) -> int:
    folder = init(Path(args.folder), Path(args.repo), args.assignment)
    names = sorted(p.name for p in (folder.root / "source").iterdir())
    print(f"grading folder ready: {folder.root}\nassignments: {', '.join(names)}\nnext:\n"
          f"  cd {folder.root}\n  netnot-grade db student import roster.csv\n"
          f"  netnot-grade generate_assignment {names[0]}\n"
          f"  (put submissions in submitted/<student_id>/{names[0]}/)\n"
          f"  netnot-grade autograde {names[0]}")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from .gradebook import import_roster

    count = import_roster(_folder(args), read_roster(Path(args.file)))
    print(f"imported {count} students")
    return 0


def cmd_generate_assignment(args: argparse.Namespace) -> int:
    from .gradebook import generate_assignment

    folder = _folder(args)
    generate_assignment(folder, args.assignment)
    print(f"released {args.assignment} to {folder.release(args.assignment)}")
    return 0


def cmd_autograde(args: argparse.Namespace) -> int:
    from .autograde import SandboxUnavailable, autograde
    from .progress import Progress

    folder = _folder(args)
    limits = Limits(cpu_seconds=args.cpu_seconds, memory_mb=args.memory_mb,
                    processes=args.processes)
    try:
        autograde(folder.root, args.assignment, students=args.student,
                            jobs=args.jobs, force=args.force, use_sandbox=not args.no_sandbox,
                            limits=limits, progress=Progress(quiet=args.quiet))
    except SandboxUnavailable as err:
        print(f"netnot-grade: {err}", file=sys.stderr)
        return 2
    report = folder.report(args.assignment)
    print((report / "summary.txt").read_text().rstrip())
    print(f"statuses: {report / 'status.csv'}")
    return 0


def _add_folder(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--folder", default=".", help="the grading folder (default: here)")


def _setup_init(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="the grading folder to create, outside the repository")
    p.add_argument("--repo", default=".", help="the course repository (default: here)")
    p.add_argument("--assignment", action="append", help="only this assignment (repeatable)")


def _setup_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("table", choices=["student"])
    p.add_argument("action", choices=["import"])
    p.add_argument("file", help="CSV with columns id,last_name,first_name,email")
    _add_folder(p)


def _setup_generate(p: argparse.ArgumentParser) -> None:
    p.add_argument("assignment")
    _add_folder(p)


def _setup_autograde(p: argparse.ArgumentParser) -> None:
    p.add_argument("assignment")
    _add_folder(p)
    p.add_argument("--student", action="append", help="only these students (glob, repeatable)")
    p.add_argument("--force", action="store_true", help="regrade students already graded")
    p.add_argument("--jobs", type=int, default=None, help="parallel students (default: cores)")
    p.add_argument("--no-sandbox", action="store_true",
                   help="grade WITHOUT the bubblewrap sandbox (said in the report)")
    p.add_argument("--memory-mb", type=int, default=Limits.memory_mb)
    p.add_argument("--cpu-seconds", type=int, default=Limits.cpu_seconds)
    p.add_argument("--processes", type=int, default=Limits.processes)
    p.add_argument("--quiet", action="store_true", help="no progress bar")


Setup = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]
VERBS: dict[str, tuple[str, Setup, Run]] = {
    "init": ("set up a grading folder from the repo's solutions/", _setup_init, cmd_init),
    "quickstart": ("same as init", _setup_init, cmd_init),
    "db": ("import the roster: db student import roster.csv", _setup_db, cmd_db),
    "generate_assignment": ("make release/<a>/ and the gradebook entry", _setup_generate,
                            cmd_generate_assignment),
    "autograde": ("grade every submission, in parallel and sandboxed", _setup_autograde,
                  cmd_autograde),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="netnot-grade", description=__doc__.splitlines()[0])
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB")
    for name, (summary, setup, run) in VERBS.items():
        sub = verbs.add_parser(name, help=summary, description=summary)
        setup(sub)
        sub.set_defaults(run=run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except FolderError as err:
        print(f"netnot-grade: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nnetnot-grade: interrupted; finished students are saved. Run the same command "
              "again to go on.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
