"""nbgrader's formgrader opens on a grading folder made by netnot-grade (JupyterLab on
127.0.0.1 with a token), lists the assignment and its submission, and serves its pages."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from classroom import ASSIGNMENT, NOTEBOOK, ROOT, fill, write_roster

from netnot.grading import cli

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect to the login page is an answer, not something to follow


OPENER = urllib.request.build_opener(NoRedirect)


def get(url: str, token: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, ""


@pytest.fixture
def server(tmp_path):
    folder = tmp_path / "grading"
    f = ["--folder", str(folder)]
    assert cli.main(["init", str(folder), "--repo", str(ROOT)]) == 0
    assert cli.main(["db", "student", "import", str(write_roster(tmp_path / "r.csv")), *f]) == 0
    assert cli.main(["generate_assignment", ASSIGNMENT, *f]) == 0
    release = folder / "release" / ASSIGNMENT / NOTEBOOK
    fill(release, "correct", folder / "submitted" / "ex01" / ASSIGNMENT / NOTEBOOK)
    sandbox = [] if shutil.which("bwrap") else ["--no-sandbox"]
    assert cli.main(["autograde", ASSIGNMENT, "--quiet", *sandbox, *f]) == 0
    with formgrader(folder, tmp_path) as running:
        yield running


@contextlib.contextmanager
def formgrader(folder: Path, scratch: Path) -> Iterator[tuple[str, str]]:
    """JupyterLab (with nbgrader's formgrader) serving ``folder`` on 127.0.0.1 with a token:
    (base URL, token); stopped afterwards. Its log is ``scratch/lab.log``."""
    token, port = secrets.token_hex(16), free_port()
    log = (scratch / "lab.log").open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        cwd=folder, env=dict(os.environ, JUPYTER_RUNTIME_DIR=str(scratch / "runtime")),
        stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, (scratch / "lab.log").read_text()[-2000:]
            with contextlib.suppress(OSError):
                if get(f"{base}/api/status", token)[0] == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail("JupyterLab did not start within 120 s")
            time.sleep(0.5)
        yield base, token
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def test_formgrader_opens_on_a_grading_folder(server):
    base, token = server
    status, body = get(f"{base}/formgrader/api/assignments", token)
    assert status == 200
    assignments = {a["name"]: a for a in json.loads(body)}
    assert assignments[ASSIGNMENT]["num_submissions"] == 1
    status, page = get(f"{base}/formgrader/manage_submissions/{ASSIGNMENT}", token)
    assert status == 200 and "formgrader" in page.lower()
    status, body = get(f"{base}/formgrader/api/submissions/{ASSIGNMENT}", token)
    assert status == 200 and [s["student"] for s in json.loads(body)] == ["ex01"]
    assert get(f"{base}/formgrader/api/assignments", "wrong-token")[0] in (302, 401, 403)
