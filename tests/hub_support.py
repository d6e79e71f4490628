"""A real JupyterHub for the class test: start it, talk to it as its users, stop everything.

The hub runs from this virtual environment with configurable-http-proxy from npm (``make hub-proxy`` puts it
in build/hub-proxy), the dummy authenticator and the simple local-process spawner (every user's server runs as
the current user, with a home of its own under the run's folder), on free loopback ports. Every process it
starts carries a marker in its environment, so that the last step can end any that outlived the hub.
"""

import asyncio
import concurrent.futures
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROXY = ROOT / "build" / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
MARKER = "ALLIANCELAB_HUB_RUN"
START_TIMEOUT = 300  # seconds for the hub, or a user's server, to come up on a loaded machine
SERVICE = "class-test"


def proxy_command() -> str | None:
    """configurable-http-proxy from build/hub-proxy, else from the PATH."""
    return str(PROXY) if PROXY.exists() else shutil.which("configurable-http-proxy")


def missing_requirement() -> str | None:
    """Why the hub test cannot run here, or None."""
    for module in ("jupyterhub", "nbgitpuller", "nbgrader", "requests", "tornado"):
        if importlib.util.find_spec(module) is None:
            return f"the Python package {module} is missing (pip install -e '.[instructor,test,hub]')"
    if not (BIN / "jupyterhub").exists() or not (BIN / "jupyterhub-singleuser").exists():
        return f"jupyterhub's commands are not in {BIN}"
    if shutil.which("node") is None:
        return "node is missing (configurable-http-proxy runs on node)"
    if proxy_command() is None:
        return "configurable-http-proxy is missing (make hub-proxy installs it from npm into build/hub-proxy)"
    if shutil.which("git") is None:
        return "git is missing (nbgitpuller clones with git)"
    return None


