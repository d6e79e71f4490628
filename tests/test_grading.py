"""Grading: the source decides what is graded, answers are judged outside the student's kernel, each submission
runs in a sandbox, and no submission can gain marks without answers or harm the batch."""

import csv
import hashlib
import shutil
import socket
from pathlib import Path

import attacks  # noqa: I001  (tests/attacks.py)
import nbformat
import pytest

from alliancelab import data
from alliancelab.cli import main
from alliancelab.instructor import grade as gr
from alliancelab.instructor import sandbox
from alliancelab.instructor.export import Unreadable, decode, encode
from alliancelab.instructor.generate import EXERCISES, ROOT, SOLUTIONS
from alliancelab.instructor.gradebook import COLUMNS, STATUSES

SET = "00_start_here.ipynb"
TIMEOUT = 60  # seconds for a whole submission; set 00 takes about 3 s (on a busy machine up to 10 s)
ATTACKS = [*attacks.IN_ANSWER, *attacks.AT_END, "fake_task"]
PROTECTED = ["alliancelab", "solutions", "exercises", "data"]

needs_sandbox = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap (bwrap) is not installed")


def answered(path, answers, added=()):
    """A copy of the blank exercise with some answer cells filled in (by grade_id) and cells added at the end."""
    notebook = nbformat.read(EXERCISES / SET, as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    notebook.cells += [nbformat.from_dict(cell) for cell in added]
    nbformat.write(notebook, path)


def attack(path, name, fill):
    answers = {"task1_answer": attacks.WRONG, "task5_answer": attacks.RIGHT}
    added = []
    if name in attacks.IN_ANSWER:
        answers["task1_answer"] = attacks.IN_ANSWER[name].format(**fill) + attacks.WRONG
    elif name in attacks.AT_END:
        added = [nbformat.v4.new_code_cell(attacks.AT_END[name])]
    else:
        added = [
            attacks.FAKE_TASK,
            dict(
                attacks.FAKE_TASK,
                id="fake0002",
                metadata={"nbgrader": dict(attacks.FAKE_TASK["metadata"]["nbgrader"], grade_id="task1_check")},
            ),
        ]
    answered(path, answers, added)


def digest(folders) -> dict:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def read(out) -> list[dict]:
    with Path(out).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    out_dir = tmp_path_factory.mktemp("grades")
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    fill = {"out": out_dir, "root": ROOT, "home": Path.home(), "port": listener.getsockname()[1]}
    shutil.copy(SOLUTIONS / SET, folder / "full.ipynb")
    shutil.copy(EXERCISES / SET, folder / "blank.ipynb")
    (folder / "garbled.ipynb").write_text("{not json", encoding="utf-8")
    (folder / "empty.ipynb").write_text("", encoding="utf-8")
    answered(
        folder / "partial.ipynb",
        {
            "task3_answer": 'raise RuntimeError("oops")',
            "task5_answer": 'answer_5 = "b"',
            "task2_answer": 'answer_2 = ["trade"]',
        },
    )
    for name in ATTACKS:
        attack(folder / f"{name}.ipynb", name, fill)
    other = out_dir / "other_course.csv"
    other.write_text("kept,as,it,is\n", encoding="utf-8")
    names = ["full", "blank", "garbled", "empty", "absent", "partial", *ATTACKS]
    out = out_dir / "gradebook.csv"
    before = digest([ROOT / p for p in PROTECTED] + [folder])
    code = main(
        [
            "grade",
            *[str(folder / f"{n}.ipynb") for n in names],
            "--out",
            str(out),
            "--timeout",
            str(TIMEOUT),
            "--jobs",
            "2",
        ]
    )
    try:
        connection = listener.accept()
    except TimeoutError:
        connection = None
    listener.close()
    rows = read(out)
    return {
        "code": code,
        "folder": folder,
        "out": out,
        "other": other,
        "connection": connection,
        "changed": before != digest([ROOT / p for p in PROTECTED] + [folder]),
        "rows": {n: [r for r in rows if r["submission"] == f"{n}.ipynb"] for n in names},
    }


@needs_sandbox
def test_the_command_finishes_the_whole_batch(graded):
    assert graded["code"] == 0
    assert graded["out"].read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)
    assert all(graded["rows"].values()), "every submission has at least one row"
    assert {r["status"] for rows in graded["rows"].values() for r in rows} <= set(STATUSES)


