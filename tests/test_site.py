"""The course website: both builds hold their pages, every local link resolves, pages load nothing from the
network, and no solution or answer key reaches the student site."""

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pandas as pd
import pytest

from alliancelab.errors import AllianceLabError
from alliancelab.instructor import site

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ("http:", "https:", "mailto:", "data:", "javascript:")


class Page(HTMLParser):
    """The links, element ids and text of one HTML page, and what it loads (scripts, styles, fonts, images)."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.links, self.loads, self.ids, self.text, self._skip = [], [], set(), [], 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])
        loaded = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}.get(tag)
        if loaded and attrs.get(loaded):
            self.loads.append(attrs[loaded])
        for name in ("id", "name"):
            if attrs.get(name):
                self.ids.add(unquote(attrs[name]))  # nbconvert writes heading ids percent-encoded

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def built(course_site):
    return {
        name: (out, {path: Page(path) for path in out.rglob("*.html") if "_static" not in path.parts})
        for name, out in course_site.items()
        if name in ("student", "instructor")
    }


def test_student_site_has_lessons_exercises_and_reference_pages(built):
    out, parsed = built["student"]
    expected = {out / "index.html", out / "data.html", out / "glossary.html", out / "references.html"}
    expected |= {out / "notebooks" / f"{path.stem}.html" for path in site.lesson_notebooks(ROOT)}
    expected |= {out / path.relative_to(ROOT).with_suffix(".html") for path in site.exercise_notebooks(ROOT)}
    assert expected <= set(parsed)
    assert not (out / "solutions").exists() and not (out / "instructors").exists() and not (out / "quizzes").exists()


def test_instructor_site_has_notes_syllabus_and_quiz_keys(built):
    out, parsed = built["instructor"]
    assert out != built["student"][0] and built["student"][0] not in out.parents
    for name in ("syllabus", "memo_assignment", *(p.stem for p in (ROOT / "instructors").glob("[0-9][0-9]_*.md"))):
        assert out / "instructors" / f"{name}.html" in parsed
    for path in sorted((ROOT / "instructors" / "quizzes").glob("[0-9][0-9].json")):
        text = "".join(parsed[out / "quizzes" / f"{path.stem}.html"].text)
        assert "Answer key" in text
        assert all(f"({question['id']})" in text for question in json.loads(path.read_text())["questions"])


def test_every_local_link_resolves(built):
    checked, broken = 0, []
    for out, parsed in built.values():
        by_path = {path.resolve(): content for path, content in parsed.items()}
        for page, content in parsed.items():
            for link in content.links:
                if link.startswith(EXTERNAL) or link.startswith("//"):
                    continue
                checked += 1
                parts = urlsplit(link)
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file() or out.resolve() not in target.parents:
                    broken.append(f"{page.relative_to(out)}: {link}")
                elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in by_path[target].ids:
                    broken.append(f"{page.relative_to(out)}: {link} (no such anchor)")
    assert checked > 100  # navigation, lesson links, data files: the check really ran
    assert broken == []


NETWORK = re.compile(r"^(https?:)?//", re.IGNORECASE)


def test_pages_load_nothing_from_the_network(built):
    loaded = []
    for out, parsed in built.values():
        for page, content in parsed.items():
            loaded += [f"{page.relative_to(out)}: {src}" for src in content.loads if NETWORK.match(src)]
        for style in out.rglob("*.css"):
            text = style.read_text(encoding="utf-8", errors="replace")
            loaded += [
                f"{style.relative_to(out)}: {url}"
                for url in re.findall(r"""(?:url\(|@import)\s*['"]?((?:https?:)?//[^'")\s]+)""", text)
            ]
    assert loaded == []


