"""A host-nation-support negotiation as a two-level game: offers, win-sets, payoffs and a scripted counterpart.

Robert D. Putnam (1988), "Diplomacy and Domestic Politics: The Logic of Two-Level Games", *International
Organization* 42(3): 427-460. Two delegations bargain over a package (Level I); each must then get it ratified
at home (Level II): for Japan the Finance Ministry and the Diet, for the United States the President and
Congress. The scripted counterparts follow Axelrod (1984), *The Evolution of Cooperation* (tit for tat), or a
fixed concession schedule.

A **package** (:class:`Offer`) has four parts:

- ``total``: Japan's host-nation support, billion yen a year;
- ``mix``: how the total is split between five categories, in % (they must add up to 100);
- ``pledge``: Japan's defence-spending pledge, % of GDP;
- ``linkage``: whether the package is linked to the 2025 trade and investment deal.

Each side has :class:`Settings`: an **ideal** and a **red line** on the total and on the pledge (its win-set
runs from the red line to the far end of the scale: Japan ratifies any total up to its ceiling, the United
States any total from its floor), optional extra red lines, and weights saying how much each part matters.

**Payoff** (0 to 100, transparent on purpose): for the total and the pledge, 0 at the side's red line and 1 at its
ideal, linear in between and clipped to [0, 1] (on the total, the red line that linkage has moved, so that a side
still prefers more of what it wants inside its wider win-set); for the mix, the share of the total that goes to the
categories the side prefers; the payoff is 100 times the weighted sum, minus a penalty for linkage if the side
dislikes it. A package outside a side's win-set is not ratified, so it is worth that side's **no-deal** payoff, and
so is the end of the last round without agreement. Linkage also moves a win-set (Putnam's "synergistic linkage"):
``linkage_shift`` is added to the side's red line on the total when the package is linked.
"""

from dataclasses import dataclass, field, replace

from alliancelab.errors import AllianceLabError
from alliancelab.models import two_level_game as tlg
from alliancelab.validation import number

#: The cost-sharing categories of a Special Measures Agreement and their labels.
CATEGORIES = {
    "labour": "Labour costs (base workers)",
    "utilities": "Utilities",
    "facilities": "Facilities improvement",
    "training_relocation": "Training relocation",
    "new_categories": "New categories (training equipment, joint readiness)",
}
SIDES = ("japan", "us")
STRATEGIES = {
    "fixed": "fixed concessions: moves a set share of the way from its opening offer to its red line each round",
    "tit_for_tat": "tit for tat: opens firm, then concedes exactly as much as you conceded in your last offer "
    "(and hardens if you harden)",
}
#: Allowed ranges of the parts of an offer (and of the settings that use the same scales).
TOTAL_RANGE = (0.0, 1000.0)  # billion yen a year
PLEDGE_RANGE = (1.0, 6.0)  # % of GDP
TOTAL_UNIT, PLEDGE_UNIT = " billion yen a year", "% of GDP"


@dataclass(frozen=True)
class Offer:
    """One package on the table. Build it with :func:`offer`, which checks every part."""

    total: float
    mix: dict
    pledge: float
    linkage: bool = False

    def amount(self, category: str) -> float:
        """Billion yen a year for one category of the mix."""
        return self.total * self.mix[category] / 100

    def as_row(self) -> dict:
        """The offer as flat values (for a CSV row or a table)."""
        return {
            "total": self.total,
            **{k: self.mix[k] for k in CATEGORIES},
            "pledge": self.pledge,
            "linkage": self.linkage,
        }


