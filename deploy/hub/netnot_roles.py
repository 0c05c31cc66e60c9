# ruff: noqa: F821 - `c` is the hub's config object, provided by JupyterHub
# JupyterHub configuration for "Networking Is Not…": instructors and students.
#
# One snippet for every hub:
#   - The Littlest JupyterHub: deploy/tljh/setup.sh copies it to
#     /opt/tljh/config/jupyterhub_config.d/netnot_roles.py
#   - Zero to JupyterHub: the same text is hub.extraConfig.netnot-roles in deploy/z2jh/values.yaml
#     (tests/hub/test_deploy_config.py checks that the two copies agree)
#   - tests/hub/ runs a real hub with it.
# `c` is the hub's config object. Members of the JupyterHub group "instructors" get the
# instructor nbgrader configuration (formgrader, course list, ~/grading as course directory);
# everybody else gets the student one (the Assignments tab only). The folders hold the files of
# deploy/nbgrader/<role>/ and are installed into every single-user environment.
import os

NETNOT_ROLE_DIRS = os.environ.get("NETNOT_ROLE_DIRS", "/etc/netnot/nbgrader")
NETNOT_INSTRUCTOR_GROUP = "instructors"


def netnot_role(user):
    """'instructor' for members of the instructors group, otherwise 'student'."""
    groups = {group.name for group in user.groups}
    return "instructor" if NETNOT_INSTRUCTOR_GROUP in groups else "student"


def netnot_pre_spawn(spawner):
    """Point the user's Jupyter at the nbgrader configuration of their role."""
    role = netnot_role(spawner.user)
    spawner.environment = {
        **spawner.environment,
        "NETNOT_ROLE": role,
        "JUPYTER_CONFIG_PATH": os.path.join(NETNOT_ROLE_DIRS, role),
    }


c.Spawner.pre_spawn_hook = netnot_pre_spawn
c.Spawner.default_url = "/lab"
# JupyterHub roles: instructors may see who is active (admin page, read-only); students get the
# default "user" role only.
c.JupyterHub.load_roles = [
    {
        "name": "netnot-instructor",
        "description": "Course instructors: see users and their servers' activity",
        "scopes": ["admin-ui", "list:users", "read:users:activity", "read:servers"],
        "groups": [NETNOT_INSTRUCTOR_GROUP],
    },
]
