"""Checking the numbers a learner or a widget passes to a model: one rule, one message style."""

import math
from numbers import Real

from alliancelab.errors import AllianceLabError


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
