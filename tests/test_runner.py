"""`python3 run.py open` starts JupyterLab on the repository and lands on the first lesson;
`learn` lands on it in learner mode (Voilà) and `teach` in JupyterLab with the instructor tools."""

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


def test_every_verb_lands_on_the_first_lesson_and_only_teach_keeps_instructor_tools():
    assert run.LANDING == {"open": f"/lab/tree/{run.FIRST_LESSON}",
                           "learn": f"/voila/render/{run.FIRST_LESSON}",
                           "teach": f"/lab/tree/{run.FIRST_LESSON}"}
    learner = str(run.LEARNER_CONFIG)
    assert learner in run.venv_env(learner=True)["JUPYTER_CONFIG_PATH"]
    assert learner not in run.venv_env(learner=False).get("JUPYTER_CONFIG_PATH", "")
    assert run.main(["unknown-verb"]) == 2


def test_copy_data_files_mirrors_what_a_regular_install_puts_in_the_environment(tmp_path):
    run.copy_data_files(tmp_path)
    assert (tmp_path / "share/jupyter/voila/templates/netnot/index.html.j2").is_file()
    assert (tmp_path / "share/jupyter/lab/settings/overrides.d/netnot.json").is_file()
    assert (tmp_path / "etc/jupyter/voila.json").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("verb", ["open", "learn"])
def test_the_command_serves_the_repository_and_lands_on_the_first_lesson(tmp_path, verb):
    jupyter = shutil.which("jupyter", path=str(Path(sys.executable).parent))
    port = free_port()
    command = run.lab_command(jupyter, verb) + [
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
        assert location.split("?")[0].endswith(run.LANDING[verb])
        api = f"http://127.0.0.1:{port}/api/contents/{run.FIRST_LESSON}?token=t&content=0"
        with urllib.request.urlopen(api, timeout=10) as reply:
            assert reply.status == 200, "the first lesson is served from the repository root"
    finally:
        server.terminate()
        server.wait(20)
