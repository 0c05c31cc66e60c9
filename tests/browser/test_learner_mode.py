"""Every lesson as a learner meets it, in JupyterLab and in learner mode (Voilà), under a base
URL prefix, at 1024x768 (JupyterLab's file browser open) and at 1920x1080 (a projector).

ONE page load per lesson and mode runs every check on it: it opens tidy (JupyterLab: code folded,
a line on how to start, no instructor tools, no news) or already live and without code (Voilà),
runs without errors, nothing is clipped or runs off the side at either size, sliders line up,
figure text is 12 px or more, axe-core finds no serious or critical violation in the course's
widgets and outputs, every control is in the tab order, sliders move with the keyboard (a
0.01 step changes what a screen reader hears), a prediction starts unanswered and is compared,
not marked, and answers are saved beside the notebook. Screenshots and axe listings go to
test-artifacts/browser/.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from netnot.course import LESSONS as COURSE_MAP

from . import labdriver as drive
from . import pagecheck as check
from .labdriver import ARTIFACTS, COURSE

LESSONS = [COURSE / f"{lesson.id}.ipynb" for lesson in COURSE_MAP]
IDS = [p.stem for p in LESSONS]
# Console noise that is not the course's: Voilà's template loads Font Awesome from a CDN, which
# this offline machine cannot reach.
NOISE = re.compile(r"Failed to load resource: net::ERR_NAME_NOT_RESOLVED")
WIDGET_FAILURE = re.compile(r"Could not create a view|Error displaying widget|Failed to load model")


@pytest.fixture
def pages(request, browser, lab):
    """New pages at a given size; closed, and their kernels shut down, after the test. Each test
    starts with no saved answers (both modes share the progress file, as they should)."""
    contexts, started = [], time.monotonic()
    (lab.root / "course" / ".netnot-progress.json").unlink(missing_ok=True)

    def new(size: str = "1024x768"):
        width, height = check.SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(30_000)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        return page

    yield new
    with (ARTIFACTS / "timings.txt").open("a") as notes:
        notes.write(f"{request.node.name}: {time.monotonic() - started:.1f} s\n")
    for context in contexts:
        context.close()
    lab.shutdown_kernels()


@pytest.fixture(scope="module")
def reused(browser):
    """One JupyterLab page that the lesson tests share (each opens its lesson in place of the
    last one: JupyterLab is loaded once, not seven times); dropped after a failed test."""
    held: dict = {}
    yield held
    if "context" in held:
        held["context"].close()


@pytest.fixture
def lab_tab(request, reused, browser, lab):
    """The shared JupyterLab page at 1024x768, with no saved answers and a fresh console log."""
    (lab.root / "course" / ".netnot-progress.json").unlink(missing_ok=True)
    if "context" not in reused:
        width, height = check.SIZES["1024x768"]
        reused["context"] = browser.new_context(viewport={"width": width, "height": height})
        reused["context"].set_default_timeout(30_000)
        page = reused["page"] = reused["context"].new_page()
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page = reused["page"]
    page.set_viewport_size(dict(zip(("width", "height"), check.SIZES["1024x768"], strict=True)))
    page.console_errors = []
    started = time.monotonic()
    yield page
    with (ARTIFACTS / "timings.txt").open("a") as notes:
        notes.write(f"{request.node.name}: {time.monotonic() - started:.1f} s\n")
    if getattr(request.node, "failed_call", True):  # start the next test on a new page
        reused.pop("context").close()
        reused.clear()
    lab.shutdown_kernels()


def own_areas(mode: str) -> list[str]:
    """Where the course's own widgets and outputs are: audited and held to zero violations."""
    outputs = ".jp-OutputArea-output"
    return [f"{drive.PANEL} {outputs}" if mode == "lab" else outputs] + (
        [".nin-modebar"] if mode == "voila" else [])


def saved_answers(lab, lesson: str) -> dict:
    path = lab.root / "course" / ".netnot-progress.json"  # the notebook's folder
    assert path.is_file(), f"no progress file in the notebook's folder {path.parent}"
    return json.loads(path.read_text())["lessons"].get(lesson, {})


def predictions_start_unanswered(page, scope: str) -> None:
    for prediction in page.locator(f"{scope} .nin-check:has(button:text-is('Lock in and reveal'))"
                                   ).all():
        readout = prediction.locator(".nin-readout")
        if readout.count():
            assert readout.text_content().strip() == "not chosen yet"
        else:
            value = prediction.locator("select").first.evaluate("s => s.value")
            assert value == "— choose —", f"a prediction starts on a real answer: {value!r}"


def lock_in_a_prediction_with_the_keyboard(page, scope: str) -> str | None:
    prediction = page.locator(f"{scope} .nin-check:has(.nin-prediction)").first
    if not prediction.count():
        return None
    from playwright.sync_api import expect

    prediction.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    expect(prediction.locator(".nin-readout")).not_to_have_text("not chosen yet")
    prediction.locator("button").focus()
    page.keyboard.press("Enter")
    feedback = prediction.locator(".nin-feedback")
    expect(feedback).to_contain_text("Locked in", timeout=20_000)
    return feedback.inner_text()


