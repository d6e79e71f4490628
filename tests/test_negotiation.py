"""The negotiation simulation: payoff model, scripted counterparts, briefs, classroom files, figure and widget."""

import math
import re

import pytest

from alliancelab import data
from alliancelab.errors import AllianceLabError
from alliancelab.models import negotiation as neg
from alliancelab.plotting import negotiation as plots
from alliancelab.simulation import briefs, classroom
from alliancelab.widgets.negotiation import NegotiationGame

ALL = {"labour": 20, "utilities": 20, "facilities": 20, "training_relocation": 20, "new_categories": 20}


@pytest.fixture
def payer():
    """A payer who likes a low total: best 100, red line 200; best pledge 2, red line 4."""
    return neg.settings(
        "Payer",
        100,
        200,
        2,
        4,
        {"total": 0.5, "pledge": 0.3, "mix": 0.2},
        mix_prefers=("facilities",),
        caps={"utilities": 30},
        linkage_penalty=10,
    )


@pytest.fixture
def receiver():
    """A receiver who likes a high total: best 400, red line 150; best pledge 5, red line 3."""
    return neg.settings(
        "Receiver",
        400,
        150,
        5,
        3,
        {"total": 0.5, "pledge": 0.4, "mix": 0.1},
        mix_prefers=("labour",),
        linkage_shift=-30,
    )


# --- offers and payoffs ---------------------------------------------------------------------------------------


def test_payoff_is_100_at_the_ideal_and_0_at_the_red_lines(payer):
    assert neg.payoff(neg.offer(100, {"facilities": 100}, 2), payer) == pytest.approx(100)
    assert neg.payoff(neg.offer(200, {"labour": 100}, 4), payer) == pytest.approx(0)


def test_payoff_is_the_weighted_sum_of_linear_scores(payer):
    # total 150: halfway (0.5); pledge 3: halfway (0.5); facilities 50% (0.5) -> 100 x (0.25 + 0.15 + 0.1) = 50
    package = neg.offer(150, {"facilities": 50, "labour": 50}, 3)
    assert neg.payoff(package, payer) == pytest.approx(50)
    # better than ideal is clipped at 1: total 50 counts as 100
    assert neg.payoff(neg.offer(50, {"facilities": 50, "labour": 50}, 3), payer) == pytest.approx(75)


def test_linkage_costs_the_payer_points_and_moves_the_receivers_floor(payer, receiver):
    plain, linked = neg.offer(130, ALL, 3.5), neg.offer(130, ALL, 3.5, linkage=True)
    assert neg.payoff(plain, payer) - neg.payoff(linked, payer) == pytest.approx(10)
    assert not neg.ratified(plain, receiver)  # floor 150
    assert neg.ratified(linked, receiver)  # floor 150 - 30 = 120
    assert neg.zone(payer, receiver) == {"total": (150.0, 200.0), "pledge": (3.0, 4.0)}
    assert neg.zone(payer, receiver, linkage=True)["total"] == (120.0, 200.0)


def test_linked_totals_are_scored_from_the_moved_floor(receiver):
    # linked, the floor is 120: total 120 scores 0 and total 150 scores 30/280 of the way to the ideal 400
    at_floor, above = neg.offer(120, ALL, 3, linkage=True), neg.offer(150, ALL, 3, linkage=True)
    assert neg.payoff(above, receiver) - neg.payoff(at_floor, receiver) == pytest.approx(100 * 0.5 * 30 / 280)
    assert neg.payoff(neg.offer(150, ALL, 3), receiver) < neg.payoff(above, receiver)  # unlinked: 150 is the floor


def test_a_package_outside_the_win_set_is_worth_no_deal_and_says_why(payer):
    package = neg.offer(250, {"utilities": 20, "labour": 80}, 4.5)
    found = neg.problems(package, payer)
    assert any("total 250 is above its ceiling of 200" in p for p in found)
    assert any("pledge 4.5% is above its limit of 4" in p for p in found)
    assert any("utilities come to 50.0, above its cap of 30" in p for p in found)
    assert neg.payoff(package, payer) == payer.no_deal


