"""Alliance networks: hub-and-spoke versus a networked ("latticework") order.

A table of ties (one row per tie between two countries, with the year it was signed) is read
as a network. In a pure **hub-and-spoke** order every tie runs through one hub: the United
States signed separate bilateral treaties with Japan, South Korea, the Philippines and
Australia (the "San Francisco system") and its allies had few ties with one another. In a
**networked** or "latticework" order the spokes also tie to each other (the Quad, reciprocal
access agreements, trilaterals).

Classic references: Victor D. Cha, "Powerplay: Origins of the U.S. Alliance System in Asia",
*International Security* 34(3), 2009/10, and the book *Powerplay* (Princeton University Press,
2016); on the San Francisco system, Kent E. Calder, "Securing security through prosperity",
*The Pacific Review* 17(1), 2004.

Pure functions: a ties DataFrame (``data.load("alliance_ties")``) in, numbers or tables out.
"""

import math
from collections import Counter
from numbers import Integral, Real

import numpy as np
import pandas as pd

from alliancelab.errors import AllianceLabError

#: The columns every ties table needs.
TIE_COLUMNS = ("year", "country_a", "country_b", "kind")
#: The hub of the US alliance system, the default for every function.
US = "United States"
YEAR_RANGE = (1900, 2100)

# The inclusion rule of data/alliance_ties.csv, stated in full in its description and in lesson 01.
#: The two hubs the lesson compares; the rule names them alike.
HUBS = (US, "Japan")
#: Their Indo-Pacific partners in the table (ASEAN is one node).
PARTNERS = ("ASEAN", "Australia", "India", "Indonesia", "Philippines", "South Korea", "Thailand", "Vietnam")
#: Ties concluded in these years (the San Francisco treaties to the brief's eve) count.
RULE_YEARS = (1951, 2024)
#: The kinds of tie that count; the first four are bilateral, at most one row per pair for each.
TIE_KINDS = (
    "treaty alliance",
    "access agreement",
    "security declaration",
    "strategic partnership",
    "quad",
    "trilateral",
)
BILATERAL_KINDS = TIE_KINDS[:4]
#: Kinds not counted between treaty allies, whose alliance is the higher tie.
BELOW_ALLIANCE = ("security declaration", "strategic partnership")


def check_ties(ties) -> pd.DataFrame:
    """Raise AllianceLabError unless ``ties`` is a DataFrame with the tie columns and whole-number years."""
    if not isinstance(ties, pd.DataFrame):
        raise AllianceLabError(
            f"ties must be a pandas DataFrame (use data.load('alliance_ties')), got {type(ties).__name__}."
        )
    missing = [c for c in TIE_COLUMNS if c not in ties.columns]
    if missing:
        raise AllianceLabError(
            f"ties is missing the column(s) {', '.join(missing)}; it needs {', '.join(TIE_COLUMNS)}."
        )
    if ties["year"].isna().any():
        raise AllianceLabError("ties has a row without a year; every tie needs the year it was signed.")
    if ties["country_a"].isna().any() or ties["country_b"].isna().any():
        raise AllianceLabError("ties has a row without a country; every tie needs country_a and country_b.")
    if (ties["country_a"] == ties["country_b"]).any():
        raise AllianceLabError("ties has a row linking a country to itself; country_a and country_b must differ.")
    return ties


def check_year(year) -> int:
    """Return ``year`` as an int, or raise AllianceLabError saying what is wrong with it."""
    if isinstance(year, bool) or not isinstance(year, Real):
        raise AllianceLabError(f"year must be a whole number like 2017, got {year!r}.")
    if isinstance(year, float) and not math.isfinite(year):
        raise AllianceLabError(f"year must be a finite whole number like 2017, got {year!r}.")
    if not isinstance(year, Integral) and year != int(year):
        raise AllianceLabError(f"year must be a whole number like 2017, got {year!r}.")
    year = int(year)
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise AllianceLabError(f"year must be between {YEAR_RANGE[0]} and {YEAR_RANGE[1]}, got {year}.")
    return year


def countries(ties) -> list[str]:
    """Every country that appears in the table, sorted alphabetically."""
    check_ties(ties)
    return countries_of(ties)


def countries_of(ties) -> list[str]:
    """:func:`countries` of a table already checked."""
    return sorted(set(ties["country_a"]) | set(ties["country_b"]))


def check_country(ties, name, what) -> str:
    """``name`` if it is a country of the ties table; AllianceLabError naming ``what`` otherwise."""
    return check_known(name, countries(ties), what)


def check_known(name, known: list[str], what) -> str:
    """:func:`check_country` against the table's countries, ``known``, found once."""
    if not isinstance(name, str) or not name:
        raise AllianceLabError(f"{what} must be a country name like 'United States', got {name!r}.")
    if name not in known:
        raise AllianceLabError(f"Unknown {what} {name!r}. Countries in the table: {', '.join(known)}.")
    return name


