"""Burden-sharing explorers: the yen cost of a share-of-GDP target, and the Olson-Zeckhauser alliance model."""

import ipywidgets as w
import pandas as pd

from alliancelab.models import burden as bs
from alliancelab.models.burden import base_gdp
from alliancelab.plotting import burden as plots
from alliancelab.widgets.base import SLIDER_STYLE, Explorer, slider


class BurdenCalculator(Explorer):
    """Share of GDP, nominal growth and horizon -> the yen cost path against actual budgets and 2/3.5/5% lines."""

    def __init__(self, defense: pd.DataFrame, gdp: pd.DataFrame, base_year: int = 2022):
        self.defense = defense
        self.base_year = base_year
        self.budgets = plots.budget_rows(defense)
        self.share = slider(
            w.FloatSlider,
            value=2.0,
            min=0.5,
            max=6.0,
            step=0.1,
            description="Share of GDP (%)",
            readout_format=".1f",
        )
        self.growth = slider(
            w.FloatSlider,
            value=2.0,
            min=-2.0,
            max=8.0,
            step=0.5,
            description="Nominal GDP growth (%/yr)",
            readout_format=".1f",
        )
        self.year = slider(
            w.IntSlider,
            value=2027,
            min=base_year + 1,
            max=2035,
            description="Horizon (fiscal year)",
        )
        self.fixed = w.Checkbox(
            value=False, indent=False, description=f"Measure against FY{base_year} GDP (fixed), as Japan's 2% goal does"
        )
        self.gdp = w.FloatText(
            value=base_gdp(gdp, base_year),
            description=f"FY{base_year} GDP (trillion yen)",
            style=SLIDER_STYLE,
            layout=w.Layout(width="24em"),
        )
        self.summary = (
            f"Burden-sharing calculator: sliders for share of GDP, nominal GDP growth and horizon year, "
            f"starting from FY{base_year} GDP of {self.gdp.value:g} trillion yen (data/gdp.csv). At the "
            f"start, 2% of GDP growing 2% a year costs {self._cost(2027):.1f} trillion yen in FY2027. "
            "Run the notebook to move them."
        )
        super().__init__([self.share, self.growth, self.year, self.fixed, self.gdp])
        self.refresh()

    def _cost(self, year: int) -> float:
        path = bs.cost_path(
            self.gdp.value, self.base_year, self.growth.value, year, [self.share.value], self.fixed.value
        )
        return float(path.iloc[-1, -1])

    def draw(self):
        share, growth, year = self.share.value, self.growth.value, self.year.value
        chart = plots.cost_calculator(
            self.defense, self.gdp.value, self.base_year, growth, share, year, self.fixed.value, into=self.chart
        )
        cost = self._cost(year)
        latest = self.budgets.iloc[-1]
        refs = bs.cost_path(self.gdp.value, self.base_year, growth, year, bs.REFERENCE_SHARES, self.fixed.value)
        ref_text = ", ".join(f"{s:g}%: {refs[s].iloc[-1]:.1f}" for s in bs.REFERENCE_SHARES)
        denominator = f"FY{self.base_year} GDP" if self.fixed.value else f"FY{year} GDP of {refs['gdp'].iloc[-1]:.0f}"
        message = (
            f"<b>{share:g}% of {denominator}</b> = <b>{cost:.1f} trillion yen</b> in FY{year} "
            f"({cost / latest.value:.1f} times the FY{latest.year} initial defence budget of "
            f"{latest.value:g}). For comparison in FY{year}: {ref_text} trillion yen."
        )
        return chart, message


class OlsonZeckhauserExplorer(Explorer):
    """Small ally's income share, each ally's weight on security and the private share of defence's benefit
    (Sandler's joint products) -> who pays for the shared defence."""

    def __init__(self, small_share: float = 0.25, weight: float = 0.3, weight_small: float = 0.3, private: float = 0.0):
        self.small_share = slider(
            w.FloatSlider,
            value=small_share,
            min=0.05,
            max=0.5,
            step=0.01,
            description="Small ally's income share",
            readout_format=".2f",
        )
        self.weight = slider(
            w.FloatSlider,
            value=weight,
            min=0.05,
            max=0.9,
            step=0.05,
            description="Large ally's weight on security",
            readout_format=".2f",
        )
        self.weight_small = slider(
            w.FloatSlider,
            value=weight_small,
            min=0.05,
            max=0.9,
            step=0.05,
            description="Small ally's weight on security",
            readout_format=".2f",
        )
        self.private = slider(
            w.FloatSlider,
            value=private,
            min=0.0,
            max=1.0,
            step=0.05,
            description="Private share of defence's benefit",
            readout_format=".2f",
        )
        eq = bs.nash_contributions(1 - small_share, small_share, weight, weight_small, private)
        self.summary = (
            f"Olson-Zeckhauser explorer: sliders for the small ally's share of combined income, each "
            f"ally's weight on security and the private share of defence's benefit (Sandler's joint "
            f"products). At the start the large ally pays {eq.share_of_total[0]:.0%} of the alliance's "
            "defence. Run the notebook to move them."
        )
        super().__init__([self.small_share, self.weight, self.weight_small, self.private])
        self.refresh()

    def draw(self):
        share, a1, a2, s = self.small_share.value, self.weight.value, self.weight_small.value, self.private.value
        eq = bs.nash_contributions(1 - share, share, a1, a2, s)
        chart = plots.olson_zeckhauser(share, a1, a2, s, into=self.chart)
        gap = round(eq.burden[0] - eq.burden[1], 9)  # the joint-product equilibrium is solved numerically
        if eq.small_free_rides:
            verdict = "The small ally <b>free rides</b>: it pays nothing and still enjoys the whole defence."
        elif gap > 0:
            verdict = (
                "Both pay, but the large ally carries a <b>larger share of its income</b>: "
                "the 'exploitation of the great by the small'."
            )
        elif gap < 0:
            verdict = "The small ally pays a <b>larger share of its income</b>: it values security more."
        else:
            verdict = "Both spend the same share of their incomes."
        if s > 0:
            verdict += (
                f" With {s:.0%} of defence's benefit private to the ally who pays (joint products), "
                "no ally gives nothing."
            )
        message = (
            f"Incomes {1 - share:.0%} / {share:.0%}. The large ally spends <b>{eq.burden[0]:.1%}</b> of its "
            f"income, the small ally <b>{eq.burden[1]:.1%}</b>; the large ally pays "
            f"<b>{eq.share_of_total[0]:.0%}</b> of the total. {verdict} Total defence is "
            f"{eq.total / eq.efficient_total:.0%} of what would maximise the two allies' summed welfare."
        )
        return chart, message
