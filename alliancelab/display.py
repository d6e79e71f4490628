"""How tables look in a notebook: evidence, quotes and source URLs are shown whole, never cut at 50 characters."""

import sys


def show_whole_text() -> None:
    """Let pandas print every text cell in full (its default cuts cells at 50 characters)."""
    import pandas as pd  # imported here: importing alliancelab alone should stay light

    pd.set_option("display.max_colwidth", None)


def install_notebook_display() -> None:
    """In IPython/Jupyter, show text columns whole (:func:`show_whole_text`); elsewhere change nothing."""
    if "IPython" not in sys.modules:  # plain Python: leave pandas' defaults alone
        return
    if sys.modules["IPython"].get_ipython() is not None:
        show_whole_text()
