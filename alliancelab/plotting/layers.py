"""A figure sent as stacked layers, so that an update renders only the parts that changed.

Matplotlib draws a figure in a fixed order: the figure's background, then each axes (its background, then its
artists by ``zorder``), then figure-level artists. An explorer's update changes a few of those artists, and
matplotlib marks each one it changed, or the piece inside it that changed, *stale*. :class:`Layers` cuts the
drawing order into runs and renders each run as an image of the figure's size, transparent where the run draws
nothing. The first drawing gives each part a layer of its own; after that, a run of parts that changed together
is rendered as one layer and the other parts keep theirs; when an axes' limits change, so do the parts drawn in
its data coordinates. Stacked in drawing order the layers are the whole figure (a test compares their pixels with
a full rendering). If an axes moves, the figure is drawn whole again, as one layer.

Each layer is drawn with the other parts hidden, so no part may be placed according to another: the module's
titles have a fixed place (:func:`alliancelab.plotting.style.set_title`) and its legends a fixed location.
"""

import contextlib
import functools
import io
from dataclasses import dataclass, field

from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.legend import Legend
from matplotlib.spines import Spine
from matplotlib.text import Text

SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "alliancelab"}
#: SVG coordinates are points, so matplotlib draws SVG at 72 dpi; figures a widget redraws are kept at it.
SVG_DPI = 72
#: No metadata block (it would add half a kilobyte to every layer, and a date that changes).
NO_METADATA = dict.fromkeys(("Creator", "Date", "Format", "Type"))


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
    """What moves every artist when it changes: the figure's size and each axes' place and scales."""
    return (
        tuple(figure.get_size_inches()),
        figure.dpi,
        tuple((tuple(axes.get_position().bounds), axes.get_xscale(), axes.get_yscale()) for axes in figure.axes),
    )


def limits(figure) -> list:
    """Each axes' limits: what moves the parts drawn in its data coordinates."""
    return [(axes.get_xlim(), axes.get_ylim()) for axes in figure.axes]


def _moves(part, moved: dict) -> bool:
    """Whether ``part`` moves when its axes' limits change (``moved``: axes -> (x limits changed, y limits changed)).

    Parts placed in the axes' own frame stay: its background, spines, legends at a fixed location and plain texts
    such as titles; an axis moves with the limits along it; anything else counts as placed in data coordinates.
    """
    axes = getattr(part, "axes", None)
    if axes not in moved or part is axes.patch:
        return False
    if isinstance(part, Legend):  # placed "best" (location 0), it is placed by the data
        return getattr(part, "_get_loc", lambda: 0)() == 0
    x_moved, y_moved = moved[axes]
    if isinstance(part, Axis):
        return x_moved if part.axis_name == "x" else y_moved
    if isinstance(part, Spine):
        return part.get_position()[0] == "data"
    if type(part) is Text:
        return any(part.get_transform().contains_branch_seperately(axes.transData))
    return True


@functools.lru_cache(maxsize=8192)
def _text_size(text, font, ismath):
    return RendererBase().get_text_width_height_descent(text, font, ismath)


class _SVGRenderer(RendererSVG):
    """Matplotlib's SVG renderer, remembering text sizes from one drawing to the next.

    Matplotlib measures each text again for every new renderer; in SVG a size depends only on the text and font.
    """

    def get_text_width_height_descent(self, s, prop, ismath):
        return _text_size(s, prop.copy(), ismath)  # a copy: the caller may change its font later


@contextlib.contextmanager
def _svg_settings():
    """:data:`SVG_RC` in force, set and restored key by key (an ``rc_context`` copies every setting, a millisecond)."""
    before = {key: rcParams[key] for key in SVG_RC}
    rcParams.update(SVG_RC)
    try:
        yield
    finally:
        rcParams.update(before)


def _svg(figure) -> bytes:
    """The figure as SVG, as ``figure.savefig(format="svg")`` writes it (to a thousandth of a point), but quicker."""
    dpi = figure.dpi
    figure.set_dpi(SVG_DPI)  # nothing to do for a figure kept at 72 dpi
    text = io.StringIO()
    width, height = figure.get_size_inches()
    try:
        with _svg_settings():
            svg = _SVGRenderer(width * SVG_DPI, height * SVG_DPI, text, image_dpi=SVG_DPI, metadata=NO_METADATA)
            renderer = MixedModeRenderer(figure, width, height, SVG_DPI, svg)
            figure.draw(renderer)
            renderer.finalize()
    finally:
        figure.set_dpi(dpi)
    return text.getvalue().encode("utf-8")


