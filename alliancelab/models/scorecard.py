"""The brief's scorecard: verdicts on its facts and forecasts, gaps in the record, and where sources come from.

Works on the ``brief_claims`` table (``data.load("brief_claims")``): one row per checkable claim, a
``kind`` (fact or prediction), a ``verdict`` and the source behind it. Nothing here decides a verdict;
the functions count, sort and audit what the table records, and report what it does not record.

Method: the verdict scales follow fact-checking practice (e.g. Lucas Graves (2016), *Deciding What's True:
The Rise of Political Fact-Checking in American Journalism*, Columbia University Press); scoring forecasts
after the event follows Philip E. Tetlock (2005), *Expert Political Judgment*, Princeton University Press.
"""

import re

import pandas as pd

from alliancelab import validation
from alliancelab.errors import AllianceLabError

#: The verdict scale for each kind of claim, best first (the order of the schema's enum).
VERDICTS = {
    "fact": ("accurate", "partly accurate", "inaccurate"),
    "prediction": ("came true", "partly came true", "did not come true", "too early"),
}

#: A prediction's verdict as a 0/1 outcome for a Brier score; the others are not scored.
OUTCOMES = {"came true": 1, "did not come true": 0}

#: A rough sort of sources by the words of their title (first match wins). Read the page to be sure.
SOURCE_KINDS = {
    "official": r"^(MOFA|Ministry|Prime Minister's Office|US Embassy|Federal Register|White House|USTR)\b"
                r"(?!.*summaris)",
    "agency or newspaper copy on another site": r"^(Jiji Press|Kyodo|AP|AFP|Reuters|IANS|PTI|Associated Press|Anadolu|"
                                   r"Bloomberg|USA Today|The Japan News|The Japan Times)\b[^:]* (via|citing) ",
    "repost or summary": r" via | citing |as reposted|summaris",
}
ORIGINAL = "original outlet"

#: Words in a note that flag a weak copy (a repost, a blog, an aggregator).
WEAK_COPY = r"repost|blog|aggregator"
#: The columns every function here reads from the brief_claims table.
CLAIM_COLUMNS = ("claim_id", "kind", "verdict")


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each kind got each verdict, every verdict listed (zero counts included)."""
    validation.table(claims, "brief_claims", CLAIM_COLUMNS)
    rows = []
    for kind, verdicts in VERDICTS.items():
        subset = claims[claims["kind"].astype(str) == kind]
        for verdict in verdicts:
            rows.append({"kind": kind, "verdict": verdict,
                         "claims": int((subset["verdict"].astype(str) == verdict).sum())})
    unknown = claims[~claims["verdict"].astype(str).isin([v for vs in VERDICTS.values() for v in vs])]
    for verdict, n in unknown["verdict"].astype(str).value_counts().items():
        rows.append({"kind": "unknown", "verdict": verdict, "claims": int(n)})
    return pd.DataFrame(rows)


def _by_kind(claims: pd.DataFrame, kind: str) -> pd.DataFrame:
    validation.table(claims, "brief_claims", CLAIM_COLUMNS)
    subset = claims[claims["kind"].astype(str) == kind].copy()
    order = {verdict: i for i, verdict in enumerate(VERDICTS[kind])}
    subset["_order"] = subset["verdict"].astype(str).map(order)
    return subset.sort_values(["_order", "claim_id"], kind="stable").drop(columns="_order")


def facts(claims: pd.DataFrame) -> pd.DataFrame:
    """The fact claims, sorted from accurate to inaccurate, then by id."""
    return _by_kind(claims, "fact")


def predictions(claims: pd.DataFrame) -> pd.DataFrame:
    """The predictions with a 0/1 ``outcome`` where the verdict allows it, sorted by the date observed."""
    subset = _by_kind(claims, "prediction")
    subset["outcome"] = subset["verdict"].astype(str).map(OUTCOMES).astype("Int64")
    if "date_observed" in subset.columns:
        subset = subset.sort_values(["date_observed", "claim_id"], kind="stable", na_position="last")
    return subset


def scored_predictions(claims: pd.DataFrame) -> pd.DataFrame:
    """Predictions that clearly came true (1) or did not (0): the ones a Brier score can use."""
    subset = predictions(claims)
    return subset[subset["outcome"].notna()]


def gaps(claims: pd.DataFrame) -> pd.DataFrame:
    """What the record lacks: ids missing from the C01, C02, ... sequence, predictions without a date
    observed or marked "too early", and rows without a verdict or a source. One row per problem."""
    validation.table(claims, "brief_claims", CLAIM_COLUMNS)
    problems = []
    numbers = sorted(int(m.group(1)) for m in claims["claim_id"].astype(str).map(re.compile(r"C(\d+)$").match)
                     if m)
    if numbers:
        for n in sorted(set(range(1, numbers[-1] + 1)) - set(numbers)):
            problems.append({"claim_id": f"C{n:02d}", "problem": "no row: the id is missing from the table "
                                                                 "(a claim was dropped or never sourced)"})
    for row in claims.itertuples():
        if pd.isna(row.verdict):
            problems.append({"claim_id": row.claim_id, "problem": "no verdict"})
        if "source_url" in claims.columns and pd.isna(row.source_url):
            problems.append({"claim_id": row.claim_id, "problem": "no source"})
        if str(row.kind) == "prediction":
            if str(row.verdict) == "too early":
                problems.append({"claim_id": row.claim_id, "problem": "too early to judge"})
            elif "date_observed" in claims.columns and pd.isna(row.date_observed):
                problems.append({"claim_id": row.claim_id, "problem": "prediction without a date observed"})
    return pd.DataFrame(problems, columns=["claim_id", "problem"])


def source_kind(title) -> str:
    """A first guess at what kind of source a ``source_title`` names: official, agency copy, repost or original."""
    if not isinstance(title, str) or not title.strip():
        return "no source"
    for kind, pattern in SOURCE_KINDS.items():
        if re.search(pattern, title):
            return kind
    return ORIGINAL


def source_audit(table: pd.DataFrame) -> pd.DataFrame:
    """Each row's source sorted by kind, with the source it replaced and any weak-copy warning in its note.

    Columns added: ``source_kind`` (see :func:`source_kind`), ``replaced`` (the outlet named after
    "Replaces" in the note, if any) and ``weak_copy`` (the note mentions a repost, blog or aggregator).
    """
    if not isinstance(table, pd.DataFrame) or "source_title" not in table.columns:
        raise AllianceLabError("Expected a data table with a 'source_title' column (any table from data.load).")
    notes = table["note"].fillna("").astype(str) if "note" in table.columns else pd.Series("", index=table.index)
    replaced = notes.str.extract(r"Replaces (?:an? |the )?(.+?)(?:\.(?:\s|$)|;|$)", expand=False)
    return table.assign(source_kind=table["source_title"].map(source_kind), replaced=replaced,
                        weak_copy=notes.str.contains(WEAK_COPY, case=False, regex=True))


def source_kind_counts(table: pd.DataFrame) -> pd.Series:
    """How many rows cite each kind of source."""
    return source_audit(table)["source_kind"].value_counts()
