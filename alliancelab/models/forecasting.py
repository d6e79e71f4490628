"""Scoring probability forecasts: the Brier score, a skill score against a reference, and calibration.

A forecast of a yes/no question is a probability ``p`` between 0 and 1; once the question is resolved its
outcome ``o`` is 1 (it happened) or 0 (it did not). The **Brier score** of ``n`` forecasts is the mean
squared error between the probabilities and the outcomes::

    BS = (1/n) * sum over i of (p_i - o_i) ** 2

It lies between 0 (every forecast certain and right) and 1 (every forecast certain and wrong); always
answering 0.5 scores 0.25 whatever happens. Lower is better. A forecaster is **calibrated** when the
events given probability ``p`` happen about ``p`` of the time: of everything you put at 70%, about seven in
ten should come true. :func:`calibration_table` groups forecasts into probability bins and compares the mean
forecast in each bin with how often the events happened (the data behind a reliability diagram).

References: Glenn W. Brier (1950), "Verification of forecasts expressed in terms of probability",
*Monthly Weather Review* 78(1): 1-3; Allan H. Murphy (1973), "A new vector partition of the probability
score", *Journal of Applied Meteorology* 12(4): 595-600 (calibration and resolution); Philip E. Tetlock and
Dan Gardner (2015), *Superforecasting: The Art and Science of Prediction* (Brier scores for political
questions).
"""

import math
from numbers import Real

import numpy as np
import pandas as pd

from alliancelab import validation
from alliancelab.errors import AllianceLabError
from alliancelab.validation import number

#: The score of a forecaster who always answers 0.5: (0.5 - o) ** 2 = 0.25 for either outcome.
COIN_FLIP_SCORE = 0.25

#: The most bins :func:`calibration_table` accepts as a count.
MAX_BINS = 20


def check_probabilities(probs, label: str = "Probability") -> np.ndarray:
    """``probs`` as a 1-D float array of numbers in [0, 1], or a clear error saying what to fix."""
    values = _sequence(probs, "probabilities")
    return np.asarray(
        [
            number(f"{label} {i + 1}", value, 0.0, 1.0, hint=" (a probability: 0.7 means 70%)")
            for i, value in enumerate(values)
        ],
        dtype=float,
    )


def check_outcomes(outcomes) -> np.ndarray:
    """``outcomes`` as a 1-D float array of 0s and 1s (True/False accepted), or a clear error."""
    checked = []
    for i, value in enumerate(_sequence(outcomes, "outcomes")):
        if isinstance(value, (bool, np.bool_)):
            value = float(value)
        missing = value is None or value is pd.NA or (isinstance(value, Real) and math.isnan(float(value)))
        if missing or not isinstance(value, Real) or float(value) not in (0.0, 1.0):
            hint = " An unresolved question has no outcome yet: leave it out." if missing else ""
            raise AllianceLabError(f"Outcome {i + 1} must be 0 (did not happen) or 1 (happened), got {value!r}.{hint}")
        checked.append(float(value))
    return np.asarray(checked, dtype=float)


def check_pairs(probs, outcomes) -> tuple[np.ndarray, np.ndarray]:
    """Checked probabilities and outcomes of the same, non-zero length."""
    p, o = check_probabilities(probs), check_outcomes(outcomes)
    if len(p) != len(o):
        raise AllianceLabError(f"Give one outcome per probability: got {len(p)} probabilities and {len(o)} outcomes.")
    return p, o


def squared_errors(probs, outcomes) -> np.ndarray:
    """The squared error ``(p - o) ** 2`` of each forecast: its share of the Brier score."""
    p, o = check_pairs(probs, outcomes)
    return (p - o) ** 2


def brier_score(probs, outcomes) -> float:
    """Mean squared error between probabilities and 0/1 outcomes: 0 is perfect, 0.25 is always saying 50%."""
    return float(squared_errors(probs, outcomes).mean())


def brier_skill_score(probs, outcomes, reference=0.5) -> float:
    """``1 - BS / BS_ref``: how much better than always answering ``reference`` (1 = perfect, 0 = no better)."""
    p, o = check_pairs(probs, outcomes)
    ref = number("The reference probability", reference, 0.0, 1.0, hint=" (a probability: 0.5 means 50%)")
    reference_score = float(((ref - o) ** 2).mean())
    if reference_score == 0:
        raise AllianceLabError(
            f"The reference forecast {ref:g} is already perfect for these outcomes, so no skill "
            "can be measured against it. Use a reference strictly between 0 and 1."
        )
    return 1 - float(((p - o) ** 2).mean()) / reference_score


