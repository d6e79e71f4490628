"""Exercise set 01 (Context): hub-and-spoke versus latticework, the island-chain map and the network explorer."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, NumberTask, TableTask
from alliancelab.models import network as networks


def _ties():
    return data.load("alliance_ties")


def _hub_share_2017():
    return networks.hub_share(_ties(), 2017)


def _spoke_ties_per_year():
    ties = _ties()
    spokes = networks.spoke_links(ties, int(ties["year"].max()))
    return spokes.groupby("year").size().rename("spoke_ties").reset_index()


def _kadena_north_of_taipei():
    places = data.load("places")
    japan_bases = places[(places["kind"] == "us_base") & (places["country"] == "Japan")]
    taipei = places.loc[places["name"].str.startswith("Taipei"), "lat"].item()
    return float(japan_bases["lat"].min() - taipei)


def _first_year_hub_share_below_70_percent():
    ties = _ties()
    years = range(int(ties["year"].min()), int(ties["year"].max()) + 1)
    return next(year for year in years if networks.hub_share(ties, year) < 0.7)


register(
    NumberTask("01.1", "The hub share of the United States in 2017, computed with pandas (two decimal places).",
               hints=("Keep the ties signed in or before 2017 first: `ties[ties[\"year\"] <= 2017]`.",
                      "A tie involves the United States if it is in `country_a` OR in `country_b`; "
                      "divide the number of such rows by the number of rows kept.",
                      "You can check your number with `networks.hub_share(ties, 2017)`."),
               expected=_hub_share_2017, tolerance=0.005),
    TableTask("01.2", "A table of the spoke-to-spoke ties signed in each year (columns year, spoke_ties).",
              hints=("A spoke-to-spoke tie has 'United States' in neither `country_a` nor `country_b`; "
                     "`~` turns True into False in a condition.",
                     "Group the spoke-to-spoke rows by `year` and count them with `.size()`; "
                     "`.reset_index(name=\"spoke_ties\")` turns the result into a table with the two columns."),
              expected=_spoke_ties_per_year, columns=("year", "spoke_ties")),
    NumberTask("01.3", "How many degrees of latitude north of Taipei is the southernmost US base in Japan?",
               hints=("In Figure 2 the vertical axis is latitude: find the US base in Japan lowest on the chart.",
                      "In `places`, keep the rows with kind 'us_base' and country 'Japan' and take the smallest "
                      "`lat`; subtract Taipei's `lat`.",
                      "Round to one decimal place only at the end."),
               expected=_kadena_north_of_taipei, tolerance=0.05, unit="degrees of latitude"),
    NumberTask("01.4", "The first year in which the explorer shows a hub share below 70%.",
               hints=("Start at 1951 and move the slider forward one year at a time; watch the 'Hub share' in the "
                      "status line above the figure.",
                      "The share does not only fall: it can rise again when a new tie runs through the hub. "
                      "73% is not yet below 70%."),
               expected=_first_year_hub_share_below_70_percent, tolerance=0),
    ChoiceTask("01.5", "Why, on Cha's 'powerplay' argument, did the US build separate bilateral alliances in Asia?",
               hints=("Re-read the 'Theory: hub-and-spoke or latticework?' section of lesson 01.",
                      "Cha's point is about what Washington gained from the *shape* of the system, "
                      "not about what it lacked."),
               options={"a": "Asian allies asked for a multilateral pact, but the US Senate refused to ratify one.",
                        "b": "Bilateral treaties gave Washington control: it could restrain its allies as well "
                             "as defend them, and each ally depended on the hub.",
                        "c": "The US lacked the bases needed to defend a multilateral alliance in Asia.",
                        "d": "The Quad already offered the allies a multilateral forum."},
               correct="b"),
)
