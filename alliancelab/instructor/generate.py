"""Generate the student exercises from the instructor solutions, with nbgrader's own preprocessors.

``solutions/NN_slug.ipynb`` is the single source of each exercise set. The student version
keeps the instructions and self-check cells and loses solution regions (``### BEGIN SOLUTION``
... ``### END SOLUTION``), hidden tests and all outputs: the same steps as
``nbgrader generate_assignment``.
"""

from pathlib import Path

import nbformat
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    ClearSolutions,
    ComputeChecksums,
    LockCells,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
#: What replaces a solution region: nothing that raises, so a blank exercise runs top to bottom
#: and each self-check says "not answered yet".
CODE_STUB = "# YOUR CODE HERE"
TEXT_STUB = "YOUR ANSWER HERE"


def student_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The exercise a student receives, made from a solutions notebook (which is left unchanged)."""
    notebook = nbformat.from_dict(notebook)
    steps = [
        LockCells(),
        ClearSolutions(code_stub={"python": CODE_STUB}, text_stub=TEXT_STUB),
        ClearOutput(),
        ClearHiddenTests(),
        ClearMarkScheme(),
        ComputeChecksums(),
        CheckCellMetadata(),
    ]
    resources = {}
    for step in steps:
        notebook, resources = step.preprocess(notebook, resources)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.execution_count = None
    notebook.metadata.pop("widgets", None)
    return notebook


def generate(solutions: Path = SOLUTIONS, exercises: Path = EXERCISES) -> list[Path]:
    """Write ``exercises/NAME.ipynb`` for every ``solutions/NAME.ipynb``; return the paths written."""
    exercises.mkdir(exist_ok=True)
    written = []
    for source in sorted(Path(solutions).glob("*.ipynb")):
        target = Path(exercises) / source.name
        nbformat.write(student_version(nbformat.read(source, as_version=4)), target)
        written.append(target)
    return written
