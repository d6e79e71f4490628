"""Alliance networks: the model on a hand-made table, the figures, and the explorer widget."""

import math

import pandas as pd
import pytest

from alliancelab import data
from alliancelab.errors import AllianceLabError
from alliancelab.models import network as networks
from alliancelab.plotting import network as network_plot
from alliancelab.widgets.network import AllianceNetworkExplorer

US = "United States"


@pytest.fixture
def toy():
    """Five ties whose numbers are easy to compute by hand (A, B, C are the spokes)."""
    return pd.DataFrame(
        {
            "year": [1950, 1950, 1960, 1970, 1970, 1980],
            "country_a": [US, US, "A", "A", US, US],
            "country_b": ["A", "B", "B", "C", "C", "A"],
            "kind": ["treaty alliance", "treaty alliance", "security declaration", "quad", "quad", "trilateral"],
            "title": ["t1", "t2", "t3", "t4", "t5", "t6"],
            "source_url": ["https://example.org"] * 6,
        }
    )


@pytest.fixture(scope="module")
def ties():
    return data.load("alliance_ties")


@pytest.fixture(scope="module")
def places():
    return data.load("places")


# --- model -------------------------------------------------------------------------------------


def test_ties_until_keeps_ties_signed_in_or_before_the_year(toy):
    assert len(networks.ties_until(toy, 1949)) == 0
    assert len(networks.ties_until(toy, 1950)) == 2
    assert len(networks.ties_until(toy, 1969)) == 3


def test_ties_until_with_countries_keeps_ties_among_them_only(toy):
    kept = networks.ties_until(toy, 1980, countries=["A", "B", "C"])
    assert kept["title"].tolist() == ["t3", "t4"]


def test_hub_share_by_hand(toy):
    assert networks.hub_share(toy, 1955) == 1.0
    assert networks.hub_share(toy, 1965) == pytest.approx(2 / 3)
    assert networks.hub_share(toy, 1970) == pytest.approx(3 / 5)
    assert networks.hub_share(toy, 1970, hub="B") == pytest.approx(2 / 5)  # US-B and A-B


def test_hub_and_spoke_links_split_the_ties(toy):
    assert networks.spoke_links(toy, 1970)["title"].tolist() == ["t3", "t4"]
    assert networks.hub_links(toy, 1970)["title"].tolist() == ["t1", "t2", "t5"]


def test_pairs_count_several_ties_between_the_same_countries_once(toy):
    linked = networks.pairs(toy, 1980)
    assert len(linked) == 5
    row = linked[(linked["a"] == "A") & (linked["b"] == US)]
    assert row["ties"].item() == 2


def test_degree_and_density_by_hand(toy):
    partners = networks.degree(toy, 1970)
    assert partners.to_dict() == {"A": 3, US: 3, "B": 2, "C": 2}
    assert networks.density(toy, 1970) == pytest.approx(5 / 6)  # 5 of the 6 possible pairs among 4 countries
    assert networks.density(toy, 1950) == pytest.approx(2 / 3)  # US-A, US-B of 3 possible pairs
    assert networks.density(toy, 1970, countries=["A", "B", "C"]) == pytest.approx(2 / 3)


def test_summary_collects_the_numbers(toy):
    assert networks.summary(toy, 1970) == {
        "year": 1970,
        "hub": US,
        "ties": 5,
        "hub_ties": 3,
        "spoke_ties": 2,
        "hub_share": pytest.approx(0.6),
        "countries": 4,
        "density": pytest.approx(5 / 6),
    }


@pytest.mark.parametrize(
    "year, message",
    [
        ("2017", "whole number"),
        (True, "whole number"),
        (2017.5, "whole number"),
        (math.nan, "finite"),
        (math.inf, "finite"),
        (1800, "between 1900 and 2100"),
    ],
)
def test_bad_years_are_refused_with_a_reason(toy, year, message):
    with pytest.raises(AllianceLabError, match=message):
        networks.ties_until(toy, year)


