"""Exercise set 06 (Reading the brief critically): the fact-check, the predictions scorecard and Brier scores."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, ItemsTask, NumberTask, TableTask
from alliancelab.models import forecasting, scorecard

#: The two FY2025 rows of ``defense_spending`` that measure the same spending against FY2022 GDP.
INITIAL = "security-related spending share of GDP, initial budget"
WITH_SUPPLEMENTARY = "security-related spending share of GDP, initial plus supplementary"


def _claims():
    return data.load("brief_claims")


def _facts_by_section():
    facts = scorecard.facts(_claims())
    table = facts.groupby("section", observed=True)["verdict"].agg(
        facts="size", accurate=lambda verdicts: int((verdicts == "accurate").sum()))
    return table.reset_index()


def _missed_forecasts():
    forecasts = scorecard.predictions(_claims())
    return list(forecasts.loc[forecasts["verdict"] == "did not come true", "claim_id"])


def _trusting_reader(probability=0.7):
    scored = scorecard.scored_predictions(_claims())
    return forecasting.brier_score([probability] * len(scored), scored["outcome"])


def _cost_of_confidence():
    """Scorer at 0.5 everywhere, nothing ticked: Brier score with F01 at 0.9 minus with F01 at 0.6."""
    questions = data.load("forecast_questions")
    outcomes = questions["outcome"].fillna(0).astype(int).tolist()  # recorded outcomes stay; the rest un-ticked

    def score(p_f01):
        probs = [p_f01 if qid == "F01" else 0.5 for qid in questions["question_id"]]
        return forecasting.brier_score(probs, outcomes)

    return score(0.9) - score(0.6)


def _supplementary_points():
    defence = data.load("defense_spending")
    fy2025 = defence[(defence["fiscal_year"] == "FY2025") & (defence["series"] == "gdp_share")]
    value = fy2025.set_index("metric")["value"]
    return float(value[WITH_SUPPLEMENTARY] - value[INITIAL])


register(
    TableTask("06.1", "A table of the fact claims per section: columns section, facts, accurate.",
              hints=("Start from `scorecard.facts(claims)` (or `claims[claims[\"kind\"] == \"fact\"]`) and group "
                     "by `section` with `observed=True`.",
                     "`(verdicts == \"accurate\").sum()` counts the accurate ones in a group; `.agg(...)` can make "
                     "both columns at once, and `.reset_index()` turns `section` back into a column."),
              expected=_facts_by_section, columns=("section", "facts", "accurate")),
    ItemsTask("06.2", "Which forecasts in Figure 2 did not come true?",
              hints=("Find the marker for 'did not come true' in the legend of Figure 2, then read the claim ids on "
                     "those rows.",
                     "Check with pandas: `scorecard.predictions(claims)` and its `verdict` column."),
              expected=_missed_forecasts),
    NumberTask("06.3", "Brier score of a reader who put 70% on every clearly scored forecast?",
               hints=("`scorecard.scored_predictions(claims)` keeps the forecasts with a 0/1 `outcome`.",
                      "`forecasting.brier_score([0.7] * len(scored), scored[\"outcome\"])`: one probability per "
                      "forecast."),
               expected=_trusting_reader, tolerance=0.0005),
    NumberTask("06.4", "How much higher is the Brier score with 0.9 on F01 than with 0.6 (F01 not ticked)?",
               hints=("Run the scorer's cell again so that every slider is at 0.50 and no box is ticked; then move "
                      "only F01.",
                      "Read the 'Brier score' in the status line at 0.90 and at 0.60 and subtract; or compute both "
                      "with `forecasting.brier_score` (eight probabilities, eight outcomes of 0)."),
               expected=_cost_of_confidence, tolerance=0.001),
    ChoiceTask("06.5", "What should a careful checker do with a figure seen only as a blog repost?",
               hints=("Re-read 'Judging the sources' in the lesson, and the note of claim C14.",
                      "`scorecard.source_audit(claims)` marks notes that mention a repost, blog or aggregator."),
               options={"a": "Cite the blog: the number matches other reports, so the source does not matter.",
                        "b": "Look for the original or agency copy on a reputable site; if none is found, cite "
                             "the repost for reading only and say so in the note.",
                        "c": "Drop the claim from the fact-check: a repost proves it is false.",
                        "d": "Rate the claim 'inaccurate', because it cannot be checked."},
               correct="b"),
    NumberTask("06.6", "By how many points does FY2025's share of FY2022 GDP rise when the supplementary budget "
                       "is counted?",
               hints=("Keep the `defense_spending` rows with `series` 'gdp_share' and `fiscal_year` 'FY2025'.",
                      "Two of them are measured against FY2022 GDP: 'initial budget' and 'initial plus "
                      "supplementary'. Subtract the first from the second."),
               expected=_supplementary_points, tolerance=0.05, unit="percentage points of GDP"),
)
