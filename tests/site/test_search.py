"""Per-language search: each language has its own index of its own pages, and its pages use it.

The index format is pomost/publish/searchindex.py's; these tests read it as the browser does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from pomost.publish import search, searchindex, searchtext

from support import PREFIX as LANGUAGES


def manifest(site: Path, lang: str) -> dict:
    return json.loads((site / LANGUAGES[lang] / "search" / "manifest.json").read_text("utf-8"))


def entries(site: Path, lang: str) -> list[list[str]]:
    """[location, title, text, kind] of every entry, in index order."""
    folder = site / LANGUAGES[lang] / "search" / "d"
    found: list[list[str]] = []
    for n in range(len(list(folder.glob("*.json")))):
        found.extend(json.loads((folder / f"{n}.json").read_text("utf-8")))
    return found


def postings(site: Path, lang: str, term: str) -> list[tuple[int, int]]:
    """(entry, weight) of every entry that has ``term``, as the browser decodes them."""
    m = manifest(site, lang)
    key = term[:3] if term[:3] in m["shards"] and len(term) >= 3 else term[:2]
    shard = json.loads((site / LANGUAGES[lang] / "search" / "t" / searchindex.shard_file(key))
                       .read_text("utf-8"))
    doc, found = 0, []
    for number in shard.get(term, []):
        doc += number >> 2
        found.append((doc, number & 3))
    return found


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
    locations = {e[0].split("#")[0] for e in entries(site, lang)}
    assert locations == pages_of(site, lang)
    assert manifest(site, lang)["entries"] == len(entries(site, lang))
    for location in locations:
        html = page(LANGUAGES[lang] + location).find("html")
        assert html["lang"] == lang, f"{location} in the {lang} index is a {html['lang']} page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_location_resolves_to_a_page_and_its_heading(site, page, lang):
    for location, title, _, _ in entries(site, lang):
        url, _, anchor = location.partition("#")
        soup = page(LANGUAGES[lang] + url)
        if anchor:
            assert soup.find(id=anchor), f"{location}: no element with that id"
            assert title in soup.find(id=anchor).get_text(" ", strip=True)
        else:
            assert title, f"{url}: entry without a title"


def test_record_entries_are_name_and_summary_from_the_data(site, catalog):
    for lang in LANGUAGES:
        by_location = {e[0]: e for e in entries(site, lang)}
        for org in catalog.organisations.values():
            _, title, text, kind = by_location[f"organizacje/{org.id}/"]
            assert (title, kind) == (getattr(org.name, lang), "organisation")
            assert text == " ".join(getattr(org.summary, lang).split())[:len(text)]


def _record_number(site, lang, location):
    return [e[0] for e in entries(site, lang)].index(location)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_people_and_places_a_record_names_find_it(site, catalog, lang):
    """People have no pages: their names lead to their organisation and their events."""
    for event in catalog.events.values():
        number = _record_number(site, lang, f"wydarzenia/{event.id}/")
        for pid in event.people:
            for term in searchtext.terms(getattr(catalog.people[pid].name, lang)):
                assert number in dict(postings(site, lang, term)), (event.id, pid, term)
        if event.place:
            for term in searchtext.terms(getattr(event.place, lang)):
                assert number in dict(postings(site, lang, term)), (event.id, term)
    for org in catalog.organisations.values():
        if org.town:
            number = _record_number(site, lang, f"organizacje/{org.id}/")
            for term in searchtext.terms(getattr(org.town, lang)):
                assert number in dict(postings(site, lang, term)), (org.id, term)


def test_a_name_weighs_more_than_a_summary(site):
    number = _record_number(site, "pl", "organizacje/cis-mieniany/")
    weights = dict(postings(site, "pl", searchtext.terms("Mienianach")[0]))
    assert weights[number] == search.TITLE


def test_file_names_are_ascii(site):
    for lang in LANGUAGES:
        for path in (site / LANGUAGES[lang] / "search").rglob("*"):
            assert path.name.isascii(), path


def test_indexes_are_utf8_not_escapes(site, catalog):
    raw = b"".join(p.read_bytes() for p in (site / "be" / "search").rglob("*.json"))
    assert not re.search(rb"\\u0[0-9a-fA-F]{3}", raw), "Cyrillic written as \\u escapes"
    org = next(iter(catalog.organisations.values()))
    assert org.name.be.encode("utf-8") in raw


def test_material_search_stays_out(site, page):
    """Material's script would fetch its own index and start its worker for a form named
    'search' or a data-md-component="search"; our box has neither."""
    for url in ["", "be/", "organizacje/", "be/szukaj/"]:
        soup = page(url)
        assert soup.select_one("[data-pomost-search=box] input.md-search__input")
        assert not soup.select("form[name=search]")
        assert not soup.select('[data-md-component="search"]')


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_point_search_at_their_language_root(site, page, catalog, lang):
    org = next(iter(catalog.organisations.values()))
    for url in ["", "organizacje/", f"organizacje/{org.id}/"]:
        soup = page(LANGUAGES[lang] + url)
        address = f"https://example.org/{LANGUAGES[lang]}{url}"
        config = json.loads(soup.find("script", id="__config").string)
        assert urljoin(address, config["base"]) == f"https://example.org/{LANGUAGES[lang]}"
        root = soup.select_one("[data-pomost-search=box]")["data-pomost-root"]
        assert urljoin(address, root) == f"https://example.org/{LANGUAGES[lang]}"
