"""Comparing allies: the model's measures on known values, the figures, the explorer and bad input."""

import pandas as pd
import pytest

from alliancelab import data
from alliancelab.errors import AllianceLabError
from alliancelab.models import comparison as cmp
from alliancelab.plotting import comparison as compare
from alliancelab.widgets.comparison import AllyComparisonExplorer


@pytest.fixture(scope="module")
def table():
    return cmp.comparison_table(
        data.load("ally_comparison"), data.load("defense_spending"), data.load("host_nation_support")
    )


def test_gap_to_target_on_known_values():
    assert cmp.gap_to_target(10, 2, 5) == pytest.approx(15)
    assert cmp.gap_to_target(61.2469, 2.32, 3.5) == pytest.approx(61.2469 * (3.5 / 2.32 - 1))
    assert cmp.gap_to_target(10, 4.48, 3.5) == 0  # already above the target


@pytest.mark.parametrize(
    ("spending", "share", "target", "message"),
    [
        (10, 0, 3.5, "share of GDP must be positive"),
        (10, -1, 3.5, "share of GDP must be positive"),
        (10, float("nan"), 3.5, "share of GDP must be positive"),
        (10, 2, 0, "between 0 and 100"),
        (10, 2, 150, "between 0 and 100"),
        (-1, 2, 3.5, "cannot be negative"),
    ],
)
def test_gap_to_target_rejects_bad_input(spending, share, target, message):
    with pytest.raises(AllianceLabError, match=message):
        cmp.gap_to_target(spending, share, target)


def test_per_member_needs_troops():
    assert cmp.per_member(1.19e9, 28500) == pytest.approx(41754.4, abs=0.1)
    with pytest.raises(AllianceLabError, match="must be positive"):
        cmp.per_member(1e9, 0)


def test_japan_rows_are_reused_not_copied(table):
    assert "Japan" not in set(data.load("ally_comparison").query("measure == 'defence_share_gdp'")["ally"])
    japan = cmp.defence_shares(table, ["Japan"]).set_index("year")["value"]
    assert japan[2025] == 1.8  # against FY2022 GDP, initial budget: the first FY2025 row on that basis
    assert japan.index.is_unique


def test_hns_per_member_pairs_each_payment_with_the_nearest_troop_count(table):
    rows = cmp.hns_per_member(table).set_index("ally")
    assert list(rows.index) == ["Japan", "South Korea"]  # the Philippines has no SMA
    assert rows.loc["South Korea", "usd_per_member"] == pytest.approx(1.19e9 / 28500)
    assert rows.loc["Japan", "troops_year"] == 2020  # nearest to the 2019 payment


def test_gaps_compare_in_percent_and_keep_the_currency(table):
    gaps = cmp.gaps(table, 3.5).set_index("ally")
    assert gaps.loc["South Korea", "unit"] == "trillion won"
    assert gaps.loc["Philippines", "percent_more"] == pytest.approx(100 * (3.5 / 1.37 - 1))
    assert cmp.gaps(table, 2.0).set_index("ally").loc["South Korea", "gap"] == 0


def test_korea_sma_rise_matches_the_reported_8_3_percent():
    rows = data.load("ally_comparison").query("ally == 'South Korea' and measure == 'hns_annual'")
    amounts = rows.set_index("year")["value"]
    assert 100 * (amounts[2026] / amounts[2025] - 1) == pytest.approx(8.3, abs=0.05)


def test_unknown_ally_is_named(table):
    with pytest.raises(AllianceLabError, match="Unknown ally 'Korea'"):
        cmp.defence_shares(table, ["Korea"])


def test_demands_timeline_adds_japan_from_events_sorted():
    rows = cmp.demands_timeline(data.load("ally_timeline"), data.load("events"))
    assert (rows["ally"] == "Japan").sum() == len(cmp.JAPAN_EVENTS)
    assert rows["date"].is_monotonic_increasing
    assert set(rows["side"]) <= set(compare.SIDES)


