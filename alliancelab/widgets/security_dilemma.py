"""Security dilemma explorer: move the parameters of Snyder's trade-off and watch the best commitment move."""

import ipywidgets as w

from alliancelab.errors import AllianceLabError
from alliancelab.models import security_dilemma as sd
from alliancelab.plotting import security_dilemma as plots
from alliancelab.widgets.base import Explorer

REGIMES = {
    "abandonment": "fear of <b>abandonment</b> dominates: the best the ally can do is commit fully",
    "entrapment": "there is no abandonment risk left to offset, so any commitment only adds <b>entrapment</b> risk",
    "balanced": "the two fears <b>balance</b>: commit more and entrapment costs more than it saves, less and "
    "abandonment does",
}

#: How to say that a parameter went up or down, for the status line.
CHANGES = {
    "threat": ("the threat grows", "the threat eases"),
    "dependence": ("its dependence on the patron grows", "its dependence on the patron shrinks"),
    "reliability": ("the patron becomes more reliable", "the patron becomes less reliable"),
    "outside_options": ("its outside options grow", "its outside options shrink"),
    "patron_conflict": ("the patron's own conflicts grow", "the patron's own conflicts ease"),
}


class SecurityDilemmaExplorer(Explorer):
    """Sliders for the five parameters -> risk and cost curves with the best commitment marked."""

    def __init__(self, alliance: sd.Alliance | None = None, ally: str = "Japan"):
        alliance = alliance if alliance is not None else sd.Alliance()
        if not isinstance(alliance, sd.Alliance):
            raise AllianceLabError(f"Expected an Alliance (security_dilemma.Alliance(...)), got {alliance!r}.")
        self.ally = ally
        self.sliders = {
            name: w.FloatSlider(
                value=getattr(alliance, name),
                min=0.0,
                max=1.0,
                step=0.05,
                description=label,
                continuous_update=False,
                readout_format=".2f",
                style={"description_width": "14em"},
                layout=w.Layout(width="32em"),
            )
            for name, label in sd.PARAMETERS.items()
        }
        self._last = None  # the last alliance drawn, to say what a change did
        best = sd.optimal_commitment(alliance)
        self.summary = (
            f"Security dilemma explorer: five sliders ({', '.join(sd.PARAMETERS.values())}). "
            f"At the starting values the best commitment is {best:.2f}. Run the notebook to move them."
        )
        super().__init__(list(self.sliders.values()))
        self.refresh()

    def alliance(self) -> sd.Alliance:
        """The Alliance the sliders describe (raises AllianceLabError if the model rejects it)."""
        return sd.Alliance(**{name: slider.value for name, slider in self.sliders.items()})

    def draw(self):
        alliance = self.alliance()
        best = sd.optimal_commitment(alliance)
        message = [f"Best commitment for {self.ally}: <b>{best:.2f}</b>. At this point {REGIMES[sd.regime(alliance)]}."]
        change = self._describe_change(alliance, best)
        if change:
            message.append(change)
        message.append(self._partners_effect(alliance, best))
        self._last = alliance
        return plots.dilemma(alliance, into=self.chart), "<br>".join(message)

    def _describe_change(self, alliance: sd.Alliance, best: float) -> str:
        """One sentence on the last move, when exactly one parameter changed."""
        if self._last is None:
            return ""
        changed = [name for name in sd.PARAMETERS if getattr(alliance, name) != getattr(self._last, name)]
        if len(changed) != 1:
            return ""
        name = changed[0]
        before, after = getattr(self._last, name), getattr(alliance, name)
        old_best = sd.optimal_commitment(self._last)
        verb = "stays at" if abs(best - old_best) < 0.005 else ("rises from" if best > old_best else "falls from")
        moved = f"{verb} {old_best:.2f} to {best:.2f}" if verb != "stays at" else f"stays at {best:.2f}"
        phrase = CHANGES[name][0 if after > before else 1]
        return f"{self.ally}'s best commitment {moved} as {phrase} (from {before:.2f} to {after:.2f})."

    def _partners_effect(self, alliance: sd.Alliance, best: float) -> str:
        """How much the ally's outside options lower its best commitment, compared with having none."""
        alone = sd.optimal_commitment(alliance.with_(outside_options=0.0))
        if alliance.outside_options == 0:
            return f"With no outside options, {self.ally} has nothing to hedge with: try raising them."
        if abs(alone - best) < 0.005:
            return (
                f"Outside options of {alliance.outside_options:.2f} change nothing here: even with them, "
                f"commitment {best:.2f} is best."
            )
        return (
            f"Without other partners the best commitment would be {alone:.2f}; outside options of "
            f"{alliance.outside_options:.2f} let {self.ally} hedge down to {best:.2f}."
        )