def test_judge_gives_both_payoffs_or_an_involuntary_defection(payer, receiver):
    good = neg.judge(neg.offer(180, {"labour": 50, "facilities": 50}, 3.5), payer, receiver)
    assert good.ratified and good.payoffs["Payer"] > 0 and good.payoffs["Receiver"] > 0
    bad = neg.judge(neg.offer(180, {"utilities": 100}, 3.5), payer, receiver)
    assert not bad.ratified and bad.problems["Payer"] and not bad.problems["Receiver"]
    package, verdict, text = neg.result(
        [neg.Round(1, neg.offer(180, {"utilities": 100}, 3.5), neg.offer(300, ALL, 4), True)], payer, receiver
    )
    assert "not ratified at Level II" in text and "involuntary defection" in text and not verdict.ratified


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"total": -5}, "The cost-sharing total must be between 0 and 1000 billion yen a year, got -5"),
        ({"total": 1200}, "The cost-sharing total must be between 0 and 1000 billion yen a year, got 1200"),
        ({"total": math.nan}, "The cost-sharing total must be a finite number"),
        ({"total": "211"}, "The cost-sharing total must be a number, got '211'"),
        ({"pledge": 0.5}, "The defence-spending pledge must be between 1 and 6% of GDP, got 0.5"),
        ({"mix": {"labour": 95}}, "shares of the mix must add up to 100%, got 95%"),
        (
            {"mix": {"labour": 120, "utilities": -20}},
            "The share for labour costs (base workers) must be between 0 and 100",
        ),
        ({"mix": {"housing": 100}}, "Unknown cost-sharing category housing"),
        ({"linkage": "yes"}, "linkage must be True or False"),
    ],
)
def test_invalid_offers_name_the_field_and_the_allowed_range(kwargs, message):
    arguments = {"total": 211, "mix": {"labour": 100}, "pledge": 2, **kwargs}
    with pytest.raises(AllianceLabError) as err:
        neg.offer(**arguments)
    assert message in str(err.value)


def test_invalid_settings_are_rejected():
    with pytest.raises(AllianceLabError, match="weights must add up to 1"):
        neg.settings("A", 100, 200, 2, 4, {"total": 0.5, "pledge": 0.5, "mix": 0.5})
    with pytest.raises(AllianceLabError, match="ideal and red line must differ"):
        neg.settings("A", 100, 100, 2, 4, {"total": 0.5, "pledge": 0.3, "mix": 0.2})
    with pytest.raises(AllianceLabError, match="Expected an offer"):
        neg.payoff({"total": 100}, briefs.japan_settings())


# --- scripted counterparts --------------------------------------------------------------------------------------


def test_fixed_schedule_concedes_a_quarter_of_the_way_each_round(receiver):
    script = neg.script(receiver, neg.offer(350, ALL, 5), "fixed", step=0.25)
    totals = [neg.scripted_offer(script, r).total for r in range(1, 7)]
    assert totals == [350, 300, 250, 200, 150, 150]  # reaches its red line in round 5 and stays there
    assert neg.scripted_offer(script, 3).pledge == pytest.approx(4)


def test_tit_for_tat_mirrors_concessions_and_hardening(receiver):
    script = neg.script(receiver, neg.offer(350, ALL, 5), "tit_for_tat")
    mine = [neg.offer(100, ALL, 2), neg.offer(120, ALL, 2.5), neg.offer(110, ALL, 2.5)]
    assert neg.scripted_offer(script, 1, mine[:1]).total == 350  # opens firm
    second = neg.scripted_offer(script, 2, mine[:2])
    assert (second.total, second.pledge) == (330, 4.5)  # +20 and +0.5 from me -> -20 and -0.5 from it
    assert neg.scripted_offer(script, 3, mine).total == 340  # I hardened by 10: so does it


def test_counterpart_accepts_only_what_beats_its_own_next_offer(receiver):
    script = neg.script(receiver, neg.offer(350, ALL, 5), "fixed", step=0.25)
    assert neg.accepts(script, neg.offer(300, ALL, 5), 2)  # its round-2 offer is 300
    assert not neg.accepts(script, neg.offer(290, ALL, 4.5), 2)
    assert not neg.accepts(script, neg.offer(140, ALL, 5), 6)  # below its floor even at the end
    history = neg.play(script, [neg.offer(200, ALL, 4), neg.offer(260, ALL, 4.5), neg.offer(300, ALL, 4)])
    assert [r.accepted_by_counterpart for r in history] == [False, False, True]


