"""Fixtures of the browser layer: one server and one browser for the whole run."""

from __future__ import annotations

import pytest

from browser_support import CHROMIUM_ARGS, NARROW, WIDE, chromium_path, serve


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
