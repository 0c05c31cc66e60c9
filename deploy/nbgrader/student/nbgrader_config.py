"""nbgrader settings for every STUDENT's single-user server (JupyterHub).

JupyterHub points a student's Jupyter at this folder (JUPYTER_CONFIG_PATH, set by
deploy/hub/netnot_roles.py), so the Assignments tab lists, fetches and submits the course's
assignments through the shared exchange. Students never see a course directory or a gradebook.
"""

import os

c = get_config()  # noqa: F821 - provided by Jupyter/nbgrader

c.CourseDirectory.course_id = "networking-is-not"
# The shared exchange (an NFS volume on Kubernetes, a local folder on TLJH). NETNOT_EXCHANGE is
# only for tests that run a hub in a temporary folder.
c.Exchange.root = os.environ.get("NETNOT_EXCHANGE", "/srv/nbgrader/exchange")
# Fetched assignments land in ~/<assignment>/ (the course itself is pulled into
# ~/networking-is-not/ by nbgitpuller, so the two never mix).
c.Exchange.path_includes_course = False
# Submissions are named <user>+<assignment>+<time>+<random>: the random part keeps other students
# from guessing a path in the (unlistable) inbound folder.
c.ExchangeSubmit.add_random_string = True
# Who is submitting: the JupyterHub user name, not the operating-system account (on Kubernetes
# every pod runs as "jovyan" or as a numeric uid with no name).
if os.environ.get("JUPYTERHUB_USER"):
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
