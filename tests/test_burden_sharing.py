"""Lesson 02: the burden-sharing models, their figures and the two explorers."""

import pytest

from alliancelab import data
from alliancelab.errors import AllianceLabError
from alliancelab.models import burden as bs
from alliancelab.models.burden import base_gdp
from alliancelab.plotting import burden as plots
from alliancelab.widgets.burden import BurdenCalculator, OlsonZeckhauserExplorer


@pytest.fixture(scope="module")
def defense():
    return data.load("defense_spending")


@pytest.fixture(scope="module")
def hns():
    return data.load("host_nation_support")


@pytest.fixture(scope="module")
def gdp():
    return data.load("gdp")


# --- the calculator model ---------------------------------------------------------------------------


def test_target_cost_is_share_times_gdp():
    assert bs.target_cost(566, 2) == pytest.approx(11.32)
    assert bs.target_cost(600, 3.5) == pytest.approx(21.0)
    assert bs.target_cost(566, 0) == 0


def test_gdp_grows_at_a_constant_rate():
    path = bs.project_gdp(100, 2022, 10, 2024)
    assert list(path.index) == [2022, 2023, 2024]
    assert list(path.round(6)) == [100, 110, 121]
    assert list(bs.project_gdp(100, 2022, 0, 2025)) == [100] * 4


def test_cost_path_with_current_or_fixed_denominator():
    current = bs.cost_path(100, 2022, 10, 2024, shares=[2, 5])
    assert list(current.columns) == ["gdp", 2.0, 5.0]
    assert current.loc[2024, 2.0] == pytest.approx(2.42)
    fixed = bs.cost_path(100, 2022, 10, 2024, shares=[2, 5], fixed_denominator=True)
    assert list(fixed[5.0]) == [5.0, 5.0, 5.0]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: bs.target_cost(-5, 2), "GDP must be greater than 0, got -5"),
        (lambda: bs.target_cost(566, 120), "The share of GDP must be between 0 and 100%, got 120%"),
        (lambda: bs.target_cost(float("nan"), 2), "GDP must be a finite number, got nan"),
        (lambda: bs.target_cost(566, float("inf")), "must be a finite number, got inf"),
        (lambda: bs.target_cost("566", 2), "GDP must be a number, got '566'"),
        (lambda: bs.target_cost(True, 2), "GDP must be a number, got True"),
        (lambda: bs.project_gdp(566, 2022, 50, 2030), "Nominal GDP growth must be between -20 and 20% a year"),
        (lambda: bs.project_gdp(566, 2022, 2, 2020), "The end year (2020) is before the base year (2022)"),
        (lambda: bs.project_gdp(566, 2022.5, 2, 2030), "The base year must be a whole year"),
        (lambda: bs.cost_path(566, 2022, 2, 2030, shares=[]), "Give at least one share of GDP"),
    ],
)
def test_calculator_rejects_bad_arguments_with_a_clear_message(call, message):
    with pytest.raises(AllianceLabError) as err:
        call()
    assert message in str(err.value)


# --- the Olson-Zeckhauser model ---------------------------------------------------------------------


def test_both_contribute_with_equal_private_spending():
    # a = 0.2, incomes 55 and 45: x = 0.8 * 100 / 1.8 = 44.44..., so q = 10.56 and 0.56
    eq = bs.nash_contributions(55, 45, 0.2)
    assert eq.contribution == pytest.approx((55 - 400 / 9, 45 - 400 / 9))
    assert eq.income[0] - eq.contribution[0] == pytest.approx(eq.income[1] - eq.contribution[1])
    assert eq.total == pytest.approx(0.2 * 100 / 1.8)
    assert eq.burden[0] > eq.burden[1]  # the larger ally pays a larger share of its income
    assert not eq.small_free_rides


def test_a_small_enough_ally_free_rides():
    eq = bs.nash_contributions(75, 25, 0.2)
    assert eq.contribution == (pytest.approx(15.0), 0.0)
    assert eq.small_free_rides and eq.share_of_total == (1.0, 0.0)
    assert eq.efficient_total == pytest.approx(20.0) and eq.total < eq.efficient_total


def test_equal_allies_pay_equal_shares():
    eq = bs.nash_contributions(50, 50, 0.3)
    assert eq.contribution[0] == pytest.approx(eq.contribution[1])
    assert eq.total == pytest.approx(0.3 * 100 / 1.7)


