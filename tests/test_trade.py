"""Lesson 03: the tariff model, the two-level-game model, the trade figures and the two explorers."""

import math

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from alliancelab import data
from alliancelab.errors import AllianceLabError
from alliancelab.models import tariffs
from alliancelab.models import two_level_game as tlg
from alliancelab.plotting import trade as plots
from alliancelab.widgets.trade import TariffCalculator, WinSetExplorer


@pytest.fixture(scope="module")
def tariff_table():
    return data.load("trade_tariffs")


@pytest.fixture(scope="module")
def balance():
    return data.load("trade_balance")


# --- tariff model ---------------------------------------------------------------------------------------


def test_price_change_is_rate_times_pass_through():
    assert tariffs.price_change(20, 0.5) == 10
    assert tariffs.price_change(15, 1) == 15
    assert tariffs.price_change(0, 0.7) == 0


def test_volume_change_uses_constant_elasticity():
    # (1.10) ** -2 - 1 = -0.17355...
    assert tariffs.volume_change(10, 2) == pytest.approx(-17.355, abs=1e-3)
    assert tariffs.volume_change(10, 0) == 0
    assert tariffs.volume_change(0, 3) == 0


def test_tariff_effect_combines_both_and_reports_what_the_exporter_absorbs():
    effect = tariffs.tariff_effect(25, 1, 0.6)
    assert effect.price_change == pytest.approx(15)
    assert effect.volume_change == pytest.approx((1.15**-1 - 1) * 100)
    assert effect.absorbed_by_exporter == pytest.approx(10)


def test_effect_curve_matches_point_results():
    rates, prices, volumes = tariffs.effect_curve(1.5, 0.8, max_rate=50, points=11)
    assert rates[0] == 0 and rates[-1] == 50 and len(rates) == 11
    assert prices[2] == pytest.approx(tariffs.price_change(10, 0.8))
    assert volumes[2] == pytest.approx(tariffs.volume_change(8, 1.5))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: tariffs.price_change(-5, 0.5), "tariff rate must be between 0 and 500"),
        (lambda: tariffs.price_change(float("nan"), 0.5), "must be a finite number"),
        (lambda: tariffs.price_change(math.inf, 0.5), "must be a finite number"),
        (lambda: tariffs.price_change("15%", 0.5), "must be a number, got '15%'"),
        (lambda: tariffs.price_change(True, 0.5), "must be a number"),
        (lambda: tariffs.price_change(15, 60), "pass-through share must be between 0 and 1"),
        (lambda: tariffs.tariff_effect(15, -2, 1), "write it as a positive number"),
        (lambda: tariffs.effect_curve(1, 1, points=1), "at least 2"),
    ],
)
def test_bad_tariff_inputs_say_what_to_fix(call, message):
    with pytest.raises(AllianceLabError) as err:
        call()
    assert message in str(err.value)


# --- two-level game -------------------------------------------------------------------------------------


@pytest.fixture
def sides():
    return tlg.win_set("Japan", 0, 20, "low"), tlg.win_set("United States", 10, 30, "high")


def test_overlap_and_no_overlap(sides):
    japan, us = sides
    assert tlg.overlap(japan, us) == (10, 20)
    assert tlg.overlap(tlg.win_set("Japan", 0, 8, "low"), us) is None
    assert tlg.overlap(tlg.win_set("Japan", 0, 10, "low"), us) == (10, 10)  # touching ends still agree


def test_ratifiable_by_each_side(sides):
    japan, us = sides
    assert tlg.verdicts(15, japan, us) == {"Japan": True, "United States": True}
    assert tlg.verdicts(25, japan, us) == {"Japan": False, "United States": True}
    assert tlg.ratifiable(20, japan) and not tlg.ratifiable(20.5, japan)


def test_likely_outcome_is_the_weighted_split_of_the_zone(sides):
    japan, us = sides
    assert tlg.likely_outcome(japan, us) == 15
    assert tlg.likely_outcome(japan, us, weight_a=1) == 10  # Japan gets its best point in the zone
    assert tlg.likely_outcome(japan, us, weight_a=0) == 20
    assert tlg.likely_outcome(japan, tlg.win_set("United States", 25, 30, "high")) is None


def test_tying_hands_moves_the_outcome_towards_the_constrained_side(sides):
    japan, us = sides
    tied = tlg.shrink(japan, 8)  # Japan's ceiling falls from 20 to 12
    assert (tied.low, tied.high) == (0, 12)
    assert tlg.likely_outcome(tied, us) == 11 < tlg.likely_outcome(japan, us)
    assert tlg.likely_outcome(tlg.shrink(japan, 15), us) is None  # tied too tightly: no deal
    assert tlg.shrink(us, 5).low == 15  # a side preferring 'high' gives up its low end


def test_linkage_shift_can_create_an_agreement():
    japan, us = tlg.win_set("Japan", 0, 12, "low"), tlg.win_set("United States", 15, 30, "high")
    assert tlg.likely_outcome(japan, us) is None
    linked = tlg.shift(us, -5)
    assert (linked.low, linked.high) == (10, 25)
    assert tlg.overlap(japan, linked) == (10, 12)


