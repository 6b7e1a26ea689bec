"""Hostile text from every text field of every record never runs in Chromium: every page of
the hostile build (the `hostile` fixture, tests/hostile.py) loaded, the payload typed into
search."""

from __future__ import annotations

import pytest

from browser_support import serve
from support import PREFIX


@pytest.mark.parametrize("lang", PREFIX)
def test_nothing_runs_in_the_browser_on_any_page_or_in_search(hostile, browser, lang):
    _, site = hostile
    server, origin = serve(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  service_workers="block")
    context.set_default_timeout(30_000)
    dialogs: list[str] = []
    try:
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        pages = [p.parent.relative_to(site).as_posix() for p in (site / PREFIX[lang]).rglob(
            "index.html") if lang == "be" or not p.relative_to(site).as_posix().startswith("be/")]
        assert len(pages) > 20
        for url in sorted(pages):
            address = f"{origin}/{'' if url == '.' else url + '/'}"
            response = tab.goto(address, wait_until="load")
            assert response is not None and response.ok, address
            assert tab.evaluate("() => window.__pwned") is None, address
        tab.goto(f"{origin}/{PREFIX[lang]}organizacje/cis-mieniany/", wait_until="load")
        box = tab.locator(".md-search__input")
        box.click()
        box.press_sequentially(f"{lang} script", delay=30)
        box.press("End")
        tab.wait_for_selector(".md-search-result__item")
        shown = tab.locator(".md-search-result__item").first.inner_text()
        assert "window.__pwned" in shown  # the payload is there, as text
        assert tab.evaluate("() => window.__pwned") is None
        assert tab.locator(".md-search-result img[src='x']").count() == 0
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()
