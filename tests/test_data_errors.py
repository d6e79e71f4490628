"""Each way a data file can be broken gives one DataError naming the file, line, column and value."""

import pytest

from alliancelab import data
from alliancelab.errors import DataError


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_data_line(path):
    return path.read_text(encoding="utf-8").splitlines()[1]


def test_unknown_table_lists_known_tables():
    with pytest.raises(DataError, match="Unknown table 'evnts'. Known tables: events, "):
        data.load("evnts")


def test_missing_file_is_named(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataError, match=r"events\.csv: file not found"):
        data.load("events", data_copy)


def test_empty_file_is_named(data_copy):
    (data_copy / "events.csv").write_text("\n\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"events\.csv: file is empty"):
        data.load("events", data_copy)


def test_missing_descriptor_is_named(data_copy):
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(DataError, match=r"datapackage\.json: the data package descriptor is missing"):
        data.load("events", data_copy)


def test_corrupt_descriptor_is_named(data_copy):
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=r"datapackage\.json: not valid JSON"):
        data.load("events", data_copy)


def test_missing_column_is_named(data_copy):
    path = data_copy / "events.csv"
    rewrite(path, "actor,", "")
    with pytest.raises(DataError, match=r"(?s)events\.csv does not match.*column 'actor': column is missing"):
        data.load("events", data_copy)


def test_unparsable_date_names_line_column_and_value(data_copy):
    path = data_copy / "events.csv"
    date = first_data_line(path).split(",")[0]
    rewrite(path, "\n" + date, "\n" + "2013-02-30")
    with pytest.raises(DataError) as err:
        data.load("events", data_copy)
    assert "events.csv" in str(err.value)
    assert "line 2, column 'date': '2013-02-30' is not a valid date (expected YYYY-MM-DD)" in str(err.value)


def test_non_numeric_number_names_line_column_and_value(data_copy):
    path = data_copy / "defense_spending.csv"
    frame = data.load("defense_spending", data_copy)
    value = frame["value"].iloc[0]
    line = first_data_line(path)
    rewrite(path, line, line.replace(f",{value:g},", ",four point six,", 1))
    with pytest.raises(DataError) as err:
        data.load("defense_spending", data_copy)
    assert "defense_spending.csv" in str(err.value)
    assert "line 2, column 'value': 'four point six' is not a valid number" in str(err.value)


def test_value_outside_enum_lists_allowed_values(data_copy):
    path = data_copy / "events.csv"
    line = first_data_line(path)
    category = line.split(",")[2]
    rewrite(path, line, line.replace(f",{category},", ",sports,", 1))
    with pytest.raises(DataError) as err:
        data.load("events", data_copy)
    assert "line 2, column 'category': 'sports' is not one of the allowed values: diplomacy, security" in str(err.value)


def test_missing_required_value_is_named(data_copy):
    path = data_copy / "events.csv"
    line = first_data_line(path)
    rewrite(path, line, "," + line.split(",", 1)[1])
    with pytest.raises(DataError, match="line 2, column 'date': value is missing but required"):
        data.load("events", data_copy)


def test_non_utf8_file_is_named(data_copy):
    (data_copy / "events.csv").write_bytes(b"\xff\xfe\x00 not a csv \x00\x01\n")
    with pytest.raises(DataError, match=r"events\.csv"):
        data.load("events", data_copy)


def test_many_errors_are_summarised(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = [lines[0]] + ["not-a-date" + line[len("2012-12-26") :] for line in lines[1:]]
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"\.\.\. and \d+ more problem\(s\)\."):
        data.load("events", data_copy)


def test_a_passed_check_is_remembered_only_for_that_exact_content(data_copy, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ALLIANCELAB_CACHE_DIR", str(cache))
    data.load("events", data_copy)
    data.load("events", data_copy)
    assert len(list((cache / "validated").iterdir())) == 1  # one stamp for the one valid file
    path = data_copy / "events.csv"
    date = first_data_line(path).split(",")[0]
    rewrite(path, "\n" + date, "\n2019-13-45")  # an edit changes the hash: the file is checked again
    with pytest.raises(DataError, match=r"line 2, column 'date': '2019-13-45' is not a valid date"):
        data.load("events", data_copy)
    assert len(list((cache / "validated").iterdir())) == 1  # and the broken file is not remembered


def test_an_unwritable_cache_only_means_checking_every_time(data_copy, tmp_path, monkeypatch):
    blocked = tmp_path / "not_a_directory"
    blocked.write_text("a file where the cache directory would be")
    monkeypatch.setenv("ALLIANCELAB_CACHE_DIR", str(blocked))
    assert len(data.load("events", data_copy)) > 0
