"""Allies side by side: defence shares over time, host-nation support per service member, gaps to targets,
and the timeline of US demands and allies' responses."""

import pandas as pd

from alliancelab.models import comparison as cmp
from alliancelab.plotting.style import (
    OKABE_ITO,
    Chart,
    new_figure,
    palette,
    point_annotation,
    set_changed,
    set_title,
    updatable,
)

#: The explorer's measures: key -> (label, axis label).
MEASURES = {
    "share": ("Defence spending, % of GDP", "Defence spending (% of GDP)"),
    "hns": ("Host-nation support per US service member", "US dollars per service member per year"),
    **{
        f"gap{t:g}": (f"Gap to {t:g}% of GDP", f"Budget increase needed to reach {t:g}% of GDP (%)")
        for t in cmp.TARGETS
    },
}
SIDES = ("US ask or claim", "ally response", "agreement")
_STYLES = palette(cmp.ALLIES)


def compare_allies(table: pd.DataFrame, allies, measure: str, into: Chart | None = None) -> Chart:
    """The chosen ``allies`` on one ``measure`` (a key of :data:`MEASURES`); ``into``: an earlier chart to update."""
    if measure not in MEASURES:
        raise ValueError(f"Unknown measure {measure!r}. Choose from: {', '.join(MEASURES)}.")
    allies = [a for a in cmp.ALLIES if a in allies]
    if measure == "share":
        return _shares(table, allies, into)
    if measure == "hns":
        rows = cmp.hns_per_member(table, allies)
        labels = [
            f"${v:,.0f} ({y}; {t:,} troops)"
            for v, y, t in zip(rows["usd_per_member"], rows["year"], rows["troops"], strict=True)
        ]
        return _bars(rows, "usd_per_member", labels, allies, measure, into)
    target = float(measure[3:])
    rows = cmp.gaps(table, target, allies)
    labels = [
        f"+{p:.0f}% (+{_money(g)} {u}; {s:g}% in {y})"
        for p, g, u, s, y in zip(
            rows["percent_more"], rows["gap"], rows["unit"], rows["share"], rows["year"], strict=True
        )
    ]
    return _bars(rows, "percent_more", labels, allies, measure, into)


def allies_with_data(table: pd.DataFrame, allies, measure: str) -> list[str]:
    """The chosen ``allies`` that have sourced data for ``measure``, in display order."""
    if measure == "share":
        found = set(cmp.defence_shares(table, allies)["ally"])
    elif measure == "hns":
        found = set(cmp.hns_per_member(table, allies)["ally"])
    else:
        found = set(cmp.gaps(table, float(measure[3:]), allies)["ally"])
    return [a for a in cmp.ALLIES if a in found]


def _shares(table, allies, into) -> Chart:
    every = cmp.defence_shares(table, cmp.ALLIES)
    rows = every[every["ally"].isin(allies)]
    chart = updatable(into, _shares_frame)
    axes, names = chart.parts["axes"], chart.parts["names"]
    by_ally = dict(tuple(rows.groupby("ally", observed=True)))
    for ally, line in chart.parts["lines"].items():
        mine = by_ally.get(ally)
        shown = mine is not None
        if shown:  # each line is named at its last point: no legend to draw again when allies are ticked
            years, values = mine["year"].astype(float).to_numpy(), mine["value"].to_numpy()
            set_changed(line, data=(years, values))
            point_annotation(names[ally], (years[-1], values[-1]))
        line.set_visible(shown)
        names[ally].set_visible(shown)
    years = every["year"].astype(float)  # every ally's years: the axis stays put when allies are ticked
    axes.set_xlim(years.min() - 1, years.max() + 1.6)
    summary = "; ".join(f"{r.ally} {r.value:g}% in {r.year}" for r in rows.itertuples()) or "no data for this choice"
    chart.alt = (
        "Line chart of defence spending as a share of GDP by year, each ally named at its latest value, with "
        f"reference lines at 2%, 3.5% and 5%. Values: {summary}."
    )
    chart.caption = (
        "Figure: defence spending, % of GDP, as each government or NATO counts it (data/ally_comparison.csv; "
        "Japan from data/defense_spending.csv, initial budgets against FY2022 GDP). Bases differ: "
        "compare levels, not decimals."
    )
    return chart


def _shares_frame() -> Chart:
    figure, axes = new_figure(
        "Defence spending of US allies, % of GDP",
        "Year (Japan: fiscal year)",
        "Defence spending (% of GDP)",
        size=(10, 4.2),
    )
    lines, names = {}, {}
    for ally, (colour, marker) in _STYLES.items():
        (lines[ally],) = axes.plot([], [], color=colour, marker=marker, markersize=8, linewidth=1.5, label=ally)
        names[ally] = axes.annotate(
            ally, (0, 0), xytext=(8, 0), textcoords="offset points", va="center", fontsize=9, visible=False
        )
    styles = ("--", "-.", ":")
    targets = [
        axes.axhline(t, color=OKABE_ITO["black"], linestyle=s, linewidth=1, label=f"{t:g}% of GDP")
        for t, s in zip(cmp.TARGETS, styles, strict=True)
    ]
    axes.legend(handles=targets, loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=9, frameon=False)
    axes.set_ylim(0, 5.5)
    return Chart(figure, alt="", caption="", parts={"axes": axes, "lines": lines, "names": names, "targets": targets})


