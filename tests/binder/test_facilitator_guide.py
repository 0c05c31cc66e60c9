"""The facilitator guide's launch links open files that exist, and its agendas add up and give
each lesson the time the course map gives it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from netnot.course import LESSONS

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8")
REPO = "OWNER/networking-is-not"  # placeholder until the repository is published (see the guide)
MINUTES = {x.id[:2]: x.minutes for x in LESSONS}


def test_binder_links_open_the_first_lesson() -> None:
    links = re.findall(r"https://mybinder\.org/v2/gh/[^\s)`]+", GUIDE)
    assert len(links) >= 2, "expected the badge link and the tagged link"
    for link in links:
        url = urlparse(link)
        assert url.path.startswith(f"/v2/gh/{REPO}/"), link
        target = parse_qs(url.query)["urlpath"][0]
        assert target == "voila/render/course/00-start-here.ipynb", link  # learner mode
        assert (ROOT / target.removeprefix("voila/render/")).is_file()


def test_nbgitpuller_link_opens_the_first_lesson_in_the_clone() -> None:
    links = re.findall(r"https://\S+/hub/user-redirect/git-pull\?[^\s)`]+", GUIDE)
    assert links, "no nbgitpuller link in the guide"
    query = parse_qs(urlparse(links[0]).query)
    repo = query["repo"][0]
    assert repo == f"https://github.com/{REPO}"
    folder = repo.rsplit("/", 1)[1]
    path = unquote(query["urlpath"][0])
    assert path.startswith(f"lab/tree/{folder}/"), "urlpath must start with the cloned folder"
    assert (ROOT / path.removeprefix(f"lab/tree/{folder}/")).is_file(), path


def agenda(title: str) -> list[tuple[int, int, str]]:
    section = GUIDE.split(f"## Agenda: {title}", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+):(\d\d) \| (\d+) \| (.+) \|$", section, re.MULTILINE)
    return [(60 * int(h) + int(m), int(minutes), what) for h, m, minutes, what in rows]


@pytest.mark.parametrize(("title", "total"), [("90 minutes", 90), ("half day (4 hours)", 240)])
def test_agenda_adds_up_and_keeps_lesson_times(title: str, total: int) -> None:
    rows = agenda(title)
    assert rows, f"no agenda table under 'Agenda: {title}'"
    clock = 0
    for start, minutes, what in rows:
        assert start == clock, f"{what!r} starts at {start} min; the row before ends at {clock}"
        clock += minutes
        lesson = re.match(r"\*\*(\d\d) ", what)
        if lesson:
            assert minutes == MINUTES[lesson[1]], f"lesson {lesson[1]} takes {MINUTES[lesson[1]]}"
    assert clock == total
    lessons = {m[1] for _, _, what in rows if (m := re.match(r"\*\*(\d\d) ", what))}
    if total >= 240:
        assert lessons == set(MINUTES), "the half day covers every lesson"
    assert "00" in lessons
    assert any("Role play" in what for _, _, what in rows)
