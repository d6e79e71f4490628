"""Lesson 05: the scenario scoring model, its figures and the scenario explorer."""

import math

import pytest

from alliancelab.errors import AllianceLabError
from alliancelab.models import scenarios as model
from alliancelab.plotting import scenarios as plots
from alliancelab.widgets.scenarios import ScenarioExplorer

BRIEF = "The brief's world (late Nov 2024)"
LATER = "As it turned out (early 2026)"
NEUTRAL = {key: 0.0 for key in model.ASSUMPTIONS}


def at(**changes):
    return {**NEUTRAL, **changes}


# --- model: known values -------------------------------------------------------------------------


def test_brief_preset_scores_worked_by_hand():
    # positions: us_commitment -0.5, china +0.5, trade +0.5, multilateralism -0.5, korea +0.5
    # trilateral: (-2)(-0.5) + 2(0.5) + 1(0.5) + 0 + 2(0.5) = 1 + 1 + 0.5 + 1 = 3.5
    # alliance:   2(-0.5) + (-2)(0.5) + (-1)(0.5) + 1(-0.5) + 1(0.5) = -1 - 1 - 0.5 - 0.5 + 0.5 = -2.5
    scores = model.scores(model.positions(model.PRESETS[BRIEF]))
    assert scores.to_dict() == {"trilateral": 3.5, "bridge": 1.5, "multilateral": 2.0, "hedge": 2.5, "alliance": -2.5}
    assert model.leaders(scores) == ["trilateral"]


def test_later_preset_favours_bridging_and_sinks_summits():
    # china_relations very low (-1) costs the summits 2 points: trilateral = 1 - 2 + 0.5 + 0 + 1 = 0.5
    scores = model.scores(model.positions(model.PRESETS[LATER]))
    assert scores["trilateral"] == 0.5
    assert scores["bridge"] == 2.0
    assert model.leaders(scores) == ["bridge"]


def test_one_assumption_adds_exactly_weight_times_position():
    scores = model.scores(at(korea_alignment=1.0))
    assert scores.to_dict() == {rec: float(row["korea_alignment"]) for rec, row in model.WEIGHTS.items()}


def test_score_range_is_sum_of_absolute_weights():
    assert model.score_range().to_dict() == {
        "trilateral": 7.0,
        "bridge": 5.0,
        "multilateral": 4.0,
        "hedge": 5.0,
        "alliance": 7.0,
    }


def test_custom_weights_change_the_answer():
    weights = {rec: dict(row) for rec, row in model.WEIGHTS.items()}
    weights["alliance"]["us_commitment"] = -2  # abandonment fear makes Japan cling closer
    brief = model.positions(model.PRESETS[BRIEF])
    assert model.scores(brief, weights)["alliance"] == model.scores(brief)["alliance"] + 2.0


def test_explain_names_the_leader_and_its_biggest_pushes():
    text = model.explain(model.positions(model.PRESETS[BRIEF]))
    assert text.startswith("Prioritise China-Japan-ROK summits leads with +3.5.")
    assert "US commitment to defend Taiwan and Japan: low (+1.0)" in text


def test_explain_reports_ties_and_when_nothing_is_favoured():
    assert "no option is favoured" in model.explain(NEUTRAL)
    tie = model.explain(at(trade_pressure=1.0), recommendations=["bridge", "hedge"])
    assert tie.startswith("Link the US with its allies (CPTPP-style) and Hedge: more strategic autonomy tie")


def test_every_nonzero_weight_has_a_reason():
    nonzero = {(rec, key) for rec, row in model.WEIGHTS.items() for key, w in row.items() if w != 0}
    assert set(model.REASONS) == nonzero
    assert len(model.reasons_table()) == len(nonzero)


def test_preset_scores_table_matches_the_scores():
    table = model.preset_scores()
    assert list(table.columns) == list(model.PRESETS)
    assert table.loc["Prioritise China-Japan-ROK summits", BRIEF] == 3.5
    assert table.loc["Link the US with its allies (CPTPP-style)", LATER] == 2.0


def test_weights_table_shows_every_weight():
    table = model.weights_table()
    assert list(table.index) == list(model.RECOMMENDATIONS.values())
    assert table.loc["Prioritise China-Japan-ROK summits", "China-Japan relations"] == 2


