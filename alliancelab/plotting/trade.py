"""Trade figures: the bilateral balance on two bases, the 2025-26 tariff steps, the tariff model, win-sets."""

import pandas as pd

from alliancelab.errors import AllianceLabError
from alliancelab.models import tariffs as tariff_model
from alliancelab.models import two_level_game as tlg
from alliancelab.models.tariffs import ALL_IN, JAPAN_BASIS, JAPAN_SERIES, US_BASIS, japan_tariff_steps, tariff_row
from alliancelab.plotting.style import (
    OKABE_ITO,
    Chart,
    add_right_panel,
    new_figure,
    palette,
    point_annotation,
    set_changed,
    show_legend,
    updatable,
)

GREY = "#777777"

#: Turning points marked on the tariff timeline: (date, partner, legal basis) of the row, and a short label.
TURNING_POINTS = [
    ("2025-04-09", "all countries", "IEEPA", "90-day pause"),
    ("2025-07-22", "Japan", "trade agreement", "July deal"),
    ("2025-09-04", "Japan", "IEEPA", "EO 14345"),
    ("2026-02-20", "Japan", "IEEPA", "Court: IEEPA ruling"),
]
TIMELINE_START, TIMELINE_END = pd.Timestamp("2025-01-01"), pd.Timestamp("2026-06-30")
BASIS_SHORT = {ALL_IN: " all-in", "additional (on top of MFN)": " + MFN", "MFN duty itself": " MFN"}


# --- trade balance ---------------------------------------------------------------------------------------


def balance_series(balance: pd.DataFrame, basis: str, period_type: str) -> pd.DataFrame:
    """The rows of one basis and one period type, sorted by year (never mixed with another series)."""
    rows = balance[(balance["basis"] == basis) & (balance["period_type"] == period_type)]
    return rows.sort_values("year")[["year", "value", "unit"]]


def missing_years(balance: pd.DataFrame, basis: str, period_type: str = "calendar year") -> list[int]:
    """Years between the table's first and last year with no row for this basis and period type."""
    have = set(balance_series(balance, basis, period_type)["year"].astype(int))
    first, last = int(balance["year"].min()), int(balance["year"].max())
    return [year for year in range(first, last + 1) if year not in have]


def _spans(years: list[int]) -> str:
    """[2018, 2021, 2022, 2023] -> '2018, 2021-2023'."""
    if not years:
        return "none"
    runs = [[years[0], years[0]]]
    for year in years[1:]:
        if year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)


def _plot_runs(axes, rows, colour, marker, label):
    """Markers for every year; lines only between consecutive years, so gaps stay visible.

    Value labels alternate above and below the points so that neighbouring years do not overlap.
    """
    years, values = list(rows["year"].astype(int)), list(rows["value"])
    axes.scatter(
        years, values, color=colour, edgecolor=colour, marker=marker, s=55, linewidth=1.5, zorder=3, label=label
    )
    for (y0, v0), (y1, v1) in zip(zip(years, values), zip(years[1:], values[1:])):
        if y1 - y0 == 1:
            axes.plot([y0, y1], [v0, v1], color=colour, linewidth=1.8, zorder=2)
    for i, (year, value) in enumerate(zip(years, values)):
        below = i % 2 == 1
        axes.annotate(
            f"{value:g}",
            (year, value),
            textcoords="offset points",
            xytext=(0, -13 if below else 8),
            ha="center",
            fontsize=7,
            color=colour,
            zorder=4,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )


