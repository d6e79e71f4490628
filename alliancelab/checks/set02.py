"""Exercise set 02 (Burden sharing): budgets on one basis, host-nation support, the 2% target and its cost,
the burden-sharing calculator, the Olson-Zeckhauser model and Sandler's joint products."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, NumberTask
from alliancelab.models import burden as burden_sharing

INCLUDING = "including SACO/realignment costs"


def _budgets_including():
    rows = burden_sharing.budget_rows(data.load("defense_spending"))
    return rows[rows["basis"] == INCLUDING].sort_values("year")


def _growth_factor_one_basis():
    rows = _budgets_including()
    return float(rows["value"].iloc[-1] / rows["value"].iloc[0])


def _annual_level(start_fy):
    periods = burden_sharing.hns_periods(data.load("host_nation_support"))
    chosen = periods[(periods["kind"] == "annual level") & (periods["start_fy"] == start_fy)]
    return float(chosen["per_year"].item())


def _hns_rise_2011_to_2022():
    return _annual_level(2022) - _annual_level(2011)


def _calculator_gap():
    """FY2030 cost of 3.5% of GDP growing 2% a year, measured against FY2030 GDP minus against FY2022 GDP."""
    base = burden_sharing.base_gdp(data.load("gdp"))
    growing, frozen = (
        burden_sharing.cost_path(base, 2022, 2.0, 2030, [3.5], fixed).iloc[-1, -1] for fixed in (False, True)
    )
    return float(growing - frozen)


def _gap_35_to_fy2025():
    defense, gdp = data.load("defense_spending"), data.load("gdp")
    fy2025 = defense[(defense["fiscal_year"] == "FY2025") & (defense["series"] == "other")]["value"].sum()
    return burden_sharing.target_cost(burden_sharing.base_gdp(gdp), 3.5) - float(fy2025)


def _threshold_fall():
    """How far the free-riding threshold falls when the small ally's weight on security rises from 0.3 to 0.45."""
    return burden_sharing.free_riding_threshold(0.3) - burden_sharing.free_riding_threshold(0.3, 0.45)


def _joint_product_burden():
    """The small ally's spending (% of its income) with a private share of 0.3 (Sandler's joint products)."""
    return 100 * burden_sharing.nash_contributions(0.75, 0.25, 0.3, 0.3, private=0.3).burden[1]


register(
    NumberTask(
        "02.1",
        "Growth factor of the initial defence budget, first to last year on the "
        "'including SACO/realignment costs' basis (two decimal places).",
        hints=(
            "Keep only the rows of `defense` with series 'budget_initial' and that basis; "
            "there are several fiscal years, not all consecutive.",
            "Sort the rows by `fiscal_year`, then divide the last `value` by the first.",
            "A growth factor is a ratio such as 1.5 (one and a half times), not a percentage.",
        ),
        expected=_growth_factor_one_basis,
        tolerance=0.005,
    ),
    NumberTask(
        "02.2",
        "Rise in host-nation support from the FY2011-15 to the FY2022-26 agreement's annual level "
        "(billion yen a year, one decimal place).",
        hints=(
            "In Figure 1 the annual levels are the solid bars; read the FY2011-15 bar and the FY2022-26 bar.",
            "In `hns`, the two annual levels are the rows whose `unit` is 'billion yen per year'.",
            "Subtract the older level from the newer one; the answer is in billion yen, not trillion.",
        ),
        expected=_hns_rise_2011_to_2022,
        tolerance=0.05,
        unit="billion yen a year",
    ),
    ChoiceTask(
        "02.3",
        "How did the government reach '2% of GDP' in FY2025?",
        hints=(
            "Re-read the three points after the table of targets and shares in lesson 02.",
            "Ask three questions: which spending (defence or security-related)? which budgets? which year's GDP?",
        ),
        options={
            "a": "Defence ministry spending in the initial budget, divided by FY2025 GDP.",
            "b": "Security-related spending in the initial budget only, divided by FY2025 GDP.",
            "c": "Security-related spending in the initial and supplementary budgets, divided by FY2022 GDP.",
            "d": "All alliance-related costs, including host-nation support, divided by FY2024 GDP.",
        },
        correct="c",
    ),
    NumberTask(
        "02.4",
        "In the calculator, 3.5% of GDP growing 2% a year, horizon FY2030: how many trillion yen lower is the "
        "cost measured against FY2022 GDP than against FY2030 GDP (one decimal place)?",
        hints=(
            "Read the yen figure in the status line with the box unticked, then tick 'Measure against FY2022 GDP' "
            "and read it again; keep the share, growth and horizon the same.",
            "Subtract the ticked reading from the unticked one. To check, `burden_sharing.cost_path(...)` gives "
            "both: its last argument `fixed_denominator=True` measures every year against FY2022 GDP.",
            "The difference is positive: a growing GDP makes the same share of GDP cost more yen.",
        ),
        expected=_calculator_gap,
        tolerance=0.05,
        unit="trillion yen",
    ),
    NumberTask(
        "02.5",
        "How much more than FY2025 security-related spending (initial plus supplementary) would 3.5% "
        "of FY2022 GDP cost (trillion yen, one decimal place)?",
        hints=(
            "`burden_sharing.target_cost(gdp_value, share_pct)` gives the cost of a share of a GDP; "
            "`base_gdp(gdp)` gives FY2022 GDP.",
            "FY2025 security-related spending is in two rows of `defense` (series 'other', fiscal year "
            "FY2025): add them up.",
            "Subtract the spending from the cost, both in trillion yen.",
        ),
        expected=_gap_35_to_fy2025,
        tolerance=0.05,
        unit="trillion yen",
    ),
    NumberTask(
        "02.6",
        "By how much does the largest income share at which the small ally free rides fall when its weight on "
        "security rises from 0.30 to 0.45, the large ally's staying at 0.30 (two decimal places)?",
        hints=(
            "In the explorer, find the last income share at which the status line says the small ally free "
            "rides with both weights at 0.30; then raise only the small ally's weight and find it again.",
            "Each share is `burden_sharing.free_riding_threshold(weight, weight_small)`; subtract the second "
            "from the first.",
            "The answer is a difference of two income shares (between 0 and 1), not a percentage.",
        ),
        expected=_threshold_fall,
        tolerance=0.01,
    ),
    NumberTask(
        "02.8",
        "With both weights at 0.3, an income share of 0.25 and a private share of defence's benefit "
        "of 0.3, the small ally's defence spending as a percentage of its income (one decimal place).",
        hints=(
            "Set the four sliders of the explorer: income share 0.25, both weights 0.30, private share "
            "0.30; the status line gives each ally's spending as a share of its income.",
            "Or call `burden_sharing.nash_contributions(0.75, 0.25, 0.3, 0.3, private=0.3)` and read "
            "`.burden`: the second number is the small ally's, as a fraction (multiply by 100).",
            "At a private share of 0 the answer would be 0: the small ally free rides.",
        ),
        expected=_joint_product_burden,
        tolerance=0.05,
        unit="% of its income",
    ),
)
