"""Figures for lesson 05 ("What lies ahead"): the events behind the brief's recommendations, and
the scores of the scenario model (:mod:`alliancelab.models.scenarios`)."""

import pandas as pd

from alliancelab import brief
from alliancelab import events as ev
from alliancelab.errors import AllianceLabError
from alliancelab.models import scenarios
from alliancelab.models.scenarios import LEADERS_SUMMIT, SUMMITS, THEMES, theme_events
from alliancelab.plotting.style import OKABE_ITO, Chart, new_figure, palette, set_changed, set_ticks, updatable
from alliancelab.plotting.timeline import legend_after_brief, shade_after_brief


def recommendation_timeline(events: pd.DataFrame, start=2012, end=2026) -> Chart:
    """The events behind the brief's recommendations, one lane per theme, the brief's date marked."""
    rows = theme_events(events, start, end)
    first, last = ev.span(events, start, end)
    styles = palette(THEMES)
    figure, axes = new_figure(
        f"Events behind the brief's recommendations, {first.year}-{last.year}", "Date", "Theme", size=(10, 4)
    )
    legend_after_brief(axes, shade_after_brief(axes, first, last))
    lanes = list(reversed(THEMES))
    for lane, name in enumerate(lanes):
        subset = rows[rows["theme"] == name]
        colour, marker = styles[name]
        hollow = _not_a_summit(subset) if name == SUMMITS else pd.Series(False, index=subset.index)
        axes.scatter(
            subset.loc[~hollow, "date"],
            [lane] * int((~hollow).sum()),
            color=colour,
            marker=marker,
            s=70,
            edgecolor="white",
            linewidth=0.6,
            zorder=3,
        )
        axes.scatter(
            subset.loc[hollow, "date"],
            [lane] * int(hollow.sum()),
            facecolor="white",
            marker=marker,
            s=70,
            edgecolor=colour,
            linewidth=1.8,
            zorder=3,
        )
    counts = rows["theme"].value_counts()
    others = rows[(rows["theme"] == SUMMITS) & _not_a_summit(rows)]
    hollow_note = (
        f" Hollow markers in the {SUMMITS} lane: {len(others)} event(s) other than a leaders' summit."
        if len(others)
        else ""
    )
    axes.set_yticks(range(len(lanes)), [f"{name} ({counts.get(name, 0)})" for name in lanes])
    axes.set_ylim(-0.7, len(lanes) - 0.3)
    axes.set_xlim(first, last)
    return Chart(
        figure,
        alt=_timeline_alt(rows, first, last),
        caption=(
            f"Figure: {len(rows)} sourced events from data/events.csv, chosen by title "
            "(see THEMES in alliancelab/models/scenarios.py). Grey shading: after the brief "
            "was written. Each theme has its own colour and marker." + hollow_note
        ),
    )


def _not_a_summit(rows: pd.DataFrame) -> pd.Series:
    """True for events in ``rows`` whose title does not describe a China-Japan-ROK leaders' summit."""
    return ~rows["title"].str.contains(LEADERS_SUMMIT, case=False, regex=True)


def _timeline_alt(rows: pd.DataFrame, first, last) -> str:
    if rows.empty:
        return f"An empty timeline from {first:%B %Y} to {last:%B %Y}: no events match the themes."
    counts = rows["theme"].value_counts()
    parts = ", ".join(f"{counts.get(name, 0)} {name}" for name in THEMES)
    after = int((rows["date"] > brief.WRITTEN).sum())
    text = (
        f"Timeline of {len(rows)} events from {first:%B %Y} to {last:%B %Y} in four themes ({parts}). "
        f"A dashed line marks when the brief was written (late November 2024); {after} of the events "
        "come after it."
    )
    lane = rows[rows["theme"] == SUMMITS]
    summits = lane[~_not_a_summit(lane)]
    if len(summits) >= 2:
        gaps = summits["date"].diff().dropna()
        widest = gaps.idxmax()
        before = summits["date"].shift()[widest]
        text += (
            f" {len(summits)} China-Japan-ROK leaders' summits are shown; the longest gap between two is "
            f"{gaps.max().days / 365.25:.1f} years ({before:%B %Y} to {summits.loc[widest, 'date']:%B %Y}), "
            f"and the last is in {summits['date'].max():%B %Y}."
        )
    if len(lane) > len(summits):
        text += f" The latest event in that lane: '{lane.iloc[-1]['title']}' ({lane.iloc[-1]['date']:%B %Y})."
    return text


