"""The shared mechanism of every explorer widget.

Every explorer shares one mechanism (:class:`Explorer`): a change of any control redraws
the figure in place (the output is replaced in one step, so nothing flickers), and a value
the model rejects leaves the last good figure and shows the reason instead of a traceback.
Redraws are quick: each explorer hands the chart on show (:attr:`Explorer.chart`) to its figure function as
``into=``, which changes that chart's artists instead of drawing a new figure; the first layout of each figure
shape is reused; the figure is sent as SVG in stacked layers, of which an update renders only those that hold
what changed (:mod:`alliancelab.plotting.layers`).
"""

import base64
import html

import ipywidgets as w

from alliancelab import plotting
from alliancelab.errors import AllianceLabError
from alliancelab.plotting.layers import Layers

#: How the explorers' sliders look: labels in a column of their own, sliders of one width.
SLIDER_STYLE = {"description_width": "16em"}
SLIDER_LAYOUT = w.Layout(width="36em")


def slider(kind, style=SLIDER_STYLE, layout=SLIDER_LAYOUT, **options):
    """A slider of ``kind`` (e.g. ``w.FloatSlider``) that reports its value when released, not while dragged."""
    return kind(continuous_update=False, style=style, layout=layout, **options)


class Explorer:
    """Base for the module's widgets: controls, a status line and one figure output."""

    #: Plain-text stand-in shown where widgets cannot run (static views, tests).
    summary = "Interactive explorer"

    def __init__(self, controls: list, extra=()):
        self.controls = controls
        self.status = w.HTML()
        self.figure = w.HTML()
        self.layers = Layers()
        self.layouts = {}  # chart shape -> axes positions of the first figure of that shape
        self.chart = None  # the chart on show
        self.widget = w.VBox([*controls, self.status, self.figure, *extra])
        for control in self._leaf_controls():
            control.observe(lambda _change: self.refresh(), names="value")

    def _leaf_controls(self):
        for control in self.controls:
            yield from control.children if isinstance(control, w.Box) else [control]

    def draw(self) -> tuple[plotting.Chart, str]:
        """Build the chart and a status message from the current control values."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Redraw after a change; on a value the model rejects, keep the figure and say why."""
        try:
            chart, message = self.draw()
        except AllianceLabError as err:
            self.show_problem(err)
            return
        shape = chart.shape()
        if shape not in self.layouts:  # the first figure of this shape: lay it out once
            chart.figure.draw_without_rendering()
            self.layouts[shape] = chart.layout()
        chart.reuse_layout(self.layouts[shape])
        self.figure.value = figure_html(chart, self.layers.update(chart.figure), self.layers.image_format)
        self.chart = chart
        self.status.value = message

    def image(self) -> str:
        """The figure on show, as one SVG text ("" before the first drawing)."""
        return self.chart.svg() if self.chart is not None else ""

    def show_problem(self, problem: AllianceLabError) -> None:
        """Say why nothing was drawn; the last good figure stays."""
        self.status.value = f'<span style="color:#D55E00"><b>Not drawn:</b> {html.escape(str(problem))}</span>'

    def _ipython_display_(self):
        from IPython.display import display

        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = self.summary
        display(bundle, raw=True)


def figure_html(chart: plotting.Chart, layers, image_format: str = "svg") -> str:
    """The chart's layers stacked into one image, named by its alt text, with the caption below.

    The figure fills its column, no wider than its natural size (72 pt = 96 px per inch).
    """
    mime = "image/svg+xml" if image_format == "svg" else f"image/{image_format}"
    images = "".join(
        f'<img alt="" style="grid-area: 1 / 1; width: 100%" '
        f'src="data:{mime};base64,{base64.b64encode(layer).decode("ascii")}">'
        for layer in layers
    )
    return (
        f'<div class="alliancelab-figure" role="img" aria-label="{html.escape(chart.alt)}" '
        f'style="display: grid; max-width: {chart.shape()[0] * 96:.0f}px">{images}</div>'
        f'<p class="alliancelab-caption"><i>{html.escape(chart.caption)}</i></p>'
    )
