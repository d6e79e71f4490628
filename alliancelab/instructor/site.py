"""Build the course website with Jupyter Book: a student site and a separate instructor site.

    alliancelab site [--repo OWNER/REPO] [--hub HOST]    # or: make site
        -> build/site/index.html              lessons, exercises, data dictionary, glossary, references
        -> build/site-instructor/index.html   syllabus, memo assignment, teaching notes, quizzes with keys

The settings are ``book/_config.yml`` and the tables of contents ``book/_toc.yml`` (students) and
``book/_toc_instructor.yml``. Each build stages its pages into ``build/book/<name>/`` and runs
``jupyter-book build`` there: notebooks are shown with their stored outputs (nothing is re-executed), cells
tagged ``hide-input`` show their output with the code folded away. Widgets cannot run in a static page, so
each explorer is shown as its starting view (stored figure, status and control values) with a note on how to
run it live. Exercise sets come from ``exercises/``; ``solutions/`` is never read, and an exercise that
still holds a solution region stops the build. MathJax is copied from ``node_modules/mathjax`` (``npm ci``),
so the pages load nothing from the network.
"""

import csv
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml
from nbconvert.preprocessors import Preprocessor

from alliancelab.errors import AllianceLabError
from alliancelab.instructor import links, quiz
from alliancelab.lessons import LESSONS

ROOT = Path(__file__).resolve().parent.parent.parent
BOOK = ROOT / "book"
DEFAULT_OUT = ROOT / "build" / "site"
STAGE = ROOT / "build" / "book"
SITE_TITLE = "Alliance Politics Lab"
MATHJAX = Path("node_modules") / "mathjax" / "es5"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Markers of instructor-only regions (nbgrader style) that must never reach a student page.
FORBIDDEN_MARKERS = ("### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS")
LIVE_NOTE = "To use it, open the notebook in JupyterLab (`make lab`) or with the launch button at the top of this page."


def instructor_dir(out: Path) -> Path:
    """Where the instructor site goes: beside the student site, never inside it."""
    out = Path(out)
    return out.with_name(out.name + "-instructor")


# --- explorers as their starting view ----------------------------------------------------------


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
        nb.metadata.pop("widgets", None)  # nothing left for a widget manager to load
        return nb, resources


def _static_view(model_id, output, state):
    summary = output["data"].get("text/plain", "Interactive explorer")
    controls, shown = [], []
    _walk(model_id, state, controls, shown)
    note = (
        f"<p class='alliancelab-widget-note'><b>Interactive explorer, starting view.</b> "
        f"{html.escape(summary)} {html.escape(LIVE_NOTE.replace('`', ''))}</p>"
    )
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
    elif name in ("HTMLModel", "HTMLMathModel") and values.get("value"):
        shown.append(nbformat.v4.new_output("display_data", data={"text/html": values["value"]}))
    elif values.get("description") or values.get("_options_labels"):
        controls.append(f"{values.get('description') or 'choice'}: {_control_value(values)}")


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


def stage_notebook(source: Path, target: Path) -> None:
    """Copy a notebook for the site, each explorer replaced by its starting view."""
    notebook = nbformat.read(source, as_version=4)
    StaticWidgetPreprocessor().preprocess(notebook, {})
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)


# --- what students may see ---------------------------------------------------------------------


def check_no_solutions(path: Path) -> None:
    """Stop if an exercise notebook still holds an instructor-only region."""
    text = path.read_text(encoding="utf-8")
    for marker in FORBIDDEN_MARKERS:
        if marker in text:
            raise AllianceLabError(
                f"{path} contains {marker!r}: it is not a student version. Regenerate the "
                "exercises from solutions/ instead of publishing this file."
            )


def lesson_notebooks(root: Path) -> list[Path]:
    """Lesson notebooks in notebooks/ named NN_slug.ipynb, in teaching order."""
    return sorted((Path(root) / "notebooks").glob("[0-9][0-9]_*.ipynb"))


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


# --- generated pages ---------------------------------------------------------------------------


def _cell(text) -> str:
    """Text for one Markdown table cell."""
    return html.escape(str(text)).replace("|", "\\|").replace("\n", " ")


