"""Run the grader's runner on one submission inside a bubblewrap sandbox, under resource limits.

The sandbox (``bwrap``) sees the whole file system read-only, with these exceptions: ``/tmp`` is a private,
size-limited tmpfs holding the scratch folder (``/tmp/scratch``, with a copy of the submission) and the plan;
the home folder, ``solutions/``, the gradebook, its folder and the submissions are hidden behind empty read-only
mounts (the module's own files and the Python environment stay readable). It has no network (a new, empty
network namespace: only loopback, which the kernel's messages use), its own process, IPC and UTS namespaces,
no capabilities, and a new terminal session; it dies with the grader. ``prlimit`` sets limits on memory, CPU
time, file size and the number of processes (root is exempt from the last, so the runner also guards the
process count of its namespace). The runner's records come back through a file the grader opened (its stdout),
read up to :data:`RECORDS_LIMIT`; the grader kills a run :data:`GRACE` seconds after its time limit.

Without bubblewrap, :func:`run` can execute the runner directly (``sandbox=False``): the same limits and the
same separation of judging from running, but no file-system or network isolation.
"""

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from alliancelab import data
from alliancelab.errors import AllianceLabError

ROOT = Path(__file__).resolve().parent.parent.parent
RECORDS_LIMIT = 8_000_000  # bytes of runner records read back
GRACE = 30  # seconds on top of the notebook's time limit (kernel start-up, shutdown) before the sandbox is killed
SCRATCH = "/tmp/scratch"
HOME = "/tmp/home"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission's run (per process, except the process count; CPU time is the
    notebook's time limit plus :data:`GRACE`)."""

    memory: int = 4 * 1024**3  # bytes of address space per process
    file_size: int = 64 * 1024**2  # bytes per file written
    scratch: int = 256 * 1024**2  # bytes of the sandbox's /tmp (the scratch folder)
    processes: int = 256  # processes and threads on top of those the user already runs


@dataclass
class Run:
    """What came back from one run: the runner's records and whether the grader had to kill it."""

    records: list
    killed: bool
    returncode: int | None


class Unavailable(AllianceLabError):
    """No working sandbox on this machine."""


@functools.cache
def check_available() -> None:
    """Raise :class:`Unavailable` with the reason if ``bwrap`` is missing or cannot create a sandbox here."""
    if shutil.which("bwrap") is None:
        raise Unavailable(
            "bubblewrap (`bwrap`) is not installed, so submissions cannot be graded in a sandbox. "
            "Install it (Debian/Ubuntu: `apt-get install bubblewrap`), grade in a container (see "
            "instructors/deployment.md), or pass --no-sandbox to run student code unconfined."
        )
    probe = subprocess.run(_bwrap_args([], ()) + ["true"], capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        raise Unavailable(
            f"bubblewrap cannot create a sandbox here ({probe.stderr.strip()[:200] or 'no reason given'}"
            "); user namespaces may be disabled. Enable them, grade in a container (see "
            "instructors/deployment.md), or pass --no-sandbox to run student code unconfined."
        )


def run(notebook: bytes, name: str, plan: dict, limits: Limits, hidden=(), sandbox: bool = True) -> Run:
    """Run ``plan`` (cells and time limit) for the submission ``notebook`` (its bytes, copied as ``name``).

    ``hidden``: folders and files the sandbox must not see (they appear empty).
    """
    with tempfile.TemporaryDirectory(prefix="alliancelab-grade-") as folder, ExitStack() as files:
        folder = Path(folder)
        plan_path, out_path = folder / "plan.json", folder / "records.jsonl"
        guarded = dict(plan, process_limit=limits.processes) if sandbox else plan  # needs a private /proc
        plan_path.write_text(json.dumps(guarded), encoding="utf-8")
        runner = [sys.executable, "-m", "alliancelab.instructor.runner"]
        out = files.enter_context(out_path.open("wb"))
        if sandbox:
            copy = folder / "submission"
            copy.write_bytes(notebook)
            copies = {copy: f"{SCRATCH}/{name}", **{c: f"{HOME}/.matplotlib/{c.name}" for c in _font_caches()}}
            fds = {files.enter_context(path.open("rb")).fileno(): target for path, target in copies.items()}
            fds[files.enter_context(plan_path.open("rb")).fileno()] = "/tmp/plan.json"
            arguments = [
                a
                for fd, target in fds.items()
                for a in ("--ro-bind-data" if target == "/tmp/plan.json" else "--file", str(fd), target)
            ]
            command = (
                _limits(limits, plan["timeout"])
                + _bwrap_args(arguments, hidden, limits.scratch)
                + runner
                + ["/tmp/plan.json"]
            )
            return _wait(command, out, out_path, plan["timeout"], pass_fds=tuple(fds))
        home, scratch = folder / "home", folder / "scratch"
        (home / ".matplotlib").mkdir(parents=True)
        scratch.mkdir()
        (scratch / name).write_bytes(notebook)
        for cache in _font_caches():
            shutil.copy(cache, home / ".matplotlib" / cache.name)
        command = _limits(limits, plan["timeout"]) + runner + [str(plan_path)]
        return _wait(command, out, out_path, plan["timeout"], cwd=scratch, env=_environment(str(home)))


def _data_cache() -> Path:
    """The data files' validation stamps (read-only in the sandbox), so that kernels skip the schema check."""
    return data.cache_dir().resolve()


@functools.cache
def _font_caches() -> tuple[Path, ...]:
    """Matplotlib's font list of this environment: copied in, so a kernel need not rebuild it (seconds each)."""
    import matplotlib

    return tuple(sorted(Path(matplotlib.get_cachedir()).glob("fontlist-*.json")))


_running = set()
_lock = threading.Lock()


def kill_all() -> None:
    """Kill every sandbox still running (an interrupted batch)."""
    with _lock:
        for process in _running:
            _kill(process)


def _kill(process) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _wait(command, out, out_path: Path, timeout: float, **options) -> Run:
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.DEVNULL, start_new_session=True, **options
    )
    with _lock:
        _running.add(process)
    killed = False
    try:
        process.wait(timeout=timeout + GRACE)
    except subprocess.TimeoutExpired:
        killed = True
        _kill(process)
        process.wait()
    finally:
        with _lock:
            _running.discard(process)
        _kill(process)  # anything the run left behind outside a sandbox
    return Run(_records(out_path), killed, process.returncode)


