"""Comparing allies: defence shares, host-nation support per US service member, the cost of closing a gap.

Pure functions on the ``ally_comparison`` table. Japan's own rows are not copied into that table: they are taken
from ``defense_spending`` and ``host_nation_support`` by :func:`japan_rows` and joined by :func:`comparison_table`.
"""

import pandas as pd

from alliancelab.errors import AllianceLabError

#: The allies of the comparison, in display order (NATO = the alliance's targets; Poland its highest spender).
ALLIES = ("Japan", "South Korea", "Philippines", "NATO", "Poland")
#: The benchmarks of the gap measures, in % of GDP: NATO's old goal, its 2035 core goal and its 2035 total.
TARGETS = (2.0, 3.5, 5.0)
#: Japan's timeline rows reused from ``events``: date -> side (the events table has no "side" column).
JAPAN_EVENTS = {
    "2025-03-04": "US ask or claim",  # Colby: at least 3%
    "2025-03-05": "ally response",  # Ishiba: Japan decides its own budget
    "2025-05-31": "US ask or claim",  # Hegseth at Shangri-La: match Europe's 5%
    "2025-07-22": "agreement",  # 15% tariff and $550bn
    "2025-10-24": "ally response",  # Takaichi: 2% in FY2025
    "2025-12-16": "ally response",  # supplementary budget: 2% reached
    "2026-01-27": "ally response",  # Yomiuri editorial answers the NDS
}


def japan_rows(defense: pd.DataFrame, hns: pd.DataFrame) -> pd.DataFrame:
    """Japan's defence shares, FY2025 spending and US troop counts, in the shape of ``ally_comparison``.

    Shares: the ``gdp_share`` rows on initial budgets, one per fiscal year (the first listed: against FY2022 GDP,
    the government's own basis). Spending: FY2025 security-related spending, initial budget (the ``other`` row
    whose basis is "initial budgets only"). Troops: the ``troops`` rows of ``host_nation_support``.
    """
    shares = defense[(defense["series"] == "gdp_share") & (defense["basis"] == "initial budgets only")]
    shares = shares.assign(year=shares["fiscal_year"].str[2:6].astype(int)).drop_duplicates("year")
    spending = defense[
        (defense["fiscal_year"] == "FY2025")
        & (defense["series"] == "other")
        & (defense["basis"] == "initial budgets only")
    ]
    troops = hns[hns["series"] == "troops"]
    parts = [
        _as_comparison(shares, "defence_share_gdp", shares["year"]),
        _as_comparison(spending, "defence_budget", [2025] * len(spending)),
        _as_comparison(troops, "us_troops", troops["period"].str[:4].astype(int)),
    ]
    return pd.concat(parts, ignore_index=True)


def _as_comparison(rows: pd.DataFrame, measure: str, years) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ally": "Japan",
            "year": pd.array(list(years), dtype="Int64"),
            "measure": measure,
            "value": rows["value"].to_numpy(),
            "unit": rows["unit"].astype(str).to_numpy(),
            "basis": rows["metric"].to_numpy(),
            "source_url": rows["source_url"].to_numpy(),
            "source_title": rows["source_title"].to_numpy(),
        }
    )


def comparison_table(allies: pd.DataFrame, defense: pd.DataFrame, hns: pd.DataFrame) -> pd.DataFrame:
    """The ``ally_comparison`` rows plus Japan's rows from the Japan tables, as plain strings for ally and measure."""
    table = allies.assign(
        ally=allies["ally"].astype(str), measure=allies["measure"].astype(str), unit=allies["unit"].astype(str)
    )
    return pd.concat([table, japan_rows(defense, hns)], ignore_index=True)


def defence_shares(table: pd.DataFrame, allies=ALLIES) -> pd.DataFrame:
    """Defence spending as % of GDP by ally and year, for the chosen ``allies``."""
    _check_allies(allies)
    rows = table[(table["measure"] == "defence_share_gdp") & table["ally"].isin(allies)]
    return rows[["ally", "year", "value", "basis", "source_title"]].sort_values(["ally", "year"], ignore_index=True)


