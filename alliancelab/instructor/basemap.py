"""Cut the East Asia base map from Natural Earth land shapes (npm package ``world-atlas``, public domain).

    python -c "from alliancelab.instructor import basemap; basemap.write()"    # after `npm ci`

reads ``node_modules/world-atlas/land-50m.json`` (TopoJSON, Natural Earth 1:50m land), decodes it, clips every
polygon to :data:`BOUNDS` and writes ``data/east_asia_land.geojson`` (coordinates rounded to 0.01 degree), which
the maps draw (:mod:`alliancelab.plotting.basemap`). Provenance and licence: data/README.md.
"""

import json
from pathlib import Path

from alliancelab.errors import AllianceLabError

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCE = ROOT / "node_modules" / "world-atlas" / "land-50m.json"
TARGET = ROOT / "data" / "east_asia_land.geojson"
#: West, south, east, north (degrees): India to the Kurils and Guam, Canberra to Beijing.
BOUNDS = (60.0, -45.0, 180.0, 55.0)


def decode_topojson(topology: dict, name: str) -> list[list[list[tuple[float, float]]]]:
    """The polygons of object ``name`` as rings of (longitude, latitude); quantized arcs are decoded."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        arcs.append(points)

    def ring(indices):
        points = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    polygons = []
    for geometry in topology["objects"][name]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons.append([ring(r) for r in geometry["arcs"]])
        elif geometry["type"] == "MultiPolygon":
            polygons.extend([ring(r) for r in polygon] for polygon in geometry["arcs"])
        elif geometry["type"] == "GeometryCollection":
            polygons.extend(decode_topojson({**topology, "objects": {name: geometry}}, name))
    return polygons


def clip_ring(ring, bounds=BOUNDS):
    """The part of a closed ring inside the rectangle ``bounds`` (Sutherland-Hodgman); [] if none."""
    west, south, east, north = bounds
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    )
    points = list(ring)
    for inside, cross in edges:
        if not points:
            break
        clipped = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    clipped.append(cross(previous, current))
                clipped.append(current)
            elif inside(previous):
                clipped.append(cross(previous, current))
        points = clipped
    return points if len(points) >= 3 else []


def _cross_x(a, b, x):
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _cross_y(a, b, y):
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def crosses_antimeridian(ring) -> bool:
    """True if the ring jumps across 180 degrees of longitude (one edge spans more than half the globe)."""
    return any(abs(x2 - x1) > 180 for (x1, _), (x2, _) in zip(ring, ring[1:]))


def cut(topology: dict, bounds=BOUNDS) -> dict:
    """A GeoJSON FeatureCollection of the land polygons inside ``bounds``, rounded to 0.01 degree."""
    features = []
    for polygon in decode_topojson(topology, "land"):
        if crosses_antimeridian(polygon[0]):  # Eurasia (Chukotka), Fiji: count longitudes east past 180
            polygon = [[(x + 360 if x < -90 else x, y) for x, y in ring] for ring in polygon]
        rings = [clip_ring(ring, bounds) for ring in polygon]
        if not rings[0]:
            continue
        coordinates = [[[round(x, 2), round(y, 2)] for x, y in ring] for ring in rings if ring]
        coordinates = [[point for i, point in enumerate(r) if i == 0 or point != r[i - 1]] for r in coordinates]
        coordinates = [ring + [ring[0]] if ring[0] != ring[-1] else ring for ring in coordinates]
        features.append(
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": coordinates}}
        )
    return {"type": "FeatureCollection", "bbox": list(bounds), "features": features}


def write(source: Path = SOURCE, target: Path = TARGET) -> Path:
    """Cut ``source`` (world-atlas land-50m) and write the GeoJSON ``target``."""
    if not Path(source).is_file():
        raise AllianceLabError(f"{source} is missing: run `npm ci` first (package.json lists world-atlas).")
    collection = cut(json.loads(Path(source).read_text(encoding="utf-8")))
    Path(target).write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    return Path(target)
