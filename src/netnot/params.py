"""Checking a learner's parameters, with messages a learner understands."""

from __future__ import annotations

import numbers


class ParameterError(ValueError):
    """A parameter is missing, of the wrong type or out of range. The message says how to fix it."""


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def check_number(label: str, value: object, low: float, high: float) -> float:
    """Return ``value`` as a float if it is a number between ``low`` and ``high`` (inclusive)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ParameterError(f"{label} must be a number; got {_show(value)}")
    number = float(value)
    if not low <= number <= high:  # also refuses NaN
        raise ParameterError(f"{label} must be between {low:g} and {high:g}; got {_show(value)}")
    return number


def check_whole(label: str, value: object, low: int, high: int) -> int:
    """Return ``value`` as an int if it is a whole number between ``low`` and ``high``."""
    number = check_number(label, value, low, high)
    if number != int(number):
        raise ParameterError(f"{label} must be a whole number; got {_show(value)}")
    return int(number)


def check_choice(label: str, value: object, choices: list[str] | tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``choices``."""
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ParameterError(f"{label} must be one of {options}; got {_show(value)}")
    return str(value)
