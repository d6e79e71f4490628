"""Exercise set 06 (Reading the brief critically): the fact-check, coding the brief's claims, the forecasts
scorecard and Brier scores."""

from dataclasses import dataclass
from numbers import Real

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ItemsTask, NumberTask, TableTask, Task
from alliancelab.models import forecasting, scorecard

#: The two FY2025 rows of ``defense_spending`` that measure the same spending against FY2022 GDP.
INITIAL = "security-related spending share of GDP, initial budget"
WITH_SUPPLEMENTARY = "security-related spending share of GDP, initial plus supplementary"


def _claims():
    return data.load("brief_claims")


def _facts_by_section():
    facts = scorecard.facts(_claims())
    table = facts.groupby("section", observed=True)["verdict"].agg(
        facts="size", accurate=lambda verdicts: int((verdicts == "accurate").sum())
    )
    return table.reset_index()


def _partly_forecasts():
    forecasts = scorecard.forecasts(_claims())
    return list(forecasts.loc[forecasts["verdict"] == "partly came true", "claim_id"])


def _trusting_reader(probability=0.7):
    scored = scorecard.scored_forecasts(_claims())
    return forecasting.brier_score([probability] * len(scored), scored["outcome"])


def _gain_of_confidence():
    """Scorer at 0.5 everywhere, only F01 ticked: Brier score with F01 at 0.6 minus with F01 at 0.9."""
    questions = data.load("forecast_questions")
    recorded = questions["outcome"].fillna(0).astype(int)  # recorded outcomes stay; the rest un-ticked
    outcomes = [1 if qid == "F01" else o for qid, o in zip(questions["question_id"], recorded)]

    def score(p_f01):
        probs = [p_f01 if qid == "F01" else 0.5 for qid in questions["question_id"]]
        return forecasting.brier_score(probs, outcomes)

    return score(0.6) - score(0.9)


def _supplementary_points():
    defence = data.load("defense_spending")
    fy2025 = defence[(defence["fiscal_year"] == "FY2025") & (defence["series"] == "gdp_share")]
    value = fy2025.set_index("metric")["value"]
    return float(value[WITH_SUPPLEMENTARY] - value[INITIAL])


#: Task 5: five of the brief's sentences, word for word, for learners to code themselves.
RAW_CLAIMS = {
    "C12": "Trump, on the other hand, has stated unequivocally that he plans to leave the Paris Agreement once more.",
    "C18": "Nevertheless, given that he revived the Quad security cooperation with Japan, India, and Australia during "
    "his first term, it seems likely that he will continue to support it.",
    "C21": "However, Trump has avoided repeating his earlier episodic criticisms of Japan's trade surplus or allegedly "
    "inadequate commitment to security cooperation, suggesting that he recognizes the importance of the "
    "country's relationship with Japan at this early point in his administration.",
    "C31": "Japan should prioritize three-party summits between China, South Korea, and itself to prevent boiling the "
    "Taiwan issue and North Korea's nuclear threats.",
    "C38": "A critical issue in the international arena is how the US-Japan relationship has strengthened during "
    "Trump's presidency in light of Japan's growing security challenges.",
}


def module_coding() -> dict:
    """The module's kind for each of the five sentences of task 5."""
    kinds = _claims().set_index("claim_id")["kind"].astype(str)
    return {claim_id: kinds[claim_id] for claim_id in RAW_CLAIMS}


