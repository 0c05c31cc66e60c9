"""Generate the student versions in exercises/ from the instructor sources in solutions/.

    python scripts/release.py            # every assignment
    python scripts/release.py 02-not-a-quick-fix [...]

Uses nbgrader's own generate_assignment (answers become stubs, hidden tests are removed, cells
are locked and checksummed). The gradebook it needs is a throwaway file in a temporary folder.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader

from netnot.grading.gradebook import find_alembic

ROOT = Path(__file__).resolve().parents[1]
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


def main(argv: list[str]) -> int:
    names = argv or assignments()
    generate(names, ROOT / "exercises")
    print("generated:", ", ".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
