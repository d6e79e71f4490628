"""Kinds of exercise task and how each judges an answer.

Every ``judge`` takes whatever the learner wrote and returns a :class:`Result`; it never
raises. Wrong answers get hints, one more with each attempt, and never the answer itself.
"""

import math
from dataclasses import dataclass, field
from numbers import Real

import numpy as np
import pandas as pd

from alliancelab.checks.result import Result

NOT_ANSWERED = "Replace None with your answer, then run the cell again."
NOT_FILLED = "Fill in each blank (...) in the answer cell, then run it and this cell again."


@dataclass
class Task:
    """One exercise task: its id ("02.3"), what it asks, and hints in the order they are given,
    from a nudge to a method; no hint gives the answer."""

    task_id: str
    prompt: str
    hints: tuple[str, ...] = ()
    hints_shown: int = field(default=0, compare=False)

    def judge(self, answer) -> Result:
        if _has_blank(answer):
            return Result(self.task_id, None, NOT_FILLED)
        if _is_blank(answer):
            return Result(self.task_id, None, NOT_ANSWERED)
        problem = self.problem_with(answer)
        if problem:
            return Result(self.task_id, False, problem)
        if self.is_right(answer):
            return Result(self.task_id, True, self.praise())
        return Result(self.task_id, False, "Not right yet. " + self.next_hint() + self.detail(answer))

    def problem_with(self, answer) -> str | None:
        """Why the answer cannot be judged (wrong type, NaN ...), or None if it can."""
        return None

    def is_right(self, answer) -> bool:
        raise NotImplementedError

    def praise(self) -> str:
        return "Well done."

    def detail(self, answer) -> str:
        """Extra feedback on a wrong answer that does not give the answer away."""
        return ""

    def next_hint(self) -> str:
        """The next hint (the last one again once all are shown); a wrong answer and ``hint()`` both move on."""
        if not self.hints:
            return "Read the task again and try once more."
        self.hints_shown = min(self.hints_shown + 1, len(self.hints))
        return f"Hint {self.hints_shown} of {len(self.hints)}: {self.hints[self.hints_shown - 1]}"


def _has_blank(answer) -> bool:
    """True for ``...`` (the blank of a scaffolded answer cell), alone or inside a list or tuple."""
    if answer is Ellipsis:
        return True
    return isinstance(answer, (list, tuple)) and any(item is Ellipsis for item in answer)


def _is_blank(answer) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (list, tuple, set, dict, pd.Series, pd.DataFrame, np.ndarray)):
        return len(answer) == 0
    return False


def _describe_type(answer) -> str:
    if isinstance(answer, pd.DataFrame):
        return f"a table with {answer.shape[0]} rows and {answer.shape[1]} columns"
    if isinstance(answer, pd.Series):
        return f"a column of {len(answer)} values"
    return f"{type(answer).__name__} {answer!r}"[:80]


@dataclass
class NumberTask(Task):
    """A number, right within ``tolerance`` (absolute) of ``expected`` (a value or a function of no arguments)."""

    expected: object = None
    tolerance: float = 1e-6
    unit: str = ""

    def value(self) -> float:
        return float(self.expected() if callable(self.expected) else self.expected)

    def problem_with(self, answer):
        if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray)) and np.size(answer) == 1:
            return "This is a one-value table or column; take the number out of it, e.g. with .item()."
        if isinstance(answer, str):
            try:
                float(answer)
            except ValueError:
                return f"Expected a number{self._in_unit()}, got the text {answer[:40]!r}."
            return "That is a number written as text: remove the quotation marks."
        if isinstance(answer, bool) or not isinstance(answer, Real):
            return f"Expected a single number{self._in_unit()}, got {_describe_type(answer)}."
        if isinstance(answer, int) and abs(answer) > 1e300:
            return "That number is far too large to be the answer: check your calculation."
        if math.isnan(answer):
            return "Your answer is NaN (not a number): check for missing values in your calculation."
        if math.isinf(answer):
            return "Your answer is infinite: check for a division by zero."
        return None

    def is_right(self, answer) -> bool:
        return abs(float(answer) - self.value()) <= self.tolerance

    def _in_unit(self) -> str:
        return f" (in {self.unit})" if self.unit else ""


@dataclass
class ChoiceTask(Task):
    """One letter from ``options`` (e.g. {"a": "...", "b": "..."})."""

    options: dict = field(default_factory=dict)
    correct: str = ""

    def problem_with(self, answer):
        letters = ", ".join(repr(k) for k in self.options)
        if not isinstance(answer, str):
            return f"Answer with one letter in quotation marks: one of {letters}; got {_describe_type(answer)}."
        if answer.strip().lower() not in self.options:
            return f"{answer.strip()[:40]!r} is not one of the options {letters}."
        return None

    def is_right(self, answer) -> bool:
        return answer.strip().lower() == self.correct


@dataclass
class ItemsTask(Task):
    """A collection of names (order does not matter; case and surrounding spaces are ignored)."""

    expected: object = None

    def items(self) -> set:
        values = self.expected() if callable(self.expected) else self.expected
        return {str(v).strip().lower() for v in values}

    def problem_with(self, answer):
        if isinstance(answer, str):
            return 'Give a list of names, e.g. ["Japan", "India"], not a single text.'
        if isinstance(answer, pd.DataFrame):
            return "Give a list (or one column), not a whole table."
        if not isinstance(answer, (list, tuple, set, pd.Series, np.ndarray)):
            return f"Expected a list of names, got {_describe_type(answer)}."
        if not all(isinstance(v, str) for v in answer):
            return "Every item in the list should be a name in quotation marks."
        return None

    def is_right(self, answer) -> bool:
        return {str(v).strip().lower() for v in answer} == self.items()

    def detail(self, answer) -> str:
        given, wanted = {str(v).strip().lower() for v in answer}, self.items()
        return f" ({len(given & wanted)} of your {len(given)} are right; {len(wanted)} are wanted.)"


@dataclass
class TableTask(Task):
    """A DataFrame with the given columns whose values match ``expected()`` (row order ignored)."""

    expected: object = None
    columns: tuple = ()

    def problem_with(self, answer):
        if not isinstance(answer, pd.DataFrame):
            return f"Expected a table (DataFrame) with columns {list(self.columns)}, got {_describe_type(answer)}."
        missing = [c for c in self.columns if c not in answer.columns]
        if missing:
            return f"Your table lacks the column(s) {missing}; it has {list(answer.columns)}."
        rows = len(self.expected())
        if len(answer) != rows:
            return f"Your table has {len(answer)} rows; it should have {rows}."
        return None

    def is_right(self, answer) -> bool:
        columns = list(self.columns)
        mine = answer[columns].sort_values(columns).reset_index(drop=True)
        theirs = self.expected()[columns].sort_values(columns).reset_index(drop=True)
        return all(_same_values(mine[c], theirs[c]) for c in columns)


def _same_values(mine: pd.Series, theirs: pd.Series) -> bool:
    """Numbers compare as numbers (4 == 4.0, within rounding); anything else as text."""
    if pd.api.types.is_numeric_dtype(mine) and pd.api.types.is_numeric_dtype(theirs):
        return bool(np.allclose(mine.astype(float), theirs.astype(float), equal_nan=True))
    return mine.astype(str).str.strip().tolist() == theirs.astype(str).str.strip().tolist()
