"""Load the module's sourced tables, validated against ``data/datapackage.json`` (package data).

``load(name)`` checks the CSV file against its Frictionless Table Schema and returns a
pandas DataFrame typed by that schema: dates as ``datetime64``, numbers as floats,
integers as nullable ``Int64``, booleans as ``bool`` and enum columns as ordered
categoricals. Anything wrong with a file raises one exception, :class:`DataError`,
whose message names the file and, where it applies, the line, column and bad value.

A file that passed validation is remembered by a hash of its content and schema (in the
user's cache directory, or ``$ALLIANCELAB_CACHE_DIR``), so loading it again skips the
check; any edit to the file or its schema changes the hash and the file is checked again.
"""

import hashlib
import io
import json
import os
from importlib import resources
from pathlib import Path

import pandas as pd
import platformdirs

from alliancelab.errors import DataError

#: The tables: ``data/`` in the repository, installed as the package ``alliancelab.tables`` (see pyproject.toml),
#: so an editable install and a wheel installed anywhere read the same files.
DATA_DIR = Path(str(resources.files("alliancelab.tables")))
PACKAGE_FILE = "datapackage.json"
MAX_REPORTED_ERRORS = 5
#: The tables that record when things happened, and their date columns: the record reaches their latest date.
TIMELINE_DATES = {"events": ("date", "end_date"), "trade_tariffs": ("date",), "investment": ("date",)}


def package(data_dir=None) -> dict:
    """The parsed ``datapackage.json`` descriptor."""
    path = Path(data_dir or DATA_DIR) / PACKAGE_FILE
    if not path.is_file():
        raise DataError(f"{path}: the data package descriptor is missing.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataError(f"{path}: not valid JSON ({err}).") from None


def tables(data_dir=None) -> list[str]:
    """Names of the tables in the data package, in the order it lists them."""
    return [resource["name"] for resource in package(data_dir)["resources"]]


def resource(name: str, data_dir=None) -> dict:
    """The descriptor (path, schema, ...) of one table."""
    resources = {r["name"]: r for r in package(data_dir)["resources"]}
    if name not in resources:
        known = ", ".join(resources)
        raise DataError(f"Unknown table {name!r}. Known tables: {known}.")
    return resources[name]


def load(name: str, data_dir=None) -> pd.DataFrame:
    """Validate table ``name`` against its schema and return it as a typed DataFrame."""
    data_dir = Path(data_dir or DATA_DIR)
    descriptor = resource(name, data_dir)
    path = data_dir / descriptor["path"]
    content = _read(path)
    _validate(descriptor, path, content)
    frame = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, encoding="utf-8")
    for field in descriptor["schema"]["fields"]:
        frame[field["name"]] = _typed(frame[field["name"]], field)
    return frame


def current_to(data_dir=None) -> pd.Timestamp:
    """The latest date in the timeline tables (``TIMELINE_DATES``): how far the module's record reaches."""
    dates = [load(name, data_dir)[column] for name, columns in TIMELINE_DATES.items() for column in columns]
    return pd.concat(dates).max()


def current_to_line(data_dir=None) -> str:
    """One Markdown line for the top of a lesson: "Data current to 15 May 2026" and where that date comes from."""
    latest = current_to(data_dir)
    tables = ", ".join(f"`{name}`" for name in TIMELINE_DATES)
    return f"*Data current to {latest.day} {latest:%B %Y}: the latest date in the timeline tables ({tables}).*"


def _read(path: Path) -> bytes:
    """The file's bytes, read once; DataError if it is missing or empty."""
    if not path.is_file():
        raise DataError(f"{path}: file not found.")
    content = path.read_bytes()
    if not content.strip():
        raise DataError(f"{path}: file is empty (expected a header row and data rows).")
    return content


def _validate(descriptor: dict, path: Path, content: bytes) -> None:
    """Raise DataError listing the first schema violations in ``path`` (unless it passed before, unchanged)."""
    stamp = _validated_stamp(descriptor, content)
    if stamp.exists():
        return
    _check_schema(descriptor, path)
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:  # a read-only cache only means checking again next time
        pass


def _validated_stamp(descriptor: dict, content: bytes) -> Path:
    """The file that records a passed validation of exactly this content under exactly this schema."""
    digest = hashlib.sha256(json.dumps(descriptor, sort_keys=True).encode("utf-8") + content)
    return cache_dir() / "validated" / digest.hexdigest()


def cache_dir() -> Path:
    """Where passed validations are remembered: ``$ALLIANCELAB_CACHE_DIR`` or the user's cache directory."""
    return Path(os.environ.get("ALLIANCELAB_CACHE_DIR") or platformdirs.user_cache_dir("alliancelab"))


def _check_schema(descriptor: dict, path: Path) -> None:
    """Raise DataError listing the first schema violations in ``path``."""
    import frictionless  # imported here: only loading data needs it

    checked = frictionless.Resource(dict(descriptor, path=path.name), basepath=str(path.parent))
    report = checked.validate()
    if report.valid:
        return
    errors = report.errors + [error for task in report.tasks for error in task.errors]
    fields = {field["name"]: field for field in descriptor["schema"]["fields"]}
    lines = [_describe(error, fields) for error in errors[:MAX_REPORTED_ERRORS]]
    more = len(errors) - len(lines)
    if more > 0:
        lines.append(f"... and {more} more problem(s).")
    raise DataError(f"{path} does not match its schema:\n  " + "\n  ".join(lines))


def _describe(error, fields: dict) -> str:
    """One readable line for one Frictionless error: where, then what is wrong."""
    where = []
    if getattr(error, "row_number", None):
        where.append(f"line {error.row_number}")
    if getattr(error, "field_name", None):
        where.append(f"column {error.field_name!r}")
    field = fields.get(getattr(error, "field_name", None), {})
    rules = field.get("constraints", {})
    cell = getattr(error, "cell", None)
    if error.type == "type-error":
        what = f"{cell!r} is not a valid {field['type']}" + _FORMAT_HINTS.get(field["type"], "")
    elif error.type == "constraint-error" and cell in ("", None):
        what = "value is missing but required"
    elif error.type == "constraint-error" and "enum" in rules:
        what = f"{cell!r} is not one of the allowed values: " + ", ".join(rules["enum"])
    elif error.type == "constraint-error":
        what = f"{cell!r} breaks the schema rule ({error.note})"
    elif error.type == "missing-label":
        what = "column is missing from the header"
    else:
        what = error.note or error.message
    return f"{', '.join(where)}: {what}" if where else f"{error.title}: {what}"


_FORMAT_HINTS = {
    "date": " (expected YYYY-MM-DD)",
    "number": " (expected a number like 4.78)",
    "integer": " (expected a whole number)",
    "boolean": " (expected true or false)",
}


def _typed(column: pd.Series, field: dict) -> pd.Series:
    """Convert one validated text column to the pandas type its schema field names."""
    kind = field["type"]
    blank = column == ""
    if kind == "date":
        return pd.to_datetime(column.mask(blank), format="%Y-%m-%d")
    if kind == "number":
        return pd.to_numeric(column.mask(blank)).astype(float)
    if kind == "integer":
        return pd.to_numeric(column.mask(blank)).astype("Int64")
    if kind == "boolean":
        return column.str.lower().isin(["true", "1"])
    if "enum" in field.get("constraints", {}):
        return pd.Categorical(column.mask(blank), categories=field["constraints"]["enum"], ordered=True)
    return column.mask(blank)