def test_a_float_year_that_is_whole_is_accepted(toy):
    assert networks.check_year(1970.0) == 1970


def test_unknown_hub_lists_the_known_countries(toy):
    with pytest.raises(AllianceLabError, match="Unknown hub 'China'. Countries in the table: A, B, C"):
        networks.hub_share(toy, 1970, hub="China")


def test_no_ties_yet_says_when_the_first_is(toy):
    with pytest.raises(AllianceLabError, match="No ties in or before 1949: the first tie in the table is from 1950"):
        networks.hub_share(toy, 1949)


def test_countries_must_be_a_list_of_known_names(toy):
    with pytest.raises(AllianceLabError, match="list of country names"):
        networks.ties_until(toy, 1970, countries="A")
    with pytest.raises(AllianceLabError, match="Unknown country 'Z'"):
        networks.ties_until(toy, 1970, countries=["A", "Z"])


def test_density_needs_two_countries(toy):
    with pytest.raises(AllianceLabError, match="at least two countries"):
        networks.density(toy, 1949)


@pytest.mark.parametrize(
    "broken, message",
    [
        (lambda t: t.to_dict(), "must be a pandas DataFrame"),
        (lambda t: t.drop(columns="kind"), "missing the column"),
        (lambda t: t.assign(year=[1950, None, 1960, 1970, 1970, 1980]), "without a year"),
        (lambda t: t.assign(country_b=[US, "B", "B", "C", "C", "A"]), "to itself"),
    ],
)
def test_broken_tables_are_refused(toy, broken, message):
    with pytest.raises(AllianceLabError, match=message):
        networks.ties_until(broken(toy), 1970)


# --- the real table ----------------------------------------------------------------------------


def test_the_san_francisco_system_was_pure_hub_and_spoke(ties):
    assert networks.hub_share(ties, 1953) == 1.0
    assert networks.spoke_links(ties, 1953).empty
    assert sorted(networks.hub_links(ties, 1953)["country_b"]) == ["Australia", "Japan", "Philippines", "South Korea"]


def test_spoke_to_spoke_ties_begin_in_2006_and_the_quad_has_five_pairs_in_the_table(ties):
    assert int(networks.spoke_links(ties, 2024)["year"].min()) == 2006  # the TSD's Japan-Australia leg
    quad = ties[ties["kind"] == "quad"]
    assert len(quad) == 5 and set(quad["year"]) == {2017}  # the Australia-India leg has no hub at either end
    assert networks.hub_share(ties, 2024) < networks.hub_share(ties, 2016) < 1


# --- the inclusion rule ------------------------------------------------------------------------


def _swap_hubs(table):
    """The same table with the two hubs' names exchanged."""
    swap = {US: "Japan", "Japan": US}
    return table.assign(**{c: table[c].map(lambda name: swap.get(name, name)) for c in ("country_a", "country_b")})


def test_every_row_follows_the_inclusion_rule(ties):
    assert networks.follows_rule(ties).all()
    assert set(ties["kind"]) <= set(networks.TIE_KINDS)
    assert set(networks.countries(ties)) == set(networks.HUBS) | set(networks.PARTNERS)


def test_the_rule_selects_rows_identically_for_both_hubs(ties):
    """Exchanging the hubs' names changes no verdict, on the real table and on rows the rule must refuse."""
    candidates = pd.DataFrame(
        {
            "year": [1951, 2016, 2022, 2023, 2025, 1948, 2016, 2017, 2023, 2023],
            "country_a": [US, US, US, US, US, US, US, "Australia", US, US],
            "country_b": [
                "Thailand",
                "Thailand",
                "Vietnam",
                "Vietnam",
                "India",
                "Australia",
                "South Korea",
                "India",
                "Japan",
                "China",
            ],
            "kind": [
                "treaty alliance",
                "strategic partnership",
                "strategic partnership",
                "strategic partnership",
                "quad",
                "treaty alliance",
                "intelligence-sharing agreement",
                "quad",
                "trilateral",
                "trilateral",
            ],
        }
    )
    verdicts = networks.follows_rule(candidates)
    # admitted: an alliance; a partnership with a non-ally; a grouping with the other hub
    assert verdicts.tolist() == [True, False, True, False, False, False, False, False, True, False]
    assert networks.follows_rule(_swap_hubs(candidates)).tolist() == verdicts.tolist()
    assert networks.follows_rule(_swap_hubs(ties)).all()


