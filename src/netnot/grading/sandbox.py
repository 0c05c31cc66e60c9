"""A bubblewrap sandbox around each student's kernel.

The kernel sees, read-only, the system libraries and this Python environment; read-write, only
its working copy (the student's autograded folder) and a small run folder for the kernel's
connection file and sockets. No network (a fresh network namespace), no other files: not the
solutions, the gradebook, other students' work or the instructor's home. Limits on CPU time,
memory, processes and file size are set with ``prlimit`` inside the sandbox; nbgrader's per-cell
timeout still applies.

Linux does not apply RLIMIT_NPROC to root, so where the cgroup file system is writable (root, or
a delegated cgroup) each kernel also gets a ``pids`` cgroup with the same process limit.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Dict, Type, Unicode

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resource limits for one student's kernel."""

    cpu_seconds: int = 600
    memory_mb: int = 2048
    processes: int = 64
    file_size_mb: int = 64
    tmp_mb: int = 64


def bwrap_path() -> str:
    """The bubblewrap executable: $NETNOT_BWRAP, else `bwrap` on PATH."""
    return os.environ.get("NETNOT_BWRAP") or shutil.which("bwrap") or "/usr/bin/bwrap"


PROJECT_MARKERS = (".git", "nbgrader_config.py", "pyproject.toml", "setup.py", "gradebook.db")


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _in_a_project(path: str) -> bool:
    """True if ``path`` is a project folder (a repo, a course) or inside one, except its src/."""
    here = Path(path)
    for folder in [here, *here.parents]:
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return not _inside(path, str(folder / "src"))
    return False


def package_path(start_dir: str) -> list[str]:
    """The kernel's PYTHONPATH: the course package's folder, then this PYTHONPATH, absolute
    (relative entries are read from ``start_dir``, where the command was started)."""
    import netnot  # an editable install maps it to <repo>/src, which is not on sys.path

    found = [str(Path(netnot.__file__).resolve().parents[1])]
    for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        if entry:
            found.append(os.path.realpath(os.path.join(start_dir, entry)))
    return list(dict.fromkeys(found))


def python_dirs(forbidden: list[str], start_dir: str | None = None) -> list[str]:
    """Folders of this Python environment that the kernel may read.

    The interpreter and venv prefixes, and sys.path/PYTHONPATH folders that are not the
    starting folder, not a project folder (only a project's src/ may be shown) and do not hold
    a forbidden folder.
    """
    start_dir = os.path.realpath(start_dir or os.getcwd())
    candidates = [sys.prefix, sys.base_prefix, sys.exec_prefix, *sys.path,
                  *package_path(start_dir)]
    prefixes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    paths: list[str] = []
    for entry in candidates:
        if not entry or not os.path.exists(entry):
            continue
        real = os.path.realpath(entry)
        if real in ("/", start_dir) or any(_inside(f, real) for f in forbidden):
            continue
        if real not in prefixes and not any(_inside(real, p) for p in prefixes) and \
                _in_a_project(real):
            continue
        if not any(_inside(real, p) for p in paths):
            paths = [p for p in paths if not _inside(p, real)] + [real]
    return sorted(paths)


CGROUP_ROOTS = ("/sys/fs/cgroup/pids", "/sys/fs/cgroup")  # cgroup v1 pids, or v2


def pids_cgroup(name: str, limit: int) -> str | None:
    """Make a cgroup allowing at most ``limit`` processes; None where that is not possible."""
    for root in CGROUP_ROOTS:
        if not os.path.exists(os.path.join(root, "cgroup.procs")):
            continue
        path = os.path.join(root, name)
        try:
            os.makedirs(path, exist_ok=True)
            if not os.path.exists(os.path.join(path, "pids.max")):  # not a pids cgroup
                os.rmdir(path)
                continue
            with open(os.path.join(path, "pids.max"), "w") as handle:
                handle.write(str(limit))
            return path
        except OSError:
            remove_cgroup(path)
    return None


def remove_cgroup(path: str | None) -> None:
    """Remove a cgroup once its processes are gone (waits up to 2 s)."""
    for _ in range(20):
        try:
            if path:
                os.rmdir(path)
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.1)


