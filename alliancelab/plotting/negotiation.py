"""Negotiation figures: each round's offers against both sides' win-sets, and what each offer was worth."""

from matplotlib.patches import Rectangle

from alliancelab.errors import AllianceLabError
from alliancelab.models import negotiation as neg
from alliancelab.plotting.style import Chart, new_figure, palette

TABLES = "data/host_nation_support.csv, data/sma_talks.csv and data/defense_spending.csv"
GREY = "#777777"


def possessive(name: str) -> str:
    """"Japan's", "the United States'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _check(offers, name):
    offers = list(offers)
    for item in offers:
        if not isinstance(item, neg.Offer):
            raise AllianceLabError(f"{name} must be a list of offers made with negotiation.offer(...), got {item!r}.")
    return offers


def offers_chart(japan_offers, us_offers, japan: neg.Settings, us: neg.Settings, agreement=None,
                 actual=None, draft=None, title="Offers against the two win-sets") -> Chart:
    """Left: each round's offers (total against pledge) over both win-sets and their overlap.
    Right: each offer's payoff to each side, by round.

    ``agreement`` is the agreed package, if any; ``actual`` a ``(total, label)`` pair drawn as a reference line
    (e.g. the FY2022-26 agreement's 211 billion yen a year); ``draft`` an offer not yet tabled (hollow marker).
    """
    japan_offers, us_offers = _check(japan_offers, "japan_offers"), _check(us_offers, "us_offers")
    neg._check_settings(japan, us)
    linked = any(o.linkage for o in japan_offers + us_offers)
    styles = palette(["japan", "us", "zone"])
    figure, left = new_figure(title, "Host-nation support (billion yen a year)", "Japan's defence pledge (% of GDP)",
                              size=(11, 4.8))
    grid = figure.add_gridspec(1, 2, width_ratios=[3, 2])
    left.set_subplotspec(grid[0])
    right = figure.add_subplot(grid[1])
    right.spines[["top", "right"]].set_visible(False)
    right.set_xlabel("Round")
    right.set_ylabel("Payoff if agreed (0-100)")
    right.set_title("What each offer is worth", loc="left", fontsize=10)

    totals = [o.total for o in japan_offers + us_offers] + [japan.total_ideal, japan.total_red_line,
                                                             us.total_red_line]
    if actual is not None:
        totals.append(actual[0])
    if draft is not None:
        totals.append(_check([draft], "draft")[0].total)
    x_low, x_high = max(0.0, min(totals) * 0.85), max(totals) * 1.08
    y_low, y_high = neg.PLEDGE_RANGE
    sets = {}
    for side, key, hatch in ((japan, "japan", "//"), (us, "us", "\\\\")):
        total, pledge = neg.win_sets(side, linked)
        sets[key] = (total, pledge)
        colour, _ = styles[key]
        left.add_patch(Rectangle((total.low, pledge.low), total.width, pledge.width, facecolor=colour, alpha=0.12,
                                 edgecolor=colour, hatch=hatch, linewidth=1.2,
                                 label=f"{side.name} would ratify (win-set)"))
    zone = neg.zone(japan, us, linked)
    if zone["total"] and zone["pledge"]:
        (a, b), (c, d) = zone["total"], zone["pledge"]
        left.add_patch(Rectangle((a, c), b - a, d - c, facecolor="none", edgecolor="black", linewidth=2,
                                 label="Zone of possible agreement"))
    if actual is not None:
        left.axvline(actual[0], color=GREY, linestyle=":", linewidth=1.5, label=actual[1])
    rounds = max(len(japan_offers), len(us_offers), 1)
    for key, offers, side in (("japan", japan_offers, japan), ("us", us_offers, us)):
        colour, marker = styles[key]
        if not offers:
            continue
        xs, ys = [o.total for o in offers], [o.pledge for o in offers]
        left.plot(xs, ys, color=colour, linewidth=1.2, linestyle="--" if key == "us" else "-", zorder=3)
        left.scatter(xs, ys, color=colour, marker=marker, s=60, zorder=4, label=f"{possessive(side.name)} offers")
        for number, (x, y) in enumerate(zip(xs, ys), start=1):
            left.annotate(str(number), (x, y), textcoords="offset points", xytext=(6, 5), fontsize=8, color=colour)
        for other, other_key in ((japan, "japan"), (us, "us")):
            values = [neg.payoff(o, other) for o in offers]
            style = "-" if other_key == key else ":"
            right.plot(range(1, len(offers) + 1), values, color=colour, marker=marker, linestyle=style,
                       label=f"{possessive(side.name)} offers, to {other.name}")
    if draft is not None:
        left.scatter([draft.total], [draft.pledge], marker="o", s=90, facecolor="white", edgecolor="black",
                     linewidth=1.5, zorder=5, label="Your draft (not yet tabled)")
    if agreement is not None:
        left.scatter([agreement.total], [agreement.pledge], marker="*", s=260, color="black", zorder=5,
                     label="Agreement")
    left.set_xlim(x_low, x_high)
    left.set_ylim(y_low, y_high)
    left.legend(loc="upper left", fontsize=8, frameon=False)
    right.set_xlim(0.5, rounds + 0.5)
    right.set_xticks(range(1, rounds + 1))
    right.set_ylim(-2, 102)
    if japan_offers or us_offers:
        right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=7, frameon=False)
    alt = _alt(japan_offers, us_offers, japan, us, sets, zone, agreement, linked)
    if draft is not None:
        alt += f" Draft offer (not yet tabled): {draft.total:.0f} bn yen and {draft.pledge:.1f}%."
    caption = ("Figure: each round's offers (numbers = rounds) over the two sides' win-sets, the packages each "
               "side's Level II would ratify; the black box is their overlap. Right: each offer's payoff to each "
               f"side (solid: to the side that made it; dotted: to the other side). Anchors from {TABLES}; the red "
               "lines are game settings (alliancelab/simulation/briefs.py).")
    return Chart(figure, alt=alt, caption=caption)


def _alt(japan_offers, us_offers, japan, us, sets, zone, agreement, linked) -> str:
    jt, jp = sets["japan"]
    ut, up = sets["us"]
    parts = [f"Offers chart{' (package linked to the trade deal)' if linked else ''}. {japan.name} would ratify a "
             f"total up to {jt.high:g} billion yen a year and a pledge up to {jp.high:g}% of GDP; {us.name} a total "
             f"from {ut.low:g} and a pledge from {up.low:g}%."]
    if zone["total"] and zone["pledge"]:
        parts.append(f"They overlap from {zone['total'][0]:g} to {zone['total'][1]:g} billion yen and "
                     f"{zone['pledge'][0]:g}% to {zone['pledge'][1]:g}%.")
    else:
        parts.append("The win-sets do not overlap: no package could be ratified by both.")
    for side, offers in ((japan, japan_offers), (us, us_offers)):
        if offers:
            parts.append(f"{possessive(side.name)} offers by round: " + "; ".join(
                f"{o.total:.0f} bn yen and {o.pledge:.1f}%" for o in offers) + ".")
    if agreement is not None:
        parts.append(f"Agreement at {agreement.total:.0f} billion yen and {agreement.pledge:.1f}%.")
    return " ".join(parts)
