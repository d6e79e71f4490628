"""The data package: every table validates, is typed by its schema, and every row is sourced."""

import csv

import frictionless
import pandas as pd
import pytest

from alliancelab import brief, data

TABLES = data.tables()
REQUIRED_TABLES = {"events", "defense_spending", "host_nation_support", "trade_tariffs", "brief_claims"}


def test_required_tables_are_in_the_package():
    assert REQUIRED_TABLES <= set(TABLES)


def test_package_is_valid_frictionless():
    report = frictionless.Package(str(data.DATA_DIR / data.PACKAGE_FILE)).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])


def test_every_csv_in_data_is_described():
    described = {data.resource(name)["path"] for name in TABLES}
    on_disk = {p.name for p in data.DATA_DIR.glob("*.csv")}
    assert on_disk == described


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_with_rows(name):
    assert len(data.load(name)) > 0


@pytest.mark.parametrize("name", TABLES)
def test_columns_are_typed_by_schema(name):
    frame = data.load(name)
    for field in data.resource(name)["schema"]["fields"]:
        column = frame[field["name"]]
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(column), field["name"]
        elif field["type"] == "number":
            assert pd.api.types.is_float_dtype(column), field["name"]
        elif field["type"] == "boolean":
            assert pd.api.types.is_bool_dtype(column), field["name"]
        elif "enum" in field.get("constraints", {}):
            assert isinstance(column.dtype, pd.CategoricalDtype), field["name"]
            assert list(column.cat.categories) == field["constraints"]["enum"]


@pytest.mark.parametrize("name", TABLES)
def test_every_row_is_sourced(name):
    frame = data.load(name)
    assert frame["source_url"].str.match(r"https?://\S+$").all()
    assert (frame["quote"].str.strip().str.len() > 0).all()
    assert (frame["source_title"].str.strip().str.len() > 0).all()


@pytest.mark.parametrize("name", TABLES)
def test_csv_header_matches_schema_order(name):
    path = data.DATA_DIR / data.resource(name)["path"]
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [field["name"] for field in data.resource(name)["schema"]["fields"]]


def test_brief_sections_match_schema():
    for name in ("events", "brief_claims"):
        fields = {f["name"]: f for f in data.resource(name)["schema"]["fields"]}
        section = fields["brief_section" if name == "events" else "section"]
        assert section["constraints"]["enum"] == list(brief.SECTIONS)


def test_events_cover_2012_to_2026_in_order(events):
    assert events["date"].min().year == 2012
    assert events["date"].max().year == 2026
    assert events["date"].is_monotonic_increasing
    assert (events["end_date"].isna() | (events["end_date"] >= events["date"])).all()


def test_after_brief_flag_agrees_with_the_date_written(events):
    assert (events["after_brief"] == (events["date"] > brief.WRITTEN)).all()
    assert events["after_brief"].any() and (~events["after_brief"]).any()


def test_brief_is_dated_after_the_latest_event_it_names(events):
    """The brief names Bessent as Treasury Secretary, so it cannot predate the announcement of his nomination."""
    bessent = events[events["title"].str.contains("Bessent")]
    assert len(bessent) == 1
    assert bessent["date"].iloc[0] <= brief.WRITTEN
    assert not bessent["after_brief"].iloc[0]
