"""Lesson quizzes: every quiz loads, cites real data rows and lesson sections, and exports to Markdown and GIFT."""

import copy
import csv
import json
import math
import re

import pytest

from alliancelab.data import DATA_DIR
from alliancelab.errors import AllianceLabError
from alliancelab.instructor import quiz
from alliancelab.lessons import LESSONS, NOTEBOOK_DIR

LESSON_NUMBERS = quiz.available()
ALL = [(n, q) for n in LESSON_NUMBERS for q in quiz.load(n)["questions"]]
ID = [q["id"] for _, q in ALL]


def rows(table):
    with open(DATA_DIR / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def notebook_markdown(filename):
    nb = json.loads((NOTEBOOK_DIR / filename).read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_every_available_lesson_from_00_to_05_has_a_quiz():
    assert set(range(6)) <= set(LESSON_NUMBERS)
    assert all(n in {lesson.number for lesson in LESSONS} for n in LESSON_NUMBERS)


@pytest.mark.parametrize("lesson", LESSON_NUMBERS)
def test_each_quiz_loads_with_five_to_eight_questions_of_several_types(lesson):
    loaded = quiz.load(lesson)
    assert loaded["lesson"] == lesson
    assert 5 <= len(loaded["questions"]) <= 8
    assert len({q["type"] for q in loaded["questions"]}) >= 3


def test_question_ids_are_unique_across_all_quizzes():
    assert len(ID) == len(set(ID))


@pytest.mark.parametrize("lesson,question", ALL, ids=ID)
def test_answer_is_one_of_the_choices_and_well_typed(lesson, question):
    if question["type"] == "mc":
        assert question["answer"] in question["choices"]
        assert len(set(question["choices"])) == len(question["choices"]) >= 2
    elif question["type"] == "tf":
        assert isinstance(question["answer"], bool)
    elif question["type"] == "numerical":
        assert math.isfinite(question["answer"]) and question["tolerance"] >= 0
    else:
        assert question["answers"] and all(a.strip() for a in question["answers"])


@pytest.mark.parametrize("lesson,question", ALL, ids=ID)
def test_each_data_source_names_exactly_one_row_and_supports_numerical_answers(lesson, question):
    for source in question["sources"]:
        if "table" not in source:
            continue
        matches = [
            row
            for row in rows(source["table"])
            if all(row[column] == str(value) for column, value in source["match"].items())
        ]
        assert len(matches) == 1, f"{question['id']}: {source} matches {len(matches)} rows"
        if "column" in source:
            assert question["type"] == "numerical"
            assert abs(float(matches[0][source["column"]]) - question["answer"]) <= question["tolerance"] + 1e-9


@pytest.mark.parametrize("lesson,question", ALL, ids=ID)
def test_each_lesson_source_names_a_real_section(lesson, question):
    for source in question["sources"]:
        if "lesson" in source:
            assert source["section"] in notebook_markdown(source["lesson"]), f"{question['id']}: {source}"


@pytest.mark.parametrize("lesson,question", ALL, ids=ID)
def test_fact_questions_cite_data(lesson, question):
    if question["kind"] == "fact":
        assert any("table" in source for source in question["sources"])


# --- GIFT ------------------------------------------------------------------------------------------------


def test_gift_escape_on_tricky_text():
    text = "Ratio 1:2 = {half}? ~approx #3 a\\b\nnext"
    assert quiz.gift_escape(text) == "Ratio 1\\:2 \\= \\{half\\}? \\~approx \\#3 a\\\\b\\nnext"


def test_gift_escape_leaves_ordinary_text_alone():
    assert (
        quiz.gift_escape("Japan's 15% tariff (2025) - 'new golden age'")
        == "Japan's 15% tariff (2025) - 'new golden age'"
    )


SAMPLE = {
    "lesson": 2,
    "title": "Sample: tricky {text}",
    "questions": [
        {
            "id": "s-1",
            "type": "mc",
            "kind": "concept",
            "question": "Pick x = 1: which?",
            "choices": ["a=b", "c~d"],
            "answer": "a=b",
            "explanation": "Because #1.",
            "sources": [{"lesson": "02_burden_sharing.ipynb", "section": "## Key terms"}],
        },
        {
            "id": "s-2",
            "type": "tf",
            "kind": "concept",
            "question": "True?",
            "answer": False,
            "explanation": "No.",
            "sources": [{"lesson": "02_burden_sharing.ipynb", "section": "## Key terms"}],
        },
        {
            "id": "s-3",
            "type": "numerical",
            "kind": "fact",
            "question": "How much?",
            "answer": 9.04,
            "tolerance": 0.005,
            "unit": "trillion yen",
            "explanation": "Row.",
            "sources": [{"table": "defense_spending", "match": {"fiscal_year": "FY2026", "series": "budget_initial"}}],
        },
        {
            "id": "s-4",
            "type": "short",
            "kind": "concept",
            "question": "Name it.",
            "answers": ["win-set", "win set"],
            "explanation": "Putnam.",
            "sources": [{"lesson": "03_trade_and_economic_security.ipynb", "section": "## Key terms"}],
        },
    ],
}


def test_gift_output_for_each_question_type_is_exact():
    lines = [line for line in quiz.to_gift(SAMPLE).splitlines() if line.startswith("::")]
    assert lines[0] == (
        "::s-1::Pick x \\= 1\\: which? {=a\\=b ~c\\~d ####Because \\#1. Source\\: "
        'notebooks/02_burden_sharing.ipynb, section "Key terms".}'
    )
    assert lines[1].startswith("::s-2::True? {F ####No.")
    assert lines[2].startswith(
        "::s-3::How much? (Answer in trillion yen.) {#9.04:0.005 ####Row. Source\\: "
        "data/defense_spending.csv, row fiscal_year \\= FY2026"
    )
    assert lines[3].startswith("::s-4::Name it. {=win-set =win set ####Putnam.")


def test_gift_true_false_and_category():
    text = quiz.to_gift({**SAMPLE, "questions": [dict(SAMPLE["questions"][1], answer=True)]})
    assert "::s-2::True? {T ####No." in text
    assert "$CATEGORY: $course$/top/Alliance Politics Lab/Lesson 02" in text


@pytest.mark.parametrize("lesson", LESSON_NUMBERS)
def test_gift_export_has_one_well_formed_question_per_quiz_item(lesson):
    text = quiz.export(lesson, "gift")
    questions = [line for line in text.splitlines() if line.startswith("::")]
    assert len(questions) == len(quiz.load(lesson)["questions"])
    for line in questions:
        body = line.split("::", 2)[2]
        unescaped = re.sub(r"\\.", "", body)  # drop escaped characters
        assert unescaped.count("{") == 1 and unescaped.count("}") == 1 and unescaped.endswith("}")


# --- Markdown --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", LESSON_NUMBERS)
def test_markdown_has_questions_then_an_answer_key_with_sources(lesson):
    text = quiz.export(lesson, "markdown")
    loaded = quiz.load(lesson)
    head, key = text.split("## Answer key")
    assert head.startswith(f"# Quiz: lesson {lesson:02d} · ")
    assert head.count("**") // 2 == len(loaded["questions"])
    assert key.count("*Source:*") == len(loaded["questions"])
    for question in loaded["questions"]:
        bold_answer = f"**{quiz.answer_text(question)}**"
        assert bold_answer in key and bold_answer not in head


def test_markdown_answer_key_gives_letters_and_true_false():
    text = quiz.to_markdown(SAMPLE)
    head, key = text.split("## Answer key")
    assert "   A. a=b" in head and "   True / False" in head and "Answer: ___" in head
    assert "1. **A. a=b** (s-1)" in key
    assert "2. **False** (s-2)" in key
    assert "3. **9.04 trillion yen (accept ± 0.005)** (s-3)" in key
    assert "4. **win-set / win set** (s-4)" in key
    assert "`data/defense_spending.csv`, row fiscal_year = FY2026, series = budget_initial" in key


# --- bad inputs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", [99, -1, 2.0, "2", True, None])
def test_unknown_lesson_lists_the_choices(lesson):
    with pytest.raises(AllianceLabError, match=r"(Choose one of|Quizzes exist for lessons): 0, 1, 2"):
        quiz.export(lesson, "markdown")


@pytest.mark.parametrize("fmt", ["pdf", "GIFT", "", None])
def test_unknown_format_lists_the_choices(fmt):
    with pytest.raises(AllianceLabError, match="Choose one of: markdown, gift"):
        quiz.export(2, fmt)


def broken(change):
    bad = copy.deepcopy(SAMPLE)
    change(bad)
    return bad


@pytest.mark.parametrize(
    "change,message",
    [
        (lambda q: q["questions"][0].update(answer="z"), "not one of its choices"),
        (lambda q: q["questions"][0].update(choices=["a=b"]), "at least two"),
        (lambda q: q["questions"][1].update(answer="yes"), "true or false"),
        (lambda q: q["questions"][2].update(tolerance=-1), "0 or more"),
        (lambda q: q["questions"][2].update(answer=float("nan")), "finite number"),
        (lambda q: q["questions"][3].update(answers=[]), "accepted answers"),
        (lambda q: q["questions"][3].update(type="essay"), "unknown type"),
        (lambda q: q["questions"][1].update(id="s-1"), "used twice"),
        (
            lambda q: q["questions"][2].update(sources=[{"lesson": "02_burden_sharing.ipynb", "section": "x"}]),
            "must cite a row",
        ),
        (lambda q: q.pop("questions"), "missing questions"),
    ],
)
def test_malformed_quiz_is_rejected_with_a_clear_message(change, message):
    with pytest.raises(AllianceLabError, match=message):
        quiz.check(broken(change), "sample.json")