def test_describe_says_no_agreement_when_there_is_none():
    japan, us = tlg.win_set("Japan", 0, 8, "low"), tlg.win_set("United States", 10, 30, "high")
    assert tlg.describe(japan, us) == (
        "No agreement possible: Japan accepts at most 8%, but United States needs at least 10%."
    )


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: tlg.win_set("Japan", 20, 10, "low"), "the low end must not exceed the high end"),
        (lambda: tlg.win_set("Japan", 0, float("nan"), "low"), "must be a finite number"),
        (lambda: tlg.win_set("Japan", 0, 10, "down"), "prefers must be 'low' or 'high'"),
        (lambda: tlg.win_set("", 0, 10, "low"), "needs a name"),
        (lambda: tlg.shrink(tlg.win_set("Japan", 0, 10, "low"), 11), "shrink it by 0 to 10"),
        (
            lambda: tlg.likely_outcome(tlg.win_set("A", 0, 10, "low"), tlg.win_set("B", 5, 9, "low")),
            "both prefer the low end",
        ),
        (
            lambda: tlg.likely_outcome(tlg.win_set("A", 0, 10, "low"), tlg.win_set("B", 5, 9, "high"), 1.5),
            "between 0 and 1",
        ),
        (lambda: tlg.overlap((0, 10), (5, 9)), "Expected a win-set"),
    ],
)
def test_bad_win_set_inputs_say_what_to_fix(call, message):
    with pytest.raises(AllianceLabError) as err:
        call()
    assert message in str(err.value)


# --- figures --------------------------------------------------------------------------------------------


def test_trade_balance_keeps_the_two_bases_apart(balance):
    chart = plots.trade_balance(balance)
    left, right = chart.figure.axes
    assert left.get_title(loc="left") == "US-Japan goods trade balance, two statistical bases"
    assert "billion USD" in left.get_ylabel() and "trillion yen" in right.get_ylabel()
    us = plots.balance_series(balance, tariffs.US_BASIS, "calendar year")
    assert [t.get_text() for t in left.texts] == [f"{v:g}" for v in us["value"]]
    missing = plots.missing_years(balance, tariffs.US_BASIS)
    assert 2018 in missing and all(year not in missing for year in us["year"])
    gaps = plots._spans(missing)
    assert "2018" in gaps and f"no sourced figure for {gaps}" in chart.alt
    assert "data/trade_balance.csv" in chart.caption and f"US basis {gaps}" in chart.caption


def test_trade_balance_panels_hold_one_basis_each_and_labels_do_not_overlap(balance):
    chart = plots.trade_balance(balance)
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    left, right = chart.figure.axes
    jp = plots.balance_series(balance, plots.JAPAN_BASIS, "calendar year")
    assert [t.get_text() for t in right.texts] == [f"{v:g}" for v in jp["value"]]  # no fiscal years mixed in
    assert "FY2024" in chart.caption  # named, not plotted
    renderer = canvas.get_renderer()
    for axes in (left, right):
        boxes = [t.get_window_extent(renderer) for t in axes.texts]
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_tariff_steps_are_built_from_the_rows(tariff_table):
    steps = tariffs.japan_tariff_steps(tariff_table)
    cars = steps[steps["series"] == "Japanese cars"]["rate"].tolist()
    assert cars == [2.5, 27.5, 15.0]  # MFN, + Section 232, then the deal's all-in rate
    goods = steps[steps["series"] == "Most Japanese goods"]
    assert goods["rate"].tolist() == [10.0, 15.0, 15.0, 10.0]
    assert goods["legal_basis"].iloc[-1] == "Section 122"


def test_tariff_steps_say_whether_the_rate_includes_the_mfn_duty(tariff_table):
    steps = plots.japan_tariff_steps(tariff_table)
    goods = steps[steps["series"] == "Most Japanese goods"]
    on_top, all_in = "additional (on top of MFN)", plots.ALL_IN
    assert goods["rate_basis"].tolist() == [on_top, on_top, all_in, on_top]  # EO 14345 all-in; Section 122 on top
    cars = steps[steps["series"] == "Japanese cars"]["rate_basis"].tolist()
    assert cars == ["MFN duty itself", all_in, all_in]  # 27.5% = MFN + Section 232
    assert plots.basis_label(10, on_top) == "10% + MFN" and plots.basis_label(15, all_in) == "15% all-in"


def test_tariff_timeline_has_two_panels_and_alt_text_from_data(tariff_table):
    chart = plots.tariff_timeline(tariff_table)
    top, bottom = chart.figure.axes
    assert top.get_ylabel() == "Tariff rate on Japan (%)" and bottom.get_ylabel() == "Tariff rate on China (%)"
    peak = tariff_table[tariff_table["partner"] == "China"]["rate"].max()
    assert f"peaking at {peak:g}%" in chart.alt
    assert (
        "Japanese cars: 2.5% MFN (26 Mar 2025) then 27.5% all-in (03 Apr 2025) then 15% all-in (16 Sep 2025)"
        in chart.alt
    )
    assert "15% all-in (04 Sep 2025) then 10% + MFN (24 Feb 2026)" in chart.alt
    assert "24% on 02 Apr 2025" in chart.alt
    labels = [t for t in top.texts if "MFN" in t.get_text() or "all-in" in t.get_text()]
    assert [t.get_text() for t in labels] == ["10% + MFN", "15% + MFN", "15% all-in", "10% + MFN"]
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    boxes = [t.get_window_extent(canvas.get_renderer()) for t in labels]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert "not a flat 5-point cut" in chart.caption and "Sources disagree on the Section 122 rate" in chart.caption


