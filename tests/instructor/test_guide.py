"""Every `netnot-grade` command in the instructor guide is a real verb with valid options."""

from __future__ import annotations

import re
import shlex

import pytest
from classroom import ROOT

from netnot.grading import cli

GUIDE = ROOT / "docs" / "instructors.md"


def guide_commands() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", GUIDE.read_text(), flags=re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("netnot-grade ")]


def test_the_guide_covers_the_whole_workflow():
    verbs = {shlex.split(c)[1] for c in guide_commands()}
    assert verbs >= {"init", "db", "generate_assignment", "duedate", "release", "collect",
                     "zip_collect", "autograde", "manual_grade", "generate_feedback",
                     "zip_feedback", "export", "report"}


@pytest.mark.parametrize("command", guide_commands())
def test_guide_command_parses(command):
    args = cli.parser().parse_args(shlex.split(command)[1:])
    assert callable(args.run)
