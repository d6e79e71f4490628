"""Load test: a class of N learners on a real JupyterHub, as in the first minutes of a lesson.

Run ``python benchmarks/loadtest.py`` (or ``make loadtest``) from the repository root; it needs what the hub test
needs (``make hub-proxy``, the ``[hub]`` extra). For each N (``--learners 10 20 40``) it starts a fresh hub (the
hub test's helpers, ``tests/hub_support.py``), starts N servers together, and then each learner, at the same
time as the others: loads the hub's home page, runs lesson 02 in a kernel of their server through the proxy,
and moves the lesson's first slider every ``--interval`` seconds for ``--minutes`` minutes, loading the hub
page again after each move. It records per N: widget update latency (comm message sent -> new figure back) and
hub page loads (p50, p95), memory per learner (PSS of their server and kernel), the CPU the class used, failed
spawns and dead kernels. Results go into ``benchmarks/results.json`` under "hub_load". A measurement, not a
test: nothing fails on a slow result. Run it on an otherwise idle machine; other processes inflate every number.
"""

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from hub_support import MARKER, draws_figure, errors, missing_requirement, running_hub  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results.json"
LESSON = ROOT / "notebooks" / "02_burden_sharing.ipynb"


def percentiles(samples: list[float], unit: str = "ms") -> dict:
    """Count, median and 95th percentile of durations in seconds, in ``unit`` ("ms" or "s")."""
    if not samples:
        return {"n": 0}
    ordered, scale = sorted(samples), 1000 if unit == "ms" else 1
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        f"p50_{unit}": round(statistics.median(ordered) * scale, 1),
        f"p95_{unit}": round(p95 * scale, 1),
    }


def marked_processes(run: str) -> list[tuple[int, bool]]:
    """(pid, is a learner's server or kernel) of every process this run started."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                env = (entry / "environ").read_bytes().split(b"\0")
            except OSError:
                continue
            if f"{MARKER}={run}".encode() in env:
                found.append((int(entry.name), any(v.startswith(b"JUPYTERHUB_USER=") for v in env)))
    return found


def pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pids) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError):
            continue
    return total


async def learner(hub, name: str, notebook: dict, minutes: float, interval: float, stats: dict):
    """One learner: hub page, lesson 02, then a slider move every few seconds for ``minutes``."""
    user = hub.user(name)
    browser = await asyncio.to_thread(hub.login, name)

    async def page_load():
        started = time.monotonic()
        answer = await asyncio.to_thread(browser.get, f"{hub.url}/hub/home", timeout=120)
        if answer.status_code == 200:
            stats["page"].append(time.monotonic() - started)

    await page_load()
    kernel_id = await asyncio.to_thread(user.start_kernel, f"{LESSON.name}")
    channel = user.kernel(kernel_id)
    await channel.connect()
    try:
        started = time.monotonic()
        sliders = []
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                messages = await channel.execute(cell["source"])
                if problems := errors(messages):
                    stats["dead"].append(f"{name}: lesson 02 failed: {problems[0][-300:]}")
                    return
                sliders += [
                    m
                    for m in messages
                    if m["msg_type"] == "comm_open"
                    and m["content"]["data"]["state"].get("_model_name") == "FloatSliderModel"
                ]
        stats["lesson"].append(time.monotonic() - started)
        until = time.monotonic() + 60 * minutes
        if not sliders:
            stats["dead"].append(f"{name}: lesson 02 opened no slider")
            return
        state, comm = sliders[0]["content"]["data"]["state"], sliders[0]["content"]["comm_id"]
        values = [state["value"], round(state["value"] + state["step"], 6)]
        rng = random.Random(name)
        moves = 0
        while time.monotonic() < until:
            await asyncio.sleep(interval * rng.uniform(0.5, 1.5))
            moves += 1
            sent = time.monotonic()
            msg_id = await channel.send(
                "comm_msg",
                {
                    "comm_id": comm,
                    "data": {"method": "update", "state": {"value": values[moves % 2]}, "buffer_paths": []},
                },
            )
            while True:
                message = await channel.receive()
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if draws_figure(message):
                    stats["widget"].append(time.monotonic() - sent)
                    break
                if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                    break
            await page_load()
    except Exception as err:  # noqa: BLE001 - a dead kernel or closed socket is a result, not a crash
        stats["dead"].append(f"{name}: {type(err).__name__}: {err}")
    finally:
        channel.socket.close()


def measure(learners: int, minutes: float, interval: float) -> dict:
    notebook = nbformat.read(LESSON, as_version=4)
    stats = {"page": [], "widget": [], "lesson": [], "dead": []}
    with tempfile.TemporaryDirectory(prefix="alliancelab-load-") as folder, running_hub(Path(folder)) as hub:
        names = [f"learner{i:02d}" for i in range(learners)]
        started = time.monotonic()
        failed = hub.add_users(names, note="load test")
        spawn_seconds = time.monotonic() - started
        ready = [n for n in names if n not in failed]
        for name in ready:
            hub.user(name).save(LESSON.name, notebook)
        cpu_before = cpu_seconds(pid for pid, _ in marked_processes(hub.run))
        wall = time.monotonic()

        async def everyone():
            await asyncio.gather(*(learner(hub, n, notebook, minutes, interval, stats) for n in ready))

        asyncio.run(everyone())
        learner_pids = [pid for pid, mine in marked_processes(hub.run) if mine]
        memory = sum(pss_mb(pid) for pid in learner_pids)
        cpu = cpu_seconds(pid for pid, _ in marked_processes(hub.run)) - cpu_before
        wall = time.monotonic() - wall
    return {
        "learners": learners,
        "failed_spawns": len(failed),
        "dead_kernels": stats["dead"],
        "spawn_all_s": round(spawn_seconds, 1),
        "lesson_run": percentiles(stats["lesson"], "s"),
        "widget_update": percentiles(stats["widget"]),
        "hub_page_load": percentiles(stats["page"]),
        "memory_per_learner_mb": round(memory / max(1, len(ready))),
        "cpu_seconds_per_learner": round(cpu / max(1, len(ready)), 1),
        "cpu_cores_busy": round(cpu / wall, 2),
        "wall_s": round(wall),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[10, 20, 40])
    parser.add_argument("--minutes", type=float, default=1.0, help="minutes of slider moves after the lesson ran")
    parser.add_argument("--interval", type=float, default=3.0, help="mean seconds between a learner's slider moves")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--note", default="", help="what else the machine was doing")
    args = parser.parse_args(argv)
    if reason := missing_requirement():
        print(f"load test not run: {reason}", file=sys.stderr)
        return 2
    results = json.loads(args.output.read_text()) if args.output.exists() else {}
    results["hub_load"] = {
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": round(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30),
            "python": platform.python_version(),
            "load_average_at_start": os.getloadavg(),
        },
        "note": args.note,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "minutes": args.minutes,
        "interval_s": args.interval,
        "runs": [],
    }
    for learners in args.learners:  # results are written after each class size, so a stopped run keeps them
        print(f"{learners} learners ...", flush=True)
        results["hub_load"]["runs"].append(measure(learners, args.minutes, args.interval))
        print(json.dumps(results["hub_load"]["runs"][-1]), flush=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
