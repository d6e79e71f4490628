"""Running the simulation in class: private briefs as text or Markdown handouts, and a CSV log of offers.

The instructor prints or writes one brief per team (``print_brief("japan")``, ``write_handouts(folder)``),
records each round's offers with :func:`record_offer` (or, when a team takes the other side's last package as it
stands, :func:`accept_offer`) and reads them back for the debrief with :func:`read_offers` / :func:`offers_of`.
"""

import csv
from pathlib import Path

import pandas as pd

from alliancelab.errors import AllianceLabError
from alliancelab.models import negotiation as neg
from alliancelab.simulation import briefs
from alliancelab.validation import number

COLUMNS = ["team", "round", "total", *neg.CATEGORIES, "pledge", "linkage", "note"]


def brief_markdown(team: str, delegation: str | None = None) -> str:
    """A team's private brief as Markdown: its delegations, settings and the rules; one delegation if given."""
    chosen = briefs.delegations(team)
    if delegation is not None:
        chosen = [d for d in chosen if d.key == delegation]
        if not chosen:
            keys = ", ".join(d.key for d in briefs.delegations(team))
            raise AllianceLabError(f"Unknown delegation {delegation!r} for {team}: use one of {keys}.")
    side = briefs.settings_for(team)
    lines = [
        f"# Private brief: {briefs.TEAMS[team]}",
        "",
        "*Do not show this brief to the other team.* Numbers marked with a table name come from that row of "
        "`data/`; numbers marked *game setting* are rules of this game, not facts.",
        "",
    ]
    for item in chosen:
        lines += [f"## {item.name}", "", f"*{item.role}*", "", "**Interests**", ""]
        lines += [f"- {briefs.render(text)}" for text in item.interests]
        lines += ["", "**Constraints**", ""] + [f"- {briefs.render(text)}" for text in item.constraints]
        lines += ["", "**Red lines**", ""] + [f"- {briefs.render(text)}" for text in item.red_lines] + [""]
    lines += [
        "## How your payoff is scored",
        "",
        f"- Weights (game settings): total {side.weights['total']:g}, pledge {side.weights['pledge']:g}, mix "
        f"{side.weights['mix']:g}. On the total and the pledge you score 0 at your red line and full marks at "
        "your best value: " + briefs.render(briefs.SCORING[team]),
        "- You like a large share for: "
        + (", ".join(neg.CATEGORIES[k].lower() for k in side.mix_prefers) or "nothing in particular")
        + ".",
        f"- No deal is worth {side.no_deal:g} points; a package your side would not ratify is worth the same.",
        "",
    ]
    return "\n".join(lines)


def print_brief(team: str, delegation: str | None = None) -> None:
    """Print a team's private brief (for the instructor to hand out)."""
    print(brief_markdown(team, delegation))


def write_handouts(folder, per_delegation: bool = False) -> list[Path]:
    """Write one Markdown handout per team (or per delegation) into ``folder``; return the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for team in neg.SIDES:
        keys = [d.key for d in briefs.delegations(team)] if per_delegation else [None]
        for key in keys:
            path = folder / f"brief_{team}{'_' + key if key else ''}.md"
            path.write_text(brief_markdown(team, key), encoding="utf-8")
            paths.append(path)
    return paths


def record_offer(path, team: str, round_number: int, package: neg.Offer, note: str = "") -> dict:
    """Append one team's offer in one round to the CSV at ``path`` (created with a header if new)."""
    briefs.check_team(team)
    round_number = int(_round(round_number))
    row = {"team": team, "round": round_number, **neg.check_offer(package).as_row(), "note": str(note)}
    path = Path(path)
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        if new:
            writer.writeheader()
        writer.writerow(row)
    return row


def accept_offer(path, team: str, round_number: int, note: str = "accepted as it stands") -> dict:
    """Record that ``team`` accepts, unchanged, the other team's latest package before ``round_number``
    (or in it, if the other team has already tabled one): the same package for both sides strikes the deal."""
    briefs.check_team(team)
    round_number = int(_round(round_number))
    other = next(side for side in neg.SIDES if side != team)
    table = read_offers(path)
    theirs = table[(table["team"] == other) & (table["round"] <= round_number)]
    if theirs.empty:
        raise AllianceLabError(f"There is no {briefs.TEAMS[other]} offer up to round {round_number} to accept.")
    last = theirs.sort_values("round").iloc[-1]
    package = neg.offer(last["total"], {k: last[k] for k in neg.CATEGORIES}, last["pledge"], bool(last["linkage"]))
    return record_offer(path, team, round_number, package, note)


