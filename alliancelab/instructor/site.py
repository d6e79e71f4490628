"""Build the static site (handouts): every lesson, every exercise set and the data dictionary as HTML.

    alliancelab site            # or: make site   -> build/site/index.html

Lessons are rendered from their stored outputs (no re-execution) with nbconvert's HTML exporter, in
teaching order from :data:`alliancelab.lessons.LESSONS`. Code cells tagged ``hide-input`` (plot-only
cells) show their figure without the code. Widgets cannot run in a static page, so each explorer is
shown as its starting view: the stored figure and status from the saved widget state, with the
starting values of its controls. Exercise sets come from ``exercises/`` (if it exists); ``solutions/``
is never read, and an exercise that still holds a solution region stops the build.

The pages mirror the repository (``notebooks/NN_slug.html``, ``exercises/...``, ``data/``), so links
between notebooks and to data files keep working. The pages work offline except that maths is
typeset by MathJax, which nbconvert loads from a CDN.
"""

import base64
import csv
import html
import json
import re
import shutil
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor

from alliancelab.errors import AllianceLabError
from alliancelab.lessons import LESSONS

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_OUT = ROOT / "build" / "site"
SITE_TITLE = "Alliance Politics Lab"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Markers of instructor-only regions (nbgrader style) that must never reach a student page.
FORBIDDEN_MARKERS = ("### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS")

STYLE = """
nav.alliancelab-nav { font: 15px/1.5 system-ui, sans-serif; padding: 0.6em 1em; margin: 0 0 1em;
  border-bottom: 1px solid #ccc; background: #f7f7f7; display: flex; gap: 1.5em; flex-wrap: wrap; }
nav.alliancelab-nav a { color: #0072B2; }
p.alliancelab-widget-note { font-style: italic; }
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 16px/1.55 system-ui, sans-serif; max-width: 62em; margin: 0 auto; padding: 0 1em 3em; color: #222; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1.5em; }}
th, td {{ border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }}
th {{ background: #f0f0f0; }}
code {{ background: #f4f4f4; padding: 0 0.2em; }}
{style}
</style>
</head>
<body>
{nav}
<main>
{body}
</main>
</body>
</html>
"""


# --- notebooks -------------------------------------------------------------------------------


class StaticWidgetPreprocessor(Preprocessor):
    """Replace each widget view by its saved starting view: control values, status and figure."""

    def preprocess(self, nb, resources):
        state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            outputs = []
            for output in cell.get("outputs", []):
                view = output.get("data", {}).get(WIDGET_VIEW)
                outputs.extend(_static_view(view["model_id"], output, state) if view else [output])
            cell.outputs = outputs
        nb.metadata.pop("widgets", None)  # nothing left for the widget manager to load
        return nb, resources


def _static_view(model_id, output, state):
    summary = output["data"].get("text/plain", "Interactive explorer")
    controls, shown = [], []
    _walk(model_id, state, controls, shown)
    note = f"<p class='alliancelab-widget-note'><b>Interactive explorer, starting view.</b> {html.escape(summary)}</p>"
    if controls:
        note += "<p>Starting values: " + "; ".join(html.escape(c) for c in controls) + ".</p>"
    return [nbformat.v4.new_output("display_data", data={"text/html": note})] + shown


def _walk(model_id, state, controls, shown):
    model = state.get(model_id)
    if model is None:
        return
    name, values = model.get("model_name", ""), model.get("state", {})
    if "children" in values:
        for child in values["children"]:
            _walk(str(child).removeprefix("IPY_MODEL_"), state, controls, shown)
    elif name == "OutputModel":
        shown.extend(_with_alt_text(nbformat.from_dict(o)) for o in values.get("outputs", []))
    elif name in ("HTMLModel", "HTMLMathModel") and values.get("value"):
        shown.append(nbformat.v4.new_output("display_data", data={"text/html": values["value"]}))
    elif values.get("description") or values.get("_options_labels"):
        controls.append(f"{values.get('description') or 'choice'}: {_control_value(values)}")


def _with_alt_text(output):
    """An SVG figure as an <img> with its alt text (nbconvert would show SVG without one); others unchanged."""
    svg = output.get("data", {}).get("image/svg+xml")
    if svg is None:
        return output
    alt = output.get("metadata", {}).get("image/svg+xml", {}).get("alt") or output["data"].get("text/plain", "")
    source = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return nbformat.v4.new_output(
        "display_data", data={"text/html": f'<img alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{source}">'}
    )


def _control_value(values) -> str:
    labels = values.get("_options_labels")
    index = values.get("index")
    if labels is not None and index is not None:
        if isinstance(index, list):
            return " – ".join(str(labels[i]) for i in index)
        return str(labels[index]) if 0 <= index < len(labels) else ""
    value = values.get("value")
    if isinstance(value, list):
        return " – ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _exporter() -> HTMLExporter:
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(
        TagRemovePreprocessor(
            remove_input_tags={"hide-input", "remove-input"},
            remove_cell_tags={"remove-cell"},
            remove_all_outputs_tags={"remove-output"},
            enabled=True,
        ),
        enabled=True,
    )
    exporter.register_preprocessor(StaticWidgetPreprocessor(enabled=True), enabled=True)
    return exporter


