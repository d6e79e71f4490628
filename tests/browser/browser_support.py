"""Helpers of the real-browser tests: finding lessons, running servers, moving widgets.

The tests drive a real JupyterLab (and Voila) in headless Chromium through Playwright. They
need the system Chromium (``/usr/bin/chromium``, or the path in ``ALLIANCELAB_CHROMIUM``) and
the ``playwright`` Python package; without either they are skipped with the reason shown.
Playwright's own browser download (``playwright install``) is never used.

JupyterLab runs on a free loopback port with a random token, temporary config, data, runtime,
settings and workspace folders, and a temporary copy of ``notebooks/`` as its root, so it can
never save over the stored lessons. The lessons find ``data/`` through the package itself.
"""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
SCREENSHOT_DIR = ROOT / "build" / "screenshots"
CHROMIUM = Path(os.environ.get("ALLIANCELAB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SERVER_START_SECONDS = 60

# JupyterLab user settings for the test server: no autosave (nothing is written back), no
# news or update pop-ups, and every cell kept in the page (no virtual scrolling), so the
# tests can see every output.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                       "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def notebooks() -> list[Path]:
    """Every lesson notebook in notebooks/ (discovered, so new lessons are tested too)."""
    return sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))


def missing_requirement() -> str | None:
    """Why the browser tests cannot run here, or None if they can."""
    if not CHROMIUM.is_file():
        return f"Chromium not found at {CHROMIUM} (install the 'chromium' package or set ALLIANCELAB_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the 'playwright' Python package is not installed (pip install -e '.[test]')"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def jupyter_env(home: Path) -> dict:
    """Environment with every Jupyter folder pointing inside ``home`` (a temporary folder)."""
    env = dict(os.environ)
    for name in ("config", "data", "runtime", "settings", "workspaces"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTER_PLATFORM_DIRS="1",
               IPYTHONDIR=str(home / "ipython"), MPLBACKEND="Agg", PYTHONUNBUFFERED="1")
    return env


class Server:
    """A Jupyter server process on 127.0.0.1 with a token; stopped by :meth:`stop`."""

    def __init__(self, command: list[str], port: int, token: str, env: dict, cwd: Path, log: Path):
        self.port, self.token, self.log = port, token, log
        self.base = f"http://127.0.0.1:{port}"
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(command, env=env, cwd=cwd, stdout=self._log_file,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def url(self, path: str) -> str:
        separator = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{separator}token={self.token}"

    def wait_until_ready(self, probe: str) -> None:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early; log:\n{self.log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(self.url(probe), timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"server did not answer in {SERVER_START_SECONDS} s; log:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()


def copy_notebooks(target: Path) -> Path:
    """A throw-away copy of notebooks/ (without checkpoints) for a server to open."""
    shutil.copytree(NOTEBOOK_DIR, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return target


# --- widgets in the page --------------------------------------------------------------------

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# A cell output that holds a rendered widget (an explorer's outer box); the figure is the image
# inside the explorer's Output widget.
WIDGET_VIEWS = ".jp-OutputArea-output:has(> .jupyter-widgets)"
FIGURE = ".widget-output img"
REDRAW_SECONDS = 30


def stored_widget_count(notebook: Path) -> int:
    """How many widget views the notebook displays (counted in its stored outputs)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(WIDGET_MIME in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


def figure_src(widget):
    return widget.locator(FIGURE).first.get_attribute("src")


def slider_readout(slider):
    readout = slider.locator(".widget-readout")
    return readout.first.inner_text() if readout.count() else None


def nudge_until_redrawn(page, widget, wait_until_idle=None):
    """Press arrow keys on the widget's slider handles until its figure changes; say which key did it.

    A key press on a focused slider handle commits a new value (the sliders use
    ``continuous_update=False``). A handle already at its end does not move, so the other key is
    tried; a value the model rejects ("Not drawn:") moves on to the next slider.
    ``wait_until_idle(page)`` waits for the kernel after the redraw, where the page can tell.
    """
    before = figure_src(widget)
    sliders = widget.locator(".widget-slider")
    tried = []
    for index in range(sliders.count()):
        slider = sliders.nth(index)
        label = slider.locator(".widget-label").first.inner_text() if slider.locator(".widget-label").count() else ""
        handles = slider.locator(".noUi-handle")
        for handle_index in range(handles.count()):
            for key in ("ArrowLeft", "ArrowRight"):
                readout = slider_readout(slider)
                handles.nth(handle_index).focus()
                handles.nth(handle_index).press(key)
                page.wait_for_timeout(100)
                if slider_readout(slider) == readout:
                    tried.append(f"{label} {key}: at its end")
                    continue
                changed = page.wait_for_function(
                    """([widget, before, figure]) => {
                        const img = widget.querySelector(figure);
                        const status = widget.textContent.includes("Not drawn:");
                        return (img && img.getAttribute("src") !== before) || status;
                    }""",
                    arg=[widget.element_handle(), before, FIGURE], timeout=REDRAW_SECONDS * 1000)
                assert changed
                if wait_until_idle is not None:
                    wait_until_idle(page)
                after = figure_src(widget)
                if after != before:
                    return f"{label!r} {key}: {readout} -> {slider_readout(slider)}"
                tried.append(f"{label} {key}: not drawn ({widget.inner_text()[:120]!r})")
    raise AssertionError(f"no slider changed the figure; tried: {tried}")
