"""Burden sharing: what a share-of-GDP target costs, and why big allies pay more (Olson-Zeckhauser).

Two *teaching models*, deliberately simple and transparent; they illustrate ideas, they are not forecasts.

**1. The yen cost of a share-of-GDP target.** Nominal GDP grows at a constant rate ``g`` (% per year)
from a base year::

    GDP(t) = GDP(base) * (1 + g/100) ** (t - base)
    cost(t) = share/100 * GDP(t)                      (denominator: that year's GDP)
    cost(t) = share/100 * GDP(base)                   (fixed denominator, as in Japan's 2% goal,
                                                       which is measured against FY2022 GDP)

**2. The Olson-Zeckhauser alliance.** Mancur Olson and Richard Zeckhauser (1966), "An Economic Theory of
Alliances", *Review of Economics and Statistics* 48(3): 266-279. Deterrence protects every ally whoever
pays for it: it is a *public good*. Each ally i has income ``Y_i`` and splits it between defence ``q_i``
and everything else ``x_i = Y_i - q_i``. Both enjoy the alliance's total defence ``Q = q_1 + q_2``, with
the Cobb-Douglas utility::

    U_i = (1 - a) * ln(x_i) + a * ln(Q)          (a = weight on security, 0 < a < 1)

Each ally picks ``q_i`` taking the other's as given (a Nash equilibrium). The best response is
``q_i = max(0, a * Y_i - (1 - a) * q_j)``. Solving both together:

- if both contribute, private spending is equal, ``x_1 = x_2 = x = (1 - a)(Y_1 + Y_2) / (2 - a)``, so
  ``q_i = Y_i - x``: the richer ally spends a *larger share of its income* on defence;
- if the small ally's income is at most ``x``, it contributes nothing (it free-rides completely) and the
  large ally spends ``a * Y_large``, what it would spend alone.

The total, ``a (Y_1 + Y_2) / (2 - a)`` when both contribute, is less than the ``a (Y_1 + Y_2)`` that
maximises the two allies' summed utility: public goods are under-provided. This is "the exploitation of
the great by the small".

**3. The joint-product model.** Todd Sandler (1977), "Impurity of Defense: An Application to the Economics
of Alliances", *Kyklos* 30(3): 443-460; Sandler and Hartley (2001), "Economics of Alliances: The Lessons
for Collective Action", *Journal of Economic Literature* 39(3): 869-896. Defence also yields benefits
that only the ally who pays gets (guarding its own territory, sea lanes, disaster relief, its own
industry). With a private share ``s`` (0 <= s <= 1) of the benefit of defence::

    U_i = (1 - a_i) * ln(x_i) + a_i * (1 - s) * ln(Q) + a_i * s * ln(q_i)

The best response solves ``q^2 + ((1 - a + a s) q_j - a Y) q - a s Y q_j = 0`` (positive root). With
``s = 0`` this is model 2; with any ``s > 0`` no ally ever gives nothing, so complete free riding
disappears; with ``s = 1`` each spends ``a_i Y_i`` as if alone, and equal weights mean equal burdens:
Olson and Zeckhauser's "exploitation of the great by the small" fails.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from alliancelab import validation
from alliancelab.errors import AllianceLabError
from alliancelab.validation import number

#: Reference shares of GDP (%): Japan's 2022 goal, the US ask of 2025 and the NATO/NDS benchmark.
REFERENCE_SHARES = (2.0, 3.5, 5.0)


def _year(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise AllianceLabError(f"{name} must be a whole year such as 2027, got {value!r}.")
    if not 1950 <= int(value) <= 2100:
        raise AllianceLabError(f"{name} must be a year between 1950 and 2100, got {value}.")
    return int(value)


# --- 1. The yen cost of a share-of-GDP target ------------------------------------------------------


def target_cost(gdp, share_pct) -> float:
    """The cost of spending ``share_pct`` % of a GDP of ``gdp`` (same unit as ``gdp``, e.g. trillion yen)."""
    gdp = number("GDP", gdp, low=0, low_open=True)
    share_pct = number("The share of GDP", share_pct, low=0, high=100, unit="%")
    return share_pct / 100 * gdp


def project_gdp(base_gdp, base_year, growth_pct, end_year) -> pd.Series:
    """Nominal GDP from ``base_year`` to ``end_year``, growing ``growth_pct`` % a year (index: year)."""
    base_gdp = number("The base-year GDP", base_gdp, low=0, low_open=True)
    growth_pct = number("Nominal GDP growth", growth_pct, low=-20, high=20, unit="% a year")
    base_year, end_year = _year("The base year", base_year), _year("The end year", end_year)
    if end_year < base_year:
        raise AllianceLabError(f"The end year ({end_year}) is before the base year ({base_year}).")
    years = np.arange(base_year, end_year + 1)
    values = base_gdp * (1 + growth_pct / 100) ** (years - base_year)
    return pd.Series(values, index=pd.Index(years, name="fiscal_year"), name="gdp")


def cost_path(
    base_gdp, base_year, growth_pct, end_year, shares=REFERENCE_SHARES, fixed_denominator=False
) -> pd.DataFrame:
    """GDP and the cost of each share of GDP in ``shares`` (%), year by year (columns: gdp, then each share).

    With ``fixed_denominator`` every year's cost is measured against the base year's GDP, as Japan's
    2% goal is measured against FY2022 GDP.
    """
    gdp = project_gdp(base_gdp, base_year, growth_pct, end_year)
    shares = list(shares)
    if not shares:
        raise AllianceLabError("Give at least one share of GDP, e.g. shares=[2, 3.5, 5].")
    denominator = pd.Series(base_gdp, index=gdp.index) if fixed_denominator else gdp
    table = pd.DataFrame({"gdp": gdp})
    for share in shares:
        share = number("Each share of GDP", share, low=0, high=100, unit="%")
        table[share] = share / 100 * denominator
    return table


# --- 2. The Olson-Zeckhauser two-ally public-good model ----------------------------------------------


def _weight(name: str, value) -> float:
    value = number(name, value, low=0, high=1, low_open=True)
    if value == 1:
        raise AllianceLabError(f"{name} must be less than 1 (at 1 nothing but security has value).")
    return value


@dataclass(frozen=True)
class Equilibrium:
    """Nash contributions of a large and a small ally to their common defence (see the module docstring)."""

    income: tuple  #: (large, small) incomes
    contribution: tuple  #: (large, small) defence spending q_i
    weight: tuple  #: (large, small) weights on security a_i
    private: float = 0.0  #: share s of defence's benefit that is private to the ally who pays (0-1)

    @property
    def total(self) -> float:
        """Total defence Q provided in equilibrium."""
        return sum(self.contribution)

    @property
    def burden(self) -> tuple:
        """Each ally's defence spending as a share of its own income (0-1): (large, small)."""
        return tuple(q / y for q, y in zip(self.contribution, self.income))

    @property
    def share_of_total(self) -> tuple:
        """Each ally's share of the alliance's total defence (0-1): (large, small)."""
        return tuple(q / self.total for q in self.contribution)

    @property
    def income_share(self) -> tuple:
        """Each ally's share of the two allies' combined income (0-1): (large, small)."""
        return tuple(y / sum(self.income) for y in self.income)

    @property
    def small_free_rides(self) -> bool:
        """True if the small ally contributes nothing."""
        return self.contribution[1] == 0

    @property
    def efficient_total(self) -> float:
        """The total defence that maximises the sum of both utilities: (a_1 + a_2) / 2 * (Y_1 + Y_2) if s = 0."""
        if self.private == 0:
            return sum(self.weight) / 2 * sum(self.income)
        return _efficient_total(self.income, self.weight, self.private)


