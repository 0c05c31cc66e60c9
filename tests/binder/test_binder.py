"""The Binder launch environment, tested without Docker.

Static checks: binder/requirements.txt pins every package exactly, covers every direct dependency
of pyproject.toml within its range, and the scripts follow repo2docker's rules. Slow checks:
repo2docker accepts the configuration (--no-build), and a fresh virtual environment built the way
Binder builds it (requirements.txt, then postBuild) is consistent (`pip check`), holds only pinned
packages, has the widgets extension enabled, and runs the landing lesson and the largest two.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][^\s;#]*)$")
# Not pinned on purpose (pip-compile leaves them out too), and the course package itself.
UNPINNED_OK = {"pip", "setuptools", "wheel", "netnot"}
LESSONS = sorted((ROOT / "course").glob("*.ipynb"))
# Run in the Binder environment: the landing lesson and the two that use the most widgets and
# figures. (nbval runs every lesson in the test environment, whose versions are Binder's pins
# or newer; here the point is the pinned set and the installed, not editable, package.)
BINDER_LESSONS = [p for p in LESSONS if p.name[:2] in ("00", "04", "05")]


def pins() -> dict[str, Version]:
    found: dict[str, Version] = {}
    for number, raw in enumerate((BINDER / "requirements.txt").read_text().splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        assert match, f"requirements.txt line {number} is not an exact pin: {raw!r}"
        name = canonicalize_name(match[1])
        assert name not in found, f"{name} is pinned twice"
        found[name] = Version(match[2])
    return found


def test_requirements_pin_every_package_exactly() -> None:
    assert len(pins()) > 50, "expected a full pip-compile-style list, not just the direct pins"


def test_direct_dependencies_are_pinned_within_pyproject_ranges() -> None:
    pinned = pins()
    direct = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
    assert direct
    for requirement in direct:
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{name} (a pyproject dependency) is not pinned for Binder"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"Binder pins {name}=={pinned[name]} outside pyproject's {requirement}"
        )
    # The base image's older copies must be replaced, as a matching set (notebook 7.4 would keep
    # jupyterlab<4.5, and the widgets need their lab extension).
    widgets = ("ipywidgets", "jupyterlab-widgets", "widgetsnbextension")
    for name in ("jupyterlab", "notebook", *widgets):
        assert name in pinned, f"{name} must be pinned next to jupyterlab"
    assert pinned["jupyterlab"].release[:2] == (4, pinned["notebook"].release[1])


def test_runtime_matches_requires_python() -> None:
    runtime = (BINDER / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(\d+)\.(\d+)", runtime)
    assert match, f"runtime.txt should read like python-3.11; got {runtime!r}"
    requires = Requirement(f"python{PYPROJECT['project']['requires-python']}")
    assert requires.specifier.contains(f"{match[1]}.{match[2]}.0")


def test_scripts_follow_repo2docker_rules() -> None:
    for name in ("postBuild", "start"):
        script = BINDER / name
        text = script.read_text()
        assert text.startswith("#!/bin/bash\n"), f"{name} must start with #!/bin/bash"
        assert script.stat().st_mode & stat.S_IXUSR, f"{name} must be executable"
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    assert "set -euo pipefail" in (BINDER / "postBuild").read_text()
    assert "pip install --no-deps" in (BINDER / "postBuild").read_text()
    lines = [x for x in (BINDER / "start").read_text().splitlines() if x.strip()]
    assert lines[-1] == 'exec "$@"', "start must end with exec \"$@\""
    assert not (ROOT / ".binder").exists(), "binder/ and .binder/ together are an error"


# --- repo2docker, no Docker needed ----------------------------------------------------------

def repo2docker(path: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("jupyter-repo2docker", path=str(Path(sys.executable).parent))
    exe = exe or shutil.which("jupyter-repo2docker")
    assert exe, "jupyter-repo2docker is missing: it is in the `test` extra (pip install -e .[test])"
    args = [exe, "--no-build", "--no-run", "--debug", "--user-id", "1000", "--user-name", "jovyan"]
    return subprocess.run([*args, str(path)], capture_output=True, text=True, timeout=120)


def copy_repo(target: Path) -> Path:
    skip = shutil.ignore_patterns(
        ".git", ".venv", "test-artifacts", "build", "dist", "*.egg-info", "__pycache__",
        ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints", ".netnot-*",
    )
    shutil.copytree(ROOT, target, ignore=skip)
    return target


@pytest.mark.slow
def test_repo2docker_accepts_the_configuration() -> None:
    result = repo2docker(ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Building conda environment for python=3.11" in output
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in output
    assert "RUN ./binder/postBuild" in output
    assert 'R2D_ENTRYPOINT="${REPO_DIR}/binder/start"' in output
    assert "Python version unspecified" not in output


@pytest.mark.slow
def test_repo2docker_refuses_a_broken_configuration(tmp_path: Path) -> None:
    copy = copy_repo(tmp_path / "repo")
    (copy / "binder" / "runtime.txt").write_text("python-3.99\n")
    result = repo2docker(copy)
    assert result.returncode != 0
    assert "3.99" in result.stdout + result.stderr


# --- a fresh environment, built the way Binder builds it -----------------------------------

def clean_env(venv: Path, data_dir: Path) -> dict[str, str]:
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV")
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("JUPYTER")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_DATA_DIR"] = str(data_dir)  # hide kernelspecs from the user's home
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} -> {result.returncode}\n{result.stdout[-3000:]}\n"
        f"{result.stderr[-3000:]}"
    )
    return result


class BinderEnv:
    def __init__(self, base: Path) -> None:
        self.repo = copy_repo(base / "repo")
        self.venv = base / "venv"
        self.env = clean_env(self.venv, base / "jupyter-data")
        self.python = str(self.venv / "bin" / "python")

    def run(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return run(list(args), env=self.env, **kwargs)


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory: pytest.TempPathFactory) -> BinderEnv:
    built = BinderEnv(tmp_path_factory.mktemp("binder"))
    run([sys.executable, "-m", "venv", str(built.venv)])
    requirements = str(built.repo / "binder" / "requirements.txt")
    # Binder installs requirements.txt with pip; uv (run.py puts it in .venv) installs the same
    # exact pins several times faster, and `pip check` below judges the result as pip would.
    uv = shutil.which("uv", path=str(Path(sys.executable).parent))
    install = [uv, "pip", "install", "--python", built.python] if uv else \
        [built.python, "-m", "pip", "install", "--no-compile"]
    built.run(*install, "-q", "-r", requirements, timeout=1800)
    built.run("bash", str(built.repo / "binder" / "postBuild"), cwd=built.repo, timeout=600)
    return built


@pytest.mark.slow
def test_binder_env_is_consistent(binder_env: BinderEnv) -> None:
    binder_env.run(binder_env.python, "-m", "pip", "check")


@pytest.mark.slow
def test_binder_env_holds_only_pinned_packages(binder_env: BinderEnv) -> None:
    frozen = binder_env.run(binder_env.python, "-m", "pip", "list", "--format=json").stdout
    installed = {canonicalize_name(p["name"]): Version(p["version"]) for p in json.loads(frozen)}
    pinned = pins()
    assert "netnot" in installed, "postBuild did not install the course package"
    unpinned = sorted(set(installed) - set(pinned) - UNPINNED_OK)
    assert not unpinned, f"installed but not pinned in binder/requirements.txt: {unpinned}"
    drifted = {n: (str(installed[n]), str(v)) for n, v in pinned.items() if installed.get(n) != v}
    assert not drifted, f"installed (left) differs from the pin (right): {drifted}"


@pytest.mark.slow
def test_binder_env_has_the_widgets_extension_enabled(binder_env: BinderEnv) -> None:
    result = binder_env.run(str(binder_env.venv / "bin" / "jupyter"), "labextension", "list")
    listing = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    manager = "@jupyter-widgets/jupyterlab-manager"
    widgets = [line for line in listing.splitlines() if manager in line]
    assert widgets, listing
    assert "enabled" in widgets[0] and "OK" in widgets[0], widgets[0]
    assert re.search(r"@jupyter/nbgrader v\S+ enabled\s+OK", listing), listing
    assert "@jupyter/nbgrader:formgrader" in listing.split("Disabled extensions:")[-1], listing


@pytest.mark.slow
def test_binder_env_runs_the_landing_lesson_and_the_largest(binder_env: BinderEnv,
                                                            tmp_path: Path) -> None:
    assert len(BINDER_LESSONS) == 3, "lessons 00, 04 and 05 are in course/"
    course = binder_env.repo / "course"
    runner = tmp_path / "run_lessons.py"
    runner.write_text(RUNNER)
    result = binder_env.run(
        binder_env.python, str(runner), *[str(course / p.name) for p in BINDER_LESSONS],
        cwd=course, timeout=1800,
    )
    lines = result.stdout.splitlines()
    where = json.loads(lines[0])
    assert where["prefix"] == str(binder_env.venv), "the kernel is not the Binder environment's"
    assert "site-packages" in where["netnot"], "netnot came from the source tree, not postBuild"
    assert lines[1:] == [f"ran {p.name}" for p in BINDER_LESSONS]


RUNNER = '''
import json, sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    "import json, sys, netnot; print(json.dumps({'prefix': sys.prefix, 'netnot': netnot.__file__}))"
)])
NotebookClient(probe, kernel_name="python3", timeout=120).execute()
print(probe.cells[0].outputs[0]["text"].strip(), flush=True)
for name in sys.argv[1:]:
    path = Path(name)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name="python3", timeout=600,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, with the traceback, if any cell fails
    print("ran", path.name, flush=True)
'''


# Packages that only the Binder base image brings, and that stay next to ours: their conda names
# in repo2docker's lock file, and their names on PyPI.
BASE_EXTRAS = {
    "jupyter-offlinenotebook": "jupyter-offlinenotebook",
    "jupyter-resource-usage": "jupyter-resource-usage",
    "jupyterhub-base": "jupyterhub",  # mybinder.org starts sessions with jupyterhub-singleuser
}


def base_image_versions() -> dict[str, str]:
    """Versions of BASE_EXTRAS in the installed repo2docker's conda lock for Python 3.11."""
    spec = importlib.util.find_spec("repo2docker")  # locate it without importing it
    assert spec and spec.origin, "jupyter-repo2docker is missing: it is in the `test` extra"
    lock = Path(spec.origin).parent / "buildpacks/conda/environment.py-3.11-linux-64.lock"
    found = {}
    for conda_name, pypi_name in BASE_EXTRAS.items():
        match = re.search(rf"/{re.escape(conda_name)}-(\d[^-]*)-[^/]*\.conda", lock.read_text())
        assert match, f"{conda_name} not in {lock.name}"
        found[pypi_name] = match[1]
    return found


