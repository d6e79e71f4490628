"""For the tool processes: skip an optional 1-second grammar that jsonschema builds on import.

Since jsonschema 4.25 (its ``iri`` and ``iri-reference`` formats through ``rfc3987_syntax``), importing
jsonschema (which nbformat and frictionless do) imports ``rfc3987_syntax``, and that builds a parsing grammar:
about 1 s in every process. No schema this module validates against uses those formats (nbformat's notebook
schema, Frictionless's descriptors), so validation is the same without it. Only tool processes import this
first thing: the ``alliancelab`` command (through ``alliancelab.instructor``), the notebook runner, the site
builder and the test suite (a pytest ``-p`` plugin, see ``pyproject.toml``); a student's kernel never does.
``tests/test_skip_iri_grammar.py`` fails once jsonschema no longer builds the grammar on import.
"""

import sys
from importlib.metadata import PackageNotFoundError, version

#: The first jsonschema release that imports rfc3987_syntax.
FIRST_NEEDED = (4, 25)


def needed() -> bool:
    """Whether the installed jsonschema is one that imports rfc3987_syntax."""
    try:
        release = tuple(int(part) for part in version("jsonschema").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return False
    return release >= FIRST_NEEDED


if needed():
    sys.modules.setdefault("rfc3987_syntax", None)
