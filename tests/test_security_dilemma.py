"""Lesson 04: the alliance security dilemma model, its figures and its explorer widget."""

import math

import numpy as np
import pandas as pd
import pytest

from alliancelab import brief
from alliancelab.errors import AllianceLabError
from alliancelab.models import security_dilemma as sd
from alliancelab.plotting import security_dilemma as plots
from alliancelab.widgets.security_dilemma import SecurityDilemmaExplorer

# The defaults: threat 0.7, dependence 0.8, reliability 0.6, outside options 0.2, patron's conflicts 0.15.
JAPAN = sd.Alliance()


# --- model: known values computed by hand ---------------------------------------------------------------


def test_risks_at_known_points():
    # abandonment = 0.7 * (1 - 0.6) * (1 - c); entrapment = 0.15 * c**2
    assert sd.abandonment_risk(0, JAPAN) == pytest.approx(0.28)
    assert sd.abandonment_risk(0.5, JAPAN) == pytest.approx(0.14)
    assert sd.abandonment_risk(1, JAPAN) == pytest.approx(0.0)
    assert sd.entrapment_risk(0.5, JAPAN) == pytest.approx(0.0375)
    assert sd.entrapment_risk(1, JAPAN) == pytest.approx(0.15)


def test_expected_cost_weights_abandonment_by_dependence_and_missing_partners():
    assert sd.abandonment_weight(JAPAN) == pytest.approx(0.8 * 0.8)
    assert sd.expected_cost(0.5, JAPAN) == pytest.approx(0.64 * 0.14 + 0.0375)  # 0.1271


def test_optimal_commitment_closed_form():
    # c* = 0.64 * 0.7 * 0.4 / (2 * 0.15) = 0.1792 / 0.3
    assert sd.optimal_commitment(JAPAN) == pytest.approx(0.597333, abs=1e-6)
    assert sd.optimal_commitment(JAPAN.with_(outside_options=0.6)) == pytest.approx(0.0896 / 0.3)
    assert sd.regime(JAPAN) == "balanced"


def test_optimum_is_the_minimum_of_the_cost_curve():
    lines = sd.curves(JAPAN, points=2001)
    best = sd.optimal_commitment(JAPAN)
    assert lines["commitment"][np.argmin(lines["cost"])] == pytest.approx(best, abs=1e-3)
    assert sd.expected_cost(best, JAPAN) <= lines["cost"].min() + 1e-12


def test_optimum_is_clipped_at_the_corners():
    unreliable = JAPAN.with_(reliability=0.0)  # pull 0.448 / 0.3 > 1
    assert sd.optimal_commitment(unreliable) == 1.0 and sd.regime(unreliable) == "abandonment"
    reliable = JAPAN.with_(reliability=1.0)  # nothing to fear from abandonment
    assert sd.optimal_commitment(reliable) == 0.0 and sd.regime(reliable) == "entrapment"


def test_comparative_statics_match_snyder():
    options = sd.sweep(JAPAN, "outside_options", [0.0, 0.2, 0.4, 0.6])
    assert np.all(np.diff(options) < 0)  # more partners -> hedge (commit less)
    threat = sd.sweep(JAPAN, "threat", [0.2, 0.4, 0.6])
    assert np.all(np.diff(threat) > 0)  # more threat -> commit more
    conflict = sd.sweep(JAPAN, "patron_conflict", [0.15, 0.3, 0.6])
    assert np.all(np.diff(conflict) < 0)  # a more reckless patron -> commit less


def test_curves_accept_arrays_and_have_the_right_shape():
    lines = sd.curves(JAPAN, points=11)
    assert set(lines) == {"commitment", "abandonment", "entrapment", "cost"}
    assert len(lines["cost"]) == 11 and lines["commitment"][0] == 0 and lines["commitment"][-1] == 1
    assert np.all(np.diff(lines["abandonment"]) < 0) and np.all(np.diff(lines["entrapment"]) > 0)


# --- model: bad arguments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"threat": 1.5}, "threat (threat level) must be between 0 and 1, got 1.5"),
        ({"dependence": -0.1}, "dependence (dependence on the patron) must be between 0 and 1"),
        ({"reliability": math.nan}, "reliability (patron's reliability) must be a finite number, got nan"),
        ({"outside_options": math.inf}, "must be a finite number, got inf"),
        ({"threat": "high"}, "threat (threat level) must be a number, got 'high'"),
        ({"threat": True}, "got True"),
        ({"patron_conflict": 0}, "patron_conflict (patron's own conflicts) must be greater than 0"),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(kwargs, message):
    with pytest.raises(AllianceLabError) as err:
        sd.Alliance(**kwargs)
    assert message in str(err.value)


def test_bad_commitments_and_arguments():
    with pytest.raises(AllianceLabError, match="commitment must be between 0 and 1, got 1.2"):
        sd.abandonment_risk(1.2, JAPAN)
    with pytest.raises(AllianceLabError, match="Every commitment level"):
        sd.expected_cost([0.1, math.nan], JAPAN)
    with pytest.raises(AllianceLabError, match="Expected an Alliance"):
        sd.optimal_commitment({"threat": 0.5})
    with pytest.raises(AllianceLabError, match="Unknown parameter 'trust'. Known parameters: threat"):
        JAPAN.with_(trust=0.5)
    with pytest.raises(AllianceLabError, match="Unknown parameter 'trust'"):
        sd.sweep(JAPAN, "trust", [0.1])
    with pytest.raises(AllianceLabError, match="points must be a whole number of at least 2"):
        sd.curves(JAPAN, points=1)


