"""Where events happened: which places an event text names, and the China-Japan map drawn from them."""

import pandas as pd
import pytest

from alliancelab import data
from alliancelab import events as ev
from alliancelab.errors import AllianceLabError
from alliancelab.plotting import security_dilemma as plots
from alliancelab.plotting.basemap import land_polygons


def one_event(title, description="", actor="China;Japan"):
    return pd.DataFrame(
        {"date": [pd.Timestamp("2025-01-01")], "title": [title], "description": [description], "actor": [actor]}
    )


PLACES = pd.DataFrame(
    {
        "name": ["Beijing", "Taipei (Taiwan)", "Senkaku Islands"],
        "kind": ["capital", "city", "islands"],
        "lat": [39.9, 25.1, 25.7],
        "lon": [116.3, 121.6, 123.5],
    }
)


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Talks in Beijing", ["Beijing"]),
        ("Beijing summons the ambassador", []),  # the government, not the place
        ("Takaichi's Taiwan remarks", ["Taipei (Taiwan)"]),
        ("Article V covers the Senkakus", ["Senkaku Islands"]),
        ("A summit in Lima", []),
    ],
)
def test_a_city_counts_where_events_happen_and_an_island_where_it_is_named(title, named):
    assert ev.place_mentions(one_event(title), PLACES)["place"].tolist() == named


def test_china_japan_map_counts_the_sourced_places():
    chart = plots.bilateral_map(data.load("events"), data.load("places"))
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left").startswith("Places named in China-Japan events")
    assert axes.get_xlabel().startswith("Longitude") and axes.get_ylabel().startswith("Latitude")
    assert len(axes.patches) == len(land_polygons())
    labels = [text.get_text() for text in axes.texts]
    assert "Seoul: 2 (2015, 2024)" in labels and any(label.startswith("Senkaku Islands: 2") for label in labels)
    assert "Xi-Ishiba meeting at APEC in Lima" in chart.alt  # held off the map, so listed
    assert "data/places.csv" in chart.caption and "not drawn" in chart.caption


def test_china_japan_map_refuses_a_table_without_coordinates():
    with pytest.raises(AllianceLabError, match="places table"):
        plots.bilateral_map(data.load("events"), data.load("alliance_ties"))


def test_china_japan_map_with_no_named_place_says_so():
    with pytest.raises(AllianceLabError, match="nothing to draw"):
        plots.bilateral_map(one_event("A summit in Lima"), PLACES)