def nash_contributions(income_large, income_small, weight, weight_small=None, private=0.0) -> Equilibrium:
    """The Nash equilibrium of the two-ally public-good game with Cobb-Douglas utility.

    ``weight`` is a, the weight on security; give ``weight_small`` to let the small ally value security
    differently (for example because it is more exposed to a threat). Best responses
    ``q_i = max(0, a_i Y_i - (1 - a_i) q_j)``; solved together (D = a_1 + a_2 - a_1 a_2)::

        q_1 = (a_1 Y_1 - (1 - a_1) a_2 Y_2) / D,   q_2 = (a_2 Y_2 - (1 - a_2) a_1 Y_1) / D

    and if one of these is negative that ally gives 0 and the other spends a_i Y_i. ``private`` is s,
    the private share of defence's benefit in Sandler's joint-product model (module docstring, part 3);
    with s > 0 the equilibrium is found by bisection on the best responses.
    """
    large = number("The large ally's income", income_large, low=0, low_open=True)
    small = number("The small ally's income", income_small, low=0, low_open=True)
    a1 = _weight("The weight on security", weight)
    a2 = a1 if weight_small is None else _weight("The small ally's weight on security", weight_small)
    s = number("The private share of defence's benefit", private, low=0, high=1)
    if small > large:
        raise AllianceLabError(
            f"The small ally's income ({small:g}) is larger than the large ally's ({large:g}); swap them."
        )
    if s > 0:
        q1 = _bisect(lambda q: _best_response(a1, large, _best_response(a2, small, q, s), s) - q, 0.0, large)
        return Equilibrium((large, small), (float(q1), float(_best_response(a2, small, q1, s))), (a1, a2), s)
    d = a1 + a2 - a1 * a2
    q1 = (a1 * large - (1 - a1) * a2 * small) / d
    q2 = (a2 * small - (1 - a2) * a1 * large) / d
    if q2 <= 0:
        q1, q2 = a1 * large, 0.0
    elif q1 <= 0:
        q1, q2 = 0.0, a2 * small
    return Equilibrium((large, small), (q1, q2), (a1, a2))


