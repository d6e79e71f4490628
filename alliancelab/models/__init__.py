"""Models: pure functions that teach a political-science idea (no I/O, no plotting).

Each module is one model; every function checks its arguments and raises ValueError
(an :class:`~alliancelab.errors.AllianceLabError`) with a message that says what to fix.
Each model has the name of its figures and widgets (``models.burden``, ``plotting.burden``,
``widgets.burden``); ``burden_sharing`` and ``networks``, the names lessons import, still work.
"""

import importlib

_LESSON_NAMES = {"burden_sharing": "burden", "networks": "network"}


def __getattr__(name):
    """``from alliancelab.models import burden_sharing`` (a name the lessons use) gives ``models.burden``."""
    if name in _LESSON_NAMES:
        return importlib.import_module(f"{__name__}.{_LESSON_NAMES[name]}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
