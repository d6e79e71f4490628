"""A figure redrawn in three stacked layers, so that an update renders only the part that changed.

Matplotlib draws a figure in a fixed order: the figure's background, then each axes (its background, then its
artists by ``zorder``), then figure-level artists. An explorer's update changes a few of those artists, and
matplotlib marks each one it changed, or the piece inside it that changed, *stale*. :class:`Layers` cuts the
drawing order around the changed span into three images of the same size: what is drawn before the first
changed artist (*below*), the span itself (*middle*) and what is drawn after it (*above*). Stacked in that order
they are the whole figure (a test compares their pixels with a full rendering). The next update renders only
the middle layer again, as long as what changes stays inside the span and no axes moves or changes its limits;
otherwise all three are drawn anew.
"""

import io
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.axes import Axes

SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "alliancelab"}


def drawing_order(figure) -> list:
    """The figure's top-level parts in the order matplotlib draws them (an axes' children counted one by one)."""
    parts = [figure.patch]
    for artist in sorted((a for a in figure.get_children() if a is not figure.patch), key=lambda a: a.get_zorder()):
        if isinstance(artist, Axes) and artist in figure.axes and artist.get_visible():
            children = [child for child in artist.get_children() if child is not artist.patch]
            parts.append(artist.patch)
            parts.extend(sorted(children, key=lambda child: child.get_zorder()))
        else:
            parts.append(artist)
    return parts


def geometry(figure) -> tuple:
    """What moves every artist when it changes: the figure's size and each axes' place, limits and scales."""
    return (
        tuple(figure.get_size_inches()),
        figure.dpi,
        tuple(
            (tuple(axes.get_position().bounds), axes.get_xlim(), axes.get_ylim(), axes.get_xscale(), axes.get_yscale())
            for axes in figure.axes
        ),
    )


def render(figure, image_format: str = "svg", keep=None) -> bytes:
    """The figure as SVG or PNG (100 dpi), drawing only the parts in ``keep`` (all when None).

    Parts left out leave their area transparent, the figure's background included.
    """
    hidden = []
    if keep is not None:
        kept = {id(part) for part in keep}
        hidden = [part for part in drawing_order(figure) if id(part) not in kept and part.get_visible()]
    for part in hidden:
        part.set_visible(False)
    buffer = io.BytesIO()
    try:
        if image_format == "svg":
            with rc_context(SVG_RC):
                figure.savefig(buffer, format="svg", metadata={"Date": None})
        else:
            figure.savefig(buffer, format="png", dpi=100, pil_kwargs={"compress_level": 1})
    finally:
        for part in hidden:
            part.set_visible(True)
    return buffer.getvalue()


@dataclass
class Layers:
    """The last rendering of one figure as below / middle / above layers (``None`` where a layer is empty)."""

    image_format: str = "svg"
    figure: object = None
    parts: tuple = ()
    shape: tuple = ()
    span: tuple = (0, 0)
    images: tuple = (None, None, None)

    def update(self, figure) -> tuple:
        """Render what changed since the last call and return the three layers (bytes, or None if empty)."""
        parts = tuple(drawing_order(figure))
        shape = geometry(figure)
        last = len(parts) - 1
        same = (
            figure is self.figure
            and shape == self.shape
            and len(parts) == len(self.parts)
            and all(a is b for a, b in zip(parts, self.parts))
            and figure.get_layout_engine() is None
        )
        # A part has changed if it or anything inside it is stale (a legend's text does not mark the legend).
        changed = [i for i, part in enumerate(parts) if any(artist.stale for artist in part.findobj())]
        if not same:
            span = (0, last)  # a new figure, new artists or moved axes: draw it whole
        elif not changed:
            return self.images
        elif self.span == (0, last):
            span = (min(changed), max(changed))
        else:  # the span only grows, so a slider that changes the same artists never splits the figure again
            span = (min(changed[0], self.span[0]), max(changed[-1], self.span[1]))
        low, high = span
        below, _, above = self.images
        if not same or span != self.span:
            below = render(figure, self.image_format, parts[:low]) if low > 0 else None
            above = render(figure, self.image_format, parts[high + 1 :]) if high < last else None
        middle = render(figure, self.image_format, None if span == (0, last) else parts[low : high + 1])
        for artist in figure.findobj():
            artist.stale = False
        self.figure, self.parts, self.shape, self.span = figure, parts, shape, span
        self.images = (below, middle, above)
        return self.images