def trade_balance(balance: pd.DataFrame) -> Chart:
    """Two panels, one basis each: the US Census deficit (billion USD) and the Japan MOF surplus (trillion yen),
    calendar years only; years with no sourced figure are left as visible gaps and named in the caption."""
    if balance.empty:
        raise AllianceLabError("The trade_balance table is empty: nothing to draw.")
    styles = palette(["us", "jp calendar"])
    first, last = int(balance["year"].min()), int(balance["year"].max())
    figure, left = new_figure(
        "US-Japan goods trade balance, two statistical bases",
        "Calendar year",
        "US goods deficit with Japan (billion USD)",
        size=(11, 4.6),
    )
    right = add_right_panel(
        figure,
        left,
        "Japan MOF basis (right panel)",
        "Calendar year",
        "Japan's goods surplus with the US (trillion yen)",
    )
    us = balance_series(balance, US_BASIS, "calendar year")
    jp_cal = balance_series(balance, JAPAN_BASIS, "calendar year")
    jp_fis = balance_series(balance, JAPAN_BASIS, "Japanese fiscal year")
    _plot_runs(left, us, *styles["us"], "US Census basis, calendar year")
    _plot_runs(right, jp_cal, *styles["jp calendar"], "Japan MOF basis, calendar year")
    for axes, rows in ((left, us), (right, jp_cal)):
        axes.set_ylim(0, rows["value"].max() * 1.3)
        axes.set_xlim(first - 0.5, last + 0.5)
        axes.set_xticks(range(first, last + 1))
        axes.tick_params(axis="x", labelrotation=45, labelsize=8)
        axes.legend(loc="lower left", fontsize=8, frameon=False)
    gaps_us = _spans(missing_years(balance, US_BASIS))
    gaps_jp = _spans(missing_years(balance, JAPAN_BASIS))
    fiscal = ", ".join(f"{v:g} in FY{y}" for y, v in zip(jp_fis["year"], jp_fis["value"]))
    alt = (
        f"Two side-by-side panels of the US-Japan goods trade balance, calendar years {first}-{last}, kept apart "
        f"because they use different statistics and units. Left, US Census basis (billion USD): "
        + ", ".join(f"{v:g} in {y}" for y, v in zip(us["year"], us["value"]))
        + f"; no sourced figure for {gaps_us}. Right, Japan's Ministry of Finance (trillion yen): "
        + ", ".join(f"{v:g} in {y}" for y, v in zip(jp_cal["year"], jp_cal["value"]))
        + f"; no sourced figure for {gaps_jp}. "
        + _latest_change(jp_cal, "trillion yen")
    )
    caption = (
        "Figure: US-Japan goods trade balance, calendar years, from data/trade_balance.csv. Left: US Census "
        "basis (US deficit, billion USD). Right: Japan MOF basis (Japan's surplus, trillion yen). Lines join "
        f"consecutive years only. Years with no sourced figure, left blank rather than estimated: US basis "
        f"{gaps_us}; Japan basis {gaps_jp}."
        + (f" Japanese fiscal-year figures (April-March), not plotted: {fiscal}." if fiscal else "")
    )
    return Chart(figure, alt=alt, caption=caption)


def _latest_change(rows: pd.DataFrame, unit: str) -> str:
    """'The latest figure, 7.52 trillion yen in 2025, is lower than 8.64 in 2024.' (or higher)."""
    if len(rows) < 2:
        return ""
    (y0, v0), (y1, v1) = rows[["year", "value"]].tail(2).itertuples(index=False)
    direction = "lower" if v1 < v0 else "higher" if v1 > v0 else "the same as"
    return f"The latest calendar-year figure, {v1:g} {unit} in {y1}, is {direction} than {v0:g} in {y0}."


# --- tariff timeline -------------------------------------------------------------------------------------


def basis_label(rate: float, rate_basis: str) -> str:
    """'15% all-in' or '10% + MFN': a rate with the short form of its basis."""
    return f"{rate:g}%" + BASIS_SHORT.get(rate_basis, "")


def deal_rate(tariffs: pd.DataFrame) -> tuple[float, str]:
    """The rate agreed in the July 2025 US-Japan deal, with a label for figures."""
    row = tariff_row(tariffs, "2025-07-22", "Japan", "trade agreement")
    return float(row["rate"]), f"The July 2025 deal: {row['rate']:g}%"


def japan_announcements(tariffs: pd.DataFrame) -> pd.DataFrame:
    """Rates announced for most Japanese goods in 2025-26 (threats, the deal, the Section 122 plan)."""
    rows = tariffs[
        tariffs["partner"].isin(["Japan", "all countries"])
        & (tariffs["date"] >= TIMELINE_START)
        & (tariffs["status"] == "announced")
    ]
    return rows.sort_values("date")


