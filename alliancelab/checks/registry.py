"""The task registry: every exercise set registers its tasks here; ``check`` looks them up."""

from dataclasses import replace

from alliancelab.checks.result import Result
from alliancelab.checks.tasks import Task

_TASKS: dict[str, Task] = {}


def register(*tasks: Task) -> None:
    for task in tasks:
        if task.task_id in _TASKS:
            raise ValueError(f"Task id {task.task_id!r} is registered twice.")
        _TASKS[task.task_id] = task


def tasks() -> list[str]:
    """The ids of all self-checked tasks, e.g. ["00.1", "00.2", ...]."""
    return sorted(_TASKS)


def check(task_id, answer) -> Result:
    """Judge ``answer`` to task ``task_id``. Never raises: every problem becomes a message."""
    return _judged(_TASKS.get(task_id) if isinstance(task_id, str) else None, task_id, answer)


def judge(task_id, answer) -> Result:
    """Judge ``answer`` as a first attempt, leaving the task's hint count alone (the grader's check: the same
    answer gets the same message whatever was judged before it)."""
    task = _TASKS.get(task_id) if isinstance(task_id, str) else None
    return _judged(task and replace(task, attempts=0), task_id, answer)


def _judged(task, task_id, answer) -> Result:
    if task is None:
        return Result(str(task_id), False, f"Unknown task id {task_id!r}. Task ids look like '00.1'; "
                                           "copy the check cell from the exercise again.")
    try:
        return task.judge(answer)
    except Exception as err:  # an answer of a shape no rule foresaw must still get a message
        return Result(task_id, False, f"This answer could not be checked ({type(err).__name__}: {err}). "
                                      "Check that it is the kind of value the task asks for.")
