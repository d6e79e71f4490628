"""Grade submitted exercise notebooks: run each in a fresh kernel, score the checks, keep going.

For each submission the grader rebuilds the notebook from its source in ``solutions/``
(instructions, self-checks and hidden tests come from the source; only the student's answer
cells come from the submission, matched by nbgrader ``grade_id``), executes it in a fresh
kernel under one time limit for the whole notebook, and scores every autograded check cell:
full points if it ran without error, none otherwise. Written answers are listed for marking
by hand. For an incorrect or failed task the feedback ends with the value the student gave
(" Answer given: 51."), read by one extra cell appended to the rebuilt notebook that prints a
short ``repr`` of each answer variable; if that cell does not run, answers are simply left out.
Rows are appended to the gradebook as each submission finishes, so a crash or an interrupt
loses nothing already graded. This runs student code: it is not a sandbox.
"""

import csv
import json
import re
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from alliancelab.checks.result import Result
from alliancelab.checks.tasks import NOT_ANSWERED
from alliancelab.instructor.generate import SOLUTIONS

DEFAULT_TIMEOUT = 120
CORRECT = Result("", True, "").label  # what a passed self-check shows
ANSWER_GIVEN = " Answer given: "  # feedback suffix before the student's answer (incorrect/error rows)
_PROBE_MARK = "ALLIANCELAB_ANSWERS "  # starts the probe cell's output line
_PROBE = """\
import json
shown = {}
for name in %r:
    try:
        value = user[name]
        if getattr(type(value), "__module__", "") == "numpy" and getattr(value, "ndim", None) == 0:
            value = value.item()  # np.int64(51) -> 51
        text = " ".join(repr(value).split())
    except KeyError:
        continue
    except Exception:
        text = "<unprintable>"
    shown[name] = text if len(text) <= 60 else text[:57] + "..."
print(%r + json.dumps(shown))
"""  # run with builtins only, so a student's `list = ...` or `type = ...` cannot break it:
_PROBE_CELL = ("import builtins as _alliancelab_builtins\n"
               "_alliancelab_builtins.exec({code!r}, {{'__builtins__': _alliancelab_builtins, "
               "'user': _alliancelab_builtins.globals()}})")


@dataclass
class Row:
    """One gradebook row: a submission's result on one task."""

    submission: str
    task: str
    points: float | str
    max_points: float
    status: str
    feedback: str


COLUMNS = [f.name for f in fields(Row)]


def grade(submissions, out: Path, timeout: float = DEFAULT_TIMEOUT, jobs: int = 1,
          solutions: Path = SOLUTIONS) -> list[Row]:
    """Grade every submission, append its rows to ``out`` (CSV) and write one feedback file each."""
    out = Path(out)
    feedback_dir = out.parent / f"{out.stem}_feedback"
    feedback_dir.mkdir(parents=True, exist_ok=True)
    if not out.exists() or out.stat().st_size == 0:
        with out.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerow(COLUMNS)
    args = [(str(s), float(timeout), str(solutions)) for s in submissions]
    graded = []
    with ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else nullcontext() as pool:
        results = pool.map(_grade_one, args) if pool else map(_grade_one, args)
        for submission, rows in zip(submissions, results):
            _append(out, rows)
            _write_feedback(feedback_dir / f"{Path(submission).stem}.md", rows)
            graded.extend(rows)
    return graded


def _grade_one(args) -> list[Row]:
    path, timeout, solutions = Path(args[0]), args[1], Path(args[2])
    name = path.name
    try:
        submission = _read(path)
        source = _source_for(submission, solutions)
    except _Unreadable as problem:
        return [Row(name, "", 0, 0, problem.status, str(problem))]
    notebook = _rebuild(source, submission)
    variables = _answer_variables(source)
    probe = _PROBE % (sorted(set(variables.values())), _PROBE_MARK)
    notebook.cells.append(nbformat.v4.new_code_cell(_PROBE_CELL.format(code=probe)))
    timed_out, crashed = _execute(notebook, path.parent, timeout)
    answers = _probed(notebook.cells.pop())
    given = {task: answers[var] for task, var in variables.items() if answers.get(var, "None") != "None"}
    return _score(name, notebook, timed_out, crashed, given)


class _Unreadable(Exception):
    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


def _read(path: Path) -> nbformat.NotebookNode:
    if not path.exists():
        raise _Unreadable("missing", f"No file at {path}.")
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.strip():
        raise _Unreadable("empty", "The file is empty.")
    try:
        return nbformat.reads(text, as_version=4)
    except (json.JSONDecodeError, nbformat.reader.NotJSONError, ValueError, KeyError) as err:
        raise _Unreadable("invalid", f"Not a readable notebook ({type(err).__name__}).") from None


def _source_for(submission, solutions: Path) -> nbformat.NotebookNode:
    """The solutions notebook of the same exercise set (from the notebook metadata)."""
    set_id = submission.metadata.get("alliancelab", {}).get("exercise_set")
    for path in sorted(solutions.glob("*.ipynb")):
        source = nbformat.read(path, as_version=4)
        if source.metadata.get("alliancelab", {}).get("exercise_set") == set_id:
            return source
    raise _Unreadable("invalid", f"Not one of the module's exercise sets (exercise set {set_id!r}).")


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _is_answer(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("solution"))


