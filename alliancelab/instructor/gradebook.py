"""The gradebook CSV and the feedback files: their columns, the status names, and writes that never half-happen.

Only the grader's own process writes here (student code runs elsewhere, in a sandbox that cannot see these
folders). Each finished submission is added in one step: the new gradebook is written beside the old one and
moved over it (``os.replace``), so an interrupted or crashed batch leaves every row graded before it intact.
"""

import csv
import io
import os
import tempfile
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from alliancelab.errors import AllianceLabError

#: Status of a task row, and what it means (the report and the command use these names and this order).
TASK_STATUSES = {
    "correct": "the check accepted the answer",
    "incorrect": "the check did not accept the answer",
    "unanswered": "no answer was given",
    "error": "the answer cell stopped with an error, or the answer could not be read",
    "timeout": "the notebook ran out of time before this task",
    "manual": "a written answer, to mark by hand",
}
#: Status of a submission that could not be graded at all (its one row has no task).
FILE_STATUSES = {
    "missing": "no file at that path",
    "empty": "the file is empty",
    "invalid": "not a notebook of one of the module's exercise sets",
}
STATUSES = (*TASK_STATUSES, *FILE_STATUSES)


@dataclass
class Row:
    """One gradebook row: a submission's result on one task. ``answer`` is a short text of the value given."""

    submission: str
    task: str
    points: float | str
    max_points: float
    status: str
    answer: str
    feedback: str


COLUMNS = [f.name for f in fields(Row)]


def start(out: Path) -> Path:
    """Make sure ``out`` is a gradebook (write its header if new) and its feedback folder exists; return that folder."""
    out = Path(out)
    if out.exists() and out.stat().st_size:
        with out.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        if header != COLUMNS:
            raise AllianceLabError(
                f"{out} is not a gradebook with the columns {','.join(COLUMNS)} "
                f"(found {','.join(header)}): give a new file for --out."
            )
    else:
        _replace(out, _csv([COLUMNS]))
    feedback = out.parent / f"{out.stem}_feedback"
    feedback.mkdir(parents=True, exist_ok=True)
    return feedback


def add(out: Path, rows: list[Row]) -> None:
    """Append one submission's rows to the gradebook ``out`` in one atomic step."""
    out = Path(out)
    _replace(out, out.read_text(encoding="utf-8") + _csv(astuple(row) for row in rows))


def write_feedback(path: Path, rows: list[Row]) -> None:
    """The learner's feedback page for one submission (Markdown), written atomically."""
    earned = sum(r.points for r in rows if isinstance(r.points, (int, float)))
    possible = sum(r.max_points for r in rows if r.status != "manual")
    lines = [
        f"# Feedback: {rows[0].submission}",
        "",
        f"Automatically checked tasks: **{earned:g} of {possible:g} points**.",
        "",
        "| Task | Points | Status | Answer given | Feedback |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.task} | {r.points if r.points == '' else format(r.points, 'g')} / {r.max_points:g} | {r.status} | "
        f"{_cell(r.answer)} | {_cell(r.feedback)} |"
        for r in rows
    ]
    _replace(Path(path), "\n".join(lines) + "\n")


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _csv(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
