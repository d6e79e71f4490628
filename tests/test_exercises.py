"""Exercises come from solutions only: regenerated they match, no solution leaks, nbgrader agrees."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from alliancelab.checks import tasks
from alliancelab.instructor.generate import EXERCISES, SOLUTIONS, generate

SOURCES = sorted(SOLUTIONS.glob("*.ipynb"))
REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)


def nbgrader_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if "nbgrader" in c.metadata]


def test_every_lesson_with_exercises_has_both_versions():
    assert SOURCES, "no solutions found"
    assert [p.name for p in SOURCES] == sorted(p.name for p in EXERCISES.glob("*.ipynb"))


def test_committed_exercises_are_exactly_what_the_generator_writes(tmp_path):
    generate(SOLUTIONS, tmp_path)
    for source in SOURCES:
        fresh = json.loads((tmp_path / source.name).read_text(encoding="utf-8"))
        committed = json.loads((EXERCISES / source.name).read_text(encoding="utf-8"))
        assert fresh == committed, f"exercises/{source.name} is out of date: run `alliancelab generate`"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_no_line_of_a_solution_region_reaches_the_exercise(source):
    exercise_lines = {
        line.strip() for cell in nbgrader_cells(EXERCISES / source.name) for line in cell.source.splitlines()
    }
    for cell in nbgrader_cells(source):
        for _, body in REGION.findall(cell.source):
            leaked = [line for line in body.splitlines() if line.strip() and line.strip() in exercise_lines]
            assert not leaked, f"{source.name}: solution text in the exercise: {leaked}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_exercise_set_metadata_is_valid(source):
    cells = nbgrader_cells(source)
    ids = [c.metadata.nbgrader.grade_id for c in cells]
    assert len(ids) == len(set(ids)), "grade_id values must be unique"
    graded = [c for c in cells if c.metadata.nbgrader.grade]
    assert 4 <= len(graded) <= 8, f"{len(graded)} tasks: an exercise set has 4 to 8"
    for cell in graded:
        points = cell.metadata.nbgrader.points
        number = re.search(r"\d+", cell.metadata.nbgrader.grade_id).group()
        heading = next(c.source for c in cells if c.metadata.nbgrader.grade_id == f"task{number}_text")
        assert heading.startswith(f"## Task {number} ({points:g} point"), heading[:60]
    set_id = nbformat.read(source, as_version=4).metadata.alliancelab.exercise_set
    used = set(re.findall(r'check\("([\d.]+)"', "".join(c.source for c in cells)))
    assert used == {t for t in tasks(practice=False) if t.startswith(set_id + ".")}


def test_nbgrader_generate_assignment_agrees(tmp_path):
    """nbgrader's own command, run on our solutions, gives the cells of our exercises."""
    # nbgrader calls `alembic` to set up its database: make this environment's commands findable.
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    folder = tmp_path / "source" / "all_sets"  # one nbgrader assignment holding every set: one run
    folder.mkdir(parents=True)
    for source in SOURCES:
        shutil.copy(source, folder / source.name)
    config = (
        f"c = get_config()\nc.CourseDirectory.root = {str(tmp_path)!r}\n"
        "c.ClearSolutions.code_stub = {'python': '# YOUR CODE HERE'}\n"
        "c.ClearSolutions.text_stub = 'YOUR ANSWER HERE'\n"
    )
    (tmp_path / "nbgrader_config.py").write_text(config)
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "all_sets", "--force"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    for source in SOURCES:
        released = nbgrader_cells(tmp_path / "release" / "all_sets" / source.name)
        ours = nbgrader_cells(EXERCISES / source.name)
        assert [(c.cell_type, c.source) for c in released] == [(c.cell_type, c.source) for c in ours], source.name
