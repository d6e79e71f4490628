"""A transparent scoring model: which of the brief's recommendations do your assumptions favour?

A teaching model, not a forecast. The learner places five assumptions about the world on a
scale from -1 ("very low") to +1 ("very high"); each recommendation's score is the weighted sum

    score(r) = sum over assumptions a of  WEIGHTS[r][a] * position[a]

so every point of a score can be traced to one assumption and one weight. A positive score means
the assumptions favour the recommendation, a negative one that they count against it. A score
can range from -S to +S, where S is the sum of the absolute weights of that recommendation.
The weights are judgements written down so that they can be challenged (``REASONS`` gives the
reason for each one); pass your own ``weights`` to any function to test a different view.

Method: a linear additive value model, the simplest form of multi-criteria decision analysis
(Keeney & Raiffa 1976, *Decisions with Multiple Objectives*). The weights draw on alliance theory:
fear of abandonment versus entrapment (Snyder 1984, "The Security Dilemma in Alliance Politics",
*World Politics* 36(4)) and institutions that outlast the hegemon that built them
(Keohane 1984, *After Hegemony*).
"""

import pandas as pd

from alliancelab import events as ev
from alliancelab.errors import AllianceLabError
from alliancelab.validation import number

#: The five assumptions the learner sets: key -> what a high value means.
ASSUMPTIONS = {
    "us_commitment": "US commitment to defend Taiwan and Japan",
    "china_relations": "China-Japan relations",
    "trade_pressure": "US trade pressure on allies",
    "us_multilateralism": "US engagement in multilateral institutions and climate policy",
    "korea_alignment": "South Korea's alignment with Japan",
}

#: The options scored: the brief's three recommendations ("What Lies Ahead?") and two alternatives.
RECOMMENDATIONS = {
    "trilateral": "Prioritise China-Japan-ROK summits",
    "bridge": "Link the US with its allies (CPTPP-style)",
    "multilateral": "Champion multilateralism and climate policy",
    "hedge": "Hedge: more strategic autonomy",
    "alliance": "Deepen the US alliance",
}

#: The figure can tell at most six options apart (colour and marker).
MAX_RECOMMENDATIONS = 6

#: Where each option comes from.
ORIGINS = {
    "trilateral": "brief, What Lies Ahead?, paragraph 1",
    "bridge": "brief, What Lies Ahead?, paragraph 2",
    "multilateral": "brief, What Lies Ahead?, paragraph 3",
    "hedge": "alternative (brief, Not Only Challenges but Also Opportunities?)",
    "alliance": "alternative (brief, conclusion)",
}

#: The five-point scale of the controls: label -> position.
LEVELS = {"very low": -1.0, "low": -0.5, "medium": 0.0, "high": 0.5, "very high": 1.0}

#: Weight of each assumption for each recommendation (how much a "very high" value adds).
WEIGHTS = {
    "trilateral": {
        "us_commitment": -2,
        "china_relations": 2,
        "trade_pressure": 1,
        "us_multilateralism": 0,
        "korea_alignment": 2,
    },
    "bridge": {
        "us_commitment": 1,
        "china_relations": 0,
        "trade_pressure": 2,
        "us_multilateralism": -1,
        "korea_alignment": 1,
    },
    "multilateral": {
        "us_commitment": 0,
        "china_relations": 1,
        "trade_pressure": 1,
        "us_multilateralism": -2,
        "korea_alignment": 0,
    },
    "hedge": {
        "us_commitment": -2,
        "china_relations": 1,
        "trade_pressure": 2,
        "us_multilateralism": 0,
        "korea_alignment": 0,
    },
    "alliance": {
        "us_commitment": 2,
        "china_relations": -2,
        "trade_pressure": -1,
        "us_multilateralism": 1,
        "korea_alignment": 1,
    },
}

