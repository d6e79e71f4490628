"""Scenario explorer: set five assumptions about the world and see which recommendation they favour.

Controls: a preset (the brief's world, the world as it turned out, or custom), one five-point
slider per assumption, and tick boxes for the recommendations to compare. The figure shows the
scores of :mod:`alliancelab.models.scenarios`; the table below it shows where each point comes from.
"""

import html

import ipywidgets as w

from alliancelab.errors import AllianceLabError
from alliancelab.models import scenarios
from alliancelab.plotting import scenarios as scenario_plots
from alliancelab.widgets.base import Explorer

CUSTOM = "Custom"
DEFAULT_PRESET = "The brief's world (late Nov 2024)"


class ScenarioExplorer(Explorer):
    """Sliders for the assumptions, a preset menu and recommendation tick boxes -> bar chart of scores."""

    def __init__(self, weights=None, preset: str = DEFAULT_PRESET):
        self.weights = scenarios.check_weights(weights)
        if preset not in scenarios.PRESETS and preset != CUSTOM:
            raise AllianceLabError(f"Unknown preset {preset!r}. Use one of: {', '.join(scenarios.PRESETS)}, {CUSTOM}.")
        self._applying = False
        start = scenarios.PRESETS.get(preset, {key: "medium" for key in scenarios.ASSUMPTIONS})
        wide = {"description_width": "initial"}
        self.preset = w.Dropdown(
            options=[*scenarios.PRESETS, CUSTOM],
            value=preset,
            description="Scenario",
            style=wide,
            layout=w.Layout(width="60%"),
        )
        self.sliders = {
            key: w.SelectionSlider(
                options=list(scenarios.LEVELS),
                value=start[key],
                description=text,
                continuous_update=False,
                style=wide,
                layout=w.Layout(width="75%"),
            )
            for key, text in scenarios.ASSUMPTIONS.items()
        }
        self.chosen = {
            rec: w.Checkbox(value=True, description=scenarios.label(rec), indent=False, layout=w.Layout(width="auto"))
            for rec in self.weights
        }
        self.table = w.HTML()
        self.preset.observe(self._apply_preset, names="value")  # runs before the base class's redraw
        super().__init__([self.preset, *self.sliders.values(), w.HBox(list(self.chosen.values()))], extra=[self.table])
        first = scenarios.scores(self.positions(), self.weights)
        best = scenarios.leaders(first)
        self.summary = (
            f"Scenario explorer: {len(scenarios.ASSUMPTIONS)} assumptions scored against "
            f"{len(self.weights)} recommendations. Preset '{preset}': "
            f"{' and '.join(scenarios.label(r) for r in best)} "
            f"{'tie for the highest score' if len(best) > 1 else 'scores highest'} "
            f"({first.max():+.1f}). Run the notebook to change the assumptions."
        )
        self.refresh()

    def levels(self) -> dict:
        """The level label of each assumption, as set on the sliders."""
        return {key: slider.value for key, slider in self.sliders.items()}

    def positions(self) -> dict:
        """The slider settings as positions between -1 and +1."""
        return scenarios.positions(self.levels())

    def _apply_preset(self, change) -> None:
        if change["new"] == CUSTOM:
            return
        self._applying = True
        try:
            for key, level in scenarios.PRESETS[change["new"]].items():
                self.sliders[key].value = level
        finally:
            self._applying = False

    def refresh(self) -> None:
        if self._applying:  # a preset is moving several sliders: redraw once, at the end
            return
        name = self.preset.value
        if name != CUSTOM and self.levels() != scenarios.PRESETS[name]:
            self._applying = True
            self.preset.value = CUSTOM  # a slider moved away from the preset
            self._applying = False
        super().refresh()

    def draw(self):
        recs = [rec for rec, box in self.chosen.items() if box.value]
        if not recs:
            raise AllianceLabError("tick at least one recommendation to compare.")
        values = self.positions()
        all_scores = scenarios.scores(values, self.weights)
        chart = scenario_plots.scenario_scores(all_scores[recs], scenarios.score_range(self.weights), into=self.chart)
        self.table.value = contributions_html(scenarios.contributions(values, self.weights).loc[recs])
        message = html.escape(scenarios.explain(values, self.weights, recs))
        return chart, f"<b>{html.escape(self.preset.value)}:</b> {message}"


def contributions_html(table) -> str:
    """Where the points come from: weight x position for each recommendation and assumption."""
    head = "".join(f"<th>{html.escape(scenarios.ASSUMPTIONS.get(c, c))}</th>" for c in table.columns)
    rows = "".join(
        f"<tr><td>{html.escape(scenarios.label(rec))}</td>"
        + "".join(f"<td>{value:+.1f}</td>" for value in row)
        + f"<td><b>{row.sum():+.1f}</b></td></tr>"
        for rec, row in zip(table.index, table.to_numpy())
    )
    return (
        "<p><b>Where the points come from</b> (weight &times; position; positions: very low = &minus;1 "
        "&hellip; very high = +1)</p>"
        f"<table><thead><tr><th>Recommendation</th>{head}<th>Score</th></tr></thead><tbody>{rows}</tbody></table>"
    )
