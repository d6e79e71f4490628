"""Figures for lesson 06 (reading critically): the brief's verdict counts, its forecasts scored over time,
and a calibration (reliability) diagram for the learner's own forecasts."""

import textwrap

import numpy as np
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.colors import to_rgba

from alliancelab import brief
from alliancelab.errors import AllianceLabError
from alliancelab.models import forecasting, scorecard
from alliancelab.plotting.style import OKABE_ITO, Chart, new_figure, palette, point_annotation, set_changed, updatable

CLAIMS_TABLE = "data/brief_claims.csv"
KIND_NAMES = {
    "fact": "Facts",
    "observation": "Observations",
    "forecast": "Forecasts",
    "implied forecast": "Implied forecasts",
    "recommendation": "Recommendations",
}


def _short(text: str, width: int = 60) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="...")


# --- Verdict counts ----------------------------------------------------------------------------------


def verdict_counts(claims: pd.DataFrame) -> Chart:
    """Horizontal bars: how many of the brief's claims of each kind got each verdict (zero counts shown)."""
    counts = scorecard.verdict_counts(claims)
    counts = counts[counts["kind"].isin(list(scorecard.VERDICTS))]
    figure, axes = new_figure(
        "The brief's checkable claims, by kind and verdict", "Number of claims", "Kind of claim: verdict", size=(9, 8)
    )
    labels, row = [], 0
    positions = {}
    for kind, verdicts in reversed(list(scorecard.VERDICTS.items())):
        styles = palette(verdicts)
        for verdict in reversed(verdicts):
            n = int(counts.loc[(counts["kind"] == kind) & (counts["verdict"] == verdict), "claims"].iloc[0])
            colour, marker = styles[verdict]
            axes.barh(row, n, height=0.6, color=colour, zorder=2)
            axes.scatter([n], [row], color=colour, marker=marker, s=70, edgecolor="black", linewidth=0.6, zorder=3)
            axes.annotate(str(n), (n, row), xytext=(9, 0), textcoords="offset points", va="center", fontsize=10)
            labels.append(f"{KIND_NAMES[kind]}: {verdict}")
            positions[(kind, verdict)] = row
            row += 1
        row += 0.6  # a gap between kinds
    axes.set_yticks(list(positions.values()), labels)
    axes.set_xlim(0, max(int(counts["claims"].max()), 1) * 1.2)
    return Chart(
        figure,
        alt=_counts_alt(counts),
        caption=(
            f"Figure: verdicts on the brief's {int(counts['claims'].sum())} checkable claims in {CLAIMS_TABLE} "
            "by kind (fact, observation, forecast, implied forecast, recommendation). Each verdict rests on the row's "
            "source and quote; zero counts are shown."
        ),
    )


def _counts_alt(counts: pd.DataFrame) -> str:
    parts = []
    for kind in scorecard.VERDICTS:
        subset = counts[counts["kind"] == kind]
        listed = ", ".join(f"{int(r.claims)} {r.verdict}" for r in subset.itertuples())
        parts.append(f"{int(subset['claims'].sum())} {KIND_NAMES[kind].lower()} ({listed})")
    facts = counts[counts["kind"] == "fact"]
    right = int(facts.loc[facts["verdict"] == "accurate", "claims"].sum())
    forecasts = counts[counts["kind"] == "forecast"]
    came = int(forecasts.loc[forecasts["verdict"] == "came true", "claims"].sum())
    return (
        f"Bar chart of the brief's checkable claims by kind and verdict: {'; '.join(parts)}. "
        f"{right} of {int(facts['claims'].sum())} facts are fully accurate and {came} of "
        f"{int(forecasts['claims'].sum())} stated forecasts fully came true."
    )


# --- The forecasts over time --------------------------------------------------------------------------