def offer(total, mix=None, pledge=2.0, linkage=False) -> Offer:
    """A checked offer. ``mix`` maps categories to % shares that add up to 100 (default: all labour costs)."""
    total = number("The cost-sharing total", total, *TOTAL_RANGE, unit=TOTAL_UNIT)
    pledge = number("The defence-spending pledge", pledge, *PLEDGE_RANGE, unit=PLEDGE_UNIT)
    mix = dict(mix) if mix is not None else {"labour": 100.0}
    unknown = set(mix) - set(CATEGORIES)
    if unknown:
        raise AllianceLabError(
            f"Unknown cost-sharing categor{'y' if len(unknown) == 1 else 'ies'} "
            f"{', '.join(sorted(unknown))}. Use: {', '.join(CATEGORIES)}."
        )
    shares = {
        key: number(f"The share for {CATEGORIES[key].lower()}", mix.get(key, 0.0), 0, 100, unit="%")
        for key in CATEGORIES
    }
    if abs(sum(shares.values()) - 100) > 0.01:
        raise AllianceLabError(
            f"The shares of the mix must add up to 100%, got {sum(shares.values()):g}%. "
            "Change one category so that they do."
        )
    if not isinstance(linkage, bool):
        raise AllianceLabError(f"linkage must be True or False (link the package to the trade deal?), got {linkage!r}.")
    return Offer(total, shares, pledge, linkage)


@dataclass(frozen=True)
class Settings:
    """One side's game settings: ideals, red lines, extra red lines, weights and what no deal is worth.

    ``caps`` are extra red lines on the yen amount of a category, e.g. ``{"utilities": 23.4}``.
    ``weights`` (keys ``total``, ``pledge``, ``mix``) must add up to 1. ``mix_prefers`` lists the categories whose
    share the side likes to see large.
    """

    name: str
    total_ideal: float
    total_red_line: float
    pledge_ideal: float
    pledge_red_line: float
    weights: dict
    mix_prefers: tuple = ()
    caps: dict = field(default_factory=dict)
    linkage_shift: float = 0.0
    linkage_penalty: float = 0.0
    no_deal: float = 0.0

    @property
    def prefers(self) -> str:
        """Which end of the total this side likes ('low' for the payer, 'high' for the receiver)."""
        return "low" if self.total_ideal < self.total_red_line else "high"


def settings(
    name,
    total_ideal,
    total_red_line,
    pledge_ideal,
    pledge_red_line,
    weights,
    mix_prefers=(),
    caps=None,
    linkage_shift=0.0,
    linkage_penalty=0.0,
    no_deal=0.0,
) -> Settings:
    """Checked settings for one side (see :class:`Settings`)."""
    if not isinstance(name, str) or not name.strip():
        raise AllianceLabError(f"A side needs a name (e.g. 'Japan'), got {name!r}.")
    values = {
        "total_ideal": number(f"{name}'s ideal total", total_ideal, *TOTAL_RANGE, unit=TOTAL_UNIT),
        "total_red_line": number(f"{name}'s red line on the total", total_red_line, *TOTAL_RANGE, unit=TOTAL_UNIT),
        "pledge_ideal": number(f"{name}'s ideal pledge", pledge_ideal, *PLEDGE_RANGE, unit=PLEDGE_UNIT),
        "pledge_red_line": number(f"{name}'s red line on the pledge", pledge_red_line, *PLEDGE_RANGE, unit=PLEDGE_UNIT),
    }
    if values["total_ideal"] == values["total_red_line"] or values["pledge_ideal"] == values["pledge_red_line"]:
        raise AllianceLabError(
            f"{name}'s ideal and red line must differ (on the total and on the pledge): they "
            "mark the two ends of the payoff scale."
        )
    if not isinstance(weights, dict) or set(weights) != {"total", "pledge", "mix"}:
        raise AllianceLabError(f"{name}'s weights must be a dict with keys total, pledge and mix, got {weights!r}.")
    weights = {key: number(f"{name}'s weight on the {key}", value, 0, 1) for key, value in weights.items()}
    if abs(sum(weights.values()) - 1) > 1e-9:
        raise AllianceLabError(f"{name}'s weights must add up to 1, got {sum(weights.values()):g}.")
    unknown = (set(mix_prefers) | set(caps or {})) - set(CATEGORIES)
    if unknown:
        raise AllianceLabError(
            f"Unknown categories in {name}'s settings: {', '.join(sorted(unknown))}. Use: {', '.join(CATEGORIES)}."
        )
    caps = {
        key: number(f"{name}'s cap on {CATEGORIES[key].lower()}", value, 0, TOTAL_RANGE[1], unit=TOTAL_UNIT)
        for key, value in (caps or {}).items()
    }
    return Settings(
        name,
        **values,
        weights=weights,
        mix_prefers=tuple(mix_prefers),
        caps=caps,
        linkage_shift=number(f"{name}'s linkage shift", linkage_shift, -200, 200, unit=TOTAL_UNIT),
        linkage_penalty=number(f"{name}'s linkage penalty", linkage_penalty, 0, 100, unit=" points"),
        no_deal=number(f"{name}'s no-deal payoff", no_deal, 0, 100, unit=" points"),
    )


