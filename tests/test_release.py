"""alliancelab release: the student tree holds no solution line, hidden test or quiz key, its README has the
two commands, it can be committed as a git repository, and its notebooks need the core packages only (the
student tree installed from its own wheel, the instructor and test packages unimportable: every notebook's
imports, and a lesson and an exercise run in full; nbval runs every notebook in full elsewhere)."""

import json
import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from install_support import build_wheel, execute_notebook, install_outside, run

from alliancelab.cli import main
from alliancelab.errors import AllianceLabError
from alliancelab.instructor import release

ROOT = Path(__file__).resolve().parent.parent
REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)
#: Packages a student's environment does not have: importing one in the tree's notebooks fails the test.
TOOLS = ("nbgrader", "voila", "nbval", "pytest", "playwright", "hypothesis")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("release") / "class"
    env = dict(
        GIT_AUTHOR_NAME="Instructor",
        GIT_AUTHOR_EMAIL="i@example.edu",
        GIT_COMMITTER_NAME="Instructor",
        GIT_COMMITTER_EMAIL="i@example.edu",
    )
    old = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        assert main(["release", str(folder), "--repo", "myuni/alliance-lab-class", "--git"]) == 0
    finally:
        for key, value in old.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)
    return folder


def lines_of(path: Path) -> set[str]:
    """The stripped lines of a text file; for a notebook, of its cells' sources."""
    if path.suffix == ".ipynb":
        text = "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    else:
        text = path.read_text(encoding="utf-8", errors="ignore")
    return {line.strip() for line in text.splitlines()}


def secret_lines() -> set[str]:
    """Lines of solution regions and hidden tests that do not also appear in a lesson."""
    found = set()
    for path in (ROOT / "solutions").glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            for _, region in REGION.findall(cell.source + "\n"):
                found |= {line.strip() for line in region.splitlines() if len(line.strip()) > 3}
    public = set().union(*(lines_of(p) for p in (ROOT / "notebooks").glob("*.ipynb")))
    return found - public


def text_files(folder: Path):
    return [p for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts and p.suffix not in (".pyc",)]


def test_the_tree_has_the_student_parts_and_nothing_else(out):
    top = {p.name for p in out.iterdir()}
    assert {
        "notebooks",
        "exercises",
        "data",
        "alliancelab",
        "pyproject.toml",
        "environment.yml",
        "postBuild",
        "README.md",
    } <= top
    assert not top & {"solutions", "instructors", "tests", "benchmarks", "Makefile"}
    assert sorted(p.name for p in (out / "exercises").glob("*.ipynb")) == sorted(
        p.name for p in (ROOT / "solutions").glob("*.ipynb")
    )


def test_no_solution_or_hidden_test_line_in_the_tree(out):
    """Every file but the package's own code: the self-checks in alliancelab/checks run in the student's kernel,
    so they ship, and some compute the expected value with the same line as the model solution."""
    secrets = secret_lines()
    assert len(secrets) > 50  # the check has something to find
    content = [
        p
        for p in text_files(out)
        if p.suffix in (".ipynb", ".py", ".md", ".txt", ".csv", ".json")
        and "alliancelab" not in p.relative_to(out).parts
    ]
    leaks = {str(p.relative_to(out)): lines_of(p) & secrets for p in content}
    assert not {k: v for k, v in leaks.items() if v}


def test_no_quiz_or_answer_key_in_the_tree(out):
    assert not [p for p in out.rglob("*") if "quizzes" in p.parts]
    questions = [
        q
        for path in (ROOT / "instructors" / "quizzes").glob("*.json")
        for q in json.loads(path.read_text(encoding="utf-8"))["questions"]
    ]
    public = "\n".join(
        p.read_text(encoding="utf-8") for p in [*(ROOT / "notebooks").glob("*.ipynb"), *(ROOT / "data").glob("*.csv")]
    )
    keys = [q["id"] for q in questions] + [q["explanation"] for q in questions if q["explanation"] not in public]
    assert len(keys) > len(questions)
    everything = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in text_files(out))
    assert not [key for key in keys if key in everything]


def test_the_readme_has_the_two_commands_and_the_class_binder_link(out):
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "python -m pip install -e ." in readme and "jupyter lab notebooks/00_start_here.ipynb" in readme
    assert "mybinder.org/v2/gh/myuni/alliance-lab-class/main" in readme
    assert "solutions" not in readme


def test_binder_gets_the_core_packages_only(out):
    environment = (out / "environment.yml").read_text(encoding="utf-8")
    assert not [tool for tool in TOOLS if f"- {tool}" in environment]


def test_the_tree_is_committed_and_can_be_released_again(out):
    log = subprocess.run(["git", "log", "--oneline"], cwd=out, capture_output=True, text=True, check=True).stdout
    assert "Student release" in log
    status = subprocess.run(["git", "status", "--porcelain"], cwd=out, capture_output=True, text=True).stdout
    assert status == ""
    release.release(out)  # an earlier release may be replaced
    assert (out / ".git").is_dir()


def test_a_folder_that_is_not_a_release_is_refused(tmp_path):
    (tmp_path / "thesis.tex").write_text("mine")
    with pytest.raises(AllianceLabError, match="not empty and not an earlier release"):
        release.release(tmp_path)
    assert (tmp_path / "thesis.tex").read_text() == "mine"


@pytest.fixture(scope="module")
def student_python(out, tmp_path_factory):
    """The python of a venv with the student tree installed from its own wheel and no tool package."""
    base = tmp_path_factory.mktemp("student")
    return install_outside(build_wheel(out, base), base, blocked=TOOLS)


def test_every_import_in_the_notebooks_works_with_the_core_packages(out, student_python):
    """All notebooks' import lines, run where the instructor and test packages cannot be imported."""
    imports = set()
    for notebook in [*(out / "notebooks").glob("*.ipynb"), *(out / "exercises").glob("*.ipynb")]:
        for cell in nbformat.read(notebook, as_version=4).cells:
            if cell.cell_type == "code":
                imports |= {line for line in cell.source.splitlines() if line.startswith(("import ", "from "))}
    assert any("alliancelab.widgets" in line for line in imports)
    run(student_python, out / "notebooks", "\n".join(sorted(imports)))  # not in OUT: its alliancelab/ is source


@pytest.mark.parametrize("notebook", ["notebooks/00_start_here.ipynb", "exercises/00_start_here.ipynb"])
def test_a_lesson_and_an_exercise_run_with_the_core_packages(out, student_python, notebook):
    where = execute_notebook(student_python, out / notebook)
    assert Path(where).is_relative_to(student_python.parent.parent)
