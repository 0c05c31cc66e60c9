"""Generate the student versions in exercises/ from the instructor sources in solutions/.

    python scripts/release.py                        # every assignment, graded (exercises/)
    python scripts/release.py 02-not-a-quick-fix     # some of them
    python scripts/release.py --self-study [--out build/self-study] [names ...]

Uses nbgrader's own generate_assignment (answers become stubs, hidden tests are removed, cells
are locked and checksummed). The gradebook it needs is a throwaway file in a temporary folder.

The default is the GRADED release: no worked solutions anywhere in it (this is what exercises/
holds). ``--self-study`` writes a release for learners on their own, elsewhere: the same
notebooks plus a "show a worked solution" per part (netnot.answers.selfstudy), taken from the
source notebook after running it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader

from netnot.grading.gradebook import find_alembic

ROOT = Path(__file__).resolve().parents[1]
SELF_STUDY = ROOT / "build" / "self-study"
find_alembic()  # nbgrader runs the `alembic` command of this Python's environment


def assignments(root: Path = ROOT) -> list[str]:
    """Every assignment: the folders in solutions/ that hold a notebook of the same name."""
    return sorted(p.parent.name for p in (root / "solutions").glob("*/*.ipynb")
                  if p.stem == p.parent.name)


def generate(names: list[str], release_dir: Path, root: Path = ROOT) -> None:
    """Write the student versions of ``names`` into ``release_dir``/<name>/."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    with tempfile.TemporaryDirectory() as scratch:
        config.CourseDirectory.root = str(root)
        config.CourseDirectory.release_directory = str(release_dir)
        config.CourseDirectory.db_url = f"sqlite:///{Path(scratch) / 'gradebook.db'}"
        config.GenerateAssignment.create_assignment = True
        api = NbGraderAPI(CourseDirectory(config=config), config=config)
        for name in names:
            target = release_dir / name
            if target.exists():
                shutil.rmtree(target)
            result = api.generate_assignment(name, force=True)
            if not result["success"]:
                raise SystemExit(f"nbgrader could not generate {name}:\n{result['log']}\n"
                                 f"{result.get('error', '')}")


def executed_source(name: str, root: Path = ROOT) -> nbformat.NotebookNode:
    """The instructor's notebook after running it (in a scratch copy of its folder)."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / name
        shutil.copytree(root / "solutions" / name, folder)
        nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
        NotebookClient(nb, timeout=120, kernel_name="python3", store_widget_state=False,
                       resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def generate_self_study(names: list[str], out: Path, root: Path = ROOT) -> None:
    """The graded release of ``names`` plus their worked solutions, in ``out``/<name>/."""
    from netnot.answers.selfstudy import add_worked_solutions

    generate(names, out, root)
    for name in names:
        path = out / name / f"{name}.ipynb"
        source = nbformat.read(root / "solutions" / name / f"{name}.ipynb", as_version=4)
        release = nbformat.read(path, as_version=4)
        nbformat.write(add_worked_solutions(release, source, executed_source(name, root)), path)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="assignments (default: all)")
    parser.add_argument("--self-study", action="store_true",
                        help="add a 'show a worked solution' per part (never for grading)")
    parser.add_argument("--out", type=Path, help=f"with --self-study (default: {SELF_STUDY})")
    args = parser.parse_args(argv)
    names = args.names or assignments()
    if args.self_study:
        out = (args.out or SELF_STUDY).resolve()
        if out == (ROOT / "exercises").resolve():
            parser.error("exercises/ holds the graded release: choose another --out")
        generate_self_study(names, out)
        print(f"self-study release (with worked solutions) in {out}:", ", ".join(names))
        return 0
    if args.out:
        parser.error("--out goes with --self-study; the graded release is always exercises/")
    generate(names, ROOT / "exercises")
    print("generated:", ", ".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
