"""Every lesson in a real JupyterLab: run all cells, no errors, every widget renders and responds.

For each notebook in notebooks/ (discovered, so new lessons are covered), the test opens a
temporary copy in JupyterLab in headless Chromium, clears the stored outputs, runs all cells
from the Run menu and waits for the kernel. It then checks that no cell shows an error or a
widget that failed to display, that every widget output shows its controls and a figure, and
that Tab reaches every control, that the figure fits the notebook at 1280 and 1920 pixels, and
that nudging a slider with the keyboard redraws the figure that slider drives. A screenshot of
each widget after the change goes to build/screenshots/ for review.
"""

import pytest
from browser_support import (
    WIDGET_MIME,
    WIDGET_VIEWS,
    close_all_notebooks,
    figure_overflow,
    figure_src,
    notebooks,
    nudge_until_redrawn,
    open_and_run,
    stored_widget_count,
    unreached_by_tab,
    wait_until_idle,
)

# Screen widths at which every explorer's figure must fit the notebook column.
WIDTHS = (1280, 1920)

pytestmark = pytest.mark.browser

# The open notebook as JupyterLab's own model sees it: each code cell as nbformat JSON.
CELLS_JS = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = panel.content.model.cells;
    const result = [];
    for (let i = 0; i < cells.length; i++) { result.push(cells.get(i).toJSON()); }
    return result.filter(cell => cell.cell_type === "code");
}"""


def error_outputs(cells):
    """(cell source, message) for every error output in the code cells."""
    found = []
    for cell in cells:
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                found.append((cell["source"][:80], f"{output['ename']}: {output['evalue']}"))
            elif output["output_type"] == "stream" and output["name"] == "stderr" and "Traceback" in output["text"]:
                found.append((cell["source"][:80], output["text"][-300:]))
    return found


@pytest.mark.parametrize("notebook", notebooks(), ids=lambda path: path.stem)
def test_lesson_runs_and_widgets_respond(lab_page, screenshot_dir, notebook):
    try:
        check_lesson(lab_page, screenshot_dir, notebook)
    finally:
        close_all_notebooks(lab_page)


def check_lesson(page, screenshot_dir, notebook):
    open_and_run(page, notebook.name)
    cells = page.evaluate(CELLS_JS)
    assert cells, "no code cells found"
    assert error_outputs(cells) == []
    assert page.locator(".jp-NotebookPanel .jp-Notebook").count() == 1
    text = page.locator(".jp-NotebookPanel .jp-Notebook").inner_text()
    assert "Error displaying widget" not in text
    assert "Traceback (most recent call last)" not in text

    expected = sum(WIDGET_MIME in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))
    assert expected == stored_widget_count(notebook), "the run shows a different number of widgets than stored"
    widgets = page.locator(WIDGET_VIEWS)
    assert widgets.count() == expected
    for index in range(expected):
        widget = widgets.nth(index)
        widget.scroll_into_view_if_needed()
        assert widget.locator(".jupyter-widgets").count() > 0, f"widget {index + 1} did not render"
        assert widget.locator(".widget-slider, .widget-dropdown, .widget-checkbox").count() > 0
        src = figure_src(widget)
        assert src and src.startswith("data:image/svg+xml;base64,"), f"widget {index + 1} shows no figure"
        assert unreached_by_tab(page, widget) == [], f"widget {index + 1}: Tab does not reach every control"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 1000})
            widget.scroll_into_view_if_needed()
            assert figure_overflow(page, widget) == 0, f"widget {index + 1}: figure cut off at {width} px"
        page.set_viewport_size({"width": 1400, "height": 1000})
        moved = nudge_until_redrawn(page, widget, wait_until_idle)
        print(f"{notebook.stem} widget {index + 1}: {moved}")
        widget.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot_dir / f"lab_{notebook.stem}_widget{index + 1}.png"))
    if expected == 0:
        page.screenshot(path=str(screenshot_dir / f"lab_{notebook.stem}.png"))
