"""pytest set-up shared by the whole repository.

nbval checks lesson and solution notebooks strictly against their stored outputs. The
student exercises are stored without outputs, so for them nbval runs in lax mode: every
cell must run without an exception, and no output is compared (as ``--nbval-lax`` does).
"""

from pathlib import Path

import pytest

EXERCISES = Path(__file__).resolve().parent / "exercises"


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collected = yield
    if file_path.suffix == ".ipynb" and file_path.parent == EXERCISES:
        for collector in collected or []:
            collector.compare_outputs = False
    return collected
