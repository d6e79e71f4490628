"""Exercise set 04 (Opportunities): partnerships, the China-Japan timeline, the security dilemma explorer,
the two courts (the written task 5, marked by hand, uses the model to argue)."""

import numpy as np

from alliancelab import data
from alliancelab.checks.registry import register
from alliancelab.checks.tasks import ChoiceTask, NumberTask
from alliancelab.models import network as networks
from alliancelab.models import security_dilemma as sd

#: Japan and the six partners of Figure 1 in lesson 04 (the United States left out).
JAPAN_CIRCLE = ["Japan", "India", "Australia", "Philippines", "Vietnam", "Indonesia", "ASEAN"]

#: The slider positions of the security dilemma explorer (0 to 1 in steps of 0.05).
SLIDER_STEPS = np.round(np.arange(0.0, 1.0 + 1e-9, 0.05), 2)


def _share_since_2017():
    mine = networks.ties_until(data.load("alliance_ties"), 2024, JAPAN_CIRCLE)
    japans = mine[networks.involves(mine, "Japan")]
    return 100 * float((japans["year"] >= 2017).mean())


def _both(events, a, b):
    names = events["actor"].fillna("").str.split(";").apply(lambda items: {item.strip() for item in items})
    return names.apply(lambda found: a in found and b in found)


def _thaw_events_after_brief():
    events = data.load("events")
    remark = events.loc[events["title"].str.contains("survival-threatening"), "date"].min()
    chosen = _both(events, "China", "Japan") & events["after_brief"] & (events["date"] < remark)
    return int(chosen.sum())


def _smallest_options_below_half():
    best = sd.sweep(sd.Alliance(), "outside_options", SLIDER_STEPS)
    return float(SLIDER_STEPS[best < 0.5].min())


register(
    NumberTask(
        "04.1",
        "What percentage of Japan's ties in the Figure 1 circle (up to 2024) date from 2017 or later?",
        hints=(
            "Keep the ties up to 2024 with both ends in `japan_circle` "
            "(`networks.ties_until`), then only those that involve Japan (`networks.involves`).",
            '`(table["year"] >= 2017).mean()` is the share as a fraction; multiply by 100 and round.',
        ),
        expected=_share_since_2017,
        tolerance=0.5,
        unit="percent",
    ),
    NumberTask(
        "04.2",
        "In Figure 2, how many China-Japan events after the brief come before Takaichi's Taiwan remark?",
        hints=(
            "Look only at the grey (after the brief) part of Figure 2, above the row for 7 November 2025.",
            "In pandas: events whose `actor` names both China and Japan, with `after_brief` True and a "
            "date before the Taiwan remark.",
        ),
        expected=_thaw_events_after_brief,
        tolerance=0,
    ),
    NumberTask(
        "04.3",
        "Smallest outside-options setting at which the best commitment drops below 0.50?",
        hints=(
            "Reset the explorer (run its cell again) so that the other sliders are at their starting values.",
            "Move Outside options up one step (0.05) at a time and watch the 'Best commitment' line.",
        ),
        expected=_smallest_options_below_half,
        tolerance=0.001,
    ),
    ChoiceTask(
        "04.4",
        "Which statement about South Africa, the two courts and the brief is right?",
        hints=(
            "Find claim C30 in `claims` and read its verdict, evidence and note.",
            "Two different steps, six weeks apart: one at the court that tries individuals, one at the court "
            "that settles disputes between states.",
        ),
        options={
            "a": "The brief confuses the courts: South Africa's only case is at the ICJ.",
            "b": "The brief is right: in November 2023 South Africa and four other states referred the "
            "situation in Palestine to the ICC prosecutor; its genocide case against Israel is a "
            "separate case at the ICJ.",
            "c": "The ICJ and the ICC are two names for the same court.",
            "d": "South Africa went to the ICC only after the brief was written.",
        },
        correct="b",
    ),
)