def answer_a_question_with_the_keyboard(page, scope: str) -> str | None:
    question = page.locator(f"{scope} .nin-check:has(input[type=radio])").first
    if not question.count():
        return None
    from playwright.sync_api import expect

    question.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    question.locator("button").focus()
    page.keyboard.press("Enter")
    feedback = question.locator(".nin-feedback")
    expect(feedback).to_contain_text(re.compile("Correct|Not quite"), timeout=20_000)
    return feedback.inner_text()


def everything_a_learner_does(page, lab, lesson: Path, mode: str) -> dict:
    """The checks shared by both modes, on one loaded page; returns what was measured."""
    scope = drive.PANEL if mode == "lab" else "body"
    folder = ARTIFACTS / mode
    notes: dict = {}
    predictions_start_unanswered(page, scope)

    for size in check.SIZES:
        width, height = check.SIZES[size]
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)  # one layout pass after the resize (no other waits)
        boxes = check.measure(page)
        notes[size] = {"figure text px": boxes["figures"], "line heights": boxes["spacing"]}
        drive.shot(page, folder, f"{lesson.stem}-{size}")
        for kind in ("nin-explorer", "nin-check"):  # the widgets themselves, as shown
            widget = page.locator(f"{scope} .{kind}").first
            if widget.count():
                drive.shot(widget, folder, f"{lesson.stem}-{size}-{kind[4:]}")
        assert boxes["widgets"] > 0, "no course widget on the page"
        assert not boxes["found"], f"at {size}:\n" + "\n".join(boxes["found"])
        whole = lesson == LESSONS[0] and size == "1024x768"  # the page's own: listed once
        severe = check.audit(page, own_areas(mode), folder, f"{lesson.stem}-{size}", whole)
        assert not severe, f"axe at {size}:\n" + "\n".join(severe)
    page.set_viewport_size({"width": 1024, "height": 768})

    reach = check.unreachable(page)
    assert reach["count"] > 0 and not reach["found"], "\n".join(reach["found"])
    explorer = page.locator(f"{scope} .nin-explorer:has(.noUi-handle)").first
    if "lesson.explorer()" in lesson.read_text(encoding="utf-8"):
        assert explorer.count(), "the lesson builds an explorer but none with a slider is shown"
    if explorer.count():
        handles = explorer.locator(":scope > .nin-slider .noUi-handle")
        labels = [x.strip() for x in explorer.locator(":scope > .nin-slider .widget-label")
                  .all_text_contents()]  # (inner text is empty for a cell off screen)
        walk = check.tab_walk(page, handles.first, 2 * handles.count())
        missing = [x for x in labels if f"handle:{x}" not in walk]
        assert not missing, f"Tab does not reach the sliders {missing}; it went {walk}"
        moved = drive.move_slider_with_keyboard(page, explorer)
        assert moved["after"]["value"] != moved["before"]["value"]
        assert moved["after"]["src"] != moved["before"]["src"], "the picture did not change"
        assert moved["after"]["alt"] and moved["after"]["alt"] != moved["before"]["alt"], (
            "the picture's text alternative did not follow the data")
        fine = check.fine_step_is_announced(page)
        if fine is not None:
            notes["0.01 step"] = fine
            assert fine["valuetext"] != fine["before"], f"a 0.01 step is not announced: {fine}"
            assert fine["valuetext"] == fine["readout"], f"announced unlike the readout: {fine}"
    drive.shot(page, folder, f"{lesson.stem}-after-keyboard")

    revealed = lock_in_a_prediction_with_the_keyboard(page, scope)
    if revealed is not None:
        assert not re.search("[✓✗]|Correct|Not quite", revealed), revealed
    answered = answer_a_question_with_the_keyboard(page, scope)
    if answered is not None:
        assert saved_answers(lab, lesson.stem), "the answer was not saved beside the notebook"
    reflection = page.locator(f"{scope} .nin-check:has(textarea)")
    if reflection.count():
        status = drive.type_reflection(page, reflection.first, f"Written in {mode}.")
        assert status in {"Saved.", "Saved"}, status
        wanted, deadline = f"Written in {mode}.", time.monotonic() + 20
        while wanted not in saved_answers(lab, lesson.stem).values():  # saved as typed
            assert time.monotonic() < deadline, "the reflection was not saved as typed"
            page.wait_for_timeout(100)

    errors = [e for e in page.console_errors if not NOISE.search(e)]
    (folder / f"{lesson.stem}.console-errors.txt").write_text("\n".join(errors))
    assert not [e for e in errors if WIDGET_FAILURE.search(e)], "\n".join(errors)
    return notes


def record(mode: str, lesson: Path, notes: dict) -> None:
    with (ARTIFACTS / f"{mode}-measurements.jsonl").open("a") as out:
        out.write(json.dumps({"lesson": lesson.stem, **notes}) + "\n")