def japan_rate_marks(tariffs: pd.DataFrame) -> list[tuple[float, str]]:
    """Each distinct rate applied to or announced for Japan in 2025-26, with what it applied to."""
    names = {"Most Japanese goods": "goods", "Japanese cars": "cars", "Japanese steel": "steel"}
    found = {}
    for step in japan_tariff_steps(tariffs).itertuples():
        if step.date >= TIMELINE_START:
            found.setdefault(step.rate, []).append(names[step.series])
    for row in japan_announcements(tariffs).itertuples():
        found.setdefault(row.rate, []).append("announced")
    return [(rate, f"{rate:g}%: " + ", ".join(dict.fromkeys(found[rate]))) for rate in sorted(found)]


LINESTYLES = ("-", "--", "-.")


def _draw_steps(axes, steps, styles, end):
    """One step line per series (own colour, marker and line style), extended to ``end``."""
    for (series, rows), style in zip(steps.groupby("series", sort=False), LINESTYLES):
        colour, marker = styles[series]
        dates = list(rows["date"]) + [end]
        rates = list(rows["rate"]) + [rows["rate"].iloc[-1]]
        axes.step(dates, rates, where="post", color=colour, linewidth=2.2, linestyle=style, zorder=3)
        axes.scatter(rows["date"], rows["rate"], color=colour, marker=marker, s=45, zorder=4)
        axes.plot([], [], color=colour, marker=marker, linestyle=style, linewidth=2.2, label=series)


def tariff_timeline(tariffs: pd.DataFrame) -> Chart:
    """Step chart of US tariffs in effect on Japan, 2025-26, with announced rates; China in its own panel."""
    steps = japan_tariff_steps(tariffs)
    shown = steps[steps["date"] <= TIMELINE_END].copy()
    shown.loc[shown["date"] < TIMELINE_START, "date"] = TIMELINE_START
    styles = palette(list(JAPAN_SERIES) + ["announced", "China"])
    figure, top = new_figure(
        "US tariffs on Japanese goods, 2025-26 (China for comparison)",
        "Date",
        "Tariff rate on Japan (%)",
        size=(12, 7.5),
    )
    grid = figure.add_gridspec(2, 1, height_ratios=[3, 2])
    top.set_subplotspec(grid[0])
    bottom = figure.add_subplot(grid[1], sharex=top)
    bottom.spines[["top", "right"]].set_visible(False)
    bottom.set_ylabel("Tariff rate on China (%)")
    bottom.set_xlabel("Date")
    top.set_xlabel("")

    pledge = tariffs[(tariffs["legal_basis"] == "campaign pledge")]
    allies = pledge[pledge["partner"] == "all countries"]["rate"]
    top.axhspan(
        allies.min(),
        allies.max(),
        color=OKABE_ITO["yellow"],
        alpha=0.25,
        zorder=0,
        label=f"Campaign pledge for allies:\n{allies.min():g}-{allies.max():g}%",
    )
    _draw_steps(top, shown, styles, TIMELINE_END)
    goods_colour = styles["Most Japanese goods"][0]
    for i, step in enumerate(shown[shown["series"] == "Most Japanese goods"].itertuples()):
        left_side = i % 2 == 1  # alternate sides: neighbouring steps can be only weeks apart
        top.annotate(
            basis_label(step.rate, step.rate_basis),
            (step.date, step.rate),
            textcoords="offset points",
            xytext=(-4 if left_side else 4, -14),
            ha="right" if left_side else "left",
            fontsize=8,
            color=goods_colour,
            fontweight="bold",
        )
    announced = japan_announcements(tariffs)
    colour, marker = styles["announced"]
    top.scatter(
        announced["date"],
        announced["rate"],
        facecolor="white",
        edgecolor=colour,
        marker=marker,
        s=70,
        linewidth=1.6,
        zorder=5,
        label="Announced for most goods\n(not, or not yet, in effect)",
    )
    for row in announced.itertuples():
        top.annotate(
            f"{row.rate:g}%",
            (row.date, row.rate),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=8,
            color=colour,
        )
    for date, partner, basis, label in TURNING_POINTS:
        row = tariff_row(tariffs, date, partner, basis)
        for axes in (top, bottom):
            axes.axvline(row["date"], color=GREY, linestyle=":", linewidth=1, zorder=1)
        top.annotate(
            label,
            (row["date"], 1.0),
            xycoords=("data", "axes fraction"),
            rotation=90,
            ha="right",
            va="top",
            fontsize=8,
            color=GREY,
        )
    top.set_ylim(0, max(shown["rate"].max(), announced["rate"].max()) * 1.25)
    top.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)

    china = tariffs[(tariffs["partner"] == "China") & (tariffs["date"] >= TIMELINE_START)].sort_values("date")
    colour, marker = styles["China"]
    for status, filled in (("in effect", True), ("announced", False)):
        rows = china[china["status"] == status]
        bottom.scatter(
            rows["date"],
            rows["rate"],
            facecolor=colour if filled else "white",
            edgecolor=colour,
            marker=marker,
            s=60,
            linewidth=1.5,
            zorder=4,
            label=f"China: {status}",
        )
    for row in china.itertuples():
        bottom.annotate(
            f"{row.rate:g}%", (row.date, row.rate), textcoords="offset points", xytext=(8, -3), fontsize=8, color=colour
        )
    china_pledge = pledge[pledge["partner"] == "China"]["rate"].max()
    bottom.axhline(china_pledge, color=colour, linestyle="--", linewidth=1, label=f"Campaign pledge: {china_pledge:g}%")
    bottom.set_ylim(0, max(china["rate"].max(), china_pledge) * 1.2)
    bottom.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    bottom.grid(axis="x", color="#E5E5E5", linewidth=0.8)
    top.set_xlim(TIMELINE_START, TIMELINE_END)
    return Chart(
        figure,
        alt=_tariff_alt(shown, announced, china),
        caption=(
            "Figure: US tariffs on Japan, 2025-26, from data/trade_tariffs.csv. Top: rates in effect (steps) on most "
            "Japanese goods, cars (2.5% MFN plus the 25% Section 232 tariff, then 15%) and steel; hollow markers are "
            "announced rates. Labels on the steps for most goods give the basis: 'all-in' rates include the ordinary "
            "MFN duty (EO 14345: MFN plus the extra duty add up to 15%), '+ MFN' rates come on top of it. So the move "
            "from 15% all-in to the 10% Section 122 surcharge (+ MFN) was not a flat 5-point cut: a good with a 2.5% "
            "MFN duty went from 15% to 12.5%, one with a 7% MFN duty from 15% to 17%. Sources disagree on the "
            "Section 122 rate: CBP guidance and law-firm alerts give 10%, Trump announced 15% (hollow marker). "
            "Shaded band: the campaign pledge for allies. Bottom: China, each rate as its source reports it (they do "
            "not all measure the same tariff layers; see the applies_to and rate_basis columns)."
        ),
    )


