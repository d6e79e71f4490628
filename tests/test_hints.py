"""Hints on request: every task has hints that climb, and no hint of any task gives its answer away."""

import re

import pytest

from alliancelab.checks import Hint, check, hint, tasks
from alliancelab.checks.registry import task
from alliancelab.checks.set06 import CodingTask, module_coding
from alliancelab.checks.tasks import ChoiceTask, ItemsTask, NumberTask, TableTask

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?")
#: Numbers that name a part of the module, not a value: "Figure 2", "lesson 04", "Task 3".
REFERENCE = re.compile(r"\b(figure|table|task|lesson|set|hint)s? \d+", re.I)


def _numbers_in(text):
    return [float(n) for n in NUMBER.findall(REFERENCE.sub("", text).replace(",", ""))]


def _reveals(found, text) -> str | None:
    """What in ``text`` gives away the answer to ``found``, or None."""
    lowered = text.lower()
    if isinstance(found, NumberTask):
        value = found.value()
        margin = max(found.tolerance, 0.01 * abs(value))  # accepted, or within 1% of the answer
        hits = [n for n in _numbers_in(text) if abs(n - value) <= margin or abs(n - 100 * value) <= 100 * margin]
        return f"the number {hits[0]}" if hits else None
    if isinstance(found, ChoiceTask):
        letter = found.correct
        if re.search(rf"['\"({{]{letter}['\")}}]|\b(option|answer|letter) {letter}\b", lowered):
            return f"the letter {letter!r}"
        option = found.options[letter].lower()
        return "the right option's wording" if option[:60] in lowered else None
    if isinstance(found, ItemsTask):
        named = [item for item in found.items() if re.search(rf"\b{re.escape(item)}\b", lowered)]
        return f"the items {named}" if named and len(named) == len(found.items()) else None
    if isinstance(found, TableTask):
        rows = found.expected()[list(found.columns)].astype(str).agg(" ".join, axis=1)
        shown = [row for row in rows if row in text]
        return f"rows {shown}" if len(shown) > 1 else None
    if isinstance(found, CodingTask):  # any coding is right; a hint must not hand over the module's own coding
        paired = [k for k, kind in module_coding().items() if re.search(rf"\b{k}\b[^.;]*\b{kind}\b", lowered, re.I)]
        return f"the module's kinds for {paired}" if len(paired) == len(module_coding()) else None
    raise AssertionError(f"no rule for {type(found).__name__}")


HINTS = [(task_id, number, text) for task_id in tasks() for number, text in enumerate(task(task_id).hints, 1)]


def test_hints_are_counted():
    """Every task has at least two hints (a nudge, then a method): the report quotes len(HINTS)."""
    assert all(len(task(task_id).hints) >= 2 for task_id in tasks()), "each task needs a nudge and a method"
    assert len(HINTS) >= 2 * len(tasks())


@pytest.mark.parametrize("task_id, number, text", HINTS, ids=[f"{t}-hint{n}" for t, n, _ in HINTS])
def test_no_hint_reveals_the_answer(task_id, number, text):
    assert _reveals(task(task_id), text) is None, f"{task_id} hint {number} gives away {_reveals(task(task_id), text)}"


def test_the_rule_would_catch_a_revealing_hint():
    coding = "; ".join(f"{claim} is a {kind}" for claim, kind in module_coding().items())
    assert _reveals(task("06.5"), f"The module says: {coding}.")
    assert _reveals(NumberTask("x.1", "?", expected=2.47, tolerance=0.005), "It is about 2.47.")
    assert _reveals(NumberTask("x.2", "?", expected=0.6, tolerance=0.005), "It is 60%.")
    assert _reveals(ChoiceTask("x.3", "?", options={"a": "x", "b": "y"}, correct="b"), "Choose 'b'.")
    assert _reveals(ItemsTask("x.4", "?", expected=["Japan"]), "Only Japan qualifies.")
    assert not _reveals(NumberTask("x.5", "?", expected=2, tolerance=0), "Look at Figure 2 for 2024-2026.")


def test_hint_on_request_climbs_without_an_answer_and_shares_the_ladder_with_check():
    t = NumberTask("x.6", "?", hints=("nudge", "method"), expected=1)
    from alliancelab.checks import registry

    registry.register(t)
    try:
        first = hint("x.6")
        assert isinstance(first, Hint) and "Hint 1 of 2: nudge" in str(first)
        assert "Hint 2 of 2: method" in check("x.6", 5).message  # a wrong answer moves on from the hint asked for
        assert "Hint 2 of 2: method" in str(hint("x.6"))  # the last hint repeats
        assert "<b" in first._repr_html_()
    finally:
        registry._TASKS.pop("x.6")


@pytest.mark.parametrize("task_id", [None, 3, "99.9"])
def test_hint_for_an_unknown_task_is_explained(task_id):
    assert "Unknown task id" in hint(task_id).message


def test_a_scaffold_left_blank_is_not_answered_yet():
    for answer in (..., [..., "trade"], (1, ...)):
        result = check("00.2", answer)
        assert result.correct is None and "Fill in each blank" in result.message
