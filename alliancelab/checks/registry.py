"""The task registry: every exercise set registers its tasks here; ``check`` and ``hint`` look them up."""

from dataclasses import replace

from alliancelab.checks.result import Hint, Result
from alliancelab.checks.tasks import Task

_TASKS: dict[str, Task] = {}


def register(*tasks: Task) -> None:
    for task in tasks:
        if task.task_id in _TASKS:
            raise ValueError(f"Task id {task.task_id!r} is registered twice.")
        _TASKS[task.task_id] = task


def tasks(practice: bool = True) -> list[str]:
    """The ids of all self-checked tasks, e.g. ["00.1", "00.2", ..., "00.p1"]; ``practice=False`` leaves out
    the ungraded practice checks of the lessons (ids such as "00.p1")."""
    return sorted(t for t in _TASKS if practice or not is_practice(t))


def is_practice(task_id: str) -> bool:
    """True for an ungraded practice check in a lesson ("00.p1"), False for an exercise task ("00.1")."""
    return task_id.split(".")[-1].startswith("p")


def task(task_id: str) -> Task:
    """The registered task with this id (KeyError if there is none)."""
    return _TASKS[task_id]


def _unknown(task_id) -> str:
    return f"Unknown task id {task_id!r}. Task ids look like '00.1'; copy the check cell from the exercise again."


def hint(task_id) -> Hint | Result:
    """The next hint for task ``task_id``, without submitting an answer first. Hints climb from a nudge to a
    method; none gives the answer. Never raises."""
    found = _TASKS.get(task_id) if isinstance(task_id, str) else None
    if found is None:
        return Result(str(task_id), False, _unknown(task_id))
    return Hint(found.task_id, found.next_hint())


def check(task_id, answer) -> Result:
    """Judge ``answer`` to task ``task_id``. Never raises: every problem becomes a message."""
    return _judged(_TASKS.get(task_id) if isinstance(task_id, str) else None, task_id, answer)


def judge(task_id, answer) -> Result:
    """Judge ``answer`` as a first attempt, leaving the task's hint count alone (the grader's check: the same
    answer gets the same message whatever was judged before it)."""
    task = _TASKS.get(task_id) if isinstance(task_id, str) else None
    return _judged(task and replace(task, hints_shown=0), task_id, answer)


def _judged(task, task_id, answer) -> Result:
    if task is None:
        return Result(str(task_id), False, _unknown(task_id))
    try:
        return task.judge(answer)
    except Exception as err:  # an answer of a shape no rule foresaw must still get a message
        return Result(
            task_id,
            False,
            f"This answer could not be checked ({type(err).__name__}: {err}). "
            "Check that it is the kind of value the task asks for.",
        )
