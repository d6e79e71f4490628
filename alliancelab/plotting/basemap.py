"""Coastlines for maps: Natural Earth land (1:50m, public domain) in East Asia, from data/east_asia_land.geojson.

``draw_land(axes)`` fills the land under whatever a map draws on longitude and latitude; ``map_axes`` starts a map
figure with the land drawn and the axes labelled; ``mark_places`` puts places on it, a colour and marker a kind.
The file is cut from the npm package world-atlas by :mod:`alliancelab.instructor.basemap`; provenance and licence
in data/README.md.
"""

import json
from functools import lru_cache

from matplotlib.patches import PathPatch
from matplotlib.path import Path

from alliancelab.data import DATA_DIR
from alliancelab.plotting.style import new_figure, palette

LAND_FILE = "east_asia_land.geojson"
LAND, COAST = "#EEEBE3", "#9A9A9A"


@lru_cache(maxsize=1)
def land_polygons() -> tuple:
    """Each land polygon as a tuple of rings of (longitude, latitude)."""
    collection = json.loads((DATA_DIR / LAND_FILE).read_text(encoding="utf-8"))
    return tuple(
        tuple(tuple(map(tuple, ring)) for ring in feature["geometry"]["coordinates"])
        for feature in collection["features"]
    )


def draw_land(axes) -> None:
    """Fill the land in light grey with a thin coastline, beneath everything else on ``axes``."""
    for polygon in land_polygons():
        vertices, codes = [], []
        for ring in polygon:
            vertices += ring
            codes += [Path.MOVETO] + [Path.LINETO] * (len(ring) - 2) + [Path.CLOSEPOLY]
        axes.add_patch(PathPatch(Path(vertices, codes), facecolor=LAND, edgecolor=COAST, linewidth=0.5, zorder=0))


def map_axes(title: str, extent, size=(8.5, 7.5)):
    """A new figure whose axes are a map: labelled longitude and latitude, the land drawn, ``extent`` shown.

    ``extent`` is (west, east, south, north) in degrees; the axes keep one degree of longitude as wide as one of
    latitude. Returns the figure.
    """
    figure, axes = new_figure(title, "Longitude (degrees east)", "Latitude (degrees north)", size=size)
    axes.grid(color="#E5E5E5", linewidth=0.8)
    draw_land(axes)
    west, east, south, north = extent
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect("equal", adjustable="box")
    return figure


def mark_places(axes, places, kinds: list, labels: dict, size) -> None:
    """Each kind of place (rows of ``places`` with lon, lat and kind) as points in a colour and marker of its own.

    ``labels`` names each kind in the legend (the kind itself where missing); ``size(kind, rows)`` gives the
    marker area, one number or one per row.
    """
    styles = palette(kinds)
    for kind in kinds:
        rows = places[places["kind"] == kind]
        if rows.empty:
            continue
        colour, marker = styles[kind]
        axes.scatter(
            rows["lon"],
            rows["lat"],
            s=size(kind, rows),
            color=colour,
            marker=marker,
            edgecolor="white",
            linewidth=0.8,
            zorder=3,
            label=labels.get(kind, kind),
        )
