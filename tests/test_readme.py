"""The README stays true: its lesson list, its two set-up commands, and CI runs its test command."""

from __future__ import annotations

import re

from course_paths import ROOT

from netnot.course import LESSONS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_lesson_table_matches_the_course_map():
    """Each lesson's time, and its graded exercise's (— for none), as netnot.course says."""
    rows = re.findall(r"^\| (\d\d) \| (.+?) \| (\d+) min \| (—|\d+ min) \|$", README,
                      flags=re.M)
    assert rows == [(x.id[:2], x.title, str(x.minutes),
                     f"{x.exercise.minutes} min" if x.exercise else "—") for x in LESSONS]


def test_exactly_two_setup_commands_one_to_open_one_to_test():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", setup, flags=re.S)
    assert commands == ["python3 run.py open", "python3 run.py test"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\npython3 run.py test\n" in ci
    assert "set -euo pipefail" in ci


def test_binder_badge_lands_on_lesson_00_in_learner_mode():
    badge = re.search(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", README)
    assert badge, "no Binder badge"
    assert badge[1] == ("https://mybinder.org/v2/gh/OWNER/networking-is-not/HEAD"
                        f"?urlpath=voila/render/course/{LESSONS[0].id}.ipynb")


def test_setup_names_the_learner_mode_command_as_an_alternative():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    assert "`python3 run.py learn`" in setup


def test_runner_opens_the_first_lesson():
    runner = (ROOT / "run.py").read_text(encoding="utf-8")
    assert f'FIRST_LESSON = "course/{LESSONS[0].id}.ipynb"' in runner
