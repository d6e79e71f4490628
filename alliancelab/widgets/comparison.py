"""Comparison explorer: pick allies and a measure; the figure redraws in place and the status line gives caveats."""

import ipywidgets as w
import pandas as pd

from alliancelab.errors import AllianceLabError
from alliancelab.models import comparison as cmp
from alliancelab.plotting import comparison as plot
from alliancelab.widgets.base import Explorer

#: What each measure hides, shown under the controls.
CAVEATS = {
    "share": "Each government counts its own way (Japan: security-related spending against FY2022 GDP; "
    "Poland: NATO's definition), and years differ.",
    "hns": "Dollar amounts at each outlet's exchange rate; host-nation support is only part of what allies pay "
    "for US forces; troop counts are approximate.",
    "gap": "Keeps GDP where it was: with growth the sum is larger. National budget definitions, not NATO's; "
    "sums are in each ally's own currency, so compare the percentages.",
}


class AllyComparisonExplorer(Explorer):
    """Tick allies and choose a measure: defence share of GDP, host-nation support per service member, or a gap."""

    def __init__(self, table: pd.DataFrame):
        self.table = table
        #: The allies with sourced data for each measure (fixed by the table: worked out once, not at every redraw).
        self.with_data = {measure: plot.allies_with_data(table, cmp.ALLIES, measure) for measure in plot.MEASURES}
        self.allies = {
            a: w.Checkbox(value=a != "NATO", description=a, indent=False, layout=w.Layout(width="auto"))
            for a in cmp.ALLIES
        }
        self.measure = w.Dropdown(
            options=[(label, key) for key, (label, _axis) in plot.MEASURES.items()],
            value="share",
            description="Measure",
            style={"description_width": "6em"},
            layout=w.Layout(width="36em"),
        )
        self.summary = (
            f"Ally comparison explorer: {len(cmp.ALLIES)} allies, {len(plot.MEASURES)} measures. "
            "Run the notebook to compare them."
        )
        super().__init__([w.HBox(list(self.allies.values())), self.measure])
        self.refresh()

    def chosen(self) -> list[str]:
        return [ally for ally, box in self.allies.items() if box.value]

    def draw(self):
        chosen = self.chosen()
        if not chosen:
            raise AllianceLabError("tick at least one ally.")
        measure = self.measure.value
        chart = plot.compare_allies(self.table, chosen, measure, into=self.chart)
        shown = [ally for ally in self.with_data[measure] if ally in chosen]
        missing = [a for a in chosen if a not in shown]
        gap = f" No sourced data for {', '.join(missing)}." if missing else ""
        caveat = CAVEATS["gap" if measure.startswith("gap") else measure]
        return chart, (
            f"<b>{plot.MEASURES[measure][0]}</b>: showing {', '.join(shown) or 'no ally'}.{gap} <i>Caveat:</i> {caveat}"
        )
