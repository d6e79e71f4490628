"""Self-study: every "Try this" in a lesson has a folded answer, and every Discuss section has folded notes on
what a good answer contains."""

import nbformat
import pytest

from alliancelab.lessons import NOTEBOOK_DIR

LESSONS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def _markdown(path):
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_try_this_is_followed_by_a_folded_answer(path):
    cells = _markdown(path)
    prompts = [i for i, text in enumerate(cells) if "*Try this" in text]
    assert prompts, "a lesson has at least one Try this"
    for i in prompts:
        following = next((text for text in cells[i + 1 :] if "Try this" in text), "")
        assert following.startswith("<details><summary><b>Answer to <i>Try this</i></b>"), cells[i][:80]
        assert following.rstrip().endswith("</details>")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_discussion_questions_have_notes_for_learners_working_alone(path):
    cells = _markdown(path)
    discuss = next(i for i, text in enumerate(cells) if "## Discuss" in text)
    notes = cells[discuss + 1]
    assert notes.startswith("<details><summary><b>What a good answer contains</b>")
    questions = sum(line[:2].rstrip(".").isdigit() for line in cells[discuss].split("## Key points")[0].splitlines())
    assert sum(line[:2].rstrip(".").isdigit() for line in notes.splitlines()) == questions