def check_settings(*sides) -> None:
    """Raise AllianceLabError unless every side is a :class:`Settings` (made with ``settings(...)``)."""
    for side in sides:
        if not isinstance(side, Settings):
            raise AllianceLabError(f"Expected settings made with negotiation.settings(...), got {side!r}.")


def check_offer(value) -> Offer:
    """``value`` if it is an :class:`Offer` (made with ``offer(...)``); AllianceLabError otherwise."""
    if not isinstance(value, Offer):
        raise AllianceLabError(f"Expected an offer made with negotiation.offer(...), got {value!r}.")
    return value


def red_line_total(side: Settings, linkage: bool = False) -> float:
    """The side's red line on the total, moved by its ``linkage_shift`` when the package is linked."""
    red_total = side.total_red_line + (side.linkage_shift if linkage else 0.0)
    return min(max(red_total, TOTAL_RANGE[0]), TOTAL_RANGE[1])


def win_sets(side: Settings, linkage: bool = False) -> tuple[tlg.WinSet, tlg.WinSet]:
    """The side's Level II win-sets on the total and on the pledge (two-level-game intervals)."""
    check_settings(side)
    red_total = red_line_total(side, linkage)
    if side.prefers == "low":
        total = tlg.win_set(side.name, TOTAL_RANGE[0], red_total, "low")
    else:
        total = tlg.win_set(side.name, red_total, TOTAL_RANGE[1], "high")
    if side.pledge_ideal < side.pledge_red_line:
        pledge = tlg.win_set(side.name, PLEDGE_RANGE[0], side.pledge_red_line, "low")
    else:
        pledge = tlg.win_set(side.name, side.pledge_red_line, PLEDGE_RANGE[1], "high")
    return total, pledge


def problems(package: Offer, side: Settings) -> list[str]:
    """Why the side's Level II would reject the package (an empty list: it would ratify it)."""
    check_offer(package)
    check_settings(side)
    total, pledge = win_sets(side, package.linkage)
    found = []
    if not tlg.ratifiable(package.total, total):
        word = "above its ceiling" if side.prefers == "low" else "below its floor"
        limit = total.high if side.prefers == "low" else total.low
        found.append(f"the total {package.total:g} is {word} of {limit:g}{TOTAL_UNIT}")
    if not tlg.ratifiable(package.pledge, pledge):
        word = "above its limit" if pledge.prefers == "low" else "below its minimum"
        limit = pledge.high if pledge.prefers == "low" else pledge.low
        found.append(f"the pledge {package.pledge:g}% is {word} of {limit:g}{PLEDGE_UNIT}")
    for key, cap in side.caps.items():
        if package.amount(key) > cap + 1e-9:
            found.append(
                f"{CATEGORIES[key].lower()} come to {package.amount(key):.1f}, above its cap of {cap:g}{TOTAL_UNIT}"
            )
    return found


def ratified(package: Offer, side: Settings) -> bool:
    """Would the side's Level II (parliament, ministry, president) ratify the package?"""
    return not problems(package, side)


def _scale(value: float, ideal: float, red_line: float) -> float:
    """0 at the red line, 1 at the ideal, linear in between, clipped to [0, 1]."""
    return min(1.0, max(0.0, (value - red_line) / (ideal - red_line)))


def payoff(package: Offer, side: Settings) -> float:
    """The side's payoff (0-100) if the package is agreed: its no-deal payoff when it would not ratify it."""
    if not ratified(package, side):
        return side.no_deal
    return raw_payoff(package, side)


