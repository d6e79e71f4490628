"""Figures for lesson 04: the alliance security dilemma model and the China-Japan timeline."""

import textwrap

import numpy as np
import pandas as pd

from alliancelab import brief
from alliancelab import events as ev
from alliancelab.errors import AllianceLabError
from alliancelab.models import security_dilemma as sd
from alliancelab.plotting.basemap import map_axes, mark_places
from alliancelab.plotting.style import (
    OKABE_ITO,
    Chart,
    new_figure,
    palette,
    point_annotation,
    set_changed,
    show_legend,
    updatable,
)
from alliancelab.plotting.timeline import shade_after_brief

CURVES = {"abandonment": "Abandonment risk", "entrapment": "Entrapment risk", "cost": "Total expected cost"}
LINESTYLES = {"abandonment": "--", "entrapment": ":", "cost": "-"}
MODEL_CAPTION = (
    "No data table: a teaching model of Snyder's (1984) alliance security dilemma "
    "(alliancelab/models/security_dilemma.py) with illustrative, not estimated, parameters."
)


def _settings(alliance: sd.Alliance) -> str:
    return ", ".join(f"{label.lower()} {getattr(alliance, name):.2f}" for name, label in sd.PARAMETERS.items())


def dilemma(alliance: sd.Alliance, into: Chart | None = None) -> Chart:
    """Abandonment risk, entrapment risk and expected cost against commitment, the best commitment marked.

    ``into``: an earlier chart from this function, to update in place.
    """
    lines = sd.curves(alliance)
    best = sd.optimal_commitment(alliance)
    best_cost = float(sd.expected_cost(best, alliance))
    chart = updatable(into, _dilemma_frame)
    parts, axes = chart.parts, chart.parts["axes"]
    for key in CURVES:  # each slider moves some of the curves
        set_changed(parts[key], data=(lines["commitment"], lines[key]))
    set_changed(parts["best line"], xdata=[best, best])
    set_changed(parts["best"], data=([best], [best_cost]))
    _label_best(parts["best value"], best, best_cost)
    top = max(float(np.max(lines[key])) for key in CURVES)
    # The axis grows in steps of 0.25, so that it stays put while a slider moves the curves a little.
    axes.set_ylim(0, max(0.25, np.ceil(top * 1.15 / 0.25) * 0.25))
    handles = [parts[key] for key in (*CURVES, "best")]
    show_legend(axes, handles, loc="upper center", fontsize=9, frameon=False, ncols=2)
    chart.alt = _dilemma_alt(alliance, lines, best, best_cost)
    chart.caption = "Figure: " + MODEL_CAPTION + f" Settings: {_settings(alliance)}."
    return chart


def _dilemma_frame() -> Chart:
    """The dilemma chart's axes with its three curves and the best commitment, still without data."""
    figure, axes = new_figure(
        "The alliance security dilemma: cost of each commitment level",
        "Commitment to the patron (0 = none, 1 = full)",
        "Risk or expected cost (model units)",
    )
    styles = palette(CURVES)
    parts = {"axes": axes}
    for key, label in CURVES.items():
        colour, marker = styles[key]
        (parts[key],) = axes.plot(
            [],
            [],
            color=colour,
            marker=marker,
            markevery=10,
            linestyle=LINESTYLES[key],
            linewidth=2.6 if key == "cost" else 1.8,
            label=label,
        )
    parts["best line"] = axes.axvline(0, color=OKABE_ITO["black"], linewidth=1, linestyle="-.")
    (parts["best"],) = axes.plot(
        [],
        [],
        marker="*",
        markersize=16,
        color=OKABE_ITO["black"],
        linestyle="none",
        zorder=4,
        label="Best commitment c*",
    )
    parts["best value"] = axes.annotate(
        "", (0, 0), xytext=(10, 8), textcoords="offset points", fontsize=10, fontweight="bold", zorder=5
    )
    axes.set_xlim(0, 1)
    return Chart(figure, alt="", caption="", parts=parts)


def _label_best(label, best: float, cost: float) -> None:
    """The value of c* written next to its star, on the side with room (the legend's entry stays the same)."""
    point_annotation(label, (best, cost))
    label.set_text(f"c* = {best:.2f}")
    right = best > 0.8
    label.set_horizontalalignment("right" if right else "left")
    label.xyann = (-10 if right else 10, 8)