def _bars(rows, column, labels, allies, measure, into) -> Chart:
    title, xlabel = MEASURES[measure]
    chart = updatable(into, _bars_frame)
    axes, bars, texts = chart.parts["axes"], chart.parts["bars"], chart.parts["texts"]
    set_title(axes, f"US allies compared: {title[0].lower()}{title[1:]}")
    axes.set_xlabel(xlabel)
    values = dict(zip(rows["ally"], rows[column], strict=True))
    text_of = dict(zip(rows["ally"], labels, strict=True))
    positions = {ally: len(allies) - 1 - i for i, ally in enumerate(allies)}
    top = max(values.values(), default=1) or 1
    for ally, bar in bars.items():
        shown = ally in positions
        bar.set_visible(shown and ally in values)
        texts[ally].set_visible(shown)
        if not shown:
            continue
        y, value = positions[ally], values.get(ally, 0.0)
        bar.set_y(y - 0.35)
        bar.set_width(value)
        texts[ally].set_position((value + top * 0.01, y))
        texts[ally].set_text(text_of.get(ally, "no sourced data"))
    axes.set_yticks(list(positions.values()), list(positions))
    axes.set_ylim(-0.7, max(len(allies), 1) - 0.3)
    axes.set_xlim(0, top * 1.6)
    described = "; ".join(f"{a}: {text_of.get(a, 'no sourced data')}" for a in allies) or "no ally chosen"
    chart.alt = f"Bar chart, one bar per ally: {title}. {described}."
    chart.caption = _bars_caption(measure)
    return chart


def _money(amount: float) -> str:
    """An amount with three significant figures, without exponent notation."""
    return f"{amount:,.0f}" if amount >= 100 else f"{amount:.3g}"


def _bars_frame() -> Chart:
    figure, axes = new_figure("US allies compared", "Value", "Ally", size=(10, 4.0))
    bars, texts = {}, {}
    for ally, (colour, _marker) in _STYLES.items():
        bars[ally] = axes.barh([0], [0], height=0.7, color=colour, edgecolor="black", linewidth=0.6)[0]
        texts[ally] = axes.text(0, 0, "", va="center", fontsize=9)
    axes.grid(axis="y", visible=False)
    return Chart(figure, alt="", caption="", parts={"axes": axes, "bars": bars, "texts": texts})


def _bars_caption(measure: str) -> str:
    if measure == "hns":
        return (
            "Figure: host-nation support in US dollars (at each outlet's exchange rate) divided by the US troop "
            "count nearest in time (data/ally_comparison.csv; Japan's troops from data/host_nation_support.csv). "
            "Years differ; the Philippines pays no host-nation support under an agreement."
        )
    return (
        "Figure: how much larger each ally's latest defence budget would have to be to reach the target share, "
        "keeping GDP fixed (GDP implied by the budget and its share). Labels give the sum in each ally's own "
        "currency. Each government's own budget definition, not NATO's."
    )


def demands_timeline(rows: pd.DataFrame) -> Chart:
    """US demands, allies' responses and agreements (from :func:`models.comparison.demands_timeline`), one lane
    per ally; colour and marker show who moved."""
    allies = [a for a in cmp.ALLIES if a in set(rows["ally"])]
    figure, axes = new_figure("US demands and allies' responses, 2024-26", "Date", "Ally", size=(10, 3.8))
    lane = {ally: len(allies) - 1 - i for i, ally in enumerate(allies)}
    styles = palette(SIDES)
    for side in SIDES:
        mine = rows[rows["side"] == side]
        colour, marker = styles[side]
        axes.plot(
            mine["date"].to_numpy(),
            [lane[a] for a in mine["ally"]],
            linestyle="none",
            marker=marker,
            markersize=10,
            color=colour,
            markeredgecolor="black",
            markeredgewidth=0.6,
            label=f"{side} ({len(mine)})",
        )
    axes.set_yticks(list(lane.values()), list(lane))
    axes.legend(loc="upper left", fontsize=9, frameon=False, ncols=3)
    axes.set_ylim(-0.7, len(allies) + 0.2)
    counts = rows.groupby("ally", observed=True).size()
    first, last = rows["date"].min(), rows["date"].max()
    alt = (
        f"Timeline of {len(rows)} dated moves from {first:%B %Y} to {last:%B %Y}, one lane per ally ("
        + ", ".join(f"{a}: {counts[a]}" for a in allies)
        + "). Markers distinguish US asks or claims, allies' responses and agreements. The US asks cluster in "
        "mid-2025 around NATO's Hague summit; agreements on tariffs follow in July 2025."
    )
    caption = (
        "Figure: sourced moves from data/ally_timeline.csv (South Korea, NATO, the Philippines) and, for "
        f"Japan, {len(cmp.JAPAN_EVENTS)} rows of data/events.csv. Each side has its own colour and marker."
    )
    return Chart(figure, alt=alt, caption=caption)