def test_maths_is_typeset_by_the_vendored_mathjax(built):
    out, parsed = built["student"]
    sources = {src for content in parsed.values() for src in content.loads if "mathjax" in src.lower()}
    assert sources and all(src.split("?")[0].endswith("_static/mathjax/tex-chtml.js") for src in sources)
    assert (out / "_static" / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2").is_dir()


def test_pages_have_search_contents_downloads_and_launch_buttons(built, course_site):
    out, parsed = built["student"]
    assert (out / "search.html").is_file() and (out / "searchindex.js").is_file()
    lesson = next(p for p in site.lesson_notebooks(ROOT) if p.stem.startswith("01"))
    page = (out / "notebooks" / f"{lesson.stem}.html").read_text(encoding="utf-8")
    assert "bd-toc" in page  # the page's own contents, beside the text
    assert f"_sources/notebooks/{lesson.stem}.ipynb" in page  # download the notebook
    owner, name = course_site["repo"].split("/")
    assert f"https://mybinder.org/v2/gh/{owner}/{name}/main?urlpath=lab/tree/notebooks/{lesson.stem}.ipynb" in page
    assert f"https://{course_site['hub']}/hub/user-redirect/git-pull?repo=https%3A//github.com/{owner}/{name}" in page


def test_hide_input_cells_fold_their_code_away(built):
    lesson = next(p for p in site.lesson_notebooks(ROOT) if p.stem.startswith("01"))
    cells = nbformat.read(lesson, as_version=4).cells
    hidden = [cell for cell in cells if "hide-input" in cell.metadata.get("tags", [])]
    assert hidden
    page = (built["student"][0] / "notebooks" / f"{lesson.stem}.html").read_text(encoding="utf-8")
    assert page.count('class="cell tag_hide-input docutils container"') == len(hidden)
    assert page.count('<details class="admonition hide above-input">') == len(hidden)  # the code, folded


def solution_lines(notebook: Path) -> set[str]:
    """Stripped lines inside ### BEGIN/END SOLUTION and hidden-test regions of a solutions notebook."""
    lines, inside = set(), False
    for cell in nbformat.read(notebook, as_version=4).cells:
        for line in cell.source.splitlines():
            marker = line.strip()
            if marker in ("### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS"):
                inside = True
            elif marker in ("### END SOLUTION", "### END HIDDEN TESTS"):
                inside = False
            elif inside and marker:
                lines.add(marker)
        inside = False
    return lines


def published_text() -> str:
    """Everything students see anyway: lesson and exercise notebooks as stored."""
    paths = site.lesson_notebooks(ROOT)
    return "\n".join(path.read_text(encoding="utf-8") for path in paths + site.exercise_notebooks(ROOT))


def test_no_solution_text_in_the_student_site(built):
    solutions = sorted((ROOT / "solutions").glob("*.ipynb")) if (ROOT / "solutions").is_dir() else []
    if not solutions:
        pytest.skip("no solutions/ folder: nothing that could leak")
    public = published_text()
    # A line that is also in a lesson or in the exercise itself (an import, a stub) is not a secret.
    secret = {
        line
        for path in solutions
        for line in solution_lines(path)
        if len(line) >= 8 and json.dumps(line)[1:-1] not in public
    }
    assert secret, "the solutions hold no solution lines: check the markers"
    out, parsed = built["student"]
    leaked = {
        f"{page.name}: {line}" for page, content in parsed.items() for line in secret if line in "".join(content.text)
    }
    sources = [path for path in out.rglob("*") if path.suffix in (".ipynb", ".md", ".txt", ".js")]
    leaked |= {
        f"{path.name}: {line}"
        for path in sources
        for line in secret
        if line in path.read_text(encoding="utf-8", errors="replace")
    }
    assert leaked == set()


def test_no_quiz_key_in_the_student_site(built):
    out, parsed = built["student"]
    text = "\n".join("".join(content.text) for content in parsed.values())
    assert "Answer key" not in text
    for path in sorted((ROOT / "instructors" / "quizzes").glob("*.json")):
        assert not any(f"({question['id']})" in text for question in json.loads(path.read_text())["questions"])


def test_site_never_reads_solutions(tmp_path):
    root = _mini_repo(tmp_path)
    (root / "solutions").mkdir()
    (root / "solutions" / "01.ipynb").write_text(nbformat.writes(_notebook("SECRET_ANSWER = 42")))
    (root / "exercises" / "solutions").mkdir(parents=True)
    (root / "exercises" / "solutions" / "x.ipynb").write_text(nbformat.writes(_notebook("SECRET_ANSWER = 43")))
    (root / "exercises" / "01_x.ipynb").write_text(nbformat.writes(_notebook("answer = ...")))
    stage = tmp_path / "stage"
    site.stage_student(root, stage)
    assert (stage / "exercises" / "01_x.ipynb").is_file()
    assert not (stage / "solutions").exists() and not (stage / "exercises" / "solutions").exists()
    assert not any("SECRET_ANSWER" in path.read_text() for path in stage.rglob("*") if path.is_file())


@pytest.mark.parametrize("marker", ["### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS"])
def test_exercise_with_a_solution_region_stops_the_build(tmp_path, marker):
    root = _mini_repo(tmp_path)
    (root / "exercises" / "02.ipynb").write_text(nbformat.writes(_notebook(f"{marker}\nx = 1\n### END")))
    with pytest.raises(AllianceLabError, match="not a student version"):
        site.build(tmp_path / "site", root=root)
    assert not (tmp_path / "site" / "index.html").exists()


def test_widgets_appear_as_their_stored_figure(built):
    out, parsed = built["student"]
    page = out / "notebooks" / "02_burden_sharing.html"
    text = "".join(parsed[page].text)
    assert text.count("Interactive explorer, starting view.") == 2
    assert text.count("To use it, open the notebook in JupyterLab") == 2
    assert "Starting values: Share of GDP (%): 2.0" in text
    html = page.read_text()
    assert "application/vnd.jupyter.widget-state+json" not in html
    figures = re.findall(r'<div class="alliancelab-figure" role="img" aria-label="([^"]*)"', html)
    assert [alt.split(" of ")[0] for alt in figures] == ["Line chart"] * 2  # each with its own alt text


def test_data_dictionary_lists_every_table_with_row_counts(built):
    out, parsed = built["student"]
    text = " ".join("".join(parsed[out / "data.html"].text).split())
    package = json.loads((ROOT / "data" / "datapackage.json").read_text())
    for resource in package["resources"]:
        rows = len(pd.read_csv(ROOT / "data" / resource["path"], dtype=str, keep_default_na=False))
        assert f"{rows} rows in {resource['path']}" in text
        for field in resource["schema"]["fields"]:
            assert field["name"] in text
            for value in field.get("constraints", {}).get("enum", []):
                assert str(value) in text
    assert re.search(r"one of: diplomacy, security, trade", text)


def test_glossary_holds_every_lessons_key_terms(built):
    out, parsed = built["student"]
    text = " ".join("".join(parsed[out / "glossary.html"].text).split())
    terms = [term for path in site.lesson_notebooks(ROOT) for term, _ in site.key_terms(path)]
    assert len(terms) > 20
    assert all(term in text for term in terms)
    assert parsed[out / "glossary.html"].ids >= {"term-Alliance"}


def test_references_list_the_sources_of_the_data(built):
    out, parsed = built["student"]
    links = set(parsed[out / "references.html"].links)
    rows = pd.read_csv(ROOT / "data" / "events.csv", dtype=str, keep_default_na=False)
    assert set(rows["source_url"]) <= links


def test_key_terms_read_wrapped_definitions(tmp_path):
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "## Key terms\n\n- **Hub**: the centre\n  of the system.\n- **Spoke**: an ally.\n\n## Next\n- **No**: x"
            )
        ]
    )
    path = tmp_path / "01_x.ipynb"
    nbformat.write(notebook, path)
    assert site.key_terms(path) == [("Hub", "the centre of the system."), ("Spoke", "an ally.")]


def test_missing_descriptor_is_a_clear_error(tmp_path):
    root = _mini_repo(tmp_path)
    (root / "data" / "datapackage.json").unlink()
    with pytest.raises(AllianceLabError, match="datapackage.json is missing"):
        site.build(tmp_path / "site", root=root)


def _mini_repo(tmp_path: Path) -> Path:
    """A repository skeleton: the real data/, empty notebooks/ and exercises/."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "notebooks").mkdir()
    (root / "exercises").mkdir()
    return root


def _notebook(source: str, tags=(), output=None):
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)} if tags else {})
    if output:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=output)]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A page"), cell])
