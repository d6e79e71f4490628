"""Figures for lesson 02 (burden sharing): host-nation support, defence budgets, US asks, two teaching models."""

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from alliancelab import brief, validation
from alliancelab.errors import AllianceLabError
from alliancelab.models import burden as bs
from alliancelab.models.burden import budget_rows, hns_periods
from alliancelab.plotting.style import (
    OKABE_ITO,
    Chart,
    new_figure,
    palette,
    point_annotation,
    set_changed,
    set_title,
    show_legend,
    updatable,
)

HNS_TABLE = "data/host_nation_support.csv"
DEFENCE_TABLE = "data/defense_spending.csv"
GDP_TABLE = "data/gdp.csv"
OZ_CAPTION = (
    "No data table: a teaching model of Olson and Zeckhauser's (1966) economic theory of alliances "
    "(alliancelab/models/burden.py), with illustrative, not estimated, incomes and weights."
)


def _fy_label(start: int, end: int) -> str:
    return f"FY{start}" if start == end else f"FY{start}-{str(end)[-2:]}"


# --- Host-nation support ---------------------------------------------------------------------------


def host_nation_support(hns: pd.DataFrame) -> Chart:
    """Host-nation support (billion yen a year) by fiscal year and SMA period; the 2019 ask and the expiry marked."""
    periods = hns_periods(hns)
    kinds = {
        "single year": "One fiscal year's amount",
        "annual level": "SMA annual level or average",
        "agreement total": "SMA total ÷ years covered",
    }
    styles = palette(kinds)
    figure, axes = new_figure(
        "Japan's host-nation support for US forces, by fiscal year and agreement",
        "Japanese fiscal year (April-March)",
        "Billion yen per year",
        size=(11, 5),
    )
    for kind, label in kinds.items():
        colour, marker = styles[kind]
        rows = periods[periods["kind"] == kind]
        for i, row in enumerate(rows.itertuples()):
            if kind == "single year":
                axes.plot(
                    [row.start_fy],
                    [row.per_year],
                    marker=marker,
                    color=colour,
                    markersize=9,
                    linestyle="none",
                    label=label if i == 0 else None,
                    zorder=3,
                )
                axes.annotate(
                    f"{row.per_year:.1f}",
                    (row.start_fy, row.per_year),
                    textcoords="offset points",
                    xytext=(0, 8),
                    ha="center",
                    fontsize=8.5,
                )
                continue
            xs = [row.start_fy - 0.4, row.end_fy + 0.4]
            solid = kind == "annual level"
            axes.plot(
                xs,
                [row.per_year] * 2,
                color=colour,
                linewidth=7 if solid else 2.5,
                alpha=0.7 if solid else 1,
                linestyle="-" if solid else "--",
                marker=marker,
                markersize=8,
                markevery=[1],
                label=label if i == 0 else None,
                zorder=2 if solid else 3,
            )
            text = (
                f"{_fy_label(row.start_fy, row.end_fy)}: total {row.billion_yen:,.1f}"
                if kind == "agreement total"
                else f"{row.per_year:.1f}/yr"
            )
            axes.annotate(
                text,
                ((row.start_fy + row.end_fy) / 2, row.per_year),
                textcoords="offset points",
                xytext=(0, -14 if kind == "agreement total" else 8),
                ha="center",
                fontsize=8.5,
            )
    ask = _us_ask(hns)
    if ask is not None:
        axes.axvline(ask["year"], color=OKABE_ITO["vermillion"], linestyle=":", linewidth=1.5)
        axes.annotate(
            f"{ask['year']}: US asks for ${ask['usd']:g}bn a year\n(about {ask['times']:g}x Japan's payment)",
            (ask["year"], 260),
            xytext=(6, 0),
            textcoords="offset points",
            fontsize=9,
            color=OKABE_ITO["vermillion"],
        )
    last = periods["end_fy"].max()
    axes.axvspan(last + 0.5, last + 1.5, color="#DDDDDD", alpha=0.7, zorder=0)
    axes.annotate(
        f"Current SMA\nends 31 Mar\n{last + 1}; talks\non renewal\nin {last}", (last + 0.55, 60), fontsize=8.5
    )
    axes.set_xlim(periods["start_fy"].min() - 1, last + 2)
    axes.set_ylim(0, 300)
    axes.legend(loc="lower left", fontsize=9, frameon=False)
    return Chart(
        figure,
        alt=_hns_alt(periods, ask),
        caption=(
            f"Figure: Japan's host-nation support under the Special Measures Agreements (SMA), {HNS_TABLE}: yen rows "
            "only (the 2006 agreement, given in US dollars, is left out). Dashed bars spread an agreement's total over "
            "its years; solid bars are an agreement's stated annual level or average. Shaded: FY2027, the first year "
            "after the current agreement."
        ),
    )


