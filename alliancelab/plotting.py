"""Figure builders: data in, a :class:`Chart` out (a matplotlib figure with alt text and caption).

One style for the whole module: the Okabe-Ito colour-blind-safe palette, a title and
labelled axes on every figure, and a marker shape as well as a colour for each category
so that no information is carried by colour alone.
"""

import base64
import io
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from alliancelab import brief, timeline as tl

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour-vision type.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
AFTER_BRIEF_SHADE = "#DDDDDD"


def palette(keys) -> dict:
    """A (colour, marker) pair for each key, in the order given, never reusing a pair."""
    keys = list(keys)
    colours = [c for name, c in OKABE_ITO.items() if name not in ("yellow", "black")]  # yellow is faint on white
    if len(keys) > len(colours):
        raise ValueError(f"palette() styles at most {len(colours)} keys, got {len(keys)}.")
    return {key: (colours[i], MARKERS[i]) for i, key in enumerate(keys)}


@dataclass
class Chart:
    """A figure with the words that make it accessible: alt text and a caption.

    In Jupyter it displays as the image (with ``alt`` in the output metadata and as its
    plain-text form) followed by the caption.
    """

    figure: Figure
    alt: str
    caption: str

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        return buffer.getvalue()

    def outputs(self) -> list[dict]:
        """The chart as notebook display outputs: the image, then the caption."""
        image = base64.b64encode(self.png()).decode("ascii")
        return [
            {"output_type": "display_data",
             "data": {"image/png": image, "text/plain": self.alt},
             "metadata": {"image/png": {"alt": self.alt}}},
            {"output_type": "display_data",
             "data": {"text/markdown": f"*{self.caption}*", "text/plain": self.caption},
             "metadata": {}},
        ]

    def _ipython_display_(self):
        from IPython.display import display

        for output in self.outputs():
            display(output["data"], raw=True, metadata=output["metadata"])


def new_figure(title: str, xlabel: str, ylabel: str, size=(10, 4.5)):
    """A figure and axes with the module's style, a title and both axis labels."""
    if not (title and xlabel and ylabel):
        raise ValueError("Every figure needs a title and labels on both axes.")
    figure = Figure(figsize=size, layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(title, loc="left", fontsize=13, fontweight="bold")
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#E5E5E5", linewidth=0.8)
    axes.set_axisbelow(True)
    return figure, axes


def timeline(events: pd.DataFrame, categories=None, start=None, end=None) -> Chart:
    """Events as markers in one lane per category, the brief's date marked, the after-brief period shaded."""
    all_categories = list(events["category"].cat.categories)
    styles = palette(all_categories)
    shown = tl.select(events, categories, start, end)
    lanes = [c for c in all_categories if categories is None or c in categories]
    first, last = tl.span(events, start, end)
    title = f"Japan-US alliance timeline, {first.year}-{last.year}"
    figure, axes = new_figure(title, "Date", "Event category")
    _shade_after_brief(axes, first, last)
    for lane, category in enumerate(reversed(lanes)):
        rows = shown[shown["category"] == category]
        colour, marker = styles[category]
        axes.scatter(rows["date"], [lane] * len(rows), color=colour, marker=marker, s=60,
                     edgecolor="white", linewidth=0.6, zorder=3, label=category)
        spans = rows.dropna(subset=["end_date"])
        axes.hlines([lane] * len(spans), spans["date"], spans["end_date"], color=colour, linewidth=4, zorder=2)
    counts = shown["category"].value_counts()
    axes.set_yticks(range(len(lanes)), [f"{c} ({counts.get(c, 0)})" for c in reversed(lanes)])
    axes.set_ylim(-0.7, len(lanes) - 0.3)
    axes.set_xlim(first, last)
    return Chart(figure, alt=tl.describe(shown, first, last), caption=_timeline_caption(len(shown), len(events)))


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
