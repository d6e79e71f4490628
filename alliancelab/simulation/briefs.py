"""The negotiation simulation's briefs: sourced facts, each delegation's private brief, each side's settings.

Every number a brief states is either a **fact**, read from one row of a table in ``data/`` (the row is named
next to it), or a **game setting**, labelled as such with the rule that makes it from the facts. Brief texts
never contain a number of their own: they name facts as ``{fact:KEY}`` and settings as ``{setting:KEY}``, and
:func:`render` fills them in. :func:`check_facts` confirms every fact against its row.
"""

import re
from dataclasses import dataclass

from alliancelab.errors import AllianceLabError
from alliancelab.models import negotiation as neg


@dataclass(frozen=True)
class Fact:
    """A number from one row of a data table: ``where`` selects exactly one row, ``column`` holds the value."""

    table: str
    where: tuple
    value: float
    unit: str
    column: str = "value"

    def citation(self) -> str:
        keys = ", ".join(f"{column}={value}" for column, value in self.where)
        return f"`{self.table}`: {keys}"

    def text(self) -> str:
        if self.column == "end_fy":
            return f"FY{self.value:.0f}"
        return f"{self.value:,g} {self.unit}".replace("% of GDP", "%").replace(" %", "%")


HNS, DEF, TALKS = "host_nation_support", "defense_spending", "sma_talks"
FACTS = {
    "sma_annual": Fact(HNS, (("period", "FY2022-FY2026"), ("series", "annual_amount")), 211, "billion yen a year"),
    "sma_total": Fact(HNS, (("period", "FY2022-FY2026"), ("series", "agreement_total")), 1.0551, "trillion yen"),
    "sma_last_year": Fact(HNS, (("period", "FY2022-FY2026"), ("series", "agreement_total")), 2026, "", "end_fy"),
    "hns_fy2021": Fact(HNS, (("period", "FY2021"), ("series", "annual_amount")), 201.7, "billion yen"),
    "training_equipment": Fact(
        HNS, (("period", "FY2022-FY2026"), ("series", "other")), 20, "billion yen over five years"
    ),
    "ask_2019_usd": Fact(HNS, (("series", "us_demand"), ("date_reported", "2019-11-16")), 8, "billion dollars a year"),
    "ask_2019_times": Fact(
        HNS, (("series", "us_demand"), ("unit", "times current payment")), 4, "times the current payment"
    ),
    "offer_2021_low": Fact(
        TALKS,
        (
            ("side", "Japan"),
            ("measure", "Japan's proposal in the working-level talks (Nikkei): annual host-nation support, low end"),
        ),
        210,
        "billion yen a year",
    ),
    "offer_2021_high": Fact(
        TALKS,
        (
            ("side", "Japan"),
            ("measure", "Japan's proposal in the working-level talks (Nikkei): annual host-nation support, high end"),
        ),
        220,
        "billion yen a year",
    ),
    "ask_2021": Fact(TALKS, (("side", "United States"), ("item", "total")), 250, "billion yen a year"),
    "agreed_2021": Fact(
        TALKS, (("side", "agreed"), ("item", "total"), ("unit", "billion yen per year")), 211, "billion yen a year"
    ),
    "workers": Fact(TALKS, (("item", "labour"),), 23178, "base workers"),
    "utilities_fy2022": Fact(
        TALKS, (("item", "utilities"), ("measure", "utilities costs Japan bears in JFY2022")), 23.4, "billion yen"
    ),
    "utilities_fy2025": Fact(
        TALKS, (("item", "utilities"), ("measure", "utilities costs Japan bears in JFY2025")), 13.3, "billion yen"
    ),
    "defence_fy2026": Fact(DEF, (("fiscal_year", "FY2026"), ("series", "budget_initial")), 9.04, "trillion yen"),
    "budget_fy2026": Fact(DEF, (("fiscal_year", "FY2026"), ("series", "other")), 122.31, "trillion yen"),
    "target_2pct": Fact(DEF, (("fiscal_year", "FY2027"), ("series", "target")), 2, "% of GDP"),
    "reached_2pct": Fact(
        DEF, (("fiscal_year", "FY2025"), ("basis", "initial plus supplementary budgets")), 2.0, "% of GDP"
    ),
    "colby_3": Fact(DEF, (("series", "us_ask"), ("date_reported", "2025-03-05")), 3, "% of GDP"),
    "colby_35": Fact(DEF, (("series", "us_ask"), ("date_reported", "2025-06-21")), 3.5, "% of GDP"),
    "nds_5": Fact(DEF, (("series", "us_ask"), ("date_reported", "2026-01-27")), 5, "% of GDP"),
    "investment_550": Fact("investment", (("date", "2025-07-23"),), 550, "billion dollars"),
    "korea_2026": Fact(HNS, (("period", "2026 (South Korea, comparison)"),), 8.3, "%"),
}


