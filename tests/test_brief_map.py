"""The coverage map: every paragraph of the brief and every checkable claim is taught somewhere that exists."""

import json
import re
from pathlib import Path

import pytest

from alliancelab import brief, data
from alliancelab.lessons import LESSONS, NOTEBOOK_DIR

BRIEF_TEXT = Path(__file__).resolve().parents[2] / "shared" / "brief" / "000_983274cfa627c9ed.txt"


@pytest.fixture(scope="module")
def brief_map():
    return data.load("brief_map")


def headings(lesson_number: int) -> set[str]:
    lesson = LESSONS[lesson_number]
    notebook = json.loads((NOTEBOOK_DIR / lesson.filename).read_text(encoding="utf-8"))
    return {
        line.strip()
        for cell in notebook["cells"]
        if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).splitlines()
        if line.startswith("#")
    }


def test_every_paragraph_is_mapped(brief_map):
    paragraphs = {i for i in brief_map["item"] if i.startswith("P")}
    assert paragraphs == {f"P{n:02d}" for n in range(1, brief.PARAGRAPHS + 1)}


def test_every_claim_is_mapped(brief_map):
    assert set(data.load("brief_claims")["claim_id"]) <= set(brief_map["item"])


def test_every_mapped_heading_exists_in_its_lesson(brief_map):
    for row in brief_map.itertuples():
        assert row.heading in headings(row.lesson), f"{row.item}: {row.heading!r} is not in lesson {row.lesson:02d}"


def test_claims_are_mapped_to_the_section_that_makes_them(brief_map):
    claims = data.load("brief_claims").set_index("claim_id")["section"]
    for row in brief_map[brief_map["item"].str.startswith("C")].itertuples():
        assert row.section == claims[row.item], row.item


@pytest.mark.skipif(not BRIEF_TEXT.exists(), reason="the brief's text is not beside the repository (../shared)")
def test_paragraph_quotes_open_the_paragraphs_in_order(brief_map):
    text = BRIEF_TEXT.read_text(encoding="utf-8")
    paragraphs = [line for line in text.splitlines() if len(line.split()) > 20 and not line.startswith("–")]
    rows = brief_map[brief_map["item"].str.startswith("P")].sort_values("item")
    assert len(paragraphs) == brief.PARAGRAPHS
    for paragraph, quote in zip(paragraphs, rows["quote"]):
        assert re.sub(r"\s+", " ", paragraph).startswith(quote)