def render_notebook(path: Path, title: str, nav: str) -> str:
    """One notebook as a standalone HTML page with the site navigation at the top."""
    notebook = nbformat.read(path, as_version=4)
    body, _ = _exporter().from_notebook_node(notebook, resources={"metadata": {"name": title}})
    body = _local_ipynb_links_to_html(body)
    nav_html = f"<style>{STYLE}</style>\n{nav}"
    body, count = re.subn(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + nav_html, body, count=1)
    if not count:
        raise AllianceLabError(f"{path}: nbconvert produced a page without <body>; cannot add navigation.")
    return body


def _local_ipynb_links_to_html(page: str) -> str:
    """Point relative links to notebooks at their rendered pages."""
    return re.sub(
        r'href="(?!https?:|mailto:|#)([^"#?]+)\.ipynb(#[^"]*)?"',
        lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"',
        page,
    )


def check_no_solutions(path: Path) -> None:
    """Stop if an exercise notebook still holds an instructor-only region."""
    text = path.read_text(encoding="utf-8")
    for marker in FORBIDDEN_MARKERS:
        if marker in text:
            raise AllianceLabError(
                f"{path} contains {marker!r}: it is not a student version. Regenerate the "
                "exercises from solutions/ instead of publishing this file."
            )


def exercise_notebooks(root: Path) -> list[Path]:
    """Exercise notebooks under exercises/, sorted; never anything under a solutions folder."""
    folder = Path(root) / "exercises"
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*.ipynb")):
        parts = path.relative_to(root).parts
        if ".ipynb_checkpoints" in parts or "solutions" in parts:
            continue
        found.append(path)
    return found


def _nav(prefix: str, previous=None, following=None) -> str:
    links = [f'<a href="{prefix}index.html">Home: all lessons</a>']
    if previous:
        links.append(f'<a href="{prefix}{previous[0]}">&larr; {html.escape(previous[1])}</a>')
    if following:
        links.append(f'<a href="{prefix}{following[0]}">{html.escape(following[1])} &rarr;</a>')
    links.append(f'<a href="{prefix}data/index.html">Data dictionary</a>')
    return '<nav class="alliancelab-nav" aria-label="Site">' + " ".join(links) + "</nav>"


# --- data dictionary ---------------------------------------------------------------------------


