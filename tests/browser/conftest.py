"""Fixtures of the real-browser tests: one headless Chromium and one JupyterLab for the session.

The tests need the system Chromium (``/usr/bin/chromium``, or the path in ``ALLIANCELAB_CHROMIUM``)
and the ``playwright`` Python package; without either they are skipped and the reason is shown.
Playwright's own browser download (``playwright install``) is never used.
"""

import pytest
from browser_support import SCREENSHOT_DIR, headless_chromium, jupyterlab_page, missing_requirement, running_jupyterlab


def pytest_collection_modifyitems(config, items):
    reason = missing_requirement()
    if reason is None:
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {reason}"))


def _require_browser():
    reason = missing_requirement()
    if reason:
        pytest.skip(f"browser test skipped: {reason}")


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """JupyterLab serving a temporary copy of notebooks/ (see :func:`browser_support.running_jupyterlab`)."""
    _require_browser()
    with running_jupyterlab(tmp_path_factory.mktemp("lab")) as server:
        yield server


@pytest.fixture
def page(browser):  # used by the Voila test
    """A fresh page in its own browser context, so nothing carries over between tests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def lab_page(browser, lab_server):
    """One JupyterLab page for the whole session: loading JupyterLab once saves seconds per lesson."""
    with jupyterlab_page(browser, lab_server) as page:
        yield page


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
