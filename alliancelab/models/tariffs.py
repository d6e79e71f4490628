"""A tariff calculator: a *simple teaching model* of what a tariff does to a price and to import volumes.

It is deliberately crude (one imported good, partial equilibrium, no exchange-rate or supplier
response beyond what ``pass_through`` stands for) and is not a forecast. It makes two questions concrete:
*who pays the tariff?* and *how much less is imported?*

- **Price.** A tariff of ``rate`` percent raises the price paid by buyers of the imported good by the
  share of the tariff that is passed on to them (``pass_through``, from 0 to 1); the exporter (for
  example a Japanese carmaker cutting its price) absorbs the rest::

      price change = rate * pass_through                                  (in percent)

- **Volume.** Import demand has a constant price elasticity ``elasticity`` (a positive number: with
  elasticity 2, a 1% price rise cuts imports by about 2%)::

      volume change = (1 + price change / 100) ** (-elasticity) - 1       (as a fraction, then in percent)

Who pays a tariff is an empirical question; for the 2018 US tariffs see Mary Amiti, Stephen J. Redding
and David E. Weinstein (2019), "The Impact of the 2018 Tariffs on Prices and Welfare", *Journal of
Economic Perspectives* 33(4): 187-210, and Pablo D. Fajgelbaum et al. (2020), "The Return to
Protectionism", *Quarterly Journal of Economics* 135(1): 1-55.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from alliancelab.errors import AllianceLabError
from alliancelab.validation import number

#: Allowed input ranges: a tariff rate in percent, an elasticity, a pass-through share.
RATE_RANGE = (0.0, 500.0)
ELASTICITY_RANGE = (0.0, 20.0)
PASS_THROUGH_RANGE = (0.0, 1.0)


def check_rate(rate) -> float:
    """A tariff rate in percent (0 to 500)."""
    return number("The tariff rate", rate, *RATE_RANGE, hint=" (percent: 15 means 15%)")


def check_elasticity(elasticity) -> float:
    """An import-demand elasticity, written as a positive number (0 to 20)."""
    return number(
        "The import-demand elasticity",
        elasticity,
        *ELASTICITY_RANGE,
        hint=" (write it as a positive number: 2 means imports fall about 2% per 1% price rise)",
    )


def check_pass_through(pass_through) -> float:
    """The share of the tariff passed on to buyers (0 to 1)."""
    return number(
        "The pass-through share",
        pass_through,
        *PASS_THROUGH_RANGE,
        hint=" (a share: 0.6 means 60% of the tariff reaches buyers)",
    )


def price_change(rate, pass_through) -> float:
    """Percent change in the price buyers pay: ``rate * pass_through``."""
    return check_rate(rate) * check_pass_through(pass_through)


def volume_change(price_change_percent, elasticity) -> float:
    """Percent change in import volume for a price change (percent), with constant elasticity."""
    dp = number("The price change", price_change_percent, -99.0, RATE_RANGE[1], hint=" (percent)")
    return ((1 + dp / 100) ** (-check_elasticity(elasticity)) - 1) * 100


@dataclass(frozen=True)
class TariffEffect:
    """The model's inputs and its two results (all in percent, except the elasticity and the share)."""

    rate: float
    elasticity: float
    pass_through: float
    price_change: float
    volume_change: float

    @property
    def absorbed_by_exporter(self) -> float:
        """Percentage points of the tariff not passed on to buyers (absorbed by the exporter)."""
        return self.rate - self.price_change


def tariff_effect(rate, elasticity, pass_through) -> TariffEffect:
    """Price and import-volume change for one tariff rate, elasticity and pass-through share."""
    dp = price_change(rate, pass_through)
    dv = volume_change(dp, elasticity)
    return TariffEffect(float(rate), float(elasticity), float(pass_through), dp, dv)


def effect_curve(elasticity, pass_through, max_rate=100.0, points=201) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rates from 0 to ``max_rate`` and the price and volume changes (percent) at each."""
    max_rate = number("The largest rate shown", max_rate, 1.0, RATE_RANGE[1])
    if isinstance(points, bool) or not isinstance(points, (int, np.integer)) or points < 2:
        raise AllianceLabError(f"points must be a whole number of at least 2, got {points!r}.")
    elasticity, pass_through = check_elasticity(elasticity), check_pass_through(pass_through)
    rates = np.linspace(0.0, max_rate, points)
    prices = rates * pass_through
    volumes = ((1 + prices / 100) ** (-elasticity) - 1) * 100
    return rates, prices, volumes


US_BASIS = "US Census: US goods deficit with Japan"


JAPAN_BASIS = "Japan MOF: Japan's goods surplus with the US"


#: The Japan tariff series and the ``trade_tariffs`` rows that make them, keyed by (date, partner, legal
#: basis). "set": the rate becomes the row's rate. "add": the row's rate is added to the previous one
#: (the April 2025 Section 232 car tariff came on top of the 2.5% MFN duty; see the rows' notes).
#: ``trade_tariffs.rate_basis``: whether a rate includes the ordinary MFN duty or comes on top of it.
ALL_IN = "all-in (includes MFN)"
JAPAN_SERIES = {
    "Most Japanese goods": [
        ("2025-04-09", "all countries", "IEEPA", "set"),
        ("2025-08-07", "Japan", "IEEPA", "set"),
        ("2025-09-04", "Japan", "IEEPA", "set"),
        ("2026-02-24", "all countries", "Section 122", "set"),
    ],
    "Japanese cars": [
        ("2025-03-26", "Japan", "MFN", "set"),
        ("2025-04-03", "Japan", "Section 232", "add"),
        ("2025-09-16", "Japan", "Section 232", "set"),
    ],
    "Japanese steel": [("2025-03-12", "Japan", "Section 232", "set"), ("2025-06-04", "Japan", "Section 232", "set")],
}


def tariff_row(tariffs: pd.DataFrame, date: str, partner: str, legal_basis: str) -> pd.Series:
    """The one ``trade_tariffs`` row of this date, partner and legal basis (AllianceLabError if not exactly one)."""
    rows = tariffs[
        (tariffs["date"] == pd.Timestamp(date))
        & (tariffs["partner"] == partner)
        & (tariffs["legal_basis"] == legal_basis)
    ]
    if len(rows) != 1:
        raise AllianceLabError(
            f"trade_tariffs should have exactly one row for {date}, {partner}, {legal_basis}; "
            f"found {len(rows)}. Check data/trade_tariffs.csv."
        )
    return rows.iloc[0]


def japan_tariff_steps(tariffs: pd.DataFrame) -> pd.DataFrame:
    """The rate in effect on each Japan series after each change: columns series, date, rate, legal_basis,
    rate_basis (whether the rate includes the ordinary MFN duty or comes on top of it)."""
    records = []
    for series, keys in JAPAN_SERIES.items():
        rate = 0.0
        for date, partner, basis, how in keys:
            row = tariff_row(tariffs, date, partner, basis)
            rate = rate + row["rate"] if how == "add" else row["rate"]
            rate_basis = ALL_IN if how == "add" else row["rate_basis"]
            records.append(
                {"series": series, "date": row["date"], "rate": rate, "legal_basis": basis, "rate_basis": rate_basis}
            )
    return pd.DataFrame(records)
