"""A figure redrawn in three stacked layers, so that an update renders only the part that changed.

Matplotlib draws a figure in a fixed order: the figure's background, then each axes (its background, then its
artists by ``zorder``), then figure-level artists. An explorer's update changes a few of those artists, and
matplotlib marks each one it changed, or the piece inside it that changed, *stale*. :class:`Layers` cuts the
drawing order around the changed span into three images of the same size: what is drawn before the first
changed artist (*below*), the span itself (*middle*) and what is drawn after it (*above*). Stacked in that order
they are the whole figure (a test compares their pixels with a full rendering). The next update renders only
the middle layer again, as long as what changes (or is added or removed) stays inside the span and no axes moves
or changes its limits; otherwise the span grows, or the figure is drawn whole again.
"""

import io
from dataclasses import dataclass, field

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.axis import Axis

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


def render(figure, image_format: str = "svg", hide=()) -> bytes:
    """The figure as SVG or PNG (100 dpi), leaving out the parts in ``hide``.

    Parts left out leave their area transparent, the figure's background included.
    """
    hidden = [part for part in hide if part.get_visible()]
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


def axis_state(axis) -> tuple:
    """What an axis shows: its ticks, their labels and its own label.

    Setting an axes' limits marks its axes stale even when they stay the same, so an axis counts as changed only
    when what it shows changes (moved limits are caught by :func:`geometry`).
    """
    labels = tuple(label.get_text() for label in axis.get_majorticklabels())
    return tuple(axis.get_majorticklocs()), labels, axis.label.get_text(), axis.get_visible()


def _changed(part, before) -> bool:
    if not any(artist.stale for artist in part.findobj()):  # a legend's text does not mark the legend: look inside
        return False
    return not isinstance(part, Axis) or axis_state(part) != before


@dataclass
class Layers:
    """The last rendering of one figure as below / middle / above layers (``None`` where a layer is empty).

    ``kept`` counts the parts drawn in the layers below and above the middle one.
    """

    image_format: str = "svg"
    figure: object = None
    parts: tuple = ()
    axes: dict = field(default_factory=dict)  # part index -> axis_state, for the axes' axis parts
    shape: tuple = ()
    kept: tuple = (0, 0)
    images: tuple = (None, None, None)

    def update(self, figure) -> tuple:
        """Render what changed since the last call and return the three layers (bytes, or None if empty)."""
        parts = tuple(drawing_order(figure))
        shape = geometry(figure)
        same = figure is self.figure and shape == self.shape and figure.get_layout_engine() is None
        if same:
            changed = self._changed_parts(parts)
            if not changed:
                return self.images
            below, above = min(changed), len(parts) - 1 - max(changed)
            if self.kept != (0, 0):  # the kept layers only shrink, so the same change never splits the figure again
                below, above = min(below, self.kept[0]), min(above, self.kept[1])
        else:  # a new figure or moved axes: draw it whole
            below = above = 0
        low, middle, high = parts[:below], parts[below : len(parts) - above], parts[len(parts) - above :]
        images = self.images
        if not same or (below, above) != self.kept:
            images = (
                render(figure, self.image_format, middle + high) if low else None,
                None,
                render(figure, self.image_format, low + middle) if high else None,
            )
        changed_layer = render(figure, self.image_format, low + high)
        for artist in figure.findobj():
            artist.stale = False
        self.figure, self.parts, self.shape, self.kept = figure, parts, shape, (below, above)
        self.axes = {i: axis_state(part) for i, part in enumerate(parts) if isinstance(part, Axis)}
        self.images = (images[0], changed_layer, images[2])
        return self.images

    def _changed_parts(self, parts) -> list[int]:
        """Indices of the parts that changed: stale ones, and any that replaced or joined the last drawing's."""
        old = self.parts
        prefix = 0
        while prefix < min(len(parts), len(old)) and parts[prefix] is old[prefix]:
            prefix += 1
        suffix = 0
        while suffix < min(len(parts), len(old)) - prefix and parts[-1 - suffix] is old[-1 - suffix]:
            suffix += 1
        new = range(prefix, len(parts) - suffix)
        if not new and len(old) - suffix > prefix:  # parts removed, none added: redraw across the gap they leave
            new = [i for i in (prefix - 1, prefix) if 0 <= i < len(parts)]
        offset = len(old) - len(parts)  # a part after the new ones had this index more in the last drawing
        stale = [
            i
            for i, part in enumerate(parts)
            if i not in new and _changed(part, self.axes.get(i if i < prefix else i + offset))
        ]
        return sorted([*new, *stale])
