"""Exercise set 00 (Start here): tasks on the events table, the timeline and its widget; and the ungraded
practice checks of lesson 00's pandas primer ("00.p1" to "00.p4")."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, ItemsTask, NumberTask, TableTask


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


def _diplomacy_2025_2026():
    events = _events()
    return int(((events["category"] == "diplomacy") & events["date"].dt.year.between(2025, 2026)).sum())


register(
    NumberTask(
        "00.1",
        "How many events in the table happened after the brief was written?",
        hints=(
            "The column `after_brief` is True or False for each event.",
            "True counts as 1 when you add a column up: try `.sum()` on that column.",
        ),
        expected=_after_brief_count,
        tolerance=0,
    ),
    ItemsTask(
        "00.2",
        "Which categories have more events after the brief than before it?",
        hints=(
            "Count events by `category` and by `after_brief` together.",
            '`events.groupby(["category", "after_brief"]).size()` gives both counts per category.',
        ),
        expected=_categories_busier_after,
    ),
    NumberTask(
        "00.3",
        "Which year has the most events in Figure 1?",
        hints=(
            "Look for the year where the markers are densest, then check with pandas.",
            '`events["date"].dt.year.value_counts()` counts events per year.',
        ),
        expected=_busiest_year,
        tolerance=0,
    ),
    NumberTask(
        "00.4",
        "With the explorer set to diplomacy only and 2025-2026, how many events does it show?",
        hints=(
            "Untick every category except diplomacy, then drag both ends of the year slider.",
            "The number beside the category label counts the events shown; in pandas, filter on "
            '`category` and on `events["date"].dt.year.between(...)`, then take `len`.',
        ),
        expected=_diplomacy_2025_2026,
        tolerance=0,
    ),
    ChoiceTask(
        "00.5",
        "What reason did Trump's team give for declining Ishiba's meeting in November 2024?",
        hints=(
            "The brief says Trump turned down Ishiba's request; check the `events` table, not the brief.",
            "Search the event titles for 'Ishiba' in November 2024 and read the title and quote.",
        ),
        options={
            "a": "Japan's trade surplus with the United States",
            "b": "No meetings with foreign leaders before the inauguration, citing the Logan Act",
            "c": "Ishiba cancelled the stopover himself",
            "d": "A dispute over host-nation support",
        },
        correct="b",
    ),
)


#: The columns practice 1 of the primer asks for.
PRACTICE_COLUMNS = ("date", "category", "actor")


def _diplomacy_after_brief():
    events = _events()
    return events[(events["category"] == "diplomacy") & events["after_brief"]]


register(
    TableTask(
        "00.p1",
        "A table with only the date, category and actor columns of events.",
        hints=(
            "Name the columns you want in a list, inside the brackets after `events`.",
            'A list of column names looks like `["date", "title"]`; with the outer brackets '
            'that makes `events[["date", "title"]]`, with your three names instead.',
        ),
        expected=lambda: _events()[list(PRACTICE_COLUMNS)],
        columns=PRACTICE_COLUMNS,
    ),
    TableTask(
        "00.p2",
        "The rows of events in the diplomacy category that came after the brief.",
        hints=(
            "Two conditions must both hold: the category is 'diplomacy', and `after_brief` is True.",
            "Put each condition in parentheses and join them with `&`: `events[(condition one) & (condition two)]`.",
        ),
        expected=_diplomacy_after_brief,
        columns=("date", "title"),
    ),
    NumberTask(
        "00.p3",
        "How many events have the category multilateral?",
        hints=(
            "Filter first, then count the rows that are left.",
            "`len(table)` counts the rows of a table; the table here is "
            '`events[events["category"] == "multilateral"]`.',
        ),
        expected=lambda: int((_events()["category"] == "multilateral").sum()),
        tolerance=0,
    ),
    NumberTask(
        "00.p4",
        "Grouped by brief_section, how many events belong to what_lies_ahead?",
        hints=(
            '`events.groupby("brief_section").size()` gives one count per section.',
            "The result is a column labelled by section: pick one value with "
            '`["what_lies_ahead"]`, the label in brackets.',
        ),
        expected=lambda: int((_events()["brief_section"] == "what_lies_ahead").sum()),
        tolerance=0,
    ),
)
