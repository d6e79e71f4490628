"""The whole-period timeline: one lane per event category, the brief's date marked."""

import numpy as np
import pandas as pd

from alliancelab import brief
from alliancelab import events as ev
from alliancelab.plotting.style import (
    OKABE_ITO,
    Chart,
    new_figure,
    palette,
    set_ticks,
    set_title,
    show_legend,
    updatable,
)

AFTER_BRIEF_SHADE = "#DDDDDD"


def timeline(events: pd.DataFrame, categories=None, start=None, end=None, into: Chart | None = None) -> Chart:
    """Events as markers in one lane per category, the brief's date marked, the after-brief period shaded.

    ``into``: an earlier timeline of a table with the same categories, to update in place.
    """
    all_categories = list(events["category"].cat.categories)
    shown = ev.select(events, categories, start, end)
    lanes = [c for c in all_categories if categories is None or c in categories]
    first, last = ev.span(events, start, end)
    chart = updatable(into, _timeline_frame, tuple(all_categories))
    parts, axes = chart.parts, chart.parts["axes"]
    set_title(axes, f"Japan-US alliance timeline, {first.year}-{last.year}")
    legend_after_brief(axes, _place_after_brief(axes, parts["after brief"], first, last))
    lane_of = {name: y for y, name in enumerate(reversed(lanes))}  # the first category on top
    category, dates = shown["category"].to_numpy(), shown["date"].to_numpy()
    for name, line in parts["lanes"].items():  # categories not shown have no events in ``shown``
        in_lane = category == name
        line.set_data(dates[in_lane], [lane_of.get(name, 0)] * int(in_lane.sum()))
    spans = shown[shown["end_date"].notna()]
    starts, ends = (axes.convert_xunits(spans[c].to_numpy()) for c in ("date", "end_date"))
    rows = [lane_of[c] for c in spans["category"]]
    parts["spans"].set_segments([[(a, y), (b, y)] for a, b, y in zip(starts, ends, rows, strict=True)])
    parts["spans"].set_color([parts["lanes"][c].get_color() for c in spans["category"]])
    set_ticks(axes.yaxis, range(len(lanes)), reversed(lanes))  # each lane's count is in the caption: the lanes stay
    axes.set_ylim(-0.7, len(lanes) - 0.3)
    axes.set_xlim(first, last)
    axes.set_xticks(*date_ticks(first, last))
    chart.alt = ev.describe(shown, first, last)
    counts = shown["category"].value_counts()
    chart.caption = _timeline_caption(len(shown), len(events), {lane: int(counts.get(lane, 0)) for lane in lanes})
    return chart


def date_ticks(first: pd.Timestamp, last: pd.Timestamp) -> tuple[list, list[str]]:
    """Ticks for dates from ``first`` to ``last``: 1 January of every 1, 2, 5 or 10 years (at most 8 ticks), or
    each quarter's first day for a span under three years. Fixed ticks draw far quicker than a date locator's."""
    if last.year - first.year < 2:
        ticks = list(pd.date_range(first, last, freq="QS"))
        return ticks, [f"{tick:%b %Y}" for tick in ticks]
    step = next(step for step in (1, 2, 5, 10) if (last.year - first.year + 1) / step <= 8)
    years = range(first.year + (-first.year) % step, last.year + 1, step)
    return [pd.Timestamp(year=year, month=1, day=1) for year in years], [str(year) for year in years]


def _timeline_frame(categories: tuple) -> Chart:
    """A timeline's axes with an empty lane of markers for each category and the after-brief marks."""
    styles = palette(categories)
    figure, axes = new_figure("Japan-US alliance timeline", "Date", "Event category")
    marks = _after_brief_marks(axes)
    lanes = {}
    for name in categories:
        colour, marker = styles[name]
        (lanes[name],) = axes.plot(
            np.array([], dtype="datetime64[ns]"),
            [],
            linestyle="none",
            marker=marker,
            markersize=7.7,
            color=colour,
            markeredgecolor="white",
            markeredgewidth=0.6,
            zorder=3,
        )
    spans = axes.hlines([], [], [], linewidth=4, zorder=2)
    parts = {"axes": axes, "after brief": marks, "lanes": lanes, "spans": spans}
    return Chart(figure, alt="", caption="", parts=parts)


def shade_after_brief(axes, first, last) -> list:
    """Mark the day the brief was written and shade what came after it; returns the marks on show (for a legend)."""
    return _place_after_brief(axes, _after_brief_marks(axes), first, last)


def _after_brief_marks(axes) -> dict:
    """The brief's date (dashed line) and the after-brief shading, for :func:`_place_after_brief` to place."""
    return {
        "written": axes.axvline(
            brief.WRITTEN, color=OKABE_ITO["black"], linestyle="--", linewidth=1.2, label=brief.WRITTEN_LABEL
        ),
        "after": axes.axvspan(
            brief.WRITTEN, brief.WRITTEN, color=AFTER_BRIEF_SHADE, alpha=0.6, zorder=0, label="After the brief"
        ),
    }


def _place_after_brief(axes, marks: dict, first, last) -> list:
    """Show the brief's date if it falls in ``first``-``last`` and shade from it to ``last``; returns what shows."""
    marks["written"].set_visible(first <= brief.WRITTEN <= last)
    shade = marks["after"]
    shade.set_visible(brief.WRITTEN < last)
    start = axes.convert_xunits(max(first, brief.WRITTEN))
    shade.set_x(start)
    shade.set_width(axes.convert_xunits(last) - start)
    return [mark for mark in marks.values() if mark.get_visible()]


def legend_after_brief(axes, handles: list) -> None:
    """A legend of the after-brief marks on show, or none."""
    if handles:
        show_legend(axes, handles, loc="upper left", fontsize=9, frameon=False)
    elif axes.get_legend() is not None:
        axes.get_legend().remove()


def _timeline_caption(shown: int, total: int, counts: dict) -> str:
    in_lanes = ", ".join(f"{n} {lane}" for lane, n in counts.items())
    return (
        f"Figure: {shown} of {total} sourced events (data/events.csv): {in_lanes}. Grey shading: after the brief "
        "was written. Each category has its own colour and marker."
    )
