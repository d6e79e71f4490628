"""Run one submission's cells in a fresh kernel and report its answers as plain data (inside the sandbox).

``python -m alliancelab.instructor.runner PLAN.json`` reads the plan the grader wrote (the cells to run, each
with its role, and the time limit), runs the cells in order in a new kernel, and prints one JSON record per
line:
``{"kind": "answer_error", "task", "ename", "evalue"}`` when an answer cell stops with an error,
``{"kind": "answer", "task", "data"}`` with the exported value (see :mod:`alliancelab.instructor.export`),
and ``{"kind": "stopped", "why": "timeout" | "kernel died" | "too many processes"}`` if the run ends early.
Nothing here judges: the grader does, outside. Cell outputs are dropped as they arrive (the grader reads
values, not outputs), so an output flood costs only the time it takes.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

import alliancelab.skip_iri_grammar  # noqa: F401  (before nbformat imports jsonschema)
from alliancelab.instructor.export import MIME

START = "import alliancelab.instructor.export as _alliancelab_export\n_alliancelab_export.start(get_ipython())"
EXPORT = "_alliancelab_export.emit({variable!r})"
TEXT_LIMIT = 200  # characters kept of an error's name and message


class _Client(NotebookClient):
    """A notebook client that keeps no output except the grader's exported answers."""

    def output(self, outs, msg, display_id, cell_index):
        data = msg["content"].get("data") if msg["msg_type"] == "display_data" else None
        if isinstance(data, dict) and MIME in data and not outs:
            outs.append(data[MIME])
        return None

    def handle_comm_msg(self, outs, msg, cell_index):
        return None  # widgets are not needed to grade


def guard_processes(limit: int, emit) -> None:
    """In a private process namespace, kill every other process if there are ever more than ``limit``
    (a fork bomb; root is exempt from the kernel's own process limit, so this guard works for root too)."""

    def watch():
        while len([n for n in os.listdir("/proc") if n.isdigit()]) <= limit:
            time.sleep(0.05)
        emit({"kind": "stopped", "why": "too many processes"})
        os.kill(-1, signal.SIGKILL)  # every process of the namespace but this one and its init

    threading.Thread(target=watch, daemon=True).start()


def run(plan: dict, emit) -> None:
    """Run the plan's cells; call ``emit(record)`` for each answer error, exported answer and early stop."""
    if plan.get("process_limit"):
        guard_processes(int(plan["process_limit"]), emit)
    deadline = time.monotonic() + float(plan["timeout"])
    cells = [{"source": START, "role": "start"}, *plan["cells"]]
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(EXPORT.format(variable=c["variable"]) if c["role"] == "export" else c["source"])
            for c in cells
        ]
    )
    client = _Client(
        notebook,
        kernel_name="python3",
        allow_errors=True,
        record_timing=False,
        timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
        shutdown_kernel="immediate",
    )
    replies = {}
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.__setitem__(cell_index, execute_reply)
    try:
        with client.setup_kernel(cwd=os.getcwd(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
            for index, (spec, cell) in enumerate(zip(cells, notebook.cells)):
                client.execute_cell(cell, index)
                reply = (replies.pop(index, None) or {}).get("content", {})
                if spec["role"] == "answer" and reply.get("status") == "error":
                    emit(
                        {
                            "kind": "answer_error",
                            "task": spec["task"],
                            "ename": str(reply.get("ename", ""))[:TEXT_LIMIT],
                            "evalue": str(reply.get("evalue", ""))[:TEXT_LIMIT],
                        }
                    )
                elif spec["role"] == "export" and cell.outputs:
                    emit({"kind": "answer", "task": spec["task"], "data": cell.outputs[0]})
    except CellTimeoutError:
        emit({"kind": "stopped", "why": "timeout"})
    except DeadKernelError:
        emit({"kind": "stopped", "why": "kernel died"})


def main(argv=None) -> None:
    (path,) = argv if argv is not None else sys.argv[1:]
    with open(path, encoding="utf-8") as handle:
        plan = json.load(handle)
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    lock = threading.Lock()

    def emit(record):
        with lock:
            out.write(json.dumps(record) + "\n")
            out.flush()

    run(plan, emit)


if __name__ == "__main__":
    main()
