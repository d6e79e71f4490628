"""Fixtures of the real-browser tests: one headless Chromium and one JupyterLab for the session.

The tests need the system Chromium (``/usr/bin/chromium``, or the path in ``ALLIANCELAB_CHROMIUM``)
and the ``playwright`` Python package; without either they are skipped and the reason is shown.
Playwright's own browser download (``playwright install``) is never used.
"""

import json
import os
import secrets
import sys

import pytest

from browser_support import (CHROMIUM, CHROMIUM_ARGS, LAB_SETTINGS, SCREENSHOT_DIR, Server, copy_notebooks,
                             free_port, jupyter_env, missing_requirement)


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
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """JupyterLab on 127.0.0.1 serving a temporary copy of notebooks/; stopped after the session.

    Temporary config, data, runtime, settings and workspace folders; no autosave; no news or
    update checks. The copy means JupyterLab can never save over the stored lessons; the lessons
    find data/ through the installed package, so they run from anywhere.
    """
    _require_browser()
    home = tmp_path_factory.mktemp("jupyter-home")
    root = copy_notebooks(tmp_path_factory.mktemp("lab-root") / "notebooks")
    env = jupyter_env(home)
    for name, settings in LAB_SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.expose_app_in_browser=True", "--ServerApp.terminals_enabled=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers often run as root; Jupyter refuses it otherwise
    server = Server(command, port, token, env, root, home / "jupyterlab.log")
    try:
        server.wait_until_ready("api/status")
        yield server
    finally:
        server.stop()


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
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(lab_server.url("lab?reset"))  # "reset": an empty workspace
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.started.then(() => true)", timeout=60_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
