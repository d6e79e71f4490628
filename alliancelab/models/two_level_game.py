"""Two-level games on one issue: win-sets, the zone of possible agreement, "tying hands" and linkage.

Robert D. Putnam (1988), "Diplomacy and Domestic Politics: The Logic of Two-Level Games",
*International Organization* 42(3): 427-460. Negotiators bargain with each other (Level I), but any
deal must then be ratified at home (Level II) by a legislature, a coalition, voters or courts. A side's
**win-set** is the set of Level I agreements that would be ratified at home. An agreement is possible
only where the two win-sets overlap. Two of Putnam's results, in a one-dimensional teaching model:

- **Tying hands.** A *smaller* win-set can be a bargaining advantage: if the other side still wants a deal,
  the outcome moves towards the side whose domestic constraint is tighter (as long as the win-sets still
  overlap; shrink it too far and there is no agreement at all).
- **Synergistic linkage.** Linking a second issue (say, investment to tariffs) can change what a
  domestic audience will ratify, shifting a win-set so that an agreement becomes possible.

The issue is one number (e.g. the US tariff rate on Japanese goods, in percent). Each side's win-set is an
interval, and each side *prefers* one end of the issue ("low" or "high"). Where the win-sets overlap,
the **likely outcome** is a weighted split of the overlap: each side's best point in the overlap,
weighted by its bargaining weight (0.5 each by default, i.e. the middle of the zone). This split rule is
a simplifying assumption of the teaching model, not part of Putnam's argument.

**Level II as a coalition.** A government that needs its coalition partners, party factions or ministries to
carry a deal has a win-set that is the *intersection* of what each of them accepts: every member is a veto
player (Tsebelis's term), and the tightest one binds. ``coalition_win_set`` builds it; ``veto_player`` names
the member that binds. Schoppa (1993, *International Organization* 47(3): 353-386) showed how US pressure
(*gaiatsu*) can work on exactly this Level II, by widening who takes part in Japan's decision.
"""

from dataclasses import dataclass

from alliancelab.errors import AllianceLabError
from alliancelab.validation import number

DIRECTIONS = ("low", "high")


@dataclass(frozen=True)
class WinSet:
    """One side's Level II win-set on the issue: the interval [low, high] it would ratify."""

    name: str
    low: float
    high: float
    prefers: str

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def best(self) -> float:
        """The end of the win-set this side likes most."""
        return self.low if self.prefers == "low" else self.high


def win_set(name: str, low, high, prefers: str) -> WinSet:
    """A checked win-set: ``low <= high``, finite numbers, ``prefers`` is "low" or "high"."""
    if not isinstance(name, str) or not name.strip():
        raise AllianceLabError(f"A win-set needs a name (e.g. 'Japan'), got {name!r}.")
    low, high = number(f"{name}'s lowest acceptable value", low), number(f"{name}'s highest acceptable value", high)
    if low > high:
        raise AllianceLabError(
            f"{name}'s win-set runs from {low:g} to {high:g}: the low end must not exceed the high end."
        )
    if prefers not in DIRECTIONS:
        raise AllianceLabError(f"prefers must be 'low' or 'high' (which end {name} likes), got {prefers!r}.")
    return WinSet(name, low, high, prefers)


def _check(*sets) -> None:
    for item in sets:
        if not isinstance(item, WinSet):
            raise AllianceLabError(f"Expected a win-set made with win_set(...), got {item!r}.")


def overlap(a: WinSet, b: WinSet):
    """The zone of possible agreement as ``(low, high)``, or ``None`` when the win-sets do not overlap."""
    _check(a, b)
    low, high = max(a.low, b.low), min(a.high, b.high)
    return (low, high) if low <= high else None


def ratifiable(proposal, side: WinSet) -> bool:
    """Would this side ratify the proposal at home (is it inside its win-set)?"""
    _check(side)
    value = number("The proposal", proposal)
    return side.low <= value <= side.high


def verdicts(proposal, a: WinSet, b: WinSet) -> dict:
    """Whether each side would ratify the proposal, by name."""
    return {a.name: ratifiable(proposal, a), b.name: ratifiable(proposal, b)}