def render(figure, image_format: str = "svg", hide=()) -> bytes:
    """The figure as SVG or PNG (100 dpi), leaving out the parts in ``hide``.

    Parts left out leave their area transparent, the figure's background included.
    """
    hidden = [part for part in hide if part.get_visible()]
    for part in hidden:
        part.set_visible(False)
    try:
        if image_format == "svg":
            return _svg(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100, pil_kwargs={"compress_level": 1})
        return buffer.getvalue()
    finally:
        for part in hidden:
            part.set_visible(True)


def axis_state(axis) -> tuple:
    """What an axis shows: its ticks, their labels and its own label (moved limits are caught by :func:`limits`)."""
    ticks = axis.get_majorticklocs()  # where the ticks are, and their labels, without laying the ticks out
    return (
        tuple(ticks),
        tuple(axis.get_major_formatter().format_ticks(ticks)),
        axis.label.get_text(),
        axis.get_visible(),
    )


def _stale(part) -> bool:
    return any(artist.stale for artist in part.findobj())  # a legend's text does not mark the legend: look inside


@dataclass
class Layers:
    """The last rendering of one figure, as layers: each a run of its drawing order and that run's image."""

    image_format: str = "svg"
    figure: object = None
    shape: tuple = ()
    limits: list = field(default_factory=list)
    runs: list = field(default_factory=list)  # [(parts, image)] in drawing order
    axes: dict = field(default_factory=dict)  # id of an axis part -> its axis_state at the last rendering

    @property
    def images(self) -> list[bytes]:
        return [image for _parts, image in self.runs]

    def update(self, figure) -> list[bytes]:
        """Render what changed since the last call and return the layers' images, bottom first."""
        if self.image_format == "svg":
            figure.set_dpi(SVG_DPI)
        parts = tuple(drawing_order(figure))
        fixed_layout = figure.get_layout_engine() is None  # a layout engine may move the axes at every drawing
        known = {}  # axis states that still hold; an axis drawn again is looked at anew
        if self.figure is None and fixed_layout:  # the first drawing: a layer for each part
            runs = [
                ((part,), render(figure, self.image_format, parts[:i] + parts[i + 1 :])) for i, part in enumerate(parts)
            ]
        elif not fixed_layout or figure is not self.figure or geometry(figure) != self.shape:  # drawn whole
            runs = [(parts, render(figure, self.image_format))]
        else:
            moved = {
                axes: (old[0] != new[0], old[1] != new[1])
                for axes, old, new in zip(figure.axes, self.limits, limits(figure), strict=True)
                if old != new
            }
            runs = self._rerun(figure, parts, moved)
            known = self.axes
        self.axes = {id(part): known.get(id(part)) or axis_state(part) for part in parts if isinstance(part, Axis)}
        for part in parts:  # the parts not drawn again (an axis is judged by what it shows, not by its marks)
            for artist in part.findobj() if not isinstance(part, Axis) else ():
                artist.stale = False
        self.figure, self.runs = figure, runs
        self.shape, self.limits = geometry(figure), limits(figure)  # after drawing: a layout engine moves axes
        return self.images

    def _changed(self, part) -> bool:
        """Whether a part of the last drawing changed. An axis counts as changed only if what it shows
        (:func:`axis_state`) changed: matplotlib marks it stale whenever its axes' limits are set, even to the same
        values, and looking at its ticks marks them stale too."""
        if not isinstance(part, Axis):
            return _stale(part)
        state = axis_state(part)
        changed = state != self.axes[id(part)]
        self.axes[id(part)] = state
        return changed

    def _rerun(self, figure, parts, moved: dict) -> list:
        """The new layers: a run of changed parts (or parts that ``moved`` with their axes' limits) is rendered as one
        layer; other parts keep their layer, which is rendered again only if a part of it changed, joined or left."""
        layer_of = {id(part): k for k, (members, _image) in enumerate(self.runs) for part in members}
        groups = []  # [layer index, or -1 for changed parts; the parts]
        for part in parts:
            key = layer_of.get(id(part), -1)
            if key >= 0 and (self._changed(part) | _moves(part, moved)):  # both: _changed notes an axis's state
                key = -1
            if groups and groups[-1][0] == key:
                groups[-1][1].append(part)
            else:
                groups.append((key, [part]))
        runs = []
        for key, members in groups:
            members = tuple(members)
            if key >= 0 and self.runs[key][0] == members:
                runs.append(self.runs[key])
            else:
                kept = set(map(id, members))
                runs.append((members, render(figure, self.image_format, [p for p in parts if id(p) not in kept])))
        return runs
