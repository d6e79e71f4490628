"""The gradebook report: per-task numbers, common wrong answers, the Markdown page, the figure, bad input."""

import pytest

from alliancelab.cli import main
from alliancelab.errors import AllianceLabError
from alliancelab.instructor.gradebook import COLUMNS
from alliancelab.instructor.report import mean_scores_chart, report, summarise

HEADER = ",".join(COLUMNS)
ROWS = """\
a.ipynb,00.1,1,1,correct,54,✓ Correct
a.ipynb,00.2,0,2,incorrect,['trade'],Not right yet. Answer given: ['nothing'].
a.ipynb,00.3,0,1,error,,Your answer cell stopped with RuntimeError: oops
a.ipynb,00.6,2.5,3,manual,,Written answer (120 words): mark by hand.
b.ipynb,00.1,0,1,incorrect,51,Not right yet.
b.ipynb,00.2,0,2,incorrect,['trade'],Not right yet.
b.ipynb,00.3,1,1,correct,2025,✓ Correct
b.ipynb,00.6,,3,manual,,Written answer (80 words): mark by hand.
c.ipynb,00.1,0,1,unanswered,,Not answered yet.
c.ipynb,00.2,0,2,incorrect,"['trade', 'security']",Not right yet.
c.ipynb,00.3,1,1,correct,2025,✓ Correct
c.ipynb,00.6,,3,manual,,Written answer (140 words): mark by hand.
d.ipynb,00.2,0,2,incorrect,'a|b',Not right yet.
e.ipynb,00.2,2,2,correct,"['trade', 'security', 'domestic']",✓ Correct
bad.ipynb,,0,0,invalid,,Not a readable notebook (JSONDecodeError).
"""


@pytest.fixture
def gradebook(tmp_path):
    path = tmp_path / "gradebook.csv"
    path.write_text(HEADER + "\n" + ROWS, encoding="utf-8")
    return path


def test_summary_numbers_per_task(gradebook):
    summary = summarise(gradebook)
    assert list(summary.index) == ["00.1", "00.2", "00.3", "00.6"]
    assert summary.loc["00.1", "submissions"] == 3
    assert summary.loc["00.1", "mean_points"] == pytest.approx(1 / 3)
    assert summary.loc["00.2", "mean_points"] == pytest.approx(2 / 5)
    assert summary.loc["00.2", "max_points"] == 2
    assert summary.loc["00.2", "mean_share"] == pytest.approx(20)
    counts = summary.loc["00.2", ["correct", "incorrect", "unanswered", "error", "timeout", "manual"]].tolist()
    assert counts == [1, 4, 0, 0, 0, 0]
    assert summary.loc["00.3", ["correct", "error"]].tolist() == [2, 1]


def test_written_answers_count_only_once_marked(gradebook):
    row = summarise(gradebook).loc["00.6"]
    assert (row["submissions"], row["marked"], row["manual"]) == (3, 1, 3)
    assert row["mean_points"] == 2.5 and row["mean_share"] == pytest.approx(250 / 3)


def test_most_common_wrong_answers(gradebook):
    """Read from the answer column (the feedback text of a.ipynb's 00.2 names another answer and is ignored)."""
    summary = summarise(gradebook)
    assert summary.loc["00.2", "wrong_answers"] == [("['trade']", 2), ("['trade', 'security']", 1), ("'a|b'", 1)]
    assert summary.loc["00.1", "wrong_answers"] == [("51", 1)]
    assert summary.loc["00.3", "wrong_answers"] == []  # an error row without an answer recorded


def test_only_the_top_three_wrong_answers_are_kept(tmp_path):
    path = tmp_path / "g.csv"
    answers = ["1", "2", "2", "3", "3", "3", "4", "4", "4", "4"]
    path.write_text(
        HEADER + "\n" + "".join(f"s{i}.ipynb,01.1,0,1,incorrect,{a},No.\n" for i, a in enumerate(answers)),
        encoding="utf-8",
    )
    assert summarise(path).loc["01.1", "wrong_answers"] == [("4", 4), ("3", 3), ("2", 2)]


def test_a_regraded_submission_counts_once_with_its_latest_row(gradebook):
    with gradebook.open("a", encoding="utf-8") as handle:
        handle.write("b.ipynb,00.1,1,1,correct,54,✓ Correct\n")
    row = summarise(gradebook).loc["00.1"]
    assert row["submissions"] == 3 and row["mean_points"] == pytest.approx(2 / 3)
    assert row["wrong_answers"] == []


