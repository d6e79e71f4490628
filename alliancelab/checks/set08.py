"""Exercise set 08 (Comparing allies under Trump 2.0): South Korea's cost-sharing deal, host-nation support per
US service member, the cost of closing a gap to a target, and what a comparison can show."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, NumberTask
from alliancelab.models import comparison as cmp


def _table():
    return cmp.comparison_table(
        data.load("ally_comparison"), data.load("defense_spending"), data.load("host_nation_support")
    )


def _value(ally, measure, year):
    table = data.load("ally_comparison")
    rows = table[(table["ally"] == ally) & (table["measure"] == measure) & (table["year"] == year)]
    return float(rows["value"].item())


def _sma_increase():
    """South Korea's 2026 contribution over its 2025 one, in % (ally_comparison, hns_annual rows)."""
    return 100 * (_value("South Korea", "hns_annual", 2026) / _value("South Korea", "hns_annual", 2025) - 1)


def _korea_per_member():
    rows = cmp.hns_per_member(_table(), ["South Korea"])
    return float(rows["usd_per_member"].item())


def _gap(ally, target):
    rows = cmp.gaps(_table(), target, [ally])
    return float(rows["gap"].item())


OPTIONS_4 = {
    "a": "Nothing: comparing several allies always shows what causes spending to rise.",
    "b": "Selection on the outcome: only allies that raised spending are compared, so the cases cannot show "
    "whether pressure made a difference (allies that were pressed and did not move are left out).",
    "c": "The comparison is most-similar: South Korea and Japan are too alike to compare.",
    "d": "Too few years: with ten years of data the conclusion would follow.",
}

register(
    NumberTask(
        "08.1",
        "By how many percent did South Korea's contribution rise from 2025 to 2026?",
        hints=(
            "The two `hns_annual` rows of South Korea in `allies` (the `ally_comparison` table) give "
            "the 2025 and 2026 amounts in trillion won.",
            "Percent increase = 100 x (2026 / 2025 - 1), rounded to one decimal place.",
        ),
        expected=_sma_increase,
        tolerance=0.05,
        unit="%",
    ),
    NumberTask(
        "08.2",
        "How many US dollars of host-nation support per US service member did South Korea pay in 2026?",
        hints=(
            "In the explorer, choose the measure 'Host-nation support per US service member': the label of each "
            "bar gives dollars per service member, the year and the troop count used.",
            "To confirm, you need the `hns_annual_usd` row (billion US dollars) and the `us_troops` row of South "
            "Korea; `cmp.hns_per_member(table, ['South Korea'])` does the division.",
            "Dollars, not billions: multiply the billions by 1e9 before dividing by the troops.",
        ),
        expected=_korea_per_member,
        tolerance=50,
        unit="US dollars",
    ),
    NumberTask(
        "08.3",
        "How many trillion won more would South Korea's 2025 defence budget need to reach 3.5% of GDP, GDP unchanged?",
        hints=(
            "GDP is implied: budget / share. The budget at 3.5% is budget x 3.5 / share.",
            "`cmp.gap_to_target(budget, share, 3.5)` with South Korea's 2025 `defence_budget` and "
            "`defence_share_gdp` rows.",
        ),
        expected=lambda: _gap("South Korea", 3.5),
        tolerance=0.05,
        unit="trillion won",
    ),
    ChoiceTask(
        "08.4",
        "What is wrong with the inference from a comparison of allies that all raised spending?",
        hints=(
            "Ask which cases are missing from the comparison, and whether the conclusion could change "
            "if they were included.",
            "The lesson's section on what a comparison can show names two design problems; one of them "
            "concerns how cases are chosen.",
        ),
        options=OPTIONS_4,
        correct="b",
    ),
    NumberTask(
        "08.5",
        "How many billion pesos more would the Philippines' 2026 defence budget need to reach 3.5% "
        "of GDP, GDP unchanged?",
        hints=(
            "Use the Philippines' 2026 `defence_budget` and `defence_share_gdp` rows.",
            "`cmp.gap_to_target(budget, share, 3.5)`; compare the answer with the budget itself.",
        ),
        expected=lambda: _gap("Philippines", 3.5),
        tolerance=0.5,
        unit="billion pesos",
    ),
)
