"""Figures: draw a model's result onto axes, updating artists in place (never rebuilding)."""
