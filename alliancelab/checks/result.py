"""What a self-check returns: correct / incorrect / not answered, with a message that helps."""

import html
from dataclasses import dataclass

_LOOK = {
    True: ("✓ Correct", "#009E73"),
    False: ("✗ Not yet", "#D55E00"),
    None: ("… Not answered yet", "#0072B2"),
}


@dataclass(frozen=True)
class Result:
    """The outcome of ``check(task_id, answer)``.

    ``correct`` is True or False for a judged answer and None for one that is missing or
    that a person marks (a written answer). ``message`` says what to do next.
    """

    task_id: str
    correct: bool | None
    message: str

    @property
    def label(self) -> str:
        return _LOOK[self.correct][0]

    def __str__(self) -> str:
        return f"Task {self.task_id}: {self.label}. {self.message}"

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self) -> str:
        label, colour = _LOOK[self.correct]
        return (
            f'<div style="border-left:4px solid {colour};padding:4px 10px">'
            f'<b style="color:{colour}">Task {html.escape(self.task_id)}: {label}.</b> '
            f"{html.escape(self.message)}</div>"
        )


@dataclass(frozen=True)
class Hint:
    """What ``hint(task_id)`` returns: the next hint for a task, asked for before (or instead of) an answer."""

    task_id: str
    message: str

    def __str__(self) -> str:
        return f"Task {self.task_id}: {self.message}"

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self) -> str:
        return (
            f'<div style="border-left:4px solid #E69F00;padding:4px 10px">'
            f'<b style="color:#7a5200">Task {html.escape(self.task_id)}:</b> {html.escape(self.message)}</div>'
        )
