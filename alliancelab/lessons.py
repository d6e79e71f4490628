"""The lesson sequence, in teaching order: one registry for the notebooks, README and site."""

from dataclasses import dataclass
from pathlib import Path

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


@dataclass(frozen=True)
class Lesson:
    number: int
    slug: str
    title: str
    minutes: int

    @property
    def filename(self) -> str:
        return f"{self.number:02d}_{self.slug}.ipynb"

    @property
    def available(self) -> bool:
        return (NOTEBOOK_DIR / self.filename).exists()


LESSONS = (
    Lesson(0, "start_here", "Start here: the brief, the module and the whole timeline", 40),
    Lesson(1, "context", "Context: from Abe to Ishiba", 60),
    Lesson(2, "burden_sharing", "What is at stake: burden sharing", 75),
    Lesson(3, "trade_and_economic_security", "What is at stake: trade, tariffs and economic security", 75),
    Lesson(4, "opportunities", "Opportunities: strategic autonomy and hedging", 60),
    Lesson(5, "what_lies_ahead", "What lies ahead", 60),
    Lesson(6, "reading_critically", "Reading the brief critically: fact-check, scorecard, forecasts", 60),
    Lesson(7, "negotiation_simulation", "Simulation: negotiating host-nation support", 90),
    Lesson(8, "comparing_allies", "Comparing allies under Trump 2.0: South Korea, NATO and the Philippines", 75),
)


def lesson_table() -> str:
    """The lesson map as a Markdown table (title, estimated time, status)."""
    rows = ["| # | Lesson | Time | Status |", "|---|---|---|---|"]
    for lesson in LESSONS:
        status = f"`notebooks/{lesson.filename}`" if lesson.available else "in preparation"
        rows.append(f"| {lesson.number:02d} | {lesson.title} | {lesson.minutes} min | {status} |")
    return "\n".join(rows)