#: Why each non-zero weight has its sign and size (challenge these).
REASONS = {
    ("trilateral", "us_commitment"): "A doubtful US guarantee makes calming Taiwan and North Korea through "
    "regional talks more urgent (the brief's own argument).",
    ("trilateral", "china_relations"): "Summits need Beijing to come; poor relations block them.",
    ("trilateral", "trade_pressure"): "US tariffs give the three economies a shared interest in trade talks.",
    ("trilateral", "korea_alignment"): "Summits need Seoul on good terms with Tokyo.",
    ("bridge", "us_commitment"): "A US still committed to its allies is worth linking back in.",
    ("bridge", "trade_pressure"): "Allies under US tariffs need each other's markets (the CPTPP rescue).",
    ("bridge", "us_multilateralism"): "The less the US takes part, the bigger the gap to bridge.",
    ("bridge", "korea_alignment"): "More aligned allies make a wider network to link.",
    ("multilateral", "china_relations"): "Global rules and climate deals need China's cooperation.",
    ("multilateral", "trade_pressure"): "Rules-based trade is a shield against unilateral tariffs.",
    ("multilateral", "us_multilateralism"): "US withdrawal leaves a gap that others must fill.",
    ("hedge", "us_commitment"): "Fear of abandonment pushes a junior ally to keep other options open.",
    ("hedge", "china_relations"): "Hedging means keeping lines open to China; that needs workable relations.",
    ("hedge", "trade_pressure"): "Economic coercion by the ally itself is a reason to diversify.",
    ("alliance", "us_commitment"): "A credible patron is worth investing in.",
    ("alliance", "china_relations"): "A hostile China pushes Japan to balance with the US.",
    ("alliance", "trade_pressure"): "US pressure on trade makes closer alignment harder to sell at home.",
    ("alliance", "us_multilateralism"): "An engaged US makes the alliance part of a wider order.",
    ("alliance", "korea_alignment"): "A Seoul aligned with Tokyo strengthens US-Japan-ROK cooperation.",
}

#: Two readings of the world, set as levels (judgements; the lesson gives the evidence for each).
PRESETS = {
    "The brief's world (late Nov 2024)": {
        "us_commitment": "low",
        "china_relations": "high",
        "trade_pressure": "high",
        "us_multilateralism": "low",
        "korea_alignment": "high",
    },
    "As it turned out (early 2026)": {
        "us_commitment": "low",
        "china_relations": "very low",
        "trade_pressure": "high",
        "us_multilateralism": "very low",
        "korea_alignment": "high",
    },
}


def positions(levels: dict) -> dict:
    """Turn level labels (``{"us_commitment": "low", ...}``) into positions between -1 and +1."""
    if not isinstance(levels, dict):
        raise AllianceLabError(f"Expected a dict of assumption -> level, got {type(levels).__name__}.")
    _check_keys(levels, ASSUMPTIONS, "assumption")
    result = {}
    for key in ASSUMPTIONS:
        label = levels[key]
        if label not in LEVELS:
            raise AllianceLabError(f"Unknown level {label!r} for {key!r}. Use one of: {', '.join(LEVELS)}.")
        result[key] = LEVELS[label]
    return result


def check_positions(values: dict) -> dict:
    """Return the positions in ``ASSUMPTIONS`` order as floats, or say what is wrong with them."""
    if not isinstance(values, dict):
        raise AllianceLabError(f"Expected a dict of assumption -> position, got {type(values).__name__}.")
    _check_keys(values, ASSUMPTIONS, "assumption")
    return {key: number(key, values[key], low=-1.0, high=1.0) for key in ASSUMPTIONS}


def check_weights(weights=None) -> dict:
    """The default ``WEIGHTS``, or your own checked: every recommendation and assumption, finite numbers."""
    if weights is None:
        return WEIGHTS
    if not isinstance(weights, dict) or not weights:
        raise AllianceLabError("Weights must be a non-empty dict: recommendation -> {assumption: weight}.")
    if len(weights) > MAX_RECOMMENDATIONS:
        raise AllianceLabError(f"Score at most {MAX_RECOMMENDATIONS} recommendations at once, got {len(weights)}.")
    checked = {}
    for rec, row in weights.items():
        if not isinstance(row, dict):
            raise AllianceLabError(f"Weights for {rec!r} must be a dict of assumption -> weight.")
        _check_keys(row, ASSUMPTIONS, f"assumption in the weights for {rec!r}")
        checked[rec] = {key: number(f"weight {rec}/{key}", row[key]) for key in ASSUMPTIONS}
    return checked


def contributions(values: dict, weights=None) -> pd.DataFrame:
    """Weight times position for each recommendation (rows) and assumption (columns)."""
    values = check_positions(values)
    weights = check_weights(weights)
    return pd.DataFrame(
        {key: [weights[rec][key] * values[key] for rec in weights] for key in ASSUMPTIONS},
        index=pd.Index(list(weights), name="recommendation"),
    )


def scores(values: dict, weights=None) -> pd.Series:
    """Each recommendation's score: the sum of its contributions (positive = favoured)."""
    return contributions(values, weights).sum(axis=1).rename("score")


def score_range(weights=None) -> pd.Series:
    """The largest possible score of each recommendation (its sum of absolute weights); the lowest is minus it."""
    weights = check_weights(weights)
    return pd.Series(
        {rec: float(sum(abs(w) for w in row.values())) for rec, row in weights.items()}, name="max_score"
    ).rename_axis("recommendation")