# --- model: invariants ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "levels", [dict.fromkeys(model.ASSUMPTIONS, name) for name in model.LEVELS] + list(model.PRESETS.values())
)
def test_scores_stay_within_their_range(levels):
    scores = model.scores(model.positions(levels))
    limits = model.score_range()
    assert all(abs(scores[rec]) <= limits[rec] for rec in scores.index)


def test_neutral_world_favours_nothing():
    assert (model.scores(NEUTRAL) == 0).all()


def test_mirrored_assumptions_give_mirrored_scores():
    values = model.positions(model.PRESETS[LATER])
    mirrored = {key: -value for key, value in values.items()}
    assert (model.scores(mirrored) == -model.scores(values)).all()


def test_extreme_assumptions_reach_the_top_of_the_range():
    best_for_summits = {key: math.copysign(1.0, w) if w else 0.0 for key, w in model.WEIGHTS["trilateral"].items()}
    assert model.scores(best_for_summits)["trilateral"] == model.score_range()["trilateral"]


def test_raising_an_assumption_moves_scores_by_the_sign_of_their_weight():
    low, high = model.scores(at(china_relations=-0.5)), model.scores(at(china_relations=0.5))
    for rec, row in model.WEIGHTS.items():
        assert (high[rec] > low[rec]) == (row["china_relations"] > 0)


# --- model: bad inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, message",
    [
        (at(us_commitment=1.5), "us_commitment must be between -1 and 1, got 1.5"),
        (at(us_commitment=float("nan")), "us_commitment must be a finite number, got nan"),
        (at(trade_pressure=float("inf")), "trade_pressure must be a finite number, got inf"),
        (at(trade_pressure="high"), "trade_pressure must be a number, got 'high'"),
        (at(trade_pressure=True), "trade_pressure must be a number"),
        ({k: v for k, v in NEUTRAL.items() if k != "korea_alignment"}, "Missing assumption 'korea_alignment'"),
        (at(oil_price=0.5), "Unknown assumption 'oil_price'"),
        ([0.0] * 5, "Expected a dict of assumption -> position, got list"),
    ],
)
def test_bad_positions_are_refused_with_a_clear_message(values, message):
    with pytest.raises(AllianceLabError) as err:
        model.scores(values)
    assert message in str(err.value)


def test_bad_level_and_bad_weights_are_refused():
    with pytest.raises(AllianceLabError, match="Unknown level 'huge' for 'trade_pressure'"):
        model.positions({**model.PRESETS[BRIEF], "trade_pressure": "huge"})
    with pytest.raises(AllianceLabError, match="weight hedge/us_commitment must be a finite number"):
        model.scores(NEUTRAL, {**model.WEIGHTS, "hedge": {**model.WEIGHTS["hedge"], "us_commitment": float("nan")}})
    with pytest.raises(AllianceLabError, match="Missing assumption in the weights for 'bridge'"):
        model.scores(NEUTRAL, {"bridge": {"trade_pressure": 1}})
    with pytest.raises(AllianceLabError, match="non-empty dict"):
        model.scores(NEUTRAL, {})
    with pytest.raises(AllianceLabError, match="at most 6 recommendations"):
        model.scores(NEUTRAL, {f"r{i}": dict(NEUTRAL) for i in range(7)})
    with pytest.raises(AllianceLabError, match="Unknown recommendation 'wait'"):
        model.explain(NEUTRAL, recommendations=["wait"])


# --- figures ---------------------------------------------------------------------------------------


def test_scores_chart_labels_and_alt_text_follow_the_model():
    scores = model.scores(model.positions(model.PRESETS[LATER]))
    chart = plots.scenario_scores(scores, model.score_range())
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Which recommendation do your assumptions favour?"
    assert axes.get_xlabel().startswith("Score") and axes.get_ylabel() == "Recommendation"
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert "Link the US with its allies (CPTPP-style) ★" in labels and len(labels) == 5
    assert "Link the US with its allies (CPTPP-style) has the highest score, +2.0 of a possible +5" in chart.alt
    assert "the lowest is Deepen the US alliance at +0.0" in chart.alt
    assert chart.caption.startswith("Figure:") and "not a forecast" in chart.caption
    rows = dict(zip([label.rstrip(" ★") for label in labels], axes.get_yticks()))
    (lead,) = [t for t in axes.texts if t.get_text().endswith("leads")]  # just right of the leader's bar end
    assert lead.get_text() == "+2.0  leads" and lead.get_position()[0] > 2.0
    assert lead.get_position()[1] == pytest.approx(rows["Link the US with its allies (CPTPP-style)"] + 0.3)


