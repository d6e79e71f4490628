"""Lesson quizzes: load them from ``instructors/quizzes/NN.json`` and export them for class use.

The files hold the answer keys, so they stay with the instructor notes in the repository: they are not
package data and never reach the student tree (``alliancelab release``).

Two formats:

- ``markdown``: the questions, then an answer key with explanations and sources (print it, or paste it into
  any LMS page);
- ``gift``: Moodle's GIFT import format (Question bank -> Import -> GIFT). Multiple choice is written
  ``{=right ~wrong ...}``, true/false ``{T}`` / ``{F}``, numerical ``{#value:tolerance}``, short answer
  ``{=a =b}``; the explanation becomes the general feedback (``####``). The characters ``~ = # { } :`` and
  the backslash are escaped with a backslash, and line breaks are written ``\\n``, as Moodle's own exporter
  does (``qformat_gift::repchar``).

A quiz file holds ``lesson``, ``title`` and ``questions``; each question has an ``id`` (unique across all
quizzes), a ``type`` (``mc``, ``tf``, ``numerical`` or ``short``), the ``question`` text, the answer
(``choices`` + ``answer`` for mc; ``answer`` true/false for tf; ``answer`` + ``tolerance`` [+ ``unit``] for
numerical; ``answers``, the accepted spellings, for short), an ``explanation``, a ``kind`` (``fact``,
``concept`` or ``model``) and ``sources``: data rows (``{"table": ..., "match": {column: value, ...}}``,
optionally ``"column"`` holding the numerical answer) or lesson sections (``{"lesson": file, "section":
heading}``). A ``fact`` question cites at least one data row.

Usage: ``export(2, "gift")`` returns the GIFT text for lesson 02's quiz; the command line is
``alliancelab quiz 2 --format gift --out quiz02.gift``.
"""

import json
from pathlib import Path

from alliancelab import validation
from alliancelab.errors import AllianceLabError

QUIZ_DIR = Path(__file__).resolve().parent.parent.parent / "instructors" / "quizzes"
FORMATS = ("markdown", "gift")
TYPES = ("mc", "tf", "numerical", "short")
KINDS = ("fact", "concept", "model")
TYPE_LABELS = {"mc": "multiple choice", "tf": "true or false", "numerical": "numerical", "short": "short answer"}

_GIFT_SPECIAL = {
    "\\": "\\\\",
    "~": "\\~",
    "=": "\\=",
    "#": "\\#",
    "{": "\\{",
    "}": "\\}",
    ":": "\\:",
    "\n": "\\n",
    "\r": "",
}


# --- loading and checking -----------------------------------------------------------------------------


def available() -> list[int]:
    """The lesson numbers that have a quiz file, in order."""
    return sorted(int(path.stem) for path in QUIZ_DIR.glob("[0-9][0-9].json"))


def _choices_text() -> str:
    return ", ".join(str(n) for n in available()) or "(none)"


def load(lesson) -> dict:
    """The checked quiz for ``lesson`` (an int such as 2), or an AllianceLabError listing the choices."""
    if isinstance(lesson, bool) or not isinstance(lesson, int):
        raise AllianceLabError(
            f"The lesson must be a whole number such as 2, got {lesson!r}. "
            f"Quizzes exist for lessons: {_choices_text()}."
        )
    path = QUIZ_DIR / f"{lesson:02d}.json"
    if lesson < 0 or not path.exists():
        raise AllianceLabError(f"There is no quiz for lesson {lesson}. Choose one of: {_choices_text()}.")
    try:
        quiz = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise AllianceLabError(f"{path.name} is not valid JSON: {err}.") from None
    return check(quiz, path.name, lesson)