def leaders(score_values: pd.Series, tolerance: float = 1e-9) -> list:
    """The recommendation(s) with the highest score (more than one if tied)."""
    if len(score_values) == 0:
        raise AllianceLabError("No scores to compare: choose at least one recommendation.")
    best = score_values.max()
    return [rec for rec, value in score_values.items() if value >= best - tolerance]


def explain(values: dict, weights=None, recommendations=None, top: int = 2) -> str:
    """One sentence: which recommendation leads, with the assumptions that push it up most."""
    table = contributions(values, weights)
    table_values = check_positions(values)
    if recommendations is not None:
        unknown = [r for r in recommendations if r not in table.index]
        if unknown:
            raise AllianceLabError(f"Unknown recommendation {unknown[0]!r}. Known: {', '.join(table.index)}.")
        table = table.loc[list(recommendations)]
    best = leaders(table.sum(axis=1))
    names = " and ".join(label(rec) for rec in best)
    lead = best[0]
    total = table.loc[lead].sum()
    verb = "tie" if len(best) > 1 else "leads"
    if total <= 0:
        return (
            f"{names} {verb} with {total:+.1f}, but no option is favoured: "
            "every score is zero or negative under these assumptions."
        )
    pushes = table.loc[lead].sort_values(ascending=False)
    pushes = pushes[pushes > 0].head(top)
    why = "; ".join(f"{ASSUMPTIONS[key]}: {describe(table_values[key])} ({part:+.1f})" for key, part in pushes.items())
    whose = f" for {label(lead)}" if len(best) > 1 else ""
    return f"{names} {verb} with {total:+.1f}. Biggest push{'es' if len(pushes) > 1 else ''}{whose}: {why}."


def describe(position: float) -> str:
    """A position in words: its level label ("low") if it sits on the scale, else the number ("+0.30")."""
    for name, value in LEVELS.items():
        if abs(position - value) < 1e-9:
            return name
    return f"{position:+.2f}"


def preset_scores(weights=None) -> pd.DataFrame:
    """The scores of every preset side by side: one row per recommendation, one column per preset."""
    weights = check_weights(weights)
    table = pd.DataFrame({name: scores(positions(levels), weights) for name, levels in PRESETS.items()})
    table.index = [label(rec) for rec in table.index]
    return table


def weights_table(weights=None) -> pd.DataFrame:
    """The weights as a table: one row per recommendation, one column per assumption."""
    weights = check_weights(weights)
    table = pd.DataFrame(weights).T[list(ASSUMPTIONS)]
    table.index = [label(rec) for rec in table.index]
    table.columns = list(ASSUMPTIONS.values())
    return table


def reasons_table() -> pd.DataFrame:
    """The reason for every non-zero default weight, one row each."""
    rows = [
        (RECOMMENDATIONS[rec], ASSUMPTIONS[key], WEIGHTS[rec][key], reason) for (rec, key), reason in REASONS.items()
    ]
    return pd.DataFrame(rows, columns=["recommendation", "assumption", "weight", "reason"])


def label(rec: str) -> str:
    """The readable name of a recommendation key (custom keys are shown as they are)."""
    return RECOMMENDATIONS.get(rec, str(rec))


def _check_keys(given: dict, expected: dict, what: str) -> None:
    missing = [k for k in expected if k not in given]
    extra = [k for k in given if k not in expected]
    if missing:
        raise AllianceLabError(f"Missing {what} {missing[0]!r}. Expected: {', '.join(expected)}.")
    if extra:
        raise AllianceLabError(f"Unknown {what} {extra[0]!r}. Expected: {', '.join(expected)}.")


#: In the summit lane, titles matching this are leaders' summits (filled markers); others are hollow.
LEADERS_SUMMIT = r"trilateral summit in|stand-alone China-Japan-ROK"


#: Themes behind the brief's three recommendations: lane name -> regular expression matched
#: against event titles (case-insensitive). An event goes to the first theme that matches.
THEMES = {
    "China-Japan-ROK summits": r"China-Japan-ROK|Japan-hosted trilateral",
    "China ties, Taiwan, Trump-Xi": r"Taiwan|\bXi\b|visit to Beijing|China's reaction|China tightens",
    "TPP to CPTPP": r"\bTPP\b|CPTPP|Trans-Pacific",
    "Paris Agreement": r"Paris Agreement",
}


SUMMITS = "China-Japan-ROK summits"


def theme_events(events: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """Events that match a theme in ``THEMES`` (first match wins), with a ``theme`` column, by date."""
    shown = ev.select(events, None, start, end)
    theme = pd.Series(pd.NA, index=shown.index, dtype="object")
    for name, pattern in THEMES.items():
        hit = shown["title"].str.contains(pattern, case=False, regex=True) & theme.isna()
        theme[hit] = name
    result = shown.assign(theme=theme).dropna(subset=["theme"])
    return result.sort_values("date", kind="stable")