#: Ties of one kind that BOTH hubs have with the same partner, as the sources show (each is a sourced row):
#: the rule must admit both or neither. Vietnam, Indonesia and ASEAN were the gaps found in review.
BOTH_HUBS = [
    ("strategic partnership", "Vietnam"),
    ("strategic partnership", "Indonesia"),
    ("strategic partnership", "ASEAN"),
    ("strategic partnership", "India"),
    ("security declaration", "India"),
    ("access agreement", "Australia"),
    ("access agreement", "Philippines"),
    ("quad", "Australia"),
    ("quad", "India"),
    ("trilateral", "Australia"),
    ("trilateral", "South Korea"),
    ("trilateral", "Philippines"),
    ("trilateral", "India"),
]


@pytest.mark.parametrize("kind, partner", BOTH_HUBS)
def test_a_tie_both_hubs_have_appears_for_both(ties, kind, partner):
    rows = ties[(ties["kind"] == kind) & networks.involves(ties, partner)]
    hubs = {hub for hub in networks.HUBS if networks.involves(rows, hub).any()}
    assert hubs == set(networks.HUBS)


def test_ties_of_one_hub_only_are_there_and_explained(ties):
    """The US alliances and groupings named in review are in the table; Japan has no alliance but the US one."""

    def has(a, b, kind):
        return bool(((ties["kind"] == kind) & networks.involves(ties, a) & networks.involves(ties, b)).any())

    assert has(US, "Thailand", "treaty alliance") and has(US, "Australia", "trilateral")  # Manila Pact; AUKUS, TSD
    assert has("Japan", "Australia", "trilateral")  # the TSD's third leg
    alliances = ties[ties["kind"] == "treaty alliance"]
    assert networks.involves(alliances, US).all()


def test_every_tie_is_sourced(ties):
    assert ties["source_url"].str.match(r"https?://").all()
    assert (ties["quote"].str.len() > 20).all()


# --- figures -----------------------------------------------------------------------------------


def test_network_figure_has_title_labels_and_data_driven_alt(ties):
    chart = network_plot.alliance_network(ties, 1953)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left").startswith("Security ties among the US")
    assert "west to east" in axes.get_xlabel() and "south to north" in axes.get_ylabel()
    assert chart.alt.startswith("Network diagram of 4 security ties signed up to 1953")
    assert "pure hub-and-spoke" in chart.alt
    assert chart.caption.startswith("Figure:") and "data/alliance_ties.csv" in chart.caption


def test_network_alt_and_legend_follow_the_year(ties):
    later = network_plot.alliance_network(ties, 2017)
    spokes = len(networks.spoke_links(ties, 2017))
    assert f"{spokes} ties bypass United States" in later.alt
    legend = [t.get_text() for t in later.figure.axes[0].get_legend().get_texts()]
    early = network_plot.alliance_network(ties, 1953)
    early_legend = [t.get_text() for t in early.figure.axes[0].get_legend().get_texts()]
    assert "quad" in legend and "quad" not in early_legend and "access agreement" not in early_legend
    assert later.png() != early.png()


def test_japan_centred_network_with_highlight(ties):
    partners = ["Japan", "India", "Australia", "Philippines"]
    chart = network_plot.alliance_network(ties, 2024, highlight="India", hub="Japan", countries=partners)
    assert chart.figure.axes[0].get_title(loc="left") == "Security ties among 4 selected countries, up to 2024"
    through = int(networks.involves(networks.ties_until(ties, 2024, partners), "Japan").sum())
    assert f"{through} involve Japan" in chart.alt and "Ties of India are highlighted" in chart.alt