def _dilemma_alt(alliance, lines, best, best_cost) -> str:
    reason = {
        "abandonment": "fear of abandonment dominates, so full commitment is best",
        "entrapment": "there is no abandonment risk to offset, so no commitment is best",
        "balanced": "the two fears balance there",
    }[sd.regime(alliance)]
    return (
        f"Line chart of the security dilemma model ({_settings(alliance)}). As commitment rises from 0 to 1, "
        f"abandonment risk falls from {lines['abandonment'][0]:.2f} to {lines['abandonment'][-1]:.2f} and "
        f"entrapment risk rises from {lines['entrapment'][0]:.2f} to {lines['entrapment'][-1]:.2f}. "
        f"Total expected cost is lowest, {best_cost:.3f}, at commitment {best:.2f}: {reason}."
    )


def sweep(alliance: sd.Alliance, parameter: str = "outside_options") -> Chart:
    """The best commitment as one parameter runs from 0 to 1, the current setting marked."""
    if parameter not in sd.PARAMETERS:
        raise AllianceLabError(f"Unknown parameter {parameter!r}. Known parameters: {', '.join(sd.PARAMETERS)}.")
    label = sd.PARAMETERS[parameter]
    values = np.linspace(0.01 if parameter == "patron_conflict" else 0.0, 1.0, 100)
    best = sd.sweep(alliance, parameter, values)
    current = getattr(alliance, parameter)
    current_best = sd.optimal_commitment(alliance)
    colour, marker = palette(["sweep"])["sweep"]
    figure, axes = new_figure(
        f"Best commitment as {label.lower()} change", f"{label} (0 to 1)", "Best commitment c*", size=(8, 4)
    )
    axes.plot(values, best, color=colour, linewidth=2.4, label="Best commitment c*")
    axes.plot(
        [current],
        [current_best],
        marker=marker,
        markersize=10,
        color=OKABE_ITO["vermillion"],
        linestyle="none",
        label=f"Current setting ({current:.2f}, c* = {current_best:.2f})",
    )
    axes.set_xlim(0, 1)
    axes.set_ylim(-0.03, 1.05)
    axes.legend(loc="best", fontsize=9, frameon=False)
    others = ", ".join(
        f"{lab.lower()} {getattr(alliance, name):.2f}" for name, lab in sd.PARAMETERS.items() if name != parameter
    )
    alt = (
        f"Line chart: the best commitment c* as {label.lower()} runs from {values[0]:.2f} to 1, with {others}. "
        f"c* goes from {best[0]:.2f} to {best[-1]:.2f}; at the current setting ({current:.2f}) it is "
        f"{current_best:.2f}."
    )
    return Chart(figure, alt=alt, caption=f"Figure: {MODEL_CAPTION} Other settings: {others}.")


def involves(events: pd.DataFrame, *actors: str) -> pd.Series:
    """True for events whose ``actor`` list (separated by ';') names every one of ``actors``."""
    names = events["actor"].fillna("").str.split(";").apply(lambda items: {item.strip() for item in items})
    return names.apply(lambda found: all(actor in found for actor in actors))


def bilateral_timeline(events: pd.DataFrame, a: str = "China", b: str = "Japan", start=2024, end=2026) -> Chart:
    """The events that involve both ``a`` and ``b``: one row per event, oldest at the top, dated on the x axis."""
    first, last = ev.span(events, start, end)
    shown = events[involves(events, a, b) & events["date"].between(first, last)].sort_values("date", kind="stable")
    figure, axes = new_figure(
        f"{a}-{b} relations, {first.year}-{last.year}", "Date", "Event", size=(11, 1.2 + 0.6 * max(len(shown), 2))
    )
    styles = palette(events["category"].cat.categories)
    handles = shade_after_brief(axes, first, last)
    rows = list(range(len(shown)))[::-1]  # oldest at the top
    for category in shown["category"].cat.categories:
        mine = [(y, row.date) for y, row in zip(rows, shown.itertuples()) if row.category == category]
        if mine:
            colour, marker = styles[category]
            handles.append(
                axes.scatter(
                    [d for _, d in mine],
                    [y for y, _ in mine],
                    color=colour,
                    marker=marker,
                    s=80,
                    edgecolor="white",
                    linewidth=0.6,
                    zorder=3,
                    label=category,
                )
            )
    for y in rows:
        axes.axhline(y, color="#E5E5E5", linewidth=0.6, zorder=1)
    axes.set_yticks(
        rows, [f"{row.date:%d %b %Y}: " + textwrap.fill(row.title, 60) for row in shown.itertuples()], fontsize=8.5
    )
    axes.set_xlim(first, last)
    axes.set_ylim(-0.7, max(len(shown), 1) - 0.3)
    axes.legend(handles=handles, loc="upper right", fontsize=8.5, frameon=True, framealpha=0.9)
    return Chart(
        figure,
        alt=_bilateral_alt(shown, a, b, first, last),
        caption=(
            f"Figure: {len(shown)} sourced events naming both {a} and {b} as actors "
            f"(data/events.csv). Grey shading: after the brief was written."
        ),
    )


