"""The course website in a real browser: every page of both builds, audited by axe-core, loads nothing from
the network and has no serious or critical accessibility violation.

axe-core comes from node_modules (``npm ci``; make test runs it); without it the test is skipped with the reason.
Screenshots of the home page and a lesson, at 1280 and 1920 pixels, go to build/screenshots/.
"""

from pathlib import Path

import pytest
from browser_support import AXE, axe_violations

pytestmark = pytest.mark.browser

# Sphinx's generated index pages hold no course content.
SKIPPED = {"genindex.html", "search.html"}


def site_pages(out: Path) -> list[Path]:
    return sorted(
        path
        for path in out.rglob("*.html")
        if path.name not in SKIPPED and "_static" not in path.parts and "_sources" not in path.parts
    )


@pytest.fixture(scope="module")
def site_page(browser):
    if not AXE.is_file():
        pytest.skip(f"axe-core is missing ({AXE}): run `npm ci` (make test does)")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested = []

    def block_network(route):
        if route.request.url.startswith(("http:", "https:")):
            requested.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", block_network)
    page = context.new_page()
    page.requested = requested
    yield page
    context.close()


def audit(page, path: Path) -> list[str]:
    """The serious and critical axe violations of one page, one line each."""
    page.goto(path.as_uri(), wait_until="load")
    return axe_violations(page, path.name)


@pytest.mark.parametrize("build", ["student", "instructor"])
def test_every_page_passes_axe_and_stays_offline(course_site, site_page, build):
    pages = site_pages(course_site[build])
    assert len(pages) >= 5
    violations = [line for path in pages for line in audit(site_page, path)]
    assert violations == []
    assert site_page.requested == []  # no script, style, font or image from the network


@pytest.mark.parametrize("width", [1280, 1920])
def test_lesson_figures_fit_the_page(course_site, browser, screenshot_dir, width):
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        out = course_site["student"]
        page.goto((out / "index.html").as_uri())
        page.screenshot(path=str(screenshot_dir / f"site-index-{width}.png"))
        for lesson in sorted((out / "notebooks").glob("[0-9][0-9]_*.html")):
            page.goto(lesson.as_uri())
            too_wide = page.evaluate("""() => Array.from(document.querySelectorAll('.cell_output img'))
                .filter(img => img.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(img => img.alt.slice(0, 60))""")
            assert too_wide == [], lesson.name
        page.goto((out / "notebooks" / "02_burden_sharing.html").as_uri())
        page.screenshot(path=str(screenshot_dir / f"site-lesson02-{width}.png"), full_page=False)
    finally:
        context.close()