def check(quiz, where: str = "quiz", lesson=None) -> dict:
    """``quiz`` unchanged if it is well formed, else an AllianceLabError naming ``where`` and the question."""
    if not isinstance(quiz, dict):
        raise AllianceLabError(f"{where}: a quiz must be a JSON object with lesson, title and questions.")
    missing = [key for key in ("lesson", "title", "questions") if key not in quiz]
    if missing:
        raise AllianceLabError(f"{where}: missing {', '.join(missing)}.")
    if lesson is not None and quiz["lesson"] != lesson:
        raise AllianceLabError(f"{where}: says lesson {quiz['lesson']!r}, but the file is for lesson {lesson}.")
    questions = quiz["questions"]
    if not isinstance(questions, list) or not questions:
        raise AllianceLabError(f"{where}: questions must be a non-empty list.")
    seen = set()
    for number, question in enumerate(questions, 1):
        label = f"{where}, question {number}"
        if not isinstance(question, dict):
            raise AllianceLabError(f"{label}: each question must be a JSON object.")
        qid = question.get("id")
        if not isinstance(qid, str) or not qid.strip():
            raise AllianceLabError(f"{label}: needs an id (text).")
        if qid in seen:
            raise AllianceLabError(f"{where}: the id {qid!r} is used twice.")
        seen.add(qid)
        _check_question(question, f"{where}, {qid}")
    return quiz


def _text(question, key, label) -> str:
    value = question.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AllianceLabError(f"{label}: {key} must be non-empty text.")
    return value


def _finite(value, name, label) -> float:
    return validation.number(f"{label}: {name}", value)


def _check_question(question: dict, label: str) -> None:
    kind = question.get("type")
    if kind not in TYPES:
        raise AllianceLabError(f"{label}: unknown type {kind!r}. Use one of: {', '.join(TYPES)}.")
    _text(question, "question", label)
    _text(question, "explanation", label)
    if question.get("kind") not in KINDS:
        raise AllianceLabError(f"{label}: kind must be one of: {', '.join(KINDS)}.")
    if kind == "mc":
        choices = question.get("choices")
        if not isinstance(choices, list) or len(choices) < 2 or not all(isinstance(c, str) and c for c in choices):
            raise AllianceLabError(f"{label}: a multiple-choice question needs at least two text choices.")
        if len(set(choices)) != len(choices):
            raise AllianceLabError(f"{label}: two choices are the same.")
        if question.get("answer") not in choices:
            raise AllianceLabError(f"{label}: the answer {question.get('answer')!r} is not one of its choices.")
    elif kind == "tf":
        if not isinstance(question.get("answer"), bool):
            raise AllianceLabError(f"{label}: a true/false answer must be true or false.")
    elif kind == "numerical":
        _finite(question.get("answer"), "answer", label)
        if _finite(question.get("tolerance"), "tolerance", label) < 0:
            raise AllianceLabError(f"{label}: the tolerance must be 0 or more.")
    else:
        answers = question.get("answers")
        if not isinstance(answers, list) or not answers or not all(isinstance(a, str) and a.strip() for a in answers):
            raise AllianceLabError(f"{label}: a short-answer question needs a list of accepted answers.")
    sources = question.get("sources")
    if not isinstance(sources, list) or not sources:
        raise AllianceLabError(f"{label}: sources must be a non-empty list.")
    for source in sources:
        kinds = ({"table", "match"}, {"lesson", "section"})
        if not isinstance(source, dict) or not any(keys <= set(source) for keys in kinds):
            raise AllianceLabError(f"{label}: each source needs table + match (a data row) or lesson + section.")
    if question["kind"] == "fact" and not any("table" in s for s in sources):
        raise AllianceLabError(f"{label}: a fact question must cite a row in data/.")


# --- shared text helpers ------------------------------------------------------------------------------


def _number(value) -> str:
    """A number without exponent or trailing zeros: 54000, 1.0551, 0.6."""
    text = f"{float(value):.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def cite(source: dict) -> str:
    """A one-line citation of a data row or a lesson section."""
    if "table" in source:
        keys = ", ".join(f"{column} = {value}" for column, value in source["match"].items())
        return f"`data/{source['table']}.csv`, row {keys}"
    return f'`notebooks/{source["lesson"]}`, section "{source["section"].lstrip("# ")}"'


