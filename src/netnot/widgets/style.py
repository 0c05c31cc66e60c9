"""What every course widget carries with it, so that it works wherever it is shown (JupyterLab,
learner mode in Voilà, a JupyterHub): the course stylesheet (src/netnot/netnot.css), and names
for the slider handles that screen readers can announce.

ipywidgets' slider handle (noUiSlider) is a ``role="slider"`` element with no accessible name:
axe-core reports it as a serious violation (aria-input-field-name), and a screen reader says only
"slider, 3". A tiny anywidget names each course slider's handle after its label, makes it say
what its readout shows (noUiSlider says "0.11000000000000001" for 0.11), and makes a prediction
slider that has not been touched say "not chosen yet".
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import anywidget
import ipywidgets as W
from traitlets import Unicode

ESM = """
const SLIDERS = ':is(.nin-explorer, .nin-check, .nin-plan, .nin-overview) .widget-slider';

function nameHandles() {
  for (const slider of document.querySelectorAll(SLIDERS)) {
    const handle = slider.querySelector('.noUi-handle');
    if (!handle) continue;
    const label = slider.querySelector('.widget-label');
    const name = (label && label.textContent.trim()) || 'slider';
    if (handle.getAttribute('aria-label') !== name) handle.setAttribute('aria-label', name);
    // A screen reader says what the readout shows ("0.11", not "0.11000000000000001"); an
    // untouched prediction says "not chosen yet".
    const box = slider.parentElement;
    const readout = box && box.classList.contains('nin-prediction')
      ? box.querySelector('.nin-readout') : slider.querySelector('.widget-readout');
    const said = readout && readout.textContent.trim();
    if (said && handle.getAttribute('aria-valuetext') !== said) {
      handle.setAttribute('aria-valuetext', said);
    }
  }
}

let pending = false;
function soon() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; nameHandles(); });
}

export default {
  render({ model }) {
    if (!document.getElementById('nin-style')) {
      const style = document.createElement('style');
      style.id = 'nin-style';
      style.textContent = model.get('css');
      document.head.appendChild(style);
    }
    if (!window.ninNaming) {
      window.ninNaming = new MutationObserver(soon);
      window.ninNaming.observe(document.body, {
        childList: true, subtree: true, characterData: true,
        attributes: true, attributeFilter: ['aria-valuetext'],
      });
    }
    soon();
  },
};
"""


@lru_cache(maxsize=1)
def css() -> str:
    """The stylesheet's text (read once, when the first widget needs it)."""
    return resources.files("netnot").joinpath("netnot.css").read_text(encoding="utf-8")


class CourseStyle(anywidget.AnyWidget):
    """Puts the course stylesheet into the page once and names the course's slider handles."""

    _esm = ESM
    css = Unicode("").tag(sync=True)


def stylesheet() -> CourseStyle:
    """An invisible widget with the stylesheet and the slider names; every course widget has one."""
    carrier = CourseStyle(css=css(), layout=W.Layout(display="none"))
    carrier.add_class("nin-style")
    return carrier
