"""The sourced tables, installed with the module as the package ``alliancelab.tables`` (see pyproject.toml)."""