def row_count(path: Path) -> int:
    """Data rows in a CSV file (quoted line breaks counted once)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def _constraints(field: dict) -> str:
    rules = []
    for key, value in field.get("constraints", {}).items():
        if key == "enum":
            rules.append("one of: " + ", ".join(f"`{v}`" for v in value))
        elif value is True:
            rules.append(key)
        else:
            rules.append(f"{key}: `{value}`")
    return "; ".join(rules).replace("|", "\\|")


def _package(data_dir: Path) -> dict:
    path = Path(data_dir) / "datapackage.json"
    if not path.is_file():
        raise AllianceLabError(f"{path} is missing: the data dictionary is built from it.")
    return json.loads(path.read_text(encoding="utf-8"))


def data_dictionary(data_dir: Path) -> str:
    """The data dictionary page (MyST Markdown), from datapackage.json; CSV files are linked as downloads."""
    package = _package(data_dir)
    lines = [
        f"# Data dictionary: {package.get('title', 'data')}",
        "",
        package.get("description", ""),
        "",
        "Every row carries `source_url`, `source_title` and `quote` (a short excerpt copied from the source). "
        "The descriptor is {download}`datapackage.json <data/datapackage.json>` (Frictionless Table Schema).",
        "",
        "| Table | What it holds | Rows | File |",
        "|---|---|---|---|",
    ]
    resources = package.get("resources", [])
    for resource in resources:
        rows = row_count(Path(data_dir) / resource["path"])
        lines.append(
            f"| [{resource['name']}](#{resource['name']}) | {_cell(resource.get('title', ''))} | {rows} "
            f"| {{download}}`{resource['path']} <data/{resource['path']}>` |"
        )
    for resource in resources:
        rows = row_count(Path(data_dir) / resource["path"])
        lines += [
            "",
            f"({resource['name']})=",
            f"## {resource['name']}",
            "",
            f"{resource.get('title', '')}. {resource.get('description', '')} **{rows} rows** in "
            f"{{download}}`{resource['path']} <data/{resource['path']}>`.",
            "",
            "| Column | Type | Description | Rules |",
            "|---|---|---|---|",
        ]
        for field in resource["schema"]["fields"]:
            kind = field.get("type", "string") + (f" ({field['format']})" if "format" in field else "")
            lines.append(
                f"| `{field['name']}` | {kind} | {_cell(field.get('description', ''))} | {_constraints(field)} |"
            )
    return "\n".join(lines) + "\n"


KEY_TERM = re.compile(r"^- \*\*(.+?)\*\*:?\s*(.*)$")


def key_terms(notebook: Path) -> list[tuple[str, str]]:
    """(term, definition) from a lesson's "Key terms" list (``- **Term**: definition``, lines may wrap)."""
    terms = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "markdown" or "## Key terms" not in cell.source:
            continue
        section = cell.source.split("## Key terms", 1)[1].split("\n## ", 1)[0]
        for line in section.splitlines():
            match = KEY_TERM.match(line)
            if match:
                terms.append([match.group(1).strip(), match.group(2).strip()])
            elif terms and line.startswith("  ") and line.strip():
                terms[-1][1] += " " + line.strip()
    return [(term, definition.lstrip(": ")) for term, definition in terms]


def glossary(notebooks: list[Path], curated: Path | None = None) -> str:
    """The glossary page: the curated ``glossary.md`` (with Japanese terms) where it exists, then any other key term
    of a lesson, alphabetically, each with the lesson that teaches it."""
    entries = {}
    if curated is not None and curated.is_file():
        rows = [line for line in curated.read_text(encoding="utf-8").splitlines() if line.startswith("| ")][1:]
        for row in rows:
            term, japanese, meaning, lesson = (part.strip() for part in row.strip("|").split("|"))
            entries[term] = (f"{japanese}: {meaning}" if japanese else meaning, re.sub(r"\D", "", lesson)[:2])
    for path in notebooks:
        for term, definition in key_terms(path):
            entries.setdefault(term, (definition, path.stem[:2]))
    lines = [
        "# Glossary",
        "",
        "The key terms of every lesson, in alphabetical order; each names the lesson that introduces it. Japanese "
        "terms a student will meet in sources are given in Japanese script, romanised and glossed.",
        "",
        "```{glossary}",
    ]
    for term in sorted(entries, key=str.casefold):
        definition, lesson = entries[term]
        lines += [term.replace("\n", " "), f"  {definition} *(Lesson {lesson}.)*", ""]
    return "\n".join(lines) + "```\n"


