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


#: The US troop count in South Korea that Trump cited (note of the `us_troops` row of `ally_comparison`).
CITED_TROOPS = 40000


def _korea_per_member_cited():
    """South Korea's 2026 host-nation support per US service member with the troop count Trump cited."""
    row = cmp.hns_per_member(_table(), ["South Korea"])
    return float(row["hns_billion_usd"].item() * 1e9 / CITED_TROOPS)


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
        "South Korea's 2026 host-nation support per US service member, in US dollars, with the troop count "
        "Trump cited instead of the usual one?",
        hints=(
            "In the explorer, choose 'Host-nation support per US service member': South Korea's bar label gives "
            "dollars per service member and the troop count behind it.",
            "Dollars per member times that troop count is the yearly total; divide the total by the count Trump "
            "cited (in the note of South Korea's `us_troops` row of `allies`).",
            "More troops share the same total, so the figure per service member falls.",
        ),
        expected=_korea_per_member_cited,
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
