"""Models: pure functions that teach a political-science idea (no I/O, no plotting).

Each module is one model; every function checks its arguments and raises ValueError
(an :class:`~alliancelab.errors.AllianceLabError`) with a message that says what to fix.
"""
