"""environment.yml (conda/Binder) and pyproject.toml (pip) ask for the same packages."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def normalise(requirement: str) -> str:
    name, spec = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", requirement.strip()).groups()
    return re.sub(r"[-_.]+", "-", name).lower() + spec.replace(" ", "")


def test_conda_and_pip_requirements_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip = {normalise(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    conda_env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {normalise(d) for d in conda_env["dependencies"] if isinstance(d, str)}
    conda -= {normalise("pip")} | {d for d in conda if d.startswith("python>=") or d == "python"}
    assert pip == conda


def test_required_packages_are_listed():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {re.split(r"[<>=!~ ]", r)[0] for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    assert {"jupyterlab", "ipywidgets", "matplotlib", "nbval", "pandas", "pytest"} <= names


def test_python_version_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    conda_env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert project["requires-python"] == ">=3.11"
    assert "python>=3.11" in conda_env["dependencies"]
