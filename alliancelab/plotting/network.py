"""Alliance network diagrams and the island-chain map.

``alliance_network`` draws the ties of ``data/alliance_ties.csv`` signed up to a year on a
fixed schematic layout (rough geography, so the same country is always in the same place);
``island_chain_map`` draws the two island chains of ``data/island_chains.csv`` and the places of ``data/places.csv``
on longitude and latitude over Natural Earth coastlines.
"""

import math

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba, to_rgba_array
from matplotlib.lines import Line2D

from alliancelab.errors import AllianceLabError
from alliancelab.models import network as networks
from alliancelab.plotting.basemap import map_axes, mark_places
from alliancelab.plotting.style import (
    OKABE_ITO,
    Chart,
    new_figure,
    palette,
    set_changed,
    set_title,
    show_legend,
    updatable,
)

#: Hand-set schematic positions (west -> east, south -> north). Not a map: just rough geography.
POSITIONS = {
    "United Kingdom": (-1.5, 7.5),
    "India": (0.0, 4.0),
    "Thailand": (2.0, 4.4),
    "Vietnam": (2.8, 4.9),
    "Cambodia": (2.3, 3.6),
    "Malaysia": (2.2, 2.6),
    "Singapore": (2.3, 1.9),
    "Indonesia": (3.3, 1.2),
    "ASEAN": (2.6, 3.0),
    "Philippines": (4.2, 3.6),
    "China": (3.0, 6.8),
    "South Korea": (4.6, 7.4),
    "Japan": (6.0, 6.8),
    "Taiwan": (4.2, 5.3),
    "Australia": (5.6, 0.0),
    "New Zealand": (7.6, -0.8),
    "United States": (9.0, 5.0),
}
#: One line style per tie kind, so that kinds differ by more than colour.
LINE_STYLES = {
    "treaty alliance": "-",
    "security declaration": (0, (6, 2)),
    "strategic partnership": (0, (1, 1.5)),
    "access agreement": (0, (3, 1)),
    "quad": (0, (6, 1.5, 1, 1.5, 1, 1.5)),
    "trilateral": (0, (2, 2)),
}
TREATY = "treaty alliance"
HUB_WIDTH, SPOKE_WIDTH = 1.6, 3.2
TIES_TABLE = "data/alliance_ties.csv"
PLACES_TABLE = "data/places.csv"
CHAINS_TABLE = "data/island_chains.csv"


def positions(names) -> dict:
    """A fixed (x, y) for each country: the hand-set one, else a deterministic place on an outer ring."""
    names = sorted(names)
    extra = [n for n in names if n not in POSITIONS]
    where = {n: POSITIONS[n] for n in names if n in POSITIONS}
    for i, name in enumerate(extra):
        angle = math.pi / 2 + 2 * math.pi * i / max(len(extra), 1)
        where[name] = (4.5 + 6.0 * math.cos(angle), 4.0 + 5.0 * math.sin(angle))
    return where


def _kind_styles(ties) -> dict:
    """(colour, line style) per kind: treaty alliances in black, the other kinds from the palette."""
    kinds = list(ties["kind"].cat.categories) if hasattr(ties["kind"], "cat") else sorted(ties["kind"].unique())
    others = [k for k in kinds if k != TREATY]
    colours = {TREATY: (OKABE_ITO["black"], None), **palette(others)}
    return {k: (colours[k][0], LINE_STYLES.get(k, "-")) for k in kinds}