def _us_ask(hns: pd.DataFrame):
    """The 2019 US demand: year, US$ bn a year and the multiple of Japan's payment, from the us_demand rows."""
    demand = hns[hns["series"] == "us_demand"]
    usd = demand[demand["unit"] == "billion USD per year"]
    times = demand[demand["unit"] == "times current payment"]
    if usd.empty:
        return None
    return {
        "year": int(str(usd["period"].iloc[0])[:4]),
        "usd": float(usd["value"].iloc[0]),
        "times": float(times["value"].iloc[0]) if not times.empty else float("nan"),
    }


def _hns_alt(periods: pd.DataFrame, ask) -> str:
    peak = periods.loc[periods["per_year"].idxmax()]
    latest = periods[periods["end_fy"] == periods["end_fy"].max()]
    total = latest[latest["kind"] == "agreement total"]
    level = latest[latest["kind"] == "annual level"]
    parts = [
        f"Chart of Japan's host-nation support in billion yen a year, FY{periods['start_fy'].min()} to "
        f"FY{periods['end_fy'].max()}. The highest amount shown is {peak.per_year:.1f} "
        f"({_fy_label(peak.start_fy, peak.end_fy)})."
    ]
    for row in periods[periods["start_fy"] >= 2011].itertuples():
        parts.append(f"{_fy_label(row.start_fy, row.end_fy)} {row.kind}: {row.billion_yen:,.1f}")
    text = parts[0] + " Since 2011: " + "; ".join(parts[1:]) + "."
    if not level.empty and not total.empty:
        text += (
            f" The current agreement ({_fy_label(latest.start_fy.iloc[0], latest.end_fy.iloc[0])}) is worth "
            f"{total.billion_yen.iloc[0]:,.1f} billion yen, about {level.per_year.iloc[0]:.0f} a year."
        )
    if ask is not None:
        text += f" A dotted line marks {ask['year']}, when the US asked for about ${ask['usd']:g}bn a year."
    recent = periods[periods["start_fy"] >= 2011]["per_year"]
    return text + (
        f" Since FY2011 the yearly amounts stay between {recent.min():.0f} and {recent.max():.0f} billion yen."
    )


# --- Defence budgets -------------------------------------------------------------------------------


def defence_budget(defense: pd.DataFrame) -> Chart:
    """Japan's initial defence budgets by fiscal year, one marker and line per accounting basis."""
    rows = budget_rows(defense)
    bases = [b for b in defense["basis"].cat.categories if b in set(rows["basis"])]
    styles = palette(bases)
    first, last = rows["year"].min(), rows["year"].max()
    figure, axes = new_figure(
        f"Japan's initial defence budget, FY{first}-FY{last}", "Japanese fiscal year", "Trillion yen"
    )
    for basis in bases:
        mine = rows[rows["basis"] == basis].groupby("year")["value"].first()
        colour, marker = styles[basis]
        gaps = mine.reindex(range(mine.index.min(), mine.index.max() + 1))  # no line across missing years
        axes.plot(
            gaps.index,
            gaps.values,
            color=colour,
            marker=marker,
            markersize=8,
            linewidth=1.2,
            label=f"{basis} ({len(mine)})",
        )
    axes.axvline(2022.5, color=OKABE_ITO["black"], linestyle="--", linewidth=1)
    axes.annotate("Dec 2022 strategy:\ncounterstrike,\n2% of GDP by FY2027", (2022.4, 2.0), fontsize=8.5, ha="right")
    axes.set_ylim(0, rows["value"].max() * 1.1)
    axes.set_xticks(range(first, last + 1), [f"{y % 100:02d}" for y in range(first, last + 1)])
    axes.set_xlabel("Japanese fiscal year (FY12 = April 2012-March 2013)")
    axes.legend(
        title="Accounting basis (rows); lines join consecutive years only",
        loc="upper left",
        fontsize=9,
        title_fontsize=9,
        frameon=False,
    )
    return Chart(
        figure,
        alt=_budget_alt(rows),
        caption=(
            f"Figure: Japan's initial (cabinet-draft) defence budgets, {DEFENCE_TABLE}, series budget_initial. Each "
            "accounting basis has its own colour, marker and line: bases are not mixed into one series without a note. "
            "'Including SACO/realignment costs' adds Japan's spending on the realignment of US forces; 'not stated' "
            "rows may be either. Lines join consecutive years of one basis only. FY2025 appears twice (8.7 and 8.6 "
            "trillion yen on different bases)."
        ),
    )


