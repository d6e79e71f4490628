"""Exercise set 03 (Trade and economic security): the trade balance on one basis, the tariff timeline,
the tariff calculator and Putnam's two-level game (win-sets, linkage, Level II constraints)."""

import pandas as pd

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, ItemsTask, NumberTask
from alliancelab.models import tariffs as tariff_model
from alliancelab.models import two_level_game as tlg


def _tariffs():
    return data.load("trade_tariffs")


def _surplus_change_2023_2025():
    balance = data.load("trade_balance")
    rows = balance[(balance["basis"] == tariff_model.JAPAN_BASIS) & (balance["period_type"] == "calendar year")]
    value = rows.set_index("year")["value"]
    return float(100 * (value[2025] / value[2023] - 1))


def _campaign_ceiling():
    tariffs = _tariffs()
    pledge = tariffs[(tariffs["partner"] == "all countries") & (tariffs["legal_basis"] == "campaign pledge")]
    return float(pledge["rate"].max())


def _groups_above_band():
    steps = tariff_model.japan_tariff_steps(_tariffs())
    return list(steps.loc[steps["rate"] > _campaign_ceiling(), "series"].unique())


def _car_rates():
    steps = tariff_model.japan_tariff_steps(_tariffs())
    cars = steps[steps["series"] == "Japanese cars"].sort_values("date")
    return float(cars["rate"].max()), float(cars["rate"].iloc[-1])


def _volume_recovery(elasticity=0.5):
    """Import volume the model recovers when the car tariff falls from its peak to its final rate."""
    peak, final = _car_rates()
    before = tariff_model.tariff_effect(peak, elasticity=elasticity, pass_through=1.0).volume_change
    after = tariff_model.tariff_effect(final, elasticity=elasticity, pass_through=1.0).volume_change
    return after - before


def _april_announcement():
    tariffs = _tariffs()
    row = tariffs[
        (tariffs["date"] == pd.Timestamp("2025-04-02"))
        & (tariffs["partner"] == "Japan")
        & (tariffs["legal_basis"] == "IEEPA")
    ]
    return float(row["rate"].item())


def _linkage_shift_to_deal():
    """Smallest downward shift (slider steps of 0.5) of a US win-set starting at the April 2025 rate after which
    the likely outcome (weight 0.5) with Japan's 0-20% win-set is the deal rate of 15%."""
    japan = tlg.win_set("Japan", 0, 20, prefers="low")
    us = tlg.win_set("United States", _april_announcement(), 30, prefers="high")
    steps = (0.5 * k for k in range(0, 101))
    return next(s for s in steps if tlg.likely_outcome(japan, tlg.shift(us, -s)) == 15)


register(
    NumberTask(
        "03.1",
        "Percent change in Japan's calendar-year goods surplus with the US (MOF basis) from 2023 to "
        "2025 (one decimal place).",
        hints=(
            "Keep only the rows with Japan's MOF basis AND period type 'calendar year': 2024 has two MOF "
            "rows (a fiscal-year and a calendar-year one).",
            "Percent change = 100 × (new / old − 1); a fall gives a negative number.",
        ),
        expected=_surplus_change_2023_2025,
        tolerance=0.05,
        unit="percent",
    ),
    ItemsTask(
        "03.2",
        "Which groups of Japanese goods had a rate in effect above the campaign's 10-20% band?",
        hints=(
            "In the top panel of the tariff figure, look for steps that rise above the shaded band.",
            "`trade.japan_tariff_steps(tariffs)` lists every step; compare its `rate` with the top of the "
            "band (the campaign-pledge upper bound in `tariffs`).",
        ),
        expected=_groups_above_band,
    ),
    NumberTask(
        "03.3",
        "At an elasticity of 0.5 (pass-through 1), how many percentage points of import volume does the model "
        "recover when the car tariff falls from its peak to its final rate (one decimal place)?",
        hints=(
            "Set the elasticity to 0.5 and pass-through to 1.0 first; then read the import-volume change at the "
            "car tariff's peak (April 2025) and at its rate after September 2025.",
            "The recovery is the later change minus the earlier one (a positive number); "
            "`tariff_model.tariff_effect(rate, elasticity=..., pass_through=...)` gives each change.",
            "A smaller elasticity means buyers react less to the price: expect a smaller recovery than the lesson's.",
        ),
        expected=_volume_recovery,
        tolerance=0.05,
        unit="percentage points",
    ),
    NumberTask(
        "03.4",
        "By how many points must the US win-set (from the April 2025 rate to 30%) shift down for the likely "
        "outcome with Japan's 0-20% (bargaining weight 0.5) to be the deal rate of 15%?",
        hints=(
            "Set Japan's range to 0-20, the US range to start at the rate announced for Japan on 2 April 2025 "
            "and end at 30, and the bargaining weight to 0.5.",
            "Move both ends of the US range down together, half a point at a time, and watch the likely outcome "
            "in the status line; `tlg.likely_outcome(japan, tlg.shift(us, -s))` checks a shift s.",
            "Once the ranges overlap, the likely outcome at weight 0.5 is the middle of the overlap: it keeps "
            "falling as the US range moves down.",
        ),
        expected=_linkage_shift_to_deal,
        tolerance=0,
        unit="percentage points",
    ),
    ChoiceTask(
        "03.5",
        "In Putnam's terms, what was the Supreme Court's IEEPA ruling of 20 February 2026?",
        hints=(
            "Level I is the bargaining between negotiators; Level II is what each side can get accepted "
            "(or lawfully do) at home.",
            "Re-read the last bullet of the lesson's 'Was the deal a win-set story?' debate.",
        ),
        options={
            "a": "A Level I concession by the US negotiators to Japan.",
            "b": "A Level II constraint on the US side: it narrowed the tariffs the US could lawfully impose.",
            "c": "Synergistic linkage: it tied tariffs to Japan's investment pledge.",
            "d": "Japan tying its hands: it shrank Japan's win-set.",
        },
        correct="b",
    ),
)
