"""Presentation mode (make present LESSON=NN): finding the lesson and the Voila command line."""

import os
import sys
from pathlib import Path

import pytest

from alliancelab.cli import main
from alliancelab.errors import AllianceLabError
from alliancelab.instructor import present
from alliancelab.lessons import LESSONS, NOTEBOOK_DIR


@pytest.mark.parametrize("given", ["02", "2", 2, "02_burden_sharing", "02_burden_sharing.ipynb"])
def test_lesson_by_number_or_name(given):
    assert present.lesson_notebook(given) == NOTEBOOK_DIR / "02_burden_sharing.ipynb"


@pytest.mark.parametrize(
    "given, message",
    [
        ("abc", "Give the lesson as its number"),
        ("", "Give the lesson as its number"),
        (True, "Give the lesson as its number"),
        ("02_trade", "not '02_trade'"),
        ("42", "There is no lesson 42"),
    ],
)
def test_bad_lesson_is_a_clear_error(given, message):
    with pytest.raises(AllianceLabError, match=message):
        present.lesson_notebook(given)


def test_lesson_in_preparation_is_a_clear_error(tmp_path):
    with pytest.raises(AllianceLabError, match="still in preparation"):
        present.lesson_notebook(LESSONS[-1].number, notebook_dir=tmp_path)


def test_voila_command_hides_code_and_tracebacks():
    path = NOTEBOOK_DIR / "02_burden_sharing.ipynb"
    assert present.voila_command(path, port=8900, open_browser=False) == [
        sys.executable,
        "-m",
        "voila",
        str(path),
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--template=alliancelab",
        "--Voila.port=8900",
        "--no-browser",
    ]


def test_voila_finds_the_module_template():
    env = present.voila_env({"JUPYTER_PATH": "/elsewhere"})
    root = env["JUPYTER_PATH"].split(os.pathsep)[0]
    assert env["JUPYTER_PATH"].endswith("/elsewhere")
    template = Path(root) / "voila" / "templates" / present.TEMPLATE
    assert (template / "conf.json").is_file()
    assert "alt=" in (template / "index.html.j2").read_text(encoding="utf-8")


@pytest.mark.parametrize("port", [0, 70000])
def test_bad_port(port):
    with pytest.raises(AllianceLabError, match="port must be between 1 and 65535"):
        present.voila_command(NOTEBOOK_DIR / "02_burden_sharing.ipynb", port=port)


def test_the_command_without_a_lesson_says_how(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["present"])
    assert exit_info.value.code == 2
    assert "make present LESSON=02" in capsys.readouterr().err
