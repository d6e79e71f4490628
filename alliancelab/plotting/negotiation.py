"""Negotiation figures: each round's offers against both sides' win-sets, and what each offer was worth."""

import numpy as np
from matplotlib.patches import Rectangle

from alliancelab.errors import AllianceLabError
from alliancelab.models import negotiation as neg
from alliancelab.plotting.style import (
    Chart,
    add_right_panel,
    new_figure,
    palette,
    set_changed,
    show_legend,
    updatable,
)

TABLES = "data/host_nation_support.csv, data/sma_talks.csv and data/defense_spending.csv"
GREY = "#777777"


def possessive(name: str) -> str:
    """ "Japan's", "the United States'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _check(offers, name):
    offers = list(offers)
    for item in offers:
        if not isinstance(item, neg.Offer):
            raise AllianceLabError(f"{name} must be a list of offers made with negotiation.offer(...), got {item!r}.")
    return offers


def offers_chart(
    japan_offers,
    us_offers,
    japan: neg.Settings,
    us: neg.Settings,
    agreement=None,
    actual=None,
    draft=None,
    title="Offers against the two win-sets",
    into: Chart | None = None,
) -> Chart:
    """Left: each round's offers (total against pledge) over both win-sets and their overlap.
    Right: each offer's payoff to each side, by round.

    ``agreement`` is the agreed package, if any; ``actual`` a ``(total, label)`` pair drawn as a reference line
    (e.g. the FY2022-26 agreement's 211 billion yen a year); ``draft`` an offer not yet tabled (hollow marker).
    ``into``: an earlier chart from this function (same settings, ``actual`` and title) to update in place.
    """
    japan_offers, us_offers = _check(japan_offers, "japan_offers"), _check(us_offers, "us_offers")
    neg.check_settings(japan, us)
    if draft is not None:
        draft = _check([draft], "draft")[0]
    linked = any(o.linkage for o in japan_offers + us_offers)
    sets = {key: neg.win_sets(side, linked) for key, side in (("japan", japan), ("us", us))}
    zone = neg.zone(japan, us, linked)
    chart = updatable(into, _offers_frame, japan, us, actual, title)
    parts, left, right = chart.parts, chart.parts["left"], chart.parts["right"]
    for key, (total, pledge) in sets.items():
        set_changed(parts[key], x=total.low, y=pledge.low, width=total.width, height=pledge.width)
    has_zone = bool(zone["total"] and zone["pledge"])
    if has_zone:
        (a, b), (c, d) = zone["total"], zone["pledge"]
        set_changed(parts["zone"], x=a, y=c, width=b - a, height=d - c)
    parts["zone"].set_visible(has_zone)
    shown = [parts["japan"], parts["us"]]  # the left legend's entries
    if has_zone:
        shown.append(parts["zone"])
    if actual is not None:
        shown.append(parts["actual"])
    offered, worth = _place_offers(parts, {"japan": japan_offers, "us": us_offers}, {"japan": japan, "us": us})
    shown += offered
    for key, package in (("draft", draft), ("agreement", agreement)):
        set_changed(parts[key], offsets=[[package.total, package.pledge]] if package is not None else np.empty((0, 2)))
        if package is not None:
            shown.append(parts[key])
    totals = [o.total for o in japan_offers + us_offers] + [japan.total_ideal, japan.total_red_line, us.total_red_line]
    if draft is not None:
        totals.append(draft.total)
    if actual is not None:
        totals.append(actual[0])
    # Ends rounded out to 25 bn yen, so that the axis stays put while the draft moves a little.
    left.set_xlim(max(0.0, np.floor(min(totals) * 0.85 / 25) * 25), np.ceil(max(totals) * 1.08 / 25) * 25)
    show_legend(left, shown, loc="upper left", fontsize=8, frameon=False)
    rounds = max(len(japan_offers), len(us_offers), 1)
    right.set_xlim(0.5, rounds + 0.5)
    right.set_xticks(range(1, rounds + 1))
    if worth:
        show_legend(right, worth, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=7, frameon=False)
    elif right.get_legend() is not None:
        right.get_legend().remove()
    chart.alt = _alt(japan_offers, us_offers, japan, us, sets, zone, agreement, linked)
    if draft is not None:
        chart.alt += f" Draft offer (not yet tabled): {draft.total:.0f} bn yen and {draft.pledge:.1f}%."
    return chart


def _place_offers(parts: dict, offers: dict, sides: dict) -> tuple[list, list]:
    """Each side's offers on the left (path, markers, round numbers) and their worth to both sides on the right.

    Returns the legend entries of the sides that have made offers: markers for the left, lines for the right.
    """
    numbers, offered, worth = [], [], []  # (round, place, colour) of each offer's round number
    for key, made in offers.items():
        xs, ys = [o.total for o in made], [o.pledge for o in made]
        set_changed(parts[f"{key} path"], data=(xs, ys))
        set_changed(parts[f"{key} offers"], offsets=list(zip(xs, ys)) or np.empty((0, 2)))
        colour = parts[f"{key} path"].get_color()
        numbers += [(str(n), xy, colour) for n, xy in enumerate(zip(xs, ys), start=1)]
        lines = [parts[f"{key} to {other_key}"] for other_key in sides]
        for line, other in zip(lines, sides.values()):
            set_changed(line, data=(list(range(1, len(made) + 1)), [neg.payoff(o, other) for o in made]))
        if made:
            offered.append(parts[f"{key} offers"])
            worth += lines
    if [(n.get_text(), n.xy, n.get_color()) for n in parts.get("numbers", [])] != numbers:  # new numbers only
        for number in parts.pop("numbers", []):
            number.remove()
        parts["numbers"] = [
            parts["left"].annotate(text, xy, textcoords="offset points", xytext=(6, 5), fontsize=8, color=colour)
            for text, xy, colour in numbers
        ]
    return offered, worth


def _offers_frame(japan: neg.Settings, us: neg.Settings, actual, title: str) -> Chart:
    """The offers chart's two axes and its artists, with no offers yet and the win-sets still to be placed."""
    styles = palette(["japan", "us", "zone"])
    figure, left = new_figure(
        title, "Host-nation support (billion yen a year)", "Japan's defence pledge (% of GDP)", size=(11, 4.8)
    )
    right = add_right_panel(
        figure, left, "What each offer is worth", "Round", "Payoff if agreed (0-100)", width_ratios=(3, 2)
    )
    parts = {"left": left, "right": right}
    for side, key, hatch in ((japan, "japan", "//"), (us, "us", "\\\\")):
        colour, _ = styles[key]
        parts[key] = left.add_patch(
            Rectangle(
                (0, 0),
                0,
                0,
                facecolor=colour,
                alpha=0.12,
                edgecolor=colour,
                hatch=hatch,
                linewidth=1.2,
                label=f"{side.name} would ratify (win-set)",
            )
        )
    parts["zone"] = left.add_patch(
        Rectangle((0, 0), 0, 0, facecolor="none", edgecolor="black", linewidth=2, label="Zone of possible agreement")
    )
    if actual is not None:
        parts["actual"] = left.axvline(actual[0], color=GREY, linestyle=":", linewidth=1.5, label=actual[1])
    for key, side in (("japan", japan), ("us", us)):
        colour, marker = styles[key]
        (parts[f"{key} path"],) = left.plot(
            [], [], color=colour, linewidth=1.2, linestyle="--" if key == "us" else "-", zorder=3
        )
        parts[f"{key} offers"] = left.scatter(
            [], [], color=colour, marker=marker, s=60, zorder=4, label=f"{possessive(side.name)} offers"
        )
        for other, other_key in ((japan, "japan"), (us, "us")):
            (parts[f"{key} to {other_key}"],) = right.plot(
                [],
                [],
                color=colour,
                marker=marker,
                linestyle="-" if other_key == key else ":",
                label=f"{possessive(side.name)} offers, to {other.name}",
            )
    parts["draft"] = left.scatter(
        [],
        [],
        marker="o",
        s=90,
        facecolor="white",
        edgecolor="black",
        linewidth=1.5,
        zorder=5,
        label="Your draft (not yet tabled)",
    )
    parts["agreement"] = left.scatter([], [], marker="*", s=260, color="black", zorder=5, label="Agreement")
    left.set_ylim(*neg.PLEDGE_RANGE)
    right.set_ylim(-2, 102)
    caption = (
        "Figure: each round's offers (numbers = rounds) over the two sides' win-sets, the packages each "
        "side's Level II would ratify; the black box is their overlap. Right: each offer's payoff to each "
        f"side (solid: to the side that made it; dotted: to the other side). Anchors from {TABLES}; the red "
        "lines are game settings (alliancelab/simulation/briefs.py)."
    )
    return Chart(figure, alt="", caption=caption, parts=parts)


def _alt(japan_offers, us_offers, japan, us, sets, zone, agreement, linked) -> str:
    jt, jp = sets["japan"]
    ut, up = sets["us"]
    parts = [
        f"Offers chart{' (package linked to the trade deal)' if linked else ''}. {japan.name} would ratify a "
        f"total up to {jt.high:g} billion yen a year and a pledge up to {jp.high:g}% of GDP; {us.name} a total "
        f"from {ut.low:g} and a pledge from {up.low:g}%."
    ]
    if zone["total"] and zone["pledge"]:
        parts.append(
            f"They overlap from {zone['total'][0]:g} to {zone['total'][1]:g} billion yen and "
            f"{zone['pledge'][0]:g}% to {zone['pledge'][1]:g}%."
        )
    else:
        parts.append("The win-sets do not overlap: no package could be ratified by both.")
    for side, offers in ((japan, japan_offers), (us, us_offers)):
        if offers:
            parts.append(
                f"{possessive(side.name)} offers by round: "
                + "; ".join(f"{o.total:.0f} bn yen and {o.pledge:.1f}%" for o in offers)
                + "."
            )
    if agreement is not None:
        parts.append(f"Agreement at {agreement.total:.0f} billion yen and {agreement.pledge:.1f}%.")
    return " ".join(parts)
