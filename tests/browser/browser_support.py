"""Helpers of the real-browser tests (and of the benchmark's widget timing in JupyterLab): finding lessons,
running servers, moving widgets.

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
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
SCREENSHOT_DIR = ROOT / "build" / "screenshots"
CHROMIUM = Path(os.environ.get("ALLIANCELAB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SERVER_START_SECONDS = 60
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # from `npm ci` (make test runs it)
BLOCKING = ("serious", "critical")

# JupyterLab user settings for the test server: no autosave (nothing is written back), no
# news or update pop-ups, and every cell kept in the page (no virtual scrolling), so the
# tests can see every output.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
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
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        JUPYTER_PLATFORM_DIRS="1",
        IPYTHONDIR=str(home / "ipython"),
        MPLBACKEND="Agg",
        PYTHONUNBUFFERED="1",
    )
    return env


class Server:
    """A Jupyter server process on 127.0.0.1 with a token; stopped by :meth:`stop`."""

    def __init__(self, command: list[str], port: int, token: str, env: dict, cwd: Path, log: Path):
        self.port, self.token, self.log, self.root = port, token, log, cwd
        self.base = f"http://127.0.0.1:{port}"
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=self._log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )

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


@contextmanager
def headless_chromium():
    """The system Chromium, headless, driven by Playwright (its own browser download is never used)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def running_jupyterlab(folder: Path):
    """JupyterLab on 127.0.0.1 serving a copy of notebooks/ made in ``folder``; stopped on leaving.

    Temporary config, data, runtime, settings and workspace folders; no autosave; no news or
    update checks. The copy means JupyterLab can never save over the stored lessons; the lessons
    find data/ through the installed package, so they run from anywhere.
    """
    home = folder / "jupyter-home"
    root = copy_notebooks(folder / "lab-root" / "notebooks")
    env = jupyter_env(home)
    for name, settings in LAB_SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    port, token = free_port(), secrets.token_hex(16)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.terminals_enabled=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers often run as root; Jupyter refuses it otherwise
    server = Server(command, port, token, env, root, home / "jupyterlab.log")
    try:
        server.wait_until_ready("api/status")
        yield server
    finally:
        server.stop()


@contextmanager
def jupyterlab_page(browser, server):
    """A page showing JupyterLab, started, with an empty workspace, in its own browser context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(server.url("lab?reset"))  # "reset": an empty workspace
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.started.then(() => true)", timeout=60_000)
        yield page
    finally:
        context.close()


# --- JupyterLab in the page ----------------------------------------------------------------

RUN_SECONDS = 180
IDLE_SECONDS = 30

KERNEL_IDLE_JS = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    if (!panel || !panel.sessionContext || !panel.sessionContext.session) { return false; }
    const kernel = panel.sessionContext.session.kernel;
    return kernel !== null && kernel.status === "idle";
}"""

