"""What each exercise set asks for: its graded tasks by kind, and the share of points in written answers.

Each graded cell of ``solutions/NN_slug.ipynb`` records its kind in ``metadata.alliancelab.kind``:

- ``lookup``: find a value or pick the statement the lesson or a table supports;
- ``compute``: compute a value with pandas or a model function;
- ``figure``: read a figure or an explorer's figure and status line;
- ``argue``: a written answer that argues a position, marked by hand against a rubric.

Usage: ``alliancelab kinds`` prints one row per set (tasks and points of each kind, the written share).
"""

from pathlib import Path

import nbformat
import pandas as pd

from alliancelab.errors import AllianceLabError

KINDS = ("lookup", "compute", "figure", "argue")


def graded_tasks(path) -> pd.DataFrame:
    """One row per graded cell of a solutions notebook: set, grade_id, kind, points, written (marked by hand)."""
    notebook = nbformat.read(path, as_version=4)
    set_id = notebook.metadata.get("alliancelab", {}).get("exercise_set")
    rows = []
    for cell in notebook.cells:
        grading = cell.metadata.get("nbgrader", {})
        if not grading.get("grade"):
            continue
        kind = cell.metadata.get("alliancelab", {}).get("kind")
        if kind not in KINDS:
            raise AllianceLabError(
                f"{Path(path).name}: graded cell {grading.get('grade_id')!r} has kind {kind!r}; "
                f"set metadata.alliancelab.kind to one of {', '.join(KINDS)}."
            )
        written = cell.cell_type == "markdown"
        rows.append((set_id, grading["grade_id"], kind, float(grading.get("points", 0)), written))
    return pd.DataFrame(rows, columns=["set", "grade_id", "kind", "points", "written"])


def table(solutions) -> pd.DataFrame:
    """One row per exercise set: tasks and points of each kind, total points and the written share (%)."""
    paths = sorted(Path(solutions).glob("*.ipynb"))
    if not paths:
        raise AllianceLabError(f"no notebooks in {solutions}")
    cells = pd.concat([graded_tasks(path) for path in paths], ignore_index=True)
    counts = cells.pivot_table(index="set", columns="kind", values="points", aggfunc="count", fill_value=0)
    points = cells.pivot_table(index="set", columns="kind", values="points", aggfunc="sum", fill_value=0)
    summary = pd.concat(
        [
            counts.reindex(columns=KINDS, fill_value=0).add_suffix(" tasks").astype(int),
            points.reindex(columns=KINDS, fill_value=0).add_suffix(" points"),
        ],
        axis=1,
    )
    summary["points"] = cells.groupby("set")["points"].sum()
    summary["written %"] = (100 * summary["argue points"] / summary["points"]).round(1)
    return summary


def markdown(summary: pd.DataFrame) -> str:
    """The table as Markdown: one row per set, tasks and points as ``tasks (points)`` per kind."""
    header = ["set", *KINDS, "points", "written %"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for set_id, row in summary.iterrows():
        cells = [f"{row[f'{k} tasks']:g} ({row[f'{k} points']:g})" for k in KINDS]
        lines.append(f"| {set_id} | " + " | ".join(cells) + f" | {row['points']:g} | {row['written %']:.1f} |")
    return "\n".join(lines)
