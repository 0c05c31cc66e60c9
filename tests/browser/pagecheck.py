"""What a learner meets on a lesson page, measured in the browser: element boxes (nothing clipped
or running off the side, sliders aligned, text spaced like the markdown, figure text size), an
axe-core audit, and the keyboard. Shared by JupyterLab and learner mode (Voilà).
"""

from __future__ import annotations

import json
from pathlib import Path

from netnot.figures.live import DPI, MIN_POINTS

COURSE_ROOTS = ".nin-explorer, .nin-check, .nin-overview, .nin-plan"
SIZES = {"1024x768": (1024, 768), "1920x1080": (1920, 1080)}
AXE_SEVERE = {"serious", "critical"}

# Every measurement is made inside the course's own widgets (class nin-*), whatever the page.
BOXES = """async ([roots, dpi, minPoints]) => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const found = [], visible = (el) => el.offsetParent !== null && el.getClientRects().length;
  const name = (el) => (el.textContent || el.getAttribute('aria-label') || el.className || '')
                        .trim().slice(0, 60);
  const widgets = [...document.querySelectorAll(roots)].filter(visible)
    .filter(el => !el.parentElement.closest(roots));  // outermost only
  for (const root of widgets) {
    // JupyterLab lays out only the cells on screen (content-visibility): bring each one there.
    root.scrollIntoView({block: 'center'});
    await frame();
    const area = root.closest('.jp-OutputArea-output') || root.parentElement;
    const limit = area.getBoundingClientRect();
    const box = root.getBoundingClientRect();
    if (root.scrollWidth > root.clientWidth + 1)
      found.push(`${name(root)}: scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px)`);
    if (box.right > limit.right + 1 || box.left < limit.left - 1)
      found.push(`${name(root)}: runs out of its output (${box.left}-${box.right} px, ` +
                 `output ${limit.left}-${limit.right})`);
    if (box.right > window.innerWidth + 1)
      found.push(`${name(root)}: runs off the screen (${box.right} > ${window.innerWidth})`);
    const texts = root.querySelectorAll(
      '.widget-label, .widget-readout, .nin-readout, button, .widget-radio-box label');
    for (const el of [...texts].filter(visible)) {
      if (el.scrollWidth > el.clientWidth + 1)
        found.push(`text cut: "${name(el)}" (${el.scrollWidth} > ${el.clientWidth} px)`);
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1) found.push(`text outside its widget: "${name(el)}"`);
    }
  }
  // Sliders of one explorer: every track starts at the same x and has the same length.
  const ragged = [];
  for (const explorer of document.querySelectorAll('.nin-explorer')) {
    explorer.scrollIntoView({block: 'center'});
    await frame();
    const tracks = [...explorer.querySelectorAll(':scope > .nin-slider .slider-container')]
      .filter(visible).map(t => t.getBoundingClientRect());
    if (tracks.length < 2) continue;
    const lefts = tracks.map(t => Math.round(t.left));
    const widths = tracks.map(t => Math.round(t.width));
    const spread = (xs) => Math.max(...xs) - Math.min(...xs);
    if (spread(lefts) > 1 || spread(widths) > 1) ragged.push({lefts, widths});
  }
  if (ragged.length) found.push(`slider tracks not aligned: ${JSON.stringify(ragged)}`);
  // Figure text: MIN_POINTS at the figure's DPI, scaled by the width it is shown at.
  const figures = [];
  for (const img of document.querySelectorAll('img.nin-plot')) {
    img.scrollIntoView({block: 'center'});
    await frame();
    if (!visible(img) || !img.naturalWidth) continue;
    const px = minPoints * dpi / 72 * img.clientWidth / img.naturalWidth;
    figures.push(Math.round(px * 10) / 10);
    if (px < 12) found.push(`figure text ${px.toFixed(1)} px (< 12) at ${img.clientWidth} px wide`);
    if (!(img.getAttribute('title') || img.getAttribute('alt')))
      found.push('a picture without a text alternative');
  }
  // Widget text spaced like the markdown around it (within 15%).
  const md = document.querySelector('.jp-RenderedMarkdown p');
  const text = document.querySelector(`:is(${roots}) .widget-html-content`);
  let spacing = null;
  if (md && text) {
    const a = parseFloat(getComputedStyle(md).lineHeight);
    const b = parseFloat(getComputedStyle(text).lineHeight);
    spacing = [a, b];
    if (Math.abs(a - b) > 0.15 * a) found.push(`widget line height ${b} px, markdown ${a} px`);
  }
  return {found, figures, spacing, widgets: widgets.length};
}"""

