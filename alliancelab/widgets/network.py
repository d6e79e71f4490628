"""Alliance network explorer: move through the years and watch hub-and-spoke turn into a lattice."""

import html

import ipywidgets as w
import pandas as pd

from alliancelab.models import network as networks
from alliancelab.plotting import network as network_plot
from alliancelab.widgets.base import Explorer


class AllianceNetworkExplorer(Explorer):
    """A year slider and a highlight menu over the ties table; the network, the counts and the new ties follow.

    ``hub`` is the country whose ties count as hub ties; ``countries`` limits the network to ties
    among those countries (e.g. Japan and its partners).
    """

    def __init__(self, ties: pd.DataFrame, hub: str = networks.US, countries=None):
        networks.check_ties(ties)
        self.ties = ties
        self.hub = hub
        self.countries = list(countries) if countries is not None else None
        first, last = int(ties["year"].min()), int(ties["year"].max())
        self.year = w.IntSlider(
            value=last,
            min=first,
            max=last,
            step=1,
            description="Up to year",
            continuous_update=False,
            layout=w.Layout(width="60%"),
            style={"description_width": "initial"},
        )
        names = self.countries if self.countries is not None else networks.countries(ties)
        self.highlight = w.Dropdown(
            options=[("(none)", None)] + [(n, n) for n in sorted(names)],
            value=None,
            description="Highlight",
            style={"description_width": "initial"},
        )
        self.new_ties = w.HTML()
        self.summary = (
            f"Alliance network explorer: {len(ties)} sourced ties, {first}-{last}, hub {hub}. "
            "Run the notebook to move the year slider and highlight a country."
        )
        super().__init__([self.year, self.highlight], extra=[self.new_ties])
        self.refresh()

    def draw(self):
        year, highlight = self.year.value, self.highlight.value
        table = self.ties if self.countries is None else networks.ties_until(self.ties, 2100, self.countries)
        numbers = networks.summary(table, year, self.hub)
        chart = network_plot.alliance_network(self.ties, year, highlight, self.hub, self.countries, into=self.chart)
        self.new_ties.value = new_ties_html(table, year)
        shape = (
            "a pure hub-and-spoke system"
            if numbers["spoke_ties"] == 0
            else f"<b>{numbers['spoke_ties']}</b> spoke-to-spoke tie(s) that bypass the hub"
        )
        message = (
            f"Up to <b>{year}</b>: {numbers['ties']} ties among {numbers['countries']} countries. "
            f"Hub share: <b>{numbers['hub_share']:.0%}</b> run through {html.escape(self.hub)}; "
            f"{shape}. Density {numbers['density']:.2f}."
        )
        return chart, message


def new_ties_html(ties: pd.DataFrame, year: int) -> str:
    """The ties signed in ``year`` as a short list, each linked to its source."""
    rows = ties[ties["year"] == year]
    if rows.empty:
        return f"<i>No new ties in {year}.</i>"
    items = "".join(
        f"<li>{html.escape(a)}–{html.escape(b)}: {html.escape(str(kind))}, "
        f'<a href="{html.escape(url)}" target="_blank">{html.escape(title)}</a></li>'
        for a, b, kind, url, title in zip(
            *(rows[c].tolist() for c in ("country_a", "country_b", "kind", "source_url", "title")), strict=True
        )
    )
    return f"<b>New in {year}</b> ({len(rows)}):<ul>{items}</ul>"