def sandbox_command(kernel_cmd: list[str], workdir: str, rundir: str, limits: Limits,
                    forbidden: list[str], cgroup: str | None = None,
                    start_dir: str | None = None) -> list[str]:
    """The bwrap + prlimit command that runs ``kernel_cmd`` in ``workdir``."""
    workdir, rundir = os.path.realpath(workdir), os.path.realpath(rundir)
    start_dir = os.path.realpath(start_dir or os.getcwd())
    env = {
        "PATH": f"{sys.prefix}/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": workdir,
        "LANG": "C.UTF-8",
        "IPYTHONDIR": f"{rundir}/ipython",
        "MPLCONFIGDIR": f"{rundir}/mpl",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    for name in ("NBGRADER_EXECUTION", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    env["PYTHONPATH"] = os.pathsep.join(package_path(start_dir))
    cmd = [bwrap_path()]
    if cgroup:  # join the pids cgroup, then become bwrap
        cmd = ["/bin/sh", "-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', cgroup, *cmd]
    cmd += ["--unshare-all", "--die-with-parent", "--new-session", "--clearenv"]
    for name, value in env.items():
        cmd += ["--setenv", name, value]
    # tmpfs first: a later bind under /tmp must not be hidden by it
    cmd += ["--size", str(limits.tmp_mb * MB), "--tmpfs", "/tmp"]
    for system in ("/usr", "/bin", "/lib", "/lib64", "/sbin"):
        cmd += ["--ro-bind-try", system, system]
    for etc in ("/etc/ld.so.cache", "/etc/alternatives", "/etc/localtime", "/etc/fonts"):
        cmd += ["--ro-bind-try", etc, etc]
    for folder in python_dirs(forbidden + [workdir, rundir], start_dir):
        cmd += ["--ro-bind", folder, folder]
    cmd += ["--bind", rundir, rundir, "--bind", workdir, workdir, "--chdir", workdir]
    cmd += ["--proc", "/proc", "--dev", "/dev", "--", shutil.which("prlimit") or "prlimit",
            f"--cpu={limits.cpu_seconds}", f"--as={limits.memory_mb * MB}",
            f"--nproc={limits.processes}", f"--fsize={limits.file_size_mb * MB}", "--core=0", "--"]
    return cmd + kernel_cmd


def check(limits: Limits) -> str | None:
    """None if a sandboxed Python can start here, else the reason why not."""
    bwrap = bwrap_path()
    if not (os.path.isfile(bwrap) and os.access(bwrap, os.X_OK)):
        return f"bubblewrap is not installed ({bwrap} not found); install the 'bubblewrap' package"
    if not shutil.which("prlimit"):
        return "prlimit (util-linux) is not installed"
    with tempfile.TemporaryDirectory(prefix="nn-check-") as tmp:
        work, run = Path(tmp, "w"), Path(tmp, "r")
        work.mkdir()
        run.mkdir()
        probe = [sys.executable, "-c", "import socket; print('sandbox ok')"]
        try:
            done = subprocess.run(sandbox_command(probe, str(work), str(run), limits, []),
                                  capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as err:
            return f"bubblewrap could not start: {err}"
    if done.returncode != 0 or "sandbox ok" not in done.stdout:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return f"bubblewrap could not start a sandboxed Python: {reason}"
    return None


def _seed_matplotlib_cache(rundir: str) -> None:
    """Copy the host's matplotlib font list so each kernel does not rebuild it (~1 s)."""
    target = Path(rundir, "mpl")
    target.mkdir(exist_ok=True)
    cache = os.environ.get("MPLCONFIGDIR") or os.path.expanduser("~/.cache/matplotlib")
    for name in glob.glob(os.path.join(cache, "fontlist-*.json")):
        shutil.copy(name, target)


def cgroup_name(rundir: str) -> str:
    return "netnot-" + os.path.basename(os.path.dirname(os.path.realpath(rundir)))


class SandboxKernelClient(AsyncKernelClient):
    """jupyter_client's client, ready as soon as the kernel answers on shell and IOPub.

    jupyter_client then drains IOPub until it has been quiet for 0.2 s: pure waiting, paid once
    per student. nbclient ignores IOPub messages that do not answer its own requests, so the
    drain is not needed.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await self.shell_channel.get_msg(timeout=1)
                if msg["msg_type"] == "kernel_info_reply":
                    await self.iopub_channel.get_msg(timeout=0.2)  # IOPub is connected too
                    self._handle_kernel_info_reply(msg)
                    return
            except Empty:
                pass
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class SandboxKernelManager(AsyncKernelManager):
    """Starts the kernel inside :func:`sandbox_command`, talking over ipc sockets in ``rundir``."""

    rundir = Unicode(help="Folder for the connection file and sockets (bound into the sandbox)."
                     ).tag(config=True)
    workdir = Unicode(help="The student's working copy: the kernel's cwd, writable."
                      ).tag(config=True)
    limits = Dict(help="Limits as a dict of Limits fields.").tag(config=True)
    forbidden = Unicode(help="os.pathsep-separated folders the sandbox must never show."
                        ).tag(config=True)
    start_dir = Unicode(help="The folder the command started in (relative PYTHONPATH entries)."
                        ).tag(config=True)
    client_factory = Type(SandboxKernelClient, klass=AsyncKernelClient)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.transport = "ipc"
        self.ip = os.path.join(os.path.realpath(self.rundir), "kernel")
        self.connection_file = os.path.join(os.path.realpath(self.rundir), "kernel.json")
        # A signal would reach bwrap, not the kernel: interrupt over the control channel.
        self.kernel_spec.interrupt_mode = "message"
        _seed_matplotlib_cache(self.rundir)

    async def _async_wait(self, pollinterval: float = 0.01) -> None:
        """Notice the killed kernel's end within 10 ms (jupyter_client polls every 100 ms)."""
        await super()._async_wait(pollinterval)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        kernel = [sys.executable, "-m", "ipykernel_launcher", "-f",
                  os.path.realpath(self.connection_file), *(extra_arguments or [])]
        forbidden = [f for f in self.forbidden.split(os.pathsep) if f]
        limits = Limits(**self.limits)
        cgroup = pids_cgroup(cgroup_name(self.rundir), limits.processes)
        return sandbox_command(kernel, self.workdir, self.rundir, limits, forbidden, cgroup,
                               self.start_dir or None)


def remove_special_files(folder: str) -> list[str]:
    """Delete symlinks, fifos, sockets and devices the student's code left in its working copy.

    nbgrader writes the graded notebook into that folder *outside* the sandbox; a symlink left
    there would make it write (or chmod) a file anywhere.
    """
    removed = []
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not (os.path.isfile(path) or os.path.isdir(path)):
                os.unlink(path)
                removed.append(os.path.relpath(path, folder))
    return removed


class RemoveSpecialFiles(NbGraderPreprocessor):
    """Runs right after Execute (the kernel is gone): see :func:`remove_special_files`."""

    def preprocess(self, nb, resources):
        folder = resources.get("metadata", {}).get("path")
        if folder and os.path.isdir(folder):
            removed = remove_special_files(folder)
            if removed:
                self.log.warning("removed links/special files left by the student: %s", removed)
        return nb, resources


class SandboxExecute(Execute):
    """nbgrader's Execute preprocessor, with the kernel in the sandbox."""

    def __init__(self, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(**kwargs)


def limits_dict(limits: Limits) -> dict:
    return asdict(limits)


class MemoryWatch:
    """Follows the peak memory (VmPeak, what the limit counts) of the kernel whose command line
    mentions ``marker`` (its run folder), from outside the sandbox, while a block runs.

    A kernel that hits the memory limit often just dies, or hangs until its cell times out,
    and leaves no word about memory behind; this says how close it came.
    """

    def __init__(self, marker: str, interval: float = 0.1):
        self.marker = marker.encode()
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _find(self) -> list[str]:
        found = []
        try:
            pids = os.listdir("/proc")
        except OSError:  # no /proc (macOS, --no-sandbox): nothing to follow
            return []
        for pid in pids:
            if pid.isdigit():
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as handle:
                        if self.marker in handle.read():
                            found.append(pid)
                except OSError:
                    continue
        return found

    def _watch(self) -> None:
        pids: list[str] = []
        last_scan = 0.0
        while not self._stop.wait(self.interval):
            if not pids or time.monotonic() - last_scan > 1.0:
                pids, last_scan = self._find(), time.monotonic()
            for pid in pids:
                try:
                    with open(f"/proc/{pid}/status") as handle:
                        for line in handle:
                            if line.startswith("VmPeak:"):
                                self.peak_kb = max(self.peak_kb, int(line.split()[1]))
                except (OSError, ValueError, IndexError):
                    continue