def _round(value):
    value = number("The round number", value, 1, 100)
    if value != int(value):
        raise AllianceLabError(f"The round number must be a whole number, got {value:g}.")
    return value


def read_offers(path) -> pd.DataFrame:
    """The offers recorded in the CSV at ``path``, checked row by row, sorted by round and team."""
    path = Path(path)
    if not path.is_file():
        raise AllianceLabError(f"{path}: no offers recorded yet (file not found).")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise AllianceLabError(f"{path}: the offers file lacks the column(s) {', '.join(missing)}.")
    rows = []
    for line, row in enumerate(frame.to_dict("records"), start=2):
        try:
            rows.append(_typed(row))
        except (AllianceLabError, ValueError) as err:
            raise AllianceLabError(f"{path}, line {line}: {err}") from None
    return pd.DataFrame(rows, columns=COLUMNS).sort_values(["round", "team"], kind="stable").reset_index(drop=True)


def _typed(row: dict) -> dict:
    if row["team"] not in neg.SIDES:
        raise AllianceLabError(f"team must be 'japan' or 'us', got {row['team']!r}.")
    linkage = row["linkage"].strip().lower()
    if linkage not in ("true", "false"):
        raise AllianceLabError(f"linkage must be True or False, got {row['linkage']!r}.")
    package = neg.offer(
        float(row["total"]), {k: float(row[k]) for k in neg.CATEGORIES}, float(row["pledge"]), linkage == "true"
    )
    return {"team": row["team"], "round": int(_round(float(row["round"]))), **package.as_row(), "note": row["note"]}


def offers_table(entries) -> pd.DataFrame:
    """``(team, round, package)`` entries as a table like :func:`read_offers` gives, without a file (for a
    demonstration); each entry is checked as :func:`record_offer` checks it."""
    rows = [
        {
            "team": briefs.check_team(team),
            "round": int(_round(round_number)),
            **neg.check_offer(package).as_row(),
            "note": "",
        }
        for team, round_number, package in entries
    ]
    return pd.DataFrame(rows, columns=COLUMNS).sort_values(["round", "team"], kind="stable").reset_index(drop=True)


def offers_of(table: pd.DataFrame, team: str) -> list[neg.Offer]:
    """One team's offers from :func:`read_offers`, in round order, as Offer objects."""
    rows = table[table["team"] == team].sort_values("round")
    return [
        neg.offer(r["total"], {k: r[k] for k in neg.CATEGORIES}, r["pledge"], bool(r["linkage"]))
        for r in rows.to_dict("records")
    ]


def agreed_round(japan_offers, us_offers) -> int | None:
    """The first round (1, 2, ...) in which both teams tabled the same package, or ``None``."""
    return next((n for n, (mine, theirs) in enumerate(zip(japan_offers, us_offers), start=1) if mine == theirs), None)


def debrief(path, actual=True):
    """Read the class's offers (a CSV path, or a table from :func:`offers_table`) and chart them against both
    win-sets: ``(chart, sentence)``.

    A deal is struck in the first round where both teams table the same package (the instructor records it for
    both); the sentence says whether both Level IIs ratify it. ``actual`` draws the current SMA's annual average.
    """
    from alliancelab.plotting import negotiation as plots

    table = path if isinstance(path, pd.DataFrame) else read_offers(path)
    japan, us = briefs.japan_settings(), briefs.us_settings()
    japan_offers, us_offers = offers_of(table, "japan"), offers_of(table, "us")
    rounds = agreed_round(japan_offers, us_offers)
    if rounds is not None:
        japan_offers, us_offers = japan_offers[:rounds], us_offers[:rounds]
        deal = japan_offers[-1]
        history = [neg.Round(rounds, deal, deal, True)]
    else:
        deal, history = None, []
    max_rounds = int(briefs.setting("rounds"))
    _package, verdict, sentence = neg.result(history, japan, us, max(max_rounds, len(japan_offers), 1))
    if deal is None and len(japan_offers) < max_rounds:
        sentence = f"No agreement in the {len(japan_offers)} round(s) recorded."
    reference = (briefs.v("sma_annual"), "Current SMA, FY2022-26 average") if actual else None
    chart = plots.offers_chart(
        japan_offers,
        us_offers,
        japan,
        us,
        agreement=deal if verdict is not None and verdict.ratified else None,
        actual=reference,
        title="Class negotiation: offers against the two win-sets",
    )
    return chart, sentence
