"""Exercise set 05 (What lies ahead): summit gaps, the recommendation timeline, the TPP -> CPTPP precedent and
the scenario explorer on the brief's preset (the written task 5, marked by hand, scores the recommendations)."""

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, NumberTask
from alliancelab.models import scenarios

#: The preset of the brief's own assumptions, as the lesson names it (its Try this uses the 2026 preset).
BRIEFS_WORLD = "The brief's world (late Nov 2024)"

#: Task 3's options: how long the TPP -> CPTPP rescue took and what that implies.
RESCUE_OPTIONS = {
    "a": "About four months: so fast that Washington had no time to react.",
    "b": "About 13 months: the remaining members rescued the deal well within one US presidential term, so a "
    "Japan-led group can act without the US; but the rescue did not bring the US back.",
    "c": "About four years: the rescue outlasted Trump's first term, so it says little about acting within a term.",
    "d": "About 13 months, and the speed of the rescue brought the US back into the CPTPP.",
}

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


def _preset(name, **changes):
    levels = dict(scenarios.PRESETS[name], **changes)
    return scenarios.scores(scenarios.positions(levels))


def _trilateral_alone_letter():
    """The lowest China-Japan relations level at which the trilateral summits lead alone (the brief's preset)."""
    for letter, level in LEVEL_OPTIONS.items():
        if scenarios.leaders(_preset(BRIEFS_WORLD, china_relations=level)) == ["trilateral"]:
            return letter
    return ""


register(
    NumberTask(
        "05.1",
        "Average gap, in years, between successive China-Japan-ROK leaders' summits?",
        hints=(
            "Keep the leaders' summits only: titles matching `scenario_plots.LEADERS_SUMMIT`, as in the "
            "lesson's table of gaps.",
            '`summits["date"].diff().dt.days / 365.25` gives each gap in years; take the mean.',
        ),
        expected=_mean_summit_gap,
        tolerance=0.05,
        unit="years",
    ),
    NumberTask(
        "05.2",
        "How many events in Figure 1's summit lane come after the brief?",
        hints=(
            "Look at the top lane of Figure 1, in the grey (after the brief) area.",
            "In pandas: `theme_events(events, 2012, 2026)`, theme 'China-Japan-ROK summits', `after_brief` True.",
        ),
        expected=_summit_lane_after_brief,
        tolerance=0,
    ),
    ChoiceTask(
        "05.3",
        "How long did the rescue take, and what does it say about the brief's precedent?",
        hints=(
            "Find the two rows of the 'TPP to CPTPP' lane of Figure 1 and subtract their dates "
            "(`.days` gives whole days); then turn the days into months or years.",
            "Compare the time with a US presidential term, then read the two options that match your "
            "number: only one of them says what the precedent did not do.",
        ),
        options=RESCUE_OPTIONS,
        correct="b",
    ),
    ChoiceTask(
        "05.4",
        "Lowest China-Japan relations level at which the trilateral summits lead alone (the brief's preset)?",
        hints=(
            'Choose the preset "The brief\'s world (late Nov 2024)", then move only the China-Japan '
            "relations slider, one level at a time.",
            "Read the status line: 'tie' means two options share the top score; you want the first level "
            "where the summits lead on their own.",
        ),
        options=LEVEL_OPTIONS,
        correct=_trilateral_alone_letter(),
    ),
)
