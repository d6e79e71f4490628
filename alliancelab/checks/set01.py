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


def _first_year_hub_share_below_70_percent():
    ties = _ties()
    years = range(int(ties["year"].min()), int(ties["year"].max()) + 1)
    return next(year for year in years if networks.hub_share(ties, year) < 0.7)


#: Task 3's options: what the latitude difference between Kadena and Taipei can and cannot show.
KADENA_OPTIONS = {
    "a": "Yes: a degree of latitude is about 111 km, so Kadena is about 140 km from Taiwan.",
    "b": "No: Kadena also lies about 6 degrees of longitude east of Taipei, so it is several hundred kilometres "
    "away; the latitude shows only that the southernmost US base in Japan sits at nearly Taiwan's latitude.",
    "c": "No: Kadena lies south of Taipei, so the difference should be negative.",
    "d": "Yes, and the distance is the same from every US base in Japan, since they share one island chain.",
}


register(
    NumberTask(
        "01.1",
        "The hub share of the United States in 2017, computed with pandas (two decimal places).",
        hints=(
            'Keep the ties signed in or before 2017 first: `ties[ties["year"] <= 2017]`.',
            "A tie involves the United States if it is in `country_a` OR in `country_b`; "
            "divide the number of such rows by the number of rows kept.",
            "You can check your number with `networks.hub_share(ties, 2017)`.",
        ),
        expected=_hub_share_2017,
        tolerance=0.005,
    ),
    TableTask(
        "01.2",
        "A table of the spoke-to-spoke ties signed in each year (columns year, spoke_ties).",
        hints=(
            "A spoke-to-spoke tie has 'United States' in neither `country_a` nor `country_b`; "
            "`~` turns True into False in a condition.",
            "Group the spoke-to-spoke rows by `year` and count them with `.size()`; "
            '`.reset_index(name="spoke_ties")` turns the result into a table with the two columns.',
        ),
        expected=_spoke_ties_per_year,
        columns=("year", "spoke_ties"),
    ),
    ChoiceTask(
        "01.3",
        "Does a latitude difference of about 1.3 degrees put Kadena about 140 km from Taiwan?",
        hints=(
            "Figure 2 has two axes: compare Kadena and Taipei from left to right as well as from bottom to top.",
            "In `places`, subtract the two `lon` values as well as the two `lat` values; east of Taipei, "
            "a degree of longitude is still about 100 km.",
        ),
        options=KADENA_OPTIONS,
        correct="b",
    ),
    NumberTask(
        "01.4",
        "The first year in which the explorer shows a hub share below 70%.",
        hints=(
            "Start at 1951 and move the slider forward one year at a time; watch the 'Hub share' in the "
            "status line above the figure.",
            "The share does not only fall: it can rise again when a new tie runs through the hub. "
            "73% is not yet below 70%.",
        ),
        expected=_first_year_hub_share_below_70_percent,
        tolerance=0,
    ),
    ChoiceTask(
        "01.5",
        "Why, on Cha's 'powerplay' argument, did the US build separate bilateral alliances in Asia?",
        hints=(
            "Re-read the 'Theory: hub-and-spoke or latticework?' section of lesson 01.",
            "Cha's point is about what Washington gained from the *shape* of the system, not about what it lacked.",
        ),
        options={
            "a": "Asian allies asked for a multilateral pact, but the US Senate refused to ratify one.",
            "b": "Bilateral treaties gave Washington control: it could restrain its allies as well "
            "as defend them, and each ally depended on the hub.",
            "c": "The US lacked the bases needed to defend a multilateral alliance in Asia.",
            "d": "The Quad already offered the allies a multilateral forum.",
        },
        correct="b",
    ),
)
