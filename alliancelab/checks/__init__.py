"""Self-checks for the exercise sets: ``check(task_id, answer)``, ``hint(task_id)`` and ``tasks()``.

``check`` never raises on a learner's answer: a missing answer (``None``, or a scaffold's
blank ``...``) says "not answered yet", a wrong type or value says what is wrong, and a wrong
answer gets the next hint, never the answer. ``hint`` gives the next hint without an answer.
Each ``setNN`` module registers the tasks of one exercise set (and the lesson's practice checks).
"""

import importlib
import pkgutil

from alliancelab.checks.registry import check, hint, tasks
from alliancelab.checks.result import Hint, Result

# Each exercise set's module (set00, set01, ...) registers its tasks when imported.
for _module in pkgutil.iter_modules(__path__):
    if _module.name.startswith("set"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["Hint", "Result", "check", "hint", "tasks"]
