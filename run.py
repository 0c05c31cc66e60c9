"""Set up the course in a local virtual environment, then open it or test it.

    python3 run.py open    install the course and open JupyterLab on the first lesson
    python3 run.py learn   the same, in learner mode: the lessons live, with no code in sight
    python3 run.py test    install the course with its test tools and run every test
    python3 run.py teach   JupyterLab with nbgrader's instructor tools (formgrader, create
                           assignment, validate), for instructors

Only Python 3.11+ is needed; everything else goes into ./.venv.
Extra arguments after `test` are passed to pytest; after the others, to JupyterLab.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
FIRST_LESSON = "course/00-start-here.ipynb"
# Jupyter settings shipped with the course (jupyter/README.md): data files that a regular install
# puts into the environment, and the configuration folder that hides instructor tools.
DATA_FILES = ROOT / "jupyter"
LEARNER_CONFIG = DATA_FILES / "learner"
LANDING = {
    "open": f"/lab/tree/{FIRST_LESSON}",
    "learn": f"/voila/render/{FIRST_LESSON}",
    "teach": f"/lab/tree/{FIRST_LESSON}",
}


def venv_bin(name: str) -> str:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return str(VENV / folder / f"{name}{suffix}")


def venv_env(learner: bool = False) -> dict[str, str]:
    """The environment with the virtual environment's commands first on PATH; for a learner,
    Jupyter also reads jupyter/learner/ (no instructor tools)."""
    folder = str(Path(venv_bin("python")).parent)
    env = {**os.environ, "PATH": os.pathsep.join([folder, os.environ.get("PATH", "")])}
    if learner:
        paths = [str(LEARNER_CONFIG), env.get("JUPYTER_CONFIG_PATH", "")]
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, paths))
    return env


def copy_data_files(prefix: Path = VENV) -> None:
    """Copy jupyter/share and jupyter/etc into ``prefix`` (an editable install skips them)."""
    for part in ("share", "etc"):
        shutil.copytree(DATA_FILES / part, prefix / part, dirs_exist_ok=True)


def trust_lessons(env: dict[str, str] | None = None) -> None:
    """Mark the lessons as trusted (`jupyter trust`), as if the learner had run them: JupyterLab's
    Learner mode button (Voilà's "open in a new tab") asks first about an untrusted notebook."""
    lessons = sorted(str(p) for p in (ROOT / "course").glob("*.ipynb"))
    if lessons:
        subprocess.run([venv_bin("jupyter"), "trust", *lessons], cwd=ROOT, check=True,
                       env=env or venv_env(), stdout=subprocess.DEVNULL)


def install(extra: str = "") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - a clear message on an old Python
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not Path(venv_bin("python")).exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.create(VENV, with_pip=True)
    target = f".[{extra}]" if extra else "."
    print(f"Installing the course ({target}) ...", flush=True)
    pip = [venv_bin("python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    # uv (from PyPI) installs the same packages several times faster than pip; pip is the
    # fallback wherever uv cannot be installed or fails.
    has_uv = Path(venv_bin("uv")).exists() or subprocess.run(
        [*pip, "uv"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    ).returncode == 0
    uv = [venv_bin("uv"), "pip", "install", "--quiet", "--python", venv_bin("python")]
    if not has_uv or subprocess.run([*uv, "-e", target], cwd=ROOT).returncode != 0:
        subprocess.run([*pip, "-e", target], cwd=ROOT, check=True)
    copy_data_files()


def lab_command(jupyter: str, verb: str = "open") -> list[str]:
    """JupyterLab serving the whole repository (lessons and exercises), landing on the first
    lesson: in JupyterLab (`open`, `teach`) or in learner mode (`learn`)."""
    args = [jupyter, "lab", f"--LabApp.default_url={LANDING[verb]}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    return args


def main(argv: list[str]) -> int:
    verb = argv[0] if argv else ""
    if verb in LANDING:
        install()
        command = lab_command(venv_bin("jupyter"), verb) + argv[1:]
        env = venv_env(learner=verb != "teach")
        trust_lessons(env)
        return subprocess.run(command, cwd=ROOT, env=env).returncode
    if verb == "test":
        install("test")
        pytest = [venv_bin("python"), "-m", "pytest", *argv[1:]]
        return subprocess.run(pytest, cwd=ROOT, env=venv_env()).returncode
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
