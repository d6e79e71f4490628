"""The module's one figure style, and :class:`Chart`: a figure with its alt text and caption.

One style for the whole module: the Okabe-Ito colour-blind-safe palette, a title and
labelled axes on every figure, and a marker shape as well as a colour for each category
so that no information is carried by colour alone.
"""

import base64
import io
from dataclasses import dataclass

from matplotlib.figure import Figure

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
    plain-text form) followed by the caption.
    """

    figure: Figure
    alt: str
    caption: str

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=100, pil_kwargs={"compress_level": 1})
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
