"""Accessibility, checked without a browser.

* Every figure a lesson explorer shows has alt text, and the words change whenever the picture
  does (a screen-reader user must not miss what a slider did).
* The course palette stays distinguishable under simulated protanopia, deuteranopia and
  tritanopia, and lesson figures draw only with it (plus neutral greys).
* Every control in every explorer and check has a visible text label (``description``).

Keyboard access is covered by the browser tests, which move a slider with the keyboard alone.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil
import typing
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as W
import matplotlib.colors as mcolors
import numpy as np
import pytest

import netnot.widgets
from netnot import style
from netnot.course import LESSONS
from netnot.figures.live import LiveFigure
from netnot.progress import ProgressStore
from netnot.widgets import checks
from netnot.widgets.explorer import Explorer

COURSE = Path(__file__).resolve().parents[1] / "course"
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
WIDGET_MODULES = sorted(
    m.name for m in pkgutil.iter_modules(netnot.widgets.__path__) if m.name not in {
        "checks", "explorer"}
)


# --- colour vision ---------------------------------------------------------------------------
# Machado, Oliveira & Fernandes (2009), IEEE TVCG 15(6): full-severity simulation matrices,
# applied to linear RGB.
SIMULATIONS = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}
MIN_DELTA_E = 12.0  # CIE76 distance in CIELAB; about 2.3 is "just noticeable"


def linear_rgb(colour: str) -> np.ndarray:
    srgb = np.array(mcolors.to_rgb(colour))
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def cielab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ np.clip(linear, 0, 1)
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours: list[str], simulation: str) -> tuple[float, str, str]:
    matrix = np.array(SIMULATIONS[simulation])
    seen = {c: cielab(matrix @ linear_rgb(c)) for c in colours}
    return min(
        (float(np.linalg.norm(seen[a] - seen[b])), a, b)
        for a, b in itertools.combinations(colours, 2)
    )


def test_palette_is_okabe_ito() -> None:
    assert len(set(style.PALETTE)) == len(style.PALETTE) >= 5
    assert {c.upper() for c in style.PALETTE} <= OKABE_ITO


@pytest.mark.parametrize("simulation", sorted(SIMULATIONS))
def test_palette_stays_distinguishable_with_colour_vision_deficiency(simulation: str) -> None:
    distance, a, b = closest_pair(list(style.PALETTE), simulation)
    assert distance >= MIN_DELTA_E, f"{a} and {b} look alike with {simulation} (ΔE {distance:.1f})"


def test_the_simulation_catches_a_palette_that_is_not_safe() -> None:
    """matplotlib's default tab10 red and green merge for deuteranopes: the check must see it."""
    distance, _, _ = closest_pair(["#d62728", "#2ca02c"], "deuteranopia")
    assert distance < MIN_DELTA_E
    assert closest_pair(["#d62728", "#2ca02c"], "tritanopia")[0] > 50  # and not for tritanopes


def drawn_colours(figure: LiveFigure) -> set[str]:
    """The colours of every line, patch, collection and text drawn on the figure's axes."""
    colours: list = []
    for axes in figure.fig.axes:
        for line in axes.lines:
            colours += [line.get_color(), line.get_markerfacecolor()]
        for patch in axes.patches:
            colours += [patch.get_facecolor(), patch.get_edgecolor()]
        for collection in axes.collections:
            colours += [*collection.get_facecolors(), *collection.get_edgecolors()]
        colours += [text.get_color() for text in axes.texts]
    found = set()
    for colour in colours:
        if isinstance(colour, str) and colour.lower() == "none":
            continue
        rgba = mcolors.to_rgba(colour)
        if rgba[3] > 0:
            found.add(mcolors.to_hex(rgba[:3]).upper())
    return found


def is_neutral(colour: str) -> bool:
    r, g, b = mcolors.to_rgb(colour)
    return max(r, g, b) - min(r, g, b) < 0.02


# --- discovering the lessons' widgets -------------------------------------------------------

def lesson_has_notebook(lesson_id: str) -> bool:
    return (COURSE / f"{lesson_id}.ipynb").exists()


def topic_module(topic: str):
    try:
        return importlib.import_module(f"netnot.widgets.{topic}")
    except ModuleNotFoundError as missing:
        if missing.name != f"netnot.widgets.{topic}":
            raise
        return None


TOPICS = [x for x in LESSONS if x.myth]
# Lessons with a notebook in course/: each must have its widgets module and explorer. (Lessons not
# written yet have neither; they join these tests as soon as their notebook lands.)
WRITTEN = [x for x in TOPICS if lesson_has_notebook(x.id)]


def test_lessons_with_a_topic_are_written() -> None:
    assert WRITTEN, "no lesson with a simulation in course/"


@pytest.mark.parametrize("lesson", WRITTEN, ids=[x.id for x in WRITTEN])
def test_every_lesson_topic_has_an_explorer(lesson) -> None:
    module = topic_module(lesson.topic)
    assert module is not None, f"course/{lesson.id}.ipynb has no netnot.widgets.{lesson.topic}"
    assert callable(getattr(module, "explorer", None)), (
        f"netnot.widgets.{lesson.topic} has no explorer()"
    )
    assert isinstance(module.explorer(), Explorer)