def likely_outcome(a: WinSet, b: WinSet, weight_a=0.5):
    """The weighted split of the overlap (``weight_a`` is side a's bargaining weight), or ``None``."""
    _check(a, b)
    weight_a = number("The bargaining weight", weight_a)
    if not 0 <= weight_a <= 1:
        raise AllianceLabError(f"The bargaining weight must be between 0 and 1, got {weight_a:g}.")
    if a.prefers == b.prefers:
        raise AllianceLabError(
            f"{a.name} and {b.name} both prefer the {a.prefers} end: there is nothing to "
            "bargain over. Make one side prefer 'low' and the other 'high'."
        )
    zone = overlap(a, b)
    if zone is None:
        return None
    best_a = zone[0] if a.prefers == "low" else zone[1]
    best_b = zone[0] if b.prefers == "low" else zone[1]
    return weight_a * best_a + (1 - weight_a) * best_b


def shrink(side: WinSet, amount) -> WinSet:
    """The win-set after a tighter domestic constraint: ``amount`` cut from its *least* preferred end."""
    _check(side)
    amount = number("The amount to shrink by", amount)
    if not 0 <= amount <= side.width:
        raise AllianceLabError(
            f"{side.name}'s win-set is {side.width:g} wide: shrink it by 0 to {side.width:g}, not {amount:g}."
        )
    if side.prefers == "low":
        return WinSet(side.name, side.low, side.high - amount, side.prefers)
    return WinSet(side.name, side.low + amount, side.high, side.prefers)


def shift(side: WinSet, amount) -> WinSet:
    """The win-set moved by ``amount`` (e.g. what a linked issue makes ratifiable at home)."""
    _check(side)
    amount = number("The shift", amount)
    return WinSet(side.name, side.low + amount, side.high + amount, side.prefers)


def describe(a: WinSet, b: WinSet, weight_a=0.5, unit="%") -> str:
    """One sentence: the zone of agreement and the likely outcome, or why no agreement is possible."""
    outcome = likely_outcome(a, b, weight_a)
    if outcome is None:
        lower, upper = (a, b) if a.high < b.low else (b, a)
        return (
            f"No agreement possible: {lower.name} accepts at most {lower.high:g}{unit}, but {upper.name} "
            f"needs at least {upper.low:g}{unit}."
        )
    low, high = overlap(a, b)
    return (
        f"Zone of possible agreement: {low:g}{unit} to {high:g}{unit}. Likely outcome with {a.name}'s "
        f"bargaining weight {weight_a:g}: {outcome:.3g}{unit}."
    )


def _members(members) -> dict:
    if not isinstance(members, dict) or not members:
        raise AllianceLabError(
            "Give the coalition as {member: (lowest, highest) it accepts}, e.g. "
            "{'LDP farm caucus': (0, 30), 'Komeito': (0, 60)}."
        )
    return {name: win_set(name, *bounds, prefers="low") for name, bounds in members.items()}


def coalition_win_set(name: str, members, prefers: str) -> WinSet:
    """The win-set of a government whose coalition members each hold a veto: what *every* member accepts.

    ``members`` maps each member to the (lowest, highest) value it would accept. If no value satisfies them all,
    the coalition cannot ratify anything: a clear error names the two members that clash.
    """
    checked = _members(members)
    low = max(checked.values(), key=lambda m: m.low)
    high = min(checked.values(), key=lambda m: m.high)
    if low.low > high.high:
        raise AllianceLabError(
            f"{name}'s coalition accepts nothing: {high.name} accepts at most {high.high:g}, "
            f"but {low.name} needs at least {low.low:g}."
        )
    return win_set(name, low.low, high.high, prefers)


def veto_player(members, prefers: str) -> str:
    """The member whose limit sets the coalition's least-preferred end: the one a negotiator must win over."""
    checked = _members(members)
    if prefers not in DIRECTIONS:
        raise AllianceLabError(f"prefers must be 'low' or 'high', got {prefers!r}.")
    if prefers == "low":
        return min(checked.values(), key=lambda m: m.high).name
    return max(checked.values(), key=lambda m: m.low).name