@needs_sandbox
def test_solutions_get_full_marks(graded):
    rows = graded["rows"]["full"]
    auto = [r for r in rows if r["status"] != "manual"]
    assert len(auto) == 5 and all(r["status"] == "correct" and r["points"] == r["max_points"] for r in auto)
    assert [r["status"] for r in rows if r["task"] == "00.6"] == ["manual"]


@needs_sandbox
def test_blank_exercise_gets_zero_and_says_not_answered(graded):
    auto = [r for r in graded["rows"]["blank"] if r["status"] != "manual"]
    assert all(float(r["points"]) == 0 and r["status"] == "unanswered" and r["answer"] == "" for r in auto)
    assert all("Not answered yet" in r["feedback"] for r in auto)


@needs_sandbox
@pytest.mark.parametrize("name, status", [("garbled", "invalid"), ("empty", "empty"), ("absent", "missing")])
def test_unreadable_submissions_are_recorded(graded, name, status):
    (row,) = graded["rows"][name]
    assert row["status"] == status and float(row["points"]) == 0


@needs_sandbox
def test_partial_submission_is_scored_task_by_task(graded):
    statuses = {r["task"]: r["status"] for r in graded["rows"]["partial"]}
    assert statuses == {
        "00.1": "unanswered",
        "00.2": "incorrect",
        "00.3": "error",
        "00.4": "unanswered",
        "00.5": "correct",
        "00.6": "manual",
    }
    feedback = {r["task"]: r["feedback"] for r in graded["rows"]["partial"]}
    assert "RuntimeError: oops" in feedback["00.3"]
    assert "Hint 1 of 2" in feedback["00.2"]


@needs_sandbox
def test_the_answer_column_records_the_value_given(graded):
    answers = {r["task"]: r["answer"] for r in graded["rows"]["partial"]}
    assert answers["00.2"] == "['trade']" and answers["00.5"] == "'b'"
    assert answers["00.3"] == ""  # the answer cell raised before defining answer_3
    after_brief = int(data.load("events")["after_brief"].sum())
    assert {r["task"]: r["answer"] for r in graded["rows"]["full"]}["00.1"] == str(after_brief)


@needs_sandbox
def test_runaway_submission_times_out_and_the_batch_goes_on(tmp_path):
    # A loop that never ends (it sleeps rather than spins, so the test leaves the other CPU to other tests).
    answered(tmp_path / "runaway.ipynb", {"task1_answer": "import time\nwhile True:\n    time.sleep(0.2)"})
    (tmp_path / "garbled.ipynb").write_text("{not json", encoding="utf-8")
    out = tmp_path / "gradebook.csv"
    assert (
        main(
            [
                "grade",
                str(tmp_path / "runaway.ipynb"),
                str(tmp_path / "garbled.ipynb"),
                "--out",
                str(out),
                "--timeout",
                "4",
            ]
        )
        == 0
    )
    rows = read(out)
    auto = [r for r in rows if r["submission"] == "runaway.ipynb" and r["status"] != "manual"]
    assert len(auto) == 5 and all(r["status"] == "timeout" and float(r["points"]) == 0 for r in auto)
    assert rows[-1]["submission"] == "garbled.ipynb"


