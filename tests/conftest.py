"""Shared fixtures: the real data tables, and throw-away copies of the data folder to corrupt."""

import fcntl
import os
import shutil

import pytest

from alliancelab import data


@pytest.fixture(scope="session")
def events():
    return data.load("events")


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of data/ (descriptor and CSVs) in a temporary folder."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy)
    return copy


# The class repository and hub the test site's launch buttons point at.
SITE_REPO, SITE_HUB = "example-university/alliance-lab-class", "hub.example.edu"


@pytest.fixture(scope="session")
def course_site(tmp_path_factory):
    """Both sites built once per test run, shared by every test and pytest-xdist worker: the folders "student" and
    "instructor", and the "repo" and "hub" their launch buttons point at.

    Skipped, with the reason, when MathJax has not been installed from npm (``npm ci``; make test does it).
    """
    from alliancelab.instructor import site

    if not (site.ROOT / site.MATHJAX / "tex-chtml.js").is_file():
        pytest.skip("node_modules/mathjax is missing: run `npm ci` (make test does) to build the site")
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the same folder for every worker of this run
    out = shared / "course-site" / "site"
    with open(shared / "course-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the first worker builds, the others wait and reuse it
        if not (out / "index.html").is_file() or not (site.instructor_dir(out) / "index.html").is_file():
            site.build(out, repo=SITE_REPO, hub=SITE_HUB, stage_dir=shared / "course-site" / "book")
    return {"student": out, "instructor": site.instructor_dir(out), "repo": SITE_REPO, "hub": SITE_HUB}