def raw_payoff(package: Offer, side: Settings) -> float:
    """The weighted score of the package (0-100) before the Level II check (see the module docstring)."""
    check_offer(package)
    check_settings(side)
    w = side.weights
    score = (
        w["total"] * _scale(package.total, side.total_ideal, red_line_total(side, package.linkage))
        + w["pledge"] * _scale(package.pledge, side.pledge_ideal, side.pledge_red_line)
        + w["mix"] * sum(package.mix[key] for key in side.mix_prefers) / 100
    )
    penalty = side.linkage_penalty if package.linkage else 0.0
    return max(0.0, 100 * score - penalty)


@dataclass(frozen=True)
class Verdict:
    """What happens if this package is agreed: who ratifies, each side's payoff, and why not if not."""

    payoffs: dict
    problems: dict

    @property
    def ratified(self) -> bool:
        return not any(self.problems.values())


def judge(package: Offer, japan: Settings, us: Settings) -> Verdict:
    """Both sides' Level II verdicts and payoffs on one package."""
    found = {japan.name: problems(package, japan), us.name: problems(package, us)}
    ok = not any(found.values())
    payoffs = {s.name: (raw_payoff(package, s) if ok else s.no_deal) for s in (japan, us)}
    return Verdict(payoffs, found)


def zone(japan: Settings, us: Settings, linkage: bool = False) -> dict:
    """The zone of possible agreement on the total and on the pledge, each ``(low, high)`` or ``None``."""
    jt, jp = win_sets(japan, linkage)
    ut, up = win_sets(us, linkage)
    return {"total": tlg.overlap(jt, ut), "pledge": tlg.overlap(jp, up)}


# --- scripted counterpart ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Script:
    """A scripted counterpart: its settings, its opening package and its strategy.

    ``step`` is the share of the distance from the opening offer to the red line conceded each round by the
    "fixed" strategy (0.25: four rounds to reach the red line).
    """

    side: Settings
    opening: Offer
    strategy: str = "fixed"
    step: float = 0.25


def script(side: Settings, opening: Offer, strategy: str = "fixed", step=0.25) -> Script:
    """A checked scripted counterpart."""
    check_settings(side)
    check_offer(opening)
    if strategy not in STRATEGIES:
        raise AllianceLabError(f"Unknown strategy {strategy!r}. Use one of: {', '.join(STRATEGIES)}.")
    step = number(
        "The concession step",
        step,
        0,
        1,
        low_open=True,
        hint=" (a share: 0.25 means a quarter of the way to the red line each round)",
    )
    if not ratified(opening, side):
        raise AllianceLabError(
            f"{side.name}'s opening offer breaks its own red lines: " + "; ".join(problems(opening, side)) + "."
        )
    return Script(side, opening, strategy, step)


def _toward(value: float, target: float, amount: float) -> float:
    """Move ``value`` by ``amount`` towards ``target`` (negative: away from it), never past it."""
    if target >= value:
        return min(value + amount, target)
    return max(value - amount, target)


def scripted_offer(counterpart: Script, round_number: int, their_offers=()) -> Offer:
    """The counterpart's offer in ``round_number`` (1, 2, ...), given the other side's offers so far.

    fixed: offer = opening + min(1, step x (round - 1)) x (red line - opening), on the total and the pledge.
    tit_for_tat: round 1 is the opening; later, the counterpart moves towards its red line by as much as the other
    side's last offer moved towards the counterpart (in the same units, on each issue), and back towards its opening
    if the other side hardened; it never goes beyond its red line or its opening.
    """
    if not isinstance(counterpart, Script):
        raise AllianceLabError(
            f"Expected a scripted counterpart made with negotiation.script(...), got {counterpart!r}."
        )
    round_number = int(number("The round number", round_number, 1, 100))
    side, start = counterpart.side, counterpart.opening
    total_red, pledge_red = side.total_red_line, side.pledge_red_line
    if counterpart.strategy == "fixed":
        share = min(1.0, counterpart.step * (round_number - 1))
        total = start.total + share * (total_red - start.total)
        pledge = start.pledge + share * (pledge_red - start.pledge)
        return replace(start, total=total, pledge=pledge)
    previous = start
    theirs = [check_offer(o) for o in their_offers]
    # How far the other side moved towards what this side wants (positive = a concession).
    sign_total = 1 if side.prefers == "high" else -1
    sign_pledge = 1 if side.pledge_ideal > side.pledge_red_line else -1
    for k in range(1, min(round_number, len(theirs))):
        before, after = theirs[k - 1], theirs[k]
        give_total = sign_total * (after.total - before.total)
        give_pledge = sign_pledge * (after.pledge - before.pledge)
        total = _bounded(_toward(previous.total, total_red, give_total), start.total, total_red)
        pledge = _bounded(_toward(previous.pledge, pledge_red, give_pledge), start.pledge, pledge_red)
        previous = replace(previous, total=total, pledge=pledge)
    return previous


