"""Run a real JupyterHub on 127.0.0.1 for tests: accounts, the hub process, logged-in users.

Users get their own operating-system uid without touching the machine's /etc/passwd: every
user process starts as ``unshare --mount`` (a private mount namespace) that bind-mounts a
test-made passwd/group file over /etc/passwd and /etc/group, then drops to the user's uid with
``setpriv``. So file permissions really apply between users, as on a TLJH server.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import psutil
import requests

ROOT = Path(__file__).resolve().parents[2]
HUB_CONFIG = Path(__file__).with_name("hub_config.py")
ROLES_SNIPPET = ROOT / "deploy" / "hub" / "netnot_roles.py"
ROLE_DIRS = ROOT / "deploy" / "nbgrader"
COURSE_ID = "networking-is-not"


class HubUnavailable(RuntimeError):
    """Something the hub test needs (proxy, JupyterHub, setpriv, ...) is not installed."""


def find_proxy() -> str:
    """configurable-http-proxy: $CONFIGURABLE_HTTP_PROXY, .ci/node (CI's npm prefix), or PATH."""
    candidates = [os.environ.get("CONFIGURABLE_HTTP_PROXY", ""),
                  str(ROOT / ".ci" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"),
                  shutil.which("configurable-http-proxy") or ""]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    raise HubUnavailable("configurable-http-proxy not found: run "
                         "`npm install --prefix .ci/node configurable-http-proxy`")


def check_tools() -> None:
    """Everything the hub test needs, or a HubUnavailable that says what is missing."""
    find_proxy()
    for module in ("jupyterhub", "nbgitpuller"):
        try:
            __import__(module)
        except ImportError as err:
            raise HubUnavailable(f"{module} is not installed (pip install -e '.[test]')") from err
    for tool in ("unshare", "setpriv", "mount", "git"):
        if shutil.which(tool) is None:
            raise HubUnavailable(f"`{tool}` is not installed (Debian: util-linux / git)")
    if os.geteuid() != 0:
        raise HubUnavailable("the hub test gives each user their own uid, which needs root")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Account:
    name: str
    uid: int
    password: str
    role: str  # "instructor" or "student"
    home: Path
    in_passwd: bool = True  # False: a bare uid with no name, as on Kubernetes


@dataclass
class Accounts:
    """Users with uids and homes, and the passwd/group files their processes see."""

    folder: Path
    people: dict[str, Account] = field(default_factory=dict)

    def add(self, name: str, uid: int, role: str, in_passwd: bool = True) -> Account:
        account = Account(name, uid, f"pw-{name}-{uid}", role, self.folder / "home" / name,
                          in_passwd)
        self.people[name] = account
        return account

    @property
    def passwd(self) -> Path:
        return self.folder / "etc" / "passwd"

    @property
    def group(self) -> Path:
        return self.folder / "etc" / "group"

    def write(self) -> None:
        """passwd/group = the machine's own entries plus one line per course user."""
        self.passwd.parent.mkdir(parents=True, exist_ok=True)
        lines = Path("/etc/passwd").read_text().splitlines()
        groups = Path("/etc/group").read_text().splitlines()
        for a in self.people.values():
            if not a.in_passwd:
                continue
            lines.append(f"{a.name}:x:{a.uid}:{a.uid}:{a.name}:{a.home}:/bin/sh")
            groups.append(f"{a.name}:x:{a.uid}:")
        self.passwd.write_text("\n".join(lines) + "\n")
        self.group.write_text("\n".join(groups) + "\n")
        (self.folder / "home").mkdir(exist_ok=True)
        (self.folder / "home").chmod(0o755)

    def make_home(self, name: str) -> Path:
        """The user's home: owned by them, mode 0700 (nobody else may look in)."""
        a = self.people[name]
        a.home.mkdir(parents=True, exist_ok=True)
        os.chown(a.home, a.uid, a.uid)
        a.home.chmod(0o700)
        return a.home

    def as_user(self, name: str) -> list[str]:
        """Command prefix that runs the rest of the command as ``name`` (real uid and gid)."""
        return as_user_prefix(self.people[name].uid, self.passwd, self.group)


def as_user_prefix(uid: int, passwd: Path, group: Path) -> list[str]:
    script = ('mount --bind "$1" /etc/passwd && mount --bind "$2" /etc/group && shift 2 && '
              f'{expose_python()}'
              f'exec setpriv --reuid={uid} --regid={uid} --clear-groups --inh-caps=-all "$@"')
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "as-user",
            str(passwd), str(group)]


def _blocked(path: Path) -> tuple[Path, Path] | None:
    """(ancestor others may not enter, its child on the way to path), or None."""
    parts = path.resolve().parts
    for depth in range(1, len(parts)):
        ancestor = Path(*parts[:depth])
        if not os.stat(ancestor).st_mode & 0o001:
            return ancestor, Path(*parts[:depth + 1])
    return None


def expose_python() -> str:
    """Shell commands (run as root inside the private mount namespace) that let other uids reach
    this Python, its packages and the course: a folder others may not enter (e.g. /root holding
    pyenv) is covered, in that namespace only, by an empty tmpfs into which just the needed
    subfolders are bind-mounted back. The machine's own mounts are not changed."""
    needed = {Path(p) for p in (sys.base_prefix, sys.prefix, ROOT, *sys.path) if p and
              Path(p).exists()}
    plan: dict[Path, set[Path]] = {}
    for path in needed:
        found = _blocked(path)
        if found:
            plan.setdefault(found[0], set()).add(found[1])
    # The stash is a tmpfs on /mnt, made inside the namespace: nothing is created on the host.
    commands = ["mount -t tmpfs -o mode=755 netnot-stash /mnt"] if plan else []
    pairs = [(child, f"/mnt/{n}") for n, child in
             enumerate(sorted(c for children in plan.values() for c in children))]
    for child, stash in pairs:
        commands += [f"mkdir {stash}", f"mount --bind {child} {stash}"]
    for ancestor in sorted(plan):
        commands.append(f"mount -t tmpfs -o mode=755 netnot {ancestor}")
    for child, stash in pairs:
        commands += [f"mkdir -p {child}", f"mount --bind {stash} {child}"]
    return "".join(f"{cmd} && " for cmd in commands)


def user_env(account: Account, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a user's terminal would have on the hub (HOME, USER, role config)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    env.update(HOME=str(account.home), USER=account.name, LOGNAME=account.name,
               JUPYTERHUB_USER=account.name, NETNOT_ROLE=account.role,
               JUPYTER_CONFIG_PATH=str(ROLE_DIRS / account.role))
    env.update(extra or {})
    return env


class Hub:
    """A JupyterHub process (with its proxy) configured by tests/hub/hub_config.py."""

    def __init__(self, folder: Path, accounts: Accounts, exchange: Path, repo: Path):
        self.folder = folder
        self.accounts = accounts
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = os.urandom(16).hex()
        self.settings = {
            "port": self.port, "hub_port": free_port(), "proxy_api_port": free_port(),
            "state": str(folder), "proxy": find_proxy(), "python": sys.executable,
            "token": self.token, "exchange": str(exchange), "repo": str(repo),
            "passwd": str(accounts.passwd), "group": str(accounts.group),
            "roles_snippet": str(ROLES_SNIPPET), "role_dirs": str(ROLE_DIRS),
            "users": {a.name: {"uid": a.uid, "password": a.password, "role": a.role,
                               "home": str(a.home)} for a in accounts.people.values()},
        }
        self.proc: subprocess.Popen | None = None
        self.log = folder / "jupyterhub.log"

    def start(self, timeout: float = 90) -> None:
        gitconfig = self.folder / "gitconfig"
        gitconfig.write_text(f"[safe]\n\tdirectory = {self.settings['repo']}\n")
        self.settings["gitconfig"] = str(gitconfig)
        settings = self.folder / "settings.json"
        settings.write_text(json.dumps(self.settings, indent=1))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
        env["NETNOT_HUB_SETTINGS"] = str(settings)
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)],
                cwd=self.folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.wait(lambda: self._get("/hub/api/").status_code == 200, timeout, "the hub to answer")

    def _get(self, path: str) -> requests.Response:
        try:
            return requests.get(self.url + path, timeout=5)
        except requests.ConnectionError:
            return requests.Response()

    def wait(self, ready, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub exited while waiting for {what}:\n{self.tail()}")
            if ready():
                return
            time.sleep(0.3)
        raise TimeoutError(f"timed out waiting for {what}:\n{self.tail()}")

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """The Hub REST API with the course-admin service token."""
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers,
                                timeout=30, **kwargs)

    def spawn(self, names: list[str], timeout: float = 120) -> None:
        """Start every user's server through the REST API and wait until all are ready."""
        for name in names:
            reply = self.api("POST", f"/users/{name}/server")
            assert reply.status_code in (201, 202), (name, reply.status_code, reply.text)

        def ready() -> bool:
            users = {u["name"]: u for u in self.api("GET", "/users").json()}
            return all(users[n]["servers"].get("", {}).get("ready") for n in names)

        self.wait(ready, timeout, f"the servers of {', '.join(names)}")

    def process_tree(self) -> list[psutil.Process]:
        if self.proc is None:
            return []
        try:
            return [psutil.Process(self.proc.pid), *psutil.Process(self.proc.pid).children(True)]
        except psutil.NoSuchProcess:
            return []

    def stop(self) -> list[str]:
        """Stop servers, hub and proxy; kill whatever survives. Returns what had to be killed."""
        if self.proc is None:
            return []
        tree = self.process_tree()
        for name in self.accounts.people:
            try:
                self.api("DELETE", f"/users/{name}/server")
            except requests.RequestException:
                pass
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        tree = [p for p in tree if p.pid != self.proc.pid]
        gone, alive = psutil.wait_procs(tree, timeout=10)
        leftovers = []
        for p in alive:
            try:
                leftovers.append(" ".join(p.cmdline())[:120])
                p.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(alive, timeout=10)
        self.proc = None
        return leftovers


