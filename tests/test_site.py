"""The static site: every page is written, every local link resolves, and no solution leaks into it."""

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
from alliancelab.lessons import LESSONS

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ("http:", "https:", "mailto:", "data:", "javascript:")


class Page(HTMLParser):
    """The links, element ids and text of one HTML page."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.text, self._skip = [], set(), [], 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])
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
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    pages = site.build(out)
    return out, pages, {path: Page(path) for path in out.rglob("*.html")}


def _pages_by_resolved_path(parsed):
    return {path.resolve(): content for path, content in parsed.items()}


def test_every_page_is_written(built):
    out, pages, parsed = built
    expected = {out / "index.html", out / "data" / "index.html"}
    expected |= {out / "notebooks" / f"{Path(lesson.filename).stem}.html" for lesson in LESSONS if lesson.available}
    expected |= {out / path.relative_to(ROOT).with_suffix(".html") for path in site.exercise_notebooks(ROOT)}
    assert set(pages) == expected
    assert set(parsed) == expected
    assert all(path.stat().st_size > 0 for path in pages)


def test_every_local_link_resolves(built):
    out, _, parsed = built
    by_path = _pages_by_resolved_path(parsed)
    checked, broken = 0, []
    for page, content in parsed.items():
        for link in content.links:
            if link.startswith(EXTERNAL) or link.startswith("//"):
                continue
            checked += 1
            parts = urlsplit(link)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            if not target.is_file() or out.resolve() not in target.parents:
                broken.append(f"{page.relative_to(out)}: {link}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in by_path[target].ids:
                broken.append(f"{page.relative_to(out)}: {link} (no such anchor)")
    assert checked > 20  # navigation, lesson links, data files: the check really ran
    assert broken == []


def test_index_lists_lessons_in_teaching_order(built):
    out, _, parsed = built
    links = [link for link in parsed[out / "index.html"].links if link.startswith("notebooks/")]
    assert links == [f"notebooks/{Path(lesson.filename).stem}.html" for lesson in LESSONS if lesson.available]


def test_lesson_pages_link_previous_and_next(built):
    out, _, parsed = built
    lessons = [lesson for lesson in LESSONS if lesson.available]
    second = parsed[out / "notebooks" / f"{Path(lessons[1].filename).stem}.html"]
    assert f"{Path(lessons[0].filename).stem}.html" in " ".join(second.links)
    assert f"{Path(lessons[2].filename).stem}.html" in " ".join(second.links)


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
    paths = [ROOT / "notebooks" / lesson.filename for lesson in LESSONS if lesson.available]
    return "\n".join(path.read_text(encoding="utf-8") for path in paths + site.exercise_notebooks(ROOT))


def test_no_solution_text_in_the_site(built):
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
    _, _, parsed = built
    leaked = {
        f"{page.name}: {line}" for page, content in parsed.items() for line in secret if line in "".join(content.text)
    }
    assert leaked == set()


def test_site_never_reads_solutions(tmp_path):
    root = _mini_repo(tmp_path)
    (root / "solutions").mkdir()
    (root / "solutions" / "01.ipynb").write_text(nbformat.writes(_notebook("SECRET_ANSWER = 42")))
    (root / "exercises" / "solutions").mkdir(parents=True)
    (root / "exercises" / "solutions" / "x.ipynb").write_text(nbformat.writes(_notebook("SECRET_ANSWER = 43")))
    (root / "exercises" / "01.ipynb").write_text(nbformat.writes(_notebook("answer = ...")))
    out = tmp_path / "site"
    pages = site.build(out, root=root)
    assert out / "exercises" / "01.html" in pages
    assert not (out / "solutions").exists() and not (out / "exercises" / "solutions").exists()
    assert not any("SECRET_ANSWER" in page.read_text() for page in out.rglob("*.html"))


@pytest.mark.parametrize("marker", ["### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS"])
def test_exercise_with_a_solution_region_stops_the_build(tmp_path, marker):
    root = _mini_repo(tmp_path)
    (root / "exercises" / "02.ipynb").write_text(nbformat.writes(_notebook(f"{marker}\nx = 1\n### END")))
    with pytest.raises(AllianceLabError, match="not a student version"):
        site.build(tmp_path / "site", root=root)
    assert not (tmp_path / "site" / "index.html").exists()


def test_hide_input_cells_show_output_without_code(tmp_path):
    root = _mini_repo(tmp_path)
    notebook = _notebook("draw_the_figure_now()", tags=["hide-input"], output="FIGURE_OUTPUT_TEXT")
    notebook.cells.append(nbformat.v4.new_code_cell("visible_code_here()"))
    nbformat.write(notebook, root / "notebooks" / LESSONS[0].filename)
    site.build(tmp_path / "site", root=root)
    page = (tmp_path / "site" / "notebooks" / f"{Path(LESSONS[0].filename).stem}.html").read_text()
    assert "FIGURE_OUTPUT_TEXT" in page
    assert "draw_the_figure_now" not in page
    assert "visible_code_here" in page


def test_widgets_appear_as_their_stored_figure(built):
    out, _, parsed = built
    page = out / "notebooks" / "02_burden_sharing.html"
    text = "".join(parsed[page].text)
    assert text.count("Interactive explorer, starting view.") == 2
    assert "Starting values: Share of GDP (%): 2.0" in text
    html = page.read_text()
    assert "application/vnd.jupyter.widget-state+json" not in html
    figures = re.findall(r'<img alt="([^"]*)" src="data:image/svg\+xml;base64,', html)
    assert [alt.split(" of ")[0] for alt in figures] == ["Line chart"] * 2  # each with its own alt text
    assert html.count("data:image/png;base64,") >= 3  # the lesson's own figures


def test_data_dictionary_lists_every_table_with_row_counts(built):
    out, _, parsed = built
    text = "".join(parsed[out / "data" / "index.html"].text)
    package = json.loads((ROOT / "data" / "datapackage.json").read_text())
    for resource in package["resources"]:
        rows = len(pd.read_csv(ROOT / "data" / resource["path"], dtype=str, keep_default_na=False))
        assert f"{rows} rows in {resource['path']}" in text
        for field in resource["schema"]["fields"]:
            assert field["name"] in text
            for value in field.get("constraints", {}).get("enum", []):
                assert str(value) in text
    assert re.search(r"one of: diplomacy, security, trade", text)


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
