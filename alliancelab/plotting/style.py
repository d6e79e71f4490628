"""The module's one figure style, and :class:`Chart`: a figure with its alt text and caption.

One style for the whole module: the Okabe-Ito colour-blind-safe palette, a title and
labelled axes on every figure, and a marker shape as well as a colour for each category
so that no information is carried by colour alone.
"""

import base64
import html
import re
from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure

from alliancelab.plotting.layers import axis_state, render

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
    plain-text form) followed by the caption. Notebooks store PNG, which JupyterLab shows
    even before a notebook is trusted; widgets show SVG, which is quicker to draw and
    always trusted inside a widget.
    """

    figure: Figure
    alt: str
    caption: str
    #: For charts a widget redraws in place: the artists an update changes, and under ``"frame"`` the function
    #: and fixed inputs that drew the chart (see :func:`updatable`).
    parts: dict = field(default_factory=dict, repr=False)

    def png(self) -> bytes:
        return render(self.figure, "png")

    def svg(self) -> str:
        """The figure as SVG, with the alt text as its ``<title>``."""
        head, _, rest = render(self.figure, "svg").decode("utf-8").partition("<svg ")
        tag, _, body = rest.partition(">")
        # No fixed width or height: the figure scales with the column that shows it (its viewBox keeps the
        # proportions); the widget caps it at its natural width (see Explorer.refresh).
        tag = re.sub(r'\s(width|height)="[^"]*"', "", tag)
        return f'{head}<svg role="img" {tag}>\n <title>{html.escape(self.alt)}</title>{body}'

    def shape(self) -> tuple:
        """Figure width, height (inches) and number of axes: charts of one shape can share a layout."""
        width, height = self.figure.get_size_inches()
        return float(width), float(height), len(self.figure.axes)

    def layout(self) -> list:
        """Where the axes sit after the last rendering (for :meth:`reuse_layout`)."""
        return [axes.get_position() for axes in self.figure.axes]

    def reuse_layout(self, positions: list) -> None:
        """Place the axes as an earlier chart of the same :meth:`shape` had them, skipping the layout engine.

        Laying a figure out costs more than drawing it, so a widget lays out the first figure of
        each shape and reuses that layout for the figures that follow.
        """
        self.figure.set_layout_engine(None)
        for axes, position in zip(self.figure.axes, positions, strict=True):
            axes.set_position(position)

    def outputs(self, image_format: str = "png") -> list[dict]:
        """The chart as notebook display outputs: the image (``"png"`` or ``"svg"``), then the caption."""
        if image_format == "svg":
            mime, image = "image/svg+xml", self.svg()
        else:
            mime, image = "image/png", base64.b64encode(self.png()).decode("ascii")
        return [
            {
                "output_type": "display_data",
                "data": {mime: image, "text/plain": self.alt},
                "metadata": {mime: {"alt": self.alt}},
            },
            {
                "output_type": "display_data",
                "data": {"text/markdown": f"*{self.caption}*", "text/plain": self.caption},
                "metadata": {},
            },
        ]

    def _ipython_display_(self):
        from IPython.display import display

        for output in self.outputs():
            display(output["data"], raw=True, metadata=output["metadata"])


def updatable(into: Chart | None, frame, *args) -> Chart:
    """The chart to draw on: ``into`` if ``frame(*args)`` made it, else a new ``frame(*args)``.

    ``frame`` draws what a figure function's fixed inputs ``args`` decide (axes, titles, empty artists); the
    figure function then sets the data. Given ``into=`` (an earlier chart of its own), it changes that chart's
    artists instead of drawing a new figure: a widget redraws in about half the time, with the same picture.
    """
    if into is not None and into.parts.get("frame") == (frame, args):
        return into
    chart = frame(*args)
    chart.parts["frame"] = (frame, args)
    return chart


def point_annotation(annotation, xy) -> None:
    """Point ``annotation`` at ``xy``, marking it changed if it moves: matplotlib does not, and a widget redraws only
    what changed (:mod:`alliancelab.plotting.layers`)."""
    if not _same(annotation.xy, xy):
        annotation.xy = xy
        annotation.stale = True


def set_changed(artist, **properties) -> None:
    """Set those of ``properties`` (e.g. ``data=(x, y)``, ``width=2``) whose values differ from the artist's: matplotlib
    marks an artist changed whenever most properties are set, and a widget redraws what changed
    (:mod:`alliancelab.plotting.layers`)."""
    changed = {name: value for name, value in properties.items() if not _same(getattr(artist, f"get_{name}")(), value)}
    if changed:
        artist.set(**changed)


def set_ticks(axis, ticks, labels) -> None:
    """Give ``axis`` these ticks and labels unless it shows them already: setting them marks the axis changed and
    lays its ticks out again."""
    ticks, labels = list(ticks), list(labels)
    shown_ticks, shown_labels = axis_state(axis)[:2]
    if not (_same(shown_ticks, ticks) and list(shown_labels) == labels):
        axis.set_ticks(ticks, labels)


def _same(old, new) -> bool:
    try:
        return bool(np.array_equal(old, new))
    except ValueError:  # arrays of different shapes, e.g. a line's data gaining a point
        return False


def show_legend(axes, handles: list, **options) -> None:
    """A legend of ``handles`` on ``axes``; one that already lists the same labels is kept (an update is quicker).

    Only the labels are compared: call it with the same ``options`` each time (a changing title needs ``legend``).
    """
    legend = axes.get_legend()
    if legend is None or [text.get_text() for text in legend.get_texts()] != [h.get_label() for h in handles]:
        axes.legend(handles=handles, **options)


def set_title(axes, title: str, fontsize: float = 13, fontweight: str = "bold") -> None:
    """The module's figure title (a panel's title is smaller and plain), on the left, just above the axes.

    The place is fixed (``y=1``) rather than found on every drawing: the module's axes have no ticks on top and no
    offset text (see :func:`new_figure`), so nothing above the axes could collide with the title. An unchanged title
    is left alone (matplotlib would mark all three of the axes' titles changed), so an axes keeps its first style.
    """
    if axes.get_title(loc="left") != title:
        axes.set_title(title, loc="left", fontsize=fontsize, fontweight=fontweight, y=1.0)


def add_right_panel(figure, left, title: str, xlabel: str, ylabel: str, width_ratios=(1, 1)):
    """A second axes beside ``left`` (the axes of :func:`new_figure`), in the same style, with a smaller title."""
    grid = figure.add_gridspec(1, 2, width_ratios=list(width_ratios))
    left.set_subplotspec(grid[0])
    right = figure.add_subplot(grid[1])
    right.spines[["top", "right"]].set_visible(False)
    right.ticklabel_format(useOffset=False)
    right.set_xlabel(xlabel)
    right.set_ylabel(ylabel)
    set_title(right, title, fontsize=10, fontweight="normal")
    return right


def new_figure(title: str, xlabel: str, ylabel: str, size=(10, 4.5)):
    """A figure and axes with the module's style, a title and both axis labels."""
    if not (title and xlabel and ylabel):
        raise ValueError("Every figure needs a title and labels on both axes.")
    figure = Figure(figsize=size, layout="constrained")
    axes = figure.add_subplot()
    axes.ticklabel_format(useOffset=False)  # tick labels read as they are, never "+2.02e3"
    set_title(axes, title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#E5E5E5", linewidth=0.8)
    axes.set_axisbelow(True)
    return figure, axes
