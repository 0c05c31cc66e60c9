"""The deployment files agree with each other and with binder/ (fast; no hub is started).

deploy/z2jh/values.yaml carries inline copies of deploy/hub/netnot_roles.py and of the nbgrader
role files, the pins it documents must be binder/requirements.txt's, and every place that names
the exchange or the role folders must name the same path.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml
from jupyter_core.paths import jupyter_config_path
from jupyterlab_server.config import get_static_page_config
from traitlets.config import Config, PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VALUES = DEPLOY / "z2jh" / "values.yaml"
EXCHANGE = "/srv/nbgrader/exchange"
ROLE_DIRS = "/etc/netnot/nbgrader"
# Packages whose versions users see; the image, the docs and the TLJH setup must agree on them.
PINNED = ("jupyterlab", "notebook", "nbgrader", "ipywidgets")


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load(VALUES.read_text())


def requirement_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if match:
            pins[match[1].lower().replace("_", "-")] = match[2]
    return pins


def documented_pins(text: str) -> dict[str, str]:
    return {m[0].lower(): m[1] for m in re.findall(r"\b([A-Za-z_-]+)==([0-9][\w.]*)", text)}


def memory_bytes(text: str) -> float:
    number, unit = re.fullmatch(r"([0-9.]+)([KMGT]?)", str(text)).groups()
    return float(number) * 1000 ** " KMGT".index(unit or " ")


def test_values_yaml_has_what_a_course_hub_needs(values):
    single = values["singleuser"]
    assert single["image"]["name"] and single["image"]["tag"]
    assert single["defaultUrl"] == "/lab"
    assert memory_bytes(single["memory"]["guarantee"]) < memory_bytes(single["memory"]["limit"])
    assert 0 < single["cpu"]["guarantee"] <= single["cpu"]["limit"]
    assert values["cull"]["enabled"] and values["cull"]["timeout"] > 0
    assert "userPlaceholder" in values["scheduling"]
    assert values["hub"]["config"]["JupyterHub"]["load_groups"]["instructors"]["users"]


def test_every_pod_mounts_the_shared_exchange_volume(values):
    claim = yaml.safe_load((DEPLOY / "z2jh" / "exchange-pvc.yaml").read_text())
    assert "ReadWriteMany" in claim["spec"]["accessModes"]
    storage = values["singleuser"]["storage"]
    volumes = {v["name"]: v for v in storage["extraVolumes"]}
    assert volumes["nbgrader-exchange"]["persistentVolumeClaim"]["claimName"] == \
        claim["metadata"]["name"]
    mounts = {m["name"]: m["mountPath"] for m in storage["extraVolumeMounts"]}
    assert mounts["nbgrader-exchange"] == EXCHANGE
    init = values["singleuser"]["initContainers"][0]
    assert f"chmod 1777 {EXCHANGE}" in " ".join(init["command"])


def test_values_carry_the_same_hub_snippet_and_role_files_as_deploy(values):
    extra = values["hub"]["extraConfig"]
    assert extra["netnot-roles"] == (DEPLOY / "hub" / "netnot_roles.py").read_text()
    mounted = {f["mountPath"]: f["stringData"] for f in values["singleuser"]["extraFiles"].values()}
    on_disk = {f"{ROLE_DIRS}/{p.relative_to(DEPLOY / 'nbgrader')}": p.read_text()
               for p in (DEPLOY / "nbgrader").rglob("*") if p.is_file()}
    assert mounted == on_disk


def test_image_pins_in_values_and_guide_are_binders():
    pins = requirement_pins()
    for document in (VALUES, DEPLOY / "README.md"):
        said = documented_pins(document.read_text())
        for package in PINNED:
            assert said.get(package) == pins[package], (document.name, package)


def test_the_image_has_nbgitpuller_for_the_course_links():
    """Course links and the postStart pull need nbgitpuller inside the single-user image."""
    assert "nbgitpuller" in requirement_pins(), \
        "add nbgitpuller==1.3.0 to binder/requirements.txt"


class FakeUser(SimpleNamespace):
    pass


def run_hub_snippets(*snippets: str) -> tuple[Config, dict]:
    config = Config()
    namespace = {"c": config, "get_config": lambda: config}
    for text in snippets:
        exec(compile(text, "snippet", "exec"), namespace)
    return config, namespace


def spawner_for(name: str, groups: list[str], user_id: int) -> SimpleNamespace:
    user = FakeUser(name=name, id=user_id, groups=[SimpleNamespace(name=g) for g in groups])
    return SimpleNamespace(user=user, environment={"KEEP": "1"}, container_security_context={})


def test_role_hook_points_each_group_at_its_nbgrader_config():
    config, _ = run_hub_snippets((DEPLOY / "hub" / "netnot_roles.py").read_text())
    hook = config.Spawner.pre_spawn_hook
    teacher, student = spawner_for("t", ["instructors"], 1), spawner_for("s", ["students"], 2)
    nobody = spawner_for("n", [], 3)
    for spawner in (teacher, student, nobody):
        hook(spawner)
    assert teacher.environment["JUPYTER_CONFIG_PATH"] == f"{ROLE_DIRS}/instructor"
    assert student.environment["JUPYTER_CONFIG_PATH"] == f"{ROLE_DIRS}/student"
    assert nobody.environment["NETNOT_ROLE"] == "student", "not an instructor: a student"
    assert teacher.environment["KEEP"] == "1", "the hook adds to the environment"
    roles = {r["name"]: r for r in config.JupyterHub.load_roles}
    assert roles["netnot-instructor"]["groups"] == ["instructors"]


def test_kubernetes_gives_students_distinct_uids_and_only_instructors_the_sandbox(values):
    extra = values["hub"]["extraConfig"]
    config, namespace = run_hub_snippets(*(extra[k] for k in sorted(extra)))
    uid = config.KubeSpawner.uid
    students = [spawner_for(f"s{i}", ["students"], i) for i in range(1, 400)]
    teacher = spawner_for("t", ["instructors"], 400)
    assert uid(teacher) == 1000
    assert len({uid(s) for s in students}) == len(students)
    assert min(uid(s) for s in students) > 1000
    config.Spawner.pre_spawn_hook(teacher)
    config.Spawner.pre_spawn_hook(students[0])
    assert teacher.container_security_context["seccompProfile"]["type"] == "Unconfined"
    assert "seccompProfile" not in students[0].container_security_context
    assert students[0].environment["NETNOT_ROLE"] == "student"


def load_role_config(role: str, monkeypatch, user: str = "ana") -> Config:
    monkeypatch.setenv("JUPYTERHUB_USER", user)
    monkeypatch.delenv("NETNOT_EXCHANGE", raising=False)
    return PyFileConfigLoader("nbgrader_config.py",
                              path=str(DEPLOY / "nbgrader" / role)).load_config()


def test_nbgrader_role_configs_share_the_course_and_exchange(monkeypatch):
    repo = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    student = load_role_config("student", monkeypatch)
    instructor = load_role_config("instructor", monkeypatch)
    course = repo.CourseDirectory.course_id
    for config in (student, instructor):
        assert config.CourseDirectory.course_id == course
        assert config.Exchange.root == EXCHANGE
    assert student.CourseDirectory.student_id == "ana", "submissions carry the hub user name"
    assert "student_id" not in instructor.CourseDirectory
    assert instructor.CourseDirectory.root.endswith("/grading")


def test_students_see_the_assignment_list_and_instructors_formgrader_too():
    def page(role):
        path = DEPLOY / "nbgrader" / role / "labconfig" / "page_config.json"
        return json.loads(path.read_text())["disabledExtensions"]

    def server(role):
        path = DEPLOY / "nbgrader" / role / "jupyter_server_config.json"
        return json.loads(path.read_text())["ServerApp"]["jpserver_extensions"]

    assert page("student")["@jupyter/nbgrader:formgrader"] is True
    assert page("instructor")["@jupyter/nbgrader:formgrader"] is False
    assert "@jupyter/nbgrader:assignment-list" not in page("student")
    assert server("student")["nbgrader.server_extensions.formgrader"] is False
    assert server("instructor")["nbgrader.server_extensions.formgrader"] is True


def test_tljh_setup_script_is_valid_and_uses_the_same_paths():
    script = DEPLOY / "tljh" / "setup.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    text = script.read_text()
    assert f"EXCHANGE={EXCHANGE}" in text and f"ROLE_DIRS={ROLE_DIRS}" in text
    roles = (DEPLOY / "hub" / "netnot_roles.py").read_text()
    assert f'"NETNOT_ROLE_DIRS", "{ROLE_DIRS}"' in roles
    for path in re.findall(r'"\$REPO/([^"]+)"', text):
        assert (ROOT / path).exists(), path


LINK = re.compile(r"https://\S+/hub/user-redirect/git-pull\?[^\s)`\"']+")


@pytest.mark.parametrize("document", ["README.md", "tljh/setup.sh"])
def test_course_links_open_the_first_lesson_in_the_clone(document):
    links = LINK.findall((DEPLOY / document).read_text())
    assert links, f"no nbgitpuller link in deploy/{document}"
    for link in links:
        query = parse_qs(urlparse(link).query)
        folder = query["repo"][0].rstrip("/").rsplit("/", 1)[1]
        path = unquote(query["urlpath"][0])
        assert path.startswith(f"lab/tree/{folder}/"), link
        assert (ROOT / path.removeprefix(f"lab/tree/{folder}/")).is_file(), link
        assert query["branch"] == ["main"]


def test_poststart_pull_targets_the_same_folder_as_the_links(values):
    command = values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"][-1]
    _, repo, branch, folder = command.split(" || ")[0].split()
    assert repo.rsplit("/", 1)[1] == folder == "networking-is-not" and branch == "main"


def test_instructor_settings_win_over_an_image_that_disables_formgrader(tmp_path, monkeypatch):
    """binder/postBuild disables formgrader for everyone (sys.prefix); the instructor's folder,
    on JUPYTER_CONFIG_PATH, comes before sys.prefix and so turns it back on."""
    instructor = str(DEPLOY / "nbgrader" / "instructor")
    image = tmp_path / "image-etc-jupyter"
    (image / "labconfig").mkdir(parents=True)
    (image / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyter/nbgrader:formgrader": True}}))
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "user"))
    monkeypatch.delenv("JUPYTER_PREFER_ENV_PATH", raising=False)
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", instructor)
    order = jupyter_config_path()
    assert order.index(instructor) < order.index(os.path.join(sys.prefix, "etc", "jupyter"))
    # The same precedence, with a stand-in for the image's sys.prefix folder behind it:
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", os.pathsep.join([instructor, str(image)]))
    disabled = get_static_page_config(level="all")["disabledExtensions"]
    assert disabled["@jupyter/nbgrader:formgrader"] is False
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(image))
    disabled = get_static_page_config(level="all")["disabledExtensions"]
    assert disabled["@jupyter/nbgrader:formgrader"] is True, "the stand-in must disable it"