def references(data_dir: Path, bibliography: Path | None) -> str:
    """The references page: the works in ``references.bib`` (if any) and every source the tables cite."""
    lines = ["# References", ""]
    if bibliography is not None:
        lines += ["## Readings", "", "```{bibliography}", ":all:", "```", ""]
    lines += [
        "## Sources of the data",
        "",
        "Every row of the module's tables cites its source; these are the sources, table by table.",
        "",
    ]
    package = _package(data_dir)
    for resource in package.get("resources", []):
        with open(Path(data_dir) / resource["path"], newline="", encoding="utf-8") as handle:
            sources = {
                (row.get("source_title", "") or row.get("source_url", ""), row.get("source_url", ""))
                for row in csv.DictReader(handle)
                if row.get("source_url")
            }
        if not sources:
            continue
        lines += [f"### {resource['name']}", ""]
        # Raw HTML: MyST would escape the "&" of a query string twice in a Markdown link.
        lines += [
            "<ul>",
            *(f'<li><a href="{html.escape(url)}">{html.escape(title)}</a></li>' for title, url in sorted(sources)),
            "</ul>",
            "",
        ]
    return "\n".join(lines)


def student_index(lessons: list[Path]) -> str:
    """The student site's home page: what the module is and the lessons in teaching order."""
    by_name = {lesson.filename: lesson for lesson in LESSONS}
    rows = ["| # | Lesson | Time |", "|---|---|---|"]
    for path in lessons:
        lesson = by_name.get(path.name)
        title = lesson.title if lesson else path.stem[3:].replace("_", " ").capitalize()
        minutes = f"{lesson.minutes} min" if lesson else ""
        rows.append(f"| {path.stem[:2]} | [{_cell(title)}](notebooks/{path.name}) | {minutes} |")
    return "\n".join(
        [
            f"# {SITE_TITLE}",
            "",
            "A teaching module on alliance politics, taught through the Japan–US alliance in the second Trump term. "
            "These pages show the lessons and exercise sets with their figures and each explorer's starting view. "
            "To use the explorers and answer the exercises, open a page in JupyterLab with its launch button, or "
            "run the module on your computer (`make lab`).",
            "",
            "## Lessons, in teaching order",
            "",
            *rows,
            "",
            "The [data dictionary](data.md) describes every table, the [glossary](glossary.md) collects the key "
            "terms and the [references](references.md) list every source.",
            "",
        ]
    )


def instructor_index() -> str:
    return "\n".join(
        [
            f"# {SITE_TITLE}: instructor pages",
            "",
            "**Not for students.** The syllabus, the memo assignment, a model memo, the deployment guide, the "
            "teaching notes for each lesson and the quizzes with their answer keys. The student site is built "
            "beside this one by the same command (`make site`).",
            "",
        ]
    )


# --- staging and building ----------------------------------------------------------------------


def _copy_markdown(source: Path, target: Path) -> None:
    """An instructor page; links to notebooks point at the student site's lessons only by name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")


def stage_student(root: Path, stage: Path) -> None:
    """Write the student site's sources: lessons, exercises, data dictionary, glossary, references."""
    lessons, exercises = lesson_notebooks(root), exercise_notebooks(root)
    for path in exercises:
        check_no_solutions(path)
    for path in lessons + exercises:
        stage_notebook(path, stage / path.relative_to(root))
    data_dir = root / "data"
    (stage / "data").mkdir(parents=True, exist_ok=True)
    for source in sorted(data_dir.glob("*.csv")) + [data_dir / "datapackage.json"]:
        shutil.copy2(source, stage / "data" / source.name)
    bibliography = root / "data" / "references.bib"
    bibliography = bibliography if bibliography.is_file() else None
    if bibliography:
        shutil.copy2(bibliography, stage / "references.bib")
    (stage / "data.md").write_text(data_dictionary(data_dir), encoding="utf-8")
    (stage / "glossary.md").write_text(glossary(lessons, root / "glossary.md"), encoding="utf-8")
    (stage / "references.md").write_text(references(data_dir, bibliography), encoding="utf-8")
    (stage / "index.md").write_text(student_index(lessons), encoding="utf-8")


