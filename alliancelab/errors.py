"""Exceptions the module raises on bad input, and their short display in notebooks."""

import sys


class AllianceLabError(ValueError):
    """Bad input the learner can fix: the message says what and where."""


class DataError(AllianceLabError):
    """A data file or its schema is missing, empty or does not match the schema."""


def _show_message_only(shell, etype, value, tb, tb_offset=None):
    """Show an AllianceLabError as one readable line instead of a traceback."""
    print(f"{etype.__name__}: {value}")


def install_notebook_error_display():
    """In IPython/Jupyter, print the module's own errors without a traceback."""
    if "IPython" not in sys.modules:  # plain Python (no shell to configure): tracebacks are fine there
        return
    shell = sys.modules["IPython"].get_ipython()
    if shell is not None:
        shell.set_custom_exc((AllianceLabError,), _show_message_only)
