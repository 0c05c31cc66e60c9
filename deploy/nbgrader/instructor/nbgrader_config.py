"""nbgrader settings for the INSTRUCTOR's single-user server (JupyterHub).

JupyterHub points an instructor's Jupyter at this folder (JUPYTER_CONFIG_PATH, set by
deploy/hub/netnot_roles.py for members of the "instructors" group). The instructor's grading
folder is ~/grading, made once with `netnot-grade init ~/grading --repo ~/networking-is-not`; it
holds the instructor sources, the gradebook and every submission: class data that stays in the
instructor's home, never in the repository and never in the exchange. Formgrader and
`netnot-grade` both work on it; releasing and collecting go through the shared exchange.
"""

import os

c = get_config()  # noqa: F821 - provided by Jupyter/nbgrader

c.CourseDirectory.course_id = "networking-is-not"
c.CourseDirectory.root = os.path.join(os.path.expanduser("~"), "grading")
c.Exchange.root = os.environ.get("NETNOT_EXCHANGE", "/srv/nbgrader/exchange")
c.Exchange.path_includes_course = False
# nbgrader can warn when a submission's owner is not the account it names. Off: on TLJH the
# account of hub user "ana" is "jupyter-ana", and on Kubernetes students are bare uids, so it
# would warn about every student. The exchange trusts the name a student's server gives
# (JUPYTERHUB_USER, see the student config); deploy/README.md says what that does and does not
# protect.
c.CollectApp.check_owner = False
