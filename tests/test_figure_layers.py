"""Explorers send their figure in stacked layers, rendering only what changed: stacked, the layers must show
exactly the figure drawn whole, after any change of any control."""

import io

import ipywidgets as w
import numpy as np
import pytest
from explorer_cases import all_explorer_classes, widget_cases
from matplotlib.figure import Figure
from PIL import Image

from alliancelab.plotting.layers import Layers, drawing_order, render
from alliancelab.plotting.style import point_annotation, set_changed, set_title

CASES = widget_cases()


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"), dtype=np.int16)


def stacked(layers) -> np.ndarray:
    images = [Image.open(io.BytesIO(layer)).convert("RGBA") for layer in layers if layer is not None]
    picture = images[0]
    for image in images[1:]:
        picture = Image.alpha_composite(picture, image)
    return np.asarray(picture, dtype=np.int16)


def assert_same_picture(explorer, what: str) -> None:
    assert_stacks_into(explorer.layers.images, explorer.chart.png(), what)


def assert_stacks_into(layers, png: bytes, what: str) -> None:
    whole, layered = pixels(png), stacked(layers)
    assert layered.shape == whole.shape, what
    # Stacking antialiased edges rounds differently from drawing them in one pass: a few levels at most.
    off = np.abs(layered - whole).max(axis=2) > 6
    assert off.mean() < 0.0005, f"{what}: {off.sum()} pixels differ from the figure drawn whole"


def other_values(control) -> list:
    """One or two values the control can take other than its current one."""
    if isinstance(control, w.Checkbox):
        return [not control.value]
    if hasattr(control, "options") and not hasattr(control, "min"):
        return [o[1] if isinstance(o, tuple) else o for o in control.options][-1:]
    if isinstance(control.value, tuple):  # a range slider: move its lower end
        low, high = control.value
        return [(round(control.min + (high - control.min) / 3, 6), high)]
    if hasattr(control, "options"):  # a selection slider
        return list(control.options)[-1:]
    if not hasattr(control, "min"):  # a number typed in: a bit more, then a bit less
        return [type(control.value)(control.value * 1.25 + 1), control.value]
    return [type(control.value)(round(control.min + (control.max - control.min) / 3, 6))]


def test_every_explorer_has_a_case():
    assert all_explorer_classes() <= set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_layers_stack_into_the_whole_figure(name):
    factory, change = CASES[name]
    explorer = factory()
    explorer.layers = Layers("png")
    explorer.refresh()
    assert_same_picture(explorer, "first drawing")
    for control in list(explorer._leaf_controls()):
        if not hasattr(control, "value") or isinstance(control, (w.HTML, w.Label)):
            continue
        for value in other_values(control):
            control.value = value
            assert_same_picture(explorer, f"{getattr(control, 'description', '')} = {value!r}")
    for i in range(2):  # the benchmark's change, which must redraw only part of the figure
        change(explorer, i)
        assert_same_picture(explorer, f"change {i}")


def changed_layers(before, after) -> list[int]:
    return [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old is not new]


def test_an_update_renders_only_the_parts_that_changed():
    figure = Figure(figsize=(4, 3))
    axes = figure.add_subplot()
    axes.set_title("Fixed", y=1.0)  # as the module's titles: one placed automatically moves with what is hidden
    line = axes.plot([0, 1], [0, 1])[0]
    axes.legend([line], ["a line"])
    layers = Layers("png")
    first = layers.update(figure)
    assert len(first) == len(drawing_order(figure))  # the first drawing: a layer for each part
    line.set_ydata([1, 0])
    second = layers.update(figure)
    changed = changed_layers(first, second)
    assert [layers.runs[i][0] for i in changed] == [(line,)]
    line.set_ydata([0.5, 0.5])
    assert changed_layers(second, layers.update(figure)) == changed  # again only the line's layer
    axes.set_xlim(0, 1.1)
    axes.set_xlim(0, 1.1)  # the same limits again (the axes are marked stale)
    moved = changed_layers(layers.images, layers.update(figure))  # the x limits moved, and with them:
    redrawn = {part for i in moved for part in layers.runs[i][0]}
    assert redrawn == {line, axes.xaxis, axes.get_legend()}  # the line, the x axis, the legend placed "best"
    assert_stacks_into(layers.images, render(figure, "png"), "the x limits moved")
    axes.set_position([0.2, 0.2, 0.6, 0.6])
    assert len(layers.update(figure)) == 1  # the axes moved: drawn whole, as one layer
    line.set_ydata([0, 1])
    assert_stacks_into(layers.update(figure), render(figure, "png"), "split again around the line")
    assert len(layers.runs) == 3  # what is drawn before the line, the line, what is drawn after it


def test_added_and_removed_artists_are_redrawn():
    figure = Figure(figsize=(4, 3))
    axes = figure.add_subplot()
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    line = axes.plot([0, 1], [0, 1])[0]
    axes.set_title("Fixed", y=1.0)
    layers = Layers("png")
    layers.update(figure)
    line.set_ydata([1, 0])
    layers.update(figure)
    span = axes.axvspan(0.2, 0.4, zorder=2.5)
    assert_stacks_into(layers.update(figure), render(figure, "png"), "a span added")
    assert len(layers.runs) > 1
    span.remove()
    assert_stacks_into(layers.update(figure), render(figure, "png"), "the span removed")


def test_setting_what_is_already_there_leaves_the_part_as_drawn():
    figure = Figure(figsize=(4, 3))
    axes = figure.add_subplot()
    axes.set_xlim(0, 2)
    axes.set_ylim(0, 2)
    line = axes.plot([0, 1], [0, 1])[0]
    bar = axes.bar([1], [1])[0]
    note = axes.annotate("note", (1, 1))
    set_title(axes, "Fixed")
    layers = Layers("png")
    first = layers.update(figure)
    set_changed(line, data=([0, 1], [0, 1]), color=line.get_color())
    set_changed(bar, width=bar.get_width(), facecolor=bar.get_facecolor())
    point_annotation(note, (1, 1))
    set_title(axes, "Fixed")
    assert changed_layers(first, layers.update(figure)) == []  # nothing drawn again
    set_changed(line, data=([0, 1, 2], [0, 1, 0]))  # a point more: another shape of data
    point_annotation(note, (1.5, 1))
    redrawn = {part for i in changed_layers(first, layers.update(figure)) for part in layers.runs[i][0]}
    assert redrawn == {line, note}
    assert_stacks_into(layers.images, render(figure, "png"), "a line and a note moved")
