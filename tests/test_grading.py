"""Grading: solutions get full marks, blanks get zero, and broken submissions are recorded, not fatal."""

import csv
import shutil

import nbformat
import pytest

from alliancelab.cli import main
from alliancelab.instructor.generate import EXERCISES, SOLUTIONS
from alliancelab.instructor.grade import COLUMNS

SET = "00_start_here.ipynb"
TIMEOUT = 8  # seconds for a whole submission; set 00 takes about 2 s


def answered(path, answers):
    """A copy of the blank exercise with some answer cells filled in (by grade_id)."""
    notebook = nbformat.read(EXERCISES / SET, as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    shutil.copy(SOLUTIONS / SET, folder / "full.ipynb")
    shutil.copy(EXERCISES / SET, folder / "blank.ipynb")
    (folder / "garbled.ipynb").write_text("{not json", encoding="utf-8")
    (folder / "empty.ipynb").write_text("", encoding="utf-8")
    answered(folder / "partial.ipynb", {"task3_answer": 'raise RuntimeError("oops")', "task5_answer": 'answer_5 = "b"',
                                        "task2_answer": 'answer_2 = ["trade"]'})
    # A loop that never ends (it sleeps rather than spins, so the test leaves the other CPU to other tests).
    answered(folder / "runaway.ipynb", {"task1_answer": "import time\nwhile True:\n    time.sleep(0.2)"})
    names = ["full", "blank", "garbled", "empty", "absent", "partial", "runaway"]
    out = folder / "gradebook.csv"
    code = main(["grade", *[str(folder / f"{n}.ipynb") for n in names], "--out", str(out),
                 "--timeout", str(TIMEOUT), "--jobs", "2"])
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return code, folder, out, {n: [r for r in rows if r["submission"] == f"{n}.ipynb"] for n in names}


def test_the_command_finishes_the_whole_batch(graded):
    code, _, out, by_name = graded
    assert code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)
    assert all(by_name.values()), "every submission has at least one row"


def test_solutions_get_full_marks(graded):
    rows = graded[3]["full"]
    auto = [r for r in rows if r["status"] != "manual"]
    assert len(auto) == 5 and all(r["status"] == "correct" and r["points"] == r["max_points"] for r in auto)
    assert [r["status"] for r in rows if r["task"] == "00.6"] == ["manual"]


def test_blank_exercise_gets_zero_and_says_not_answered(graded):
    auto = [r for r in graded[3]["blank"] if r["status"] != "manual"]
    assert all(float(r["points"]) == 0 and r["status"] == "unanswered" for r in auto)
    assert all("Not answered yet" in r["feedback"] for r in auto)


@pytest.mark.parametrize("name, status", [("garbled", "invalid"), ("empty", "empty"), ("absent", "missing")])
def test_unreadable_submissions_are_recorded(graded, name, status):
    (row,) = graded[3][name]
    assert row["status"] == status and float(row["points"]) == 0


def test_partial_submission_is_scored_task_by_task(graded):
    statuses = {r["task"]: r["status"] for r in graded[3]["partial"]}
    assert statuses == {"00.1": "unanswered", "00.2": "incorrect", "00.3": "error", "00.4": "unanswered",
                        "00.5": "correct", "00.6": "manual"}
    feedback = {r["task"]: r["feedback"] for r in graded[3]["partial"]}
    assert "RuntimeError: oops" in feedback["00.3"]
    assert "Hint 1 of 2" in feedback["00.2"]


def test_incorrect_rows_record_the_answer_given(graded):
    feedback = {r["task"]: r["feedback"] for r in graded[3]["partial"]}
    assert feedback["00.2"].endswith(" Answer given: ['trade'].")
    assert "Answer given" not in feedback["00.3"]  # the answer cell raised before defining answer_3
    assert "Answer given" not in feedback["00.5"]  # correct rows keep the check's own message
    assert not any("Answer given" in r["feedback"] for r in graded[3]["full"] + graded[3]["blank"])


def test_runaway_submission_times_out_and_is_recorded(graded):
    auto = [r for r in graded[3]["runaway"] if r["status"] != "manual"]
    assert auto and all(r["status"] == "timeout" and float(r["points"]) == 0 for r in auto)


def test_each_submission_gets_a_readable_feedback_file(graded):
    feedback = graded[1] / "gradebook_feedback"
    text = (feedback / "full.md").read_text(encoding="utf-8")
    assert "Automatically checked tasks: **6 of 6 points**." in text
    assert "| 00.2 | 2 / 2 | correct |" in text
    assert (feedback / "garbled.md").exists()


def test_parallel_grading_writes_the_same_gradebook(graded, tmp_path):
    """The batch above ran on two processes; grading some of it serially gives the same rows."""
    folder, parallel = graded[1], graded[2]
    names = ["full.ipynb", "blank.ipynb", "garbled.ipynb"]
    serial = tmp_path / "serial.csv"
    main(["grade", *[str(folder / n) for n in names], "--out", str(serial), "--timeout", str(TIMEOUT)])
    header, *rows = parallel.read_text(encoding="utf-8").splitlines()
    same_names = [line for line in rows if line.split(",", 1)[0] in names]
    assert serial.read_text(encoding="utf-8").splitlines() == [header, *same_names]


def test_bad_options_are_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["grade", "x.ipynb", "--out", str(tmp_path / "g.csv"), "--timeout", "0"])
    assert "--timeout must be positive" in capsys.readouterr().err
