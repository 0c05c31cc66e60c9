"""jupyterhub_config.py for the local multi-user test (tests/hub/test_hub_e2e.py).

Everything machine-specific comes from the JSON file named by $NETNOT_HUB_SETTINGS. The course's
own hub configuration, deploy/hub/netnot_roles.py (instructor and student roles), is loaded
unchanged, exactly as The Littlest JupyterHub loads it from jupyterhub_config.d/.
"""

import json
import os
import sys
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.spawner import LocalProcessSpawner

sys.path.insert(0, str(Path(__file__).parent))
from hubkit import as_user_prefix  # noqa: E402

S = json.loads(Path(os.environ["NETNOT_HUB_SETTINGS"]).read_text())
USERS = S["users"]
c = get_config()  # noqa: F821

# --- the course's hub configuration, as deployed --------------------------------------------
os.environ["NETNOT_ROLE_DIRS"] = S["role_dirs"]
exec(compile(Path(S["roles_snippet"]).read_text(), S["roles_snippet"], "exec"))

# --- this machine: 127.0.0.1 only, state in the test's folder ---------------------------------
c.JupyterHub.bind_url = f"http://127.0.0.1:{S['port']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = S["hub_port"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{S['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [S["proxy"]]
c.ConfigurableHTTPProxy.pid_file = os.path.join(S["state"], "proxy.pid")
c.JupyterHub.pid_file = os.path.join(S["state"], "jupyterhub.pid")
c.JupyterHub.db_url = f"sqlite:///{S['state']}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = os.path.join(S["state"], "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.log_level = "INFO"


# --- who may log in: one password per user ------------------------------------------------------
class CoursePasswords(Authenticator):
    """Test authenticator: each user has their own password."""

    async def authenticate(self, handler, data):
        user = USERS.get(data.get("username", ""))
        if user and data.get("password") == user["password"]:
            return data["username"]
        return None


c.JupyterHub.authenticator_class = CoursePasswords
c.Authenticator.allowed_users = set(USERS)
c.JupyterHub.load_groups = {
    role + "s": {"users": sorted(n for n, u in USERS.items() if u["role"] == role)}
    for role in ("instructor", "student")
}
# The test drives the hub with a service token: start/stop servers, read users.
c.JupyterHub.services = [{"name": "course-admin", "api_token": S["token"]}]
c.JupyterHub.load_roles = [*c.JupyterHub.load_roles, {
    "name": "course-admin", "services": ["course-admin"],
    "scopes": ["admin:users", "admin:servers", "list:users", "read:users", "list:groups",
               "read:groups"],
}]


# --- one uid and home per user, without system accounts ---------------------------------------
class CourseSpawner(LocalProcessSpawner):
    """LocalProcessSpawner whose users exist only in the test's passwd file (see hubkit)."""

    def _account(self):
        return USERS[self.user.name]

    def make_preexec_fn(self, name):
        account = USERS[name]

        def preexec():
            home = account["home"]
            os.makedirs(home, exist_ok=True)
            os.chown(home, account["uid"], account["uid"])
            os.chmod(home, 0o700)
            os.chdir(home)

        return preexec

    def user_env(self, env):
        account = self._account()
        env.update(USER=self.user.name, LOGNAME=self.user.name, HOME=account["home"],
                   SHELL="/bin/sh")
        return env

    def move_certs(self, paths):
        return paths

    async def start(self):
        self.cmd = [*as_user_prefix(self._account()["uid"], S["passwd"], S["group"]),
                    S["python"], "-m", "jupyterhub.singleuser"]
        return await super().start()


c.JupyterHub.spawner_class = CourseSpawner
c.Spawner.ip = "127.0.0.1"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    "NETNOT_EXCHANGE": S["exchange"],
    # The test's course repository is a local bare repo owned by root (real links use https):
    # git only trusts it when the system config says so (the environment's -c is not enough).
    "GIT_CONFIG_SYSTEM": S["gitconfig"],
    # One BLAS thread per kernel, as binder/start sets.
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
}