def test_scores_chart_needs_scores():
    with pytest.raises(AllianceLabError, match="choose at least one recommendation"):
        plots.scenario_scores(model.scores(NEUTRAL)[[]], model.score_range())


def test_theme_events_sorts_events_into_the_themes(events):
    themed = model.theme_events(events)
    assert set(themed["theme"]) <= set(model.THEMES)
    summits = themed[themed["theme"] == "China-Japan-ROK summits"]
    assert summits["title"].str.contains("China-Japan-ROK|trilateral").all()
    assert {"2017-01-23", "2018-03-08"} <= set(themed.loc[themed["theme"] == "TPP to CPTPP", "date"].astype(str))


def test_recommendation_timeline_alt_text_is_computed_from_the_data(events):
    chart = plots.recommendation_timeline(events)
    themed = model.theme_events(events, 2012, 2026)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Events behind the brief's recommendations, 2012-2026"
    assert sum(int(t.get_text().split("(")[-1].rstrip(")")) for t in axes.get_yticklabels()) == len(themed)
    assert chart.alt.startswith(f"Timeline of {len(themed)} events from January 2012 to December 2026")
    assert "the last is in May 2024" in chart.alt  # the Seoul summit; none since in the data
    assert "data/events.csv" in chart.caption


# --- widget ----------------------------------------------------------------------------------------


def test_explorer_starts_on_the_brief_preset():
    explorer = ScenarioExplorer()
    assert "Prioritise China-Japan-ROK summits leads with +3.5" in explorer.status.value
    assert explorer.summary.startswith("Scenario explorer: 5 assumptions scored against 5 recommendations.")
    assert explorer.table.value.count("<tr>") == 6  # header + 5 recommendations


def test_choosing_a_preset_moves_the_sliders_and_redraws():
    explorer = ScenarioExplorer()
    before = explorer.image()
    explorer.preset.value = LATER
    assert explorer.sliders["china_relations"].value == "very low"
    assert "Link the US with its allies (CPTPP-style) leads with +2.0" in explorer.status.value
    assert explorer.image() != before


def test_moving_a_slider_switches_to_custom_and_changes_the_scores():
    explorer = ScenarioExplorer()
    explorer.sliders["us_commitment"].value = "very high"
    assert explorer.preset.value == "Custom"
    assert explorer.status.value.startswith("<b>Custom:</b>")
    assert "highest score" in explorer.chart.alt
    assert "leads with +3.5" not in explorer.status.value


def test_no_recommendation_ticked_keeps_the_last_figure_and_explains():
    explorer = ScenarioExplorer()
    *others, last = explorer.chosen.values()
    for box in others:
        box.value = False
    before = explorer.figure.value
    last.value = False
    assert "Not drawn:" in explorer.status.value and "tick at least one recommendation" in explorer.status.value
    assert explorer.figure.value == before
    explorer.chosen["hedge"].value = True
    assert "Hedge: more strategic autonomy leads" in explorer.status.value


def test_explorer_accepts_custom_weights_and_refuses_bad_ones():
    weights = {rec: dict(row) for rec, row in model.WEIGHTS.items()}
    weights["alliance"]["us_commitment"] = -2
    explorer = ScenarioExplorer(weights=weights)
    # brief preset, us_commitment low (-0.5): the alliance gains (-2)(-0.5) - (2)(-0.5) = 2 points, -2.5 -> -0.5
    assert "<td><b>-0.5</b></td>" in explorer.table.value
    assert "<td><b>-0.5</b></td>" not in ScenarioExplorer().table.value
    tied = ScenarioExplorer(weights=weights, preset=LATER)
    assert "and Deepen the US alliance tie for the highest score (+2.0)" in tied.summary
    with pytest.raises(AllianceLabError, match="Unknown preset"):
        ScenarioExplorer(preset="utopia")