# --- figures --------------------------------------------------------------------------------------------


def test_dilemma_figure_has_title_labels_three_curves_and_the_optimum():
    chart = plots.dilemma(JAPAN)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "The alliance security dilemma: cost of each commitment level"
    assert axes.get_xlabel().startswith("Commitment to the patron") and axes.get_ylabel()
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert labels == ["Abandonment risk", "Entrapment risk", "Total expected cost", "Best commitment c*"]
    assert chart.parts["best value"].get_text() == "c* = 0.60"  # written next to the star
    assert chart.parts["best value"].xy == pytest.approx((0.60, 0.126), abs=0.005)


def test_dilemma_alt_text_reports_the_model_result():
    chart = plots.dilemma(JAPAN)
    assert "abandonment risk falls from 0.28 to 0.00" in chart.alt
    assert "entrapment risk rises from 0.00 to 0.15" in chart.alt
    assert "lowest, 0.126, at commitment 0.60: the two fears balance there" in chart.alt
    assert chart.caption.startswith("Figure: No data table: a teaching model of Snyder's (1984)")
    corner = plots.dilemma(JAPAN.with_(reliability=0.0))
    assert "at commitment 1.00: fear of abandonment dominates" in corner.alt


def test_sweep_figure_marks_the_current_setting():
    chart = plots.sweep(JAPAN, "outside_options")
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Best commitment as outside options (partners) change"
    assert axes.get_ylabel() == "Best commitment c*"
    assert "c* goes from 0.75 to 0.00; at the current setting (0.20) it is 0.60" in chart.alt
    with pytest.raises(AllianceLabError, match="Unknown parameter 'luck'"):
        plots.sweep(JAPAN, "luck")


def test_involves_needs_every_actor():
    frame = pd.DataFrame({"actor": ["China;Japan", "Japan;China;South Korea", "Japan;United States", None]})
    assert plots.involves(frame, "China", "Japan").tolist() == [True, True, False, False]


def test_bilateral_timeline_shows_only_china_japan_events(events):
    chart = plots.bilateral_timeline(events, "China", "Japan", 2024, 2026)
    expected = events[plots.involves(events, "China", "Japan") & (events["date"].dt.year.between(2024, 2026))]
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "China-Japan relations, 2024-2026"
    ticks = [t.get_text() for t in axes.get_yticklabels()]
    assert len(ticks) == len(expected) > 5
    assert ticks[0].startswith("27 May 2024: China-Japan-ROK trilateral summit")  # oldest at the top
    assert not any("Prabowo" in tick for tick in ticks)  # Indonesia-Japan rows are not China-Japan rows
    after = int((expected["date"] > brief.WRITTEN).sum())
    assert chart.alt.startswith(f"Timeline of {len(expected)} events involving both China and Japan")
    assert f"{after} of them after the brief was written" in chart.alt
    assert "15 Nov 2024: Xi-Ishiba meeting at APEC in Lima" in chart.alt
    assert "(data/events.csv)" in chart.caption


def test_bilateral_timeline_empty_selection_says_so(events):
    chart = plots.bilateral_timeline(events, "Japan", "Atlantis", 2012, 2026)
    assert "no events match" in chart.alt


# --- widget ---------------------------------------------------------------------------------------------


def test_explorer_starts_with_the_default_optimum():
    explorer = SecurityDilemmaExplorer()
    assert "Best commitment for Japan: <b>0.60</b>" in explorer.status.value
    assert "Without other partners the best commitment would be 0.75" in explorer.status.value
    assert explorer.chart.alt.startswith("Line chart of the security dilemma model")
    assert explorer.summary.startswith("Security dilemma explorer: five sliders")


def test_moving_outside_options_redraws_and_explains_the_change():
    explorer = SecurityDilemmaExplorer()
    before = explorer.image()
    explorer.sliders["outside_options"].value = 0.6
    assert explorer.image() != before
    assert "Best commitment for Japan: <b>0.30</b>" in explorer.status.value
    assert (
        "Japan's best commitment falls from 0.60 to 0.30 as its outside options grow (from 0.20 to 0.60)"
        in explorer.status.value
    )


def test_threat_slider_raises_the_optimum():
    explorer = SecurityDilemmaExplorer()
    explorer.sliders["threat"].value = 0.9
    assert "rises from 0.60 to 0.77 as the threat grows" in explorer.status.value


def test_invalid_value_keeps_the_last_figure_and_explains():
    explorer = SecurityDilemmaExplorer()
    before = explorer.figure.value
    explorer.sliders["patron_conflict"].value = 0.0
    assert "Not drawn:" in explorer.status.value and "must be greater than 0" in explorer.status.value
    assert explorer.figure.value == before
    explorer.sliders["patron_conflict"].value = 0.3
    assert "Best commitment for Japan: <b>0.30</b>" in explorer.status.value


def test_explorer_refuses_a_non_alliance():
    with pytest.raises(AllianceLabError, match="Expected an Alliance"):
        SecurityDilemmaExplorer({"threat": 0.5})
