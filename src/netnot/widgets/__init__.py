"""Widgets: thin ipywidgets wiring from controls to models and figures, plus formative checks."""
