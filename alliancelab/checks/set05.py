"""Exercise set 05 (What lies ahead): summit gaps, the recommendation timeline, the TPP -> CPTPP precedent and
the scenario explorer's weights."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, NumberTask
from alliancelab.models import scenarios

#: The preset of the world as it turned out, as the lesson names it.
TURNED_OUT = "As it turned out (early 2026)"

#: Task 5's options: the five levels of the China-Japan relations slider, as letters.
LEVEL_OPTIONS = dict(zip("abcde", scenarios.LEVELS))


def _events():
    return data.load("events")


def _themed():
    """The events of lesson 05's Figure 1."""
    return scenarios.theme_events(_events(), 2012, 2026)


def _mean_summit_gap():
    themed = _themed()
    summits = themed[themed["title"].str.contains(scenarios.LEADERS_SUMMIT, case=False, regex=True)]
    return float((summits["date"].diff().dt.days / 365.25).mean())


def _summit_lane_after_brief():
    themed = _themed()
    return int(((themed["theme"] == scenarios.SUMMITS) & themed["after_brief"]).sum())


def _tpp_to_cptpp_days():
    events = _events()
    left = events.loc[events["title"].str.contains("withdraws from the Trans-Pacific Partnership"), "date"].min()
    signed = events.loc[events["title"].str.contains("CPTPP signed"), "date"].min()
    return (signed - left).days


def _turned_out(**changes):
    levels = dict(scenarios.PRESETS[TURNED_OUT], **changes)
    return scenarios.scores(scenarios.positions(levels))


def _hedge_with_credible_us():
    return float(_turned_out(us_commitment="very high")["hedge"])


def _trilateral_alone_letter():
    """The lowest China-Japan relations level at which the trilateral summits lead alone (2026 preset)."""
    for letter, level in LEVEL_OPTIONS.items():
        if scenarios.leaders(_turned_out(china_relations=level)) == ["trilateral"]:
            return letter
    return ""


register(
    NumberTask("05.1", "Average gap, in years, between successive China-Japan-ROK leaders' summits?",
               hints=("Keep the leaders' summits only: titles matching `scenario_plots.LEADERS_SUMMIT`, as in the "
                      "lesson's table of gaps.",
                      "`summits[\"date\"].diff().dt.days / 365.25` gives each gap in years; take the mean."),
               expected=_mean_summit_gap, tolerance=0.05, unit="years"),
    NumberTask("05.2", "How many events in Figure 1's summit lane come after the brief?",
               hints=("Look at the top lane of Figure 1, in the grey (after the brief) area.",
                      "In pandas: `theme_events(events, 2012, 2026)`, theme 'China-Japan-ROK summits', "
                      "`after_brief` True."),
               expected=_summit_lane_after_brief, tolerance=0),
    NumberTask("05.3", "How many days passed between the US withdrawal from the TPP and the CPTPP signing?",
               hints=("Find the two rows in the 'TPP to CPTPP' lane of Figure 1 (titles mention the "
                      "Trans-Pacific Partnership and the CPTPP).",
                      "Subtract the two dates: the result is a Timedelta; `.days` gives the whole days."),
               expected=_tpp_to_cptpp_days, tolerance=0, unit="days"),
    NumberTask("05.4", "Hedging's score in the 2026 preset with US commitment set to 'very high'?",
               hints=("Copy the preset: `levels = dict(scenarios.PRESETS[\"As it turned out (early 2026)\"])`, "
                      "then change one entry.",
                      "`scenarios.scores(scenarios.positions(levels))` gives every recommendation's score; "
                      "hedging's key is \"hedge\"."),
               expected=_hedge_with_credible_us, tolerance=0.05, unit="points"),
    ChoiceTask("05.5", "Lowest China-Japan relations level at which the trilateral summits lead alone (2026 preset)?",
               hints=("Choose the preset 'As it turned out (early 2026)', then move only the China-Japan relations "
                      "slider, one level at a time.",
                      "Read the status line: 'tie' means two options share the top score; you want the first level "
                      "where the summits lead on their own."),
               options=LEVEL_OPTIONS, correct=_trilateral_alone_letter()),
    ChoiceTask("05.6", "Which statement describes the TPP -> CPTPP precedent and what became of it?",
               hints=("Read claims C33 and C34 in `claims`: their verdicts and evidence.",
                      "Then look at the `events` row dated 2025-05-29."),
               options={"a": "The TPP collapsed when the US left; in 2025 Japan joined a new US-led trade deal "
                             "instead.",
                        "b": "Led by Japan, the other members signed the CPTPP without the US; in 2025 Japan pledged "
                             "to lead its expansion, linking US allies with each other but not bringing the US back.",
                        "c": "The US rejoined the CPTPP in 2025 after Japan's mediation, as the brief predicted.",
                        "d": "Japan left the TPP first and the US followed; the CPTPP was built by the others."},
               correct="b"),
)