def test_no_deal_after_the_last_round(payer, receiver):
    script = neg.script(receiver, neg.offer(350, ALL, 5))
    history = neg.play(script, [neg.offer(100, ALL, 2)] * 3)
    assert neg.result(history, payer, receiver, max_rounds=3)[2].startswith("No deal after 3 rounds")
    assert neg.result(history[:2], payer, receiver, max_rounds=3)[2] == "Round 3 of 3: no agreement yet."


def test_script_rejects_bad_strategy_and_an_opening_beyond_its_own_red_lines(receiver):
    with pytest.raises(AllianceLabError, match="Unknown strategy 'random'. Use one of: fixed, tit_for_tat"):
        neg.script(receiver, neg.offer(350, ALL, 5), "random")
    with pytest.raises(AllianceLabError, match="opening offer breaks its own red lines"):
        neg.script(receiver, neg.offer(100, ALL, 5))
    with pytest.raises(AllianceLabError, match="concession step must be greater than 0"):
        neg.script(receiver, neg.offer(350, ALL, 5), step=0)


# --- briefs: every number is a fact with its row, or a labelled setting ------------------------------------------


def test_every_fact_matches_its_data_row():
    lines = briefs.check_facts()
    assert len(lines) == len(briefs.FACTS)
    assert any(line.startswith("sma_annual: 211 billion yen a year") for line in lines)


def test_checking_the_facts_reads_each_table_once():
    asked = []
    briefs.check_facts(load=lambda name: asked.append(name) or data.load(name))
    assert sorted(asked) == sorted({fact.table for fact in briefs.FACTS.values()})


def test_a_fact_that_disagrees_with_its_row_is_caught(monkeypatch):
    monkeypatch.setitem(
        briefs.FACTS,
        "sma_annual",
        briefs.Fact(
            "host_nation_support", (("period", "FY2022-FY2026"), ("series", "annual_amount")), 250, "billion yen a year"
        ),
    )
    with pytest.raises(AllianceLabError, match="Fact 'sma_annual' says 250 but host_nation_support has 211"):
        briefs.check_facts()


def test_brief_texts_hold_no_number_of_their_own():
    texts = [t for d in briefs.DELEGATIONS for t in (*d.interests, *d.constraints, *d.red_lines)]
    texts += list(briefs.SCORING.values())
    for text in texts:
        bare = briefs.PLACEHOLDER.sub("", text)
        bare = re.sub(r"\b(J?FY)?(19|20)\d\d\b", "", bare)  # years are dates, not amounts
        assert not re.search(r"\d", bare), f"a number without a source in: {text}"


def test_settings_follow_from_the_facts():
    japan, us = briefs.japan_settings(), briefs.us_settings()
    assert japan.total_ideal == 211 and japan.total_red_line == round(211 * 1.25)
    assert japan.caps == {"utilities": 23.4}
    assert us.total_ideal == 4 * 211 and us.total_red_line == 250 and us.pledge_red_line == 3
    assert neg.zone(japan, us) == {"total": (250.0, 264.0), "pledge": (3.0, 3.5)}


def test_rendered_brief_cites_rows_and_labels_settings():
    text = classroom.brief_markdown("japan")
    assert text.startswith("# Private brief: Japan")
    assert "211 billion yen a year (`host_nation_support`: period=FY2022-FY2026, series=annual_amount)" in text
    assert "264 billion yen a year (game setting:" in text
    for heading in ("Ministry of Foreign Affairs", "Ministry of Defense", "Ministry of Finance"):
        assert heading in text
    assert "Department of Defense" not in text
    assert "Department of Defense" in classroom.brief_markdown("us", "defense")
    white_house = classroom.brief_markdown("us", "white_house")
    assert "## The White House" in white_house and "550 billion dollars (`investment`: date=2025-07-23)" in white_house
    with pytest.raises(AllianceLabError, match="use one of state, defense, white_house"):
        classroom.brief_markdown("us", "nsc")
    with pytest.raises(AllianceLabError, match="Unknown team 'china'"):
        classroom.brief_markdown("china")


