"""Text from data is text in the search results, never markup: a hostile name, summary or
town shows as the characters it is, in Chromium, and runs nothing."""

from __future__ import annotations

import pytest

from tools.bench import searchbrowser

from browser_support import serve
from support import copy_project, mkdocs_build

HOSTILE = "<img src=x onerror=window.__pwned=1>"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_origin(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    data = project / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    for old in ("    pl: „Kuźnia Talentów”\n", "    pl: Lublin\n"):
        assert old in text
    text = text.replace("    pl: „Kuźnia Talentów”\n", f"    pl: '{HOSTILE} Kuźnia'\n", 1)
    text = text.replace("    pl: Lublin\n", f"    pl: '{HOSTILE} Lublin'\n", 1)
    data.write_text(text, encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    server, origin = serve(site)
    yield origin
    server.shutdown()
    server.server_close()


def _harmless(tab, scope: str) -> None:
    assert tab.evaluate("window.__pwned") is None, "markup from the data ran"
    assert tab.locator(f"{scope} img").count() == 0
    assert HOSTILE in tab.locator(scope).inner_text()


def test_a_hostile_name_shows_as_text_in_the_search_box(hostile_origin, js_on):
    tab = js_on.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        tab.goto(f"{hostile_origin}/")
        links = searchbrowser.search(tab, "Kuźnia")
        assert any(link.endswith("/organizacje/kuznia-talentow/") for link in links)
        _harmless(tab, "[data-pomost-results]")
        searchbrowser.search(tab, "onerror")  # the markup's own words find it, as text
        _harmless(tab, "[data-pomost-results]")
    finally:
        tab.close()
    assert dialogs == []


def test_a_hostile_town_shows_as_text_in_the_filters(hostile_origin, js_on):
    tab = js_on.new_page()
    try:
        tab.goto(f"{hostile_origin}/szukaj/?q=Lublin")
        tab.wait_for_function("() => document.querySelector('[data-pomost-search=page]')"
                              ".hasAttribute('data-pomost-done')")
        options = tab.locator("#pomost-f-place option").all_inner_texts()
        assert any(HOSTILE in option for option in options)
        _harmless(tab, "article.md-content__inner")
    finally:
        tab.close()
