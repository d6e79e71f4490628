"""Sources a reviewer accepts: no row cites a mirror or aggregator, and event texts agree with the numeric tables."""

import csv
import re
from urllib.parse import urlparse

import pandas as pd
import pytest

from alliancelab import data

README = data.DATA_DIR / "README.md"
MIRROR_HEADING = "## Mirrors and aggregators we do not cite"
URL_COLUMNS = ("source_url", "resolution_url")


def mirror_domains() -> list[str]:
    """The domains listed in the data README's table of mirrors and aggregators."""
    text = README.read_text(encoding="utf-8")
    section = text.split(MIRROR_HEADING, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| *([a-z0-9.-]+\.[a-z]+) *\|", section, flags=re.MULTILINE)


def on_listed_domain(url: str, domains) -> bool:
    """True if the URL's host is one of ``domains`` or a subdomain of one."""
    host = (urlparse(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def mirror_citations() -> set[tuple[str, str]]:
    """Every (table, url) in the data package whose URL is on a listed mirror or aggregator."""
    domains = mirror_domains()
    found = set()
    for name in data.tables():
        frame = data.load(name)
        for column in URL_COLUMNS:
            if column in frame:
                found |= {(name, url) for url in frame[column].dropna() if on_listed_domain(url, domains)}
    return found


def test_the_readme_lists_the_mirrors():
    domains = mirror_domains()
    assert {"wikipedia.org", "blogspot.com", "alojapan.com", "urdupoint.com", "investing.com"} <= set(domains)
    assert len(domains) == len(set(domains))


@pytest.mark.parametrize(
    ("url", "listed"),
    [
        ("https://eforum2025.blogspot.com/2025/11/x.html", True),
        ("https://ca.news.yahoo.com/story.html", True),
        ("https://en.wikipedia.org/wiki/Manila", True),
        ("https://www.urdupoint.com/en/world/x.html", True),
        ("https://www.japantimes.co.jp/news/2020/12/16/x/", False),
        ("https://notblogspot.com/x", False),
        ("https://www.nippon.com/en/news/x.html", False),
    ],
)
def test_domain_matching(url, listed):
    assert on_listed_domain(url, mirror_domains()) is listed


def test_no_row_cites_a_mirror_or_aggregator():
    bad = mirror_citations()
    assert not bad, "rows citing a mirror or aggregator (see data/README.md): " + "; ".join(sorted(map(str, bad)))


# --- amounts in event descriptions against the numeric tables ----------------------------------------------------

GAP = r"[^0-9.;]{0,40}?"  # a few words, no other number, within one clause
HNS_YEN = re.compile(r"(?:FY|fiscal )(?P<fy>\d{4})" + GAP + r"(?P<value>\d+(?:\.\d+)?) billion yen")
GDP_SHARE = re.compile(
    r"(?:FY|fiscal )(?P<fy>\d{4})"
    + GAP
    + r"(?P<value>\d+(?:\.\d+)?)% of GDP"
    + r"|(?P<value2>\d+(?:\.\d+)?)% of GDP"
    + GAP
    + r"(?:FY|fiscal )(?P<fy2>\d{4})"
)


def _agrees(stated: str, values) -> bool:
    """True if a table value, rounded to the decimals the text gives, equals the stated number."""
    decimals = len(stated.split(".")[1]) if "." in stated else 0
    return any(round(float(value), decimals) == float(stated) for value in values)


def amount_contradictions(events: pd.DataFrame, hns: pd.DataFrame, defence: pd.DataFrame) -> list[str]:
    """Event descriptions whose fiscal-year amount disagrees with the table that holds the same quantity.

    Two quantities are checked: host-nation support in billion yen for one fiscal year ("FY2020 ... 199.3 billion
    yen" in a description that names host-nation support, against that year's ``annual_amount`` row), and a share
    of GDP for a fiscal year ("2% of GDP by FY2027", against every ``% of GDP`` row of ``defense_spending`` for that
    year, since the table keeps several bases). A quantity the table does not hold for that year is not judged.
    """
    single_years = hns[
        (hns["series"] == "annual_amount") & (hns["start_fy"] == hns["end_fy"]) & (hns["unit"] == "billion yen")
    ]
    shares = defence[defence["unit"] == "% of GDP"]
    problems = []
    for row in events.itertuples():
        text = row.description
        if "host-nation support" in text.lower():
            for match in HNS_YEN.finditer(text):
                table = single_years.loc[single_years["start_fy"] == int(match["fy"]), "value"]
                if len(table) and not _agrees(match["value"], table):
                    problems.append(
                        f"{row.date:%Y-%m-%d}: FY{match['fy']} host-nation support {match['value']} "
                        f"billion yen, but host_nation_support gives {', '.join(map(str, table))}"
                    )
        for match in GDP_SHARE.finditer(text):
            fy, value = match["fy"] or match["fy2"], match["value"] or match["value2"]
            table = shares.loc[shares["fiscal_year"] == f"FY{fy}", "value"]
            if len(table) and not _agrees(value, table):
                problems.append(
                    f"{row.date:%Y-%m-%d}: FY{fy} {value}% of GDP, but defense_spending gives "
                    f"{', '.join(map(str, table))}"
                )
    return problems


@pytest.fixture(scope="module")
def numeric_tables():
    return data.load("host_nation_support"), data.load("defense_spending")


def test_event_amounts_agree_with_the_numeric_tables(events, numeric_tables):
    assert amount_contradictions(events, *numeric_tables) == []


@pytest.mark.parametrize(
    "description",
    [
        # the 2021-02-24 row as it once stood: FY2020 was 199.3 billion yen, 201.7 was FY2021
        "A stopgap keeps host-nation support at about the FY2020 level (201.7 billion yen) during the transition.",
        "Host-nation support in fiscal 2021 reached 250 billion yen.",
        "Japan raises defence-related spending to 3% of GDP by FY2027.",
        "In FY2024 defence-related spending reaches 1.9% of GDP.",
    ],
)
def test_a_contradicting_amount_is_caught(description, numeric_tables):
    events = pd.DataFrame({"date": [pd.Timestamp("2021-02-24")], "description": [description]})
    assert len(amount_contradictions(events, *numeric_tables)) == 1


@pytest.mark.parametrize(
    "description",
    [
        "A stopgap keeps host-nation support close to the FY2020 level: FY2021 201.7 billion yen, against FY2020 "
        "199.3 billion yen.",
        "Japan raises defence-related spending to 2% of GDP by FY2027 with a 43 trillion yen plan.",
        "In FY2024 defence-related spending reaches 1.6% of GDP.",
        "Host-nation support for FY1985 was 80 billion yen.",  # no FY1985 row: not judged
    ],
)
def test_an_agreeing_or_unknown_amount_passes(description, numeric_tables):
    events = pd.DataFrame({"date": [pd.Timestamp("2021-02-24")], "description": [description]})
    assert amount_contradictions(events, *numeric_tables) == []


# --- how far the record reaches -------------------------------------------------------------------------------


def test_current_to_is_the_latest_timeline_date():
    latest = max(data.load(name)[column].max() for name, columns in data.TIMELINE_DATES.items() for column in columns)
    assert data.current_to() == latest
    assert data.current_to() >= data.load("events")["date"].max()


def test_current_to_follows_a_new_event(data_copy):
    path = data_copy / "events.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.append(dict(rows[-1], date="2026-12-01", end_date="", title="A later event for the test"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert data.current_to(data_copy) == pd.Timestamp("2026-12-01")


def test_current_to_line_names_the_date():
    line = data.current_to_line()
    latest = data.current_to()
    assert line.startswith(f"*Data current to {latest.day} {latest:%B %Y}")
    assert "`events`" in line
