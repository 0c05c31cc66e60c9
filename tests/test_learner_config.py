"""Learners never see instructor tooling; instructors do (jupyter/README.md).

The plugin ids are checked against the nbgrader lab extension that is installed, so a renamed
plugin cannot silently come back. The browser tests prove it on the page.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from course_paths import ROOT

LEARNER = ROOT / "jupyter" / "learner"
DEPLOY = ROOT / "deploy" / "nbgrader"
NBGRADER = "@jupyter/nbgrader:"
ANNOUNCEMENTS = "@jupyterlab/apputils-extension:announcements"
INSTRUCTOR_SERVER = {f"nbgrader.server_extensions.{name}" for name in (
    "formgrader", "course_list", "validate_assignment")}


def installed_nbgrader_plugins() -> set[str]:
    folder = Path(sys.prefix, "share", "jupyter", "labextensions", "@jupyter", "nbgrader")
    assert (folder / "package.json").is_file(), f"nbgrader's lab extension is not in {folder}"
    found = set()
    for script in (folder / "static").glob("*.js"):
        text = script.read_text()
        found |= set(re.findall(r'id:"(@jupyter/nbgrader:[a-z-]+)"', text))
        # a plugin whose id is also its settings key: `let X="@jupyter/nbgrader:formgrader"`
        for variable, plugin in re.findall(r'\b(\w+)="(@jupyter/nbgrader:[a-z-]+)"', text):
            if f"id:{variable}," in text:
                found.add(plugin)
    return found


def disabled(folder: Path) -> set[str]:
    data = json.loads((folder / "labconfig" / "page_config.json").read_text())
    return {name for name, off in data["disabledExtensions"].items() if off}


def server_off(folder: Path) -> set[str]:
    data = json.loads((folder / "jupyter_server_config.json").read_text())
    return {name for name, on in data["ServerApp"]["jpserver_extensions"].items() if not on}


def test_the_installed_nbgrader_has_the_plugins_we_name() -> None:
    plugins = installed_nbgrader_plugins()
    assert {f"{NBGRADER}{name}" for name in ("create-assignment", "formgrader",
                                             "validate-assignment", "course-list")} <= plugins
    named = {p for folder in (LEARNER, DEPLOY / "student", DEPLOY / "instructor")
             for p in json.loads((folder / "labconfig" / "page_config.json").read_text())[
                 "disabledExtensions"] if p.startswith(NBGRADER)}
    assert named <= plugins, f"no such nbgrader plugin: {sorted(named - plugins)}"


def test_a_learner_gets_no_nbgrader_ui_and_no_news() -> None:
    assert disabled(LEARNER) == installed_nbgrader_plugins() | {ANNOUNCEMENTS}
    assert server_off(LEARNER) >= INSTRUCTOR_SERVER | {"nbgrader.server_extensions.assignment_list"}


def test_a_hub_student_keeps_only_the_assignment_list() -> None:
    keep = {f"{NBGRADER}assignment-list", f"{NBGRADER}menu"}  # fetch and submit
    assert disabled(DEPLOY / "student") == (installed_nbgrader_plugins() - keep) | {ANNOUNCEMENTS}
    assert server_off(DEPLOY / "student") == INSTRUCTOR_SERVER


def test_an_instructor_gets_every_nbgrader_tool_and_no_news() -> None:
    assert disabled(DEPLOY / "instructor") == {ANNOUNCEMENTS}
    data = json.loads((DEPLOY / "instructor" / "labconfig" / "page_config.json").read_text())
    assert {p for p, off in data["disabledExtensions"].items() if off is False} == (
        installed_nbgrader_plugins()), "an instructor's settings switch every plugin back on"
    assert server_off(DEPLOY / "instructor") == set()


def test_binder_applies_the_learner_settings_and_run_py_uses_them_for_learners() -> None:
    post_build = (ROOT / "binder" / "postBuild").read_text()
    assert 'pathlib.Path("jupyter", "learner")' in post_build
    sys.path.insert(0, str(ROOT))
    import run

    for verb, learner in (("open", True), ("learn", True), ("teach", False)):
        env = run.venv_env(learner=verb != "teach")
        assert (str(LEARNER) in env.get("JUPYTER_CONFIG_PATH", "").split(":")) is learner, verb


def test_news_is_off_for_everyone_through_the_lab_settings() -> None:
    overrides = ROOT / "jupyter" / "share" / "jupyter" / "lab" / "settings" / "overrides.d"
    settings = json.loads((overrides / "netnot.json").read_text())
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    toolbar = settings["@jupyterlab/notebook-extension:panel"]["toolbar"]
    assert {"command": "notebook:open-with-voila", "label": "Learner mode"}.items() <= (
        toolbar[0].items()), "JupyterLab's one-click switch to learner mode"