def free_ports(count: int) -> list[int]:
    """Ports on 127.0.0.1 that nothing listens on now (held open together, so they differ)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


CONFIG = """\
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {public}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///" + {db!r}
c.JupyterHub.cookie_secret_file = {secret!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {{"instructor"}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = {timeout}
c.Spawner.http_timeout = {timeout}
c.Spawner.environment = {{{marker!r}: {run!r}}}
c.JupyterHub.services = [{{"name": {service!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "class-test", "services": [{service!r}],
                             "scopes": ["admin:users", "admin:servers", "tokens", "access:servers"]}}]
"""


@dataclass
class Hub:
    """A running hub: its public address, its admin (service) token, its folder and log."""

    url: str
    token: str
    folder: Path
    log: Path
    run: str
    users: dict = field(default_factory=dict)  # name -> API token

    def api(self, method: str, path: str, expect=(200, 201, 202, 204), **kwargs):
        """Call the hub's REST API with the service token; fail with the hub's answer if unexpected."""
        import requests

        answer = requests.request(
            method, f"{self.url}/hub/api{path}", timeout=60, headers={"Authorization": f"token {self.token}"}, **kwargs
        )
        assert answer.status_code in expect, f"{method} /hub/api{path}: {answer.status_code} {answer.text[:500]}"
        return answer.json() if answer.content else None

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def add_users(self, names, note: str = "class test") -> list[str]:
        """Create the users and start their servers (the hub spawns them together); wait until each answers,
        then give each an API token of their own. Returns the users whose server stopped while starting or did
        not answer within START_TIMEOUT (they get no token; the hub's log says why)."""
        for name in names:
            self.api("POST", f"/users/{name}", expect=(201, 409))
            self.api("POST", f"/users/{name}/server", expect=(201, 202, 400))
            self.users[name] = None
        deadline = time.monotonic() + START_TIMEOUT
        failed = []
        for name in names:
            while not (server := self.api("GET", f"/users/{name}")["servers"].get("", {})).get("ready"):
                if not server or time.monotonic() > deadline:
                    failed.append(name)
                    break
                time.sleep(1)
            else:
                answer = self.api("POST", f"/users/{name}/tokens", json={"note": note, "expires_in": 7200})
                self.users[name] = answer["token"]
        return failed

    def login(self, name: str):
        """A browser-like session (cookies) of ``name`` logged in through the hub's login form."""
        import requests

        browser = requests.Session()
        form = browser.get(f"{self.url}/hub/login", timeout=60)
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form.text)
        answer = browser.post(
            f"{self.url}/hub/login",
            timeout=120,
            data={"username": name, "password": "any", **({"_xsrf": xsrf.group(1)} if xsrf else {})},
        )
        assert answer.status_code == 200 and "jupyterhub-session-id" in browser.cookies, (
            f"{name} could not log in: {answer.status_code} {answer.url}"
        )
        return browser

    def user(self, name: str) -> "UserServer":
        return UserServer(self, name, self.users[name])


@dataclass
class UserServer:
    """One user's single-user server, reached through the proxy with the user's own token."""

    hub: Hub
    name: str
    token: str

    @property
    def base(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def request(self, method: str, path: str, expect=(200, 201, 204), **kwargs):
        import requests

        answer = requests.request(
            method, f"{self.base}{path}", timeout=120, headers={"Authorization": f"token {self.token}"}, **kwargs
        )
        assert answer.status_code in expect, f"{self.name}: {method} {path}: {answer.status_code} {answer.text[:500]}"
        return answer

    def contents(self, path: str, content: bool = True) -> dict:
        return self.request("GET", f"/api/contents/{path}", params={"content": int(content)}).json()

    def save(self, path: str, notebook: dict) -> None:
        self.request("PUT", f"/api/contents/{path}", json={"type": "notebook", "format": "json", "content": notebook})

    def start_kernel(self, notebook_path: str) -> str:
        """A kernel for ``notebook_path`` (a session, as JupyterLab opens it: it runs in the notebook's folder)."""
        session = self.request(
            "POST",
            "/api/sessions",
            json={"path": notebook_path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
        ).json()
        return session["kernel"]["id"]

    def kernel(self, kernel_id: str) -> "KernelChannel":
        return KernelChannel(self.base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels", self.token)


class KernelChannel:
    """The kernel websocket of Jupyter Server (JSON messages), as JupyterLab uses it."""

    def __init__(self, url: str, token: str):
        self.url, self.token, self.session = url, token, uuid.uuid4().hex

    async def connect(self) -> None:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        request = HTTPRequest(
            self.url, headers={"Authorization": f"token {self.token}"}, connect_timeout=120, request_timeout=120
        )
        self.socket = await websocket_connect(request, max_message_size=256 * 1024 * 1024)

    def run(self, coroutine_function, *args, timeout: float = 300):
        """Connect, run ``coroutine_function(self, *args)``, close; the result, or a timeout error."""

        async def main():
            await self.connect()
            try:
                return await asyncio.wait_for(coroutine_function(self, *args), timeout)
            finally:
                self.socket.close()

        # A thread of its own, so that an event loop already running in this process (Playwright's, when the
        # browser tests share the worker) does not stop asyncio.run.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, main()).result()

    async def send(self, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "session": self.session,
            "username": "",
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "version": "5.3",
        }
        await self.socket.write_message(
            json.dumps(
                {
                    "header": header,
                    "parent_header": {},
                    "metadata": {},
                    "content": content,
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        return msg_id

    async def receive(self) -> dict:
        raw = await self.socket.read_message()
        if raw is None:
            raise AssertionError("the kernel websocket closed")
        if isinstance(raw, bytes):  # a message with binary buffers: offsets first, then the JSON
            count = int.from_bytes(raw[:4], "big")
            offsets = [int.from_bytes(raw[4 * (i + 1) : 4 * (i + 2)], "big") for i in range(count)]
            raw = raw[offsets[0] : offsets[1] if count > 1 else None].decode()
        return json.loads(raw)

    async def replies(self, msg_id: str) -> list[dict]:
        """Every iopub message answering ``msg_id``, until the kernel is idle again."""
        messages = []
        while True:
            message = await self.receive()
            if message.get("parent_header", {}).get("msg_id") != msg_id or message.get("channel") != "iopub":
                continue
            messages.append(message)
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                return messages

    async def execute(self, code: str) -> list[dict]:
        return await self.replies(
            await self.send(
                "execute_request",
                {
                    "code": code,
                    "silent": False,
                    "store_history": True,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            )
        )


def draws_figure(message: dict) -> bool:
    """Whether a kernel message sends an explorer's new figure (the HTML widget holding its image layers)."""
    value = message["content"].get("data", {}).get("state", {}).get("value")
    return message["msg_type"] == "comm_msg" and isinstance(value, str) and 'class="alliancelab-figure"' in value


def errors(messages: list[dict]) -> list[str]:
    """The tracebacks among a cell's messages, without their colours."""
    return [
        re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(m["content"].get("traceback", []))) or m["content"].get("evalue", "")
        for m in messages
        if m["msg_type"] == "error"
    ]


@contextmanager
def running_hub(folder: Path):
    """A JupyterHub in ``folder`` until the block ends; then every process it started is ended."""
    folder.mkdir(parents=True, exist_ok=True)
    public, hub_port, api = free_ports(3)
    token, run = secrets.token_hex(32), secrets.token_hex(8)
    config = folder / "jupyterhub_config.py"
    config.write_text(
        CONFIG.format(
            public=public,
            hub=hub_port,
            api=api,
            proxy=proxy_command(),
            db=str(folder / "jupyterhub.sqlite"),
            secret=str(folder / "cookie_secret"),
            homes=str(folder / "home"),
            timeout=START_TIMEOUT,
            singleuser=str(BIN / "jupyterhub-singleuser"),
            marker=MARKER,
            run=run,
            service=SERVICE,
            token=token,
        ),
        encoding="utf-8",
    )
    log = folder / "jupyterhub.log"
    env = dict(os.environ, **{MARKER: run, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"})
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(config)],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{public}", token, folder, log, run)
    try:
        _wait_for_hub(hub, process)
        yield hub
    finally:
        for name in list(hub.users):
            try:
                hub.api("DELETE", f"/users/{name}/server", expect=(202, 204, 400, 404))
            except Exception:  # noqa: BLE001 - ending what is left matters more than this answer
                pass
        _stop(process)
        _end_marked(run)


def _wait_for_hub(hub: Hub, process: subprocess.Popen) -> None:
    import requests

    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"JupyterHub exited with code {process.returncode}:\n{hub.log_tail()}")
        try:
            if requests.get(f"{hub.url}/hub/api/", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise AssertionError(f"JupyterHub did not answer within {START_TIMEOUT} s:\n{hub.log_tail()}")


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the hub's process group (the hub stops its servers and proxy), SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, 60), (signal.SIGKILL, 10)):
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            continue


def _end_marked(run: str) -> None:
    """SIGKILL every process still carrying this run's marker (a server, kernel or proxy that outlived the hub)."""
    needle = f"{MARKER}={run}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                os.kill(int(entry.name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            continue
