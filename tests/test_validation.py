"""The number and table checks every model uses: clear messages for every kind of bad value."""

import math

import numpy as np
import pandas as pd
import pytest

from alliancelab import validation
from alliancelab.errors import AllianceLabError
from alliancelab.validation import number


@pytest.mark.parametrize("value", [3, 3.0, np.int64(3), np.float64(3.0)])
def test_accepts_numbers_of_any_numeric_type(value):
    assert number("x", value, 0, 10) == 3.0
    assert isinstance(number("x", value), float)


@pytest.mark.parametrize(
    "value, message",
    [
        ("3", "The rate must be a number, got '3'."),
        (None, "The rate must be a number, got None."),
        (True, "The rate must be a number, got True."),
        ([1, 2], "The rate must be a number, got [1, 2]."),
        (math.nan, "The rate must be a finite number, got nan."),
        (-math.inf, "The rate must be a finite number, got -inf."),
        (11, "The rate must be between 0 and 10%, got 11%."),
        (-1, "The rate must be between 0 and 10%, got -1%."),
    ],
)
def test_bad_values_say_what_to_fix(value, message):
    with pytest.raises(AllianceLabError) as err:
        number("The rate", value, 0, 10, unit="%")
    assert str(err.value) == message


def test_open_and_one_sided_bounds():
    assert number("GDP", 1e-9, low=0, low_open=True) == 1e-9
    with pytest.raises(AllianceLabError, match="GDP must be greater than 0, got 0."):
        number("GDP", 0, low=0, low_open=True)
    with pytest.raises(AllianceLabError, match=r"share must be at most 1 \(a share\), got 2."):
        number("share", 2, high=1, hint=" (a share)")


def test_a_table_of_the_wrong_kind_or_shape_is_named_with_how_to_load_it():
    frame = pd.DataFrame({"year": [2025]})
    assert validation.table(frame, "gdp", ["year"]) is frame
    with pytest.raises(AllianceLabError, match=r"Expected the gdp table \(data.load\('gdp'\)\), got list."):
        validation.table([2025], "gdp", ["year"])
    with pytest.raises(AllianceLabError, match=r"data.load\('gdp'\)\); it lacks column\(s\) status, value."):
        validation.table(frame, "gdp", ["year", "status", "value"])