def hns_per_member(table: pd.DataFrame, allies=ALLIES) -> pd.DataFrame:
    """Annual host-nation support (US dollars) per US service member, for the allies with both numbers.

    Each ally's latest dollar amount is divided by the troop count nearest to it in time. Both are as reported
    (dollar amounts at the outlet's exchange rate); the years of the two allies differ.
    """
    _check_allies(allies)
    rows = []
    for ally in allies:
        money = table[(table["ally"] == ally) & (table["measure"] == "hns_annual_usd")]
        troops = table[(table["ally"] == ally) & (table["measure"] == "us_troops")]
        if money.empty or troops.empty:
            continue
        latest = money.sort_values("year").iloc[-1]
        nearest = troops.iloc[(troops["year"] - latest["year"]).abs().argsort()].iloc[0]
        rows.append(
            {
                "ally": ally,
                "year": int(latest["year"]),
                "hns_billion_usd": float(latest["value"]),
                "troops": int(nearest["value"]),
                "troops_year": int(nearest["year"]),
                "usd_per_member": per_member(latest["value"] * 1e9, nearest["value"]),
            }
        )
    return pd.DataFrame(rows, columns=["ally", "year", "hns_billion_usd", "troops", "troops_year", "usd_per_member"])


def per_member(amount: float, troops: float) -> float:
    """``amount`` divided by the number of US service members; the troop count must be positive."""
    if not troops > 0:
        raise AllianceLabError(f"The number of US service members must be positive, got {troops}.")
    return float(amount) / float(troops)


def gap_to_target(spending: float, share: float, target: float) -> float:
    """Extra spending, in the currency of ``spending``, that would lift ``share`` (% of GDP) to ``target``.

    GDP is implied by the spending and its share (GDP = spending / share), so no GDP figure is needed:
    gap = spending x (target / share - 1). An ally already at or above the target has a gap of 0.
    """
    if not share > 0:
        raise AllianceLabError(f"The current share of GDP must be positive, got {share}.")
    if not 0 < target <= 100:
        raise AllianceLabError(f"The target must be a share of GDP between 0 and 100%, got {target}.")
    if spending < 0:
        raise AllianceLabError(f"Spending cannot be negative, got {spending}.")
    return max(0.0, float(spending) * (target / share - 1))


def gaps(table: pd.DataFrame, target: float, allies=ALLIES) -> pd.DataFrame:
    """For each ally with a budget and a share for the same year: the gap to ``target`` in money and in %.

    Money is in the ally's own currency (``unit``); ``percent_more`` (how much larger the budget must be) is the
    figure that compares across currencies.
    """
    _check_allies(allies)
    rows = []
    for ally in allies:
        budget = table[(table["ally"] == ally) & (table["measure"] == "defence_budget")]
        share = table[(table["ally"] == ally) & (table["measure"] == "defence_share_gdp")]
        both = budget.merge(share, on="year", suffixes=("_budget", "_share"))
        if both.empty:
            continue
        latest = both.sort_values("year").iloc[-1]
        gap = gap_to_target(latest["value_budget"], latest["value_share"], target)
        rows.append(
            {
                "ally": ally,
                "year": int(latest["year"]),
                "share": float(latest["value_share"]),
                "budget": float(latest["value_budget"]),
                "unit": latest["unit_budget"],
                "target": target,
                "gap": gap,
                "percent_more": 100 * gap / latest["value_budget"],
            }
        )
    return pd.DataFrame(rows, columns=["ally", "year", "share", "budget", "unit", "target", "gap", "percent_more"])


def demands_timeline(ally_timeline: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The allies' demands and responses with Japan's (from ``events``, :data:`JAPAN_EVENTS`), sorted by date."""
    japan = events[
        events["date"].isin(pd.to_datetime(list(JAPAN_EVENTS))) & events["category"].isin(["security", "trade"])
    ]
    japan = japan.assign(ally="Japan", side=japan["date"].dt.strftime("%Y-%m-%d").map(JAPAN_EVENTS))
    columns = ["date", "ally", "side", "title", "source_title", "source_url"]
    other = ally_timeline.assign(ally=ally_timeline["ally"].astype(str), side=ally_timeline["side"].astype(str))
    return pd.concat([other[columns], japan[columns]]).sort_values("date", ignore_index=True)


def _check_allies(allies) -> None:
    unknown = [a for a in allies if a not in ALLIES]
    if unknown:
        raise AllianceLabError(f"Unknown ally {unknown[0]!r}. Choose from: {', '.join(ALLIES)}.")