def test_missing_row_gives_a_clear_error(tariff_table):
    with pytest.raises(AllianceLabError, match="exactly one row for 2025-09-16"):
        tariffs.japan_tariff_steps(tariff_table[tariff_table["date"] != "2025-09-16"])


def test_tariff_effect_chart_describes_the_chosen_point(tariff_table):
    marks = plots.japan_rate_marks(tariff_table)
    assert (15.0, "15%: goods, cars, announced") in marks
    chart = plots.tariff_effect(tariffs.tariff_effect(20, 2, 0.5), marks)
    axes = chart.figure.axes[0]
    assert axes.get_xlabel() == "Tariff rate (%)" and axes.get_ylabel() == "Change (%)"
    assert "price rises 10.0% and import volume changes by -17.4%" in chart.alt
    assert "27.5%" in chart.alt and chart.caption.startswith("Figure:")


def test_win_set_chart_shows_no_agreement_as_an_outcome():
    japan, us = tlg.win_set("Japan", 0, 8, "low"), tlg.win_set("United States", 10, 30, "high")
    chart = plots.win_sets(japan, us)
    assert "No agreement possible" in chart.alt
    assert any("No agreement possible" in t.get_text() for t in chart.figure.axes[0].texts if t.get_visible())


def test_win_set_chart_marks_each_sides_preferred_end_and_the_overlap():
    japan, us = tlg.win_set("Japan", 0, 20, "low"), tlg.win_set("United States", 10, 30, "high")
    chart = plots.win_sets(japan, us)
    chart.png()  # lays the figure out
    axes = chart.figure.axes[0]
    drawn_at = {
        t.get_text(): axes.transData.inverted().transform(t.get_window_extent().corners().mean(axis=0))[0]
        for t in axes.texts
        if t.get_visible()
    }  # the middle of each visible text, in data units
    outcome = drawn_at.pop("15%")
    assert drawn_at == pytest.approx({"<- prefers lower": 0, "prefers higher ->": 30, "10-20%": 15}, abs=0.01)
    assert 15 < outcome < 17  # the likely outcome's value just right of its star, the zone's range over its middle
    assert [t.get_text() for t in axes.get_legend().get_texts()] == [
        "Zone of possible agreement",
        "Likely outcome",
        "Japan would ratify",
        "United States would ratify",
    ]


def test_win_set_widget_keeps_its_legend_while_the_sliders_move(tariff_table):
    explorer = WinSetExplorer(tariff_table)
    legend = explorer.chart.figure.axes[0].get_legend()
    explorer.japan.value = (explorer.japan.value[0] + 1, explorer.japan.value[1])
    assert explorer.chart.figure.axes[0].get_legend() is legend


# --- widgets --------------------------------------------------------------------------------------------


def test_tariff_calculator_redraws_on_each_control(tariff_table):
    calc = TariffCalculator(tariff_table)
    assert "buyers pay <b>15.0%</b> more" in calc.status.value
    before = calc.image()
    calc.pass_through.value = 0.5
    assert "buyers pay <b>7.5%</b> more" in calc.status.value and "absorbs 7.5 percentage points" in calc.status.value
    assert calc.image() != before
    before = calc.image()
    calc.elasticity.value = 0
    assert "import volume changes by <b>0.0%</b>" in calc.status.value and calc.image() != before


def test_tariff_calculator_rejects_an_impossible_rate_and_keeps_the_figure(tariff_table):
    calc = TariffCalculator(tariff_table)
    before = calc.figure.value
    calc.rate.max = 1000
    calc.rate.value = 800
    assert "Not drawn:" in calc.status.value and "between 0 and 500" in calc.status.value
    assert calc.figure.value == before


def test_win_set_explorer_reports_overlap_then_no_agreement(tariff_table):
    explorer = WinSetExplorer(tariff_table)
    assert "Zone of possible agreement: 10% to 20%" in explorer.status.value
    assert "Japan: yes, United States: yes" in explorer.status.value
    before = explorer.image()
    explorer.japan.value = (0, 8)
    assert "No agreement possible" in explorer.status.value and "Not drawn" not in explorer.status.value
    assert explorer.image() != before
    explorer.weight.max = 2
    explorer.weight.value = 1.5
    assert "Not drawn:" in explorer.status.value and "between 0 and 1" in explorer.status.value


def test_static_views_get_a_summary(tariff_table):
    assert TariffCalculator(tariff_table).summary.startswith("Tariff calculator (a simple teaching model)")
    assert "Putnam" in WinSetExplorer(tariff_table).summary
