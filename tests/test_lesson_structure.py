"""Every lesson notebook has the shape of a lesson: objectives, time, key terms, figure, widget, questions."""

import json

import pytest

from alliancelab.lessons import LESSONS, NOTEBOOK_DIR

AVAILABLE = [lesson for lesson in LESSONS if lesson.available]
ALWAYS = ["## Learning objectives", "**Estimated time**", "## Key terms", "## Discuss", "## Key points"]
CONTENT_LESSON = [
    "## What the brief argues",
    "## What happened next (2025–26)",
    "## Interpretation / debate",
    "## Sources",
]


def cells(lesson):
    return json.loads((NOTEBOOK_DIR / lesson.filename).read_text(encoding="utf-8"))["cells"]


def markdown(lesson) -> str:
    return "\n".join("".join(c["source"]) for c in cells(lesson) if c["cell_type"] == "markdown")


@pytest.mark.parametrize("lesson", AVAILABLE, ids=lambda lesson: lesson.filename)
def test_lesson_has_the_standard_parts(lesson):
    text = markdown(lesson)
    required = ALWAYS + (CONTENT_LESSON if 1 <= lesson.number <= 5 else [])
    missing = [part for part in required if part not in text]
    assert not missing, f"{lesson.filename} lacks {missing}"
    assert text.lstrip().startswith(f"# {lesson.number:02d} · ")


@pytest.mark.parametrize("lesson", AVAILABLE, ids=lambda lesson: lesson.filename)
def test_lesson_shows_a_figure_with_alt_text_and_a_widget(lesson):
    outputs = [o for c in cells(lesson) if c["cell_type"] == "code" for o in c["outputs"]]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{lesson.filename} shows no figure"
    assert all(o["metadata"]["image/png"]["alt"] for o in images), "a figure lacks alt text"
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs), (
        f"{lesson.filename} has no widget"
    )


@pytest.mark.parametrize("lesson", AVAILABLE, ids=lambda lesson: lesson.filename)
def test_code_cells_stay_short(lesson):
    long_cells = [
        c["source"] for c in cells(lesson) if c["cell_type"] == "code" and len("".join(c["source"]).splitlines()) > 6
    ]
    assert not long_cells, f"{lesson.filename}: move logic into alliancelab/: {long_cells[0][:80]}"


@pytest.mark.parametrize("lesson", AVAILABLE, ids=lambda lesson: lesson.filename)
def test_lesson_says_how_current_its_data_is(lesson):
    """Right after the title, one hidden-input cell shows "Data current to DATE", computed from the data."""
    cell = cells(lesson)[1]
    assert cell["cell_type"] == "code" and "hide-input" in cell["metadata"].get("tags", [])
    assert "data.current_to_line()" in "".join(cell["source"])
    shown = [text for o in cell["outputs"] for text in o.get("data", {}).get("text/markdown", [])]
    assert not cell["outputs"] or "Data current to" in "".join(shown)
