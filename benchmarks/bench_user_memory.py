"""Memory of one learner on JupyterHub: a Jupyter server with a lesson's kernel running.

    python benchmarks/bench_user_memory.py [--lesson 02-not-a-quick-fix] [--nudges 40] [--json]

Starts JupyterLab's server (what jupyterhub-singleuser runs) on 127.0.0.1 in a temporary home,
starts a kernel through the server's REST API, runs every code cell of the lesson in it, then
plays with the lesson's explorer (each slider nudged up and back, as a learner does) and also
runs the graded exercise in a second kernel (a learner with the lesson and the exercise open).
Reports RSS and PSS (proportional set size: shared libraries split between the processes that
use them, the fairer number when many users share a node) of the server and each kernel, and
the users per node that follow for common node sizes. Linux only (reads /proc); stops every
process it starts.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
import requests
from jupyter_client import BlockingKernelClient

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
NODE_SIZES_GB = (4, 8, 16, 32, 64)
# Per node, besides users: the hub's own per-node pods (image puller, kube-proxy, logging).
NODE_PODS_GB = 0.5


def kubelet_reserved_gb(node_gb: float) -> float:
    """Memory a Kubernetes node keeps for the system (assumption: the tiers GKE documents:
    25% of the first 4 GB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above,
    plus 0.1 GB eviction threshold; other clouds reserve similar amounts)."""
    tiers = ((4, 0.25), (4, 0.20), (8, 0.10), (112, 0.06), (math.inf, 0.02))
    left, reserved = node_gb, 0.1
    for size, share in tiers:
        part = min(left, size)
        reserved += part * share
        left -= part
        if left <= 0:
            break
    return reserved


def users_per_node(node_gb: float, guarantee_mb: float) -> int:
    free_gb = node_gb - kubelet_reserved_gb(node_gb) - NODE_PODS_GB
    return max(0, int(free_gb * 1024 // guarantee_mb))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory(pid: int) -> dict[str, float]:
    """RSS and PSS of a process, in MB."""
    info = psutil.Process(pid).memory_full_info()
    return {"rss_mb": info.rss / MB, "pss_mb": getattr(info, "pss", info.rss) / MB}


class Server:
    """A JupyterLab server in a throwaway home, stopped on exit."""

    def __init__(self, home: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = os.urandom(8).hex()
        env = {**os.environ, "HOME": str(home), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
               "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
        args = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={self.port}",
                "--ip=127.0.0.1", f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={home}"]
        if os.geteuid() == 0:
            args.append("--allow-root")
        self.log = open(home / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(args, cwd=home, env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        self.runtime = home / "runtime"

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        return requests.request(method, f"{self.url}/api{path}", timeout=60,
                                headers={"Authorization": f"token {self.token}"}, **kwargs)

    def wait(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("the Jupyter server exited; see its log")
            try:
                if self.api("GET", "/status").status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise TimeoutError("the Jupyter server did not start")

    def kernel(self, cwd: str) -> tuple[int, BlockingKernelClient]:
        """Start a kernel through the REST API (as Lab does); return its pid and a client."""
        reply = self.api("POST", "/sessions", json={
            "path": f"{cwd}/bench.ipynb", "type": "notebook", "name": "bench.ipynb",
            "kernel": {"name": "python3"}}).json()
        kernel_id = reply["kernel"]["id"]
        client = BlockingKernelClient(connection_file=str(self.runtime /
                                                          f"kernel-{kernel_id}.json"))
        client.load_connection_file()
        client.start_channels()
        # Not client.wait_for_ready(): its heartbeat check reports a busy kernel on a loaded
        # machine as dead. Ask for kernel_info until the kernel answers.
        deadline = time.monotonic() + 120
        while True:
            msg_id = client.kernel_info()
            try:
                while client.get_shell_msg(timeout=5)["parent_header"].get("msg_id") != msg_id:
                    pass
                break
            except queue.Empty:
                if time.monotonic() > deadline:
                    raise TimeoutError("the kernel did not answer") from None
        pid = run(client, "import os; print(os.getpid())").strip()
        return int(pid), client

    def stop(self) -> None:
        children = psutil.Process(self.proc.pid).children(recursive=True)
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        _, alive = psutil.wait_procs(children, timeout=10)
        for child in alive:
            child.kill()
        self.log.close()


def run(client: BlockingKernelClient, code: str) -> str:
    """Run code in the kernel; return what it printed; raise on an error."""
    printed: list[str] = []

    def output(msg):
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise RuntimeError("\n".join(msg["content"]["traceback"]))

    reply = client.execute_interactive(code, timeout=300, output_hook=output)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {code[:80]}")
    return "".join(printed)


def code_cells(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


NUDGE = """
from netnot.widgets import {module} as _lesson
_explorer = _lesson.explorer()
for _ in range({n}):
    for _control in _explorer.controls.values():
        if hasattr(_control, "step"):
            _start = _control.value
            _step = _control.step if _start + _control.step <= _control.max else -_control.step
            _control.value = _start + _step
            _control.value = _start