def fact(key: str) -> Fact:
    if key not in FACTS:
        raise AllianceLabError(f"Unknown fact {key!r}. Known facts: {', '.join(FACTS)}.")
    return FACTS[key]


def v(key: str) -> float:
    return fact(key).value


#: Game settings: (value, unit, the rule that makes it). Change them to run a harder or easier game.
FINANCE_HEADROOM = 0.25  # the most the Finance Ministry will take to the Diet: a quarter above the current SMA
SETTINGS = {
    "japan_ceiling": (
        round(v("sma_annual") * (1 + FINANCE_HEADROOM)),
        "billion yen a year",
        "the current SMA average plus a quarter (the most the Finance Ministry will take to the Diet)",
    ),
    "japan_pledge_limit": (v("colby_35"), "% of GDP", "no pledge beyond the private US request"),
    "japan_linkage_penalty": (10.0, "points", "MOFA's cost of tying troop money to trade"),
    "us_ideal": (
        v("ask_2019_times") * v("sma_annual"),
        "billion yen a year",
        "the 2019 ask: four times the current payment",
    ),
    "us_floor": (v("ask_2021"), "billion yen a year", "no less than the US asked in 2021"),
    "us_pledge_floor": (v("colby_3"), "% of GDP", "Colby's public 'at least 3%'"),
    "us_linkage_shift": (-30.0, "billion yen a year", "the floor falls this much if the investment deal is linked"),
    "rounds": (6, "rounds", "talks from autumn 2026 to the expiry of the SMA"),
}


def setting(key: str) -> float:
    return _setting(key)[0]


def _setting(key: str) -> tuple:
    """(value, unit, rule) of a game setting."""
    if key not in SETTINGS:
        raise AllianceLabError(f"Unknown game setting {key!r}. Known settings: {', '.join(SETTINGS)}.")
    return SETTINGS[key]


def japan_settings() -> neg.Settings:
    """Japan's Level II: the Finance Ministry's ceiling and the Diet, MOD's pledge limit, no utilities increase."""
    return neg.settings(
        "Japan",
        total_ideal=v("sma_annual"),
        total_red_line=setting("japan_ceiling"),
        pledge_ideal=v("target_2pct"),
        pledge_red_line=setting("japan_pledge_limit"),
        weights={"total": 0.5, "pledge": 0.3, "mix": 0.2},
        mix_prefers=("facilities", "training_relocation", "new_categories"),
        caps={"utilities": v("utilities_fy2022")},
        linkage_penalty=setting("japan_linkage_penalty"),
    )


def us_settings() -> neg.Settings:
    """The US Level II: the President's and Congress's floor on the total and on Japan's pledge."""
    return neg.settings(
        "United States",
        total_ideal=setting("us_ideal"),
        total_red_line=setting("us_floor"),
        pledge_ideal=v("nds_5"),
        pledge_red_line=setting("us_pledge_floor"),
        weights={"total": 0.5, "pledge": 0.4, "mix": 0.1},
        mix_prefers=("labour", "utilities"),
        linkage_shift=setting("us_linkage_shift"),
    )


def settings_for(side: str) -> neg.Settings:
    return {"japan": japan_settings, "us": us_settings}[check_team(side)]()


