"""The lesson registry matches the notebooks on disk and the README's lesson table."""

from pathlib import Path

from alliancelab.lessons import LESSONS, NOTEBOOK_DIR, lesson_table

ROOT = Path(__file__).resolve().parent.parent


def test_every_notebook_is_a_registered_lesson():
    registered = {lesson.filename for lesson in LESSONS}
    assert {p.name for p in NOTEBOOK_DIR.glob("*.ipynb")} <= registered


def test_lessons_are_numbered_in_order():
    assert [lesson.number for lesson in LESSONS] == list(range(len(LESSONS)))


def test_start_here_exists():
    assert LESSONS[0].available


def test_readme_lesson_table_is_current():
    assert lesson_table() in (ROOT / "README.md").read_text(encoding="utf-8")