def _rebuild(source, submission) -> nbformat.NotebookNode:
    """The submission with every locked or check cell restored from the source, as nbgrader does.

    The student's answer cells and any cells they added stay; instructions, self-checks and
    hidden tests come from the source; a source cell the student deleted is put back.
    """
    originals = {_grade_id(c): c for c in source.cells if _grade_id(c)}
    cells, seen = [], set()
    for cell in submission.cells:
        original = originals.get(_grade_id(cell))
        if original is not None:
            seen.add(_grade_id(cell))
            cell = cell if _is_answer(original) else original
        cells.append(nbformat.from_dict(cell))
    for index, original in enumerate(source.cells):
        if _grade_id(original) not in seen:
            restored = nbformat.from_dict(original)
            if _is_answer(original):
                restored.source = ""
            cells.insert(min(index, len(cells)), restored)
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nbformat.from_dict(dict(source, cells=cells))


def _answer_variables(source) -> dict[str, str]:
    """Task -> answer variable, from each answer cell's first line (e.g. "answer_2 = None")."""
    variables = {}
    for cell in source.cells:
        first = (cell.source.splitlines() or [""])[0]
        match = re.fullmatch(r"\s*(answer_\w+)\s*=\s*None\s*", first)
        if cell.cell_type == "code" and _is_answer(cell) and match:
            variables[_task_name(source, cell)] = match.group(1)
    return variables


def _probed(cell) -> dict[str, str]:
    """The answers the probe cell printed (variable -> repr); empty if it did not run or print."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")
    line = next((line for line in text.splitlines() if line.startswith(_PROBE_MARK)), "")
    try:
        answers = json.loads(line[len(_PROBE_MARK):]) if line else {}
    except json.JSONDecodeError:
        return {}
    return {k: v for k, v in answers.items() if isinstance(v, str)} if isinstance(answers, dict) else {}


def _execute(notebook, folder: Path, timeout: float) -> tuple[bool, bool]:
    """Run every cell (errors allowed) within ``timeout`` seconds in all; say if it timed out or died."""
    deadline = time.monotonic() + timeout
    client = NotebookClient(notebook, kernel_name="python3", allow_errors=True, record_timing=False,
                            shutdown_kernel="immediate",
                            timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
                            resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
    except CellTimeoutError:
        return True, False
    except DeadKernelError:
        return False, True
    return False, False


def _score(name, notebook, timed_out: bool, crashed: bool, given: dict[str, str]) -> list[Row]:
    answer_errors = {_task_name(notebook, c): o for c in notebook.cells if _is_answer(c) and c.cell_type == "code"
                     for o in c.outputs if o.output_type == "error"}
    rows = []
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade"):
            continue
        task, points = _task_name(notebook, cell), float(meta.get("points", 0))
        if cell.cell_type == "markdown":
            words = len(cell.source.split())
            rows.append(Row(name, task, "", points, "manual", f"Written answer ({words} words): mark by hand."))
        elif task in answer_errors:
            error = answer_errors[task]
            rows.append(Row(name, task, 0, points, "error", f"Your answer cell stopped with {error.ename}: "
                                                             f"{error.evalue}"))
        else:
            rows.append(Row(name, task, *_judge(cell, points, timed_out, crashed)))
    for row in rows:
        if row.status in ("incorrect", "error") and row.task in given:
            row.feedback += f"{ANSWER_GIVEN}{given[row.task]}."
    return rows


def _task_name(notebook, cell) -> str:
    """The task id a learner sees, e.g. "00.3" for grade cell "task3_check" of set 00."""
    number = "".join(ch for ch in _grade_id(cell).split("_")[0] if ch.isdigit())
    return f"{notebook.metadata['alliancelab']['exercise_set']}.{number}"


def _judge(cell, points: float, timed_out: bool, crashed: bool) -> tuple:
    errors = [o for o in cell.outputs if o.output_type == "error"]
    shown = " ".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs
                     if o.output_type in ("execute_result", "display_data"))
    if errors:
        message = errors[0].evalue or errors[0].ename
        if NOT_ANSWERED in message:
            return 0, points, "unanswered", f"Not answered yet. {message}"
        return 0, points, "incorrect", f"{errors[0].ename}: {message}"
    if CORRECT in shown:
        return points, points, "correct", shown
    reason = "the notebook ran out of time" if timed_out else "the kernel stopped" if crashed else "it did not run"
    return 0, points, "timeout" if timed_out else "error", f"Not checked: {reason}."


def _append(out: Path, rows: list[Row]) -> None:
    with out.open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(astuple(row) for row in rows)


def _write_feedback(path: Path, rows: list[Row]) -> None:
    earned = sum(r.points for r in rows if isinstance(r.points, (int, float)))
    possible = sum(r.max_points for r in rows if r.status != "manual")
    lines = [f"# Feedback: {rows[0].submission}", "",
             f"Automatically checked tasks: **{earned:g} of {possible:g} points**.", "",
             "| Task | Points | Status | Feedback |", "|---|---|---|---|"]
    lines += [f"| {r.task} | {r.points if r.points == '' else format(r.points, 'g')} / {r.max_points:g} | {r.status} | "
              f"{r.feedback.replace('|', '/').replace(chr(10), ' ')} |" for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
