"""The alliancelab command: quiz export and its errors (generate and grade have their own tests)."""

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