def _budget_alt(rows: pd.DataFrame) -> str:
    start, end = rows.iloc[0], rows.iloc[-1]
    by_year = rows.groupby("year")["value"].max()
    jumps = by_year.diff().dropna()
    big = int(jumps.idxmax())
    trend = "rises every year shown" if by_year.is_monotonic_increasing else "rises overall"
    after = ", right after the December 2022 strategy" if big == 2023 else ""
    return (
        f"Line chart of Japan's initial defence budget by fiscal year, one line per accounting basis. It {trend}, "
        f"from {start.value:g} trillion yen in FY{start.year} (basis {start.basis}) to "
        f"{end.value:g} trillion yen in FY{end.year} ({end.basis}), about {end.value / start.value:.1f} times "
        f"as much. The largest one-year rise is into FY{big}: from {by_year[big - 1]:g} to {by_year[big]:g} "
        f"trillion yen{after}."
    )


# --- US asks ---------------------------------------------------------------------------------------


def _who(metric: str) -> str:
    """A short name for the asker in a us_ask row's metric text."""
    if metric.startswith("US ask (") and ")" in metric:
        inside = metric[len("US ask (") :].split(")")[0]
        return inside.split(",")[0] + (" (reported)" if "reported" in inside else "")
    return metric.split(":")[0]


def us_asks(defense: pd.DataFrame) -> Chart:
    """US calls for Japanese defence spending (% of GDP) by date, against Japan's 1% cap, 2% goal and its shares."""
    validation.table(defense, "defense_spending", ["series", "unit", "date_reported", "metric", "value", "fiscal_year"])
    pct = defense[defense["unit"] == "% of GDP"]
    asks = pct[pct["series"] == "us_ask"].sort_values("date_reported", kind="stable")
    shares = pct[pct["series"] == "gdp_share"].sort_values("date_reported", kind="stable")
    if asks.empty:
        raise AllianceLabError("No us_ask rows in the table: load it with data.load('defense_spending').")
    styles = palette(["ask", "share"])
    figure, axes = new_figure(
        "US asks for Japanese defence spending, against Japan's own goal",
        "Date reported",
        "Defence spending (% of GDP)",
        size=(11, 5),
    )
    colour, marker = styles["ask"]
    axes.plot(
        asks["date_reported"],
        asks["value"],
        color=colour,
        marker=marker,
        markersize=10,
        linestyle="none",
        label=f"US ask ({len(asks)})",
        zorder=3,
    )
    for row, dy in zip(asks.itertuples(), [8, 8, 8, -16]):
        axes.annotate(
            f"{row.value:g}%: {_who(row.metric)}",
            (row.date_reported, row.value),
            xytext=(-10, dy),
            textcoords="offset points",
            fontsize=8.5,
            ha="right",
        )
    colour, marker = styles["share"]
    axes.plot(
        shares["date_reported"],
        shares["value"],
        color=colour,
        marker=marker,
        markersize=9,
        linestyle="none",
        label=f"Japan, reported share of GDP ({len(shares)}; label = fiscal year)",
        zorder=3,
    )
    for row in shares.itertuples():
        axes.annotate(
            f"{row.fiscal_year}", (row.date_reported, row.value), xytext=(6, -4), textcoords="offset points", fontsize=8
        )
    refs = {"2% goal (Dec 2022 strategy, by FY2027)": 2.0, "1%: the long-standing informal cap": 1.0}
    for (label, level), style in zip(refs.items(), ["--", ":"]):
        axes.axhline(level, color=OKABE_ITO["black"], linestyle=style, linewidth=1.2, label=label)
    axes.axvline(brief.WRITTEN, color=OKABE_ITO["black"], linestyle="-.", linewidth=1, label=brief.WRITTEN_LABEL)
    axes.set_ylim(0, 6)
    axes.set_xlim(pd.Timestamp("2022-10-01"), pd.Timestamp("2026-04-30"))
    axes.legend(loc="upper left", fontsize=9, frameon=False)
    listed = "; ".join(f"{r.date_reported:%d %b %Y} {_who(r.metric)} {r.value:g}%" for r in asks.itertuples())
    alt = (
        f"Dated chart of {len(asks)} US calls for Japanese defence spending: {listed}. Japan's reported shares "
        f"range from {shares['value'].min():g}% to {shares['value'].max():g}% of GDP, against its 2% goal and the "
        f"old 1% cap: every US ask sits above the 2% goal, the latest at {asks['value'].iloc[-1]:g}%."
    )
    return Chart(
        figure,
        alt=alt,
        caption=(
            f"Figure: US asks (series us_ask) and Japan's reported shares of GDP (series gdp_share), {DEFENCE_TABLE}, "
            "placed on the date each source was published. Japan's shares use different bases (defence-related or "
            "security-related spending; initial or initial plus supplementary budgets; FY2022 or current GDP): see the "
            "table's basis and note columns before comparing them."
        ),
    )


