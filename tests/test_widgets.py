"""The timeline explorer: moving a control redraws the figure; an impossible choice gets a message."""

import html

from alliancelab.widgets import TimelineExplorer


def test_starts_with_every_event(events):
    explorer = TimelineExplorer(events)
    assert f"Showing <b>{len(events)}</b> of {len(events)} events" in explorer.status.value
    assert explorer.chart.alt.startswith(f"Timeline of {len(events)} events")


def test_unticking_a_category_redraws_figure_and_list(events):
    explorer = TimelineExplorer(events)
    before = explorer.image()
    explorer.categories["trade"].value = False
    remaining = (events["category"] != "trade").sum()
    assert f"Showing <b>{remaining}</b>" in explorer.status.value
    assert explorer.image() != before
    assert explorer.event_list.value.count("<tr>") == remaining + 1  # + header row


def test_a_change_updates_the_chart_on_show_in_place(events):
    explorer = TimelineExplorer(events)
    chart, before, sent = explorer.chart, explorer.image(), explorer.figure.value
    explorer.years.value = (2020, 2026)
    assert explorer.chart is chart and explorer.image() != before and explorer.figure.value != sent
    assert "from January 2020" in chart.alt and html.escape(chart.alt) in explorer.figure.value


def test_year_slider_narrows_the_range(events):
    explorer = TimelineExplorer(events)
    explorer.years.value = (2025, 2026)
    expected = (events["date"].dt.year >= 2025).sum()
    assert f"Showing <b>{expected}</b> of {len(events)} events, 2025-2026" in explorer.status.value
    assert "from January 2025 to December 2026" in explorer.chart.alt


def test_no_category_keeps_last_figure_and_explains(events):
    explorer = TimelineExplorer(events)
    *others, last = explorer.categories.values()
    for box in others:
        box.value = False
    before = explorer.figure.value
    last.value = False
    assert "Not drawn:" in explorer.status.value and "select at least one category" in explorer.status.value
    assert explorer.figure.value == before
    explorer.categories["climate"].value = True
    assert "Showing <b>" in explorer.status.value


def test_static_views_get_a_plain_text_summary(events):
    explorer = TimelineExplorer(events)
    assert explorer.summary.startswith(f"Timeline explorer: {len(events)} events, 6 categories, 2012-2026.")


def test_figures_of_a_new_shape_are_laid_out_afresh():
    """Ticking fewer recommendations makes a shorter figure: it gets its own layout, not the taller one's."""
    from alliancelab.widgets.scenarios import ScenarioExplorer

    explorer = ScenarioExplorer()
    (tall,) = explorer.layouts
    next(iter(explorer.chosen.values())).value = False
    assert len(explorer.layouts) == 2
    (short,) = set(explorer.layouts) - {tall}
    assert short[1] < tall[1] and short[2] == tall[2]
    assert explorer.layouts[short] != explorer.layouts[tall]