def scorecard_chart(claims: pd.DataFrame) -> Chart:
    """One dot per stated forecast at the date its outcome was observed, coloured and marked by verdict.
    Implied forecasts are not shown (the module, not the brief, made them)."""
    forecasts = scorecard.forecasts(claims)
    dated = forecasts[forecasts["date_observed"].notna()]
    if dated.empty:
        raise AllianceLabError("No forecast in the table has a date_observed to plot.")
    verdicts = scorecard.VERDICTS["forecast"]
    styles = palette(verdicts)
    figure, axes = new_figure(
        "The brief's forecasts, scored: verdict and date observed",
        "Date the outcome was observed",
        "Forecast (claim id)",
        size=(11, 0.32 * len(dated) + 2.2),
    )
    order = list(reversed(range(len(dated))))
    for verdict in verdicts:
        rows = [(y, r) for y, r in zip(order, dated.itertuples()) if r.verdict == verdict]
        colour, marker = styles[verdict]
        n = len(rows)
        axes.scatter(
            [r.date_observed for _, r in rows],
            [y for y, _ in rows],
            color=colour,
            marker=marker,
            s=80,
            edgecolor="black",
            linewidth=0.5,
            zorder=3,
            label=f"{verdict} ({n})",
        )
    axes.axvline(brief.WRITTEN, color=OKABE_ITO["black"], linestyle="--", linewidth=1.2)
    axes.annotate(
        brief.WRITTEN_LABEL,
        (brief.WRITTEN, len(dated) - 0.3),
        xytext=(4, 0),
        textcoords="offset points",
        fontsize=8.5,
        va="top",
    )
    axes.set_yticks(order, [f"{r.claim_id} {_short(r.claim_text, 58)}" for r in dated.itertuples()], fontsize=8.5)
    axes.set_ylim(-0.8, len(dated) - 0.2)
    first = min(brief.WRITTEN, dated["date_observed"].min()) - pd.Timedelta(days=30)
    axes.set_xlim(first, dated["date_observed"].max() + pd.Timedelta(days=45))
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    axes.legend(
        title="Verdict (count)", loc="lower left", bbox_to_anchor=(1.01, 0), fontsize=9, title_fontsize=9, frameon=False
    )
    undated = forecasts[forecasts["date_observed"].isna()]
    note = (
        f" Not shown ({len(undated)}): forecasts without a date observed: {', '.join(undated['claim_id'])}."
        if len(undated)
        else ""
    )
    implied = scorecard.kind_table(claims, "implied forecast")
    if len(implied):
        note += f" Implied forecasts, not shown: {', '.join(implied['claim_id'])}."
    return Chart(
        figure,
        alt=_scorecard_alt(dated, undated),
        caption=(
            f"Figure: the brief's stated forecasts (kind = forecast) in {CLAIMS_TABLE}, placed at the date each "
            "outcome was observed (date_observed) and marked by verdict; dashed line: when the brief was "
            "written." + note
        ),
    )


def _scorecard_alt(dated: pd.DataFrame, undated: pd.DataFrame) -> str:
    counts = dated["verdict"].astype(str).value_counts()
    listed = ", ".join(f"{counts.get(v, 0)} {v}" for v in scorecard.VERDICTS["forecast"])
    first, last = dated.iloc[0], dated.iloc[-1]
    missed = dated[dated["verdict"].astype(str) == "did not come true"]
    text = (
        f"Dot chart of {len(dated)} forecasts from the brief, one row each, placed at the date the outcome was "
        f"observed, from {first.date_observed:%B %Y} ({first.claim_id}) to {last.date_observed:%B %Y} "
        f"({last.claim_id}). Verdicts: {listed}."
    )
    if len(missed):
        text += f" The forecasts that did not come true: {', '.join(missed['claim_id'])}."
    year = dated["date_observed"].dt.year.value_counts().idxmax()
    text += f" Most outcomes were observed in {year}."
    if len(undated):
        text += f" {len(undated)} forecast(s) have no date observed and are not shown."
    return text