def _tariff_alt(shown, announced, china) -> str:
    parts = []
    for series, rows in shown.groupby("series", sort=False):
        path = " then ".join(f"{basis_label(r.rate, r.rate_basis)} ({r.date:%d %b %Y})" for r in rows.itertuples())
        parts.append(f"{series}: {path}")
    threats = ", ".join(f"{r.rate:g}% on {r.date:%d %b %Y}" for r in announced.itertuples())
    peak = china.loc[china["rate"].idxmax()]
    return (
        f"Step chart of US tariffs in effect on Japan from {TIMELINE_START:%B %Y} to {TIMELINE_END:%B %Y}. "
        + ". ".join(parts)
        + f". 'All-in' rates include the ordinary MFN duty; '+ MFN' rates come on top of "
        f"it. Announced rates for most Japanese goods: {threats}. Dotted lines mark the "
        f"pause, the July deal, EO 14345 and the Supreme Court's IEEPA ruling. Lower panel: rates reported for "
        f"China, peaking at {peak['rate']:g}% on {peak['date']:%d %b %Y}, far above any rate on Japan."
    )


# --- models ----------------------------------------------------------------------------------------------


def tariff_effect(effect: tariff_model.TariffEffect, marks=(), into: Chart | None = None) -> Chart:
    """Price and import-volume change against the tariff rate, the chosen rate marked, actual rates dotted.

    ``into``: an earlier chart from this function (with the same ``marks``) to update in place.
    """
    marks = tuple(marks)
    max_rate = max(60.0, effect.rate * 1.15, *(rate * 1.1 for rate, _ in marks))
    rates, prices, volumes = tariff_model.effect_curve(effect.elasticity, effect.pass_through, max_rate)
    chart = updatable(into, _tariff_effect_frame, marks)
    parts = chart.parts
    set_changed(parts["price"], data=(rates, prices))  # the lines move with the elasticity, not the rate
    parts["price point"].set_offsets([[effect.rate, effect.price_change]])
    set_changed(parts["volume"], data=(rates, volumes))
    parts["volume point"].set_offsets([[effect.rate, effect.volume_change]])
    axes = parts["axes"]
    axes.set_xlim(0, max_rate)
    low, high = min(volumes.min(), 0), max(prices.max(), 0)
    pad = max(5.0, (high - low) * 0.1)
    axes.set_ylim(low - pad, high + pad * 4)
    chart.alt = (
        f"Two curves against the tariff rate from 0 to {max_rate:g}%: the price buyers pay rises in a "
        f"straight line and import volume falls along a curve. At the chosen {effect.rate:g}% tariff, with "
        f"{effect.pass_through:.0%} pass-through and elasticity {effect.elasticity:g}, the price rises "
        f"{effect.price_change:.1f}% and import volume changes by {effect.volume_change:.1f}%."
    )
    if marks:
        chart.alt += (
            " Dotted lines mark rates applied to or announced for Japan in 2025-26: "
            + ", ".join(f"{rate:g}%" for rate, _ in marks)
            + "."
        )
    return chart


