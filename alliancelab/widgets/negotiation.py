"""The negotiation game: table offers round by round against a scripted counterpart, and see both win-sets.

Controls: which side you play and the counterpart's strategy (changing either starts again); your draft package
(total, mix, pledge, linkage). Buttons: *Table this offer* (one round), *Accept their offer*, *Start again*.
The figure shows every round's offers and your draft over both win-sets, and what each offer is worth.
"""

import html

import ipywidgets as w

from alliancelab.errors import AllianceLabError
from alliancelab.models import negotiation as neg
from alliancelab.plotting import negotiation as plots
from alliancelab.simulation import briefs
from alliancelab.widgets.base import Explorer, slider

STYLE = {"description_width": "21em"}
WIDE = w.Layout(width="40em")
SIDE_NAMES = {"japan": "Japan", "us": "the United States"}


class NegotiationGame(Explorer):
    """Play Japan (or the United States) against a scripted counterpart for a set number of rounds."""

    def __init__(self, side: str = "japan", strategy: str = "fixed", rounds=None):
        if side not in neg.SIDES:
            raise AllianceLabError(f"Unknown side {side!r}: play 'japan' or 'us'.")
        if strategy not in neg.STRATEGIES:
            raise AllianceLabError(f"Unknown strategy {strategy!r}. Use one of: {', '.join(neg.STRATEGIES)}.")
        self.max_rounds = int(rounds if rounds is not None else briefs.setting("rounds"))
        self.japan, self.us = briefs.japan_settings(), briefs.us_settings()
        self.side = w.Dropdown(
            options=[("Japan", "japan"), ("United States", "us")],
            value=side,
            description="You play",
            style=STYLE,
            layout=WIDE,
        )
        self.strategy = w.Dropdown(
            options=[(text.split(":")[0].capitalize(), key) for key, text in neg.STRATEGIES.items()],
            value=strategy,
            description="Counterpart's strategy",
            style=STYLE,
            layout=WIDE,
        )
        start = briefs.opening(side)
        self.total = slider(
            w.FloatSlider,
            style=STYLE,
            layout=WIDE,
            value=start.total,
            min=150,
            max=900,
            step=1,
            description="Total (bn yen a year)",
            readout_format=".0f",
        )
        self.mix = {
            key: slider(
                w.IntSlider,
                style=STYLE,
                layout=WIDE,
                value=int(round(start.mix[key])),
                min=0,
                max=100,
                step=5,
                description=f"{label} (%)",
            )
            for key, label in neg.CATEGORIES.items()
        }
        self.pledge = slider(
            w.FloatSlider,
            style=STYLE,
            layout=WIDE,
            value=start.pledge,
            min=1.0,
            max=6.0,
            step=0.1,
            description="Defence pledge (% of GDP)",
            readout_format=".1f",
        )
        self.linkage = w.Checkbox(
            value=False,
            indent=False,
            layout=w.Layout(width="auto"),
            description="Link the package to the 2025 trade and investment deal",
        )
        self.table_button = w.Button(description="Table this offer", button_style="primary")
        self.accept_button = w.Button(description="Accept their offer")
        self.restart_button = w.Button(description="Start again")
        self.table_button.on_click(lambda _b: self.submit())
        self.accept_button.on_click(lambda _b: self.accept())
        self.restart_button.on_click(lambda _b: self.restart())
        self.log = w.HTML()
        self._reset_state()
        for control in (self.side, self.strategy):
            control.observe(lambda _change: self._reset_state(), names="value")  # runs before the redraw
        self.summary = (
            f"Negotiation game: you play {SIDE_NAMES[side]} against a scripted counterpart "
            f"({neg.STRATEGIES[strategy]}) for up to {self.max_rounds} rounds. Sliders set your draft "
            "package (total, mix, pledge, linkage); buttons table it, accept the counterpart's offer or "
            "start again. Run the notebook to play."
        )
        buttons = w.HBox([self.table_button, self.accept_button, self.restart_button])
        super().__init__(
            [self.side, self.strategy, self.total, w.VBox(list(self.mix.values())), self.pledge, self.linkage],
            extra=[buttons, self.log],
        )
        self.refresh()

    # --- state -----------------------------------------------------------------------------------------------
    def _reset_state(self) -> None:
        played = self.side.value
        self.counterpart = briefs.counterpart("us" if played == "japan" else "japan", self.strategy.value)
        self.history = []
        self.accepted = None

    def draft(self) -> neg.Offer:
        """The package the sliders describe (raises AllianceLabError with the reason if it is invalid)."""
        return neg.offer(
            self.total.value, {k: s.value for k, s in self.mix.items()}, self.pledge.value, self.linkage.value
        )

    def outcome(self):
        return neg.result(self.history, self.japan, self.us, self.max_rounds, self.accepted)

    def _over(self, agreed) -> bool:
        """Are the talks over, given the agreed package of :meth:`outcome` (or None)?"""
        return agreed is not None or len(self.history) >= self.max_rounds

    def _still_open(self) -> bool:
        """True if offers can still be made; otherwise say so and return False."""
        if self._over(self.outcome()[0]):
            self.show_problem(AllianceLabError("the talks are over: press Start again to play another game."))
            return False
        return True

    def submit(self) -> None:
        """Table the draft as this round's offer; the counterpart answers (accepts, or makes its own offer)."""
        try:
            package = self.draft()
        except AllianceLabError as err:
            self.show_problem(err)
            return
        if self._still_open():
            self.history = neg.play(self.counterpart, [r.player for r in self.history] + [package])
            self.refresh()

    def accept(self) -> None:
        """Accept the counterpart's latest offer (it then goes to both Level IIs for ratification)."""
        if not self.history:
            self.show_problem(AllianceLabError("there is no offer from the other side yet: table yours first."))
        elif self._still_open():
            self.accepted = self.history[-1].counterpart
            self.refresh()

    def restart(self) -> None:
        self._reset_state()
        self.refresh()

    # --- drawing ---------------------------------------------------------------------------------------------
    def offers(self):
        """(Japan's offers, the US offers) so far."""
        mine, theirs = [r.player for r in self.history], [r.counterpart for r in self.history]
        return (mine, theirs) if self.side.value == "japan" else (theirs, mine)

    def draw(self):
        package = self.draft()
        me = self.japan if self.side.value == "japan" else self.us
        other = self.us if me is self.japan else self.japan
        japan_offers, us_offers = self.offers()
        agreed, verdict, sentence = self.outcome()
        over = self._over(agreed)
        chart = plots.offers_chart(
            japan_offers,
            us_offers,
            self.japan,
            self.us,
            agreement=agreed if verdict is not None and verdict.ratified else None,
            actual=(briefs.v("sma_annual"), "Current SMA, FY2022-26 average"),
            draft=None if over else package,
            into=self.chart,
        )
        self.log.value = rounds_html(self.history, me, other)
        found = neg.problems(package, me)
        home = "yes" if not found else "no: " + "; ".join(found)
        message = [f"<b>{html.escape(sentence)}</b>"]
        if not over:
            message.append(
                f"Your draft is worth <b>{neg.payoff(package, me):.0f}</b> points to you if agreed. "
                f"Would your Level II ratify it? {html.escape(home)}."
            )
            if self.history:
                last = self.history[-1].counterpart
                message.append(
                    f"Their offer in round {len(self.history)}: {last.total:.0f} bn yen a year, pledge "
                    f"{last.pledge:.1f}% (worth {neg.payoff(last, me):.0f} to you)."
                )
        message.append(f"Counterpart: {html.escape(neg.STRATEGIES[self.strategy.value])}.")
        return chart, "<br>".join(message)


def rounds_html(history, me: neg.Settings, other: neg.Settings) -> str:
    """A small table of the rounds so far: both offers and their payoffs to you."""
    if not history:
        return "<i>No offers tabled yet.</i>"
    rows = "".join(
        f"<tr><td>{r.number}</td><td>{r.player.total:.0f} / {r.player.pledge:.1f}%"
        f"{' / linked' if r.player.linkage else ''}</td><td>{neg.payoff(r.player, me):.0f}</td>"
        f"<td>{r.counterpart.total:.0f} / {r.counterpart.pledge:.1f}%</td><td>{neg.payoff(r.counterpart, me):.0f}</td>"
        f"<td>{'accepted' if r.accepted_by_counterpart else 'rejected'}</td></tr>"
        for r in history
    )
    return (
        "<table><thead><tr><th>Round</th><th>Your offer (bn yen / pledge)</th><th>Worth to you</th>"
        f"<th>{html.escape(plots.possessive(other.name))} offer</th><th>Worth to you</th>"
        "<th>Your offer was</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
