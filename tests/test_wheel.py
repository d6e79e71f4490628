"""The built wheel works outside the repository: it carries every table (and no answer key), a venv outside
the clone loads every table from it, and lesson 00 runs from a temporary folder.

Slow-ish (builds a wheel, starts a kernel); never timed.
"""

import shutil
import zipfile
from pathlib import Path

import pytest
from install_support import build_wheel, execute_notebook, install_outside, run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python of a venv outside the repository with the wheel installed, the wheel, a work folder)."""
    base = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(ROOT, base)
    python = install_outside(wheel, base)
    work = base / "work"
    work.mkdir()
    return python, wheel, work


def test_the_wheel_carries_the_tables_and_no_answer_key(installed):
    names = zipfile.ZipFile(installed[1]).namelist()
    tables = {Path(n).name for n in names if n.startswith("alliancelab/tables/")}
    assert {p.name for p in (ROOT / "data").glob("*.csv")} | {"datapackage.json"} <= tables
    assert not [n for n in names if "quizzes" in n or "solutions" in n or n.startswith(("data/", "instructors/"))]


def test_every_table_loads_from_the_installed_wheel(installed):
    python, _, work = installed
    out = run(
        python,
        work,
        "import alliancelab, alliancelab.data as d\n"
        "print(alliancelab.__file__)\n"
        "print(' '.join(f'{t}={len(d.load(t))}' for t in d.tables()))",
    )
    where, counts = out.splitlines()
    assert Path(where).is_relative_to(python.parent.parent) and not Path(where).is_relative_to(ROOT)
    loaded = dict(pair.split("=") for pair in counts.split())
    assert set(loaded) == {p.stem for p in (ROOT / "data").glob("*.csv")}
    assert all(int(rows) > 0 for rows in loaded.values())


def test_lesson_00_runs_from_a_temporary_folder(installed):
    python, _, work = installed
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", work)
    where = execute_notebook(python, work / "00_start_here.ipynb")
    assert Path(where).is_relative_to(python.parent.parent)  # the kernel used the installed wheel
