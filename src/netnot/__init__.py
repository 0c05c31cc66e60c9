"""Networking Is Not…: the models, figures and widgets behind the course notebooks.

Layers, one way: ``models`` (pure numpy) -> ``figures`` (matplotlib) -> ``widgets`` (ipywidgets).
"""

__version__ = "0.1.0"
