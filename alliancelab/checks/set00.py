"""Exercise set 00 (Start here): tasks on the events table, the timeline and its widget."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, ItemsTask, NumberTask


def _events():
    return data.load("events")


def _after_brief_count():
    return int(_events()["after_brief"].sum())


def _categories_busier_after():
    events = _events()
    counts = events.groupby(["category", "after_brief"], observed=False).size().unstack(fill_value=0)
    return [category for category, row in counts.iterrows() if row.get(True, 0) > row.get(False, 0)]


def _busiest_year():
    return int(_events()["date"].dt.year.value_counts().sort_index().idxmax())


def _trade_after_brief_2024_2026():
    events = _events()
    chosen = (events["category"] == "trade") & events["date"].dt.year.between(2024, 2026) & events["after_brief"]
    return int(chosen.sum())


register(
    NumberTask("00.1", "How many events in the table happened after the brief was written?",
               hints=("The column `after_brief` is True or False for each event.",
                      "True counts as 1 when you add a column up: try `.sum()` on that column."),
               expected=_after_brief_count, tolerance=0),
    ItemsTask("00.2", "Which categories have more events after the brief than before it?",
              hints=("Count events by `category` and by `after_brief` together.",
                     "`events.groupby([\"category\", \"after_brief\"]).size()` gives both counts per category."),
              expected=_categories_busier_after),
    NumberTask("00.3", "Which year has the most events in Figure 1?",
               hints=("Look for the year where the markers are densest, then check with pandas.",
                      "`events[\"date\"].dt.year.value_counts()` counts events per year."),
               expected=_busiest_year, tolerance=0),
    NumberTask("00.4", "With the explorer set to trade only and 2024-2026, how many events come after the brief?",
               hints=("Untick every category except trade and drag the slider to 2024-2026.",
                      "Count the markers in the grey area, or the rows marked '(after the brief)' in the list."),
               expected=_trade_after_brief_2024_2026, tolerance=0),
    ChoiceTask("00.5", "What reason did Trump's team give for declining Ishiba's meeting in November 2024?",
               hints=("The brief says Trump turned down Ishiba's request; check the `events` table, not the brief.",
                      "Search the event titles for 'Ishiba' in November 2024 and read the title and quote."),
               options={"a": "Japan's trade surplus with the United States",
                        "b": "No meetings with foreign leaders before the inauguration, citing the Logan Act",
                        "c": "Ishiba cancelled the stopover himself",
                        "d": "A dispute over host-nation support"},
               correct="b"),
)