def test_print_brief_prints_the_handout(capsys):
    classroom.print_brief("us")
    assert "# Private brief: United States" in capsys.readouterr().out


def test_write_handouts_one_file_per_team_or_delegation(tmp_path):
    paths = classroom.write_handouts(tmp_path / "handouts")
    assert [p.name for p in paths] == ["brief_japan.md", "brief_us.md"]
    assert paths[0].read_text(encoding="utf-8") == classroom.brief_markdown("japan")
    assert len(classroom.write_handouts(tmp_path / "each", per_delegation=True)) == len(briefs.DELEGATIONS)


# --- the offers log ---------------------------------------------------------------------------------------------


def test_offers_round_trip_through_the_csv(tmp_path):
    path = tmp_path / "offers.csv"
    first, second = neg.offer(215, ALL, 2.2), neg.offer(600, ALL, 4.5, linkage=True)
    classroom.record_offer(path, "us", 1, second, note="opening")
    classroom.record_offer(path, "japan", 1, first)
    table = classroom.read_offers(path)
    assert list(table["team"]) == ["japan", "us"]
    assert classroom.offers_of(table, "japan") == [first]
    assert classroom.offers_of(table, "us") == [second]
    assert table.loc[1, "note"] == "opening"


def test_bad_offers_and_bad_rows_are_rejected(tmp_path):
    path = tmp_path / "offers.csv"
    with pytest.raises(AllianceLabError, match="Unknown team 'korea'"):
        classroom.record_offer(path, "korea", 1, neg.offer(211, ALL, 2))
    with pytest.raises(AllianceLabError, match="round number must be a whole number, got 1.5"):
        classroom.record_offer(path, "japan", 1.5, neg.offer(211, ALL, 2))
    classroom.record_offer(path, "japan", 1, neg.offer(211, ALL, 2))
    path.write_text(path.read_text(encoding="utf-8").replace("211.0", "-3"), encoding="utf-8")
    with pytest.raises(
        AllianceLabError,
        match=r"offers.csv, line 2: The cost-sharing total must be between 0 and "
        r"1000",
    ):
        classroom.read_offers(path)
    with pytest.raises(AllianceLabError, match="no offers recorded yet"):
        classroom.read_offers(tmp_path / "missing.csv")


def test_accepting_the_other_sides_package_strikes_the_deal(tmp_path):
    path, mix = (
        tmp_path / "offers.csv",
        {"labour": 60, "utilities": 5, "facilities": 25, "training_relocation": 5, "new_categories": 5},
    )
    classroom.record_offer(path, "japan", 1, neg.offer(230, mix, 2.5))
    with pytest.raises(AllianceLabError, match="no United States offer up to round 1 to accept"):
        classroom.accept_offer(path, "japan", 1)
    classroom.record_offer(path, "us", 1, neg.offer(258, mix, 3.1))
    row = classroom.accept_offer(path, "japan", 2)
    assert row["round"] == 2 and row["total"] == 258 and row["note"] == "accepted as it stands"
    classroom.accept_offer(path, "us", 2)  # the US confirms its own package in round 2 by accepting Japan's copy
    offers = classroom.read_offers(path)
    japan, us = classroom.offers_of(offers, "japan"), classroom.offers_of(offers, "us")
    assert classroom.agreed_round(japan, us) == 2


def test_a_demonstration_log_in_memory_debriefs_like_a_file(tmp_path):
    mix = {"labour": 60, "utilities": 5, "facilities": 25, "training_relocation": 5, "new_categories": 5}
    entries = [
        ("japan", 1, neg.offer(240, mix, 2.8)),
        ("us", 1, neg.offer(258, mix, 3.1)),
        ("japan", 2, neg.offer(258, mix, 3.1)),
        ("us", 2, neg.offer(258, mix, 3.1)),
    ]
    path = tmp_path / "offers.csv"
    for team, round_number, package in entries:
        classroom.record_offer(path, team, round_number, package)
    table = classroom.offers_table(entries)
    assert table.equals(classroom.read_offers(path))
    assert classroom.debrief(table)[1] == classroom.debrief(path)[1]
    with pytest.raises(AllianceLabError, match="Unknown team"):
        classroom.offers_table([("korea", 1, neg.offer(240, mix, 2.8))])


