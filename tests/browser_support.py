"""Headless Chromium for the browser tests: the built site over HTTP, one browser per run.

The browser is Debian's Chromium (`apt-get install chromium`), driven by Playwright for
Python; Playwright's own browser download is never used. Locally the browser tests are
skipped when Chromium or the npm test tools are missing; with CI=true that is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: The WCAG 2.1 A and AA rules of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

NARROW = {"width": 360, "height": 740}
WIDE = {"width": 1280, "height": 900}


def missing(message: str) -> None:
    """Skip locally, fail in CI: CI must never pass without running the browser tests."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def chromium_path() -> str:
    # POMOST_CHROMIUM: another Chromium build, e.g. on a machine without Debian's package.
    path = os.environ.get("POMOST_CHROMIUM") or shutil.which("chromium") or ""
    if not path:
        missing("Chromium is not installed: apt-get install chromium (.ci/run does it)")
    return path


def tool(path: Path) -> Path:
    if not path.is_file():
        missing(f"{path.relative_to(ROOT)} is missing: run `make test-tools` (npm ci)")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port; returns the server and its origin."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def artifact(name: str) -> Path:
    """Where a screenshot called ``name`` goes: test-artifacts/ (ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot into test-artifacts/."""
    path = artifact(name)
    page.screenshot(path=str(path), full_page=True)
    return path


def page_overflow(page) -> dict:
    """How far the page scrolls sideways, and the widest elements that stick out."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const culprits = [...document.querySelectorAll('body *')]
          .filter(el => el.getBoundingClientRect().right > width + 1
                        && el.getClientRects().length)
          .filter(el => !el.closest('.pomost-scroll'))
          .slice(0, 5)
          .map(el => el.tagName + '.' + [...el.classList].join('.'));
        return {scroll: document.documentElement.scrollWidth, width, culprits};
    }""")


# ---------------------------------------------------------------------------
# Fixtures (imported by conftest.py): one server and one browser for the whole run
# ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def origin(site) -> str:
    """http://127.0.0.1:<port> serving the session-built site."""
    server, url = serve(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        # launch() gives every run a fresh temporary profile.
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def contexts(browser):
    """contexts(javascript, viewport) -> a browser context, made once and then shared."""
    made: dict[tuple, object] = {}

    def get(javascript: bool, viewport: dict):
        key = (javascript, viewport["width"])
        if key not in made:
            made[key] = browser.new_context(java_script_enabled=javascript, viewport=viewport,
                                            service_workers="block")
            made[key].set_default_timeout(30_000)  # a loaded CI machine is slow
        return made[key]

    yield get
    for context in made.values():
        context.close()


@pytest.fixture(scope="session")
def js_on(contexts):
    """A desktop-sized (1280 px) context with JavaScript."""
    return contexts(True, WIDE)


@pytest.fixture(scope="session")
def js_off(contexts):
    """A phone-sized (360 px) context with JavaScript disabled."""
    return contexts(False, NARROW)


@pytest.fixture
def open_page():
    """open_page(context, url) -> a new tab at url; closed after the test."""
    pages = []

    def open_(context, url: str):
        tab = context.new_page()
        pages.append(tab)
        response = tab.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        return tab

    yield open_
    for tab in pages:
        tab.close()
