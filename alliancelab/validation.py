"""Checking what a learner or a widget passes to a model (numbers, data tables): one rule, one message style."""

import math
from numbers import Real

import pandas as pd

from alliancelab.errors import AllianceLabError


def table(frame, name: str, columns) -> pd.DataFrame:
    """``frame`` if it is the data table ``name`` (a DataFrame with ``columns``), else a clear error."""
    expected = f"Expected the {name} table (data.load('{name}'))"
    if not isinstance(frame, pd.DataFrame):
        raise AllianceLabError(f"{expected}, got {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise AllianceLabError(f"{expected}; it lacks column(s) {', '.join(missing)}.")
    return frame


def number(name: str, value, low=None, high=None, *, low_open=False, unit="", hint="") -> float:
    """``value`` as a finite float within [low, high] (``low`` excluded if ``low_open``), else a clear error.

    ``name`` starts the message ("The tariff rate must be ..."); ``unit`` follows each number and
    ``hint`` explains the scale, e.g. " (a share: 0.6 means 60%)".
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise AllianceLabError(f"{name} must be a number, got {value!r}.")
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        raise AllianceLabError(f"{name} must be a finite number, got {value}.")
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and value > high
    if too_low or too_high:
        raise AllianceLabError(f"{name} must be {_rule(low, high, low_open, unit)}{hint}, got {value:g}{unit}.")
    return value


def _rule(low, high, low_open: bool, unit: str) -> str:
    if low is not None and high is not None and not low_open:
        return f"between {low:g} and {high:g}{unit}"
    parts = []
    if low is not None:
        parts.append(f"greater than {low:g}" if low_open else f"at least {low:g}")
    if high is not None:
        parts.append(f"at most {high:g}")
    return " and ".join(parts) + unit