ALL_RUN_JS = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    if (!kernel || kernel.status !== "idle") { return false; }
    const cells = panel.content.model.cells;
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i).toJSON();
        if (cell.cell_type === "code" && cell.source.trim() !== "" && !cell.execution_count) { return false; }
    }
    return true;
}"""


def wait_until_idle(page):
    page.wait_for_function(KERNEL_IDLE_JS, timeout=IDLE_SECONDS * 1000)


def command(page, name):
    page.evaluate("(name) => window.jupyterapp.commands.execute(name)", name)


def open_and_run(page, name):
    page.evaluate("(path) => window.jupyterapp.commands.execute('docmanager:open', {path})", name)
    page.wait_for_function(
        """(name) => {
            const panel = window.jupyterapp.shell.currentWidget;
            return panel && panel.context && panel.context.path === name && panel.context.isReady
                && panel.content.widgets.length > 0;
        }""",
        arg=name,
        timeout=60_000,
    )
    page.wait_for_function(KERNEL_IDLE_JS, timeout=60_000)  # kernel started
    command(page, "notebook:clear-all-cell-outputs")
    assert page.locator(WIDGET_VIEWS).count() == 0
    # Run all cells the way a learner does: Run menu, "Run All Cells".
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(ALL_RUN_JS, timeout=RUN_SECONDS * 1000, polling=250)


def run_new_cell(page, source: str) -> None:
    """Add a code cell holding ``source`` at the end of the open notebook and run it."""
    page.evaluate(
        """async (source) => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            notebook.activeCellIndex = notebook.widgets.length - 1;
            await window.jupyterapp.commands.execute("notebook:insert-cell-below");
            notebook.activeCell.model.sharedModel.setSource(source);
            await window.jupyterapp.commands.execute("notebook:run-cell");
        }""",
        source,
    )
    wait_until_idle(page)


def close_all_notebooks(page):
    """Shut down the kernels and close the notebooks without saving (and without a save dialog)."""
    page.evaluate("""async () => {
        for (const widget of Array.from(window.jupyterapp.shell.widgets("main"))) {
            if (widget.sessionContext) { await widget.sessionContext.shutdown(); }
            if (widget.context) { widget.context.model.dirty = false; }
            widget.dispose();
        }
    }""")


# --- widgets in the page --------------------------------------------------------------------

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# A cell output that holds a rendered widget (an explorer's outer box); the figure is the stack of layer
# images an explorer sends (see alliancelab.plotting.layers); SIGNATURE_JS tells one picture from another.
WIDGET_VIEWS = ".jp-OutputArea-output:has(> .jupyter-widgets)"
FIGURE = ".alliancelab-figure"
SIGNATURE_JS = "(figure) => Array.from(figure.querySelectorAll('img'), img => img.getAttribute('src')).join(' ')"
REDRAW_SECONDS = 30


def stored_widget_count(notebook: Path) -> int:
    """How many widget views the notebook displays (counted in its stored outputs)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(WIDGET_MIME in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


def figure_src(widget):
    """The figure on show, as the sources of its layer images."""
    return widget.locator(FIGURE).first.evaluate(SIGNATURE_JS)


def slider_readout(slider):
    readout = slider.locator(".widget-readout")
    return readout.first.inner_text() if readout.count() else None


def nudge_until_redrawn(page, widget, wait_until_idle=None):
    """Press arrow keys on the widget's slider handles (or Space on its tick boxes, if it has no slider) until its
    figure changes; say which key did it.

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
                    f"""([widget, before, figure]) => {{
                        const img = widget.querySelector(figure);
                        const status = widget.textContent.includes("Not drawn:");
                        return (img && ({SIGNATURE_JS})(img) !== before) || status;
                    }}""",
                    arg=[widget.element_handle(), before, FIGURE],
                    timeout=REDRAW_SECONDS * 1000,
                )
                assert changed
                if wait_until_idle is not None:
                    wait_until_idle(page)
                after = figure_src(widget)
                if after != before:
                    return f"{label!r} {key}: {readout} -> {slider_readout(slider)}"
                tried.append(f"{label} {key}: not drawn ({widget.inner_text()[:120]!r})")
    boxes = widget.locator("input[type=checkbox]")
    for index in range(boxes.count()):  # an explorer without sliders (lesson 08's): tick boxes from the keyboard
        box = boxes.nth(index)
        box.focus()
        box.press("Space")
        changed = page.wait_for_function(
            f"""([widget, before, figure]) => {{
                const img = widget.querySelector(figure);
                return (img && ({SIGNATURE_JS})(img) !== before) || widget.textContent.includes("Not drawn:");
            }}""",
            arg=[widget.element_handle(), before, FIGURE],
            timeout=REDRAW_SECONDS * 1000,
        )
        assert changed
        if wait_until_idle is not None:
            wait_until_idle(page)
        if figure_src(widget) != before:
            return f"tick box {index + 1}: Space"
        tried.append(f"tick box {index + 1}: not drawn")
    raise AssertionError(f"no slider or tick box changed the figure; tried: {tried}")


# One change timed in the page, from the event to the new figure decoded and painted (the next animation frame):
# a key press on a slider handle, or a click on a tick box (an explorer without sliders). Resolves to milliseconds,
# or to null if the control did not move (a handle at its end) or nothing was redrawn within the time limit (a
# rejected value shows "Not drawn:" and keeps the figure).
TIMED_CHANGE_JS = f"""async ([widget, kind, index, key, figure, limit]) => {{
    const signature = {SIGNATURE_JS};
    let state, act;
    if (kind === "slider") {{
        const box = widget.querySelectorAll(".widget-slider")[index];
        const handle = box.querySelector(".noUi-handle");
        handle.focus();
        state = () => box.querySelector(".widget-readout").textContent;
        act = () => handle.dispatchEvent(new KeyboardEvent("keydown", {{key, bubbles: true}}));
    }} else {{
        const tick = widget.querySelectorAll("input[type=checkbox]")[index];
        tick.focus();
        state = () => tick.checked;
        act = () => tick.click();
    }}
    const before = signature(widget.querySelector(figure));
    const rejected = () => widget.textContent.includes("Not drawn:");
    const wasRejected = rejected();
    const redrawn = new Promise(resolve => {{
        const observer = new MutationObserver(() => {{
            const shown = widget.querySelector(figure);
            if (shown && signature(shown) !== before) {{ observer.disconnect(); resolve(shown); }}
            else if (!wasRejected && rejected()) {{ observer.disconnect(); resolve(null); }}
        }});
        observer.observe(widget, {{subtree: true, childList: true, characterData: true, attributes: true,
                                  attributeFilter: ["src"]}});
        setTimeout(() => {{ observer.disconnect(); resolve(null); }}, limit);
    }});
    const value = state();
    const start = performance.now();
    act();
    if (state() === value) {{ return null; }}
    const shown = await redrawn;
    if (shown === null) {{ return null; }}
    await Promise.all(Array.from(shown.querySelectorAll("img"), img => img.decode()));
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
    return performance.now() - start;
}}"""


def time_redraws(page, widget, presses: int) -> tuple[str, list[float]]:
    """Milliseconds from a change to the redrawn figure on screen, for ``presses`` changes.

    Uses the first slider that redraws the figure, pressing ArrowLeft and ArrowRight in turn so that the value
    moves back and forth, or for an explorer without sliders its first tick box that redraws it, clicked on and
    off; returns the control's label and the times.
    """
    sliders = widget.locator(".widget-slider")
    for index in range(sliders.count()):
        label = sliders.nth(index).locator(".widget-label").first.inner_text()
        times = _timed_changes(page, widget, "slider", index, presses)
        if times:
            return label, times
    ticks = widget.locator("input[type=checkbox]")
    for index in range(ticks.count() if not sliders.count() else 0):
        times = _timed_changes(page, widget, "checkbox", index, presses)
        if times:
            return f"tick box {index + 1}", times
    raise AssertionError("no slider or tick box of this widget redraws its figure")


def _timed_changes(page, widget, kind: str, index: int, presses: int) -> list[float]:
    """The times of ``presses`` changes of one control, or [] if it does not redraw the figure."""
    times = []
    for press in range(presses):
        for key in ("ArrowLeft", "ArrowRight") if press % 2 == 0 else ("ArrowRight", "ArrowLeft"):
            elapsed = page.evaluate(
                TIMED_CHANGE_JS, [widget.element_handle(), kind, index, key, FIGURE, REDRAW_SECONDS * 1000]
            )
            wait_until_idle(page)
            if elapsed is not None:
                times.append(elapsed)
                break
        else:
            return []
    return times


# --- keyboard and layout --------------------------------------------------------------------

# The controls of a widget a keyboard user must reach: inputs, buttons, dropdowns, slider handles and readouts.
CONTROLS_JS = """(widget) => Array.from(widget.querySelectorAll(
        'input, select, textarea, button, .noUi-handle, [contenteditable="true"]'))
    .filter(el => !el.disabled && el.getClientRects().length > 0)"""

FOCUSED_JS = f"""(widget) => ({CONTROLS_JS})(widget).indexOf(document.activeElement)"""


def unreached_by_tab(page, widget) -> list[str]:
    """The widget's controls that Tab, pressed from its first control, never focuses (their HTML, shortened)."""
    controls = widget.evaluate_handle(CONTROLS_JS)
    count = page.evaluate("(list) => list.length", controls)
    assert count > 0, "the widget has no keyboard controls"
    page.evaluate("(list) => list[0].focus()", controls)
    reached = {page.evaluate(FOCUSED_JS, widget.element_handle())}
    for _ in range(3 * count):
        page.keyboard.press("Tab")
        index = page.evaluate(FOCUSED_JS, widget.element_handle())
        if index < 0:
            break  # focus left the widget
        reached.add(index)
    return [
        page.evaluate("([list, i]) => list[i].outerHTML.slice(0, 80)", [controls, i])
        for i in range(count)
        if i not in reached
    ]


def figure_overflow(page, widget) -> float:
    """Pixels by which the widget's figure sticks out to the right of the notebook (0 when it fits)."""
    return page.evaluate(
        """([widget, figure]) => {
            const img = widget.querySelector(figure);
            const notebook = widget.closest('.jp-Notebook') || document.documentElement;
            return Math.max(0, img.getBoundingClientRect().right - notebook.getBoundingClientRect().right);
        }""",
        [widget.element_handle(), FIGURE],
    )


def axe_violations(page, label: str, impacts=BLOCKING) -> list[str]:
    """axe-core run over ``page`` as it stands: its violations of the given impacts, one line each (``label`` first).

    The page's context needs ``bypass_csp=True`` where the server sends a Content-Security-Policy (Voila does):
    axe is injected as a script tag.
    """
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{label}: {v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]