def alliance_network(
    ties: pd.DataFrame, year: int, highlight=None, hub: str = networks.US, countries=None, into: Chart | None = None
) -> Chart:
    """The ties signed up to ``year`` as a network on a fixed schematic layout.

    Colour and line style give the kind of tie; thin lines run through the hub (hub-and-spoke),
    thick lines join two other countries (spoke-to-spoke). ``highlight`` fades every tie that
    does not involve that country. ``countries`` limits the figure to ties among those countries
    (e.g. Japan's partnerships) and ``hub`` names the country whose ties count as hub ties.
    ``into``: an earlier network of the same countries, hub and kinds of tie, to update in place.
    """
    shown = networks.ties_until(ties, year, countries)  # checks the table and the year
    year, known = networks.check_year(year), networks.countries_of(ties)
    hub = networks.check_known(hub, known, "hub")
    if highlight is not None:
        networks.check_known(highlight, known, "highlight country")
    if shown.empty:
        first = int(ties["year"].min())
        raise AllianceLabError(f"No ties to draw in or before {year}: the first tie in the table is from {first}.")
    nodes = sorted(set(countries) if countries is not None else set(ties["country_a"]) | set(ties["country_b"]))
    styles = _kind_styles(ties)
    chart = updatable(into, _network_frame, tuple(nodes), hub)
    parts = chart.parts
    title = f"Security ties among the US and its Indo-Pacific partners, 1951-{year}"
    if countries is not None:
        title = f"Security ties among {len(nodes)} selected countries, up to {year}"
    set_title(parts["axes"], title)
    _place_edges(parts["edges"], shown, parts["where"], styles, hub, highlight)
    _colour_nodes(parts, shown, hub, highlight)
    _legend(parts["axes"], shown, styles)
    chart.alt = _describe(shown, year, hub, highlight)
    chart.caption = _caption(year, hub)
    return chart


def _network_frame(nodes: tuple, hub: str) -> Chart:
    """The network's axes, an empty collection of ties, and each country's marker and name in place."""
    where = positions(nodes)
    figure, axes = new_figure(
        "Security ties",
        "Schematic position: west to east (not to scale)",
        "Schematic position: south to north",
        size=(10, 6.2),
    )
    axes.grid(False)
    axes.set_xticks([])
    axes.set_yticks([])
    edges = axes.add_collection(LineCollection([], zorder=2), autolim=False)
    parts = {"axes": axes, "where": where, "edges": edges, "markers": {}, "names": {}}
    for is_hub in (True, False):
        names = [n for n in nodes if (n == hub) == is_hub]
        if names:
            parts["markers"][is_hub] = (
                names,
                axes.scatter(
                    [where[n][0] for n in names],
                    [where[n][1] for n in names],
                    s=520 if is_hub else 300,
                    marker="s" if is_hub else "o",
                    zorder=3,
                ),
            )
    for name in nodes:
        x, y = where[name]
        parts["names"][name] = axes.annotate(
            f"{name}\n(hub)" if name == hub else name,
            (x, y),
            xytext=(0, -20 if y < 6 else 17),
            textcoords="offset points",
            ha="center",
            va="top" if y < 6 else "bottom",
            fontsize=10,
            zorder=4,
        )
    xs, ys = zip(*where.values())
    axes.set_xlim(min(xs) - 1.6, max(xs) + 1.6)
    axes.set_ylim(min(ys) - 1.0, max(ys) + 1.0)
    return Chart(figure, alt="", caption="", parts=parts)


