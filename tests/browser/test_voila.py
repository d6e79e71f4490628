"""Presentation mode: a lesson served by Voila (as ``make present LESSON=02`` does) in a real browser.

Voila runs the notebook and shows its text, figures and widgets without code. The first test opens
lesson 02 (copied to a temporary folder), checks that no source code and no error is shown,
that every widget renders with a figure, and that a keyboard nudge on a slider redraws it.
The second runs axe-core over every lesson's presentation once its widgets have rendered: no serious or
critical accessibility violation (axe-core from ``npm ci``; without it the test is skipped).
"""

import secrets
import shutil

import pytest
from browser_support import (
    AXE,
    SCREENSHOT_DIR,
    WIDGET_VIEWS,
    Server,
    axe_violations,
    figure_src,
    free_port,
    jupyter_env,
    notebooks,
    nudge_until_redrawn,
    stored_widget_count,
)

from alliancelab.instructor.present import lesson_notebook, voila_command, voila_env

pytestmark = pytest.mark.browser

LESSON = "02"
RENDER_SECONDS = 180


def serve(tmp_path_factory, target, folder):
    """Voila serving ``target`` (one notebook, or a folder of them) from ``folder``, on a loopback port with a token."""
    home = tmp_path_factory.mktemp("voila-home")
    port, token = free_port(), secrets.token_hex(16)
    command = voila_command(target, port=port, open_browser=False)
    command += ["--Voila.ip=127.0.0.1", "--Voila.port_retries=0", f"--Voila.token={token}"]
    server = Server(command, port, token, voila_env(jupyter_env(home)), folder, home / "voila.log")
    server.wait_until_ready("voila/static/voila.js")  # a static file: does not start a kernel
    return server


@pytest.fixture(scope="module")
def voila_server(tmp_path_factory, browser):
    folder = tmp_path_factory.mktemp("voila-root")
    server = serve(tmp_path_factory, shutil.copy(lesson_notebook(LESSON), folder), folder)
    server.notebook = lesson_notebook(LESSON)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def voila_lessons(tmp_path_factory, browser):
    """One Voila for every lesson (a folder of copies): each renders at /voila/render/<file>."""
    if not AXE.is_file():
        pytest.skip(f"axe-core is missing ({AXE}): run `npm ci` (make test does)")
    folder = tmp_path_factory.mktemp("voila-lessons")
    for notebook in notebooks():
        shutil.copy(notebook, folder)
    server = serve(tmp_path_factory, folder, folder)
    try:
        yield server
    finally:
        server.stop()


def wait_for_widgets(page, notebook) -> int:
    """Wait until every widget the notebook stores has rendered with its figure; returns how many there are."""
    expected = stored_widget_count(notebook)
    page.wait_for_function(
        """([selector, expected]) => {
            const views = document.querySelectorAll(selector);
            const drawn = (view) => view.querySelector(".alliancelab-figure img");
            return views.length === expected && Array.from(views).every(drawn);
        }""",
        arg=[WIDGET_VIEWS, expected],
        timeout=RENDER_SECONDS * 1000,
    )
    return expected


def test_presentation_shows_widgets_not_code(page, voila_server):
    page.goto(voila_server.url("/"))
    assert wait_for_widgets(page, voila_server.notebook) > 0
    widgets = page.locator(WIDGET_VIEWS)
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


@pytest.mark.parametrize("notebook", notebooks(), ids=lambda path: path.stem)
def test_presentation_passes_axe(browser, voila_lessons, notebook):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(voila_lessons.url(f"/voila/render/{notebook.name}"), timeout=RENDER_SECONDS * 1000)
        wait_for_widgets(page, notebook)
        assert axe_violations(page, notebook.stem) == []
        # An explorer's figure is a box named by its alt text, holding the layers as unnamed images.
        unnamed = page.eval_on_selector_all(
            "img:not(.alliancelab-figure img), .alliancelab-figure",
            "figures => figures.filter(f => (f.alt ?? f.getAttribute('aria-label') ?? '').trim().length < 20).length",
        )
        assert unnamed == 0, "a figure without its alt text"
    finally:
        context.close()