# The course's own controls: each can be reached with Tab (in the tab order, not disabled).
CONTROLS = """(roots) => {
  const found = [];
  const controls = [...document.querySelectorAll(
    `:is(${roots}) :is(input, select, textarea, button, .noUi-handle)`)]
    .filter(el => el.offsetParent !== null);
  for (const el of controls) {
    if (el.disabled) continue;
    if (el.tabIndex < 0) found.push(`not reachable with Tab: ${el.outerHTML.slice(0, 120)}`);
  }
  return {found, count: controls.length};
}"""

FOCUSED = """() => { const el = document.activeElement;
  return el ? (el.getAttribute('aria-valuetext') !== null ? 'handle:' + el.closest('.widget-slider')
    ?.querySelector('.widget-label')?.textContent : el.tagName + ':' + (el.textContent || '')
    .trim().slice(0, 30)) : ''; }"""


def measure(page) -> dict:
    """Boxes, alignment, figure text size and line spacing of the course's widgets."""
    return page.evaluate(BOXES, [COURSE_ROOTS, DPI, MIN_POINTS])


def unreachable(page) -> dict:
    return page.evaluate(CONTROLS, COURSE_ROOTS)


def audit(page, own: list[str], folder: Path, name: str, whole_page: bool) -> list[str]:
    """axe-core on the page. Returns the serious or critical violations inside ``own`` (the
    course's widgets and outputs); writes them, and with ``whole_page`` every violation of the
    page (JupyterLab's or Voilà's own: the same on every lesson), to ``folder/name.axe.json``."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    everything = axe.run(page).response["violations"] if whole_page else []
    mine = axe.run(page, context={"include": [[selector] for selector in own]})
    severe = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {node['target']} {node['html'][:160]}"
        for v in mine.response["violations"] if v["impact"] in AXE_SEVERE for node in v["nodes"]
    ]
    folder.mkdir(parents=True, exist_ok=True)
    listing = {
        "course": mine.response["violations"],
        "page (JupyterLab or Voilà, not failed)": [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:20]} for v in everything
        ],
    }
    (folder / f"{name}.axe.json").write_text(json.dumps(listing, indent=1))
    return severe


def tab_walk(page, start, presses: int) -> list[str]:
    """Focus ``start`` and press Tab ``presses`` times; what had the focus at each step."""
    start.focus()
    seen = [page.evaluate(FOCUSED)]
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
    return seen


def fine_step_is_announced(page) -> dict | None:
    """On a FloatSlider with a 0.01 step: does one arrow key change what a screen reader
    hears (aria-valuetext) and the value (aria-valuenow)?"""
    from playwright.sync_api import expect

    sliders = page.locator(".nin-explorer .widget-slider:has(.widget-readout)")
    for index in range(sliders.count()):
        slider = sliders.nth(index)
        handle = slider.locator(".noUi-handle")
        if not (handle.count() and "." in (slider.locator(".widget-readout").inner_text())):
            continue
        low, high = float(handle.get_attribute("aria-valuemin")), float(
            handle.get_attribute("aria-valuemax"))
        now = float(slider.locator(".widget-readout").inner_text())
        before = handle.get_attribute("aria-valuetext")
        handle.focus()
        page.keyboard.press("ArrowRight" if now < high else "ArrowLeft")
        expect(handle).not_to_have_attribute("aria-valuetext", before, timeout=5000)
        readout = slider.locator(".widget-readout").inner_text()
        try:  # the course's script says what the readout shows, one frame later
            expect(handle).to_have_attribute("aria-valuetext", readout, timeout=2000)
        except AssertionError:
            pass  # reported by the caller, with both texts
        after = {"valuetext": handle.get_attribute("aria-valuetext"), "readout": readout}
        step = abs(float(after["readout"]) - now)
        if step < 0.05 * (high - low):  # a fine step (0.01 on a 0..0.3 slider)
            return {"before": before, **after, "step": round(step, 6)}
    return None
