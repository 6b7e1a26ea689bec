"""Per-language search in Chromium: typing into a page's search box finds only its language."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tools.bench import searchbrowser

from support import PREFIX as LANGUAGES

# -- in a browser ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, prefix", [("pl", "organizac"), ("be", "арганізац")])
def test_search_finds_pages_in_the_language_of_the_page_only(js_on, origin, site, catalog,
                                                             lang, prefix):
    """A prefix finds inflected forms ('organizac' -> 'organizacji'), in one language."""
    org = next(iter(catalog.organisations.values()))
    tab = js_on.new_page()
    try:
        tab.goto(f"{origin}/{LANGUAGES[lang]}organizacje/{org.id}/")
        links = searchbrowser.search(tab, prefix)
    finally:
        tab.close()
    assert links, f"nothing found for '{prefix}'"
    for link in links:
        path = urlsplit(link).path.lstrip("/")
        assert path.startswith("be/") == (lang == "be"), f"a result in another language: {link}"
        assert (site / path / "index.html").is_file(), f"no such page: {link}"