def _tariff_effect_frame(marks: tuple) -> Chart:
    """The parts of the tariff-effect chart that do not depend on the model's inputs; curves left empty."""
    styles = palette(["price", "volume"])
    figure, axes = new_figure(
        "A simple teaching model: what a tariff does to price and imports",
        "Tariff rate (%)",
        "Change (%)",
        size=(10, 4.8),
    )
    axes.axhline(0, color=OKABE_ITO["black"], linewidth=0.8)
    for rate, label in marks:
        axes.axvline(rate, color=GREY, linestyle=":", linewidth=1, zorder=1)
        axes.annotate(
            label,
            (rate, 1.0),
            xycoords=("data", "axes fraction"),
            rotation=90,
            ha="right",
            va="top",
            fontsize=7,
            color=GREY,
        )
    parts = {"axes": axes}
    for key, label, style in (("price", "Price paid by buyers", "-"), ("volume", "Import volume", "--")):
        colour, marker = styles[key]
        (parts[key],) = axes.plot([], [], color=colour, linewidth=2, linestyle=style, label=label)
        parts[f"{key} point"] = axes.scatter([], [], color=colour, marker=marker, s=70, zorder=4)
    axes.legend(loc="lower left", fontsize=9, frameon=False)
    caption = (
        "Figure: a simple teaching model (alliancelab.models.tariffs), not a forecast. Dotted lines: rates on "
        "Japan in 2025-26 from data/trade_tariffs.csv."
    )
    return Chart(figure, alt="", caption=caption, parts=parts)


#: Where the zone of agreement's range is written: near the top of the chart, above the bars' notes.
ZONE_VALUE_Y = 1.75


def win_sets(
    a: tlg.WinSet,
    b: tlg.WinSet,
    weight_a=0.5,
    actual=None,
    issue="US tariff on most Japanese goods (%)",
    unit="%",
    scale: tuple[float, float] | None = None,
    into: Chart | None = None,
) -> Chart:
    """The two win-sets as bars, their overlap shaded, the likely outcome and (optionally) the actual deal.

    ``scale``: the range of the issue to show (a widget passes its sliders' range, so that the axis stays put while
    the bars move); by default, the win-sets and the actual deal with a margin.
    ``into``: an earlier chart from this function (same sides, preferences, ``actual``, issue and unit) to update in
    place.
    """
    zone, outcome = tlg.overlap(a, b), tlg.likely_outcome(a, b, weight_a)
    chart = updatable(into, _win_sets_frame, (a.name, a.prefers), (b.name, b.prefers), actual, issue)
    parts, axes = chart.parts, chart.parts["axes"]
    for y, side, key in ((1, a, "a"), (0, b, "b")):
        set_changed(parts[f"{key} bar"].patches[0], x=side.low, width=max(side.width, 0.2))
        set_changed(parts[f"{key} best"], offsets=[[side.best, y]])
        point_annotation(parts[f"{key} arrow"], (side.best, y + 0.3))
    shown = [parts["zone"], parts["outcome"]] if zone is not None else []
    if zone is not None:
        set_changed(parts["zone"], x=zone[0], width=zone[1] - zone[0] if zone[1] > zone[0] else 0.2)
        parts["zone value"].set_text(f"{zone[0]:g}-{zone[1]:g}{unit}")
        point_annotation(parts["zone value"], (sum(zone) / 2, ZONE_VALUE_Y))
        set_changed(parts["outcome"], offsets=[[outcome, 0.5]])
        parts["outcome value"].set_text(f"{outcome:.3g}{unit}")
        point_annotation(parts["outcome value"], (outcome, 0.5))
    for name in ("zone", "zone value", "outcome", "outcome value"):
        parts[name].set_visible(zone is not None)
    parts["no deal"].set_visible(zone is None)
    if actual is not None:
        shown.append(parts["actual"])
    ends = [a.low, a.high, b.low, b.high] + ([actual[0]] if actual else [])
    low, high = scale or (min(ends), max(ends))
    axes.set_xlim(low - 2, high + 2)
    show_legend(  # the numbers are written by the marks, so the legend stays as it is while the sliders move
        axes,
        shown + [parts["a bar"], parts["b bar"]],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=8,
        frameon=False,
    )
    chart.alt = (
        f"Two horizontal bars on the issue '{issue}': {a.name}'s win-set from {a.low:g} to {a.high:g}{unit} "
        f"and {b.name}'s from {b.low:g} to {b.high:g}{unit}. " + tlg.describe(a, b, weight_a, unit)
    )
    if actual is not None:
        chart.alt += f" A dotted line marks the actual outcome ({actual[1]})."
    return chart