# --- The calculator --------------------------------------------------------------------------------


def cost_calculator(
    defense: pd.DataFrame,
    base_gdp: float,
    base_year: int,
    growth_pct: float,
    share_pct: float,
    year: int,
    fixed_denominator: bool = False,
    into: Chart | None = None,
) -> Chart:
    """The yen cost path of ``share_pct`` % of GDP to ``year``, the 2/3.5/5% lines and the actual budgets.

    ``into``: an earlier chart from this function (same budget table) to update in place.
    """
    shares = list(bs.REFERENCE_SHARES)
    path = bs.cost_path(base_gdp, base_year, growth_pct, year, shares, fixed_denominator)
    chosen = bs.cost_path(base_gdp, base_year, growth_pct, year, [share_pct], fixed_denominator).iloc[:, -1]
    rows = budget_rows(defense)
    security = _security_fy2025(defense)
    chart = updatable(into, _calculator_frame, tuple(zip(rows["year"], rows["value"])), security)
    parts, axes = chart.parts, chart.parts["axes"]
    denominator = f"FY{base_year} GDP (fixed)" if fixed_denominator else "each year's GDP"
    set_title(axes, f"What {share_pct:g}% of GDP costs in yen, FY{base_year}-FY{year}")
    for share, line in zip(shares, parts["references"]):
        set_changed(line, data=(path.index, path[share]))  # unchanged while only the share moves
        line.set_label(f"{share:g}% of {denominator}")
    parts["chosen"].set_data(path.index, chosen)
    # The share is in the title: the legend stays the same while the share slider moves (a widget redraws less).
    parts["chosen"].set_label(f"Chosen share of {denominator}, GDP growth {growth_pct:g}%/yr")
    parts["end"].set_data([year], [chosen.iloc[-1]])
    point_annotation(parts["end label"], (year, chosen.iloc[-1]))
    parts["end label"].set_text(f"FY{year}: {chosen.iloc[-1]:.1f}")
    axes.set_xlim(rows["year"].min() - 0.5, max(year, rows["year"].max()) + 0.8)
    axes.set_ylim(0, max(float(path.iloc[:, 1:].max().max()), rows["value"].max()) * 1.1)
    for text, line in zip(parts["legend"].get_texts(), [*parts["references"], parts["chosen"]]):
        text.set_text(line.get_label())  # the legend keeps its entries; only these labels change
    chart.alt = _calculator_alt(path, chosen, share_pct, growth_pct, year, denominator, rows)
    chart.caption = (
        f"Figure: a teaching calculator (alliancelab/models/burden.py). Nominal GDP starts from FY{base_year} "
        f"GDP of {base_gdp:g} trillion yen ({GDP_TABLE}) and grows at an assumed constant rate; markers are actual "
        f"budgets from {DEFENCE_TABLE} (budget_initial, and FY2025 security-related spending). The MOD budget is "
        "narrower than the 'security-related' spending the 2% goal counts, so the two do not line up exactly."
    )
    return chart


