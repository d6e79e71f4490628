"""The whole-period timeline: one lane per event category, the brief's date marked."""

import pandas as pd

from alliancelab import brief, events as ev
from alliancelab.plotting.style import OKABE_ITO, Chart, new_figure, palette

AFTER_BRIEF_SHADE = "#DDDDDD"


def timeline(events: pd.DataFrame, categories=None, start=None, end=None) -> Chart:
    """Events as markers in one lane per category, the brief's date marked, the after-brief period shaded."""
    all_categories = list(events["category"].cat.categories)
    styles = palette(all_categories)
    shown = ev.select(events, categories, start, end)
    lanes = [c for c in all_categories if categories is None or c in categories]
    first, last = ev.span(events, start, end)
    title = f"Japan-US alliance timeline, {first.year}-{last.year}"
    figure, axes = new_figure(title, "Date", "Event category")
    _shade_after_brief(axes, first, last)
    order = list(reversed(lanes))
    category, dates = shown["category"].to_numpy(), shown["date"].to_numpy()
    for lane, name in enumerate(order):
        colour, marker = styles[name]
        in_lane = category == name
        axes.plot(dates[in_lane], [lane] * int(in_lane.sum()), linestyle="none",
                  marker=marker, markersize=7.7, color=colour, markeredgecolor="white", markeredgewidth=0.6,
                  zorder=3)
    spans = shown[shown["end_date"].notna() & shown["category"].isin(order)]
    if not spans.empty:
        axes.hlines([order.index(c) for c in spans["category"]], spans["date"], spans["end_date"],
                    colors=[styles[c][0] for c in spans["category"]], linewidth=4, zorder=2)
    counts = shown["category"].value_counts()
    axes.set_yticks(range(len(lanes)), [f"{c} ({counts.get(c, 0)})" for c in reversed(lanes)])
    axes.set_ylim(-0.7, len(lanes) - 0.3)
    axes.set_xlim(first, last)
    return Chart(figure, alt=ev.describe(shown, first, last), caption=_timeline_caption(len(shown), len(events)))


def _shade_after_brief(axes, first, last) -> None:
    """Mark the day the brief was written and shade what came after it, with a legend for both."""
    handles = []
    if first <= brief.WRITTEN <= last:
        handles.append(axes.axvline(brief.WRITTEN, color=OKABE_ITO["black"], linestyle="--", linewidth=1.2,
                                    label=brief.WRITTEN_LABEL))
    if brief.WRITTEN < last:
        handles.append(axes.axvspan(max(first, brief.WRITTEN), last, color=AFTER_BRIEF_SHADE, alpha=0.6,
                                    zorder=0, label="After the brief"))
    if handles:
        axes.legend(handles=handles, loc="upper left", fontsize=9, frameon=False)


def _timeline_caption(shown: int, total: int) -> str:
    return (f"Figure: {shown} of {total} sourced events (data/events.csv). Grey shading: after the brief "
            "was written. Each category has its own colour and marker.")