@pytest.mark.browser
@pytest.mark.parametrize("notebook", LESSONS, ids=IDS)
def test_lesson_in_jupyterlab(lab_tab, lab, notebook: Path) -> None:
    page = lab_tab
    drive.open_notebook(page, lab.url, f"course/{notebook.name}")
    # What a learner sees before anything runs.
    assert page.locator("#filebrowser").is_visible(), "the file browser should be open"
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Nbgrader" not in menus, menus
    assert not page.locator(".lm-TabBar-tab[title*='Create Assignment']").count()
    assert not page.locator(f"{drive.PANEL} .validate-button").count(), "a Validate button"
    assert not page.locator(".Toastify__toast").count(), "a notification (news?) greets learners"
    assert page.locator(f"{drive.PANEL} .jp-Toolbar-item[data-jp-item-name="
                        "'netnot-learner-mode']").is_visible(), "no Learner mode button"
    first = page.locator(f"{drive.PANEL} .jp-Cell").first
    assert "To start, choose Run → Run All Cells." in first.text_content()
    # (JupyterLab renders a long notebook's cells a few at a time: wait for all of them)
    page.wait_for_function(
        """(panel) => {
             const code = document.querySelectorAll(panel + ' .jp-CodeCell').length;
             return code > 0 && code === document.querySelectorAll(
               panel + ' .jp-CodeCell .jp-InputPlaceholder').length; }""",
        arg=drive.PANEL, timeout=15_000, polling=100)  # times out if any code is not folded
    assert not page.locator(f"{drive.PANEL} .jp-CodeCell .cm-editor").first.is_visible()

    drive.run_all(page)
    report = drive.summary(page)
    assert not drive.problems(report), "\n".join(drive.problems(report))
    record("lab", notebook, everything_a_learner_does(page, lab, notebook, "lab"))


def open_learner_mode(page, lab, name: str) -> None:
    page.goto(f"{lab.url}/voila/render/course/{name}")
    page.wait_for_selector("#rendered_cells", state="visible", timeout=120_000)
    page.wait_for_selector(".nin-check", timeout=60_000)
    page.wait_for_function(
        """() => ![...document.querySelectorAll('.jp-OutputArea-output')]
             .some(n => n.textContent.trim().startsWith('Loading widget'))""", polling=250)


@pytest.mark.browser
@pytest.mark.parametrize("notebook", LESSONS, ids=IDS)
def test_lesson_in_learner_mode(pages, lab, notebook: Path) -> None:
    page = pages("1024x768")
    open_learner_mode(page, lab, notebook.name)
    text = page.locator("body").inner_text()
    assert not page.locator(".jp-CodeCell .jp-InputArea:visible").count(), "code on the page"
    assert "To start, choose" not in text, "the JupyterLab start line shows in learner mode"
    assert page.locator(".nin-modebar").is_visible(), "no learner-mode bar"
    assert not page.locator(".jp-OutputArea-output [data-mime-type*='error']").count()
    switch = page.locator(".nin-modebar a.nin-switch")
    assert urlparse(switch.evaluate("a => a.href")).path == (
        f"{urlparse(lab.url).path}/lab/tree/course/{notebook.name}"), "the switch to JupyterLab"
    links = ".jp-RenderedMarkdown a[href$='.ipynb'], .jp-OutputArea-output a[href$='.ipynb']"
    for href in page.locator(links).evaluate_all(
            "links => links.map(a => a.href)"):
        path = urlparse(href).path
        assert path.startswith(f"{urlparse(lab.url).path}/voila/render/course/"), href
        assert (COURSE / Path(path).name).is_file(), f"a link to a missing lesson: {href}"
    record("voila", notebook, everything_a_learner_does(page, lab, notebook, "voila"))


@pytest.mark.browser
def test_one_click_from_learner_mode_to_jupyterlab_and_back(pages, lab) -> None:
    page = pages("1024x768")
    first = LESSONS[0].name
    open_learner_mode(page, lab, first)
    page.locator(".nin-modebar a.nin-switch").click()
    page.wait_for_selector(f"{drive.PANEL} .jp-Notebook", timeout=60_000)
    assert urlparse(page.url).path == f"{urlparse(lab.url).path}/lab/tree/course/{first}"
    from playwright.sync_api import expect

    expect(page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")).to_have_text(
        re.compile(re.escape(first)), timeout=30_000)
    drive.wait_for_kernel(page)
    with page.context.expect_page() as opened:
        page.locator(f"{drive.PANEL} .jp-Toolbar-item[data-jp-item-name="
                     "'netnot-learner-mode'] button").click()
    back = opened.value
    back.wait_for_selector(".nin-modebar", timeout=120_000)
    assert urlparse(back.url).path == f"{urlparse(lab.url).path}/voila/render/course/{first}"


@pytest.mark.browser
def test_an_instructor_gets_the_nbgrader_tools(browser, instructor_lab) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        drive.open_notebook(page, instructor_lab.url, f"course/{LESSONS[1].name}")
        page.wait_for_selector(f"{drive.PANEL} .validate-button", state="attached")
        assert "Nbgrader" in page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        assert page.locator(".lm-TabBar-tab[title*='Create Assignment']").count() == 1
        drive.shot(page, ARTIFACTS / "instructor", "jupyterlab")
    finally:
        context.close()
        instructor_lab.shutdown_kernels()