@needs_sandbox
@pytest.mark.parametrize("name", ATTACKS)
def test_an_attack_earns_exactly_what_its_answers_earn(graded, name):
    rows = graded["rows"][name]
    assert {r["task"]: (r["status"], r["points"]) for r in rows} == {
        "00.1": ("incorrect", "0"),
        "00.2": ("unanswered", "0"),
        "00.3": ("unanswered", "0"),
        "00.4": ("unanswered", "0"),
        "00.5": ("correct", "1.0"),
        "00.6": ("manual", ""),
    }
    assert [r["max_points"] for r in rows] == ["1.0", "2.0", "1.0", "1.0", "1.0", "3.0"]  # no 100-point task
    assert {r["task"]: r["answer"] for r in rows}["00.1"] == "51"


@needs_sandbox
def test_no_attack_changes_a_file_or_reaches_the_network(graded):
    assert not graded["changed"], "the package, solutions, exercises, data and submissions are unchanged"
    assert graded["other"].read_text(encoding="utf-8") == "kept,as,it,is\n"
    assert not (ROOT / "pwned.txt").exists()
    assert graded["connection"] is None, "no submission connected to the grader's machine"


@needs_sandbox
def test_each_submission_gets_a_readable_feedback_file(graded):
    feedback = graded["out"].parent / "gradebook_feedback"
    text = (feedback / "full.md").read_text(encoding="utf-8")
    assert "Automatically checked tasks: **6 of 6 points**." in text
    assert "| 00.2 | 2 / 2 | correct |" in text
    assert {p.stem for p in feedback.glob("*.md")} == set(graded["rows"])


@needs_sandbox
def test_parallel_grading_writes_the_same_gradebook(graded, tmp_path):
    """The batch above ran on two processes; grading some of it serially gives the same rows."""
    folder, parallel = graded["folder"], graded["out"]
    names = ["full.ipynb", "garbled.ipynb", "partial.ipynb"]
    serial = tmp_path / "serial.csv"
    main(["grade", *[str(folder / n) for n in names], "--out", str(serial), "--timeout", str(TIMEOUT)])
    header, *rows = parallel.read_text(encoding="utf-8").splitlines()
    same_names = [line for line in rows if line.split(",", 1)[0] in names]
    assert serial.read_text(encoding="utf-8").splitlines() == [header, *same_names]


def test_an_interrupted_batch_keeps_what_was_graded(tmp_path, monkeypatch):
    (tmp_path / "garbled.ipynb").write_text("{not json", encoding="utf-8")
    shutil.copy(SOLUTIONS / SET, tmp_path / "full.ipynb")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(sandbox, "run", interrupted)
    out = tmp_path / "gradebook.csv"
    with pytest.raises(KeyboardInterrupt):
        gr.grade([tmp_path / "garbled.ipynb", tmp_path / "full.ipynb"], out, use_sandbox=False)
    assert [r["submission"] for r in read(out)] == ["garbled.ipynb"]
    assert not list(tmp_path.glob(".gradebook.csv.*")), "no temporary file is left behind"


def test_bad_options_are_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["grade", "x.ipynb", "--out", str(tmp_path / "g.csv"), "--timeout", "0"])
    assert "--timeout must be positive" in capsys.readouterr().err


