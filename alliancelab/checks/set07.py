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


def _linkage_gain_mid_zone():
    """Japan's payoff at the middle of the linked zone minus at the middle of the unlinked one (total and pledge)."""
    japan, us = briefs.japan_settings(), briefs.us_settings()

    def middle(linkage):
        found = neg.zone(japan, us, linkage=linkage)
        return neg.offer(sum(found["total"]) / 2, DEMO_MIX, sum(found["pledge"]) / 2, linkage=linkage)

    return neg.payoff(middle(True), japan) - neg.payoff(middle(False), japan)


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
        "By how many points does linkage raise Japan's payoff from a deal in the middle of the zone of possible "
        "agreement (total and pledge)?",
        hints=(
            "`neg.zone(japan, us)` and `neg.zone(japan, us, linkage=True)` give each zone as (low, high) on the "
            "total and on the pledge; the middle is the average of the two ends.",
            "Build each package with `neg.offer(total, mix, pledge)` (add `linkage=True` for the linked one: its "
            "payoff then includes the linkage cost), score both with `neg.payoff(..., japan)` and subtract.",
            "The gain is smaller than at the low end of the zones: the middle of the wider linked zone lies higher.",
        ),
        expected=_linkage_gain_mid_zone,
        tolerance=0.05,
        unit="points",
    ),
)
