"""Shared fixtures: the real data tables, and throw-away copies of the data folder to corrupt."""

import shutil

import pytest

from alliancelab import data


@pytest.fixture(scope="session")
def events():
    return data.load("events")


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of data/ (descriptor and CSVs) in a temporary folder."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy)
    return copy
