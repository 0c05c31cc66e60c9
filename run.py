"""Set up the course in a local virtual environment, then open it or test it.

    python3 run.py open    install the course and open JupyterLab on the first lesson
    python3 run.py test    install the course with its test tools and run every test

Only Python 3.11+ is needed; everything else goes into ./.venv.
Extra arguments after `test` are passed to pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
FIRST_LESSON = "course/00-start-here.ipynb"


def venv_bin(name: str) -> str:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return str(VENV / folder / f"{name}{suffix}")


def venv_env() -> dict[str, str]:
    """The environment with the virtual environment's commands first on PATH."""
    folder = str(Path(venv_bin("python")).parent)
    return {**os.environ, "PATH": os.pathsep.join([folder, os.environ.get("PATH", "")])}


def install(extra: str = "") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - a clear message on an old Python
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not Path(venv_bin("python")).exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.create(VENV, with_pip=True)
    target = f".[{extra}]" if extra else "."
    print(f"Installing the course ({target}) ...", flush=True)
    pip = [venv_bin("python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", target], cwd=ROOT, check=True)


def lab_command(jupyter: str) -> list[str]:
    """JupyterLab serving the whole repository (lessons and exercises), open on the first lesson."""
    args = [jupyter, "lab", f"--LabApp.default_url=/lab/tree/{FIRST_LESSON}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    return args


def main(argv: list[str]) -> int:
    verb = argv[0] if argv else ""
    if verb == "open":
        install()
        return subprocess.run(lab_command(venv_bin("jupyter")), cwd=ROOT, env=venv_env()).returncode
    if verb == "test":
        install("test")
        pytest = [venv_bin("python"), "-m", "pytest", *argv[1:]]
        return subprocess.run(pytest, cwd=ROOT, env=venv_env()).returncode
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