def test_debrief_finds_the_round_where_both_tabled_the_same_package(tmp_path):
    path = tmp_path / "offers.csv"
    deal = neg.offer(
        258, {"labour": 60, "utilities": 5, "facilities": 25, "training_relocation": 5, "new_categories": 5}, 3.1
    )
    for number, (mine, theirs) in enumerate([(neg.offer(215, ALL, 2.2), neg.offer(600, ALL, 4.5)), (deal, deal)], 1):
        classroom.record_offer(path, "japan", number, mine)
        classroom.record_offer(path, "us", number, theirs)
    chart, sentence = classroom.debrief(path)
    assert sentence.startswith("Agreement ratified by both sides: 258 billion yen a year")
    assert "Agreement at 258 billion yen and 3.1%" in chart.alt


# --- figure -----------------------------------------------------------------------------------------------------


def test_offers_chart_labels_and_alt_text_follow_the_offers():
    japan, us = briefs.japan_settings(), briefs.us_settings()
    chart = plots.offers_chart(
        [neg.offer(215, ALL, 2.2)], [neg.offer(844, ALL, 5)], japan, us, actual=(211, "Current SMA")
    )
    left = chart.figure.axes[0]
    assert left.get_title(loc="left") == "Offers against the two win-sets"
    assert left.get_xlabel() == "Host-nation support (billion yen a year)"
    assert left.get_ylabel() == "Japan's defence pledge (% of GDP)"
    assert "overlap from 250 to 264 billion yen and 3% to 3.5%" in chart.alt
    assert "Japan's offers by round: 215 bn yen and 2.2%" in chart.alt
    assert "United States' offers by round: 844 bn yen and 5.0%" in chart.alt
    assert chart.caption.startswith("Figure:") and "data/sma_talks.csv" in chart.caption
    narrow = neg.settings("Japan", 211, 240, 2, 3.5, {"total": 0.5, "pledge": 0.3, "mix": 0.2})
    assert "do not overlap" in plots.offers_chart([], [], narrow, us).alt


# --- widget -----------------------------------------------------------------------------------------------------


def test_moving_a_slider_redraws_and_reports_the_draft():
    game = NegotiationGame()
    before, status = game.image(), game.status.value
    game.total.value = 240
    assert game.image() != before and game.status.value != status
    assert "Draft offer (not yet tabled): 240 bn yen" in game.chart.alt
    game.total.value = 300
    assert "the total 300 is above its ceiling of 264" in game.status.value


def test_a_mix_that_does_not_add_up_keeps_the_figure_and_explains():
    game = NegotiationGame()
    before = game.figure.value
    game.mix["labour"].value = 55
    assert "Not drawn:" in game.status.value and "must add up to 100%, got 95%" in game.status.value
    assert game.figure.value == before
    game.submit()  # an invalid draft cannot be tabled
    assert game.history == [] and "Not drawn:" in game.status.value


def test_tabling_offers_plays_rounds_until_the_counterpart_accepts():
    game = NegotiationGame(strategy="fixed")
    game.mix["utilities"].value = 5
    game.mix["facilities"].value = 25
    for total, pledge in [(215, 2.2), (230, 2.6), (245, 2.9), (255, 3.0), (262, 3.2)]:
        game.total.value, game.pledge.value = total, pledge
        game.submit()
    assert len(game.history) == 5 and game.history[-1].accepted_by_counterpart
    assert "Agreement ratified by both sides: 262 billion yen a year" in game.status.value
    game.submit()
    assert "the talks are over" in game.status.value and len(game.history) == 5
    game.restart()
    assert game.history == [] and "Round 1 of 6" in game.status.value


def test_accepting_their_offer_ends_the_talks_and_changing_side_starts_again():
    game = NegotiationGame()
    game.accept()
    assert "no offer from the other side yet" in game.status.value
    game.submit()
    game.accept()  # the US opening (844 bn yen, 5%) breaks Japan's red lines
    assert "not ratified at Level II" in game.status.value
    game.side.value = "us"
    assert game.history == [] and game.counterpart.side.name == "Japan"
    assert "Round 1 of 6" in game.status.value


def test_static_summary_names_the_game():
    assert NegotiationGame(strategy="tit_for_tat").summary.startswith("Negotiation game: you play Japan")
