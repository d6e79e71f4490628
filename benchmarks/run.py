"""Speed benchmarks of the module, in one run: widget updates (in the kernel and in JupyterLab), notebook runs,
import time, grading, the course website build, the test suite.

Run ``python benchmarks/run.py`` (or ``make bench``) from the repository root. It prints a table and writes
``benchmarks/results.json``. Options: ``--quick`` (fewer repeats, no test-suite run), ``--skip-browser``,
``--skip-tests``, ``--skip-notebooks``, ``--skip-grading``, ``--skip-site``, ``--only SECTION`` (e.g. ``--only site``:
the time to build the course website). This is a measurement, not a test: nothing here fails on a slow result.

Goals (see benchmarks/README.md): widget update median <= 50 ms and <= 1.5x a bare matplotlib redraw of a comparable
figure; each notebook <= 1.5x the floor (kernel start + imports) + 1 s; ``import alliancelab`` <= 1.2x its
dependencies alone; grading a submission in the sandbox <= 1.3x the notebook run alone; the test suite (without
browser tests) < 60 s on 2 cores.
"""

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
RESULTS = ROOT / "benchmarks" / "results.json"
PYTHON = sys.executable


def median_p95(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


# --- widget updates -----------------------------------------------------------------------------------------------


def count_artists(figure) -> int:
    return len(figure.findobj())


def bare_redraw(size, artists: int) -> float:
    """Seconds to build and render to PNG a plain Figure of ``size`` with about ``artists`` artists."""
    from matplotlib.figure import Figure

    start = time.perf_counter()
    figure = Figure(figsize=size)
    axes = figure.add_subplot()
    axes.set_title("Baseline")
    axes.set_xlabel("x")
    axes.set_ylabel("y")
    lines = max(1, artists - count_artists(figure))
    for k in range(lines):
        axes.plot([0, 1], [k, k + 1], color="#0072B2")
    figure.savefig(io.BytesIO(), format="png", dpi=100)
    return time.perf_counter() - start


def profile(explorer, repeats: int = 3) -> dict:
    """Where a redraw's time goes (median of ``repeats``): the model and figure (``draw``), the layers the widget
    renders and sends (``layers``: only what changed), and for comparison the whole figure as SVG and as PNG."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        chart, _status = explorer.draw()
        chart.reuse_layout(explorer.layouts[chart.shape()])
        t_draw = time.perf_counter() - start
        start = time.perf_counter()
        layers = explorer.layers.update(chart.figure)
        t_layers = time.perf_counter() - start
        start = time.perf_counter()
        svg = chart.svg()
        t_svg = time.perf_counter() - start
        start = time.perf_counter()
        png = chart.png()
        t_png = time.perf_counter() - start
        samples.append((t_draw, t_layers, t_svg, t_png))
    t_draw, t_layers, t_svg, t_png = (statistics.median(column) for column in zip(*samples))
    return {
        "draw_ms": 1000 * t_draw,
        "layers_ms": 1000 * t_layers,
        "svg_ms": 1000 * t_svg,
        "png_ms": 1000 * t_png,
        "layers_kb": [len(layer) / 1024 if layer else 0 for layer in layers],
        "svg_kb": len(svg.encode()) / 1024,
        "png_kb": len(png) / 1024,
    }


def bench_widgets(repeats: int) -> dict:
    import matplotlib
    from explorer_cases import all_explorer_classes, widget_cases

    matplotlib.use("Agg")
    results = {}
    cases = widget_cases()
    missing = sorted(all_explorer_classes() - set(cases))
    for name, (factory, change) in cases.items():
        try:
            explorer = factory()
            change(explorer, 1)  # warm-up: first draws load fonts and caches
            change(explorer, 0)
            samples = []
            for i in range(repeats):
                before = explorer.figure.value
                start = time.perf_counter()
                change(explorer, i + 1)
                elapsed = time.perf_counter() - start
                if explorer.figure.value == before:
                    raise RuntimeError(f"the change did not redraw (status: {explorer.status.value[:120]})")
                samples.append(elapsed)
            chart, _ = explorer.draw()
            size, artists = tuple(chart.figure.get_size_inches()), count_artists(chart.figure)
            base = [bare_redraw(size, artists) for _ in range(repeats)]
            med, p95 = median_p95(samples)
            base_med = statistics.median(base)
            results[name] = {
                "median_ms": 1000 * med,
                "p95_ms": 1000 * p95,
                "baseline_median_ms": 1000 * base_med,
                "ratio": med / base_med,
                "figure_size": size,
                "artists": artists,
                "profile": profile(explorer),
                "repeats": repeats,
            }
        except Exception as err:  # report, keep measuring the others
            results[name] = {"error": f"{type(err).__name__}: {err}"}
    return {"widgets": results, "not_measured": missing}


# --- notebooks ----------------------------------------------------------------------------------------------------


def run_notebook(path: Path, workdir: Path) -> float:
    """Seconds to execute a copy of ``path`` in a fresh kernel (nbclient, as alliancelab.instructor.notebooks does)."""
    import nbformat

    from alliancelab.instructor.notebooks import client

    copy = workdir / path.name
    shutil.copy(path, copy)
    notebook = nbformat.read(copy, as_version=4)
    start = time.perf_counter()
    client(notebook, workdir, timeout=300).execute()
    return time.perf_counter() - start


#: The floor of a notebook run: a fresh kernel importing the module and its two heaviest dependencies.
FLOOR = "import alliancelab\nimport matplotlib\nimport pandas"


def one_cell_notebook(path: Path, source: str) -> Path:
    """A notebook at ``path`` with one code cell, for the default Python kernel."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    notebook = new_notebook(cells=[new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(notebook, path)
    return path


def bench_notebooks(repeats: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        floor_dir = workdir / "floor"
        floor_dir.mkdir()
        floor_path = one_cell_notebook(workdir / "floor_source.ipynb", FLOOR)
        floors = [run_notebook(floor_path, floor_dir) for _ in range(repeats)]
        floor = statistics.median(floors)
        runs = {}
        for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
            run_dir = workdir / path.stem
            run_dir.mkdir()
            try:
                samples = [run_notebook(path, run_dir) for _ in range(repeats)]
                seconds = statistics.median(samples)
                runs[path.name] = {
                    "seconds": seconds,
                    "samples": samples,
                    "ratio_to_floor": seconds / floor,
                    "goal_seconds": 1.5 * floor + 1,
                    "meets_goal": seconds <= 1.5 * floor + 1,
                }
            except Exception as err:
                runs[path.name] = {"error": f"{type(err).__name__}: {str(err)[:300]}"}
    return {"floor_seconds": floor, "floor_samples": floors, "notebooks": runs}


# --- grading ------------------------------------------------------------------------------------------------------

#: Exercise sets timed for grading: the shortest and the longest-running solutions.
GRADED_SETS = ["00_start_here.ipynb", "02_burden_sharing.ipynb"]


def grade_seconds(path: Path, workdir: Path, copies: int, use_sandbox: bool) -> float:
    """Seconds per submission to grade ``copies`` copies of ``path`` in one serial batch (alliancelab grade)."""
    from alliancelab.instructor.grade import grade

    folder = workdir / f"{path.stem}-{'sandbox' if use_sandbox else 'plain'}-{time.perf_counter_ns()}"
    folder.mkdir()
    submissions = [shutil.copy(path, folder / f"s{i}.ipynb") for i in range(copies)]
    start = time.perf_counter()
    rows = grade(submissions, folder / "gradebook.csv", timeout=300, use_sandbox=use_sandbox)
    seconds = (time.perf_counter() - start) / copies
    if any(r.status not in ("correct", "manual") for r in rows):
        raise RuntimeError(f"{path.name} was not graded full marks: {sorted({r.status for r in rows})}")
    return seconds


def bench_grading(repeats: int, copies: int = 3) -> dict:
    """Grading time per submission: in the sandbox, without it (``--no-sandbox``), and the notebook run alone.

    "Before" is the notebook run alone (nbclient in the grader's own process, as the grader ran submissions
    before the sandbox): the time any grading of that notebook takes. Goal: sandboxed grading <= 1.3 x before.
    """
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        sets = {}
        for name in GRADED_SETS:
            path = ROOT / "solutions" / name
            try:
                before = [run_notebook(path, workdir) for _ in range(repeats)]
                plain = [grade_seconds(path, workdir, copies, False) for _ in range(repeats)]
                boxed = [grade_seconds(path, workdir, copies, True) for _ in range(repeats)]
            except Exception as err:
                sets[name] = {"error": f"{type(err).__name__}: {str(err)[:300]}"}
                continue
            row = {
                "before_s": statistics.median(before),
                "no_sandbox_s": statistics.median(plain),
                "sandbox_s": statistics.median(boxed),
                "samples": {"before": before, "no_sandbox": plain, "sandbox": boxed},
            }
            row["ratio"] = row["sandbox_s"] / row["before_s"]
            row["sandbox_overhead"] = row["sandbox_s"] / row["no_sandbox_s"]
            row["meets_goal"] = row["ratio"] <= 1.3
            sets[name] = row
    return {"copies_per_batch": copies, "sets": sets}


# --- widgets in JupyterLab -----------------------------------------------------------------------------------------

#: Two baselines for the widgets in JupyterLab, each a slider whose change replaces the figure the way the explorers
#: send theirs (an HTML widget holding the SVG as an image; see ``alliancelab.widgets.base.figure_html``): a tiny
#: fixed SVG (JupyterLab's own round trip, no drawing), and a new bare matplotlib figure of the explorers' size with
#: a title, axis labels and 40 lines, drawn whole (what a plain ipywidgets + matplotlib redraw costs).
TINY_IN_BROWSER = "baseline: tiny SVG (round trip only)"
BARE_IN_BROWSER = "baseline: bare matplotlib figure (SVG)"
#: The tiny SVG timed again after the lessons: how far the machine drifted during the run. The goal is judged
#: against the first measurement.
TINY_AGAIN = "baseline: tiny SVG again, after the lessons"
#: The tiny SVG in a cell added to each lesson, timed before the lesson's widgets: the round trip in the same page
#: and kernel as theirs. Reported beside the goal, which is judged against the first.
TINY_IN_PAGE = "tiny SVG in the page"
_SHOW = """
def show(_=None):
    image = base64.b64encode(svg().encode()).decode()
    out.value = f'<div class="alliancelab-figure"><img alt="" src="data:image/svg+xml;base64,{image}"></div>'

slider.observe(show, names="value")
show()
w.VBox([slider, out])"""
BROWSER_BASELINES = {
    TINY_IN_BROWSER: """import base64

import ipywidgets as w

slider = w.IntSlider(value=5, min=0, max=10, continuous_update=False, description="Baseline")
out = w.HTML()

def svg():
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40">'
            f'<rect width="{40 * slider.value}" height="40"/></svg>')
"""
    + _SHOW,
    BARE_IN_BROWSER: """import base64
import io

import ipywidgets as w
from matplotlib.figure import Figure

slider = w.IntSlider(value=5, min=0, max=10, continuous_update=False, description="Baseline")
out = w.HTML()

def svg():
    figure = Figure(figsize=(10, 5))
    axes = figure.add_subplot()
    axes.set_title("Baseline")
    axes.set_xlabel("x")
    axes.set_ylabel("y")
    for k in range(40):
        axes.plot([0, 1], [k, k + slider.value])
    text = io.StringIO()
    figure.savefig(text, format="svg")
    return text.getvalue()
"""
    + _SHOW,
}


def bench_browser(presses: int) -> dict:
    """Each lesson's widgets in a real JupyterLab (headless Chromium): a slider key press to the new figure on screen.

    Uses the browser tests' helpers (tests/browser/browser_support.py); skipped, with the reason, where they cannot
    run. Includes what the in-kernel measurement leaves out: the messages between page and kernel, and the browser
    decoding and painting the SVG. Two baselines (:data:`BROWSER_BASELINES`) measure the same round trip with no
    drawing, and with a bare matplotlib redraw; the first is timed again at the end (:data:`TINY_AGAIN`).
    """
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import browser_support as lab

    reason = lab.missing_requirement()
    if reason:
        return {"skipped": reason}
    results = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        lab.running_jupyterlab(Path(tmp)) as server,
        lab.headless_chromium() as chromium,
        lab.jupyterlab_page(chromium, server) as page,
    ):
        baselines = [
            (one_cell_notebook(server.root / f"baseline{i}.ipynb", source), name)
            for i, (name, source) in enumerate(BROWSER_BASELINES.items())
        ]
        lessons = [(path, None) for path in lab.notebooks() if lab.stored_widget_count(path)]
        for notebook, baseline in [*baselines, *lessons, (baselines[0][0], TINY_AGAIN)]:
            try:
                lab.open_and_run(page, notebook.name)
                widgets = page.locator(lab.WIDGET_VIEWS)
                count = widgets.count()
                if baseline is None:  # the tiny SVG again, in a cell added to the lesson: timed first
                    lab.run_new_cell(page, BROWSER_BASELINES[TINY_IN_BROWSER])
                    page_tiny = f"{notebook.stem} {TINY_IN_PAGE}"
                for index in [count, *range(count)] if baseline is None else range(count):
                    widgets.nth(index).scroll_into_view_if_needed()
                    name = baseline or (page_tiny if index == count else f"{notebook.stem} widget {index + 1}")
                    try:
                        label, samples = lab.time_redraws(page, widgets.nth(index), presses)
                    except Exception as err:  # report, keep measuring the others
                        results[name] = {"error": f"{type(err).__name__}: {str(err)[:200]}"}
                        continue
                    med, p95 = median_p95(samples)
                    results[name] = {
                        "slider": label,
                        "median_ms": med,
                        "p95_ms": p95,
                        "first_ms": samples[0],
                        "samples_ms": samples,
                    }
                    if baseline is None and index < count and "median_ms" in results.get(page_tiny, {}):
                        results[name]["ratio_to_tiny_in_page"] = med / results[page_tiny]["median_ms"]
            except Exception as err:
                results[notebook.stem] = {"error": f"{type(err).__name__}: {str(err)[:200]}"}
            finally:
                lab.close_all_notebooks(page)
    bare = results.get(BARE_IN_BROWSER, {}).get("median_ms")
    tiny = results.get(TINY_IN_BROWSER, {}).get("median_ms")
    for name, row in results.items():
        if bare and "median_ms" in row:
            row["ratio_to_bare"] = row["median_ms"] / bare
        if tiny and "median_ms" in row:
            row["ratio_to_tiny"] = row["median_ms"] / tiny
            if name not in (*BROWSER_BASELINES, TINY_AGAIN) and not name.endswith(TINY_IN_PAGE):
                row["meets_goal"] = row["p95_ms"] < 100 and row["ratio_to_tiny"] <= 1.3
    return {"widgets": results}


# --- imports ------------------------------------------------------------------------------------------------------


def timed_import(statement: str) -> float:
    """Seconds for ``statement`` in a fresh interpreter (interpreter start-up excluded)."""
    code = f"import time\nt = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t)"
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


DEPENDENCIES_ALONE = "their dependencies alone (pandas, matplotlib.figure, ipywidgets, IPython)"
CACHED_LOAD = "first data.load('events') (file validated before: no schema check)"
IMPORTS = {
    "import alliancelab": "import alliancelab",
    "its dependencies alone (IPython)": "import IPython",
    "alliancelab + data, plotting, widgets.base": "import alliancelab.data, alliancelab.plotting, "
    "alliancelab.widgets.base",
    DEPENDENCIES_ALONE: "import pandas, matplotlib.figure, ipywidgets, IPython",
    "import frictionless": "import frictionless",
    "import jsonschema": "import jsonschema",
    "import rfc3987_syntax": "import rfc3987_syntax",
    CACHED_LOAD: "from alliancelab import data\ndata.load('events')",
    "pandas read of events.csv only": "import pandas\npandas.read_csv('data/events.csv')",
}


def bench_imports(repeats: int) -> dict:
    results = {}
    for label, statement in IMPORTS.items():
        try:
            samples = [timed_import(statement) for _ in range(repeats)]
            results[label] = {"median_s": statistics.median(samples), "samples": samples}
        except subprocess.CalledProcessError as err:
            results[label] = {"error": err.stderr.strip().splitlines()[-1] if err.stderr else str(err)}
    second = (
        "from alliancelab import data\ndata.load('events')\nimport time\nt2 = time.perf_counter()\n"
        "data.load('events')\nt = t2"
    )
    results["second data.load('events') (warm)"] = {
        "median_s": statistics.median([timed_import(second) for _ in range(repeats)])
    }

    def ratio(a, b):
        if "median_s" in results.get(a, {}) and "median_s" in results.get(b, {}):
            return results[a]["median_s"] / results[b]["median_s"]
        return None

    return {
        "times": results,
        "ratio_bare": ratio("import alliancelab", "its dependencies alone (IPython)"),
        "ratio_full": ratio("alliancelab + data, plotting, widgets.base", DEPENDENCIES_ALONE),
    }


# --- test suite ---------------------------------------------------------------------------------------------------


def bench_tests() -> dict:
    command = [
        str(ROOT / ".venv" / "bin" / "python"),
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-m",
        "not browser",
    ]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    tail = (done.stdout.strip().splitlines() or [""])[-1]
    return {
        "seconds": seconds,
        "returncode": done.returncode,
        "summary": tail,
        "command": " ".join(command[1:]),
        "meets_goal": seconds < 60,
    }


# --- course website -----------------------------------------------------------------------------------------------


def bench_site() -> dict:
    """Seconds to build both sites with Jupyter Book (``alliancelab site``), into a temporary folder."""
    from alliancelab.instructor import site

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        built = site.build(Path(folder) / "site", stage_dir=Path(folder) / "book")
        seconds = time.perf_counter() - start
        pages = {name: len(list(out.rglob("*.html"))) for name, out in built.items()}
    return {"seconds": seconds, "pages": pages}


# --- report -------------------------------------------------------------------------------------------------------


def _rows(rows: dict, describe) -> list[str]:
    """One indented line per measured item: its name, then ``describe(row)`` or the error it reports."""
    return [
        f"  {name:42} " + (f"ERROR {row['error'][:100]}" if "error" in row else describe(row))
        for name, row in rows.items()
    ]


def _browser_row(row: dict) -> str:
    nan = float("nan")
    goal = "" if "meets_goal" not in row else "  ok" if row["meets_goal"] else "  MISSED"
    in_page = f" {row['ratio_to_tiny_in_page']:5.2f} x in page" if "ratio_to_tiny_in_page" in row else ""
    return (
        f"{row['median_ms']:6.1f}ms median {row['p95_ms']:6.1f}ms p95 {row.get('first_ms', nan):6.1f}ms first  "
        f"{row.get('ratio_to_tiny', nan):5.2f} x tiny {row.get('ratio_to_bare', nan):5.2f} x bare{in_page}"
        f"{goal}  ({row['slider']})"
    )


def table(results: dict) -> str:
    lines = [f"Machine: {results['machine']['cpus']} CPU(s) available, Python {results['machine']['python']}", ""]
    widgets = results.get("widgets", {})
    if widgets:
        lines += [
            "Widget update (value change -> figure replaced)",
            f"{'widget':44} {'median':>8} {'p95':>8} {'bare':>8} {'ratio':>6} {'build':>6} {'layers':>6} "
            f"{'(svg)':>6} {'(png)':>6}  goal",
        ]
        for name, row in widgets["widgets"].items():
            if "error" in row:
                lines.append(f"{name:44} ERROR {row['error']}")
                continue
            p = row["profile"]
            ok = row["median_ms"] <= 50 and row["ratio"] <= 1.5
            lines.append(
                f"{name:44} {row['median_ms']:7.1f}ms {row['p95_ms']:7.1f}ms "
                f"{row['baseline_median_ms']:7.1f}ms {row['ratio']:6.2f} {p['draw_ms']:5.0f}ms "
                f"{p['layers_ms']:5.0f}ms {p['svg_ms']:5.0f}ms {p['png_ms']:5.0f}ms  {'met' if ok else 'NOT met'}"
            )
        if widgets["not_measured"]:
            lines.append(f"Not measured (no case defined): {', '.join(widgets['not_measured'])}")
        lines.append("")
    browser = results.get("browser")
    if browser:
        lines.append(
            "Widget update in JupyterLab (key press -> new figure painted; headless Chromium; "
            "goal: p95 < 100 ms and median <= 1.3 x tiny SVG)"
        )
        if "skipped" in browser:
            lines.append(f"  skipped: {browser['skipped']}")
        lines += _rows(
            browser.get("widgets", {}),
            _browser_row,
        )
        lines.append("")
    notebooks = results.get("notebooks")
    if notebooks:
        lines += [
            f"Notebook runs (fresh kernel, median of runs; floor = kernel start + imports = "
            f"{notebooks['floor_seconds']:.2f} s; "
            f"goal <= 1.5 x floor + 1 s = {1.5 * notebooks['floor_seconds'] + 1:.2f} s)"
        ]
        lines += _rows(
            notebooks["notebooks"],
            lambda row: (
                f"{row['seconds']:6.2f} s  {row['ratio_to_floor']:5.2f} x "
                f"floor  {'met' if row['meets_goal'] else 'NOT met'}"
            ),
        )
        lines.append("")
    imports = results.get("imports")
    if imports:
        lines.append("Import times (fresh interpreter each, median)")
        for label, row in imports["times"].items():
            value = f"{row['median_s']:.3f} s" if "median_s" in row else f"ERROR {row['error']}"
            lines.append(f"  {label:74} {value}")
        for key in ("ratio_bare", "ratio_full"):
            if imports[key] is not None:
                verdict = "met" if imports[key] <= 1.2 else "NOT met"
                lines.append(f"  {key}: {imports[key]:.2f} (goal <= 1.2: {verdict})")
        lines.append("")
    grading = results.get("grading")
    if grading:
        lines.append(
            "Grading per submission (serial batch of copies of a solution; before = the notebook run alone; "
            "goal: sandbox <= 1.3 x before)"
        )
        lines += _rows(
            grading["sets"],
            lambda row: (
                f"before {row['before_s']:5.2f} s  no sandbox {row['no_sandbox_s']:5.2f} s  "
                f"sandbox {row['sandbox_s']:5.2f} s"
                f"  {row['ratio']:4.2f} x before ({row['sandbox_overhead']:4.2f} x no sandbox)  "
                f"{'met' if row['meets_goal'] else 'NOT met'}"
            ),
        )
        lines.append("")
    built = results.get("site")
    if built:
        lines += [
            f"Course website (Jupyter Book, both sites): {built['seconds']:.1f} s for "
            + ", ".join(f"{count} {name} pages" for name, count in built["pages"].items()),
            "",
        ]
    tests = results.get("tests")
    if tests:
        lines.append(
            f"Test suite: {tests['seconds']:.1f} s ({tests['summary']}; exit {tests['returncode']}); "
            f"goal < 60 s: {'met' if tests['meets_goal'] else 'NOT met'}"
        )
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and no test-suite run")
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--skip-browser", action="store_true", help="no widget timing in JupyterLab")
    parser.add_argument("--skip-grading", action="store_true")
    parser.add_argument("--skip-site", action="store_true", help="no course-website build")
    parser.add_argument(
        "--only",
        choices=["widgets", "imports", "browser", "notebooks", "grading", "site", "tests"],
        help="run one section (the others keep their results from the last run)",
    )
    parser.add_argument("--output", default=str(RESULTS))
    args = parser.parse_args(argv)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    results = {
        "machine": {"cpus": cpus, "python": platform.python_version(), "platform": platform.platform()},
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    sections = [
        ("widgets", lambda: bench_widgets(7 if args.quick else 21)),
        ("imports", lambda: bench_imports(3 if args.quick else 5)),
    ]
    if not args.skip_browser:
        sections.append(("browser", lambda: bench_browser(7 if args.quick else 21)))
    if not args.skip_notebooks:
        sections.append(("notebooks", lambda: bench_notebooks(2 if args.quick else 3)))
    if not args.skip_grading:
        sections.append(("grading", lambda: bench_grading(2 if args.quick else 3)))
    if not args.skip_site:
        sections.append(("site", bench_site))
    if not (args.skip_tests or args.quick):
        sections.append(("tests", bench_tests))
    if args.only:  # the other sections, the machine and the start time stay those of the last full run
        sections = [(name, measure) for name, measure in sections if name == args.only]
        previous = json.loads(Path(args.output).read_text(encoding="utf-8")) if Path(args.output).exists() else {}
        results = {**results, **previous}
    for name, measure in sections:
        try:
            results[name] = {**measure(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
        except Exception as err:  # one broken section must not lose the others
            results[f"{name}_error"] = f"{type(err).__name__}: {err}"
            print(f"{name}: {results[f'{name}_error']}", file=sys.stderr)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