def test_a_more_exposed_small_ally_contributes():
    # a1 = 0.3, a2 = 0.6, incomes 80/20: D = 0.72, q1 = (24 - 0.7*12)/0.72, q2 = (12 - 0.4*24)/0.72
    eq = bs.nash_contributions(80, 20, 0.3, 0.6)
    assert eq.contribution == pytest.approx((15.6 / 0.72, 2.4 / 0.72))
    assert eq.burden[1] < eq.burden[0]
    assert bs.nash_contributions(75, 25, 0.3, 0.6).burden[1] > bs.nash_contributions(75, 25, 0.3, 0.6).burden[0]


def test_free_riding_threshold():
    assert bs.free_riding_threshold(0.2) == pytest.approx(0.8 / 1.8)
    assert bs.free_riding_threshold(0.3, 0.6) == pytest.approx(0.2 / 1.2)
    share = bs.free_riding_threshold(0.4)
    assert bs.nash_contributions(1 - share + 1e-6, share - 1e-6, 0.4).small_free_rides
    assert not bs.nash_contributions(1 - share - 1e-3, share + 1e-3, 0.4).small_free_rides


def test_burden_curve_columns_and_monotone_share():
    curve = bs.burden_curve(0.3, [0.1, 0.45, 0.5])
    assert list(curve.columns) == ["small_share", "burden_large", "burden_small", "share_large"]
    assert list(curve["share_large"].round(6)) == sorted(curve["share_large"].round(6), reverse=True)
    assert curve["share_large"].iloc[-1] == pytest.approx(0.5)


# --- the joint-product model (Sandler 1977; Sandler and Hartley 2001) -------------------------------


def test_equal_allies_with_private_benefits_match_the_closed_form():
    # symmetric: (1 - a)/(Y - q) = a(1 + s)/(2q)  =>  q = a(1 + s)Y / (2(1 - a) + a(1 + s)); a = 0.3, s = 0.4, Y = 50
    eq = bs.nash_contributions(50, 50, 0.3, private=0.4)
    assert eq.contribution == pytest.approx((0.42 * 50 / 1.82, 0.42 * 50 / 1.82))
    assert eq.private == 0.4


def test_private_benefits_end_free_riding():
    # at s = 0 the small ally (25% of income) free-rides; any private benefit makes it pay something
    assert bs.nash_contributions(75, 25, 0.2).small_free_rides
    for s in (0.01, 0.1, 0.5):
        eq = bs.nash_contributions(75, 25, 0.2, private=s)
        assert not eq.small_free_rides and eq.contribution[1] > 0
    assert bs.free_riding_threshold(0.2, private=0.1) == 0.0
    assert bs.free_riding_threshold(0.2) == pytest.approx(0.8 / 1.8)


def test_purely_private_defence_means_equal_burdens():
    # s = 1: each spends a * Y as if alone, so the "exploitation of the great by the small" disappears
    eq = bs.nash_contributions(75, 25, 0.2, private=1.0)
    assert eq.contribution == pytest.approx((15.0, 5.0))
    assert eq.burden == pytest.approx((0.2, 0.2))
    assert eq.efficient_total == pytest.approx(eq.total)  # nothing is shared, so nothing is under-provided


def test_the_small_allys_burden_rises_with_private_benefits():
    burdens = [bs.nash_contributions(75, 25, 0.3, private=s).burden[1] for s in (0, 0.2, 0.5, 0.8, 1.0)]
    assert burdens == sorted(burdens) and burdens[0] == 0 and burdens[-1] == pytest.approx(0.3)


def test_efficient_total_with_private_benefits():
    # the no-private limit tends to the public-good optimum (a1 + a2)/2 (Y1 + Y2); in between, Nash under-provides
    assert bs.nash_contributions(60, 40, 0.3, private=1e-9).efficient_total == pytest.approx(30.0, rel=1e-4)
    eq = bs.nash_contributions(60, 40, 0.3, private=0.5)
    assert eq.efficient_total == pytest.approx(30.49, rel=1e-3)  # a 3000 x 3000 grid search of summed utility
    assert eq.total < eq.efficient_total


def test_a_tiny_private_share_is_close_to_olson_zeckhauser():
    pure, joint = bs.nash_contributions(55, 45, 0.2), bs.nash_contributions(55, 45, 0.2, private=1e-9)
    assert joint.contribution == pytest.approx(pure.contribution, abs=1e-6)