def _calculator_frame(budgets: tuple, security) -> Chart:
    """The calculator's axes with the actual budgets (``(year, trillion yen)`` pairs); cost lines left empty."""
    keys = [f"{s:g}%" for s in bs.REFERENCE_SHARES] + ["budget", "security"]
    styles = palette(keys)
    figure, axes = new_figure("What a share of GDP costs in yen", "Japanese fiscal year", "Trillion yen", size=(11, 5))
    references = [
        axes.plot(
            [], [], color=styles[key][0], marker=styles[key][1], markersize=5, linewidth=1.2, linestyle="--", label=key
        )[0]
        for key in keys[:-2]
    ]
    (chosen,) = axes.plot([], [], color=OKABE_ITO["black"], linewidth=2.8, label="chosen")
    (end,) = axes.plot([], [], marker="*", markersize=18, color=OKABE_ITO["black"], linestyle="none")
    end_label = axes.annotate(
        "", (0, 0), xytext=(-8, 10), textcoords="offset points", ha="right", fontsize=10, fontweight="bold"
    )
    colour, marker = styles["budget"]
    axes.plot(
        *zip(*budgets),
        color=colour,
        marker=marker,
        linestyle="none",
        markersize=7,
        label="MOD initial defence budget (bases differ: see the budget figure)",
    )
    if security is not None:
        colour, marker = styles["security"]
        axes.plot(
            [2025, 2025],
            security,
            color=colour,
            marker=marker,
            markersize=9,
            linestyle="-",
            linewidth=1,
            label="FY2025 security-related spending: initial, then + supplementary (the 2% measure)",
        )
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    parts = {
        "axes": axes,
        "references": references,
        "chosen": chosen,
        "end": end,
        "end label": end_label,
        "legend": axes.legend(loc="upper left", fontsize=8.5, frameon=False),
    }
    return Chart(figure, alt="", caption="", parts=parts)


def _security_fy2025(defense: pd.DataFrame):
    """FY2025 security-related spending: (initial, initial + supplementary) in trillion yen, from the 'other' rows."""
    other = defense[
        (defense["series"] == "other") & (defense["fiscal_year"] == "FY2025") & (defense["unit"] == "trillion yen")
    ]
    initial = other[other["basis"] == "initial budgets only"]["value"]
    extra = other[other["basis"] == "supplementary budget only"]["value"]
    if initial.empty or extra.empty:
        return None
    return float(initial.iloc[0]), float(initial.iloc[0] + extra.iloc[0])


def _calculator_alt(path, chosen, share_pct, growth_pct, year, denominator, rows) -> str:
    latest = rows.iloc[-1]
    refs = ", ".join(f"{s:g}% {path[s].iloc[-1]:.1f}" for s in bs.REFERENCE_SHARES)
    return (
        f"Line chart of the yen cost of a share of GDP, FY{path.index[0]} to FY{year}, with nominal GDP growing "
        f"{growth_pct:g}% a year and the share measured against {denominator}. {share_pct:g}% of GDP costs "
        f"{chosen.iloc[0]:.1f} trillion yen in FY{path.index[0]} and {chosen.iloc[-1]:.1f} in FY{year}, "
        f"{chosen.iloc[-1] / latest.value:.1f} times the FY{latest.year} initial defence budget of "
        f"{latest.value:g} trillion yen. Reference lines in FY{year}: {refs} trillion yen."
    )


# --- Olson-Zeckhauser ------------------------------------------------------------------------------


