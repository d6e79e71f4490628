"""Lesson 06: the brief's scorecard (verdict counts, gaps, source audit) and its figures."""

import pandas as pd
import pytest

from alliancelab import data
from alliancelab.errors import AllianceLabError
from alliancelab.models import scorecard as model
from alliancelab.plotting import forecasting as plots


@pytest.fixture(scope="module")
def claims():
    return data.load("brief_claims")


def toy(rows):
    """A small claims table: (claim_id, kind, verdict, date_observed, source_url)."""
    return pd.DataFrame(rows, columns=["claim_id", "kind", "verdict", "date_observed", "source_url"]).assign(
        date_observed=lambda t: pd.to_datetime(t["date_observed"]),
        claim_text="a claim",
        source_title="X",
        evidence="what happened",
    )


TOY = toy(
    [
        ("C01", "fact", "accurate", None, "https://a"),
        ("C02", "fact", "inaccurate", None, "https://b"),
        ("C04", "forecast", "came true", "2025-03-01", "https://c"),
        ("C05", "forecast", "did not come true", "2025-01-01", "https://d"),
        ("C06", "forecast", "partly came true", "2025-02-01", "https://e"),
        ("C07", "forecast", "too early", None, "https://f"),
        ("C08", "implied forecast", "came true", "2025-04-01", "https://g"),
        ("C09", "recommendation", "not taken up", "2025-05-01", "https://h"),
        ("C10", "observation", "partly accurate", None, "https://i"),
    ]
)


# --- model -----------------------------------------------------------------------------------------


def test_verdict_counts_list_every_verdict_with_zeros():
    counts = model.verdict_counts(TOY).set_index(["kind", "verdict"])["claims"]
    assert counts[("fact", "accurate")] == 1 and counts[("fact", "partly accurate")] == 0
    assert counts[("forecast", "too early")] == 1 and counts.sum() == len(TOY)
    assert counts[("recommendation", "not taken up")] == 1 and counts[("observation", "partly accurate")] == 1
    assert len(counts) == 18


def test_verdict_counts_of_the_real_table_add_up(claims):
    counts = model.verdict_counts(claims)
    assert counts["claims"].sum() == len(claims)
    by_kind = counts.groupby("kind")["claims"].sum()
    for kind in model.VERDICTS:
        assert by_kind[kind] == (claims["kind"] == kind).sum()
    assert "unknown" not in by_kind


def test_every_real_verdict_is_on_its_kinds_scale(claims):
    for row in claims.itertuples():
        assert row.verdict in model.VERDICTS[row.kind], row.claim_id


def test_the_real_table_codes_recommendations_and_observations_apart_from_forecasts(claims):
    kinds = claims.set_index("claim_id")["kind"]
    assert kinds["C21"] == "observation" and kinds[["C29", "C31"]].eq("recommendation").all()
    assert kinds[["C12", "C39"]].isin(["fact", "observation"]).all()
    assert kinds[["C14", "C37"]].eq("implied forecast").all()
    assert set(model.scored_forecasts(claims)["kind"]) == {"forecast"}


def test_verdicts_off_their_scale_are_reported():
    odd = toy([("C01", "fact", "came true", None, "https://a")])
    assert model.verdict_counts(odd).query("kind == 'unknown'")["verdict"].tolist() == ["fact: came true"]
    assert "not on the scale" in model.gaps(odd)["problem"].iloc[0]


def test_facts_sorted_best_first_and_forecasts_by_date_with_outcomes():
    assert model.facts(TOY)["claim_id"].tolist() == ["C01", "C02"]
    forecasts = model.forecasts(TOY)
    assert forecasts["claim_id"].tolist() == ["C05", "C06", "C04", "C07"]  # by date, undated last
    assert forecasts.set_index("claim_id")["outcome"].dropna().to_dict() == {"C05": 0, "C04": 1}
    assert model.forecasts(TOY, implied=True)["claim_id"].tolist() == ["C05", "C06", "C04", "C08", "C07"]
    assert model.scored_forecasts(TOY)["claim_id"].tolist() == ["C05", "C04"]  # implied C08 left out


def test_recommendations_table_says_whether_taken_up_and_the_result(claims):
    table = model.recommendations(TOY)
    assert table.columns.tolist() == [
        "claim_id",
        "recommendation",
        "taken_up",
        "result",
        "date_observed",
        "source_title",
    ]
    assert table["claim_id"].tolist() == ["C09"] and table["taken_up"].tolist() == ["not taken up"]
    real = model.recommendations(claims)
    assert real["claim_id"].tolist() == ["C31", "C29"]  # taken up before partly taken up
    assert real["result"].str.len().gt(40).all()


def test_kind_table_rejects_an_unknown_kind():
    with pytest.raises(AllianceLabError, match="Unknown kind 'prediction'"):
        model.kind_table(TOY, "prediction")


def test_gaps_report_missing_ids_dates_and_too_early():
    problems = model.gaps(TOY)
    assert problems.to_dict("records") == [
        {
            "claim_id": "C03",
            "problem": "no row: the id is missing from the table (a claim was dropped or never sourced)",
        },
        {"claim_id": "C07", "problem": "too early to judge"},
    ]
    undated = toy([("C01", "forecast", "came true", None, None)])
    assert model.gaps(undated)["problem"].tolist() == ["no source", "forecast without a date observed"]


