"""The alliancelab command: every tool a subcommand, quiz export, and one line with exit code 2 for bad input."""

import subprocess
import sys

import pytest

from alliancelab.cli import main


def test_quiz_command_writes_gift(tmp_path):
    out = tmp_path / "q.gift"
    assert main(["quiz", "2", "--format", "gift", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("\n::q02-") == 8


def test_quiz_command_prints_markdown_with_answer_key(capsys):
    assert main(["quiz", "0"]) == 0
    assert "Answer key" in capsys.readouterr().out


def test_quiz_command_unknown_lesson_exits_with_the_choices(capsys):
    with pytest.raises(SystemExit):
        main(["quiz", "42"])
    assert "Choose one of: 0, 1, 2, 3, 4, 5" in capsys.readouterr().err


def test_generate_command_writes_the_exercises(tmp_path, capsys):
    assert main(["generate", "--exercises", str(tmp_path)]) == 0
    assert (tmp_path / "00_start_here.ipynb").exists()
    assert "wrote" in capsys.readouterr().out


def run_command(*args):
    """Run ``python -m alliancelab.cli ARGS`` in a fresh interpreter; (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "alliancelab.cli", *args], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def test_quiz_loads_no_grading_plotting_or_widget_package():
    code = (
        "import sys\nfrom alliancelab.cli import main\nmain(['quiz', '2'])\n"
        "print('LOADED', ' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = {name.split(".")[0] for name in out.split("LOADED", 1)[1].split()}
    assert not loaded & {"nbgrader", "matplotlib", "ipywidgets", "nbformat", "nbclient"}
    assert "Answer key" in out


@pytest.mark.parametrize(
    "args, says",
    [
        (["quiz", "42"], "Choose one of: 0, 1, 2"),
        (["quiz", "two"], "invalid int value"),
        (["quiz", "2", "--format", "pdf"], "Unknown quiz format 'pdf'"),
        (["report", "nowhere.csv", "--out", "r"], "No gradebook at"),
        (["links", "not-a-repo"], "OWNER/REPO"),
        (["present", "99"], "There is no lesson 99"),
        (["notebooks", "missing.ipynb"], "no such notebook: missing.ipynb"),
        (["generate", "--solutions", "nowhere"], "is not a folder"),
        (["release", "LICENSE"], "is a file"),
        (["nonsense"], "invalid choice"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_bad_input_gets_one_line_and_exit_code_2(args, says):
    code, out, err = run_command(*args)
    assert code == 2
    assert says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_every_tool_is_a_subcommand():
    code, out, _ = run_command("--help")
    assert code == 0
    for name in ("generate", "grade", "report", "quiz", "release", "site", "present", "links", "notebooks"):
        assert name in out
