"""Self-checks for the exercise sets: ``check(task_id, answer)`` and ``tasks()``.

``check`` never raises on a learner's answer: a missing answer says "not answered yet",
a wrong type or value says what is wrong, and a wrong answer gets a hint (one more per
attempt), never the answer. Each ``setNN`` module registers the tasks of one exercise set.
"""

from alliancelab.checks import set00  # noqa: F401  (registers its tasks)
from alliancelab.checks.registry import check, tasks
from alliancelab.checks.result import Result

__all__ = ["Result", "check", "tasks"]
