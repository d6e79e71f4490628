"""Timeline explorer: filter the whole-period timeline by category and years."""

import html

import ipywidgets as w
import pandas as pd

from alliancelab import events as ev
from alliancelab import plotting
from alliancelab.errors import AllianceLabError
from alliancelab.widgets.base import Explorer


class TimelineExplorer(Explorer):
    """Filter the whole-period timeline by category and years; the figure and event list follow."""

    def __init__(self, events: pd.DataFrame):
        self.events = events
        years = events["date"].dt.year
        self.categories = {
            c: w.Checkbox(value=True, description=c, indent=False, layout=w.Layout(width="auto"))
            for c in events["category"].cat.categories
        }
        self.years = w.IntRangeSlider(
            value=(years.min(), years.max()),
            min=years.min(),
            max=years.max(),
            description="Years",
            continuous_update=False,
            layout=w.Layout(width="60%"),
        )
        self.event_list = w.HTML()
        self.summary = (
            f"Timeline explorer: {len(events)} events, {len(self.categories)} categories, "
            f"{years.min()}-{years.max()}. Run the notebook to filter by category and years."
        )
        super().__init__([w.HBox(list(self.categories.values())), self.years], extra=[self.event_list])
        self.refresh()

    def chosen(self) -> list[str]:
        return [name for name, box in self.categories.items() if box.value]

    def draw(self):
        chosen = self.chosen()
        if not chosen:
            raise AllianceLabError("select at least one category.")
        first, last = self.years.value
        chart = plotting.timeline(self.events, chosen, first, last, into=self.chart)
        shown = ev.select(self.events, chosen, first, last)
        self.event_list.value = event_list_html(shown)
        return chart, f"Showing <b>{len(shown)}</b> of {len(self.events)} events, {first}-{last}."


def event_list_html(events: pd.DataFrame) -> str:
    """A scrollable table of events: date, category, title linked to its source."""
    columns = (events["date"].dt.strftime("%Y-%m-%d"), events["category"], events["source_url"], events["title"])
    rows = "".join(
        f"<tr><td>{date}</td><td>{html.escape(str(category))}</td>"
        f'<td><a href="{html.escape(url)}" target="_blank">{html.escape(title)}</a>'
        f"{' <i>(after the brief)</i>' if after else ''}</td></tr>"
        for date, category, url, title, after in zip(*map(list, columns), events["after_brief"].tolist(), strict=True)
    )
    return (
        '<div style="max-height:16em;overflow:auto"><table>'
        "<thead><tr><th>Date</th><th>Category</th><th>Event (link to source)</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )
