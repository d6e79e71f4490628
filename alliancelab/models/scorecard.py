"""The brief's scorecard: verdicts on its claims by kind, gaps in the record, and where sources come from.

Works on the ``brief_claims`` table (``data.load("brief_claims")``): one row per checkable claim, a
``kind``, a ``verdict`` on that kind's scale and the source behind it. Nothing here decides a verdict;
the functions count, sort and audit what the table records, and report what it does not record.

The kinds (coding rules in data/README.md and lesson 06): a **fact** (true or false when written), an
**observation** (the author's reading of the present: a stance, a mood, a cause), a **forecast** (the brief
says what will happen), an **implied forecast** (a forecast the module reads into the brief) and a
**recommendation** (what Japan should do). Only stated forecasts are scored as forecasts: an implied forecast
grades the module's reading rather than the author, so it is listed but left out of the score.

Method: the verdict scales follow fact-checking practice (e.g. Lucas Graves (2016), *Deciding What's True:
The Rise of Political Fact-Checking in American Journalism*, Columbia University Press); scoring forecasts
after the event follows Philip E. Tetlock (2005), *Expert Political Judgment*, Princeton University Press.
"""

import re

import pandas as pd

from alliancelab import validation
from alliancelab.errors import AllianceLabError

_TRUTH = ("accurate", "partly accurate", "inaccurate")
_OUTCOME = ("came true", "partly came true", "did not come true", "too early")
#: The verdict scale for each kind of claim, best first (the order of the schema's enum).
VERDICTS = {
    "fact": _TRUTH,
    "observation": _TRUTH,
    "forecast": _OUTCOME,
    "implied forecast": _OUTCOME,
    "recommendation": ("taken up", "partly taken up", "not taken up", "too early"),
}
#: The kinds whose outcome is observed after the brief (they need a ``date_observed``).
LATER = ("forecast", "implied forecast", "recommendation")

#: A forecast's verdict as a 0/1 outcome for a Brier score; the others are not scored.
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
            rows.append(
                {"kind": kind, "verdict": verdict, "claims": int((subset["verdict"].astype(str) == verdict).sum())}
            )
    misfits = claims[[str(v) not in VERDICTS.get(str(k), ()) for k, v in zip(claims["kind"], claims["verdict"])]]
    pairs = misfits["kind"].astype(str) + ": " + misfits["verdict"].astype(str)
    for verdict, n in pairs.value_counts(sort=False).items():
        rows.append({"kind": "unknown", "verdict": verdict, "claims": int(n)})
    return pd.DataFrame(rows)


def kind_table(claims: pd.DataFrame, kinds) -> pd.DataFrame:
    """The claims of the given kind (or kinds), sorted from the best verdict to the worst, then by id."""
    validation.table(claims, "brief_claims", CLAIM_COLUMNS)
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    unknown = [kind for kind in kinds if kind not in VERDICTS]
    if unknown:
        raise AllianceLabError(f"Unknown kind {unknown[0]!r}. Kinds: {', '.join(VERDICTS)}.")
    subset = claims[claims["kind"].astype(str).isin(kinds)].copy()
    order = {verdict: i for kind in kinds for i, verdict in enumerate(VERDICTS[kind])}
    subset["_order"] = subset["verdict"].astype(str).map(order)
    return subset.sort_values(["_order", "claim_id"], kind="stable").drop(columns="_order")


def facts(claims: pd.DataFrame) -> pd.DataFrame:
    """The fact claims, sorted from accurate to inaccurate, then by id."""
    return kind_table(claims, "fact")


def forecasts(claims: pd.DataFrame, implied: bool = False) -> pd.DataFrame:
    """The brief's forecasts (``implied=True``: with the implied ones), with a 0/1 ``outcome`` where the
    verdict allows it, sorted by the date observed."""
    subset = kind_table(claims, ["forecast", "implied forecast"] if implied else "forecast")
    subset["outcome"] = subset["verdict"].astype(str).map(OUTCOMES).astype("Int64")
    if "date_observed" in subset.columns:
        subset = subset.sort_values(["date_observed", "claim_id"], kind="stable", na_position="last")
    return subset


def scored_forecasts(claims: pd.DataFrame) -> pd.DataFrame:
    """Stated forecasts that clearly came true (1) or did not (0): the ones a Brier score can use.
    Implied forecasts are left out: they score the module's reading, not the brief."""
    subset = forecasts(claims)
    return subset[subset["outcome"].notna()]


def recommendations(claims: pd.DataFrame) -> pd.DataFrame:
    """The brief's recommendations: was each taken up, and with what result? One row each, best uptake first.

    Columns: ``claim_id``, ``recommendation`` (the claim), ``taken_up`` (the verdict), ``result`` (the
    evidence), ``date_observed`` and ``source_title``.
    """
    subset = kind_table(claims, "recommendation")
    columns = {
        "claim_id": "claim_id",
        "claim_text": "recommendation",
        "verdict": "taken_up",
        "evidence": "result",
        "date_observed": "date_observed",
        "source_title": "source_title",
    }
    return subset[[c for c in columns if c in subset.columns]].rename(columns=columns).reset_index(drop=True)


def gaps(claims: pd.DataFrame) -> pd.DataFrame:
    """What the record lacks: ids missing from the C01, C02, ... sequence, verdicts off their kind's scale,
    forecasts and recommendations without a date observed or marked "too early", and rows without a verdict
    or a source. One row per problem."""
    validation.table(claims, "brief_claims", CLAIM_COLUMNS)
    problems = []
    numbers = sorted(int(m.group(1)) for m in claims["claim_id"].astype(str).map(re.compile(r"C(\d+)$").match) if m)
    if numbers:
        for n in sorted(set(range(1, numbers[-1] + 1)) - set(numbers)):
            problems.append(
                {
                    "claim_id": f"C{n:02d}",
                    "problem": "no row: the id is missing from the table (a claim was dropped or never sourced)",
                }
            )
    for row in claims.itertuples():
        if pd.isna(row.verdict):
            problems.append({"claim_id": row.claim_id, "problem": "no verdict"})
        elif str(row.verdict) not in VERDICTS.get(str(row.kind), ()):
            problems.append(
                {
                    "claim_id": row.claim_id,
                    "problem": f"verdict {row.verdict!r} is not on the scale of kind {row.kind!r}",
                }
            )
        if "source_url" in claims.columns and pd.isna(row.source_url):
            problems.append({"claim_id": row.claim_id, "problem": "no source"})
        if str(row.kind) in LATER:
            if str(row.verdict) == "too early":
                problems.append({"claim_id": row.claim_id, "problem": "too early to judge"})
            elif "date_observed" in claims.columns and pd.isna(row.date_observed):
                problems.append({"claim_id": row.claim_id, "problem": f"{row.kind} without a date observed"})
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
    return table.assign(
        source_kind=table["source_title"].map(source_kind),
        replaced=replaced,
        weak_copy=notes.str.contains(WEAK_COPY, case=False, regex=True),
    )


def source_kind_counts(table: pd.DataFrame) -> pd.Series:
    """How many rows cite each kind of source."""
    return source_audit(table)["source_kind"].value_counts()