def _records(path: Path) -> list:
    """The runner's JSON records (malformed lines and anything past :data:`RECORDS_LIMIT` are skipped)."""
    with path.open("rb") as handle:
        text = handle.read(RECORDS_LIMIT).decode("utf-8", errors="replace")
    records = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def _limits(limits: Limits, timeout: float) -> list[str]:
    processes = _tasks_of(os.geteuid()) + limits.processes
    return [
        "prlimit",
        f"--as={limits.memory}",
        f"--fsize={limits.file_size}",
        f"--nproc={processes}",
        f"--cpu={int(timeout + GRACE)}",
        "--core=0",
        "--",
    ]


def _tasks_of(uid: int) -> int:
    """How many processes and threads the user ``uid`` runs now (the process limit counts them all)."""
    count = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("Uid", "").split()[:1] == [str(uid)]:
            count += int(fields.get("Threads", "1").strip() or 1)
    return count


def _environment(home: str) -> dict:
    path = os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"])
    return {
        "PATH": path,
        "HOME": home,
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "PYTHONHASHSEED": "0",
        "ALLIANCELAB_CACHE_DIR": str(_data_cache()),
        "PYTHONDONTWRITEBYTECODE": "1",
        "JUPYTER_PLATFORM_DIRS": "1",
        "MPLCONFIGDIR": f"{home}/.matplotlib",
        "JUPYTER_RUNTIME_DIR": f"{home}/.jupyter-runtime",
        "IPYTHONDIR": f"{home}/.ipython",
    }


def _bwrap_args(files: list[str], hidden, scratch_size: int = 16 * 1024**2) -> list[str]:
    """bwrap's options: read-only root, hidden folders, a private /tmp with the scratch folder, no network."""
    needed = [
        p for p in {ROOT, Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), _data_cache()} if p.is_dir()
    ]
    paths = {Path(h).resolve() for h in [Path.home(), *hidden]}
    hide = {p for p in paths if p.is_dir() and p != Path("/")}
    covering = sorted((h for h in hide if any(n.is_relative_to(h) for n in needed)), key=lambda p: len(p.parts))
    inside = [
        h
        for h in sorted(hide - set(covering), key=lambda p: len(p.parts))
        if not any(h != o and h.is_relative_to(o) for o in hide - set(covering))
    ]  # the outermost only
    args = [
        "bwrap",
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        "--ro-bind",
        "/",
        "/",
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--size",
        str(scratch_size),
        "--tmpfs",
        "/tmp",
    ]
    for folder in covering:
        args += ["--tmpfs", str(folder)]
    for folder in needed:  # a clone or a venv under /tmp, or under a hidden folder, is bound back read-only
        if folder.is_relative_to("/tmp") or any(folder.is_relative_to(h) for h in covering):
            args += ["--ro-bind", str(folder), str(folder)]
    for folder in covering + inside:  # empty and read-only: hidden, and no room to write
        args += [] if folder in covering else ["--tmpfs", str(folder)]
        args += ["--remount-ro", str(folder)]
    for file in sorted(p for p in paths if p.is_file() and not any(p.is_relative_to(h) for h in inside)):
        args += ["--ro-bind", "/dev/null", str(file)]  # e.g. a gradebook in a folder the module needs
    args += [
        "--dir",
        HOME,
        "--dir",
        f"{HOME}/.matplotlib",
        "--dir",
        SCRATCH,
        *files,
        "--chdir",
        SCRATCH,
        "--clearenv",
    ]
    for key, value in _environment(HOME).items():
        args += ["--setenv", key, value]
    return args
