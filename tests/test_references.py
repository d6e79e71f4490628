"""The bibliography, the citations in every lesson and note, the glossary and the concept map."""

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from alliancelab import brief, references
from alliancelab.errors import AllianceLabError
from alliancelab.plotting import concepts

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary.md"
LESSON_FILES = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))


def _text(path: Path) -> str:
    if path.suffix == ".ipynb":
        return "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    return path.read_text(encoding="utf-8")


def _glossary_rows() -> list:
    rows = [line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    return [[part.strip() for part in row.strip("|").split("|")] for row in rows[1:]]  # skip the header


def test_bibliography_has_at_least_25_full_entries():
    entries = references.bibliography()
    assert len(entries) >= 25
    for key, entry in entries.items():
        assert {"author", "title", "year"} <= set(entry), key
        if entry["type"] == "article":
            assert "journal" in entry, key  # volume, issue and pages only where a source confirmed them
        if entry["type"] == "book":
            assert "publisher" in entry, key


def test_primary_sources_link_to_official_sites():
    entries = references.bibliography()
    official = {
        "treaty1960": "mofa.go.jp",
        "nss2022": "cas.go.jp",
        "whitehouse2025": "whitehouse.gov",
        "eo14345": "federalregister.gov",
        "scotus2026": "supremecourt.gov",
        "nath2024": "cbgabd.org",
    }
    for key, domain in official.items():
        assert domain in entries[key]["url"], key


def test_cited_keys_are_found_in_order_once():
    text = "As [@cha2009] and [@lind2004; @samuels2007] argue, and again [@cha2009]; an email a@b.c is not one."
    assert references.cited_keys(text) == ["cha2009", "lind2004", "samuels2007"]


@pytest.mark.parametrize(
    "path",
    LESSON_FILES + [ROOT / "README.md", GLOSSARY] + sorted((ROOT / "instructors").glob("*.md")),
    ids=lambda p: p.name,
)
def test_every_cited_key_is_in_the_bibliography(path):
    missing = set(references.cited_keys(_text(path))) - set(references.bibliography())
    assert not missing, f"{path.name} cites keys missing from references.bib: {sorted(missing)}"


def test_every_lesson_ends_with_readings_and_cites_by_key():
    for path in sorted((ROOT / "notebooks").glob("0[0-6]*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        headings = [cell.source.splitlines()[0] for cell in cells if cell.cell_type == "markdown" and cell.source]
        assert "## Readings" in headings, path.name
        assert references.cited_keys(_text(path)), path.name


def test_reference_formats_articles_books_and_primary_sources():
    assert references.reference("snyder1984") == (
        'Snyder, Glenn H. (1984). "The Security Dilemma in Alliance Politics". *World Politics* 36(4): 461–495. '
        "[`snyder1984`]"
    )
    assert (
        "*After Hegemony: Cooperation and Discord in the World Political Economy*. Princeton, NJ: Princeton "
        "University Press." in references.reference("keohane1984")
    )
    assert references.reference("naim2009") == (
        'Naím, Moisés (2009). "Minilateralism: The Magic Number to Get Real International Action". *Foreign Policy*. '
        "[`naim2009`]"
    )
    assert "<https://www.supremecourt.gov/opinions/25pdf/24-1287_4gcj.pdf>" in references.reference("scotus2026")
    with pytest.raises(AllianceLabError, match="No entry 'nobody1999'"):
        references.reference("nobody1999")


def test_readings_lists_required_then_further():
    text = references.readings(["olson1966"], ["sandler1977"])
    assert text.index("**Required**") < text.index("Olson") < text.index("**Further**") < text.index("Sandler")
    assert "**Further**" not in references.readings(["olson1966"])


def test_a_duplicate_key_is_refused(tmp_path):
    bib = tmp_path / "x.bib"
    bib.write_text("@book{a2000,\n  title = {A},\n}\n@book{a2000,\n  title = {B},\n}\n", encoding="utf-8")
    with pytest.raises(AllianceLabError, match="defines the key 'a2000' twice"):
        references.bibliography(bib)


def test_glossary_defines_each_term_once_and_links_a_lesson():
    rows = _glossary_rows()
    terms = [row[0].lower() for row in rows]
    assert len(rows) >= 60
    assert len(terms) == len(set(terms)), sorted({t for t in terms if terms.count(t) > 1})
    for term, _, meaning, lesson in rows:
        assert meaning, term
        target = re.fullmatch(r"\[(\d\d)\]\((notebooks/\1_\w+\.ipynb)\)", lesson)
        assert target and (ROOT / target.group(2)).exists(), (term, lesson)


def test_glossary_romanises_and_glosses_japanese_terms():
    japanese = {row[1].split(" ")[0]: row for row in _glossary_rows() if row[1]}
    for script, romaji in [
        ("思いやり予算", "omoiyari yosan"),
        ("存立危機事態", "sonritsu kiki jitai"),
        ("同盟強靱化予算", "dōmei kyōjinka yosan"),
        ("外圧", "gaiatsu"),
    ]:
        assert romaji in japanese[script][1], script
    for term, script, _, _ in _glossary_rows():
        if script and not script.startswith("環太平洋"):
            assert re.search(r"\([a-zōūāē' ,\-\"A-Z]+", script), (term, script)  # a romanisation in brackets


def test_concept_map_marks_every_theory_and_agrees_with_the_brief_map():
    chart = concepts.concept_map()
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left").startswith("Concept map")
    assert axes.get_xlabel() and axes.get_ylabel()
    assert len(axes.lines) == sum(len(taught) for _, _, taught in concepts.THEORIES)
    assert "Joint products (private benefits): lesson 02" in chart.alt
    for heading in brief.SECTIONS.values():
        assert heading in chart.alt
    keys = {key for _, ks, _ in concepts.THEORIES for key in ks}
    assert keys <= set(references.bibliography())
    paragraphs = pd.read_csv(ROOT / "data" / "brief_map.csv")
    paragraphs = paragraphs[paragraphs["item"].str.startswith("P")]
    for section, lesson in zip(paragraphs["section"], paragraphs["lesson"]):
        assert concepts.LESSON_SECTION[int(lesson)] == section


def test_brief_citation_links_the_publisher_page():
    paragraphs = pd.read_csv(ROOT / "data" / "brief_map.csv")
    assert set(paragraphs["source_url"]) == {brief.URL}
    assert f"[{brief.URL}]({brief.URL})" in brief.citation()
    for path in (ROOT / "README.md", ROOT / "notebooks" / "00_start_here.ipynb"):
        assert brief.URL in _text(path), path.name
