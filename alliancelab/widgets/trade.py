"""Trade explorers: a tariff calculator (simple teaching model) and a two-level-game win-set explorer."""

import ipywidgets as w
import pandas as pd

from alliancelab.models import tariffs as tariff_model
from alliancelab.models import two_level_game as tlg
from alliancelab.plotting import trade as trade_plots
from alliancelab.widgets.base import Explorer, slider


class TariffCalculator(Explorer):
    """Tariff rate, elasticity and pass-through -> price and import-volume change, actual 2025-26 rates marked."""

    def __init__(self, tariffs: pd.DataFrame, rate=15.0, elasticity=1.5, pass_through=1.0):
        self.marks = trade_plots.japan_rate_marks(tariffs)
        self.rate = slider(w.FloatSlider, value=rate, min=0, max=150, step=0.5, description="Tariff rate (%)")
        self.elasticity = slider(
            w.FloatSlider, value=elasticity, min=0, max=5, step=0.1, description="Import-demand elasticity"
        )
        self.pass_through = slider(
            w.FloatSlider, value=pass_through, min=0, max=1, step=0.05, description="Pass-through to buyers (share)"
        )
        self.summary = (
            "Tariff calculator (a simple teaching model): choose a tariff rate, an import-demand "
            "elasticity and the share of the tariff passed on to buyers; the figure shows the price and "
            "import-volume change, with the rates applied to Japan in 2025-26 marked. Run the notebook "
            "to use it."
        )
        super().__init__([self.rate, self.elasticity, self.pass_through])
        self.refresh()

    def draw(self):
        effect = tariff_model.tariff_effect(self.rate.value, self.elasticity.value, self.pass_through.value)
        chart = trade_plots.tariff_effect(effect, self.marks, into=self.chart)
        status = (
            f"At a <b>{effect.rate:g}%</b> tariff, buyers pay <b>{effect.price_change:.1f}%</b> more and the "
            f"exporter absorbs {effect.absorbed_by_exporter:.1f} percentage points; import volume changes by "
            f"<b>{effect.volume_change:.1f}%</b>."
        )
        return chart, status


class WinSetExplorer(Explorer):
    """Each side's acceptable tariff range -> the two win-sets, their overlap and the likely outcome."""

    def __init__(self, tariffs: pd.DataFrame, japan=(0.0, 20.0), us=(10.0, 30.0), weight=0.5):
        self.actual = trade_plots.deal_rate(tariffs)
        self.japan = slider(
            w.FloatRangeSlider, value=japan, min=0, max=50, step=0.5, description="Japan would ratify (%)"
        )
        self.us = slider(
            w.FloatRangeSlider, value=us, min=0, max=50, step=0.5, description="United States would ratify (%)"
        )
        self.weight = slider(
            w.FloatSlider, value=weight, min=0, max=1, step=0.05, description="Japan's bargaining weight"
        )
        self.summary = (
            "Win-set explorer (Putnam's two-level game): set the range of US tariff rates each side "
            "would ratify at home; the figure shows the overlap (the zone of possible agreement) and the "
            "likely outcome, or that no agreement is possible. Run the notebook to use it."
        )
        super().__init__([self.japan, self.us, self.weight])
        self.refresh()

    def win_sets(self):
        japan = tlg.win_set("Japan", *self.japan.value, prefers="low")
        us = tlg.win_set("United States", *self.us.value, prefers="high")
        return japan, us

    def draw(self):
        japan, us = self.win_sets()
        weight = self.weight.value
        scale = (self.japan.min, self.japan.max)
        chart = trade_plots.win_sets(japan, us, weight, actual=self.actual, scale=scale, into=self.chart)
        ok = tlg.verdicts(self.actual[0], japan, us)
        ratified = ", ".join(f"{name}: {'yes' if yes else 'no'}" for name, yes in ok.items())
        return chart, (
            f"{tlg.describe(japan, us, weight)} Would the actual {self.actual[0]:g}% be ratified? {ratified}."
        )


class CoalitionExplorer(Explorer):
    """Japan's Level II as a coalition of veto players: each member's limit and the US ask -> the two win-sets.

    The issue is how much Japan concedes, on an illustrative 0-100 index (assumed numbers, not measurements).
    """

    ISSUE = "Japan's concession (illustrative index, 0-100)"

    def __init__(self, members=None, us_ask=35.0, weight=0.5):
        members = members or {"LDP farm caucus": 30.0, "Komeito": 60.0, "Finance Ministry": 45.0}
        self.members = {
            name: slider(w.FloatSlider, value=limit, min=0, max=100, step=5, description=f"{name} accepts up to")
            for name, limit in members.items()
        }
        self.us_ask = slider(
            w.FloatSlider, value=us_ask, min=0, max=100, step=5, description="United States asks at least"
        )
        self.weight = slider(
            w.FloatSlider, value=weight, min=0, max=1, step=0.05, description="Japan's bargaining weight"
        )
        self.summary = (
            "Coalition explorer (Putnam's Level II as veto players): set how much each member of Japan's "
            "governing coalition would concede and what the US asks; Japan's win-set is what every "
            "member accepts. Run the notebook to use it."
        )
        super().__init__([*self.members.values(), self.us_ask, self.weight])
        self.refresh()

    def draw(self):
        limits = {name: (0.0, slider.value) for name, slider in self.members.items()}
        japan = tlg.coalition_win_set("Japan", limits, prefers="low")
        us = tlg.win_set("United States", self.us_ask.value, 100.0, prefers="high")
        chart = trade_plots.win_sets(
            japan, us, self.weight.value, issue=self.ISSUE, unit="", scale=(0.0, 100.0), into=self.chart
        )
        veto = tlg.veto_player(limits, "low")
        return chart, (
            f"{tlg.describe(japan, us, self.weight.value, unit='')} The member that binds Japan's "
            f"win-set: <b>{veto}</b>."
        )