def test_burden_curve_with_private_benefits():
    curve = bs.burden_curve(0.3, [0.1, 0.3, 0.5], private=1.0)
    assert list(curve["burden_small"].round(9)) == [0.3] * 3 and list(curve["burden_large"].round(9)) == [0.3] * 3


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: bs.nash_contributions(25, 75, 0.2),
            "The small ally's income (75) is larger than the large ally's (25); swap them",
        ),
        (lambda: bs.nash_contributions(75, 25, 1), "must be less than 1"),
        (lambda: bs.nash_contributions(75, 25, 0), "The weight on security must be greater than 0"),
        (lambda: bs.nash_contributions(75, 0, 0.2), "The small ally's income must be greater than 0"),
        (lambda: bs.nash_contributions(75, 25, 0.2, float("nan")), "must be a finite number"),
        (lambda: bs.burden_curve(0.3, [0.7]), "income share must be greater than 0 and at most 0.5, got 0.7"),
        (lambda: bs.burden_curve(0.3, []), "Give at least one income share"),
        (
            lambda: bs.nash_contributions(75, 25, 0.2, private=1.5),
            "The private share of defence's benefit must be between 0 and 1, got 1.5",
        ),
        (lambda: bs.nash_contributions(75, 25, 0.2, private=-0.1), "must be between 0 and 1"),
    ],
)
def test_olson_zeckhauser_rejects_bad_arguments(call, message):
    with pytest.raises(AllianceLabError) as err:
        call()
    assert message in str(err.value)


# --- figures ----------------------------------------------------------------------------------------


def test_hns_figure_reads_the_yen_rows(hns):
    chart = plots.host_nation_support(hns)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left").startswith("Japan's host-nation support")
    assert axes.get_xlabel().startswith("Japanese fiscal year") and axes.get_ylabel() == "Billion yen per year"
    total = hns[(hns["series"] == "agreement_total") & (hns["period"] == "FY2022-FY2026")]["value"].iloc[0]
    assert f"worth {total * 1000:,.1f} billion yen" in chart.alt
    assert "$8bn a year" in chart.alt and "data/host_nation_support.csv" in chart.caption
    assert chart.caption.startswith("Figure:")


def test_hns_periods_leave_out_dollar_rows(hns):
    periods = bs.hns_periods(hns)
    assert 2006 not in set(periods["start_fy"])
    row = periods[(periods["kind"] == "agreement total") & (periods["start_fy"] == 2016)].iloc[0]
    assert row.per_year == pytest.approx(946.5 / 5)


def test_budget_figure_has_one_line_per_basis(defense):
    chart = plots.defence_budget(defense)
    axes = chart.figure.axes[0]
    rows = bs.budget_rows(defense)
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert len(labels) == rows["basis"].nunique()
    assert sum(int(label.rsplit("(", 1)[1].rstrip(")")) for label in labels) == len(rows)
    last = rows.iloc[-1]
    assert f"{last.value:g} trillion yen in FY{last.year}" in chart.alt
    assert "not mixed into one series without a note" in chart.caption


def test_budget_rows_skip_percent_and_plan_rows(defense):
    rows = bs.budget_rows(defense)
    assert set(rows["unit"]) == {"trillion yen"} and set(rows["series"]) == {"budget_initial"}
    assert rows["year"].between(2012, 2026).all()


def test_us_asks_figure_lists_every_ask(defense):
    chart = plots.us_asks(defense)
    asks = defense[defense["series"] == "us_ask"]
    assert f"Dated chart of {len(asks)} US calls" in chart.alt
    for value in asks["value"]:
        assert f"{value:g}%" in chart.alt
    assert chart.figure.axes[0].get_ylabel() == "Defence spending (% of GDP)"


def test_calculator_figure_alt_follows_the_model(defense):
    chart = plots.cost_calculator(defense, 566, 2022, 0.0, 2.0, 2027, fixed_denominator=False)
    assert "2% of GDP costs 11.3 trillion yen in FY2022 and 11.3 in FY2027" in chart.alt
    grown = plots.cost_calculator(defense, 566, 2022, 5.0, 2.0, 2027)
    assert f"and {0.02 * 566 * 1.05**5:.1f} in FY2027" in grown.alt
    (label,) = grown.figure.axes[0].texts  # the chosen path's end, labelled where it is
    assert label.get_text() == f"FY2027: {0.02 * 566 * 1.05**5:.1f}"
    assert label.xy == pytest.approx((2027, 0.02 * 566 * 1.05**5))
    assert chart.figure.axes[0].get_title(loc="left") == "What 2% of GDP costs in yen, FY2022-FY2027"