def test_network_refuses_a_year_without_ties(ties):
    with pytest.raises(AllianceLabError, match="No ties to draw in or before 1990"):
        network_plot.alliance_network(ties, 1990, countries=["Japan", "India"])
    with pytest.raises(AllianceLabError, match="Unknown highlight country"):
        network_plot.alliance_network(ties, 2024, highlight="Atlantis")


def test_unknown_countries_get_fixed_positions():
    first = network_plot.positions(["Japan", "Freedonia", "Sylvania"])
    assert first == network_plot.positions(["Sylvania", "Japan", "Freedonia"])
    assert first["Japan"] == network_plot.POSITIONS["Japan"] and first["Freedonia"] != first["Sylvania"]


def test_island_chain_map_names_the_bases_and_the_chain(places, chains):
    chart = network_plot.island_chain_map(places, chains)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "The first and second island chains and the main US bases in Japan"
    assert axes.get_xlabel().startswith("Longitude") and axes.get_ylabel().startswith("Latitude")
    bases = places[places["kind"] == "us_base"]
    assert f"{len(bases)} US bases are marked" in chart.alt
    assert "Kadena Air Base (Okinawa)" in chart.alt and "Beijing, Seoul lie west of the chain" in chart.alt
    assert "data/places.csv" in chart.caption and "Taiwan News" in chart.caption


def test_island_chain_map_draws_the_first_chain_through_its_island_groups(places, chains):
    chart = network_plot.island_chain_map(places, chains)
    axes = chart.figure.axes[0]
    labels = [line.get_label() for line in axes.get_lines()]
    dashed = axes.get_lines()[labels.index("first island chain")]
    first = chains[chains["chain"] == "first"].sort_values("order")
    assert list(dashed.get_xdata()) == list(first["lon"]) and dashed.get_linestyle() == "--"
    assert "through 8 island groups: Kuril Islands (Iturup), Hokkaido, Honshu, Kyushu" in chart.alt
    assert "Borneo" in chart.alt


def test_first_chain_runs_north_to_south_from_the_kurils_to_borneo(chains):
    first = chains[chains["chain"] == "first"].sort_values("order")
    assert first["waypoint"].iloc[0].startswith("Kuril Islands") and first["waypoint"].iloc[-1] == "Borneo"
    assert first["lat"].is_monotonic_decreasing
    assert first["quote"].str.contains("Kuril Islands, the Japanese Archipelago, the Ryukyu Islands").all()


def test_island_chain_map_refuses_other_tables(ties, chains):
    with pytest.raises(AllianceLabError, match="places must be the places table"):
        network_plot.island_chain_map(ties, chains)


def test_island_chain_map_needs_both_chains(places, chains):
    with pytest.raises(AllianceLabError, match="no waypoints of the first island chain"):
        network_plot.island_chain_map(places, chains[chains["chain"] == "second"])


# --- widget ------------------------------------------------------------------------------------


def test_explorer_starts_at_the_latest_year(ties):
    explorer = AllianceNetworkExplorer(ties)
    last = int(ties["year"].max())
    share = networks.hub_share(ties, last)
    assert f"Up to <b>{last}</b>: {len(ties)} ties" in explorer.status.value
    assert f"Hub share: <b>{share:.0%}</b>" in explorer.status.value
    assert explorer.summary.startswith(f"Alliance network explorer: {len(ties)} sourced ties")


def test_moving_the_year_redraws_and_updates_the_counts(ties):
    explorer = AllianceNetworkExplorer(ties)
    before = explorer.image()
    explorer.year.value = 1953
    assert explorer.image() != before
    assert "Up to <b>1953</b>: 4 ties" in explorer.status.value and "pure hub-and-spoke" in explorer.status.value
    assert "No new ties in 1953" not in explorer.new_ties.value and "South Korea" in explorer.new_ties.value
    explorer.year.value = 2017
    assert f"<b>{len(networks.spoke_links(ties, 2017))}</b> spoke-to-spoke" in explorer.status.value
    assert explorer.new_ties.value.count("<li>") == int((ties["year"] == 2017).sum())