def _bounded(value: float, a: float, b: float) -> float:
    return min(max(value, min(a, b)), max(a, b))


def accepts(counterpart: Script, package: Offer, round_number: int, their_offers=()) -> bool:
    """Does the scripted counterpart accept the package? Only if its own Level II would ratify it and it is worth
    at least as much to it as the offer it would make itself this round."""
    return _worth_accepting(package, counterpart.side, scripted_offer(counterpart, round_number, their_offers))


def _worth_accepting(package: Offer, side: Settings, own: Offer) -> bool:
    """Would ``side`` ratify ``package``, and is it worth at least as much to it as its ``own`` offer?"""
    return ratified(package, side) and raw_payoff(package, side) >= raw_payoff(own, side) - 1e-9


@dataclass(frozen=True)
class Round:
    """One round: the learner's offer, the counterpart's offer, and what happened."""

    number: int
    player: Offer
    counterpart: Offer
    accepted_by_counterpart: bool


def play(counterpart: Script, player_offers) -> list[Round]:
    """Play the learner's offers round by round against the script; stop at the first accepted offer."""
    history, theirs = [], []
    for number_, package in enumerate(player_offers, start=1):
        theirs.append(check_offer(package))
        reply = scripted_offer(counterpart, number_, theirs)
        ok = _worth_accepting(package, counterpart.side, reply)
        history.append(Round(number_, package, reply, ok))
        if ok:
            break
    return history


def result(history, japan: Settings, us: Settings, max_rounds: int = 6, accepted=None):
    """The outcome of a negotiation: ``(package or None, Verdict or None, sentence)``.

    ``accepted`` is an offer the learner accepted from the counterpart (it ends the talks). Otherwise the last round
    decides: an offer the counterpart accepted is the agreement; after ``max_rounds`` without one there is no deal.
    """
    max_rounds = int(number("The number of rounds", max_rounds, 1, 20))
    package = accepted
    if package is None and history and history[-1].accepted_by_counterpart:
        package = history[-1].player
    if package is None:
        if len(history) >= max_rounds:
            return (
                None,
                None,
                (
                    f"No deal after {max_rounds} rounds: each side gets its no-deal payoff "
                    f"({japan.name} {japan.no_deal:g}, {us.name} {us.no_deal:g})."
                ),
            )
        return None, None, f"Round {len(history) + 1} of {max_rounds}: no agreement yet."
    verdict = judge(check_offer(package), japan, us)
    if verdict.ratified:
        return (
            package,
            verdict,
            (
                f"Agreement ratified by both sides: {package.total:.0f}{TOTAL_UNIT}, pledge "
                f"{package.pledge:.1f}{PLEDGE_UNIT}. Payoffs: {japan.name} "
                f"{verdict.payoffs[japan.name]:.0f}, {us.name} {verdict.payoffs[us.name]:.0f}."
            ),
        )
    why = "; ".join(f"{name}: {', '.join(found)}" for name, found in verdict.problems.items() if found)
    return (
        package,
        verdict,
        (f"Agreed at Level I but not ratified at Level II ({why}): an involuntary defection, so no deal."),
    )
