"""The conda environment files ask for the same packages as pyproject.toml: students' for the core,
instructors' for the core and the [instructor] and [test] extras. The [hub] extra (JupyterHub and
nbgitpuller, for the hub test) is installed by `make` only."""

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
ENVIRONMENTS = {"environment.yml": [], "environment-instructor.yml": ["instructor", "test"]}


def normalise(requirement: str) -> str:
    name, spec = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", requirement.strip()).groups()
    return re.sub(r"[-_.]+", "-", name).lower() + spec.replace(" ", "")


def conda_packages(filename: str) -> set[str]:
    dependencies = yaml.safe_load((ROOT / filename).read_text())["dependencies"]
    return {normalise(d) for d in dependencies if isinstance(d, str) and not re.fullmatch(r"python(>=.*)?|pip", d)}


@pytest.mark.parametrize("filename", ENVIRONMENTS)
def test_conda_and_pip_requirements_agree(filename):
    extras = PROJECT["optional-dependencies"]
    pip = PROJECT["dependencies"] + [r for extra in ENVIRONMENTS[filename] for r in extras[extra]]
    assert conda_packages(filename) == {normalise(r) for r in pip}


def names(requirements) -> set[str]:
    return {re.split(r"[<>=!~ ]", r)[0] for r in requirements}


def test_students_get_no_grading_presenting_or_test_tools():
    core = names(PROJECT["dependencies"])
    assert {"jupyterlab", "ipywidgets", "matplotlib", "pandas"} <= core
    assert not core & {"nbgrader", "voila", "playwright", "pytest", "nbval", "ruff"}
    assert {"nbgrader", "voila"} <= names(PROJECT["optional-dependencies"]["instructor"])


def test_the_hub_test_has_an_extra_of_its_own_that_the_makefile_installs():
    hub = names(PROJECT["optional-dependencies"]["hub"])
    assert {"jupyterhub", "nbgitpuller"} <= hub and not hub & names(PROJECT["dependencies"])
    assert "-e '.[instructor,test,hub]'" in (ROOT / "Makefile").read_text()


@pytest.mark.parametrize("filename", ENVIRONMENTS)
def test_python_version_agrees(filename):
    assert PROJECT["requires-python"] == ">=3.11"
    assert "python>=3.11" in yaml.safe_load((ROOT / filename).read_text())["dependencies"]
