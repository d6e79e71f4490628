"""Summarise a gradebook for the instructor: how each task went, common wrong answers, what to revisit.

Reads the CSV written by ``alliancelab grade`` (``submission,task,points,max_points,status,answer,feedback``).
:func:`summarise` gives one row per task; :func:`report` writes ``report.md`` and ``mean_scores.png``.
Rows for files that could not be read (no task) are listed, not averaged. Because grading appends
rows, a submission graded twice has two rows per task: the latest one counts. Written answers
(status ``manual``) enter the means only once their points have been filled in by hand.

Usage: ``alliancelab report gradebook.csv --out report/``.
"""

from collections import Counter
from pathlib import Path

import pandas as pd
from matplotlib.patches import Patch

from alliancelab.errors import AllianceLabError
from alliancelab.instructor.gradebook import COLUMNS, TASK_STATUSES
from alliancelab.plotting.style import OKABE_ITO, Chart, new_figure

STATUSES = tuple(TASK_STATUSES)
TOP_ANSWERS = 3
NEXT_CLASS = 3  # tasks listed under "what to address next class"


def summarise(gradebook_path) -> pd.DataFrame:
    """One row per task: submissions, marked (rows with points), mean points, max points, mean share (%),
    counts by status and wrong answers.

    ``wrong_answers`` holds up to three ``(answer, count)`` pairs, most common first, from the ``answer``
    column of incorrect rows.
    """
    return _summarise(_read(gradebook_path))


def report(gradebook_path, out_dir) -> Path:
    """Write ``report.md`` and ``mean_scores.png`` to ``out_dir``; return the path of ``report.md``."""
    path = Path(gradebook_path)
    rows = _read(path)
    summary = _summarise(rows)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise AllianceLabError(f"{out_dir} is a file: give a folder for the report (--out DIR).")
    out_dir.mkdir(parents=True, exist_ok=True)
    readable = rows.loc[rows["task"] != "", "submission"].nunique()
    chart = mean_scores_chart(summary, path.name, readable)
    (out_dir / "mean_scores.png").write_bytes(chart.png())
    target = out_dir / "report.md"
    target.write_text(_markdown(path.name, rows, readable, summary, chart), encoding="utf-8")
    return target


def mean_scores_chart(summary: pd.DataFrame, source: str, submissions: int) -> Chart:
    """Horizontal bars: the mean share of points per task; the tasks to address next are highlighted."""
    scored = summary.dropna(subset=["mean_share"])
    flagged = set(_next_class(summary).index)
    figure, axes = new_figure(
        "Mean share of points per task",
        "Mean share of the task's points (%)",
        "Task",
        size=(8, 1.6 + 0.45 * max(len(scored), 1)),
    )
    colours = {True: OKABE_ITO["vermillion"], False: OKABE_ITO["blue"]}  # flagged tasks are also hatched
    for task, row in scored.iloc[::-1].iterrows():  # first task at the top
        colour = colours[task in flagged]
        axes.barh(
            task,
            row["mean_share"],
            color=colour,
            hatch="//" if task in flagged else None,
            edgecolor="white" if task in flagged else colour,
        )
        axes.annotate(
            f"{row['mean_share']:.0f}%",
            (row["mean_share"], task),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    axes.set_xlim(0, 110)
    axes.set_xticks(range(0, 101, 20))
    if scored.empty:
        axes.text(50, 0.5, "No task has points yet", ha="center", va="center", transform=axes.transData)
        axes.set_yticks([])
    elif flagged:
        figure.legend(
            handles=[
                Patch(facecolor=colours[True], hatch="//", edgecolor="white", label="to address next class (hatched)"),
                Patch(facecolor=colours[False], label="other tasks"),
            ],
            loc="outside lower center",
            ncols=2,
            fontsize=9,
            frameon=False,
        )
    return Chart(
        figure,
        _alt(scored, summary, flagged),
        f"Figure: mean share of points per task over {submissions} graded submissions, from the gradebook {source}.",
    )


def _alt(scored, summary, flagged) -> str:
    if scored.empty:
        return "Bar chart of the mean share of points per task: no task has points yet."
    low, high = scored["mean_share"].idxmin(), scored["mean_share"].idxmax()
    text = f"Horizontal bar chart of the mean share of points for {len(scored)} task{'s' * (len(scored) != 1)}. "
    if scored["mean_share"].nunique() == 1:
        text += f"Every task shown has the same mean share: {scored.loc[low, 'mean_share']:.0f}%."
    else:
        text += (
            f"Lowest: task {low} ({scored.loc[low, 'mean_share']:.0f}%); "
            f"highest: task {high} ({scored.loc[high, 'mean_share']:.0f}%)."
        )
    if flagged:
        text += f" Highlighted to address next class: {', '.join(sorted(flagged, key=_task_key))}."
    unscored = [t for t in summary.index if t not in scored.index]
    if unscored:
        text += f" Not shown (not marked yet): {', '.join(unscored)}."
    return text


def _read(path) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise AllianceLabError(f"No gradebook at {path}: give the CSV written by `alliancelab grade`.")
    try:
        rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise AllianceLabError(f"{path} is empty: it is not a gradebook.") from None
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as err:
        raise AllianceLabError(f"{path} is not a gradebook: it cannot be read as CSV ({type(err).__name__}).") from None
    if list(rows.columns) != COLUMNS:
        raise AllianceLabError(
            f"{path} is not a gradebook: expected the columns {','.join(COLUMNS)}, "
            f"found {','.join(map(str, rows.columns))}."
        )
    if rows.empty:
        raise AllianceLabError(f"{path} has a header but no rows: grade some submissions first.")
    for column, blank_allowed in (("points", True), ("max_points", False)):  # points are blank until marked
        numbers = pd.to_numeric(rows[column].where(rows[column] != ""), errors="coerce")
        bad = rows[column][numbers.isna() & ((rows[column] != "") | (not blank_allowed))]
        if len(bad):
            raise AllianceLabError(
                f"{path}: {column} must be a number, found {bad.iloc[0]!r} (line {bad.index[0] + 2})."
            )
        rows[column] = numbers
    return rows.drop_duplicates(["submission", "task"], keep="last")


def _summarise(rows: pd.DataFrame) -> pd.DataFrame:
    tasks = rows[rows["task"] != ""]
    records = []
    for task in sorted(tasks["task"].unique(), key=_task_key):
        mine = tasks[tasks["task"] == task]
        mean, top = mine["points"].mean(), mine["max_points"].max()
        wrong = Counter(a for a in mine.loc[mine["status"] == "incorrect", "answer"] if a)
        counts = mine["status"].value_counts()
        records.append(
            {
                "task": task,
                "submissions": len(mine),
                "marked": int(mine["points"].notna().sum()),
                "mean_points": mean,
                "max_points": top,
                "mean_share": 100 * mean / top if top > 0 else float("nan"),
                **{s: int(counts.get(s, 0)) for s in STATUSES},
                "wrong_answers": wrong.most_common(TOP_ANSWERS),
            }
        )
    columns = ["task", "submissions", "marked", "mean_points", "max_points", "mean_share", *STATUSES, "wrong_answers"]
    return pd.DataFrame.from_records(records, columns=columns).set_index("task")


def _task_key(task: str):
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in task.split(".")]