#: Opening packages of the scripted counterparts (game settings; the mixes are not the actual split of the SMA,
#: which the data give only for utilities and the training-equipment ceiling).
def opening(side: str) -> neg.Offer:
    if check_team(side) == "japan":
        return neg.offer(
            v("sma_annual"),
            {"labour": 60, "utilities": 10, "facilities": 20, "training_relocation": 5, "new_categories": 5},
            v("target_2pct"),
        )
    return neg.offer(
        setting("us_ideal"), {"labour": 70, "utilities": 15, "facilities": 10, "training_relocation": 5}, v("nds_5")
    )


def counterpart(side: str, strategy: str = "fixed", step=0.25) -> neg.Script:
    """The scripted counterpart playing ``side`` ("japan" or "us")."""
    return neg.script(settings_for(side), opening(side), strategy, step)


def check_team(side: str) -> str:
    """``side`` if it names a team ("japan" or "us"), else a clear error."""
    if side not in neg.SIDES:
        raise AllianceLabError(f"Unknown team {side!r}: use 'japan' or 'us'.")
    return side


@dataclass(frozen=True)
class Delegation:
    """One delegation's private brief: who they are, their interests, constraints and red lines."""

    team: str
    key: str
    name: str
    role: str
    interests: tuple
    constraints: tuple
    red_lines: tuple


TEAMS = {"japan": "Japan", "us": "United States"}
DELEGATIONS = (
    Delegation(
        "japan",
        "mofa",
        "Ministry of Foreign Affairs (MOFA)",
        "Lead negotiator; signs the agreement.",
        (
            "Keep the alliance stable: the current agreement ({fact:sma_total} over five years, "
            "{fact:sma_annual}) ends with {fact:sma_last_year}.",
            "Last time Japan offered {fact:offer_2021_low} to {fact:offer_2021_high} and settled at {fact:agreed_2021} "
            "against a US call of {fact:ask_2021}. A similar result would count as a success.",
            "Keep troop money apart from trade: linking it to the {fact:investment_550} investment deal costs you "
            "{setting:japan_linkage_penalty}.",
        ),
        ("You need the Finance Ministry's agreement on the total and MOD's on the pledge before you can sign.",),
        ("No agreement that the Diet would not ratify.",),
    ),
    Delegation(
        "japan",
        "mod",
        "Ministry of Defense (MOD)",
        "Runs the bases' support and Japan's defence build-up.",
        (
            "Move money from the old 'sympathy budget' items towards joint readiness: facilities, training relocation "
            "and new categories such as training equipment (up to {fact:training_equipment} in the current agreement).",
            "Japan's defence budget for FY2026 is {fact:defence_fy2026}; security spending reached {fact:reached_2pct} "
            "of GDP in FY2025 (the goal was {fact:target_2pct}).",
        ),
        ("Every yen promised above the goal competes with the build-up already planned.",),
        ("No pledge above {setting:japan_pledge_limit} of GDP.",),
    ),
    Delegation(
        "japan",
        "mof",
        "Ministry of Finance (MOF)",
        "Your Level II: you decide what goes to the Diet.",
        (
            "The FY2026 national budget is {fact:budget_fy2026}; every extra billion for US forces must be found in "
            "it.",
            "Utilities are the hardest item to defend in public: the current agreement brings them down from "
            "{fact:utilities_fy2022} (JFY2022) to {fact:utilities_fy2025} (JFY2025).",
        ),
        ("The Diet will not ratify more than {setting:japan_ceiling} in total.",),
        ("Total at most {setting:japan_ceiling}.", "Utilities never above {fact:utilities_fy2022} a year."),
    ),
    Delegation(
        "us",
        "state",
        "Department of State",
        "Lead negotiator; wants a deal that keeps allies close.",
        (
            "Conclude before Japan's agreement ends with {fact:sma_last_year}; a lapse would be a gift to rivals.",
            "Seoul has already agreed to raise its contribution by {fact:korea_2026} for 2026: a benchmark.",
            "Japan's {fact:investment_550} investment pledge is a win the President can count: linking it moves "
            "your floor by {setting:us_linkage_shift}.",
        ),
        ("The President must be able to sell the deal; Congress watches the total.",),
        ("No deal that the President would reject.",),
    ),
    Delegation(
        "us",
        "defense",
        "Department of Defense",
        "Pays for US forces in Japan; your Level II is the President and Congress.",
        (
            "In 2019 the White House asked for {fact:ask_2019_usd}, about {fact:ask_2019_times}: {setting:us_ideal} "
            "would be the dream.",
            "Labour and utilities are direct savings for the US budget: Japan funds {fact:workers} today.",
            "Washington has asked Japan for at least {fact:colby_3} of GDP, privately {fact:colby_35}, and the 2026 "
            "Defense Strategy calls {fact:nds_5} the new standard.",
        ),
        ("Congress and the President will not accept less than {setting:us_floor} in total (before any linkage).",),
        ("Total at least {setting:us_floor}.", "Japan's pledge at least {setting:us_pledge_floor} of GDP."),
    ),
    Delegation(
        "us",
        "white_house",
        "The White House",
        "The President's staff: the President signs off on the deal and must be able to sell it at home.",
        (
            "A number the President can announce: Japan's {fact:investment_550} investment pledge is already counted "
            "as a win, and linking it moves the floor by {setting:us_linkage_shift}.",
            "In 2019 the White House asked for {fact:ask_2019_usd}, about {fact:ask_2019_times}; Seoul has since "
            "agreed to raise its contribution by {fact:korea_2026} for 2026, a benchmark for Tokyo.",
            "The 2026 Defense Strategy calls {fact:nds_5} of GDP the new standard: a higher pledge is a headline too.",
        ),
        ("State and Defense negotiate; nothing is final until the President approves it.",),
        (
            "Total at least {setting:us_floor}: the President must be able to call it a rise.",
            "Japan's pledge at least {setting:us_pledge_floor} of GDP.",
        ),
    ),
)

