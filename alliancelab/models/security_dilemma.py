"""The alliance security dilemma: fear of abandonment against fear of entrapment.

Glenn H. Snyder (1984), "The Security Dilemma in Alliance Politics", *World Politics* 36(4): 461-495.
An ally that commits firmly to its patron lowers the risk of being **abandoned** (the patron feels
valued and stays), but raises the risk of being **entrapped** (dragged into the patron's own
conflicts). A looser commitment does the reverse. Hedging (Kuik 2008; Goh 2005) is the strategy of
keeping commitment moderate and building other partnerships instead of choosing a side outright.

This is a *teaching model*: deliberately simple, transparent functional forms, not an estimate.
An ally chooses a commitment level ``c`` in [0, 1]; every parameter is a number in [0, 1]:

- ``threat``: chance that the ally faces a crisis in which it needs its patron;
- ``reliability``: chance that the patron helps in that crisis even if the ally commits nothing;
- ``dependence``: how much of the ally's security rests on the patron (the harm of being abandoned);
- ``outside_options``: the share of that harm other partners can make up (e.g. India, Australia, ASEAN);
- ``patron_conflict``: how likely the patron is to get into a conflict of its own that can drag the ally in.

The three curves:

- abandonment risk   A(c) = threat * (1 - reliability) * (1 - c)       (falls in a straight line)
- entrapment risk    E(c) = patron_conflict * c**2                       (rises, ever faster: fewer escape clauses)
- expected cost      C(c) = dependence * (1 - outside_options) * A(c) + E(c)

(the harm of being entrapped is the unit of cost). Setting C'(c) = 0 gives the best commitment

    c* = dependence * (1 - outside_options) * threat * (1 - reliability) / (2 * patron_conflict),

clipped to [0, 1]: more threat, more dependence or a less reliable patron push c* up (commit more);
better outside options or a more conflict-prone patron push it down (hedge).
"""

from dataclasses import dataclass, fields, replace

import numpy as np

from alliancelab.errors import AllianceLabError
from alliancelab.validation import number

#: The model's parameters in the order the widget shows them, with a plain-language label each.
PARAMETERS = {
    "threat": "Threat level",
    "dependence": "Dependence on the patron",
    "reliability": "Patron's reliability",
    "outside_options": "Outside options (partners)",
    "patron_conflict": "Patron's own conflicts",
}


def _unit_number(name: str, value, low_open: bool = False) -> float:
    """``value`` as a float in [0, 1] (or (0, 1] if ``low_open``), else an AllianceLabError saying what to fix."""
    if low_open and value == 0 and not isinstance(value, bool):
        raise AllianceLabError(
            f"{name} must be greater than 0, got 0: with no entrapment risk at all, "
            "the model has no trade-off (set a small value such as 0.05)."
        )
    return number(name, value, 0, 1, low_open=low_open)


@dataclass(frozen=True)
class Alliance:
    """The situation an ally faces; every parameter is a number in [0, 1] (see the module docstring).

    The defaults are illustrative guesses for Japan facing Trump 2.0, for teaching only.
    """

    threat: float = 0.7
    dependence: float = 0.8
    reliability: float = 0.6
    outside_options: float = 0.2
    patron_conflict: float = 0.15

    def __post_init__(self):
        for field in fields(self):
            name = f"{field.name} ({PARAMETERS[field.name].lower()})"
            value = _unit_number(name, getattr(self, field.name), low_open=field.name == "patron_conflict")
            object.__setattr__(self, field.name, value)

    def with_(self, **changes) -> "Alliance":
        """A copy with some parameters changed (checked like the original)."""
        unknown = [name for name in changes if name not in PARAMETERS]
        if unknown:
            raise AllianceLabError(f"Unknown parameter {unknown[0]!r}. Known parameters: {', '.join(PARAMETERS)}.")
        return replace(self, **changes)


def _check_alliance(alliance) -> Alliance:
    if not isinstance(alliance, Alliance):
        raise AllianceLabError(f"Expected an Alliance (security_dilemma.Alliance(...)), got {type(alliance).__name__}.")
    return alliance


def _commitment(c) -> np.ndarray | float:
    """A commitment level or an array of them, each in [0, 1]."""
    if isinstance(c, (list, tuple, np.ndarray)):
        try:
            values = np.asarray(c, dtype=float)
        except (TypeError, ValueError):
            raise AllianceLabError("Every commitment level must be a number between 0 and 1.") from None
        if np.isnan(values).any() or (values < 0).any() or (values > 1).any():
            raise AllianceLabError("Every commitment level must be a number between 0 and 1 (no NaN).")
        return values
    return _unit_number("commitment", c)


def abandonment_risk(c, alliance: Alliance):
    """Chance of a crisis in which the patron does not help: threat * (1 - reliability) * (1 - c)."""
    alliance, c = _check_alliance(alliance), _commitment(c)
    return alliance.threat * (1 - alliance.reliability) * (1 - c)


def entrapment_risk(c, alliance: Alliance):
    """Chance of being dragged into the patron's own conflict: patron_conflict * c**2."""
    alliance, c = _check_alliance(alliance), _commitment(c)
    return alliance.patron_conflict * c**2


def abandonment_weight(alliance: Alliance) -> float:
    """Harm of being abandoned relative to being entrapped: dependence * (1 - outside_options)."""
    alliance = _check_alliance(alliance)
    return alliance.dependence * (1 - alliance.outside_options)


def expected_cost(c, alliance: Alliance):
    """Expected cost of commitment ``c``: abandonment_weight * A(c) + E(c)."""
    return abandonment_weight(alliance) * abandonment_risk(c, alliance) + entrapment_risk(c, alliance)


def optimal_commitment(alliance: Alliance) -> float:
    """The commitment that minimises expected cost (closed form, clipped to [0, 1])."""
    alliance = _check_alliance(alliance)
    pull = abandonment_weight(alliance) * alliance.threat * (1 - alliance.reliability)
    return float(min(1.0, pull / (2 * alliance.patron_conflict)))


def curves(alliance: Alliance, points: int = 101) -> dict:
    """Commitment levels from 0 to 1 and the three curves at each (arrays of ``points`` values)."""
    if isinstance(points, bool) or not isinstance(points, (int, np.integer)) or points < 2:
        raise AllianceLabError(f"points must be a whole number of at least 2, got {points!r}.")
    c = np.linspace(0.0, 1.0, int(points))
    return {
        "commitment": c,
        "abandonment": abandonment_risk(c, alliance),
        "entrapment": entrapment_risk(c, alliance),
        "cost": expected_cost(c, alliance),
    }


def sweep(alliance: Alliance, parameter: str, values) -> np.ndarray:
    """The best commitment as one parameter takes each of ``values`` (the others held fixed)."""
    _check_alliance(alliance)
    if parameter not in PARAMETERS:
        raise AllianceLabError(f"Unknown parameter {parameter!r}. Known parameters: {', '.join(PARAMETERS)}.")
    return np.array([optimal_commitment(alliance.with_(**{parameter: value})) for value in values])


def regime(alliance: Alliance) -> str:
    """Which fear dominates at the optimum: 'abandonment' (c* = 1), 'entrapment' (c* = 0) or 'balanced'."""
    best = optimal_commitment(alliance)
    if best >= 1.0:
        return "abandonment"
    if best <= 0.0:
        return "entrapment"
    return "balanced"
