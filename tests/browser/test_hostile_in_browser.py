"""Hostile text from every text field of every record never runs in Chromium: every page of
the hostile build (the `hostile` fixture, tests/hostile.py) loaded, the payload typed into
search."""

from __future__ import annotations

import pytest

from tools.bench import searchbrowser

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
        links = searchbrowser.search(tab, "тэкст" if lang == "be" else "tekst")
        assert links, "the payload's own word finds nothing"
        shown = tab.locator(searchbrowser.LINKS).first.inner_text()
        assert "window.__pwned" in shown  # the payload is there, as text
        assert tab.evaluate("() => window.__pwned") is None
        assert tab.locator(f"{searchbrowser.BOX} img[src='x']").count() == 0
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()
