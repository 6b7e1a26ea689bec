"""Per-language search: each language has its own index of its own pages, and its pages use it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from support import PREFIX as LANGUAGES


def index_of(site: Path, lang: str) -> dict:
    return json.loads((site / LANGUAGES[lang] / "search" / "search_index.json")
                      .read_text(encoding="utf-8"))


def pages_of(site: Path, lang: str) -> set[str]:
    """URLs (relative to the language's root) of every page built in ``lang``."""
    root = site / LANGUAGES[lang]
    found = set()
    for path in root.rglob("index.html"):
        rel = path.parent.relative_to(root).as_posix()
        if lang == "pl" and (rel == "be" or rel.startswith("be/")):
            continue
        found.add("" if rel == "." else rel + "/")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_index_holds_every_page_of_its_language_and_only_those(site, page, lang):
    docs = index_of(site, lang)["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert locations == pages_of(site, lang)
    for location in locations:
        html = page(LANGUAGES[lang] + location).find("html")
        assert html["lang"] == lang, f"{location} in the {lang} index is a {html['lang']} page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_location_resolves_to_a_page_and_its_heading(site, page, lang):
    for doc in index_of(site, lang)["docs"]:
        url, _, anchor = doc["location"].partition("#")
        soup = page(LANGUAGES[lang] + url)
        if anchor:
            assert soup.find(id=anchor), f"{doc['location']}: no element with that id"
            assert doc["title"] in soup.find(id=anchor).get_text(" ", strip=True)
        else:
            assert doc["title"], f"{url}: entry without a title"


def test_record_entries_are_title_and_summary_from_the_data(site, catalog):
    for lang in LANGUAGES:
        docs = {d["location"]: d for d in index_of(site, lang)["docs"]}
        for org in catalog.organisations.values():
            entry = docs[f"organizacje/{org.id}/"]
            assert entry["title"] == getattr(org.name, lang)
            assert entry["text"] == " ".join(getattr(org.summary, lang).split())


def test_indexes_are_utf8_not_escapes(site, catalog):
    raw = (site / "be" / "search" / "search_index.json").read_bytes()
    assert not re.search(rb"\\u0[0-9a-fA-F]{3}", raw), "Cyrillic written as \\u escapes"
    org = next(iter(catalog.organisations.values()))
    assert org.name.be.encode("utf-8") in raw


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_point_search_at_their_language_root(site, page, catalog, lang):
    org = next(iter(catalog.organisations.values()))
    for url in ["", "organizacje/", f"organizacje/{org.id}/"]:
        soup = page(LANGUAGES[lang] + url)
        config = json.loads(soup.find("script", id="__config").string)
        address = f"https://example.org/{LANGUAGES[lang]}{url}"
        assert urljoin(address, config["base"]) == f"https://example.org/{LANGUAGES[lang]}"


