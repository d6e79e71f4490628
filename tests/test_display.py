"""Tables in a notebook show evidence, quotes and source URLs whole."""

import subprocess
import sys

import pandas as pd

from alliancelab import data, display


def test_show_whole_text_lifts_the_50_character_cut():
    url = "https://www.japantimes.co.jp/news/2020/12/16/national/how-much-does-japan-pay-to-host-u-s-forces/"
    frame = pd.DataFrame({"source_url": [url]})
    with pd.option_context("display.max_colwidth", 50):
        assert url not in repr(frame)
        display.show_whole_text()
        assert url in repr(frame)
        assert url in frame._repr_html_()


def test_importing_in_a_notebook_kernel_shows_text_whole():
    """Importing alliancelab in an IPython shell sets the option; plain Python keeps pandas' default."""
    shell = (
        "import IPython, pandas as pd; IPython.InteractiveShell.instance(); import alliancelab; "
        "print(pd.get_option('display.max_colwidth'))"
    )
    plain = "import pandas as pd, alliancelab; print(pd.get_option('display.max_colwidth'))"
    assert _run(shell) == "None"
    assert _run(plain) == "50"


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_longest_quote_survives_the_display():
    quotes = data.load("events")[["quote"]]
    longest = quotes["quote"].str.len().idxmax()
    with pd.option_context("display.max_colwidth", 50):
        display.show_whole_text()
        assert quotes.loc[longest, "quote"] in repr(quotes.loc[[longest]])
