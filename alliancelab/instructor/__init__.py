"""Instructor commands: generate exercises from solutions, grade submissions, export quizzes, report."""

import alliancelab.skip_iri_grammar  # noqa: F401  (before the commands' nbformat imports jsonschema)
