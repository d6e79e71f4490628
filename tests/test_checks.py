"""Self-checks: right answers pass, and no answer of any shape makes ``check`` raise."""

import math

import numpy as np
import pandas as pd
import pytest

from alliancelab.checks import Result, check, tasks
from alliancelab.checks.tasks import ChoiceTask, ItemsTask, NumberTask, TableTask

BAD_ANSWERS = [
    "",
    "   ",
    "forty",
    "12",
    "b-ish",
    "⚠",
    math.nan,
    math.inf,
    -math.inf,
    10**400,
    1e308,
    -1e308,
    True,
    False,
    [],
    [1, 2],
    [None],
    ["trade", 3],
    (),
    {},
    {"a": 1},
    set(),
    {"x"},
    pd.Series(dtype=float),
    pd.Series([1]),
    pd.Series([1, 2]),
    pd.DataFrame(),
    pd.DataFrame({"a": [1]}),
    pd.DataFrame({"a": [1, 2], "b": [3, 4]}),
    np.array([]),
    np.array([1.0]),
    np.array([[1, 2], [3, 4]]),
    np.float64("nan"),
    np.int64(-7),
    complex(1, 2),
    object(),
    print,
    b"bytes",
    Ellipsis,
]


def test_every_registered_task_says_not_answered_for_none():
    for task_id in tasks():
        result = check(task_id, None)
        assert result.correct is None
        assert "Replace None with your answer" in result.message


@pytest.mark.parametrize("answer", BAD_ANSWERS, ids=lambda a: type(a).__name__)
@pytest.mark.parametrize("task_id", ["00.1", "00.2", "00.5"])
def test_bad_answers_get_a_message_never_an_exception(task_id, answer):
    result = check(task_id, answer)
    assert isinstance(result, Result)
    assert result.correct in (False, None)
    assert result.message.strip()
    assert "Traceback" not in result.message


@pytest.mark.parametrize("task_id", [None, 1, 1.0, "", "99.9", ["00.1"]])
def test_unknown_task_ids_are_explained(task_id):
    result = check(task_id, 3)
    assert result.correct is False
    assert "Unknown task id" in result.message


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("12", "number written as text"),
        ("forty", "Expected a number"),
        (math.nan, "NaN"),
        (math.inf, "infinite"),
        (pd.Series([1]), "one-value table or column"),
        ([1, 2], "Expected a single number"),
        (True, "Expected a single number"),
        (10**400, "too large"),
    ],
)
def test_number_tasks_say_what_is_wrong_with_the_type(answer, expected):
    assert expected in check("00.1", answer).message


def test_hints_come_one_at_a_time_and_never_the_answer():
    task = NumberTask("x.1", "?", hints=("first", "second"), expected=42)
    messages = [task.judge(7).message for _ in range(3)]
    assert "Hint 1 of 2: first" in messages[0]
    assert "Hint 2 of 2: second" in messages[1] and "Hint 2 of 2: second" in messages[2]
    assert not any("42" in m for m in messages)


def test_number_tolerance():
    task = NumberTask("x.2", "?", expected=lambda: 2.0, tolerance=0.05)
    assert task.judge(2.04).correct and not task.judge(2.06).correct
    assert task.judge(np.float64(2.0)).correct and task.judge(np.int64(2)).correct


def test_choice_accepts_case_and_spaces():
    task = ChoiceTask("x.3", "?", options={"a": "A", "b": "B"}, correct="b")
    assert task.judge(" B ").correct
    assert "not one of the options" in task.judge("c").message
    assert "one letter" in task.judge(2).message


def test_items_ignore_order_and_case_and_count_without_revealing():
    task = ItemsTask("x.4", "?", expected=["Japan", "India"])
    assert task.judge(["india", " JAPAN"]).correct
    assert task.judge(pd.Series(["Japan", "India"])).correct
    wrong = task.judge(["Japan", "China"])
    assert "1 of your 2 are right; 2 are wanted" in wrong.message and "India" not in wrong.message
    assert "not a single text" in task.judge("Japan").message


def test_table_task_checks_columns_rows_and_values():
    expected = pd.DataFrame({"year": [2024, 2025], "n": [3, 5]})
    task = TableTask("x.5", "?", expected=lambda: expected, columns=("year", "n"))
    assert task.judge(expected.iloc[::-1]).correct
    assert "lacks the column(s) ['n']" in task.judge(expected[["year"]]).message
    assert "has 1 rows; it should have 2" in task.judge(expected.head(1)).message
    assert not task.judge(expected.assign(n=[3, 6])).correct
    assert task.judge(expected.astype({"n": float})).correct  # 3.0 counts as 3


def test_results_display_in_notebooks():
    right, blank = check("00.5", "b"), check("00.5", None)
    assert "✓ Correct" in right._repr_html_() and "#009E73" in right._repr_html_()
    assert str(blank).startswith("Task 00.5: … Not answered yet.")
    assert "<script" not in check("00.5", "<script>")._repr_html_()
