"""The built wheel works outside the repository: it carries every table (and no answer key), a venv outside
the clone loads every table from it, and lesson 00 runs from a temporary folder.

Slow-ish (builds a wheel, starts a kernel); never timed. The new venv takes the module's dependencies from
the test environment (a .pth line) but the module itself only from the wheel.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python of a venv outside the repository with the wheel installed, the wheel, a work folder)."""
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(base / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next((base / "dist").glob("alliancelab-*.whl"))
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    work = base / "work"
    work.mkdir()
    return python, wheel, work


def run(python, work, code):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["ALLIANCELAB_CACHE_DIR"] = str(work / "cache")  # validate every table afresh
    return subprocess.run([python, "-c", code], cwd=work, env=env, capture_output=True, text=True, check=True).stdout


def test_the_wheel_carries_the_tables_and_no_answer_key(installed):
    names = zipfile.ZipFile(installed[1]).namelist()
    tables = {Path(n).name for n in names if n.startswith("alliancelab/tables/")}
    assert {p.name for p in (ROOT / "data").glob("*.csv")} | {"datapackage.json"} <= tables
    assert not [n for n in names if "quizzes" in n or "solutions" in n or n.startswith(("data/", "instructors/"))]


def test_every_table_loads_from_the_installed_wheel(installed):
    python, _, work = installed
    out = run(python, work, "import alliancelab, alliancelab.data as d\n"
                            "print(alliancelab.__file__)\n"
                            "print(' '.join(f'{t}={len(d.load(t))}' for t in d.tables()))")
    where, counts = out.splitlines()
    assert Path(where).is_relative_to(work.parent / "venv") and not Path(where).is_relative_to(ROOT)
    loaded = dict(pair.split("=") for pair in counts.split())
    assert set(loaded) == {p.stem for p in (ROOT / "data").glob("*.csv")}
    assert all(int(rows) > 0 for rows in loaded.values())


def test_lesson_00_runs_from_a_temporary_folder(installed):
    python, _, work = installed
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", work)
    out = run(python, work, "import nbformat\nfrom nbclient import NotebookClient\n"
                            "nb = nbformat.read('00_start_here.ipynb', as_version=4)\n"
                            "nb.cells.append(nbformat.v4.new_code_cell('import alliancelab; print(alliancelab.__file__)'))\n"
                            "NotebookClient(nb, kernel_name='python3', timeout=120).execute()\n"
                            "errors = [o for c in nb.cells for o in c.get('outputs', []) if o.output_type == 'error']\n"
                            "assert not errors, errors\n"
                            "print(nb.cells[-1].outputs[0].text)")
    assert Path(out.strip()).is_relative_to(work.parent / "venv")  # the kernel used the installed wheel
