"""Forecast scorer: give probabilities for open questions, suppose outcomes, and see your Brier score.

Controls: one slider per question (your probability that it happens) and one tick box per question
("happened"): tick it to suppose the event happened. A question whose outcome is recorded in
``data/forecast_questions.csv`` has its box set to the recorded outcome and locked. A menu switches the
figure between the squared error of each forecast and a calibration (reliability) diagram, whose number
of bins you can set. The scores come from :mod:`alliancelab.models.forecasting`.
"""

import html

import ipywidgets as w
import pandas as pd

from alliancelab import validation
from alliancelab.errors import AllianceLabError
from alliancelab.models import forecasting
from alliancelab.plotting import forecasting as forecast_plots
from alliancelab.widgets.base import Explorer

#: The most questions one scorer shows (each needs a slider and a tick box).
MAX_QUESTIONS = 10
VIEWS = ("Where the score comes from", "Calibration")


class ForecastScorer(Explorer):
    """Probability sliders and supposed outcomes for open questions -> Brier score and a figure."""

    def __init__(self, questions: pd.DataFrame, ids=None, probabilities=None, bins: int = 5):
        self.questions = _select(questions, ids)
        probabilities = dict(probabilities or {})
        unknown = [key for key in probabilities if key not in set(self.questions["question_id"])]
        if unknown:
            raise AllianceLabError(
                f"No question {unknown[0]!r} in this scorer. Questions: {', '.join(self.questions['question_id'])}."
            )
        self.sliders, self.happened = {}, {}
        rows = []
        for row in self.questions.itertuples():
            start = forecasting.check_probabilities(
                [probabilities.get(row.question_id, 0.5)], label=f"The probability for {row.question_id}"
            )[0]
            self.sliders[row.question_id] = w.FloatSlider(
                value=start,
                min=0.0,
                max=1.0,
                step=0.05,
                description=row.question_id,
                readout_format=".2f",
                continuous_update=False,
                layout=w.Layout(width="320px"),
            )
            recorded = not pd.isna(row.outcome)
            self.happened[row.question_id] = w.Checkbox(
                value=bool(row.outcome) if recorded else False,
                disabled=recorded,
                indent=False,
                description="happened (recorded)" if recorded else "happened",
                layout=w.Layout(width="170px"),
            )
            rows.append(
                w.HBox(
                    [
                        self.sliders[row.question_id],
                        self.happened[row.question_id],
                        w.HTML(f"<small>{html.escape(row.question)}</small>", layout=w.Layout(width="560px")),
                    ]
                )
            )
        self.view = w.ToggleButtons(options=VIEWS, value=VIEWS[0], description="Figure")
        self.bins = w.IntText(
            value=bins,
            description="Calibration bins",
            style={"description_width": "initial"},
            layout=w.Layout(width="200px"),
        )
        super().__init__([*rows, w.HBox([self.view, self.bins])])
        n = len(self.questions)
        recorded = int(self.questions["outcome"].notna().sum())
        self.summary = (
            f"Forecast scorer: a probability slider and a 'happened' box for each of {n} questions "
            f"({', '.join(self.questions['question_id'])}); {recorded} outcome(s) recorded, the rest "
            f"supposed by you. At the start the Brier score is "
            f"{forecasting.brier_score(self.probabilities(), self.outcomes()):.3f} (always saying 50% "
            f"scores {forecasting.COIN_FLIP_SCORE:.3f} whatever happens). Run the notebook to change "
            "the sliders."
        )
        self.refresh()

    def probabilities(self) -> list:
        """Your probabilities, in question order."""
        return [slider.value for slider in self.sliders.values()]

    def outcomes(self) -> list:
        """The outcomes (recorded or supposed) as 0/1, in question order."""
        return [int(box.value) for box in self.happened.values()]

    def draw(self):
        probs, outcomes, ids = self.probabilities(), self.outcomes(), list(self.sliders)
        if self.view.value == "Calibration":
            chart = forecast_plots.calibration_chart(probs, outcomes, self.bins.value, into=self.chart)
        else:
            forecasting.bin_edges(self.bins.value)  # a bad bin count is reported in either view
            chart = forecast_plots.squared_error_bars(forecasting.score_table(probs, outcomes, ids), into=self.chart)
        return chart, self.explain(probs, outcomes, ids)

    def explain(self, probs, outcomes, ids) -> str:
        """The status line: Brier score, comparison with always saying 50%, the costliest forecast."""
        score = forecasting.brier_score(probs, outcomes)
        table = forecasting.score_table(probs, outcomes, ids)
        worst = table.loc[table["squared_error"].idxmax()]
        supposed = sum(not box.disabled for box in self.happened.values())
        if score < forecasting.COIN_FLIP_SCORE:
            compare = "better than"
        elif score > forecasting.COIN_FLIP_SCORE:
            compare = "worse than"
        else:
            compare = "the same as"
        happened = "happened" if worst["outcome"] == 1 else "did not happen"
        return (
            f"<b>Brier score {score:.3f}</b> on {len(probs)} questions: {compare} always saying 50% "
            f"({forecasting.COIN_FLIP_SCORE:.3f}); lower is better. Outcomes: {supposed} supposed, "
            f"{len(probs) - supposed} recorded. Costliest forecast: {html.escape(str(worst['question']))} "
            f"(you said {worst['probability']:.2f}, it {happened}: {worst['squared_error']:.3f})."
        )


def _select(questions: pd.DataFrame, ids) -> pd.DataFrame:
    validation.table(questions, "forecast_questions", ["question_id", "question", "outcome"])
    if ids is not None:
        ids = list(ids)
        missing = [i for i in ids if i not in set(questions["question_id"])]
        if missing:
            raise AllianceLabError(f"Unknown question {missing[0]!r}. Known: {', '.join(questions['question_id'])}.")
        questions = questions.set_index("question_id", drop=False).loc[ids].reset_index(drop=True)
    if questions.empty:
        raise AllianceLabError("Choose at least one question.")
    if len(questions) > MAX_QUESTIONS:
        raise AllianceLabError(f"Choose at most {MAX_QUESTIONS} questions at once, got {len(questions)}.")
    return questions
