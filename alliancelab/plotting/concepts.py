"""The concept map of lesson 00: which theory each lesson teaches, against the brief's four sections."""

from matplotlib.lines import Line2D

from alliancelab import brief
from alliancelab.lessons import LESSONS
from alliancelab.plotting.style import OKABE_ITO, Chart, new_figure, palette

#: Theories, the works they come from (keys in data/references.bib) and the lessons that teach them.
THEORIES = (
    ("Hub-and-spoke 'powerplay'", ("cha2009",), (1,)),
    ("Collective identity; network connections", ("hemmer2002", "izumikawa2020"), (1,)),
    ("Alliances as public goods (free riding)", ("olson1966",), (2,)),
    ("Joint products (private benefits)", ("sandler1977", "sandler2001"), (2,)),
    ("Buck-passing; Yoshida Doctrine", ("lind2004", "samuels2007"), (2,)),
    ("Two-level games", ("putnam1988",), (3, 7)),
    ("Gaiatsu (foreign pressure)", ("schoppa1993",), (3,)),
    ("Alliance security dilemma", ("snyder1984",), (4, 5)),
    ("Entrapment sceptics", ("beckley2015", "kim2011"), (4,)),
    ("Hedging between great powers", ("kuik2008", "goh2005"), (4,)),
    ("Credibility and extended deterrence", ("schelling1966",), (5,)),
    ("Institutions after hegemony", ("keohane1984",), (5,)),
    ("Multilateralism and minilateralism", ("ruggie1992", "naim2009"), (5,)),
    ("Scoring forecasts", ("brier1950", "tetlock2005"), (6,)),
)

#: Short column labels for lessons 01-07.
SHORT = {
    1: "Context",
    2: "Burden\nsharing",
    3: "Trade",
    4: "Oppor-\ntunities",
    5: "What lies\nahead",
    6: "Reading\ncritically",
    7: "Simulation",
}

#: The brief's section each lesson follows (lesson 06 reads the whole brief; 07 plays out a stake of section 2).
LESSON_SECTION = {
    1: "intro",
    2: "what_is_at_stake",
    3: "what_is_at_stake",
    4: "opportunities",
    5: "what_lies_ahead",
    6: "whole brief",
    7: "what_is_at_stake",
}


def concept_map() -> Chart:
    """Theories (rows) against lessons 01-07 (columns), each mark styled by the brief section the lesson follows."""
    sections = list(brief.SECTIONS) + ["whole brief"]
    styles = palette(sections)
    names = {**brief.SECTIONS, "whole brief": "The whole brief (critical reading)"}
    lessons = [lesson for lesson in LESSONS if lesson.number in LESSON_SECTION]
    figure, axes = new_figure(
        "Concept map: theories, the brief's sections and the lessons",
        "Lesson (the brief section it follows: colour and marker)",
        "Theory (key works)",
        size=(11, 6.5),
    )
    for row, (_, _, taught) in enumerate(THEORIES):
        for number in taught:
            colour, marker = styles[LESSON_SECTION[number]]
            axes.plot(
                number,
                row,
                marker=marker,
                color=colour,
                markersize=11,
                markeredgecolor=OKABE_ITO["black"],
                linestyle="none",
            )
    axes.set_yticks(range(len(THEORIES)), [f"{name}\n[{', '.join(keys)}]" for name, keys, _ in THEORIES], fontsize=8)
    axes.set_xticks(
        [lesson.number for lesson in lessons],
        [f"{lesson.number:02d}\n{SHORT[lesson.number]}" for lesson in lessons],
        fontsize=8,
    )
    axes.set_ylim(len(THEORIES) - 0.5, -0.5)
    axes.set_xlim(0.5, len(lessons) + 0.5)
    axes.grid(axis="y", color="#E5E5E5", linewidth=0.8)
    handles = [
        Line2D(
            [],
            [],
            marker=styles[key][1],
            color=styles[key][0],
            markeredgecolor=OKABE_ITO["black"],
            linestyle="none",
            label=names[key],
        )
        for key in sections
    ]
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=3, fontsize=8, frameon=False)
    taught = "; ".join(
        f"{name}: lesson{'s' if len(t) > 1 else ''} {', '.join(f'{n:02d}' for n in t)}" for name, _, t in THEORIES
    )
    alt = (
        f"Concept map: a grid of {len(THEORIES)} theories (rows) against lessons 01 to 07 (columns). A mark shows "
        f"where a theory is taught; its colour and shape give the section of the brief the lesson follows "
        f"({', '.join(brief.SECTIONS.values())}, or the whole brief for lesson 06). {taught}."
    )
    caption = (
        "Figure: concept map. Theories and their key works (keys in data/references.bib) against the lessons that "
        "teach them, marked by the brief section each lesson follows (alliancelab/plotting/concepts.py)."
    )
    return Chart(figure, alt=alt, caption=caption)