#: How each team's payoff runs from 0 (red line) to 100 (best value), in the team's own brief.
SCORING = {
    "japan": "Best total {fact:sma_annual}, red line {setting:japan_ceiling}; best pledge {fact:target_2pct}, "
    "red line {setting:japan_pledge_limit}.",
    "us": "Best total {setting:us_ideal}, red line {setting:us_floor}; best pledge {fact:nds_5}, red line "
    "{setting:us_pledge_floor}.",
}

PLACEHOLDER = re.compile(r"\{(fact|setting):([a-z0-9_]+)\}")


def render(text: str, cite: bool = True) -> str:
    """Fill in ``{fact:KEY}`` and ``{setting:KEY}``; facts name their row, settings say they are settings."""

    def fill(match):
        kind, key = match.groups()
        if kind == "fact":
            item = fact(key)
            return f"{item.text()} ({item.citation()})" if cite else item.text()
        value, unit, rule = _setting(key)
        shown = f"{value:,g}%" if unit == "% of GDP" else f"{value:,g} {unit}"
        return f"{shown} (game setting: {rule})" if cite else shown

    return PLACEHOLDER.sub(fill, text)


def delegations(team: str | None = None) -> list[Delegation]:
    return [d for d in DELEGATIONS if team is None or d.team == check_team(team)]


def check_facts(load=None) -> list[str]:
    """Check every fact against its row; return one line per fact, or raise if a row is missing or differs."""
    if load is None:
        from alliancelab import data

        load = data.load
    tables, lines = {}, []
    for key, item in FACTS.items():
        if item.table not in tables:
            tables[item.table] = load(item.table)
        chosen = tables[item.table]
        for column, value in item.where:
            chosen = chosen[chosen[column].astype(str) == str(value)]
        if len(chosen) != 1:
            raise AllianceLabError(
                f"Fact {key!r} should match exactly one row of {item.table} ({item.citation()}), found {len(chosen)}."
            )
        found = float(chosen[item.column].iloc[0])
        if abs(found - item.value) > 1e-9:
            raise AllianceLabError(f"Fact {key!r} says {item.value:g} but {item.table} has {found:g}.")
        lines.append(f"{key}: {item.text()} — {item.citation()}, {chosen['source_title'].iloc[0]}")
    return lines