@pytest.mark.slow
def test_binder_env_keeps_the_base_image_extensions_working(
    binder_env: BinderEnv, tmp_path: Path
) -> None:
    """Our pins upgrade the Jupyter stack; the base image's own extras must still be satisfied."""
    import zipfile
    from email.parser import Parser

    versions = base_image_versions()
    binder_env.run(
        binder_env.python, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
        "-d", str(tmp_path), *[f"{name}=={v}" for name, v in versions.items()], timeout=600,
    )
    listing = binder_env.run(binder_env.python, "-m", "pip", "list", "--format=json").stdout
    installed = {canonicalize_name(p["name"]): Version(p["version"]) for p in json.loads(listing)}
    conflicts, checked = [], 0
    wheels = sorted(tmp_path.glob("*.whl"))
    assert len(wheels) == len(versions), wheels
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = Parser().parsestr(archive.read(name).decode())
        for line in metadata.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            have = installed.get(canonicalize_name(requirement.name))
            checked += have is not None
            if have is not None and not requirement.specifier.contains(have, prereleases=True):
                conflicts.append(f"{wheel.name} needs {requirement}; Binder would have {have}")
    assert not conflicts, "\n".join(conflicts)
    assert checked >= 10, "the base extras share too few requirements with us to test anything"


def test_start_caps_blas_threads_and_runs_the_command() -> None:
    result = subprocess.run(
        ["bash", str(BINDER / "start"), "env"], capture_output=True, text=True, timeout=30,
        env={"PATH": os.environ["PATH"]},
    )
    assert result.returncode == 0, result.stderr
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        assert f"{name}=1" in result.stdout.splitlines()