def _next_class(summary: pd.DataFrame) -> pd.DataFrame:
    """The tasks with the lowest mean share (below 100%), lowest first."""
    scored = summary[summary["mean_share"] < 100]
    return scored.sort_values("mean_share", kind="stable").head(NEXT_CLASS)


def _code(text: str, table: bool = False) -> str:
    """Inline code for Markdown; in a table cell a "|" is escaped."""
    code = f"`` {text} ``" if "`" in text else f"`{text}`"
    return code.replace("|", "\\|") if table else code


def _number(value, digits=1) -> str:
    return "–" if pd.isna(value) else f"{value:.{digits}f}".rstrip("0").rstrip(".")


def _statuses(row) -> str:
    return ", ".join(f"{row[s]} {s}" for s in STATUSES if row[s])


def _markdown(source: str, rows: pd.DataFrame, readable: int, summary: pd.DataFrame, chart: Chart) -> str:
    unreadable = rows[rows["task"] == ""]
    lines = [
        f"# Gradebook summary: {source}",
        "",
        f"{readable} submission{'s' * (readable != 1)} graded on {len(summary)} task{'s' * (len(summary) != 1)}.",
    ]
    if len(unreadable):
        listed = ", ".join(f"{r.submission} ({r.status})" for r in unreadable.itertuples())
        lines += ["", f"**Could not be read ({len(unreadable)}):** {listed}. They are not in the means below."]
    lines += [
        "",
        "Means are over the submissions with a row for the task; written answers (`manual`) count "
        "once their points are filled in by hand.",
        "",
        "## What to address next class",
        "",
    ]
    upcoming = _next_class(summary)
    for number, (task, row) in enumerate(upcoming.iterrows(), start=1):
        item = f"{number}. **Task {task}**: mean {row['mean_share']:.0f}% of the points ({_statuses(row)})."
        if row["wrong_answers"]:
            answer, count = row["wrong_answers"][0]
            item += f" Most common wrong answer: {_code(answer)} ({count} submission{'s' * (count != 1)})."
        lines.append(item)
    if upcoming.empty:
        lines.append(
            "No task has points yet."
            if summary["mean_share"].isna().all()
            else "Every scored task has full marks on average: nothing stands out."
        )
    alt = chart.alt.replace("[", "(").replace("]", ")")
    lines += [
        "",
        f"![{alt}](mean_scores.png)",
        "",
        f"*{chart.caption}*",
        "",
        "## Tasks",
        "",
        "| Task | Submissions | Mean points | Max points | Mean share | " + " | ".join(STATUSES) + " |",
        "|---|" + "---:|" * (4 + len(STATUSES)),
    ]
    for task, row in summary.iterrows():
        share = "–" if pd.isna(row["mean_share"]) else f"{row['mean_share']:.0f}%"
        mean = _number(row["mean_points"], 2)
        if row["marked"] < row["submissions"]:
            mean += f" ({row['marked']} of {row['submissions']} marked)"
        lines.append(
            f"| {task} | {row['submissions']} | {mean} | "
            f"{_number(row['max_points'])} | {share} | " + " | ".join(str(row[s]) for s in STATUSES) + " |"
        )
    lines += ["", "## Common wrong answers", ""]
    with_answers = summary[summary["wrong_answers"].map(bool)]
    for task, row in with_answers.iterrows():
        lines += [f"**Task {task}**", "", "| Answer given | Submissions |", "|---|---:|"]
        lines += [f"| {_code(answer, table=True)} | {count} |" for answer, count in row["wrong_answers"]]
        lines.append("")
    if with_answers.empty:
        lines += ["No answers were recorded for incorrect tasks.", ""]
    return "\n".join(lines)