# --- Calibration --------------------------------------------------------------------------------------


def calibration_chart(
    probs, outcomes, bins=5, title="Calibration: did events happen as often as you said?", into: Chart | None = None
) -> Chart:
    """Reliability diagram: mean forecast against observed frequency per bin, point size = number of forecasts.

    ``into``: an earlier chart from this function (same bins and title) to update in place.
    """
    table = forecasting.calibration_table(probs, outcomes, bins)
    score = forecasting.brier_score(probs, outcomes)
    chart = updatable(into, _calibration_frame, tuple(table["lower"].iloc[1:]), title)
    parts, axes = chart.parts, chart.parts["axes"]
    filled = table[table["n"] > 0]
    parts["bins"].set_offsets(filled[["mean_forecast", "observed_rate"]].to_numpy())
    parts["bins"].set_sizes(60 + 60 * filled["n"].to_numpy())
    for label in parts.pop("counts", []):
        label.remove()
    parts["counts"] = [
        axes.annotate(
            f"n={row.n}",
            (row.mean_forecast, row.observed_rate),
            xytext=(10, -4),
            textcoords="offset points",
            fontsize=9,
        )
        for row in filled.itertuples()
    ]
    axes.legend(
        title=(
            f"Brier score {score:.3f} on {int(table['n'].sum())} forecasts "
            f"(always 50%: {forecasting.COIN_FLIP_SCORE:.2f})"
        ),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=2,
        fontsize=9,
        title_fontsize=9.5,
        markerscale=0.6,
        frameon=False,
    )
    chart.alt = _calibration_alt(table, score)
    return chart


def _calibration_frame(inner_edges: tuple, title: str) -> Chart:
    """The reliability diagram's axes: the diagonal, the bin edges and an empty set of bin points."""
    colour_points, marker_points = palette(["bins"])["bins"]
    figure, axes = new_figure(
        title,
        "Your probability (mean forecast in the bin)",
        "How often it happened (share of outcomes = 1)",
        size=(6.5, 6),
    )
    axes.plot([0, 1], [0, 1], color=OKABE_ITO["black"], linestyle="--", linewidth=1, label="Perfect calibration")
    for edge in inner_edges:
        axes.axvline(edge, color="#E5E5E5", linewidth=0.8, zorder=0)
    points = axes.scatter(
        [],
        [],
        color=colour_points,
        marker=marker_points,
        edgecolor="black",
        linewidth=0.6,
        zorder=3,
        label="A bin of forecasts (bigger = more)",
    )
    axes.set_xlim(-0.03, 1.03)
    axes.set_ylim(-0.05, 1.05)
    axes.set_aspect("equal")
    axes.grid(axis="y", color="#E5E5E5", linewidth=0.8)
    return Chart(
        figure,
        alt="",
        caption=(
            "Figure: a reliability diagram of the forecasts given (alliancelab/models/forecasting.py). Points on the "
            "dashed line are well calibrated; above it, events happened more often than forecast (under-confident), "
            "below it less often (over-confident). No data table: the inputs are your probabilities and the outcomes "
            "(recorded in data/forecast_questions.csv or supposed)."
        ),
        parts={"axes": axes, "bins": points},
    )


def _calibration_alt(table: pd.DataFrame, score: float) -> str:
    filled = table[table["n"] > 0]
    n = int(table["n"].sum())
    worst = filled.loc[filled["gap"].abs().idxmax()]
    direction = (
        "more often than forecast"
        if worst["gap"] > 0
        else "less often than forecast"
        if worst["gap"] < 0
        else "exactly as often as forecast"
    )
    return (
        f"Reliability diagram of {n} forecasts in {len(filled)} non-empty probability bins of {len(table)}. "
        f"Brier score {score:.3f} (always answering 50% scores {forecasting.COIN_FLIP_SCORE:.2f}; lower is "
        f"better). The largest gap is in bin {worst['bin']}: mean forecast {worst['mean_forecast']:.2f}, "
        f"happened {worst['observed_rate']:.2f} of the time ({direction})."
    )