def free_riding_threshold(weight, weight_small=None, private=0.0) -> float:
    """The small ally's share of combined income (0-1) at or below which it contributes nothing.

    The small ally gives nothing when its stand-alone wish ``a_2 Y_2`` is no more than the
    ``(1 - a_2) a_1 Y_1`` it gains from the large ally's spending: with ``k = a_1 (1 - a_2) / a_2`` the
    threshold share is ``k / (1 + k)``; with equal weights a it is ``(1 - a) / (2 - a)``. A value of
    0.5 or more means the small ally free-rides at every income share. With a private share of
    benefit ``private`` > 0 (the joint-product model) the threshold is 0: no ally gives nothing.
    """
    a1 = _weight("The weight on security", weight)
    a2 = a1 if weight_small is None else _weight("The small ally's weight on security", weight_small)
    if number("The private share of defence's benefit", private, low=0, high=1) > 0:
        return 0.0
    k = a1 * (1 - a2) / a2
    return k / (1 + k)


def burden_curve(weight, small_shares, weight_small=None, private=0.0) -> pd.DataFrame:
    """Equilibria as the small ally's share of combined income varies (combined income fixed at 1).

    Columns: small_share, burden_large, burden_small (shares of own income, 0-1) and share_large
    (the large ally's share of total defence, 0-1).
    """
    rows = []
    for share in small_shares:
        share = number("The small ally's income share", share, low=0, high=0.5, low_open=True)
        eq = nash_contributions(1 - share, share, weight, weight_small, private)
        rows.append(
            {
                "small_share": share,
                "burden_large": eq.burden[0],
                "burden_small": eq.burden[1],
                "share_large": eq.share_of_total[0],
            }
        )
    if not rows:
        raise AllianceLabError("Give at least one income share for the small ally, e.g. [0.1, 0.2, 0.3].")
    return pd.DataFrame(rows)


# --- 3. The joint-product model (private benefits of defence) -----------------------------------------