def stage_instructor(root: Path, stage: Path) -> None:
    """Write the instructor site's sources: course documents, teaching notes, quizzes with keys."""
    for source in sorted((root / "instructors").glob("*.md")):
        if source.name != "README.md":
            _copy_markdown(source, stage / "instructors" / source.name)
    (stage / "quizzes").mkdir(parents=True, exist_ok=True)
    for path in sorted((root / "instructors" / "quizzes").glob("[0-9][0-9].json")):
        text = quiz.to_markdown(quiz.load(int(path.stem)))
        (stage / "quizzes" / f"{path.stem}.md").write_text(text, encoding="utf-8")
    (stage / "index.md").write_text(instructor_index(), encoding="utf-8")


def book_config(title: str, repo: str | None, ref: str, hub: str | None) -> dict:
    """book/_config.yml with this build's title and launch buttons."""
    config = yaml.safe_load((BOOK / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = title
    if repo:
        owner, name = links.github_repo(repo)
        config["repository"].update(url=f"https://github.com/{owner}/{name}", branch=ref)
        config["launch_buttons"]["binderhub_url"] = links.BINDER
        if hub:
            config["launch_buttons"]["jupyterhub_url"] = links.hub_base(hub)
    return config


def _vendor_assets(root: Path, stage: Path) -> None:
    """The site's own CSS and MathJax, into _assets/ (copied to _static/ in the site; Jupyter Book would add a
    script tag for every .js file under the book's own _static/)."""
    mathjax = root / MATHJAX
    if not (mathjax / "tex-chtml.js").is_file():
        raise AllianceLabError(
            f"MathJax is missing ({mathjax}): run `npm ci` in {root} (make site does) so that "
            "the site can typeset maths without loading anything from the network."
        )
    static = stage / "_assets"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy2(BOOK / "alliancelab.css", static / "alliancelab.css")
    shutil.copytree(
        mathjax, static / "mathjax", ignore=shutil.ignore_patterns("*-svg*.js", "*mml*.js", "*-full*.js", "startup.js")
    )


def jupyter_book(source: Path, config: dict, toc: Path, out: Path) -> None:
    """Run ``jupyter-book build`` on ``source`` and move the HTML to ``out``."""
    (source / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    shutil.copy2(toc, source / "_toc.yml")
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        str(source),
        "--builder",
        "html",
        "--path-output",
        str(source),
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    html_dir = source / "_build" / "html"
    if result.returncode != 0 or not (html_dir / "index.html").is_file():
        raise AllianceLabError(
            f"jupyter-book build failed for {source}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )
    if out.exists():
        shutil.rmtree(out)
    shutil.move(html_dir, out)


def build(
    out_dir=DEFAULT_OUT, root=ROOT, repo: str | None = None, ref: str = "main", hub: str | None = None, stage_dir=None
) -> dict[str, Path]:
    """Build the student site into ``out_dir`` and the instructor site beside it; return both folders."""
    root, out = Path(root), Path(out_dir)
    stage = Path(stage_dir) if stage_dir else (out.parent / "book")
    _package(root / "data")  # fails early, before anything is written
    built = {}
    for name, toc, title, target, write in (
        ("student", BOOK / "_toc.yml", SITE_TITLE, out, stage_student),
        (
            "instructor",
            BOOK / "_toc_instructor.yml",
            f"{SITE_TITLE}: instructors",
            instructor_dir(out),
            stage_instructor,
        ),
    ):
        source = stage / name
        if source.exists():
            shutil.rmtree(source)
        source.mkdir(parents=True)
        write(root, source)
        _vendor_assets(root, source)
        jupyter_book(source, book_config(title, repo, ref, hub), toc, target)
        built[name] = target
    return built