def follows_rule(ties) -> pd.Series:
    """True for each row the inclusion rule admits (see ``HUBS`` to ``BELOW_ALLIANCE``).

    A row needs a hub at one end and a partner or the other hub at the other, a year in ``RULE_YEARS`` and a
    kind in ``TIE_KINDS``; a bilateral kind counts once per pair, and a declaration or partnership not at all
    between treaty allies. Nothing depends on which hub is which.
    """
    check_ties(ties)
    a, b, kind = (ties[c].astype(str) for c in ("country_a", "country_b", "kind"))
    pair = pd.Series([frozenset(p) for p in zip(a, b)], index=ties.index)
    allies = set(pair[kind == "treaty alliance"])
    members = set(HUBS) | set(PARTNERS)
    ok = a.isin(members) & b.isin(members) & (a.isin(HUBS) | b.isin(HUBS))
    ok &= ties["year"].between(*RULE_YEARS) & kind.isin(TIE_KINDS)
    ok &= ~(kind.isin(BELOW_ALLIANCE) & pair.isin(allies))
    ok &= ~(kind.isin(BILATERAL_KINDS) & pd.DataFrame({"pair": pair, "kind": kind}).duplicated())
    return ok


def ties_until(ties, year, countries=None) -> pd.DataFrame:
    """The ties signed in or before ``year``; with ``countries``, only ties with both ends in that list."""
    check_ties(ties)
    year = check_year(year)
    if countries is not None:
        if isinstance(countries, str) or not all(isinstance(c, str) for c in countries):
            raise AllianceLabError("countries must be a list of country names, e.g. ['Japan', 'India'].")
        countries, known = list(countries), countries_of(ties)
        for name in countries:
            check_known(name, known, "country")
    kept = ties[ties["year"] <= year]
    if countries is not None:
        kept = kept[kept["country_a"].isin(countries) & kept["country_b"].isin(countries)]
    return kept


def involves(ties, country) -> pd.Series:
    """True for each tie that has ``country`` at one end."""
    return (ties["country_a"] == country) | (ties["country_b"] == country)


def hub_links(ties, year, hub=US) -> pd.DataFrame:
    """Ties up to ``year`` that run through the hub (the spokes)."""
    kept = ties_until(ties, year)
    check_country(ties, hub, "hub")
    return kept[involves(kept, hub)]


def spoke_links(ties, year, hub=US) -> pd.DataFrame:
    """Ties up to ``year`` between two countries other than the hub (spoke-to-spoke ties)."""
    kept = ties_until(ties, year)
    check_country(ties, hub, "hub")
    return kept[~involves(kept, hub)]


def hub_share(ties, year, hub=US) -> float:
    """Share of the ties up to ``year`` that involve the hub: 1.0 is a pure hub-and-spoke system."""
    kept, through = _hub_ties(ties, year, hub)
    return through / len(kept)


def _hub_ties(ties, year, hub) -> tuple[pd.DataFrame, int]:
    """The ties up to ``year`` and how many involve the hub; AllianceLabError if there are none."""
    kept = ties_until(ties, year)  # checks the table and the year
    check_known(hub, countries_of(ties), "hub")
    if kept.empty:
        first = int(ties["year"].min())
        raise AllianceLabError(f"No ties in or before {year}: the first tie in the table is from {first}.")
    return kept, int(involves(kept, hub).sum())


def pairs(ties, year, countries=None) -> pd.DataFrame:
    """Distinct pairs of countries tied up to ``year``, with how many ties each pair has."""
    return pairs_of(ties_until(ties, year, countries))


def pairs_of(kept: pd.DataFrame) -> pd.DataFrame:
    """:func:`pairs` of a table already checked and cut to the ties that count."""
    ends = zip(kept["country_a"].astype(str), kept["country_b"].astype(str))
    counted = sorted(Counter(tuple(sorted(pair)) for pair in ends).items())
    return pd.DataFrame(
        {
            "a": pd.array([a for (a, _), _ in counted], dtype=str),
            "b": pd.array([b for (_, b), _ in counted], dtype=str),
            "ties": np.array([n for _, n in counted], dtype="int64"),
        }
    )


def degree(ties, year, countries=None) -> pd.Series:
    """Number of distinct partners each country has up to ``year``, largest first."""
    return degree_of(ties_until(ties, year, countries))


def degree_of(kept: pd.DataFrame) -> pd.Series:
    """:func:`degree` of a table already checked and cut to the ties that count."""
    linked = pairs_of(kept)
    counts = Counter(linked["a"]) + Counter(linked["b"])
    partners = pd.Series(dict(sorted(counts.items())), dtype="int64", name="partners").rename_axis("country")
    return partners.sort_values(ascending=False, kind="stable")


def density(ties, year, countries=None) -> float:
    """Share of all possible pairs that are tied up to ``year`` (0 = no ties, 1 = everyone tied to everyone).

    The possible pairs are among ``countries`` if given, else among the countries tied by then.
    """
    return density_of(ties_until(ties, year, countries), countries, year)


def density_of(kept: pd.DataFrame, countries=None, year=None) -> float:
    """:func:`density` of a table already checked and cut to the ties that count (``year`` names it in an error)."""
    linked = pairs_of(kept)
    nodes = list(countries) if countries is not None else sorted(set(linked["a"]) | set(linked["b"]))
    possible = len(nodes) * (len(nodes) - 1) / 2
    if possible == 0:
        raise AllianceLabError(f"Density needs at least two countries; {year} gives {len(nodes)}.")
    return float(len(linked) / possible)


def summary(ties, year, hub=US) -> dict:
    """The numbers the lesson reports for one year: ties, hub ties, spoke-to-spoke ties, hub share, density."""
    kept, hub_ties = _hub_ties(ties, year, hub)
    return {
        "year": int(year),
        "hub": hub,
        "ties": len(kept),
        "hub_ties": hub_ties,
        "spoke_ties": len(kept) - hub_ties,
        "hub_share": hub_ties / len(kept),
        "countries": len(set(kept["country_a"]) | set(kept["country_b"])),
        "density": density_of(kept, year=year),
    }