"""


def measure(lesson: str, nudges: int) -> dict:
    home = Path(tempfile.mkdtemp(prefix="netnot-mem-"))
    try:
        for folder in ("course", "solutions", "exercises"):
            shutil.copytree(ROOT / folder, home / folder)
        server = Server(home)
        try:
            server.wait()
            idle = memory(server.proc.pid)
            lesson_pid, lesson_kernel = server.kernel("course")
            for source in code_cells(home / "course" / f"{lesson}.ipynb"):
                run(lesson_kernel, source)
            module = lesson.split("-", 1)[1].replace("not-a-", "").replace("-", "")
            run(lesson_kernel, NUDGE.format(module=module, n=nudges))
            after_lesson = {"server": memory(server.proc.pid), "kernel": memory(lesson_pid)}
            exercise = home / "solutions" / lesson / f"{lesson}.ipynb"
            exercise_kernel = None
            if exercise.exists():
                exercise_pid, exercise_kernel = server.kernel(f"solutions/{lesson}")
                for source in code_cells(exercise):
                    run(exercise_kernel, source)
                after_lesson["exercise_kernel"] = memory(exercise_pid)
            for client in (lesson_kernel, exercise_kernel):
                if client:
                    client.stop_channels()
        finally:
            server.stop()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {"idle_server": idle, **after_lesson}


def recommended_guarantee_mb(result: dict) -> int:
    """A learner with the lesson and the exercise open, plus 20%, rounded up to 64 MB."""
    steady = sum(result[k]["rss_mb"] for k in ("server", "kernel", "exercise_kernel")
                 if k in result)
    return 64 * math.ceil(1.2 * steady / 64)


def report(result: dict, lesson: str) -> str:
    one = result["server"]["rss_mb"] + result["kernel"]["rss_mb"]
    one_pss = result["server"]["pss_mb"] + result["kernel"]["pss_mb"]
    two = one + result.get("exercise_kernel", {}).get("rss_mb", 0)
    lines = [f"lesson {lesson}, Python {sys.version.split()[0]}",
             f"{'process':<34}{'RSS MB':>8}{'PSS MB':>8}"]
    names = {"idle_server": "server, before any kernel", "server": "server, lesson running",
             "kernel": "lesson kernel (after the explorer)",
             "exercise_kernel": "exercise kernel (solutions run)"}
    for key, label in names.items():
        if key in result:
            lines.append(f"{label:<34}{result[key]['rss_mb']:>8.0f}{result[key]['pss_mb']:>8.0f}")
    lines += [f"one learner, server + lesson kernel: RSS {one:.0f} MB, PSS {one_pss:.0f} MB",
              f"with the exercise open too:         RSS {two:.0f} MB", ""]
    guarantee = recommended_guarantee_mb(result)
    lines.append(f"recommended singleuser.memory.guarantee: {guarantee} MB "
                 "(lesson + exercise open, +20%, rounded up to 64 MB)")
    lines.append(f"users per node at {guarantee} MB (and at 1024 MB):")
    for node in NODE_SIZES_GB:
        lines.append(f"  {node:>3} GB node: {users_per_node(node, guarantee):>4} users"
                     f"  ({users_per_node(node, 1024):>3} at 1 GB)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="02-not-a-quick-fix")
    parser.add_argument("--nudges", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print the raw numbers as JSON")
    args = parser.parse_args(argv)
    result = measure(args.lesson, args.nudges)
    print(json.dumps(result, indent=1) if args.json else report(result, args.lesson))
    return 0


if __name__ == "__main__":
    sys.exit(main())