def olson_zeckhauser(
    small_share: float, weight: float, weight_small=None, private: float = 0.0, into: Chart | None = None
) -> Chart:
    """Each ally's defence spending (% of own income) as the small ally's income share varies; current share marked.

    ``private``: the private share of defence's benefit (Sandler's joint products; 0 = Olson-Zeckhauser).
    ``into``: an earlier chart from this function, to update in place.
    """
    grid = np.round(np.linspace(0.02, 0.5, 49), 4)
    curve = bs.burden_curve(weight, grid, weight_small, private)
    eq = bs.nash_contributions(1 - small_share, small_share, weight, weight_small, private)
    threshold = min(bs.free_riding_threshold(weight, weight_small, private), 0.5)
    chart = updatable(into, _oz_frame)
    parts, axes = chart.parts, chart.parts["axes"]
    set_changed(parts["free ride"], width=threshold * 100)  # the curves and the threshold move with the weights
    parts["free ride"].set_label(
        f"Small ally pays nothing (income share up to {threshold * 100:.1f}%)"
        if threshold
        else "No free riding: private benefits make both allies pay"
    )
    for i, (key, column) in enumerate([("large", "burden_large"), ("small", "burden_small")]):
        set_changed(parts[key], data=(curve["small_share"] * 100, curve[column] * 100))
        parts[f"{key} now"].set_data([small_share * 100], [eq.burden[i] * 100])
    parts["now"].set_xdata([small_share * 100] * 2)
    axes.set_ylim(0, max(curve["burden_large"].max(), curve["burden_small"].max()) * 115)
    handles = [parts["free ride"], parts["large"], parts["small"]]
    show_legend(axes, handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=3, fontsize=9, frameon=False)
    weights = _weights_text(eq)
    chart.alt, chart.caption = _oz_alt(eq, threshold, weights), f"Figure: {OZ_CAPTION} {weights}."
    return chart


def _oz_frame() -> Chart:
    """The Olson-Zeckhauser chart's axes, free-riding zone, curves and markers, still without data."""
    styles = palette(["large", "small"])
    figure, axes = new_figure(
        "Olson-Zeckhauser: who pays for a shared defence?",
        "Small ally's share of the two allies' combined income (%)",
        "Defence spending (% of own income)",
        size=(10, 4.5),
    )
    parts = {"axes": axes, "free ride": axes.axvspan(0, 0, color="#E8E8E8", zorder=0)}
    for key, label in [("large", "Large ally"), ("small", "Small ally")]:
        colour, marker = styles[key]
        (parts[key],) = axes.plot([], [], color=colour, marker=marker, markevery=6, linewidth=2.2, label=label)
        (parts[f"{key} now"],) = axes.plot(
            [], [], marker=marker, markersize=12, color=colour, markeredgecolor=OKABE_ITO["black"], linestyle="none"
        )
    parts["now"] = axes.axvline(0, color=OKABE_ITO["black"], linestyle=":", linewidth=1.2)
    axes.set_xlim(0, 50)
    return Chart(figure, alt="", caption="", parts=parts)


def _weights_text(eq: bs.Equilibrium) -> str:
    a1, a2 = eq.weight
    text = (
        f"Both allies put weight {a1:.2f} on security"
        if a1 == a2
        else f"Weight on security: large ally {a1:.2f}, small ally {a2:.2f}"
    )
    return text + (f"; private share of defence's benefit {eq.private:.2f} (joint products)" if eq.private else "")


def _oz_alt(eq, threshold, weights) -> str:
    small = eq.income_share[1] * 100
    if threshold == 0:
        zone = "With private benefits of defence the small ally always pays something: no free-riding zone."
    elif threshold < 0.5:
        zone = f"The small ally pays nothing whenever its income share is {threshold * 100:.1f}% or less."
    else:
        zone = "The small ally pays nothing at any income share up to an equal split."
    return (
        f"Line chart of the Olson-Zeckhauser model. {weights}. {zone} At the marked point the small ally has "
        f"{small:.0f}% of combined income; the large ally spends {eq.burden[0] * 100:.1f}% of its income on "
        f"defence and the small ally {eq.burden[1] * 100:.1f}%, so the large ally pays "
        f"{eq.share_of_total[0] * 100:.0f}% of the alliance's defence."
    )