def squared_error_bars(table: pd.DataFrame, into: Chart | None = None) -> Chart:
    """Each forecast's squared error (its share of the Brier score), from :func:`forecasting.score_table`.

    ``into``: an earlier chart from this function (same questions) to update in place.
    """
    needed = ["question", "probability", "outcome", "squared_error"]
    if not isinstance(table, pd.DataFrame) or any(c not in table.columns for c in needed):
        raise AllianceLabError("Expected a table from forecasting.score_table(probs, outcomes, labels).")
    chart = updatable(into, _errors_frame, tuple(table["question"]))
    parts = chart.parts
    order = list(reversed(range(len(table))))
    keys = ["happened" if outcome == 1 else "did not happen" for outcome in table["outcome"]]
    errors = table["squared_error"].to_numpy(dtype=float)
    for bar, error, key in zip(parts["bars"], errors, keys):
        set_changed(bar, width=error, facecolor=to_rgba(parts["styles"][key][0]))
    for key, marks in parts["marks"].items():
        rows = [i for i, k in enumerate(keys) if k == key]
        set_changed(marks, data=(errors[rows], [order[i] for i in rows]))
    for label, y, error, probability, key in zip(parts["labels"], order, errors, table["probability"], keys):
        point_annotation(label, (error, y))
        label.set_text(f"p={probability:.2f}, {key}")
    mean = float(np.mean(table["squared_error"]))
    set_changed(parts["mean"], xdata=[mean, mean])
    point_annotation(parts["mean label"], (mean, len(table) - 0.5))
    parts["mean label"].set_text(f"mean = Brier score {mean:.3f}")
    worst = table.loc[table["squared_error"].idxmax()]
    chart.alt = (
        f"Bar chart of the squared error of {len(table)} forecasts; their mean, the Brier score, is "
        f"{mean:.3f}. The largest error is {worst['question']} ({worst['squared_error']:.3f}: probability "
        f"{worst['probability']:.2f}, outcome {int(worst['outcome'])})."
    )
    return chart


def _errors_frame(questions: tuple) -> Chart:
    """The squared-error chart's axes, one bar and label per question and the mean line, all still at zero."""
    styles = palette(["happened", "did not happen"])
    figure, axes = new_figure(
        "Where your Brier score comes from",
        "Squared error (probability - outcome)²",
        "Question",
        size=(8, 0.45 * len(questions) + 1.8),
    )
    order = list(reversed(range(len(questions))))
    bars = axes.barh(order, [0] * len(order), height=0.55, zorder=2)
    marks = {
        key: axes.plot(
            [],
            [],
            linestyle="none",
            color=colour,
            marker=marker,
            markersize=7.4,
            markeredgecolor="black",
            markeredgewidth=0.5,
            zorder=3,
        )[0]
        for key, (colour, marker) in styles.items()
    }
    labels = [
        axes.annotate("", (0, y), xytext=(8, 0), textcoords="offset points", va="center", fontsize=8.5) for y in order
    ]
    axes.set_yticks(order, list(questions))
    axes.set_xlim(0, 1.35)
    axes.set_xticks(np.linspace(0, 1, 6))
    mean = axes.axvline(0, color=OKABE_ITO["black"], linestyle="--", linewidth=1)
    mean_label = axes.annotate("", (0, 0), xytext=(4, 0), textcoords="offset points", fontsize=9)
    return Chart(
        figure,
        alt="",
        caption=(
            "Figure: each forecast's squared error; the dashed line is their mean, the Brier score. Colour and marker "
            "show whether the event happened."
        ),
        parts={
            "axes": axes,
            "styles": styles,
            "bars": bars.patches,
            "marks": marks,
            "labels": labels,
            "mean": mean,
            "mean label": mean_label,
        },
    )
