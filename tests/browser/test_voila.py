"""Presentation mode: a lesson served by Voila (as ``make present LESSON=02`` does) in a real browser.

Voila runs the notebook and shows its text, figures and widgets without code. The test opens
lesson 02 (copied to a temporary folder), checks that no source code and no error is shown,
that every widget renders with a figure, and that a keyboard nudge on a slider redraws it.
"""

import secrets
import shutil

import pytest
from browser_support import (
    SCREENSHOT_DIR,
    WIDGET_VIEWS,
    Server,
    figure_src,
    free_port,
    jupyter_env,
    nudge_until_redrawn,
    stored_widget_count,
)

from alliancelab.instructor.present import lesson_notebook, voila_command

pytestmark = pytest.mark.browser

LESSON = "02"
RENDER_SECONDS = 180


@pytest.fixture(scope="module")
def voila_server(tmp_path_factory, browser):
    home = tmp_path_factory.mktemp("voila-home")
    folder = tmp_path_factory.mktemp("voila-root")
    notebook = shutil.copy(lesson_notebook(LESSON), folder)
    port, token = free_port(), secrets.token_hex(16)
    command = voila_command(notebook, port=port, open_browser=False)
    command += ["--Voila.ip=127.0.0.1", "--Voila.port_retries=0", f"--Voila.token={token}"]
    server = Server(command, port, token, jupyter_env(home), folder, home / "voila.log")
    server.notebook = lesson_notebook(LESSON)
    try:
        server.wait_until_ready("voila/static/voila.js")  # a static file: does not start a kernel
        yield server
    finally:
        server.stop()


def test_presentation_shows_widgets_not_code(page, voila_server):
    page.goto(voila_server.url("/"))
    expected = stored_widget_count(voila_server.notebook)
    assert expected > 0
    widgets = page.locator(WIDGET_VIEWS)
    page.wait_for_function(
        """([selector, expected]) => {
            const views = document.querySelectorAll(selector);
            const drawn = (view) => view.querySelector(".alliancelab-figure img");
            return views.length === expected && Array.from(views).every(drawn);
        }""",
        arg=[WIDGET_VIEWS, expected],
        timeout=RENDER_SECONDS * 1000,
    )
    body = page.locator("body").inner_text()
    assert "What the brief argues" in body
    assert "BurdenCalculator(" not in body, "code is shown"
    assert page.locator(".jp-CodeCell").count() > 0  # the code cells are there, only their code is hidden
    code_shown = page.locator(".jp-CodeCell .jp-InputArea").evaluate_all(
        "areas => areas.map(a => a.innerText.trim()).join('')"
    )
    assert code_shown == "", "code is shown"
    assert "Error displaying widget" not in body
    assert "Traceback" not in body
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0

    widget = widgets.first
    widget.scroll_into_view_if_needed()
    before = figure_src(widget)
    moved = nudge_until_redrawn(page, widget)
    assert figure_src(widget) != before
    print(f"voila {LESSON}: {moved}")
    widget.scroll_into_view_if_needed()
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"voila_{LESSON}_widget1.png"))
