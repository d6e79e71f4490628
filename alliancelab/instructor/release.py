"""The student tree: the class repository that Binder and nbgitpuller links point at.

    alliancelab release OUT [--repo OWNER/REPO] [--git]

It holds the lessons (``notebooks/``), the exercise sets (``exercises/``), the tables (``data/``), the module
itself (``alliancelab/``, ``pyproject.toml``, ``LICENSE``) so that ``pip install -e .`` works in it,
``environment.yml`` and ``postBuild`` (Binder: the core packages only), and a student README with the two
commands. Nothing from ``solutions/`` (model answers, hidden tests), ``instructors/`` (notes, quiz keys) or
``tests/``. ``--git`` commits the tree in a git repository in OUT, ready to push as the class repository.
Releasing again into OUT replaces everything but its ``.git``.
"""

import shutil
import subprocess
from pathlib import Path

from alliancelab import lessons
from alliancelab.errors import AllianceLabError
from alliancelab.instructor import links

ROOT = Path(__file__).resolve().parent.parent.parent
#: What the student tree holds, copied from the repository.
CONTENT = ("notebooks", "exercises", "data", "alliancelab", "pyproject.toml", "LICENSE", "environment.yml", "postBuild")
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints")
#: Marks a folder written by this command, so that a new release may replace it.
MARKER = ".alliancelab-release"


def release(out, repo: str | None = None, git: bool = False, root: Path = ROOT) -> list[Path]:
    """Write the student tree into ``out``; return the top-level paths written."""
    out = Path(out)
    if repo is not None:
        links.github_repo(repo)  # a clear error before anything is written
    _clear(out)
    written = []
    for name in CONTENT:
        source, target = Path(root) / name, out / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=SKIPPED)
        elif source.is_file():
            shutil.copy2(source, target)
        else:
            raise AllianceLabError(f"{source} is missing: release from a complete clone of the repository.")
        written.append(target)
    (out / "README.md").write_text(student_readme(repo), encoding="utf-8")
    (out / ".gitignore").write_text(".ipynb_checkpoints/\n__pycache__/\n*.egg-info/\n", encoding="utf-8")
    (out / MARKER).write_text("Written by `alliancelab release`; a new release replaces this folder.\n")
    written += [out / "README.md", out / ".gitignore"]
    if git:
        _commit(out)
    return written


def _clear(out: Path) -> None:
    """Make ``out`` an empty folder (keeping ``.git``), refusing one that is not an earlier release."""
    if out.exists() and not out.is_dir():
        raise AllianceLabError(f"{out} is a file; give a folder for the student tree.")
    if out.exists() and any(p.name != ".git" for p in out.iterdir()) and not (out / MARKER).exists():
        raise AllianceLabError(f"{out} is not empty and not an earlier release; give a new or empty folder.")
    out.mkdir(parents=True, exist_ok=True)
    for path in out.iterdir():
        if path.name != ".git":
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _commit(out: Path) -> None:
    """Commit the tree in a git repository in ``out`` (created on branch main if there is none)."""
    steps = [["git", "add", "-A"], ["git", "commit", "--quiet", "--allow-empty", "-m", "Student release"]]
    if not (out / ".git").exists():
        steps.insert(0, ["git", "init", "--quiet", "--initial-branch=main"])
    for step in steps:
        try:
            done = subprocess.run(step, cwd=out, capture_output=True, text=True)
        except FileNotFoundError:
            raise AllianceLabError("git is not installed; release without --git, or install git.") from None
        if done.returncode:
            message = (done.stderr or done.stdout).strip().splitlines()
            raise AllianceLabError(f"`{' '.join(step)}` failed in {out}: {message[-1] if message else 'no message'}")


def student_readme(repo: str | None = None) -> str:
    """The student tree's README: what it is, the two commands, the lessons, and the Binder link if known."""
    binder = ""
    if repo is not None:
        binder = (
            f"\n**No installation:** {links.binder_badge(repo)} opens the lessons on Binder "
            "(a temporary session: download the notebooks you change).\n"
        )
    return f"""# Alliance Politics Lab

A Jupyter teaching module on alliance politics, taught through the Japan-US alliance in the second Trump term:
lessons with sourced data, timelines and interactive widgets (`notebooks/`), and an exercise set for each
lesson with self-checks (`exercises/`). The tables behind every figure are in `data/`, each row with its source.
{binder}
## Two commands

You need Python 3.11 or newer. In this folder (ideally in a virtual environment or conda environment):

```bash
python -m pip install -e .                  # once: the module and the packages it needs
jupyter lab notebooks/00_start_here.ipynb   # open the first lesson
```

With conda instead: `conda env create -f environment.yml`, `conda activate alliancelab`, then the two commands.

## Lessons

{lessons.lesson_table()}

## Exercises

`exercises/NN_slug.ipynb` goes with lesson NN. Replace each `answer_k = None` with your answer and run the check
cell below it: `check("NN.k", answer_k)` says *correct*, *not yet* with a hint, or *not answered yet*.
"""