def _bilateral_alt(shown, a, b, first, last) -> str:
    if shown.empty:
        return f"An empty {a}-{b} timeline from {first:%B %Y} to {last:%B %Y}: no events match."
    after = int((shown["date"] > brief.WRITTEN).sum())
    listed = "; ".join(f"{row.date:%d %b %Y}: {row.title}" for row in shown.itertuples())
    events_word = "event" if len(shown) == 1 else "events"
    return (
        f"Timeline of {len(shown)} {events_word} involving both {a} and {b}, {first:%B %Y} to {last:%B %Y}, "
        f"{after} of them after the brief was written. In order: {listed}."
    )


def bilateral_map(events: pd.DataFrame, places: pd.DataFrame, a: str = "China", b: str = "Japan") -> Chart:
    """Where the events between ``a`` and ``b`` happened, and the disputed islands events name, on the coastlines.

    An event counts for a place as :func:`alliancelab.events.place_pattern` says: a city where it happened ("summit
    in Seoul"), an island it was about ("Taiwan", "the Senkakus"). Events that name places of kind ``islands``
    count whoever their actors are. Marker size grows with the number of events.
    """
    needed = ("name", "kind", "lat", "lon")
    if not isinstance(places, pd.DataFrame) or any(c not in places.columns for c in needed):
        raise AllianceLabError(
            f"places must be the places table (data.load('places')) with columns {', '.join(needed)}."
        )
    pair = events[involves(events, a, b)]
    mentions = pd.concat(
        [ev.place_mentions(pair, places), ev.place_mentions(events, places[places["kind"] == "islands"])]
    ).drop_duplicates(["place", "date", "title"])
    if mentions.empty:
        raise AllianceLabError(f"No {a}-{b} event names a place in the places table: there is nothing to draw.")
    counts = mentions.groupby("place", sort=False).agg(
        kind=("kind", "first"),
        lat=("lat", "first"),
        lon=("lon", "first"),
        n=("date", "size"),
        years=("date", lambda dates: sorted({d.year for d in dates})),
    )
    first, last = mentions["date"].min().year, mentions["date"].max().year
    figure = map_axes(
        f"Places named in {a}-{b} events, {first}-{last}",
        (counts["lon"].min() - 8, counts["lon"].max() + 8, counts["lat"].min() - 5, counts["lat"].max() + 5),
        size=(9.5, 5.2),
    )
    axes = figure.axes[0]
    kinds = list(places["kind"].cat.categories) if hasattr(places["kind"], "cat") else sorted(places["kind"].unique())
    labels = {
        "capital": "capital (where events were held)",
        "city": "city or island named",
        "islands": "disputed islands",
    }
    mark_places(axes, counts, kinds, labels, lambda _kind, rows: 60 + 70 * rows["n"])
    for name, row in counts.iterrows():
        years = ", ".join(map(str, row["years"]))
        crowded = ((counts["lon"] - row["lon"]).between(0.1, 4) & (counts["lat"] - row["lat"]).abs().lt(2)).any()
        axes.annotate(
            f"{name}: {row['n']} ({years})",
            (row["lon"], row["lat"]),
            xytext=(0, -17) if crowded else (11, -4),  # below the marker when a neighbour's label sits to its right
            textcoords="offset points",
            ha="center" if crowded else "left",
            fontsize=9,
            zorder=4,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    axes.legend(
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        fontsize=9,
        frameon=False,
        title="Marker size: events",
        title_fontsize=9,
        markerscale=0.6,
    )
    unplaced = pair[~pair["title"].isin(mentions["title"])]
    return Chart(
        figure,
        alt=_bilateral_map_alt(counts, unplaced, a, b),
        caption=(
            f"Figure: places from data/places.csv named in data/events.csv, on Natural Earth coastlines: where "
            f'{a}-{b} events were held ("in Seoul") and what they were about (Taiwan, the Senkaku Islands, named by '
            f"any event). The number after each name counts its events. {len(unplaced)} of the {len(pair)} "
            f"{a}-{b} events name no place in the table (held in a city it does not list, or naming no place) and "
            "are not drawn; the alt text lists them."
        ),
    )


def _bilateral_map_alt(counts, unplaced, a, b) -> str:
    placed = "; ".join(f"{name}, {row['n']} ({', '.join(map(str, row['years']))})" for name, row in counts.iterrows())
    text = f"Map of East Asia's coastlines marking the places {a}-{b} events name, sized by how many: {placed}."
    if not unplaced.empty:
        text += f" Not on the map: {'; '.join(unplaced['title'])}."
    return text
