"""Self-checks for the exercise sets: ``check(task_id, answer)`` and ``tasks()``.

``check`` never raises on a learner's answer: a missing answer says "not answered yet",
a wrong type or value says what is wrong, and a wrong answer gets a hint (one more per
attempt), never the answer. Each ``setNN`` module registers the tasks of one exercise set.
"""

import importlib
import pkgutil

from alliancelab.checks.registry import check, tasks
from alliancelab.checks.result import Result

# Each exercise set's module (set00, set01, ...) registers its tasks when imported.
for _module in pkgutil.iter_modules(__path__):
    if _module.name.startswith("set"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["Result", "check", "tasks"]