def score_table(probs, outcomes, labels=None) -> pd.DataFrame:
    """One row per forecast: label, probability, outcome and squared error (the Brier score is its mean)."""
    p, o = check_pairs(probs, outcomes)
    if labels is None:
        labels = [f"Q{i + 1}" for i in range(len(p))]
    labels = [str(label) for label in _sequence(labels, "labels")]
    if len(labels) != len(p):
        raise AllianceLabError(f"Give one label per forecast: got {len(labels)} labels for {len(p)} forecasts.")
    return pd.DataFrame({"question": labels, "probability": p, "outcome": o.astype(int), "squared_error": (p - o) ** 2})


def bin_edges(bins=5) -> np.ndarray:
    """Probability bin edges: a count of equal-width bins over [0, 1], or your own edges from 0 to 1."""
    if isinstance(bins, (int, np.integer)) and not isinstance(bins, bool):
        count = int(number("The number of bins", int(bins), 1, MAX_BINS))
        return np.round(np.linspace(0.0, 1.0, count + 1), 12)  # so that 0.6 is an edge, not 0.6000000000000001
    if isinstance(bins, (str, bytes, dict, set)) or not hasattr(bins, "__len__"):
        raise AllianceLabError(
            f"bins must be a whole number of bins (1 to {MAX_BINS}) or a list of edges from 0 to 1, got {bins!r}."
        )
    edges = np.asarray([number(f"Bin edge {i + 1}", edge, 0.0, 1.0) for i, edge in enumerate(bins)], dtype=float)
    if len(edges) < 2 or edges[0] != 0.0 or edges[-1] != 1.0:
        raise AllianceLabError(f"Bin edges must start at 0 and end at 1, got {list(edges)}.")
    if np.any(np.diff(edges) <= 0):
        raise AllianceLabError(f"Bin edges must increase strictly, got {list(edges)}.")
    return edges


def calibration_table(probs, outcomes, bins=5) -> pd.DataFrame:
    """Forecasts grouped into probability bins: count, mean forecast and observed frequency in each.

    Bins are ``[lower, upper)`` except the last, which includes 1. Empty bins are kept with ``n = 0``
    and missing means, so the table always has one row per bin. ``gap`` is observed minus forecast:
    positive means the events happened more often than you said (you were under-confident there).
    """
    p, o = check_pairs(probs, outcomes)
    edges = bin_edges(bins)
    index = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, len(edges) - 2)
    rows = []
    for b in range(len(edges) - 1):
        inside = index == b
        n = int(inside.sum())
        forecast = float(p[inside].mean()) if n else float("nan")
        observed = float(o[inside].mean()) if n else float("nan")
        rows.append(
            {
                "bin": f"{edges[b]:.2f}-{edges[b + 1]:.2f}",
                "lower": edges[b],
                "upper": edges[b + 1],
                "n": n,
                "mean_forecast": forecast,
                "observed_rate": observed,
                "gap": observed - forecast,
            }
        )
    return pd.DataFrame(rows)


def calibration_error(probs, outcomes, bins=5) -> float:
    """Expected calibration error: the n-weighted mean of |observed - forecast| over non-empty bins."""
    table = calibration_table(probs, outcomes, bins)
    filled = table[table["n"] > 0]
    return float((filled["n"] * filled["gap"].abs()).sum() / filled["n"].sum())


def resolved(questions: pd.DataFrame) -> pd.DataFrame:
    """The rows of a questions table (``data.load("forecast_questions")``) whose outcome is recorded."""
    validation.table(questions, "forecast_questions", ["outcome"])
    return questions[questions["outcome"].notna()]


def _sequence(values, name: str) -> list:
    """A list of the items of a list, tuple, 1-D array or Series; a clear error for anything else."""
    if isinstance(values, pd.DataFrame):
        raise AllianceLabError(f"The {name} must be one column (a list, tuple, array or Series), got a DataFrame.")
    if isinstance(values, pd.Series):
        values = values.tolist()
    elif isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise AllianceLabError(f"The {name} must be one-dimensional, got an array of shape {values.shape}.")
        values = values.tolist()
    elif isinstance(values, (list, tuple)):
        values = list(values)
    else:
        raise AllianceLabError(
            f"The {name} must be a list, tuple, NumPy array or pandas Series, got {type(values).__name__}."
        )
    if not values:
        raise AllianceLabError(f"The {name} are empty: give at least one forecast.")
    nested = [v for v in values if isinstance(v, (list, tuple, np.ndarray, pd.Series))]
    if nested:
        raise AllianceLabError(f"The {name} must be a flat list of numbers, got a nested item {nested[0]!r}.")
    return values
