"""Run notebooks top to bottom in a fresh kernel and store their outputs.

nbval compares a notebook's stored outputs with a fresh run, so after editing a lesson,
re-execute it with ``make notebooks`` (or ``alliancelab notebooks PATH...``).
"""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

TIMEOUT_SECONDS = 120


def client(notebook: nbformat.NotebookNode, folder: Path, timeout: int = TIMEOUT_SECONDS) -> NotebookClient:
    """A client that runs ``notebook`` in a fresh kernel in ``folder`` and keeps its widget state."""
    return NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=True,
        resources={"metadata": {"path": str(folder)}},
    )


def execute(path: Path, timeout: int = TIMEOUT_SECONDS) -> nbformat.NotebookNode:
    """Execute the notebook at ``path`` in a fresh kernel, in its own folder, and save it in place."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    client(notebook, path.parent, timeout).execute()
    nbformat.write(notebook, path)
    return notebook
