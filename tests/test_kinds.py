"""The kinds of task each exercise set asks for: recorded in the source, and more open from set to set."""

import nbformat
import pytest

from alliancelab.errors import AllianceLabError
from alliancelab.instructor import kinds
from alliancelab.instructor.generate import SOLUTIONS

SOURCES = sorted(SOLUTIONS.glob("*.ipynb"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_graded_task_has_a_kind_and_only_written_answers_argue(source):
    graded = kinds.graded_tasks(source)
    assert len(graded) >= 4 and set(graded["kind"]) <= set(kinds.KINDS)
    assert (graded["written"] == (graded["kind"] == "argue")).all(), graded[["grade_id", "kind", "written"]]


def test_a_graded_cell_without_a_kind_is_named(tmp_path):
    notebook = nbformat.read(SOURCES[0], as_version=4)
    graded = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade"))
    del graded.metadata["alliancelab"]
    nbformat.write(notebook, tmp_path / SOURCES[0].name)
    with pytest.raises(AllianceLabError, match=graded.metadata.nbgrader.grade_id):
        kinds.table(tmp_path)


def test_the_written_share_of_points_never_falls_from_one_set_to_the_next():
    shares = kinds.table(SOLUTIONS)["written %"]
    assert list(shares.index) == sorted(shares.index) and len(shares) == len(SOURCES)
    assert shares.is_monotonic_increasing, shares.to_dict()
    assert shares.iloc[-1] > shares.iloc[0]


def test_every_set_has_a_task_that_needs_reading_a_figure():
    summary = kinds.table(SOLUTIONS)
    assert (summary["figure tasks"] >= 1).all(), summary["figure tasks"].to_dict()


def test_the_table_adds_up():
    summary = kinds.table(SOLUTIONS)
    points = summary[[f"{k} points" for k in kinds.KINDS]].sum(axis=1)
    assert (points == summary["points"]).all()
    assert "| 02 |" in kinds.markdown(summary)