def explorers() -> Iterator[tuple[str, Explorer]]:
    for lesson in WRITTEN:
        module = topic_module(lesson.topic)
        if module is not None and callable(getattr(module, "explorer", None)):
            yield lesson.topic, module.explorer()


def widget_factories() -> list[tuple[str, str]]:
    """Public functions in the lesson widget modules that build a widget (explorers, checks)."""
    found = []
    for name in WIDGET_MODULES:
        module = importlib.import_module(f"netnot.widgets.{name}")
        for attr, func in inspect.getmembers(module, inspect.isfunction):
            if attr.startswith("_") or func.__module__ != module.__name__:
                continue
            returns = typing.get_type_hints(func).get("return")
            needs_args = any(
                p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                for p in inspect.signature(func).parameters.values()
            )
            if inspect.isclass(returns) and issubclass(returns, W.Widget) and not needs_args:
                found.append((name, attr))
    return found


FACTORIES = widget_factories()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProgressStore:
    """Checks save answers: keep them in a temporary folder, never beside the tests."""
    monkeypatch.chdir(tmp_path)
    the_store = ProgressStore(tmp_path)
    monkeypatch.setattr(checks, "_STORE", the_store)
    return the_store


def build(module: str, factory: str, store: ProgressStore) -> W.Widget:
    func = getattr(importlib.import_module(f"netnot.widgets.{module}"), factory)
    takes_store = "store" in inspect.signature(func).parameters
    return func(store=store) if takes_store else func()


def controls(widget: W.Widget) -> Iterator[W.Widget]:
    """Every interactive control inside ``widget``: the ones that can be disabled."""
    if "disabled" in widget.trait_names():
        yield widget
    for child in getattr(widget, "children", ()):
        yield from controls(child)


# --- labels -----------------------------------------------------------------------------------

def test_the_lessons_build_explorers_and_checks() -> None:
    built = {attr for _, attr in FACTORIES}
    assert "explorer" in built
    kinds = set()
    for module, attr in FACTORIES:
        func = getattr(importlib.import_module(f"netnot.widgets.{module}"), attr)
        kinds.add(typing.get_type_hints(func)["return"])
    assert kinds & {checks.MultipleChoice, checks.PredictThenReveal, checks.SortIntoGroups}


@pytest.mark.parametrize(("module", "factory"), FACTORIES, ids=[f"{m}.{f}" for m, f in FACTORIES])
def test_every_control_has_a_text_label(module: str, factory: str, store: ProgressStore) -> None:
    widget = build(module, factory, store)
    found = list(controls(widget))
    for control in found:
        label = (control.description or "").strip().rstrip(":")
        assert label, f"{type(control).__name__} in {module}.{factory}() has no description"
        if isinstance(control, W.Button):
            assert control.description.strip(), "a button needs words, not only an icon"
    kind = type(widget)
    if issubclass(kind, (Explorer, checks.Check, checks.Reflection)):
        assert found, f"{module}.{factory}() has no controls"


# --- alt text ---------------------------------------------------------------------------------

def other_value(control: W.ValueWidget) -> object:
    """A different legal value: the far end of a slider, the next option, the other state."""
    if hasattr(control, "max") and hasattr(control, "min"):
        return control.max if control.value != control.max else control.min
    if hasattr(control, "options"):
        return control.options[(control.index + 1) % len(control.options)]
    if isinstance(control.value, bool):
        return not control.value
    raise AssertionError(f"the test does not know how to change a {type(control).__name__}")


def test_there_are_explorers_to_check() -> None:
    assert list(explorers()), "no lesson explorer found"


@pytest.mark.parametrize("topic", [x.topic for x in WRITTEN])
def test_figure_alt_text_follows_every_control(topic: str) -> None:
    module = topic_module(topic)
    assert module is not None
    explorer = module.explorer()
    figure = explorer.figure
    assert isinstance(figure, LiveFigure)
    assert type(figure).alt_text is not LiveFigure.alt_text, "the figure does not describe itself"
    assert figure.alt.strip(), "the figure starts without alt text"
    assert explorer.plot.tooltip == figure.alt, "the <img> does not carry the alt text"
    changed_words = 0
    for name, control in explorer.controls.items():
        before_alt, before_img = figure.alt, explorer.plot.value
        control.value = other_value(control)
        if explorer.error.value:
            continue  # the model refused that value; the last figure stays (tested elsewhere)
        assert figure.alt.strip(), f"no alt text after changing {name}"
        if explorer.plot.value != before_img:
            assert figure.alt != before_alt, (
                f"changing {name} changed the picture but not its alt text: {figure.alt!r}"
            )
            changed_words += 1
        assert "nan" not in figure.alt.lower().split(), figure.alt
    assert changed_words >= 1, "no control changed the figure"


@pytest.mark.parametrize("topic", [x.topic for x in WRITTEN])
def test_lesson_figures_draw_with_the_palette(topic: str) -> None:
    module = topic_module(topic)
    assert module is not None
    figure = module.explorer().figure
    used = drawn_colours(figure)
    assert used, "found nothing drawn"
    allowed = {c.upper() for c in style.PALETTE} | {style.GREY.upper()}
    stray = sorted(c for c in used if c not in allowed and not is_neutral(c))
    assert not stray, f"colours outside the colour-blind-safe palette: {stray}"
