"""The module's one bibliography (``data/references.bib``, installed with the tables): read it, format an
entry, list a lesson's readings.

Lessons cite by key in pandoc style, ``[@cha2009]`` or ``[@lind2004; @samuels2007]``, which reads as plain
text in any Jupyter; ``readings`` turns a list of keys into the "Readings" list at the end of a lesson.
"""

import re
from functools import cache
from pathlib import Path

from alliancelab.data import DATA_DIR
from alliancelab.errors import AllianceLabError

BIB_FILE = DATA_DIR / "references.bib"
CITATION = re.compile(r"\[(@[\w-]+(?:\s*;\s*@[\w-]+)*)\]")
_ENTRY = re.compile(r"@(\w+)\{([\w-]+),(.*?)\n\}", re.S)
_FIELD = re.compile(r"(\w+)\s*=\s*\{(.*?)\},?\s*$", re.M)
_LATEX = {r"{\'\i}": "í", r"{\'e}": "é", "--": "–", "{": "", "}": ""}


def _plain(text: str) -> str:
    for latex, char in _LATEX.items():
        text = text.replace(latex, char)
    return text


@cache
def bibliography(path: Path = BIB_FILE) -> dict:
    """Every entry of the bibliography as ``{key: {"type": ..., field: plain text}}``."""
    text = Path(path).read_text(encoding="utf-8")
    entries = {}
    for kind, key, body in _ENTRY.findall(text):
        if key in entries:
            raise AllianceLabError(f"The bibliography defines the key {key!r} twice.")
        entries[key] = {"type": kind.lower(), **{name: _plain(value) for name, value in _FIELD.findall(body)}}
    return entries


def cited_keys(text: str) -> list:
    """The keys cited in ``text`` as ``[@key]`` or ``[@a; @b]``, in order of first use."""
    keys = []
    for group in CITATION.findall(text):
        keys += [key for key in re.findall(r"@([\w-]+)", group) if key not in keys]
    return keys


def reference(key: str) -> str:
    """One entry as a full citation in Markdown, e.g. 'Snyder, Glenn H. (1984). "The Security Dilemma ...".'"""
    entries = bibliography()
    if key not in entries:
        raise AllianceLabError(f"No entry {key!r} in data/references.bib; known keys include {sorted(entries)[:5]}.")
    e = entries[key]
    head = f"{e.get('author', '')} ({e['year']})."
    if e["type"] == "article":
        issue = f"({e['number']})" if "number" in e else ""
        volume = f" {e.get('volume', '')}{issue}".rstrip()
        pages = f": {e['pages']}" if "pages" in e else ""
        text = f'{head} "{e["title"]}". *{e["journal"]}*{volume}{pages}.'
    elif e["type"] == "book":
        series = f" {e['series']}." if "series" in e else ""
        text = f"{head} *{e['title']}*.{series} {e.get('address', '')}: {e['publisher']}."
    else:
        text = f"{head} *{e['title']}*. {e.get('howpublished', '')}."
    if "url" in e:
        text += f" <{e['url']}>"
    return f"{text} [`{key}`]"


def readings(required, further=()) -> str:
    """A lesson's "Readings" list in Markdown (under its heading): required, then further, each a full citation."""
    lines = ["**Required**", ""] + [f"- {reference(k)}" for k in required]
    if further:
        lines += ["", "**Further**", ""] + [f"- {reference(k)}" for k in further]
    lines += ["", "Full entries: `data/references.bib`; keys in brackets, as cited in the text (e.g. `[@snyder1984]`)."]
    return "\n".join(lines)