def test_an_old_gradebook_is_not_appended_to(tmp_path, capsys):
    old = tmp_path / "g.csv"
    old.write_text("submission,task,points,max_points,status,feedback\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["grade", "x.ipynb", "--out", str(old), "--no-sandbox"])
    assert "is not a gradebook with the columns" in capsys.readouterr().err


def test_without_a_sandbox_grading_is_refused_unless_asked(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    sandbox.check_available.cache_clear()
    try:
        with pytest.raises(SystemExit):
            main(["grade", str(SOLUTIONS / SET), "--out", str(tmp_path / "g.csv")])
        assert "--no-sandbox" in capsys.readouterr().err and not (tmp_path / "g.csv").exists()
        assert (
            main(
                [
                    "grade",
                    str(SOLUTIONS / SET),
                    "--out",
                    str(tmp_path / "g.csv"),
                    "--no-sandbox",
                    "--timeout",
                    str(TIMEOUT),
                ]
            )
            == 0
        )
    finally:
        sandbox.check_available.cache_clear()
    assert "warning: --no-sandbox" in capsys.readouterr().err
    auto = [r for r in read(tmp_path / "g.csv") if r["status"] != "manual"]
    assert len(auto) == 5 and all(r["status"] == "correct" for r in auto)


def test_only_the_source_decides_the_cells_and_tasks(tmp_path):
    """Added cells run where they were but are never tasks; a deleted answer cell runs blank; locked cells and
    check cells come from the source, whatever the submission's metadata says."""
    source = gr._sources(SOLUTIONS)["00"]
    notebook = nbformat.read(EXERCISES / SET, as_version=4)
    blank = next(c.source for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "task2_answer")
    notebook.cells = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "task2_answer"]
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "setup":
            cell.source = "import os  # changed by the student"
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "task1_answer":
            cell.source = "answer_1 = 54"
            cell.metadata["nbgrader"].update(grade=True, points=50, solution=False)
    notebook.cells.insert(3, nbformat.from_dict(attacks.FAKE_TASK))
    cells, written = gr._plan(source, notebook)
    roles = [(c["role"], c.get("task")) for c in cells]
    assert roles.count(("added", None)) == 1 and ("export", "00.1") in roles
    assert [c["source"] for c in cells if c.get("task") == "00.1" and c["role"] == "answer"] == ["answer_1 = 54"]
    assert [c["source"] for c in cells if c.get("task") == "00.2" and c["role"] == "answer"] == [blank]
    assert blank.startswith("answer_2 = None")
    assert "changed by the student" not in "".join(c.get("source", "") for c in cells)
    assert [(t.name, t.points) for t in source.tasks.values()] == [
        ("00.1", 1.0),
        ("00.2", 2.0),
        ("00.3", 1.0),
        ("00.4", 1.0),
        ("00.5", 1.0),
        ("00.6", 3.0),
    ]
    assert set(written) == {"00.6"}


@pytest.mark.parametrize(
    "data",
    [
        {"t": "pickle", "v": "gASVBQ=="},
        {"t": "dict", "v": [[[1], 2]]},
        {"t": "DataFrame", "columns": ["a"], "index": [0], "data": [[1, 2]]},
        {"t": "too_large"},
        {"t": "unsupported", "type": "Cheat"},
        {"t": "ndarray"},
    ],
)
def test_malformed_or_unsupported_exports_are_refused(data):
    with pytest.raises(Unreadable):
        decode(data)


def test_exported_values_come_back_as_plain_data():
    import numpy as np
    import pandas as pd

    class Cheat(str):
        def __eq__(self, other):
            return True

    table = pd.DataFrame({"year": [2020, 2021], "ties": [3, 4.5]})
    assert decode(encode(np.int64(51))) == 51 and type(decode(encode(np.int64(51)))) is int
    assert type(decode(encode(Cheat("a")))) is str
    assert decode(encode({"b", "a"})) == {"a", "b"} and decode(encode(("a", 1))) == ("a", 1)
    pd.testing.assert_frame_equal(decode(encode(table)), table)
    assert encode(list(range(200_000))) == {"t": "too_large"}
    assert encode(object())["t"] == "unsupported"


def test_the_export_keeps_working_when_builtins_are_patched():
    """The kernel side took its own references when the grader's first cell imported it."""
    import builtins

    names = ("isinstance", "float", "int", "str", "len", "type", "sorted", "repr", "list", "dict", "set")
    saved = {name: getattr(builtins, name) for name in names}
    try:
        builtins.__dict__.update(dict.fromkeys(names, lambda *args, **kwargs: 54))
        encoded = encode([51, 0.5, "b", {"a"}])
    finally:
        builtins.__dict__.update(saved)
    assert decode(encoded) == [51, 0.5, "b", {"a"}]
