"""Import this before jsonschema (which nbformat and frictionless import): it skips an optional 1-second grammar.

jsonschema registers a checker for the ``iri`` string formats when the package ``rfc3987_syntax`` imports, and
that import builds a parsing grammar: about 1 s in every process. No schema this module validates against uses
those formats (nbformat's notebook schema, Frictionless's descriptors), so validation is the same without it.
The instructor commands, the notebook runner, the site builder and the test suite (a pytest ``-p`` plugin, see
``pyproject.toml``) import it first thing; a lesson's kernel imports it only when a data file has to be validated.
"""

import sys

sys.modules.setdefault("rfc3987_syntax", None)
