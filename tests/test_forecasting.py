"""Lesson 06: Brier scores and calibration, their figures, the forecast scorer and the questions table."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliancelab import data
from alliancelab.errors import AllianceLabError
from alliancelab.models import forecasting as model
from alliancelab.plotting import forecasting as plots
from alliancelab.widgets.forecasting import ForecastScorer

probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
pairs = st.lists(st.tuples(probabilities, st.integers(min_value=0, max_value=1)), min_size=1, max_size=40)


# --- model: known values -------------------------------------------------------------------------


def test_brier_score_known_values():
    assert model.brier_score([1, 0], [1, 0]) == 0
    assert model.brier_score([0.5], [1]) == 0.25
    assert model.brier_score([0.7, 0.2], [1, 0]) == pytest.approx((0.09 + 0.04) / 2)
    assert model.brier_score([1, 0], [0, 1]) == 1  # certain and wrong twice


@pytest.mark.parametrize("make", [list, tuple, np.array, pd.Series])
def test_brier_score_accepts_lists_tuples_arrays_and_series(make):
    assert model.brier_score(make([0.7, 0.2]), make([1, 0])) == pytest.approx(0.065)


def test_outcomes_may_be_booleans_and_numpy_numbers():
    assert model.brier_score(np.array([0.7, 0.2]), np.array([True, False])) == pytest.approx(0.065)
    assert model.brier_score([np.float64(0.5)], [np.int64(1)]) == 0.25


def test_squared_errors_and_score_table_add_up_to_the_score():
    table = model.score_table([0.7, 0.2, 0.9], [1, 0, 0], ["F01", "F02", "F03"])
    assert table["squared_error"].round(6).tolist() == [0.09, 0.04, 0.81]
    assert table["squared_error"].mean() == pytest.approx(model.brier_score([0.7, 0.2, 0.9], [1, 0, 0]))
    assert table["question"].tolist() == ["F01", "F02", "F03"] and table["outcome"].tolist() == [1, 0, 0]


def test_brier_skill_score_against_a_coin_flip():
    # BS = 0.065, reference 0.25 -> 1 - 0.065 / 0.25 = 0.74
    assert model.brier_skill_score([0.7, 0.2], [1, 0]) == pytest.approx(0.74)
    assert model.brier_skill_score([0.5, 0.5], [1, 0]) == 0
    # reference 0.8 on outcomes [1, 0]: (0.04 + 0.64) / 2 = 0.34; BS 0.065 -> 1 - 0.065 / 0.34
    assert model.brier_skill_score([0.7, 0.2], [1, 0], reference=0.8) == pytest.approx(1 - 0.065 / 0.34)


def test_calibration_table_worked_by_hand():
    table = model.calibration_table([0.1, 0.3, 0.7, 0.9, 1.0, 0.0], [0, 0, 1, 1, 1, 0], bins=5)
    assert table["bin"].tolist() == ["0.00-0.20", "0.20-0.40", "0.40-0.60", "0.60-0.80", "0.80-1.00"]
    assert table["n"].tolist() == [2, 1, 0, 1, 2]  # 1.0 falls in the last bin, 0.0 in the first
    assert table.loc[0, "mean_forecast"] == pytest.approx(0.05) and table.loc[0, "observed_rate"] == 0
    assert table.loc[4, "mean_forecast"] == pytest.approx(0.95) and table.loc[4, "observed_rate"] == 1
    assert math.isnan(table.loc[2, "mean_forecast"])  # empty bins are kept
    assert table.loc[3, "gap"] == pytest.approx(0.3)  # said 0.7, it happened: under-confident


def test_a_forecast_on_an_edge_goes_to_the_bin_above():
    table = model.calibration_table([0.2, 0.4, 0.6, 0.8], [0, 0, 1, 1], bins=5)
    assert table["n"].tolist() == [0, 1, 1, 1, 1]


def test_calibration_table_with_custom_edges_and_one_bin():
    table = model.calibration_table([0.2, 0.6, 0.8], [0, 1, 1], bins=[0, 0.5, 1])
    assert table["n"].tolist() == [1, 2]
    one = model.calibration_table([0.2, 0.6, 0.8], [0, 1, 1], bins=1)
    assert one.loc[0, "mean_forecast"] == pytest.approx(1.6 / 3) and one.loc[0, "observed_rate"] == pytest.approx(2 / 3)


def test_calibration_error_is_weighted_mean_gap():
    # bins: [0.1 -> 0] gap 0.1 (n=1), [0.9, 0.9 -> 1, 0] gap |0.5 - 0.9| = 0.4 (n=2) -> (0.1 + 0.8) / 3
    assert model.calibration_error([0.1, 0.9, 0.9], [0, 1, 0], bins=2) == pytest.approx(0.3)


# --- model: invariants (hypothesis) ----------------------------------------------------------------


@given(pairs)
def test_brier_score_lies_between_0_and_1(rows):
    probs, outcomes = zip(*rows)
    assert 0.0 <= model.brier_score(probs, outcomes) <= 1.0


@given(pairs)
def test_flipping_probabilities_and_outcomes_leaves_the_score_unchanged(rows):
    probs, outcomes = zip(*rows)
    flipped = model.brier_score([1 - p for p in probs], [1 - o for o in outcomes])
    assert flipped == pytest.approx(model.brier_score(probs, outcomes))


@given(st.lists(st.integers(min_value=0, max_value=1), min_size=1, max_size=40))
def test_always_saying_half_scores_a_quarter_and_knowing_scores_zero(outcomes):
    assert model.brier_score([0.5] * len(outcomes), outcomes) == pytest.approx(0.25)
    assert model.brier_score(outcomes, outcomes) == 0


@given(pairs, st.integers(min_value=1, max_value=model.MAX_BINS))
def test_calibration_table_counts_every_forecast_once(rows, bins):
    probs, outcomes = zip(*rows)
    table = model.calibration_table(probs, outcomes, bins)
    assert len(table) == bins and table["n"].sum() == len(rows)
    filled = table[table["n"] > 0]
    assert ((filled["observed_rate"] >= 0) & (filled["observed_rate"] <= 1)).all()
    assert ((filled["mean_forecast"] >= filled["lower"] - 1e-12) & (filled["mean_forecast"] <= filled["upper"])).all()


@given(pairs)
def test_moving_a_forecast_towards_its_outcome_never_raises_the_score(rows):
    probs, outcomes = map(list, zip(*rows))
    better = [p + (o - p) / 2 for p, o in zip(probs, outcomes)]
    assert model.brier_score(better, outcomes) <= model.brier_score(probs, outcomes) + 1e-12


# --- model: bad inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "probs, outcomes, message",
    [
        ([], [], "The probabilities are empty"),
        ([0.5], [], "The outcomes are empty"),
        ([1.2], [1], "Probability 1 must be between 0 and 1 (a probability: 0.7 means 70%), got 1.2"),
        ([0.5, -0.1], [1, 0], "Probability 2 must be between 0 and 1"),
        ([float("nan")], [1], "Probability 1 must be a finite number, got nan"),
        ([float("inf")], [1], "Probability 1 must be a finite number, got inf"),
        (["0.5"], [1], "Probability 1 must be a number, got '0.5'"),
        ([True], [1], "Probability 1 must be a number, got True"),
        ([0.5], [2], "Outcome 1 must be 0 (did not happen) or 1 (happened), got 2"),
        ([0.5], [0.5], "Outcome 1 must be 0 (did not happen) or 1 (happened), got 0.5"),
        ([0.5], [None], "An unresolved question has no outcome yet: leave it out"),
        ([0.5], [float("nan")], "An unresolved question has no outcome yet"),
        ([0.5], ["yes"], "Outcome 1 must be 0 (did not happen) or 1 (happened), got 'yes'"),
        ([0.5, 0.5], [1], "Give one outcome per probability: got 2 probabilities and 1 outcomes"),
        ("0.5", [1], "The probabilities must be a list, tuple, NumPy array or pandas Series, got str"),
        ({0.5}, [1], "got set"),
        (0.5, 1, "got float"),
        (np.zeros((2, 2)), [1, 1], "must be one-dimensional, got an array of shape (2, 2)"),
        (pd.DataFrame({"p": [0.5]}), [1], "must be one column"),
        ([[0.5]], [1], "must be a flat list of numbers"),
    ],
)
def test_bad_inputs_are_refused_with_a_clear_message(probs, outcomes, message):
    with pytest.raises(AllianceLabError) as err:
        model.brier_score(probs, outcomes)
    assert message in str(err.value)
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    "bins, message",
    [
        (0, "The number of bins must be between 1 and 20, got 0"),
        (21, "between 1 and 20"),
        (2.5, "bins must be a whole number of bins"),
        ("5", "bins must be a whole number of bins"),
        ([0.2, 1], "Bin edges must start at 0 and end at 1"),
        ([0, 0.5, 0.5, 1], "Bin edges must increase strictly"),
        ([0, 1.5], "Bin edge 2 must be between 0 and 1"),
    ],
)
def test_bad_bins_are_refused(bins, message):
    with pytest.raises(AllianceLabError, match=None) as err:
        model.calibration_table([0.5], [1], bins)
    assert message in str(err.value)


def test_skill_needs_an_imperfect_reference_and_labels_must_match():
    with pytest.raises(AllianceLabError, match="already perfect"):
        model.brier_skill_score([0.5, 0.5], [1, 1], reference=1)
    with pytest.raises(AllianceLabError, match="The reference probability must be between 0 and 1"):
        model.brier_skill_score([0.5], [1], reference=2)
    with pytest.raises(AllianceLabError, match="one label per forecast: got 1 labels for 2"):
        model.score_table([0.5, 0.5], [1, 0], ["F01"])


# --- the questions table ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def questions():
    return data.load("forecast_questions")


def test_questions_are_open_or_resolved_with_a_source(questions):
    assert len(questions) >= 4
    assert questions["question_id"].is_unique
    assert set(questions["outcome"].dropna()) <= {0, 1}
    resolved = model.resolved(questions)
    assert resolved["resolution_url"].notna().all(), "an outcome was recorded without a source"
    assert questions["resolves_by"].min() >= pd.Timestamp("2026-01-01")


def test_questions_follow_up_existing_claims(questions):
    claims = set(data.load("brief_claims")["claim_id"])
    linked = questions["claim_id"].dropna()
    assert set(linked) <= claims


def test_resolved_needs_the_questions_table():
    with pytest.raises(AllianceLabError, match="forecast_questions"):
        model.resolved(pd.DataFrame({"x": [1]}))


# --- figures ---------------------------------------------------------------------------------------


def test_calibration_chart_labels_and_alt_text_follow_the_forecasts():
    chart = plots.calibration_chart([0.9, 0.8, 0.6, 0.3], [1, 1, 0, 0], bins=5)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Calibration: did events happen as often as you said?"
    assert axes.get_xlabel().startswith("Your probability") and axes.get_ylabel().startswith("How often")
    # (0.01 + 0.04 + 0.36 + 0.09) / 4 = 0.125
    assert "Reliability diagram of 4 forecasts in 3 non-empty probability bins of 5" in chart.alt
    assert "Brier score 0.125" in chart.alt
    assert "largest gap is in bin 0.60-0.80: mean forecast 0.60, happened 0.00 of the time" in chart.alt
    assert chart.caption.startswith("Figure:") and "data/forecast_questions.csv" in chart.caption


def test_squared_error_bars_show_each_question():
    table = model.score_table([0.9, 0.2], [0, 0], ["F01", "F02"])
    chart = plots.squared_error_bars(table)
    axes = chart.figure.axes[0]
    ticks = {t.get_text(): y for t, y in zip(axes.get_yticklabels(), axes.get_yticks())}
    assert set(ticks) == {"F01", "F02"} and ticks["F01"] > ticks["F02"]  # first question on top
    assert "their mean, the Brier score, is 0.425" in chart.alt  # (0.81 + 0.04) / 2
    assert "The largest error is F01 (0.810" in chart.alt
    labels = {t.get_text(): t.xy for t in axes.texts}  # each label at the end of its bar, the mean's at its line
    assert labels == {
        "p=0.90, did not happen": pytest.approx((0.81, ticks["F01"])),
        "p=0.20, did not happen": pytest.approx((0.04, ticks["F02"])),
        "mean = Brier score 0.425": pytest.approx((0.425, 1.5)),
    }
    with pytest.raises(AllianceLabError, match="score_table"):
        plots.squared_error_bars(pd.DataFrame({"question": ["F01"]}))


# --- widget ----------------------------------------------------------------------------------------


def test_scorer_starts_at_the_coin_flip_score(questions):
    scorer = ForecastScorer(questions)
    assert "Brier score 0.250" in scorer.status.value and "the same as always saying 50%" in scorer.status.value
    assert scorer.summary.startswith(
        f"Forecast scorer: a probability slider and a 'happened' box for each of {len(questions)} questions"
    )


def test_moving_a_slider_and_ticking_an_outcome_change_score_and_figure(questions):
    scorer = ForecastScorer(questions, ids=["F01", "F07"])
    before = scorer.image()
    scorer.sliders["F01"].value = 0.8
    scorer.happened["F01"].value = True
    # (0.2 ** 2 + 0.5 ** 2) / 2 = (0.04 + 0.25) / 2 = 0.145
    assert "Brier score 0.145" in scorer.status.value and "better than always saying 50%" in scorer.status.value
    assert scorer.image() != before
    scorer.happened["F01"].value = False  # you said 0.8 and it did not happen: 0.64
    assert "Brier score 0.445" in scorer.status.value and "Costliest forecast: F01" in scorer.status.value


def test_calibration_view_and_bad_bins_keep_the_last_figure(questions):
    scorer = ForecastScorer(questions, probabilities={"F01": 0.9})
    scorer.view.value = "Calibration"
    assert "Reliability diagram" in scorer.chart.alt
    before = scorer.figure.value
    scorer.bins.value = 0
    assert "Not drawn:" in scorer.status.value and "number of bins must be between 1 and 20" in scorer.status.value
    assert scorer.figure.value == before
    scorer.bins.value = 2
    assert "Not drawn" not in scorer.status.value and scorer.figure.value != before


def test_recorded_outcomes_are_locked(questions):
    resolved = questions.copy()
    resolved.loc[0, ["outcome", "resolution_url"]] = [1, "https://example.org/outcome"]
    scorer = ForecastScorer(resolved, ids=[resolved.loc[0, "question_id"], resolved.loc[1, "question_id"]])
    box = scorer.happened[resolved.loc[0, "question_id"]]
    assert box.value is True and box.disabled and box.description == "happened (recorded)"
    assert "Outcomes: 1 supposed, 1 recorded" in scorer.status.value


def test_scorer_refuses_bad_arguments(questions):
    with pytest.raises(AllianceLabError, match="Unknown question 'F99'"):
        ForecastScorer(questions, ids=["F99"])
    with pytest.raises(AllianceLabError, match="No question 'F99' in this scorer"):
        ForecastScorer(questions, probabilities={"F99": 0.5})
    with pytest.raises(AllianceLabError, match="The probability for F01 1 must be between 0 and 1"):
        ForecastScorer(questions, probabilities={"F01": 1.5})
    with pytest.raises(AllianceLabError, match="forecast_questions"):
        ForecastScorer(pd.DataFrame({"a": [1]}))