def answer_text(question: dict) -> str:
    """The answer as a reader would write it."""
    kind = question["type"]
    if kind == "mc":
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[question["choices"].index(question["answer"])]
        return f"{letter}. {question['answer']}"
    if kind == "tf":
        return "True" if question["answer"] else "False"
    if kind == "numerical":
        unit = f" {question['unit']}" if question.get("unit") else ""
        tolerance = f" (accept ± {_number(question['tolerance'])})" if question["tolerance"] else ""
        return f"{_number(question['answer'])}{unit}{tolerance}"
    return " / ".join(question["answers"])


# --- Markdown -----------------------------------------------------------------------------------------


def to_markdown(quiz: dict) -> str:
    """Questions, then an answer key with explanations and sources."""
    lines = [
        f"# Quiz: lesson {quiz['lesson']:02d} · {quiz['title']}",
        "",
        f"*Alliance Politics Lab. {len(quiz['questions'])} questions; the answer key follows them.*",
        "",
    ]
    for number, question in enumerate(quiz["questions"], 1):
        label = TYPE_LABELS[question["type"]]
        if question["type"] == "numerical" and question.get("unit"):
            label += f"; answer in {question['unit']}"
        lines += [f"**{number}.** ({label}) {question['question']}", ""]
        if question["type"] == "mc":
            lines += [
                f"   {letter}. {choice}" for letter, choice in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", question["choices"])
            ]
            lines.append("")
        elif question["type"] == "tf":
            lines += ["   True / False", ""]
        else:
            lines += ["   Answer: ____________________", ""]
    lines += ["---", "", "## Answer key", ""]
    for number, question in enumerate(quiz["questions"], 1):
        sources = "; ".join(cite(source) for source in question["sources"])
        lines += [
            f"{number}. **{answer_text(question)}** ({question['id']}). {question['explanation']}",
            f"   *Source:* {sources}.",
            "",
        ]
    return "\n".join(lines)


# --- GIFT ---------------------------------------------------------------------------------------------


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters ``~ = # { } :`` and the backslash; line breaks become ``\\n``."""
    return "".join(_GIFT_SPECIAL.get(char, char) for char in str(text))


def _gift_answer(question: dict) -> str:
    kind = question["type"]
    if kind == "mc":
        return " ".join(
            ("=" if choice == question["answer"] else "~") + gift_escape(choice) for choice in question["choices"]
        )
    if kind == "tf":
        return "T" if question["answer"] else "F"
    if kind == "numerical":
        return f"#{_number(question['answer'])}:{_number(question['tolerance'])}"
    return " ".join("=" + gift_escape(answer) for answer in question["answers"])


def to_gift(quiz: dict) -> str:
    """The quiz in Moodle GIFT format, one question per paragraph, in its own question-bank category."""
    lines = [
        f"// Alliance Politics Lab: quiz for lesson {quiz['lesson']:02d} ({quiz['title']}).",
        "// Import in Moodle: Question bank > Import > GIFT format.",
        f"$CATEGORY: $course$/top/Alliance Politics Lab/Lesson {quiz['lesson']:02d}",
        "",
    ]
    for question in quiz["questions"]:
        text = question["question"]
        if question["type"] == "numerical" and question.get("unit"):
            text += f" (Answer in {question['unit']}.)"
        sources = "; ".join(cite(source).replace("`", "") for source in question["sources"])
        feedback = f"{question['explanation']} Source: {sources}."
        lines += [
            f"::{gift_escape(question['id'])}::{gift_escape(text)} "
            f"{{{_gift_answer(question)} ####{gift_escape(feedback)}}}",
            "",
        ]
    return "\n".join(lines)


# --- the one entry point ------------------------------------------------------------------------------


def export(lesson: int, fmt: str) -> str:
    """The quiz for ``lesson`` as text in ``fmt`` ("markdown" or "gift")."""
    if not isinstance(fmt, str) or fmt not in FORMATS:
        raise AllianceLabError(f"Unknown quiz format {fmt!r}. Choose one of: {', '.join(FORMATS)}.")
    quiz = load(lesson)
    return to_markdown(quiz) if fmt == "markdown" else to_gift(quiz)
