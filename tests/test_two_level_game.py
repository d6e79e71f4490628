"""Level II as a coalition: every member holds a veto, so the win-set is what all of them accept."""

import pytest

from alliancelab.errors import AllianceLabError
from alliancelab.models import two_level_game as tlg

MEMBERS = {"LDP farm caucus": (0, 30), "Komeito": (0, 60), "Finance Ministry": (0, 45)}


def test_coalition_win_set_is_the_intersection():
    japan = tlg.coalition_win_set("Japan", MEMBERS, prefers="low")
    assert (japan.low, japan.high, japan.prefers) == (0, 30, "low")
    assert tlg.veto_player(MEMBERS, "low") == "LDP farm caucus"


def test_the_tightest_member_decides_whether_a_deal_exists():
    us = tlg.win_set("United States", 35, 100, prefers="high")  # the US asks for a concession of at least 35
    assert tlg.overlap(tlg.coalition_win_set("Japan", MEMBERS, "low"), us) is None
    looser = {**MEMBERS, "LDP farm caucus": (0, 50)}  # e.g. farm income support wins the caucus over
    assert tlg.overlap(tlg.coalition_win_set("Japan", looser, "low"), us) == (35, 45)
    assert tlg.veto_player(looser, "low") == "Finance Ministry"


def test_a_member_that_needs_a_minimum_raises_the_floor():
    members = {"Automakers": (10, 80), "Farm caucus": (0, 30)}
    japan = tlg.coalition_win_set("Japan", members, prefers="low")
    assert (japan.low, japan.high) == (10, 30)
    assert tlg.veto_player(members, "high") == "Automakers"


@pytest.mark.parametrize(
    "members, message",
    [
        (
            {"A": (0, 10), "B": (20, 30)},
            "Japan's coalition accepts nothing: A accepts at most 10, but B needs at least 20",
        ),
        ({}, "Give the coalition as {member: (lowest, highest) it accepts}"),
        ([(0, 10)], "Give the coalition as"),
        ({"A": (10, 0)}, "A's win-set runs from 10 to 0"),
    ],
)
def test_bad_coalitions_say_what_is_wrong(members, message):
    with pytest.raises(AllianceLabError) as err:
        tlg.coalition_win_set("Japan", members, prefers="low")
    assert message in str(err.value)


def test_coalition_explorer_names_the_member_that_binds():
    from alliancelab.widgets.trade import CoalitionExplorer

    explorer = CoalitionExplorer()
    assert "No agreement possible" in explorer.status.value and "<b>LDP farm caucus</b>" in explorer.status.value
    before = explorer.image()
    explorer.members["LDP farm caucus"].value = 50
    assert "Zone of possible agreement: 35 to 45" in explorer.status.value
    assert "<b>Finance Ministry</b>" in explorer.status.value and explorer.image() != before
    explorer.us_ask.value = 20
    assert "Zone of possible agreement: 20 to 45" in explorer.status.value
    assert explorer.summary.startswith("Coalition explorer")