@pytest.mark.parametrize("measure", list(compare.MEASURES))
def test_every_measure_draws_with_alt_text(table, measure):
    chart = compare.compare_allies(table, cmp.ALLIES, measure)
    assert chart.alt and chart.caption and chart.figure.axes[0].get_title(loc="left")
    assert chart.figure.axes[0].get_xlabel() and chart.figure.axes[0].get_ylabel()


def test_bars_say_where_no_data_exists(table):
    chart = compare.compare_allies(table, ["Japan", "Philippines"], "hns")
    assert "Philippines: no sourced data" in chart.alt and "$37,037" in chart.alt


def test_unknown_measure_is_rejected(table):
    with pytest.raises(ValueError, match="Unknown measure 'gdp'"):
        compare.compare_allies(table, cmp.ALLIES, "gdp")


def test_the_timeline_figure_counts_each_ally():
    rows = cmp.demands_timeline(data.load("ally_timeline"), data.load("events"))
    chart = compare.demands_timeline(rows)
    assert f"Timeline of {len(rows)} dated moves" in chart.alt and "NATO: 2" in chart.alt


def test_explorer_redraws_in_place_and_names_missing_data(table):
    explorer = AllyComparisonExplorer(table)
    chart, before = explorer.chart, explorer.image()
    explorer.allies["Poland"].value = False
    assert explorer.chart is chart and explorer.image() != before
    explorer.measure.value = "hns"
    assert "No sourced data for Philippines" in explorer.status.value and "exchange rate" in explorer.status.value
    gap_chart = None
    for measure in ("gap2", "gap5"):
        explorer.measure.value = measure
        gap_chart = gap_chart or explorer.chart
    assert explorer.chart is gap_chart and "Gap to 5% of GDP" in explorer.status.value


def test_explorer_without_allies_keeps_the_figure_and_explains(table):
    explorer = AllyComparisonExplorer(table)
    *others, last = explorer.allies.values()
    for box in others:
        box.value = False
    last.value = True
    before = explorer.figure.value
    last.value = False
    assert "Not drawn:" in explorer.status.value and "tick at least one ally" in explorer.status.value
    assert explorer.figure.value == before


def test_explorer_has_a_plain_text_summary(table):
    assert "5 allies" in AllyComparisonExplorer(table).summary


def test_empty_choice_of_shares_draws_an_empty_chart(table):
    chart = compare.compare_allies(table, ["NATO"], "share")
    assert "no data for this choice" in chart.alt
    assert isinstance(cmp.defence_shares(table, ["NATO"]), pd.DataFrame)


def test_each_ally_is_named_at_its_latest_share_without_overlap(table):
    chart = compare.compare_allies(table, cmp.ALLIES, "share")
    chart.png()  # lays the figure out
    axes, shares = chart.parts["axes"], cmp.defence_shares(table)
    names = [name for name in chart.parts["names"].values() if name.get_visible()]
    assert sorted(name.get_text() for name in names) == sorted(set(shares["ally"]))
    for name in names:
        latest = shares[shares["ally"] == name.get_text()].iloc[-1]
        assert name.xy == (latest["year"], latest["value"])
    boxes = [name.get_window_extent() for name in names]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["2% of GDP", "3.5% of GDP", "5% of GDP"]


def test_ticking_an_ally_leaves_the_legend_and_the_other_lines_as_drawn(table):
    explorer = AllyComparisonExplorer(table)
    japan = {id(explorer.chart.parts[key]["Japan"]) for key in ("lines", "names")}
    kept = [run for run in explorer.layers.runs if not japan & set(map(id, run[0]))]
    explorer.allies["Japan"].value = False
    assert not explorer.chart.parts["lines"]["Japan"].get_visible()
    assert set(map(id, kept)) <= set(map(id, explorer.layers.runs))
