"""Per-language search in Chromium: typing into a page's search box finds only its language."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import PREFIX as LANGUAGES


def index_of(site: Path, lang: str) -> dict:
    return json.loads((site / LANGUAGES[lang] / "search" / "search_index.json")
                      .read_text(encoding="utf-8"))


def search_results(context, address: str, query: str) -> list[str]:
    """Type ``query`` into the search box of the page at ``address``; the result links."""
    page = context.new_page()
    try:
        page.set_default_timeout(30_000)
        page.goto(address)
        box = page.locator(".md-search__input")  # in the header on a desktop-wide window
        box.click()
        box.press_sequentially(query, delay=30)
        # Playwright inserts letters missing from a US keyboard (Cyrillic) without key
        # events; Material searches on keyup, which a reader's own keyboard sends.
        box.press("End")
        page.wait_for_selector(".md-search-result__item")
        links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    finally:
        page.close()
    return links


def words_with(site: Path, lang: str, prefix: str) -> int:
    return sum(bool(re.search(rf"\b{prefix}", d["title"] + " " + d["text"], re.I))
               for d in index_of(site, lang)["docs"])


@pytest.mark.parametrize("lang, prefix", [("pl", "organizac"), ("be", "арганізац")])
def test_search_finds_pages_in_the_language_of_the_page_only(js_on, origin, site, catalog,
                                                             lang, prefix):
    """A prefix finds inflected forms ('organizac' -> 'organizacji'), in one language."""
    assert words_with(site, lang, prefix), "the data no longer has the word to look for"
    org = next(iter(catalog.organisations.values()))
    links = search_results(js_on, f"{origin}/{LANGUAGES[lang]}organizacje/{org.id}/", prefix)
    assert links, f"nothing found for '{prefix}'"
    for link in links:
        path = urlsplit(link).path.lstrip("/")
        assert path.startswith("be/") == (lang == "be"), f"a result in another language: {link}"
        assert (site / path / "index.html").is_file(), f"no such page: {link}"
