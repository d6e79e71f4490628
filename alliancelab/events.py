"""Selecting and describing events from the ``events`` table (no plotting here)."""

import re

import pandas as pd

from alliancelab import brief
from alliancelab.errors import AllianceLabError


def bound(value, end=False) -> pd.Timestamp:
    """A year (``2019``) or a date (``"2019-06-30"``) as a timestamp; a year means its first or last day."""
    if isinstance(value, bool):
        raise AllianceLabError(f"Expected a year or a date, got {value!r}.")
    if isinstance(value, int):
        return pd.Timestamp(year=value, month=12, day=31) if end else pd.Timestamp(year=value, month=1, day=1)
    try:
        return pd.Timestamp(value)
    except (TypeError, ValueError):
        raise AllianceLabError(f"Expected a year or a date like '2019-06-30', got {value!r}.") from None


def span(events: pd.DataFrame, start=None, end=None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The date range to show: the given bounds, or the years the events cover."""
    first = bound(start) if start is not None else pd.Timestamp(year=events["date"].min().year, month=1, day=1)
    last = bound(end, end=True) if end is not None else pd.Timestamp(year=events["date"].max().year, month=12, day=31)
    if first > last:
        raise AllianceLabError(f"The start ({first:%Y-%m-%d}) is after the end ({last:%Y-%m-%d}).")
    return first, last


def select(events: pd.DataFrame, categories=None, start=None, end=None) -> pd.DataFrame:
    """Events in the given categories (all if None) whose date lies between start and end."""
    first, last = span(events, start, end)
    keep = events["date"].between(first, last)
    if categories is not None:
        known = list(events["category"].cat.categories)
        unknown = [c for c in categories if c not in known]
        if unknown:
            raise AllianceLabError(f"Unknown category {unknown[0]!r}. Known categories: {', '.join(known)}.")
        keep &= events["category"].isin(list(categories))
    return events[keep]


def describe(shown: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> str:
    """Alt text for a timeline: what it shows and its main message, computed from the data."""
    if shown.empty:
        return f"An empty timeline from {first:%B %Y} to {last:%B %Y}: no events match the selection."
    counts = shown["category"].value_counts(sort=False)  # in the schema's category order
    counts = counts[counts > 0]
    after = int((shown["date"] > brief.WRITTEN).sum())
    parts = ", ".join(f"{n} {category}" for category, n in counts.items())
    busiest = shown["date"].dt.year.value_counts().sort_index().idxmax()
    return (
        f"Timeline of {len(shown)} events from {first:%B %Y} to {last:%B %Y}, one lane per category "
        f"({parts}). A dashed line marks when the brief was written (late November 2024); "
        f"{after} of the events come after it. The busiest year shown is {busiest}."
    )


def place_pattern(name: str, kind: str) -> str:
    """The regular expression by which an event text names a place: where it happened or what it was about.

    A city, capital or base counts where an event happened "in" it ("summit in Seoul"), not where its name stands
    for a government ("Beijing summons"). An island named in brackets ("Taipei (Taiwan)") or a place of kind
    ``islands`` counts wherever it is named ("Taiwan remarks", "the Senkakus").
    """
    main, _, bracket = name.partition(" (")
    about = [bracket.rstrip(")")] if bracket else []
    if kind == "islands":
        about.append(main.removesuffix(" Islands"))
        terms = [rf"\b{re.escape(term)}" for term in about]
    else:
        terms = [rf"\bin {re.escape(main)}\b"] + [rf"\b{re.escape(term)}\b" for term in about]
    return "|".join(terms)


def place_mentions(events: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per (place, event) where the event's title or description names the place (see :func:`place_pattern`).

    Columns: ``place``, ``kind``, ``lat``, ``lon``, ``date``, ``title``.
    """
    text = events["title"] + " " + events["description"]
    rows = [
        (place.name, place.kind, place.lat, place.lon, event.date, event.title)
        for place in places.itertuples()
        for event in events[text.str.contains(place_pattern(place.name, place.kind), regex=True)].itertuples()
    ]
    return pd.DataFrame(rows, columns=["place", "kind", "lat", "lon", "date", "title"])