def scenario_scores(score_values: pd.Series, max_scores: pd.Series, into: Chart | None = None) -> Chart:
    """Horizontal bars of each recommendation's score, its possible range in grey, the leader marked.

    ``into``: an earlier chart from this function (same recommendations and ranges) to update in place.
    """
    if len(score_values) == 0:
        raise AllianceLabError("No scores to draw: choose at least one recommendation.")
    missing = [rec for rec in score_values.index if rec not in max_scores.index]
    if missing:
        raise AllianceLabError(f"No possible range given for {missing[0]!r}.")
    best = scenarios.leaders(score_values)
    chart = updatable(into, _scores_frame, tuple(score_values.index), tuple(max_scores.items()))
    parts, axes = chart.parts, chart.parts["axes"]
    order = list(reversed(score_values.index))
    widest = float(max_scores[score_values.index].max()) or 1.0
    for row, (rec, bar) in enumerate(zip(order, parts["bars"])):
        value = float(score_values[rec])
        set_changed(bar, width=value)  # a slider moves the scores that weigh its assumption
        set_changed(parts["markers"][row], data=([value], [row]))
        note = "  leads" if rec in best and value > 0 else ""
        set_changed(
            parts["texts"][row],
            position=(value + (0.04 * widest if value >= 0 else -0.04 * widest), row + 0.3),
            text=f"{value:+.1f}{note}",
            horizontalalignment="left" if value >= 0 else "right",
            fontweight="bold" if note else "normal",
        )
    set_ticks(axes.yaxis, range(len(order)), [f"{scenarios.label(rec)}{' ★' if rec in best else ''}" for rec in order])
    chart.alt = _scores_alt(score_values, max_scores, best)
    return chart


def _scores_frame(recs: tuple, max_scores: tuple) -> Chart:
    """The scores chart for recommendations ``recs``: each one's possible range (``max_scores``: (recommendation,
    largest score) for all of them, which also fixes the colours), and its bar, marker and label still at zero."""
    max_scores = dict(max_scores)
    styles = palette(max_scores)  # colours follow all recommendations, so a subset keeps them
    figure, axes = new_figure(
        "Which recommendation do your assumptions favour?",
        "Score (right of zero: favoured; left: counts against)",
        "Recommendation",
        size=(10, 0.8 * len(recs) + 1.8),
    )
    order = list(reversed(recs))
    widest = max(float(max_scores[rec]) for rec in recs) or 1.0
    limits = [float(max_scores[rec]) for rec in order]
    axes.hlines(range(len(order)), [-x for x in limits], limits, color="#CCCCCC", linewidth=8, zorder=1)
    bars = axes.barh(
        range(len(order)), [0] * len(order), height=0.45, color=[styles[rec][0] for rec in order], zorder=2
    )
    parts = {"axes": axes, "bars": bars.patches, "markers": [], "texts": []}
    for row, rec in enumerate(order):
        colour, marker = styles[rec]
        parts["markers"] += axes.plot(
            0,
            row,
            linestyle="none",
            color=colour,
            marker=marker,
            markersize=8.9,
            markeredgecolor="black",
            markeredgewidth=0.6,
            zorder=3,
        )
        parts["texts"].append(axes.text(0, row + 0.3, "", va="center", fontsize=10))
    axes.axvline(0, color=OKABE_ITO["black"], linewidth=1)
    axes.set_xlim(-widest * 1.1, widest * 1.1)
    axes.set_ylim(-0.7, len(order) - 0.2)
    caption = (
        "Figure: scores of the teaching model in alliancelab/models/scenarios.py for the assumptions you set "
        "(grey bar: the possible range of each score; ★: highest). No data table is used: the inputs are "
        "your assumptions and the published weights. A teaching model, not a forecast."
    )
    return Chart(figure, alt="", caption=caption, parts=parts)


def _scores_alt(score_values: pd.Series, max_scores: pd.Series, best: list) -> str:
    top, low = score_values.idxmax(), score_values.idxmin()
    favoured = int((score_values > 0).sum())
    lead = " and ".join(scenarios.label(rec) for rec in best)
    return (
        f"Bar chart of the scores of {len(score_values)} recommendations under the chosen assumptions. "
        f"{lead} {'tie for' if len(best) > 1 else 'has'} the highest score, "
        f"{score_values[top]:+.1f} of a possible {max_scores[top]:+.0f}; the lowest is "
        f"{scenarios.label(low)} at {score_values[low]:+.1f}. {favoured} of {len(score_values)} "
        "recommendations are favoured (score above zero)."
    )
