#!/bin/bash
# Set up "Networking Is Not…" on The Littlest JupyterHub (one VM, classes up to about 50).
#
# Run once as root on the VM, after installing TLJH, from a clone of the course repository:
#   git clone https://github.com/OWNER/networking-is-not /opt/networking-is-not
#   sudo bash /opt/networking-is-not/deploy/tljh/setup.sh INSTRUCTOR [INSTRUCTOR ...]
# INSTRUCTOR is a JupyterHub user name (e.g. "teacher", whose Linux account is jupyter-teacher).
# Safe to run again (for a new course release, or to add an instructor).
# Guide: deploy/README.md ("The Littlest JupyterHub").
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: sudo bash deploy/tljh/setup.sh INSTRUCTOR [INSTRUCTOR ...]" >&2
  exit 2
fi
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
USER_ENV=/opt/tljh/user              # TLJH's environment for every user's server
HUB_CONFIG=/opt/tljh/config          # TLJH's hub configuration
EXCHANGE=/srv/nbgrader/exchange      # must match deploy/nbgrader/*/nbgrader_config.py
ROLE_DIRS=/etc/netnot/nbgrader       # must match deploy/hub/netnot_roles.py

echo "1/5 system packages: bubblewrap (netnot-grade's sandbox), git (nbgitpuller)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap git >/dev/null

echo "2/5 the course environment: binder/ (the same pins as Binder and the Z2JH image)"
"$USER_ENV/bin/pip" install --no-cache-dir -q -r "$REPO/binder/requirements.txt"
if ! "$USER_ENV/bin/python" -c "import nbgitpuller" 2>/dev/null; then
  "$USER_ENV/bin/pip" install --no-cache-dir -q "nbgitpuller==1.3.0"
fi
# binder/postBuild installs the course package (netnot, netnot-grade) and the Lab settings.
PATH="$USER_ENV/bin:$PATH" bash "$REPO/binder/postBuild"

echo "3/5 nbgrader: role configurations and the shared exchange"
install -d -m 755 "$ROLE_DIRS"
cp -r "$REPO/deploy/nbgrader/student" "$REPO/deploy/nbgrader/instructor" "$ROLE_DIRS/"
chmod -R a+rX "$ROLE_DIRS"
install -d -m 1777 "$EXCHANGE"
chmod 1777 "$EXCHANGE"

echo "4/5 the hub: instructor and student roles, the instructors group"
install -d "$HUB_CONFIG/jupyterhub_config.d"
cp "$REPO/deploy/hub/netnot_roles.py" "$HUB_CONFIG/jupyterhub_config.d/netnot_roles.py"
{
  echo "# Written by deploy/tljh/setup.sh: who is an instructor (everybody else is a student)."
  echo "c.JupyterHub.load_groups = {\"instructors\": {\"users\": ["
  for name in "$@"; do echo "    \"$name\","; done
  echo "]}}"
} > "$HUB_CONFIG/jupyterhub_config.d/netnot_groups.py"

echo "5/5 tljh-config: admins, per-user limits, idle culling, JupyterLab"
for name in "$@"; do
  tljh-config add-item users.admin "$name" >/dev/null
done
# Per user: a learner uses about 310 MB (benchmarks/bench_user_memory.py); 1 GB leaves room.
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 3600
tljh-config set services.cull.every 300
tljh-config set user_environment.default_app jupyterlab
tljh-config reload

# Existing homes: nobody else may look in (TLJH makes new ones 0750 on current Ubuntu).
for home in /home/jupyter-*; do
  if [ -d "$home" ]; then chmod o-rwx "$home"; fi
done
echo "done. Share this link with the class (nbgitpuller puts the course in each home):"
echo "  https://HUB.EXAMPLE.ORG/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2FOWNER%2Fnetworking-is-not&branch=main&urlpath=lab%2Ftree%2Fnetworking-is-not%2Fcourse%2F00-start-here.ipynb"
