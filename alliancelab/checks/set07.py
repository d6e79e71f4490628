"""Exercise set 07 (Simulation: negotiating host-nation support): the 2021 round in numbers, the debrief figure,
the negotiation game against the scripted counterpart, and linkage in the two-level game."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, NumberTask
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


def _ask_above_offer():
    totals = _totals_2021()
    ask = totals.loc[totals["side"] == "United States", "value"].item()
    return float(ask - totals.loc[totals["side"] == "Japan", "value"].max())


def _share_granted():
    """Agreed increase over FY2021 as a % of the increase the US reportedly asked for."""
    hns = data.load("host_nation_support")
    fy2021 = hns.loc[(hns["period"] == "FY2021") & (hns["series"] == "annual_amount"), "value"].item()
    totals = _totals_2021()
    agreed = totals.loc[totals["side"] == "agreed", "value"].item()
    ask = totals.loc[totals["side"] == "United States", "value"].item()
    return 100 * (agreed - fy2021) / (ask - fy2021)


def _payoff_gap():
    verdict = neg.judge(neg.offer(DEMO_DEAL[0], DEMO_MIX, DEMO_DEAL[1]), briefs.japan_settings(),
                        briefs.us_settings())
    return verdict.payoffs["Japan"] - verdict.payoffs["United States"]


def _round_within_ceiling():
    """First round in which the fixed-concession US offer is at or below Japan's ceiling on the total."""
    ceiling = neg.win_sets(briefs.japan_settings())[0].high
    counterpart = briefs.counterpart("us", "fixed")
    rounds = int(briefs.setting("rounds"))
    return next(r for r in range(1, rounds + 1) if neg.scripted_offer(counterpart, r).total <= ceiling)


OPTIONS_5 = {
    "a": "Both Level IIs ratify it: the deal is done at 250 billion yen a year and 3.0%.",
    "b": "Japan's Level II rejects it because of the utilities in the mix: an involuntary defection, so no deal.",
    "c": "The US Level II rejects it because the pledge is below its minimum: no deal.",
    "d": "Japan's Level II rejects it because the total is above Japan's ceiling: no deal.",
}


def _ratification_letter():
    """Which option describes what the two Level IIs do with the US offer of that round (from the model)."""
    offer = neg.scripted_offer(briefs.counterpart("us", "fixed"), _round_within_ceiling())
    japan_no, us_no = neg.problems(offer, briefs.japan_settings()), neg.problems(offer, briefs.us_settings())
    if not japan_no and not us_no:
        return "a"
    if us_no and not japan_no:
        return "c"
    if japan_no and not us_no and all("utilities" in p for p in japan_no):
        return "b"
    return "d"


def _linkage_gain():
    """Japan's payoff at its best linked package minus at its best unlinked one (pledge at the US minimum)."""
    japan, us = briefs.japan_settings(), briefs.us_settings()
    plain, linked = neg.zone(japan, us), neg.zone(japan, us, linkage=True)
    best_plain = neg.offer(plain["total"][0], DEMO_MIX, plain["pledge"][0])
    best_linked = neg.offer(linked["total"][0], DEMO_MIX, linked["pledge"][0], linkage=True)
    return neg.payoff(best_linked, japan) - neg.payoff(best_plain, japan)


register(
    NumberTask("07.1", "How many billion yen a year was the reported US call above the top of Japan's 2021 offer?",
               hints=("Look at the rows of `talks` whose `item` is 'total' and whose unit is billion yen per year: "
                      "one for the United States, two for Japan.",
                      "Take the US value and subtract the larger of Japan's two values."),
               expected=_ask_above_offer, tolerance=0, unit="billion yen a year"),
    NumberTask("07.2", "What share of the increase the US reportedly asked for (over FY2021) did Japan agree to?",
               hints=("You need three numbers: FY2021's annual amount (`hns`, period 'FY2021', series "
                      "'annual_amount'), the agreed total and the US call (`talks`).",
                      "Share = 100 x (agreed - FY2021) / (US call - FY2021), rounded to one decimal place."),
               expected=_share_granted, tolerance=0.05, unit="%"),
    NumberTask("07.3", "At the demonstration agreement, how many points more is it worth to Japan than to the US?",
               hints=("In the right panel of the figure, look at round 3: Japan's solid line and the dotted line of "
                      "Japan's offer to the United States meet the agreed package.",
                      "Check with `neg.judge(package, japan, us).payoffs`, building the package with `neg.offer` "
                      "from the round-3 total, the lesson's `mix` and the round-3 pledge."),
               expected=_payoff_gap, tolerance=1, unit="points"),
    NumberTask("07.4", "In which round is the fixed-concession US offer first at or below Japan's ceiling?",
               hints=("Japan's ceiling on the total is the right edge of Japan's win-set: "
                      "`neg.win_sets(japan)[0].high`.",
                      "`neg.scripted_offer(briefs.counterpart(\"us\", \"fixed\"), r).total` is the US offer in round "
                      "r; try r = 1, 2, 3, ... (it moves a quarter of the way to the US floor each round)."),
               expected=_round_within_ceiling, tolerance=0, unit="round number"),
    ChoiceTask("07.5", "What happens when Japan accepts the US offer of that round?",
               hints=("Read the first line of the status after pressing *Accept their offer*: it names the side "
                      "that would not ratify and the reason.",
                      "`neg.problems(offer, japan)` and `neg.problems(offer, us)` list what each Level II objects "
                      "to; `offer.amount(\"utilities\")` gives the yen amount of one category."),
               options=OPTIONS_5, correct=_ratification_letter()),
    NumberTask("07.6", "By how many points does linkage raise Japan's payoff from its best ratifiable deal?",
               hints=("`neg.zone(japan, us)` and `neg.zone(japan, us, linkage=True)` give the zone of possible "
                      "agreement; Japan's best deal is at the low end of both the total and the pledge.",
                      "Score both packages with `neg.payoff(..., japan)` (use `linkage=True` in `neg.offer` for "
                      "the linked one: its payoff already includes the linkage cost) and subtract."),
               expected=_linkage_gain, tolerance=0.05, unit="points"),
)
