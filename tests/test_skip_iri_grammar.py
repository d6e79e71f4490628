"""alliancelab.skip_iri_grammar: still needed with the installed jsonschema, and only in tool processes."""

import subprocess
import sys

from alliancelab import skip_iri_grammar


def imported_after(code: str) -> set[str]:
    """Module names loaded in a fresh interpreter (no pytest plugin) after running ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_jsonschema_still_builds_the_iri_grammar_on_import():
    """Fails once jsonschema stops importing rfc3987_syntax (and its lark grammar): then delete the module."""
    assert skip_iri_grammar.needed()
    assert {"rfc3987_syntax", "lark"} <= imported_after("import jsonschema")


def test_the_skip_keeps_the_grammar_out():
    assert "lark" not in imported_after("import alliancelab.skip_iri_grammar\nimport jsonschema")


def test_a_lesson_kernel_does_not_skip_it():
    """Loading data, as a lesson does, leaves jsonschema as it is."""
    assert "alliancelab.skip_iri_grammar" not in imported_after("import alliancelab.data, alliancelab.checks")
