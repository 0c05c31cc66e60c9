"""A real JupyterLab server and a headless Chromium for the browser tests.

One learner server per session, set up as `python3 run.py open`/`learn` and Binder set it up (the
course's learner settings, jupyter/learner/, and its Jupyter data files), under a base URL
prefix as on Binder and JupyterHub (/user/learner/). It serves JupyterLab and learner mode
(Voilà's server extension, as on Binder). It runs in a temporary COPY of the repository's
course/ (autosave must never write outputs into the files under test), with its own settings,
workspaces, runtime and data folders. An instructor server (`run.py teach`) is started only for
the test that needs it. One browser per session; every test gets fresh pages, and its kernels are
shut down afterwards.

Chromium: Debian's /usr/bin/chromium (or $NETNOT_CHROMIUM). In CI (CI=true) a missing browser or
Playwright FAILS the tests; elsewhere they are skipped with a message saying what to install.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .labdriver import ARTIFACTS, CHROMIUM_ARGS, COURSE, ROOT, chromium_path, unavailable

sys.path.insert(0, str(ROOT))
import run  # noqa: E402 - the runner's own settings for learners and instructors

BASE_URL = "/user/learner/"  # as on JupyterHub; Binder's is /user/<random>/


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Lab:
    url: str  # with the base URL, without a trailing slash
    root: Path  # the server's root folder: holds a copy of course/ in course/
    log: Path

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(self.url + path, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every session (and its kernel) so that lessons do not pile up kernels."""
        for session in self.api("/api/sessions"):  # type: ignore[union-attr]
            try:
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
            except urllib.error.HTTPError:
                pass

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def start_lab(base: Path, learner: bool, base_url: str = "/") -> Iterator[Lab]:
    """A JupyterLab server on a copy of course/, as a learner or as an instructor gets it."""
    root = base / "root"
    root.mkdir()
    if COURSE.is_dir():
        skip = shutil.ignore_patterns(".ipynb_checkpoints", ".netnot-*")
        shutil.copytree(COURSE, root / "course", ignore=skip)
    for name in ("config", "runtime", "data", "workspaces", "settings"):
        (base / name).mkdir()
    # What a regular install (and `run.py`, for an editable one) puts into the environment: the
    # learner-mode template, Voilà's settings and JupyterLab's setting overrides (no news).
    run.copy_data_files(Path(sys.prefix))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    role = "learner" if learner else "instructor"
    log = ARTIFACTS / f"jupyterlab-server-{role}.log"

    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTER_DATA_DIR=str(base / "data"),  # hides stray user kernelspecs
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")])),
        OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
    )
    if learner:
        env["JUPYTER_CONFIG_PATH"] = run.venv_env(learner=True)["JUPYTER_CONFIG_PATH"]
    lessons = sorted(str(p) for p in (root / "course").glob("*.ipynb"))
    if lessons:  # as `run.py open` and Binder's postBuild do
        subprocess.run([sys.executable, "-m", "jupyter", "trust", *lessons], env=env,
                       check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    args = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
        f"--ServerApp.base_url={base_url}",
        "--ServerApp.port_retries=0", f"--LabApp.workspaces_dir={base / 'workspaces'}",
        f"--LabApp.user_settings_dir={base / 'settings'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--ServerApp.disable_check_xsrf=True",  # lets the fixture end sessions over REST
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: open notebooks in place
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    with log.open("w") as out:
        server = subprocess.Popen(
            args, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    the_lab = Lab(f"http://127.0.0.1:{port}{base_url.rstrip('/')}", root, log)
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with {server.returncode}:\n{the_lab.log_tail()}")
            try:
                the_lab.api("/api/status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer in 90 s:\n{the_lab.log_tail()}")
                time.sleep(0.25)
        yield the_lab
    finally:
        stop(server)


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """The learner server: JupyterLab and learner mode, under a base URL prefix."""
    yield from start_lab(tmp_path_factory.mktemp("lab"), learner=True, base_url=BASE_URL)


@pytest.fixture(scope="session")
def instructor_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """`python3 run.py teach`: JupyterLab with nbgrader's instructor tools."""
    yield from start_lab(tmp_path_factory.mktemp("teach"), learner=False)


def stop(server: subprocess.Popen) -> None:
    """Stop the server we started (SIGTERM lets it shut its kernels down), by its own id."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # its own process group (start_new_session)
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: `pip install -e .[test]`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.failed_call = report.failed


@pytest.fixture
def page(request, browser, lab: Lab) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    the_page = context.new_page()
    started = time.monotonic()
    the_page.console_errors = []  # type: ignore[attr-defined]
    the_page.on(
        "console",
        lambda m: m.type == "error" and the_page.console_errors.append(m.text),  # type: ignore
    )
    try:
        yield the_page
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        with (ARTIFACTS / "timings.txt").open("a") as notes:
            attempts = getattr(the_page, "run_all_attempts", 0)
            dialogs = getattr(the_page, "kernel_dialogs", 0)
            notes.write(f"{name}: {time.monotonic() - started:.1f} s, Run All clicks {attempts}, "
                        f"kernel dialogs {dialogs}\n")
        (ARTIFACTS / f"{name}.console-errors.txt").write_text(
            "\n".join(the_page.console_errors)  # type: ignore[attr-defined]
        )
        if getattr(request.node, "failed_call", False):
            the_page.screenshot(path=str(ARTIFACTS / f"FAILED-{name}.png"))
    finally:
        context.close()
        lab.shutdown_kernels()
