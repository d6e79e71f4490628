"""Present a lesson live in Voila, for lecturing: the widgets work, the code is hidden.

    make present LESSON=02            # or: alliancelab present 02

Voila runs the notebook top to bottom in a fresh kernel and shows only its text, figures and
widgets. Stop it with Ctrl+C. ``--port`` picks the port (Voila's default is 8866) and
``--no-browser`` stops it opening a browser tab (for a lecture-hall machine already showing one).

Voila uses the module's template (``presentation/voila/templates/alliancelab``: the "lab" template with its
figures' alt text kept, links underlined and slider handles named), found through ``voila_env()``.
"""

import os
import re
import sys
from pathlib import Path

from alliancelab.errors import AllianceLabError
from alliancelab.lessons import LESSONS, NOTEBOOK_DIR

TEMPLATE = "alliancelab"
TEMPLATE_ROOT = Path(__file__).parent / "presentation"  # holds voila/templates/alliancelab


def choices() -> str:
    """The numbers of the lessons that exist, e.g. "00, 01, 02"."""
    return ", ".join(f"{lesson.number:02d}" for lesson in LESSONS if lesson.available)


def lesson_notebook(lesson, notebook_dir=NOTEBOOK_DIR) -> Path:
    """The notebook of a lesson given as its number ("02", "2" or 2) or its file name."""
    text = str(lesson).strip()
    match = re.fullmatch(r"(\d{1,2})(_[a-z0-9_]+)?(\.ipynb)?", text)
    if isinstance(lesson, bool) or not match:
        raise AllianceLabError(
            f"Give the lesson as its number, e.g. LESSON=02; got {lesson!r}. Lessons available: {choices()}."
        )
    number = int(match.group(1))
    for registered in LESSONS:
        if registered.number == number:
            if match.group(2) and match.group(2)[1:] != registered.slug:
                raise AllianceLabError(f"Lesson {number:02d} is {registered.filename}, not {text!r}.")
            path = Path(notebook_dir) / registered.filename
            if not path.is_file():
                raise AllianceLabError(
                    f"Lesson {number:02d} ({registered.title}) is still in preparation: "
                    f"{path.name} does not exist yet. Lessons available: {choices()}."
                )
            return path
    raise AllianceLabError(f"There is no lesson {number:02d}. Lessons available: {choices()}.")


def voila_env(env=None) -> dict:
    """``env`` (default: this process's environment) with the module's template folder first on JUPYTER_PATH."""
    env = dict(os.environ if env is None else env)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(TEMPLATE_ROOT), env.get("JUPYTER_PATH", "")]))
    return env


def voila_command(notebook: Path, *, port: int | None = None, open_browser: bool = True) -> list[str]:
    """The command line that serves ``notebook`` with Voila: code hidden, no tracebacks shown."""
    command = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        "--strip_sources=True",
        "--show_tracebacks=False",
        f"--template={TEMPLATE}",
    ]
    if port is not None:
        port = int(port)
        if not 1 <= port <= 65535:
            raise AllianceLabError(f"The port must be between 1 and 65535, got {port}.")
        command.append(f"--Voila.port={port}")
    if not open_browser:
        command.append("--no-browser")
    return command
