"""`python3 run.py open` starts JupyterLab on the repository and lands on the first lesson."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from course_paths import ROOT

sys.path.insert(0, str(ROOT))
import run  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.slow
def test_open_command_serves_the_repository_and_lands_on_the_first_lesson(tmp_path):
    jupyter = shutil.which("jupyter", path=str(Path(sys.executable).parent))
    port = free_port()
    command = run.lab_command(jupyter) + [
        "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1", "--ServerApp.token=t",
        f"--ServerApp.runtime_dir={tmp_path}", f"--LabApp.workspaces_dir={tmp_path}",
    ]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        location = None
        for _ in range(120):
            try:
                opener.open(f"http://127.0.0.1:{port}/?token=t", timeout=2)
            except urllib.error.HTTPError as redirect:
                location = redirect.headers["Location"]
                break
            except OSError:
                time.sleep(0.5)
        assert location is not None, "JupyterLab did not start"
        assert location.split("?")[0].endswith(f"/lab/tree/{run.FIRST_LESSON}")
        api = f"http://127.0.0.1:{port}/api/contents/{run.FIRST_LESSON}?token=t&content=0"
        with urllib.request.urlopen(api, timeout=10) as reply:
            assert reply.status == 200, "the first lesson is served from the repository root"
    finally:
        server.terminate()
        server.wait(20)