def test_olson_zeckhauser_figure(defense):
    chart = plots.olson_zeckhauser(0.25, 0.3)
    assert "pays nothing whenever its income share is 41.2% or less" in chart.alt
    assert "the large ally pays 100% of the alliance's defence" in chart.alt
    assert plots.olson_zeckhauser(0.25, 0.3, 0.6).alt != chart.alt
    joint = plots.olson_zeckhauser(0.25, 0.3, 0.3, 0.5)
    assert "the small ally always pays something: no free-riding zone" in joint.alt
    assert "private share of defence's benefit 0.50 (joint products)" in joint.alt


def test_figures_reject_the_wrong_table(hns, defense):
    with pytest.raises(AllianceLabError, match="host_nation_support"):
        plots.host_nation_support(defense[["value"]])
    with pytest.raises(AllianceLabError, match="No us_ask rows"):
        plots.us_asks(defense[defense["series"] != "us_ask"])


# --- widgets ----------------------------------------------------------------------------------------


def test_base_gdp_comes_from_the_gdp_table(gdp):
    assert base_gdp(gdp) == gdp[(gdp["year"] == 2022) & (gdp["status"] == "estimate")]["value"].iloc[0]
    with pytest.raises(AllianceLabError, match="no estimate for FY1990"):
        base_gdp(gdp, 1990)


def test_calculator_redraws_on_each_control(defense, gdp):
    explorer = BurdenCalculator(defense, gdp)
    gdp22 = base_gdp(gdp)
    cost = 0.02 * gdp22 * 1.02**5
    assert f"= <b>{cost:.1f} trillion yen</b> in FY2027" in explorer.status.value
    for control, value in [
        (explorer.share, 3.5),
        (explorer.growth, 4.0),
        (explorer.year, 2033),
        (explorer.fixed, True),
    ]:
        before_png, before_status = explorer.image(), explorer.status.value
        control.value = value
        assert explorer.image() != before_png and explorer.status.value != before_status
    assert f"= <b>{0.035 * gdp22:.1f} trillion yen</b> in FY2033" in explorer.status.value


def test_calculator_share_leaves_the_reference_lines_as_drawn(defense, gdp):
    """The 2/3.5/5% lines do not depend on the chosen share, so a widget need not draw them again."""
    explorer = BurdenCalculator(defense, gdp)
    references = explorer.chart.parts["references"]

    def layers_of_references():
        return [run for run in explorer.layers.runs if any(line in run[0] for line in references)]

    before = layers_of_references()
    explorer.share.value = 3.0
    assert all(a is b for a, b in zip(layers_of_references(), before, strict=True))  # kept, not drawn again
    explorer.growth.value = 4.0  # a new GDP path moves them
    assert not any(a is b for a in layers_of_references() for b in before)


def test_calculator_bad_gdp_keeps_the_figure(defense, gdp):
    explorer = BurdenCalculator(defense, gdp)
    before = explorer.figure.value
    explorer.gdp.value = 0
    assert "Not drawn:" in explorer.status.value and "GDP must be greater than 0" in explorer.status.value
    assert explorer.figure.value == before
    explorer.gdp.value = 600
    assert "= <b>" in explorer.status.value and explorer.figure.value != before


def test_calculator_summary_for_static_views(defense, gdp):
    explorer = BurdenCalculator(defense, gdp)
    assert explorer.summary.startswith("Burden-sharing calculator:")
    assert f"{0.02 * base_gdp(gdp) * 1.02**5:.1f} trillion yen in FY2027" in explorer.summary


def test_olson_zeckhauser_explorer_follows_the_sliders():
    explorer = OlsonZeckhauserExplorer()
    assert "free rides" in explorer.status.value and "pays <b>100%</b>" in explorer.status.value
    before = explorer.image()
    explorer.weight_small.value = 0.6
    assert "free rides" not in explorer.status.value and "pays <b>67%</b>" in explorer.status.value
    assert explorer.image() != before
    explorer.weight_small.value = 0.3
    explorer.small_share.value = 0.5
    assert "Both spend the same share" in explorer.status.value
    assert explorer.summary.startswith("Olson-Zeckhauser explorer:")


def test_olson_zeckhauser_explorer_private_benefit_control():
    explorer = OlsonZeckhauserExplorer()
    before = explorer.image()
    explorer.private.value = 1.0
    assert "free rides" not in explorer.status.value and "Both spend the same share" in explorer.status.value
    assert "no ally gives nothing" in explorer.status.value and explorer.image() != before
    explorer.private.value = 0.3
    assert "pays <b>100%</b>" not in explorer.status.value and "larger share of its income" in explorer.status.value