def _place_edges(edges: LineCollection, shown, where, styles, hub, highlight) -> None:
    """One curved line per tie; several ties between the same pair fan out so that each stays visible.

    All ties are one LineCollection (quick to redraw); the nodes, drawn on top, hide the line ends.
    """
    seen: dict = {}
    ends, bends, colours, dashes, widths = [], [], [], [], []
    ordered = shown.sort_values(["year", "kind"])
    for a, b, kind in zip(*(ordered[c].tolist() for c in ("country_a", "country_b", "kind")), strict=True):
        a, b = sorted((a, b))
        k = seen.get((a, b), 0)
        seen[(a, b)] = k + 1
        bends.append(0.0 if k == 0 else 0.16 * ((k + 1) // 2) * (1 if k % 2 else -1))
        colour, style = styles[kind]
        faded = highlight is not None and highlight not in (a, b)
        ends.append((where[a], where[b]))
        colours.append(to_rgba(colour, 0.15 if faded else 0.95))
        dashes.append(style)
        widths.append(HUB_WIDTH if hub in (a, b) else SPOKE_WIDTH)
    edges.set_segments(list(_arcs(np.array(ends, dtype=float).reshape(-1, 2, 2), np.array(bends))))
    edges.set_color(colours)
    # Matplotlib pairs the widths with the dashes over their least common multiple: with the last update's widths
    # (another count of ties) that takes milliseconds, so the widths are made one value first.
    edges.set_linewidth(HUB_WIDTH)
    edges.set_linestyle(dashes)
    edges.set_linewidth(widths)


def _arcs(ends: np.ndarray, bends: np.ndarray, points: int = 25) -> np.ndarray:
    """Quadratic Bezier curves, one per row of ``ends`` (start, end), each bowed sideways by its ``bends`` times
    its length; shape (curves, points, 2)."""
    start, end = ends[:, None, 0], ends[:, None, 1]
    (x1, y1), (x2, y2) = (start[..., 0], start[..., 1]), (end[..., 0], end[..., 1])
    bend = bends[:, None]
    control = np.stack([(x1 + x2) / 2 + bend * (y2 - y1), (y1 + y2) / 2 - bend * (x2 - x1)], axis=-1)
    t = np.linspace(0, 1, points)[None, :, None]
    return (1 - t) ** 2 * start + 2 * (1 - t) * t * control + t**2 * end


def _colour_nodes(parts, shown, hub, highlight) -> None:
    """The hub as a black square, the others as circles (grey if not yet tied); tied and highlighted names stand out."""
    tied = set(shown["country_a"]) | set(shown["country_b"])
    for is_hub, (names, markers) in parts["markers"].items():
        set_changed(  # as colours matplotlib keeps (RGBA rows), to tell a change from the same colours
            markers,
            facecolor=to_rgba_array(
                [OKABE_ITO["black"] if is_hub else ("white" if n in tied else "#EEEEEE") for n in names]
            ),
            edgecolor=to_rgba_array([OKABE_ITO["black"] if n in tied else "#AAAAAA" for n in names]),
            linewidth=[2.2 if n == highlight else 1.2 for n in names],
        )
    for name, label in parts["names"].items():
        set_changed(
            label,
            fontweight="bold" if name in (hub, highlight) else "normal",
            color=OKABE_ITO["black"] if name in tied else "#888888",
        )


def _legend(axes, shown, styles) -> None:
    """The kinds of tie on show, and what the line widths mean."""
    present = [k for k in styles if k in set(shown["kind"])]
    handles = [Line2D([], [], color=styles[k][0], linestyle=styles[k][1], linewidth=2.4, label=k) for k in present]
    handles += [
        Line2D([], [], color="#555555", linewidth=HUB_WIDTH, label="thin: tie through the hub"),
        Line2D([], [], color="#555555", linewidth=SPOKE_WIDTH, label="thick: spoke-to-spoke tie"),
    ]
    show_legend(
        axes,
        handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        frameon=False,
        title="Kind of tie",
        title_fontsize=9,
        alignment="left",
    )


def describe_network(ties, year, hub=networks.US, countries=None, highlight=None) -> str:
    """Alt text for the network: what is drawn, how many ties run through the hub, the main message."""
    return _describe(networks.ties_until(ties, year, countries), year, hub, highlight)


def _describe(shown, year, hub, highlight) -> str:
    """:func:`describe_network` of the ties on show."""
    if shown.empty:
        return f"An empty network: no ties in or before {year}."
    through = int(networks.involves(shown, hub).sum())
    spokes = len(shown) - through
    kinds = shown["kind"].value_counts(sort=False)
    kinds = ", ".join(f"{n} {k}" for k, n in kinds.items() if n > 0)
    partners = networks.degree_of(shown)
    top = partners[partners == partners.max()].index.tolist()
    message = (
        f"a pure hub-and-spoke system: every tie runs through {hub}"
        if spokes == 0
        else f"a networked 'latticework': {spokes} {'tie bypasses' if spokes == 1 else 'ties bypass'} {hub} "
        f"({1 - through / len(shown):.0%} of all ties)"
    )
    text = (
        f"Network diagram of {len(shown)} security ties signed up to {year} among "
        f"{len(set(shown['country_a']) | set(shown['country_b']))} countries ({kinds}). "
        f"{through} involve {hub}; the picture is {message}. "
        f"Most partners: {' and '.join(top)} ({partners.max()})."
    )
    if highlight is not None:
        text += f" Ties of {highlight} are highlighted: {int(networks.involves(shown, highlight).sum())}."
    return text


def _caption(year, hub) -> str:
    return (
        f"Figure: security ties signed up to {year} ({TIES_TABLE}), one line per tie. Colour and line style "
        f"give the kind; thin lines run through the hub ({hub}), thick lines join two other countries. "
        "Positions are schematic (rough geography), not a map."
    )


def island_chain_map(places: pd.DataFrame, chains: pd.DataFrame) -> Chart:
    """The first and second island chains through their island groups, with US bases, capitals and cities as points.

    ``chains``: the island-chain waypoints (``data.load("island_chains")``). The first chain is dashed; the second
    is solid where every cited definition agrees and dotted where only some carry it further.
    """
    needed = ("name", "kind", "lat", "lon")
    if not isinstance(places, pd.DataFrame) or any(c not in places.columns for c in needed):
        raise AllianceLabError(
            f"places must be the places table (data.load('places')) with columns {', '.join(needed)}."
        )
    places = places[places["kind"] != "islands"]  # disputed islands belong to the China-Japan map
    if places.empty:
        raise AllianceLabError("places is empty: there is nothing to draw.")
    first, second = _chain(chains, "first"), _chain(chains, "second")
    # The frame: the chains with a margin; places beyond it (partners' capitals far away) are left out.
    both = pd.concat([first, second])
    frame = (both["lon"].min() - 8, both["lon"].max() + 10, both["lat"].min() - 3, both["lat"].max() + 3)
    places = places[places["lon"].between(frame[0], frame[1]) & places["lat"].between(frame[2], frame[3])]
    title = "The first and second island chains and the main US bases in Japan"
    axes = map_axes(title, frame, size=(10, 8.6)).axes[0]
    axes.plot(
        first["lon"],
        first["lat"],
        color=OKABE_ITO["black"],
        linestyle="--",
        linewidth=1.4,
        zorder=1,
        label="first island chain",
    )
    _mark_groups(axes, first, places, OKABE_ITO["black"], "^", "island group (first chain)", right=False)
    _draw_second_chain(axes, second, places)
    kinds = list(places["kind"].cat.categories) if hasattr(places["kind"], "cat") else sorted(places["kind"].unique())
    labels = {"us_base": "US base", "capital": "capital", "city": "city"}
    mark_places(axes, places, kinds, labels, lambda kind, _rows: 90 if kind == "us_base" else 70)
    for place in places.itertuples():
        near = places[
            (places["name"] != place.name)
            & ((places["lon"] - place.lon).abs() < 2)
            & ((places["lat"] - place.lat).abs() < 1.5)
        ]
        dy = 3 if near.empty else (7 if place.lat > near["lat"].max() else -11)
        axes.annotate(
            place.name,
            (place.lon, place.lat),
            xytext=(8, dy),
            textcoords="offset points",
            fontsize=9,
            zorder=2.5,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=9, frameon=False)
    caption = (
        f"Figure: the island chains ({CHAINS_TABLE}) and places from {PLACES_TABLE}, plotted by longitude and "
        "latitude on Natural Earth coastlines (1:50m land, public domain; data/east_asia_land.geojson). The dashed "
        "first island chain runs through the island groups a 2021 Taiwan News report lists: the Kuril Islands, "
        "Japan (Hokkaido, Honshu, Kyushu), the Ryukyu Islands, Taiwan, the northern Philippines (Luzon) and Borneo. "
        "The second island chain runs from Honshu through the Ogasawara (Bonin) and Iwo (Volcano) Islands and the "
        "Marianas to Palau, the island groups a 2013 Ta Kung Pao explainer lists; sources differ on where it ends: "
        "some stop at Palau, others carry it on to Indonesia or Papua New Guinea (dotted). Waypoints are points in "
        "each named island group, not exact lines. US bases, capitals and cities are points on land, each kind with "
        "its own colour and marker."
    )
    return Chart(axes.figure, alt=describe_map(places, first, second), caption=caption)


def _chain(chains, name):
    """One chain's waypoints in order; a table without the waypoint columns or without that chain is refused."""
    needed = ("chain", "order", "waypoint", "lat", "lon", "part")
    if not isinstance(chains, pd.DataFrame) or any(c not in chains.columns for c in needed):
        raise AllianceLabError(
            f"chains must be the island-chain table (data.load('island_chains')) with columns {', '.join(needed)}."
        )
    rows = chains[chains["chain"] == name].sort_values("order")
    if rows.empty:
        raise AllianceLabError(f"chains has no waypoints of the {name} island chain.")
    return rows


def _draw_second_chain(axes, second, places) -> None:
    """The second chain: a solid line through the core waypoints, dotted on to any extension."""
    colour = OKABE_ITO["blue"]
    core = second[second["part"] == "core"]
    axes.plot(
        core["lon"], core["lat"], color=colour, linestyle="-.", linewidth=1.6, zorder=1, label="second island chain"
    )
    extension = second[second["part"] == "extension"]
    if not extension.empty:
        tail = pd.concat([core.tail(1), extension])
        axes.plot(
            tail["lon"],
            tail["lat"],
            color=colour,
            linestyle=":",
            linewidth=1.8,
            zorder=1,
            label="extension in some sources",
        )
    _mark_groups(axes, second, places, colour, "v", "island group (second chain)", right=True)


def _mark_groups(axes, rows, places, colour, marker, label, right) -> None:
    """A chain's island groups as small markers, named (right or left of the point) unless a place names them."""
    axes.scatter(
        rows["lon"],
        rows["lat"],
        marker=marker,
        s=45,
        color=colour,
        edgecolor="white",
        linewidth=0.6,
        zorder=2,
        label=label,
    )
    for row in rows.itertuples():
        if ((places["lon"] - row.lon).abs().lt(1) & (places["lat"] - row.lat).abs().lt(1)).any():
            continue  # already named by a place (Tokyo, Guam, Kadena)
        axes.annotate(
            row.waypoint.split(": ")[-1],
            (row.lon, row.lat),
            xytext=(7, -3) if right else (-7, -3),
            textcoords="offset points",
            ha="left" if right else "right",
            fontsize=8.5,
            fontstyle="italic",
            color=colour,
            zorder=2.5,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )


def describe_map(places, first, second) -> str:
    """Alt text for the island-chain map, computed from the places table and the two chains' waypoints."""
    bases = places[places["kind"] == "us_base"]["name"].tolist()
    # East or west of the chain: more than 5 degrees of longitude from the line between its waypoints, at the same
    # latitude (places on the chain's islands, such as Tokyo, Taipei or Manila, are neither).
    south_to_north = first.sort_values("lat")
    offset = places["lon"] - np.interp(places["lat"], south_to_north["lat"], south_to_north["lon"])
    west, east = places[offset < -5]["name"].tolist(), places[offset > 5]["name"].tolist()
    groups = first["waypoint"].str.split(": ").str[-1].tolist()
    text = (
        f"Map of East Asia's coastlines with {len(places)} places marked by longitude and latitude. A dashed "
        f"line, the first island chain, runs north to south through {len(groups)} island groups: "
        f"{', '.join(groups)}. {len(bases)} US bases are marked: {', '.join(bases)}."
    )
    if west:
        text += f" {', '.join(west)} {'lies' if len(west) == 1 else 'lie'} west of the chain"
        text += f", {', '.join(east)} east of it." if east else "."
    core = second[second["part"] == "core"]["waypoint"].tolist()
    extension = second[second["part"] == "extension"]["waypoint"].tolist()
    text += (
        f" A dash-dotted line, the second island chain, runs further out into the Pacific from {core[0]} "
        f"through {', '.join(core[1:-1])} to {core[-1]}"
    )
    text += f", and a dotted line continues it to {' and '.join(extension)}." if extension else "."
    return text


def partnership_map(
    ties: pd.DataFrame, places: pd.DataFrame, year: int, hub: str = networks.US, countries=None
) -> Chart:
    """The ties signed up to ``year`` drawn between capitals on the coastlines (a static map, no redraw).

    Each country sits at its capital (the ``capital`` row of ``places`` whose ``country`` is its name); line colour
    and style give the kind of tie, as in :func:`alliance_network`. Ties of a party with no capital in ``places``
    (ASEAN) are left out and named in the caption.
    """
    if not isinstance(places, pd.DataFrame) or any(c not in places.columns for c in ("kind", "country", "lat", "lon")):
        raise AllianceLabError("places must be the places table (data.load('places')).")
    shown = networks.ties_until(ties, year, countries)
    year = networks.check_year(year)
    hub = networks.check_country(ties, hub, "hub")
    capitals = places[places["kind"] == "capital"].drop_duplicates("country").set_index("country")
    where = {c: (row.lon, row.lat) for c, row in capitals.iterrows()}
    capital_of = {c: name.partition(" (")[0] for c, name in capitals["name"].items()}  # "Manila (Luzon)": Manila
    on_map = shown["country_a"].isin(list(where)) & shown["country_b"].isin(list(where))
    drawn, left_out = shown[on_map], shown[~on_map]
    if drawn.empty:
        raise AllianceLabError(f"No tie in or before {year} joins two countries with a capital in the places table.")
    nodes = sorted(set(drawn["country_a"]) | set(drawn["country_b"]))
    xs, ys = zip(*(where[n] for n in nodes))
    figure = map_axes(
        f"{hub}'s security ties on the map, up to {year}" if countries is not None else f"Security ties up to {year}",
        (min(xs) - 12, max(xs) + 12, min(ys) - 8, max(ys) + 8),
        size=(10, 7.5),
    )
    axes = figure.axes[0]
    styles = _kind_styles(ties)
    edges = axes.add_collection(LineCollection([], zorder=2), autolim=False)
    _place_edges(edges, drawn, where, styles, hub, None)
    for name in nodes:
        lon, lat = where[name]
        is_hub = name == hub
        axes.scatter(
            lon,
            lat,
            s=170 if is_hub else 110,
            marker="s" if is_hub else "o",
            zorder=3,
            color=OKABE_ITO["black"] if is_hub else "white",
            edgecolor=OKABE_ITO["black"],
            linewidth=1.4,
        )
        axes.annotate(
            f"{name} ({capital_of[name]})",
            (lon, lat),
            xytext=(9, 6),
            textcoords="offset points",
            fontsize=9,
            fontweight="bold" if is_hub else "normal",
            zorder=4,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    _legend(axes, drawn, styles)
    axes.get_legend().set_loc("lower left")  # inside the frame, over open sea
    axes.get_legend().set_bbox_to_anchor((0.0, 0.0), transform=axes.transAxes)
    missing = sorted((set(left_out["country_a"]) | set(left_out["country_b"])) - set(where))
    caption = (
        f"Figure: {len(drawn)} security ties signed up to {year} ({TIES_TABLE}), drawn between capitals "
        f"({PLACES_TABLE}) on Natural Earth coastlines. Colour and line style give the kind of tie; thin lines run "
        f"through {hub}, thick lines join two other countries."
    )
    if missing:
        caption += f" Not drawn: {len(left_out)} ties of {', '.join(missing)} (no capital on the map)."
    through = int(networks.involves(drawn, hub).sum())
    alt = (
        f"Map from {min(ys):.0f} to {max(ys):.0f} degrees of latitude with {len(nodes)} countries at their capitals "
        f"({', '.join(f'{n} at {capital_of[n]}' for n in nodes)}) and "
        f"{len(drawn)} ties signed up to {year}; {through} of them involve {hub}."
    )
    if missing:
        alt += f" {len(left_out)} ties with {', '.join(missing)} are not drawn."
    return Chart(figure, alt=alt, caption=caption)