def test_tasks_sort_by_number(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(HEADER + "\n" + "".join(f"s.ipynb,01.{n},1,1,correct,1,ok\n" for n in (10, 2, 1)), encoding="utf-8")
    assert list(summarise(path).index) == ["01.1", "01.2", "01.10"]


def test_markdown_report(gradebook, tmp_path):
    out = tmp_path / "report"
    path = report(gradebook, out)
    assert path == out / "report.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Gradebook summary: gradebook.csv")
    assert "5 submissions graded on 4 tasks." in text
    assert "bad.ipynb (invalid)" in text
    next_class = text.split("## What to address next class")[1].split("![")[0]
    assert next_class.index("**Task 00.2**") < next_class.index("**Task 00.1**") < next_class.index("**Task 00.3**")
    assert "**Task 00.6**" not in next_class  # 83%: only the three lowest are listed
    assert "Most common wrong answer: `['trade']` (2 submissions)." in next_class
    assert "| 00.2 | 5 | 0.4 | 2 | 20% | 1 | 4 | 0 | 0 | 0 | 0 |" in text
    assert "| 00.6 | 3 | 2.5 (1 of 3 marked) | 3 | 83% |" in text
    assert "| `['trade']` | 2 |" in text and "| `'a\\|b'` | 1 |" in text


def test_figure_and_its_alt_text(gradebook, tmp_path):
    text = report(gradebook, tmp_path).read_text(encoding="utf-8")
    png = (tmp_path / "mean_scores.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    chart = mean_scores_chart(summarise(gradebook), "gradebook.csv", 5)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Mean share of points per task"
    assert axes.get_xlabel() == "Mean share of the task's points (%)" and axes.get_ylabel() == "Task"
    assert len(axes.patches) == 4
    assert sorted(round(p.get_width()) for p in axes.patches) == [20, 33, 67, 83]
    assert "Lowest: task 00.2 (20%)" in chart.alt and "highest: task 00.6 (83%)" in chart.alt
    assert chart.caption.startswith("Figure:") and "gradebook.csv" in chart.caption
    alt = chart.alt.replace("[", "(").replace("]", ")")
    assert f"![{alt}](mean_scores.png)" in text


def test_unmarked_written_task_is_left_out_of_the_figure(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(
        HEADER + "\na.ipynb,00.1,1,1,correct,1,ok\na.ipynb,00.6,,3,manual,,mark by hand\n", encoding="utf-8"
    )
    chart = mean_scores_chart(summarise(path), "g.csv", 1)
    assert len(chart.figure.axes[0].patches) == 1
    assert "Not shown (not marked yet): 00.6." in chart.alt
    assert "nothing stands out" in report(path, tmp_path / "r").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "is empty"),
        (HEADER + "\n", "has a header but no rows"),
        (
            "name,score\nx,1\n",
            "expected the columns submission,task,points,max_points,status,answer,feedback, found name,score",
        ),
        (HEADER + "\na.ipynb,00.1,lots,1,correct,1,ok\n", "points must be a number, found 'lots' (line 2)"),
        (HEADER + "\na.ipynb,00.1,1,,correct,1,ok\n", "max_points must be a number, found '' (line 2)"),
    ],
)
def test_bad_gradebooks_are_refused_with_the_reason(tmp_path, content, message):
    path = tmp_path / "gradebook.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AllianceLabError) as err:
        summarise(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_missing_gradebook_and_bad_out_folder(gradebook, tmp_path):
    with pytest.raises(AllianceLabError, match="No gradebook at .*nowhere.csv"):
        report(tmp_path / "nowhere.csv", tmp_path / "r")
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(AllianceLabError, match="is a file: give a folder"):
        report(gradebook, blocker)


def test_report_command(gradebook, tmp_path, capsys):
    assert main(["report", str(gradebook), "--out", str(tmp_path / "r")]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {tmp_path / 'r' / 'report.md'}"
    assert (tmp_path / "r" / "mean_scores.png").exists()


def test_report_command_errors_go_through_the_parser(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(tmp_path / "nowhere.csv"), "--out", str(tmp_path / "r")])
    assert exit_info.value.code == 2
    assert "No gradebook at" in capsys.readouterr().err
