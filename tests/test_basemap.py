"""The base map: TopoJSON decoding, clipping, the stored East Asia cut, and the island-chain map drawn on it."""

import json

import pytest

from alliancelab import data
from alliancelab.instructor import basemap
from alliancelab.plotting import network
from alliancelab.plotting.basemap import LAND_FILE, land_polygons

# Two unit squares sharing an edge, quantized: arc 0 is the shared edge, used backwards (~0) by the second square.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [100.0, 10.0]},
    "arcs": [[[2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2], [2, 0]], [[2, 0], [2, 0], [0, 2], [-2, 0]]],
    "objects": {
        "land": {
            "type": "GeometryCollection",
            "geometries": [{"type": "Polygon", "arcs": [[0, 1]]}, {"type": "MultiPolygon", "arcs": [[[2, ~0]]]}],
        }
    },
}


def test_topojson_arcs_are_decoded_and_joined():
    first, second = basemap.decode_topojson(TOPOLOGY, "land")
    assert first == [[(101.0, 10.0), (101.0, 11.0), (100.0, 11.0), (100.0, 10.0), (101.0, 10.0)]]
    assert second == [[(101.0, 10.0), (102.0, 10.0), (102.0, 11.0), (101.0, 11.0), (101.0, 10.0)]]


def test_clipping_keeps_the_part_inside():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert sorted(basemap.clip_ring(square, (5, -5, 20, 5))) == [(5, 0), (5, 5), (10, 0), (10, 5)]
    assert basemap.clip_ring(square, (20, 20, 30, 30)) == []


def test_stored_cut_is_the_land_inside_the_bounds():
    collection = json.loads((data.DATA_DIR / LAND_FILE).read_text(encoding="utf-8"))
    west, south, east, north = collection["bbox"]
    assert (west, south, east, north) == basemap.BOUNDS
    points = [p for feature in collection["features"] for ring in feature["geometry"]["coordinates"] for p in ring]
    assert len(collection["features"]) > 100
    assert all(west <= lon <= east and south <= lat <= north for lon, lat in points)
    if basemap.SOURCE.is_file():  # after `npm ci`: the file is exactly the cut of world-atlas
        assert basemap.cut(json.loads(basemap.SOURCE.read_text(encoding="utf-8"))) == collection


def inside(point, ring) -> bool:
    """Ray casting: is (lon, lat) inside the ring?"""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


@pytest.mark.parametrize(
    "name", ["Beijing", "Tokyo", "Kadena Air Base (Okinawa)", "Misawa Air Base", "Manila (Luzon)", "Taipei (Taiwan)"]
)
def test_places_lie_on_land(name):
    places = data.load("places")
    row = places[places["name"] == name].iloc[0]
    assert any(inside((row["lon"], row["lat"]), list(polygon[0])) for polygon in land_polygons())


def test_island_chain_map_draws_the_coastlines():
    chart = network.island_chain_map(data.load("places"), data.load("island_chains"))
    assert len(chart.figure.axes[0].patches) == len(land_polygons())
    assert "coastlines" in chart.alt and "Natural Earth" in chart.caption


def test_first_chain_waypoints_lie_on_land():
    first = data.load("island_chains").query("chain == 'first'")
    for row in first.itertuples():
        assert any(inside((row.lon, row.lat), list(polygon[0])) for polygon in land_polygons()), row.waypoint


@pytest.mark.parametrize("waypoint", ["Northern Mariana Islands (Saipan, Tinian)", "Guam", "Palau"])
def test_second_chain_waypoints_are_at_their_islands(waypoint):
    """The gazetteer coordinates of an island group fall within 0.3 degrees of its Natural Earth coastline."""
    chains = data.load("island_chains")
    row = chains[chains["waypoint"] == waypoint].iloc[0]
    nearest = min(
        abs(lon - row["lon"]) + abs(lat - row["lat"]) for polygon in land_polygons() for lon, lat in polygon[0]
    )
    assert nearest < 0.3


def test_a_ring_across_the_antimeridian_is_left_out():
    assert basemap.crosses_antimeridian([(179.5, -16.0), (-179.5, -16.2), (-179.6, -17.0)])
    assert not basemap.crosses_antimeridian([(120.0, 10.0), (121.0, 10.0), (121.0, 11.0)])
    collection = json.loads((data.DATA_DIR / LAND_FILE).read_text(encoding="utf-8"))
    for feature in collection["features"]:
        xs, ys = zip(*feature["geometry"]["coordinates"][0])
        assert max(xs) - min(xs) < 60 or max(ys) - min(ys) > 10  # no thin sliver spanning the map
