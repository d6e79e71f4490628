"""Exercise set 07 (Simulation: negotiating host-nation support): the 2021 round in numbers, the debrief figure and
linkage in the two-level game (the written task 4, marked by hand, plays the game against the scripted counterpart)."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import NumberTask
from alliancelab.models import negotiation as neg
from alliancelab.simulation import briefs

#: The lesson's demonstration mix (made up for the simulation, not the real split of the SMA).
DEMO_MIX = {"labour": 60, "utilities": 5, "facilities": 25, "training_relocation": 5, "new_categories": 5}
#: The lesson's demonstration agreement (round 3 of its made-up class log): total, pledge.
DEMO_DEAL = (258, 3.1)


def _totals_2021():
    """The 2021 positions on the annual total (`sma_talks`, rows with unit 'billion yen per year')."""
    talks = data.load("sma_talks")
    return talks[(talks["item"] == "total") & (talks["unit"] == "billion yen per year")]


def _share_granted():
    """Agreed increase over FY2021 as a % of the increase the US reportedly asked for."""
    hns = data.load("host_nation_support")
    fy2021 = hns.loc[(hns["period"] == "FY2021") & (hns["series"] == "annual_amount"), "value"].item()
    totals = _totals_2021()
    agreed = totals.loc[totals["side"] == "agreed", "value"].item()
    ask = totals.loc[totals["side"] == "United States", "value"].item()
    return 100 * (agreed - fy2021) / (ask - fy2021)


def _payoff_gap():
    verdict = neg.judge(neg.offer(DEMO_DEAL[0], DEMO_MIX, DEMO_DEAL[1]), briefs.japan_settings(), briefs.us_settings())
    return verdict.payoffs["Japan"] - verdict.payoffs["United States"]


def _linkage_gain():
    """Japan's payoff at its best linked package minus at its best unlinked one (pledge at the US minimum)."""
    japan, us = briefs.japan_settings(), briefs.us_settings()
    plain, linked = neg.zone(japan, us), neg.zone(japan, us, linkage=True)
    best_plain = neg.offer(plain["total"][0], DEMO_MIX, plain["pledge"][0])
    best_linked = neg.offer(linked["total"][0], DEMO_MIX, linked["pledge"][0], linkage=True)
    return neg.payoff(best_linked, japan) - neg.payoff(best_plain, japan)


register(
    NumberTask(
        "07.1",
        "What share of the increase the US reportedly asked for (over FY2021) did Japan agree to?",
        hints=(
            "You need three numbers: FY2021's annual amount (`hns`, period 'FY2021', series "
            "'annual_amount'), the agreed total and the US call (`talks`).",
            "Share = 100 x (agreed - FY2021) / (US call - FY2021), rounded to one decimal place.",
        ),
        expected=_share_granted,
        tolerance=0.05,
        unit="%",
    ),
    NumberTask(
        "07.2",
        "At the demonstration agreement, how many points more is it worth to Japan than to the US?",
        hints=(
            "In the right panel of the figure, look at round 3: Japan's solid line and the dotted line of "
            "Japan's offer to the United States meet the agreed package.",
            "Check with `neg.judge(package, japan, us).payoffs`, building the package with `neg.offer` "
            "from the round-3 total, the lesson's `mix` and the round-3 pledge.",
        ),
        expected=_payoff_gap,
        tolerance=1,
        unit="points",
    ),
    NumberTask(
        "07.3",
        "By how many points does linkage raise Japan's payoff from its best ratifiable deal?",
        hints=(
            "`neg.zone(japan, us)` and `neg.zone(japan, us, linkage=True)` give the zone of possible "
            "agreement; Japan's best deal is at the low end of both the total and the pledge.",
            "Score both packages with `neg.payoff(..., japan)` (use `linkage=True` in `neg.offer` for "
            "the linked one: its payoff already includes the linkage cost) and subtract.",
        ),
        expected=_linkage_gain,
        tolerance=0.05,
        unit="points",
    ),
)
