"""Install the module from a wheel into a venv outside the repository (for test_wheel and test_release).

The venv takes the module's dependencies from the test environment (one .pth line) but the module itself only
from the wheel; packages in ``blocked`` cannot be imported in it, so code that needs them fails there.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

#: What a wheel is built from.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "alliancelab", "data")


def build_wheel(source: Path, base: Path) -> Path:
    """Build the wheel of the project in ``source`` in a copy under ``base`` (no build/ left in ``source``)."""
    copy = base / "src"
    copy.mkdir()
    for name in SOURCES:
        if (source / name).is_dir():
            shutil.copytree(source / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source / name, copy / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(base / "dist"), str(copy)],
        check=True,
        capture_output=True,
    )
    return next((base / "dist").glob("alliancelab-*.whl"))


def install_outside(wheel: Path, base: Path, blocked=()) -> Path:
    """The python of a new venv under ``base`` with ``wheel`` installed and ``blocked`` packages unimportable."""
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    lines = [sysconfig.get_path("purelib")]
    if blocked:
        lines.append(f"import sys; sys.modules.update(dict.fromkeys({sorted(blocked)!r}))")
    (site / "test_dependencies.pth").write_text("\n".join(lines) + "\n")
    return python


def run(python: Path, work: Path, code: str) -> str:
    """Run ``code`` with ``python`` in ``work`` (tables validated afresh); its standard output."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["ALLIANCELAB_CACHE_DIR"] = str(work / "cache")
    return subprocess.run([python, "-c", code], cwd=work, env=env, capture_output=True, text=True, check=True).stdout


def execute_notebook(python: Path, notebook: Path) -> str:
    """Run ``notebook`` in a fresh kernel of ``python``, in its folder; fail on any error; print where the
    kernel imported alliancelab from (returned)."""
    return run(
        python,
        notebook.parent,
        "import nbformat\nfrom nbclient import NotebookClient\n"
        f"nb = nbformat.read({str(notebook)!r}, as_version=4)\n"
        "nb.cells.append(nbformat.v4.new_code_cell('import alliancelab; print(alliancelab.__file__)'))\n"
        "NotebookClient(nb, kernel_name='python3', timeout=120).execute()\n"
        "errors = [o for c in nb.cells for o in c.get('outputs', []) if o.output_type == 'error']\n"
        "assert not errors, errors\n"
        "print(nb.cells[-1].outputs[0].text.strip())",
    ).strip()