def _best_response(a, income, other, s) -> float:
    """Ally i's best defence spending given the other's ``other``, with private share ``s`` > 0 (part 3)."""
    b = (1 - a + a * s) * other - a * income
    return (-b + np.sqrt(b * b + 4 * a * s * income * other)) / 2


def _bisect(f, low, high, steps=100) -> float:
    """The root of a function ``f`` that is >= 0 at ``low`` and <= 0 at ``high`` (deterministic bisection)."""
    for _ in range(steps):
        middle = (low + high) / 2
        low, high = (middle, high) if f(middle) > 0 else (low, middle)
    return (low + high) / 2


def _efficient_total(income, weight, s) -> float:
    """Total defence maximising the summed utilities of part 3: each q_i solves
    ``(1 - a_i) / (Y_i - q_i) = (a_1 + a_2)(1 - s) / Q + a_i s / q_i``, and Q is their sum."""

    def spending(a, y, total):
        c = sum(weight) * (1 - s) / total
        if c == 0:
            return a * y
        b = 1 - a + a * s - c * y
        return (-b + np.sqrt(b * b + 4 * c * a * s * y)) / (2 * c)

    return _bisect(lambda q: sum(spending(a, y, q) for a, y in zip(weight, income)) - q, 1e-12, sum(income))


# --- 4. Tables shared by the figures and the self-checks -----------------------------------------------


def hns_periods(hns: pd.DataFrame) -> pd.DataFrame:
    """Yen amounts of host-nation support by period: single-year amounts, SMA annual levels, agreement totals.

    Columns: start_fy, end_fy, kind ("single year", "annual level", "agreement total"), billion_yen,
    per_year (billion yen a year: the amount, or the total divided by the years covered), metric.
    """
    validation.table(hns, "host_nation_support", ["series", "unit", "start_fy", "end_fy", "value", "metric"])
    rows = []
    for row in hns[hns["series"].isin(["annual_amount", "agreement_total"])].itertuples():
        if row.unit not in ("billion yen", "billion yen per year", "trillion yen"):
            continue  # e.g. the 2006 agreement in US dollars: not comparable on a yen axis
        start, end = int(row.start_fy), int(row.end_fy)
        amount = row.value * (1000 if row.unit == "trillion yen" else 1)
        years = end - start + 1
        if row.series == "agreement_total":
            kind, per_year = "agreement total", amount / years
        else:
            kind, per_year = ("single year" if years == 1 else "annual level"), amount
        rows.append(
            {
                "start_fy": start,
                "end_fy": end,
                "kind": kind,
                "billion_yen": amount,
                "per_year": per_year,
                "metric": row.metric,
            }
        )
    return pd.DataFrame(rows).sort_values(["start_fy", "kind"], kind="stable").reset_index(drop=True)


def budget_rows(defense: pd.DataFrame) -> pd.DataFrame:
    """Initial defence budgets in trillion yen, one row per fiscal year and basis, with a numeric ``year``."""
    validation.table(defense, "defense_spending", ["fiscal_year", "series", "unit", "basis", "value"])
    rows = defense[
        (defense["series"] == "budget_initial")
        & (defense["unit"] == "trillion yen")
        & defense["fiscal_year"].fillna("").str.fullmatch(r"FY\d{4}")
    ].copy()
    rows["year"] = rows["fiscal_year"].str[2:].astype(int)
    return rows.sort_values(["year", "basis"], kind="stable")


def base_gdp(gdp: pd.DataFrame, year: int = 2022) -> float:
    """Japan's nominal GDP (trillion yen) for fiscal ``year`` from the gdp table's estimate rows."""
    validation.table(gdp, "gdp", ["year", "period_type", "status", "value"])
    rows = gdp[(gdp["year"] == year) & (gdp["period_type"] == "Japanese fiscal year") & (gdp["status"] == "estimate")]
    if rows.empty:
        raise AllianceLabError(f"The gdp table has no estimate for FY{year}.")
    return float(rows["value"].iloc[0])