def test_highlight_redraws_the_figure(ties):
    explorer = AllianceNetworkExplorer(ties)
    before = explorer.image()
    explorer.highlight.value = "India"
    assert explorer.image() != before
    assert "Ties of India are highlighted" in explorer.chart.alt


def test_a_year_without_ties_keeps_the_last_figure_and_explains(ties):
    explorer = AllianceNetworkExplorer(ties, hub="Japan", countries=["Japan", "India", "Australia"])
    before = explorer.figure.value
    explorer.year.value = 1990
    assert "Not drawn:" in explorer.status.value and "No ties in or before 1990" in explorer.status.value
    assert explorer.figure.value == before
    explorer.year.value = 2017
    assert "Up to <b>2017</b>" in explorer.status.value


@pytest.fixture(scope="module")
def chains():
    return data.load("island_chains")


def test_island_chain_map_draws_the_second_chain_as_its_sources_define_it(places, chains):
    chart = network_plot.island_chain_map(places, chains)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "The first and second island chains and the main US bases in Japan"
    labels = [line.get_label() for line in axes.get_lines()]
    assert "second island chain" in labels and "extension in some sources" in labels
    core = chains[(chains["chain"] == "second") & (chains["part"] == "core")]
    solid = axes.get_lines()[labels.index("second island chain")]
    assert list(solid.get_xdata()) == list(core.sort_values("order")["lon"])
    assert "Palau" in chart.alt and "Ogasawara (Bonin) Islands" in chart.alt and "dotted line" in chart.alt
    assert "sources differ on where it ends" in chart.caption and "data/island_chains.csv" in chart.caption
    left, right = axes.get_xlim()
    bottom, _ = axes.get_ylim()
    assert bottom < chains["lat"].min() and right > chains["lon"].max()


def test_second_chain_runs_north_to_south_from_japan(chains):
    second = chains[chains["chain"] == "second"].sort_values("order")
    assert second["waypoint"].iloc[0].startswith("Honshu")
    assert second["lat"].is_monotonic_decreasing
    assert list(second["part"]) == sorted(second["part"], key=["core", "extension"].index)  # extension comes last


def test_island_chain_map_refuses_a_table_without_waypoints(places, ties):
    with pytest.raises(AllianceLabError, match="island-chain table"):
        network_plot.island_chain_map(places, ties)


def test_partnership_map_draws_ties_between_capitals(ties, places):
    circle = ["Japan", "India", "Australia", "Philippines", "Vietnam", "Indonesia", "ASEAN"]
    chart = network_plot.partnership_map(ties, places, 2024, hub="Japan", countries=circle)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Japan's security ties on the map, up to 2024"
    assert axes.get_xlabel().startswith("Longitude") and axes.get_ylabel().startswith("Latitude")
    drawn = networks.ties_until(ties, 2024, circle)
    drawn = drawn[~networks.involves(drawn, "ASEAN")]
    edges = axes.collections[0]
    assert len(edges.get_segments()) == len(drawn)
    tokyo = places.loc[places["name"] == "Tokyo", ["lon", "lat"]].iloc[0].tolist()
    assert any(list(segment[0]) == tokyo or list(segment[-1]) == tokyo for segment in edges.get_segments())
    assert "Japan at Tokyo" in chart.alt and "ASEAN" in chart.caption and "not drawn" in chart.alt


def test_island_chain_map_leaves_out_capitals_far_from_the_chains(places, chains):
    chart = network_plot.island_chain_map(places, chains)
    axes = chart.figure.axes[0]
    (west, east), (south, north) = axes.get_xlim(), axes.get_ylim()
    points = [point for collection in axes.collections for point in collection.get_offsets()]
    assert points and all(west <= lon <= east and south <= lat <= north for lon, lat in points)
    names = [text.get_text() for text in axes.texts]
    assert "Seoul" in names and "Canberra" not in names and "New Delhi" not in names
