"""In a notebook, the module's own errors show as one readable line, not a traceback."""

import pytest
from IPython import get_ipython
from IPython.testing.globalipapp import start_ipython

import alliancelab.errors


@pytest.fixture
def shell():
    """An IPython shell like a notebook's, with the module's error display installed."""
    shell = start_ipython() or get_ipython()
    alliancelab.errors.install_notebook_error_display()
    return shell


def test_data_error_shows_message_without_traceback(shell, capsys):
    shell.run_cell("from alliancelab import data\ndata.load('evnts')")
    out = capsys.readouterr()
    assert "DataError: Unknown table 'evnts'. Known tables: events" in out.out
    assert "Traceback" not in out.out + out.err


def test_other_errors_keep_their_traceback(shell, capsys):
    shell.run_cell("1 / 0")
    out = capsys.readouterr()
    assert "ZeroDivisionError" in out.out + out.err
    assert "Traceback" in out.out + out.err