@dataclass
class CodingTask(Task):
    """Your own kind for each sentence of ``RAW_CLAIMS`` and the share on which you agree with the module.

    The answer is a dict ``{"coding": {claim id: kind}, "agreement": share}``; it is right when the coding
    names a valid kind for every sentence and the share matches that coding. Any coding can be right:
    the task checks the comparison, not the choices.
    """

    def problem_with(self, answer):
        if not isinstance(answer, dict) or set(answer) != {"coding", "agreement"}:
            return 'Expected a dict with two keys: {"coding": {...}, "agreement": share}.'
        coding, share = answer["coding"], answer["agreement"]
        if not isinstance(coding, dict) or set(coding) != set(RAW_CLAIMS):
            return f"'coding' should be a dict with one kind for each of {', '.join(RAW_CLAIMS)}."
        wrong = [k for k, kind in coding.items() if not isinstance(kind, str) or kind not in scorecard.VERDICTS]
        if wrong:
            return f"{wrong[0]}: {coding[wrong[0]]!r} is not a kind. Kinds: {', '.join(scorecard.VERDICTS)}."
        if isinstance(share, bool) or not isinstance(share, Real) or not 0 <= share <= 1:
            return "'agreement' should be a share between 0 and 1 (e.g. 0.6 for three of five)."
        return None

    def is_right(self, answer) -> bool:
        module = module_coding()
        agree = sum(answer["coding"][k] == module[k] for k in RAW_CLAIMS) / len(RAW_CLAIMS)
        return abs(float(answer["agreement"]) - agree) <= 0.005

    def praise(self) -> str:
        return "Well done. Now compare your kinds with `claims` (kind and note) for the sentences where you differ."


register(
    TableTask(
        "06.1",
        "A table of the fact claims per section: columns section, facts, accurate.",
        hints=(
            'Start from `scorecard.facts(claims)` (or `claims[claims["kind"] == "fact"]`) and group '
            "by `section` with `observed=True`.",
            '`(verdicts == "accurate").sum()` counts the accurate ones in a group; `.agg(...)` can make '
            "both columns at once, and `.reset_index()` turns `section` back into a column.",
        ),
        expected=_facts_by_section,
        columns=("section", "facts", "accurate"),
    ),
    ItemsTask(
        "06.2",
        "Which forecasts in Figure 2 only partly came true?",
        hints=(
            "Find the marker for 'partly came true' in the legend of Figure 2, then read the claim ids on those rows.",
            "Check with pandas: `scorecard.forecasts(claims)` and its `verdict` column.",
        ),
        expected=_partly_forecasts,
    ),
    NumberTask(
        "06.3",
        "Brier score of a reader who put 70% on every clearly scored forecast?",
        hints=(
            "`scorecard.scored_forecasts(claims)` keeps the stated forecasts with a 0/1 `outcome`.",
            '`forecasting.brier_score([0.7] * len(scored), scored["outcome"])`: one probability per forecast.',
        ),
        expected=_trusting_reader,
        tolerance=0.0005,
    ),
    NumberTask(
        "06.4",
        "How much lower is the Brier score with 0.9 on F01 than with 0.6 when F01 is ticked (it happens)?",
        hints=(
            "Run the scorer's cell again so that every slider is at 0.50 and no box is ticked; then tick only "
            "F01's box and move only its slider.",
            "Read the 'Brier score' in the status line at 0.60 and at 0.90 and subtract the second from the first; "
            "or compute both with `forecasting.brier_score` (eight probabilities; F01's outcome is now 1).",
            "A forecast that comes true adds the square of (1 - p) to the sum that is averaged.",
        ),
        expected=_gain_of_confidence,
        tolerance=0.001,
    ),
    CodingTask(
        "06.5",
        "Code five of the brief's sentences yourself and give your agreement with the module.",
        hints=(
            "Use the five kinds of lesson 06: fact, observation, forecast, implied forecast, recommendation.",
            'The module\'s kinds: `claims.set_index("claim_id")["kind"]`. Count the ids where yours is '
            "the same and divide by 5.",
        ),
    ),
    NumberTask(
        "06.6",
        "By how many points does FY2025's share of FY2022 GDP rise when the supplementary budget is counted?",
        hints=(
            "Keep the `defense_spending` rows with `series` 'gdp_share' and `fiscal_year` 'FY2025'.",
            "Two of them are measured against FY2022 GDP: 'initial budget' and 'initial plus "
            "supplementary'. Subtract the first from the second.",
        ),
        expected=_supplementary_points,
        tolerance=0.05,
        unit="percentage points of GDP",
    ),
)