def test_the_real_table_lacks_c17_the_ipef_forecast(claims):
    problems = model.gaps(claims)
    assert "C17" in set(problems["claim_id"])


@pytest.mark.parametrize(
    "title, kind",
    [
        ("MOFA press release (2017-11-12)", "official"),
        ("US Embassy Tokyo, Japan Media Highlights summarising Yomiuri: PM Abe (2016-08-28)", "repost or summary"),
        ("Jiji Press via Nippon.com (2025-02-08)", "agency or newspaper copy on another site"),
        ("Kyodo via OANA (2025-03-07)", "agency or newspaper copy on another site"),
        ("Nikkei Asia, as reposted on eforum2025.blogspot.com", "repost or summary"),
        ("The Japan Times (2025-09-07)", "original outlet"),
        ("", "no source"),
        (None, "no source"),
    ],
)
def test_source_kind_sorts_titles(title, kind):
    assert model.source_kind(title) == kind


def test_source_audit_finds_replaced_and_weak_sources():
    table = pd.DataFrame(
        {
            "source_title": ["Jiji Press via Nippon.com (2025)", "Daily Sabah (2022)", "Blog (2025)"],
            "note": [
                "Replaces TASS.",
                "Replaces UrduPoint/Sputnik as main source. More.",
                "Only a blog repost was found.",
            ],
        }
    )
    audit = model.source_audit(table)
    assert audit["replaced"].tolist()[:2] == ["TASS", "UrduPoint/Sputnik as main source"]
    assert pd.isna(audit["replaced"].iloc[2])
    assert audit["weak_copy"].tolist() == [False, False, True]
    assert (
        model.source_audit(
            pd.DataFrame({"source_title": ["Reuters via 1lurer.am"], "note": ["Replaces Reuters via 1lurer.am."]})
        )["replaced"].iloc[0]
        == "Reuters via 1lurer.am"
    )


def test_source_audit_of_the_real_claims_names_replaced_sources(claims):
    audit = model.source_audit(claims)
    assert audit["replaced"].notna().sum() >= 1
    assert set(audit["source_kind"]) <= set(model.SOURCE_KINDS) | {model.ORIGINAL}
    assert model.source_kind_counts(claims).sum() == len(claims)


@pytest.mark.parametrize(
    "call", [model.verdict_counts, model.facts, model.forecasts, model.recommendations, model.gaps]
)
def test_functions_need_the_claims_table(call):
    with pytest.raises(AllianceLabError, match="brief_claims"):
        call(pd.DataFrame({"claim_id": ["C01"]}))
    with pytest.raises(AllianceLabError, match="got list"):
        call([1, 2])


def test_source_audit_needs_a_source_title_column():
    with pytest.raises(AllianceLabError, match="source_title"):
        model.source_audit(pd.DataFrame({"a": [1]}))


# --- figures ---------------------------------------------------------------------------------------


def test_verdict_chart_alt_text_follows_the_counts(claims):
    chart = plots.verdict_counts(claims)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "The brief's checkable claims, by kind and verdict"
    assert axes.get_xlabel() == "Number of claims" and axes.get_ylabel() == "Kind of claim: verdict"
    assert len(axes.get_yticklabels()) == 18
    counts = model.verdict_counts(claims).set_index(["kind", "verdict"])["claims"]
    facts = int(counts["fact"].sum())
    assert f"{facts} facts ({counts[('fact', 'accurate')]} accurate," in chart.alt
    assert f"{counts[('forecast', 'too early')]} too early" in chart.alt
    assert f"{int(counts['recommendation'].sum())} recommendations (" in chart.alt
    assert "data/brief_claims.csv" in chart.caption


def test_verdict_chart_changes_with_the_data():
    assert "2 facts (1 accurate, 0 partly accurate, 1 inaccurate)" in plots.verdict_counts(TOY).alt
    assert (
        "4 forecasts (1 came true, 1 partly came true, 1 did not come true, 1 too early)"
        in plots.verdict_counts(TOY).alt
    )
    assert "1 implied forecasts (1 came true, 0 partly came true" in plots.verdict_counts(TOY).alt


def test_scorecard_chart_places_dated_forecasts_and_reports_the_rest(claims):
    chart = plots.scorecard_chart(TOY)
    axes = chart.figure.axes[0]
    assert axes.get_xlabel() == "Date the outcome was observed"
    assert len(axes.get_yticklabels()) == 3
    assert chart.alt.startswith("Dot chart of 3 forecasts from the brief")
    assert "from January 2025 (C05) to March 2025 (C04)" in chart.alt
    assert "did not come true: C05" in chart.alt and "1 forecast(s) have no date observed" in chart.alt
    assert "Not shown (1): forecasts without a date observed: C07. Implied forecasts, not shown: C08." in chart.caption
    real = plots.scorecard_chart(claims)
    dated = int(claims.loc[claims["kind"] == "forecast", "date_observed"].notna().sum())
    assert real.alt.startswith(f"Dot chart of {dated} forecasts")


def test_scorecard_chart_needs_dated_forecasts():
    with pytest.raises(AllianceLabError, match="date_observed"):
        plots.scorecard_chart(toy([("C01", "forecast", "too early", None, "https://a")]))