def row_count(path: Path) -> int:
    """Data rows in a CSV file (quoted line breaks counted once)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def _constraints(field: dict) -> str:
    rules = []
    for key, value in field.get("constraints", {}).items():
        if key == "enum":
            rules.append("one of: " + ", ".join(f"<code>{html.escape(str(v))}</code>" for v in value))
        elif value is True:
            rules.append(html.escape(key))
        else:
            rules.append(f"{html.escape(key)}: <code>{html.escape(str(value))}</code>")
    return "; ".join(rules)


def data_dictionary(data_dir: Path) -> str:
    """The body of the data dictionary page, from datapackage.json."""
    descriptor_path = Path(data_dir) / "datapackage.json"
    if not descriptor_path.is_file():
        raise AllianceLabError(f"{descriptor_path} is missing: the data dictionary is built from it.")
    package = json.loads(descriptor_path.read_text(encoding="utf-8"))
    esc = html.escape
    parts = [
        f"<h1>Data dictionary: {esc(package.get('title', 'data'))}</h1>",
        f"<p>{esc(package.get('description', ''))}</p>",
        "<p>Every row carries <code>source_url</code>, <code>source_title</code> and <code>quote</code> "
        "(a short excerpt copied from the source). The descriptor is "
        '<a href="datapackage.json">datapackage.json</a> (Frictionless Table Schema).</p>',
        "<h2>Tables</h2>",
        "<table><tr><th>Table</th><th>What it holds</th><th>Rows</th><th>File</th></tr>",
    ]
    resources = package.get("resources", [])
    for resource in resources:
        rows = row_count(Path(data_dir) / resource["path"])
        parts.append(
            f'<tr><td><a href="#{esc(resource["name"])}">{esc(resource["name"])}</a></td>'
            f"<td>{esc(resource.get('title', ''))}</td><td>{rows}</td>"
            f'<td><a href="{esc(resource["path"])}">{esc(resource["path"])}</a></td></tr>'
        )
    parts.append("</table>")
    for resource in resources:
        rows = row_count(Path(data_dir) / resource["path"])
        parts.append(f'<h2 id="{esc(resource["name"])}">{esc(resource["name"])}</h2>')
        parts.append(
            f"<p>{esc(resource.get('title', ''))}. {esc(resource.get('description', ''))} "
            f'<b>{rows} rows</b> in <a href="{esc(resource["path"])}">{esc(resource["path"])}</a>.</p>'
        )
        parts.append("<table><tr><th>Column</th><th>Type</th><th>Description</th><th>Rules</th></tr>")
        for field in resource["schema"]["fields"]:
            kind = field.get("type", "string") + (f" ({field['format']})" if "format" in field else "")
            parts.append(
                f"<tr><td><code>{esc(field['name'])}</code></td><td>{esc(kind)}</td>"
                f"<td>{esc(field.get('description', ''))}</td><td>{_constraints(field)}</td></tr>"
            )
        parts.append("</table>")
    return "\n".join(parts)


# --- the whole site ----------------------------------------------------------------------------


def _page(title: str, nav: str, body: str) -> str:
    return PAGE.format(title=html.escape(title), nav=nav, body=body, style=STYLE)


def build(out_dir=DEFAULT_OUT, root=ROOT) -> list[Path]:
    """Write the site into ``out_dir`` (emptied first) and return the pages written, index first."""
    root, out = Path(root), Path(out_dir)
    dictionary = data_dictionary(root / "data")  # fails early, before anything is written
    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks").mkdir(parents=True)
    lessons = [lesson for lesson in LESSONS if (root / "notebooks" / lesson.filename).is_file()]
    exercises = exercise_notebooks(root)
    for path in exercises:
        check_no_solutions(path)
    pages = [out / "index.html"]

    order = [
        (f"notebooks/{Path(lesson.filename).stem}.html", f"{lesson.number:02d} · {lesson.title}") for lesson in lessons
    ]
    for index, lesson in enumerate(lessons):
        previous = order[index - 1] if index > 0 else None
        following = order[index + 1] if index + 1 < len(order) else None
        target = out / order[index][0]
        page = render_notebook(root / "notebooks" / lesson.filename, order[index][1], _nav("../", previous, following))
        target.write_text(page, encoding="utf-8")
        pages.append(target)

    exercise_links = []
    for path in exercises:
        relative = path.relative_to(root).with_suffix(".html")
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        prefix = "../" * (len(relative.parts) - 1)
        label = _exercise_label(path)
        target.write_text(render_notebook(path, label, _nav(prefix)), encoding="utf-8")
        pages.append(target)
        exercise_links.append((relative.as_posix(), label))

    data_out = out / "data"
    data_out.mkdir()
    data_dir = root / "data"
    for source in sorted(data_dir.glob("*.csv")) + [data_dir / "datapackage.json"]:
        shutil.copy2(source, data_out / source.name)
    (data_out / "index.html").write_text(_page("Data dictionary", _nav("../"), dictionary), encoding="utf-8")
    pages.append(data_out / "index.html")

    (out / "index.html").write_text(_page(SITE_TITLE, _nav(""), _index_body(lessons, exercise_links)), encoding="utf-8")
    return pages


def _exercise_label(path: Path) -> str:
    """ "Exercises for 02 · Title" when the file is named after a lesson, else the file name."""
    for lesson in LESSONS:
        if path.name == lesson.filename:
            return f"Exercises for {lesson.number:02d} · {lesson.title}"
    return f"Exercises: {path.stem}"


def _index_body(lessons, exercise_links) -> str:
    esc = html.escape
    available = {lesson.number for lesson in lessons}
    rows = []
    for lesson in LESSONS:
        if lesson.number in available:
            link = f'<a href="notebooks/{Path(lesson.filename).stem}.html">{esc(lesson.title)}</a>'
        else:
            link = f"{esc(lesson.title)} <i>(in preparation)</i>"
        rows.append(f"<tr><td>{lesson.number:02d}</td><td>{link}</td><td>{lesson.minutes} min</td></tr>")
    parts = [
        f"<h1>{SITE_TITLE}</h1>",
        "<p>A teaching module on alliance politics, taught through the Japan–US alliance in the second "
        "Trump term. These pages are the lessons as handouts: text, figures and each explorer's starting "
        "view. To use the interactive explorers, open the notebooks in JupyterLab (<code>make lab</code>) "
        "or on Binder.</p>",
        "<h2>Lessons, in teaching order</h2>",
        "<table><tr><th>#</th><th>Lesson</th><th>Time</th></tr>",
        *rows,
        "</table>",
    ]
    if exercise_links:
        parts.append("<h2>Exercises</h2><ul>")
        parts += [f'<li><a href="{esc(href)}">{esc(name)}</a></li>' for href, name in exercise_links]
        parts.append("</ul>")
    parts.append(
        '<h2>Data</h2><p>The <a href="data/index.html">data dictionary</a> describes every table, '
        "its columns, types and allowed values, with row counts and the CSV files.</p>"
    )
    return "\n".join(parts)