def _win_sets_frame(a: tuple, b: tuple, actual, issue: str) -> Chart:
    """The win-set chart's axes, a bar, marker and arrow for each side ``(name, prefers)``, the overlap, the likely
    outcome, the no-agreement note and the actual outcome's line; bars and markers still to be placed."""
    styles = palette([a[0], b[0], "outcome"])
    figure, axes = new_figure(
        "Two-level game: where the win-sets overlap", issue, "Side (Level II win-set)", size=(10, 3.8)
    )
    parts = {"axes": axes}
    for y, (name, prefers), key, hatch in ((1, a, "a", ""), (0, b, "b", "//")):
        colour, marker = styles[name]
        parts[f"{key} bar"] = axes.barh(
            y, 0.2, height=0.45, color=colour, alpha=0.85, hatch=hatch, edgecolor="white", label=f"{name} would ratify"
        )
        parts[f"{key} best"] = axes.scatter([], [], color=OKABE_ITO["black"], marker=marker, s=40, zorder=4)
        parts[f"{key} arrow"] = axes.annotate(
            "<- prefers lower" if prefers == "low" else "prefers higher ->",
            (0, y + 0.3),
            xytext=(0, 0),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    parts["zone"] = axes.axvspan(0, 0.2, color=GREY, alpha=0.25, zorder=0, label="Zone of possible agreement")
    parts["zone value"] = axes.annotate(
        "",
        (0, ZONE_VALUE_Y),
        xytext=(0, 0),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=9,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},  # legible over the actual outcome's line
        zorder=6,
    )
    colour, marker = styles["outcome"]
    parts["outcome"] = axes.scatter([], [], color=colour, marker="*", s=220, zorder=5, label="Likely outcome")
    parts["outcome value"] = axes.annotate(
        "", (0, 0.5), xytext=(9, 0), textcoords="offset points", va="center", fontsize=9, fontweight="bold", zorder=6
    )
    parts["no deal"] = axes.annotate(
        "No agreement possible: the win-sets do not overlap",
        (0.5, 0.5),
        xycoords="axes fraction",
        ha="center",
        fontsize=11,
        fontweight="bold",
        color=OKABE_ITO["vermillion"],
    )
    if actual is not None:
        parts["actual"] = axes.axvline(
            actual[0], color=OKABE_ITO["black"], linestyle=":", linewidth=1.2, label=actual[1]
        )
    axes.set_yticks([0, 1], [b[0], a[0]])
    axes.set_ylim(-0.6, 1.8)
    caption = (
        "Figure: a one-dimensional two-level game (alliancelab.models.two_level_game). The win-sets are "
        "illustrative assumptions, not measurements"
        + ("; the dotted line is the actual rate from data/trade_tariffs.csv." if actual else ".")
    )
    return Chart(figure, alt="", caption=caption, parts=parts)
