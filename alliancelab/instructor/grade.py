"""Grade submitted exercise notebooks: the source decides what is graded, student code runs in a sandbox,
and the grader judges the answers outside it.

For each submission the grader
1. finds its exercise set (notebook metadata) in ``solutions/``; a file it cannot read or place is recorded
   (``missing``, ``empty``, ``invalid``) and the batch goes on;
2. builds the cells to run from the source: every instruction, setup and widget cell comes from the source;
   only the student's answer cells come from the submission (matched by nbgrader ``grade_id``, else cell id;
   a missing one is run blank); cells the student added run where they were, but are never scored; the
   metadata of submitted cells is ignored. Each autograded check cell is replaced by a cell that exports the
   task's answer variable as plain data (:mod:`alliancelab.instructor.export`);
3. runs those cells in a fresh kernel inside a sandbox (:mod:`alliancelab.instructor.sandbox`) under one time
   limit for the whole notebook;
4. judges each exported value here, with the module's checks (``alliancelab.checks.registry.judge``), using
   the tasks and points of the source. Written answers are listed for marking by hand.
Nothing printed, defined or patched in the kernel can change a score: it only ever sees the grader's
questions, and the grader only ever reads values. The gradebook and feedback files are written only here,
one finished submission at a time (:mod:`alliancelab.instructor.gradebook`).
"""

import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from alliancelab import data
from alliancelab.checks.registry import judge
from alliancelab.errors import AllianceLabError
from alliancelab.instructor import gradebook, sandbox
from alliancelab.instructor.export import Unreadable, decode, describe
from alliancelab.instructor.generate import SOLUTIONS, student_version
from alliancelab.instructor.gradebook import Row

DEFAULT_TIMEOUT = 120
#: CPU, memory, process and output limits for each sandboxed submission.
DEFAULT_LIMITS = sandbox.Limits()
MAX_BYTES = 20 * 1024**2  # a submission larger than this is not read
_CHECK = re.compile(r"""^check\(\s*["'](?P<task>[^"']+)["']\s*,\s*(?P<variable>[A-Za-z_]\w*)\s*\)\s*$""", re.M)


@dataclass(frozen=True)
class Task:
    """One graded task of an exercise set, as the source defines it."""

    name: str  # what a learner sees, e.g. "00.3"
    points: float
    written: bool  # a written answer, marked by hand
    check_id: str = ""  # the task id its check judges
    variable: str = ""  # the answer variable it judges


@dataclass
class _Source:
    notebook: nbformat.NotebookNode
    blank: nbformat.NotebookNode  # the student version: what a missing answer cell holds
    tasks: dict  # grade_id of the graded cell -> Task


@dataclass
class _Job:
    name: str
    rows: list | None = None  # set when the file cannot be graded
    source: _Source | None = None
    content: bytes = b""
    cells: list | None = None
    written: dict | None = None  # task name -> the submitted text of a written answer


def grade(
    submissions,
    out: Path,
    timeout: float = DEFAULT_TIMEOUT,
    jobs: int = 1,
    solutions: Path = SOLUTIONS,
    use_sandbox: bool = True,
    limits: sandbox.Limits = DEFAULT_LIMITS,
) -> list[Row]:
    """Grade every submission; add its rows to the gradebook ``out`` (CSV) and write one feedback file each.

    Without ``use_sandbox`` student code runs unconfined (see :mod:`alliancelab.instructor.sandbox`).
    """
    if use_sandbox:
        sandbox.check_available()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    feedback_dir = gradebook.start(out)
    sources = _sources(Path(solutions))
    for table in data.tables():  # validated once here: the kernels read the stamps and skip the check
        data.load(table)
    hidden = sorted(
        {Path(solutions), out, out.parent, feedback_dir, *(p for s in submissions for p in (Path(s), Path(s).parent))}
    )
    prepared = [_prepare(Path(s), sources) for s in submissions]

    def execute(job: _Job):
        if job.rows is not None:
            return None
        plan = {"timeout": float(timeout), "cells": job.cells}
        return sandbox.run(job.content, job.name, plan, limits, hidden, sandbox=use_sandbox)

    graded = []
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        for submission, job, run in zip(submissions, prepared, pool.map(execute, prepared)):
            rows = job.rows if job.rows is not None else _score(job, run)
            gradebook.add(out, rows)
            gradebook.write_feedback(feedback_dir / f"{Path(submission).stem}.md", rows)
            graded.extend(rows)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        sandbox.kill_all()
        raise
    pool.shutdown()
    return graded