class UserSession:
    """One logged-in user, as a browser would be: cookies, the XSRF token, their server."""

    def __init__(self, hub: Hub, account: Account):
        self.hub = hub
        self.account = account
        self.http = requests.Session()
        self.server = f"{hub.url}/user/{account.name}"

    def login(self) -> None:
        self.http.get(f"{self.hub.url}/hub/login", timeout=30)
        xsrf = self.http.cookies.get("_xsrf", path="/hub/")
        reply = self.http.post(f"{self.hub.url}/hub/login?next=", timeout=30, data={
            "username": self.account.name, "password": self.account.password, "_xsrf": xsrf})
        assert reply.status_code == 200 and "jupyterhub-session-id" in self.http.cookies, \
            f"{self.account.name} could not log in: {reply.status_code}"
        # Visiting the server runs the OAuth handshake and sets the server's cookies.
        reply = self.http.get(f"{self.server}/api/status", timeout=60)
        assert reply.status_code == 200, (self.account.name, reply.status_code, reply.url)

    def _xsrf(self) -> dict[str, str]:
        if not self.http.cookies.get("_xsrf", path=f"/user/{self.account.name}/"):
            self.http.get(f"{self.server}/lab", timeout=60)
        token = self.http.cookies.get("_xsrf", path=f"/user/{self.account.name}/")
        return {"X-XSRFToken": token or ""}

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.server + path, timeout=120, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.http.post(self.server + path, headers=self._xsrf(), timeout=300, **kwargs)

    def put(self, path: str, **kwargs) -> requests.Response:
        return self.http.put(self.server + path, headers=self._xsrf(), timeout=120, **kwargs)

    def git_pull(self, repo: str, branch: str, target: str, urlpath: str) -> list[dict]:
        """Follow an nbgitpuller link through the hub, then run the pull its page starts."""
        link = nbgitpuller_link(self.hub.url, repo, branch, target, urlpath)
        page = self.http.get(link, timeout=60)
        assert page.status_code == 200, (page.status_code, page.url)
        assert page.url.startswith(f"{self.server}/git-pull?"), page.url
        query = urlencode({"repo": repo, "branch": branch, "targetpath": target})
        events = []
        with self.http.get(f"{self.server}/git-pull/api?{query}", stream=True,
                           timeout=120) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        return events


def nbgitpuller_link(hub_url: str, repo: str, branch: str, target: str, urlpath: str) -> str:
    """The link an instructor shares: the hub logs the user in, then nbgitpuller pulls."""
    query = urlencode({"repo": repo, "branch": branch, "targetpath": target,
                       "urlpath": urlpath}, quote_via=quote)
    return f"{hub_url}/hub/user-redirect/git-pull?{query}"