def _sources(solutions: Path) -> dict[str, _Source]:
    """Exercise set id -> its source notebook, blank student version and graded tasks."""
    sources = {}
    for path in sorted(solutions.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        set_id = notebook.metadata.get("alliancelab", {}).get("exercise_set")
        if set_id:
            sources[set_id] = _Source(notebook, student_version(notebook), _tasks(notebook, path))
    return sources


def _tasks(notebook, path: Path) -> dict[str, Task]:
    tasks = {}
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade"):
            continue
        name, points = _task_name(notebook, cell), float(meta.get("points", 0))
        if cell.cell_type == "markdown":
            tasks[_grade_id(cell)] = Task(name, points, written=True)
            continue
        call = _CHECK.search(cell.source)
        if call is None:
            raise AllianceLabError(
                f'{path}: the graded cell {_grade_id(cell)!r} has no line check("NN.N", '
                "answer_N) for the grader to judge."
            )
        tasks[_grade_id(cell)] = Task(name, points, False, call["task"], call["variable"])
    return tasks


def _prepare(path: Path, sources: dict) -> _Job:
    """Read a submission and build the cells to run; or the one row saying why it cannot be graded."""
    name = path.name
    try:
        content, submission = _read(path)
        set_id = submission.metadata.get("alliancelab", {}).get("exercise_set")
        source = sources.get(set_id) if isinstance(set_id, str) else None
        if source is None:
            raise _Unreadable("invalid", f"Not one of the module's exercise sets (exercise set {set_id!r}).")
    except _Unreadable as problem:
        return _Job(name, rows=[Row(name, "", 0, 0, problem.status, "", str(problem))])
    cells, written = _plan(source, submission)
    return _Job(name, source=source, content=content, cells=cells, written=written)


class _Unreadable(Exception):
    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


def _read(path: Path) -> tuple[bytes, nbformat.NotebookNode]:
    if not path.is_file():
        raise _Unreadable("missing", f"No file at {path}.")
    if path.stat().st_size > MAX_BYTES:
        raise _Unreadable("invalid", f"The file is larger than {MAX_BYTES // 1024**2} MB.")
    content = path.read_bytes()
    text = content.decode("utf-8", errors="replace")
    if not text.strip():
        raise _Unreadable("empty", "The file is empty.")
    try:
        notebook = nbformat.reads(text, as_version=4)
    except (json.JSONDecodeError, nbformat.reader.NotJSONError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise _Unreadable("invalid", f"Not a readable notebook ({type(err).__name__}).") from None
    if not isinstance(notebook.get("metadata"), dict) or not isinstance(notebook.get("cells"), list):
        raise _Unreadable("invalid", "Not a readable notebook (no cells).")
    return content, notebook


def _grade_id(cell) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader", {}) if isinstance(cell.get("metadata"), dict) else {}
    grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
    return grade_id if isinstance(grade_id, str) else None


def _is_answer(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("solution"))


def _plan(source: _Source, submission) -> tuple[list[dict], dict[str, str]]:
    """The cells to run (source order, the student's answers and added cells in place) and the written answers."""
    by_grade_id = {_grade_id(c): i for i, c in enumerate(source.notebook.cells) if _grade_id(c)}
    by_id = {c.get("id"): i for i, c in enumerate(source.notebook.cells) if c.get("id")}
    answers, added, anchor = {}, {}, -1
    for cell in submission.cells:
        if not isinstance(cell, dict) or not isinstance(cell.get("source"), str):
            continue
        index = by_grade_id.get(_grade_id(cell), by_id.get(cell.get("id")))
        if index is None:
            if cell.get("cell_type") == "code":  # an added cell: run, never scored
                added.setdefault(anchor, []).append({"role": "added", "source": cell["source"]})
            continue
        original = source.notebook.cells[index]
        if _is_answer(original) and index not in answers and cell.get("cell_type") == original.cell_type:
            answers[index] = cell["source"]
        anchor = index
    cells, written = list(added.get(-1, [])), {}
    for index, original in enumerate(source.notebook.cells):
        task = source.tasks.get(_grade_id(original))
        text = answers.get(index, source.blank.cells[index].source)
        if task and task.written:
            written[task.name] = text
        elif task:
            cells.append({"role": "export", "task": task.name, "variable": task.variable})
        elif original.cell_type == "code" and _is_answer(original):
            cells.append({"role": "answer", "task": _task_name(source.notebook, original), "source": text})
        elif original.cell_type == "code":
            cells.append({"role": "restored", "source": original.source})
        cells += added.get(index, [])
    return cells, written


def _task_name(notebook, cell) -> str:
    """The task id a learner sees, e.g. "00.3" for grade cell "task3_check" of set 00."""
    number = "".join(ch for ch in _grade_id(cell).split("_")[0] if ch.isdigit())
    return f"{notebook.metadata['alliancelab']['exercise_set']}.{number}"


def _score(job: _Job, run: sandbox.Run) -> list[Row]:
    """Judge the run's exported answers with the source's tasks and points."""
    errors, values, stopped = {}, {}, None
    for record in run.records:
        kind, task = record.get("kind"), record.get("task")
        if kind == "answer_error" and isinstance(task, str):
            errors.setdefault(task, f"{record.get('ename', '')}: {record.get('evalue', '')}")
        elif kind == "answer" and isinstance(task, str) and isinstance(record.get("data"), dict):
            values.setdefault(task, record["data"])
        elif kind == "stopped":
            stopped = stopped or str(record.get("why", ""))
    if run.killed:
        stopped = stopped or "timeout"
    rows = []
    for task in job.source.tasks.values():
        if task.written:
            words = len(job.written.get(task.name, "").split())
            rows.append(
                Row(
                    job.name, task.name, "", task.points, "manual", "", f"Written answer ({words} words): mark by hand."
                )
            )
        elif task.name in errors:
            rows.append(
                Row(
                    job.name,
                    task.name,
                    0,
                    task.points,
                    "error",
                    "",
                    f"Your answer cell stopped with {errors[task.name]}",
                )
            )
        elif task.name in values:
            rows.append(_judged(job.name, task, values[task.name]))
        elif stopped == "timeout":
            rows.append(
                Row(job.name, task.name, 0, task.points, "timeout", "", "Not checked: the notebook ran out of time.")
            )
        else:
            reason = (
                f"the kernel stopped ({stopped})"
                if stopped
                else f"the run failed (exit code {run.returncode})"
                if run.returncode
                else "the notebook did not let the grader read it"
            )
            rows.append(Row(job.name, task.name, 0, task.points, "error", "", f"Not checked: {reason}."))
    return rows


def _judged(name: str, task: Task, data: dict) -> Row:
    try:
        value = None if data.get("missing") is True else decode(data.get("value"))
    except Unreadable as problem:
        return Row(name, task.name, 0, task.points, "error", "", f"Your answer could not be read: {problem}.")
    result = judge(task.check_id, value)
    answer = "" if result.correct is None else describe(value)
    if result.correct:
        return Row(name, task.name, task.points, task.points, "correct", answer, str(result))
    return Row(
        name, task.name, 0, task.points, "unanswered" if result.correct is None else "incorrect", answer, str(result)
    )
