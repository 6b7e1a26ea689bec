"""The built site, as a reader sees it: every record has its two pages, linked both ways."""

from __future__ import annotations

import posixpath
import re

import pytest

from pomost.records import kinds

from support import PREFIX as LANGS
from support import SECTIONS, resolve, visible_text

KINDS = tuple(SECTIONS)


def records(catalog):
    for kind in KINDS:
        for rid, record in catalog.of(kind).items():
            yield kind, rid, record


def title(kind, record, lang):
    return getattr(kinds.kind(kind).title(record), lang)


def test_every_record_has_a_page_in_each_language_with_its_title(catalog, page):
    count = 0
    for kind, rid, record in records(catalog):
        for lang, prefix in LANGS.items():
            soup = page(f"{prefix}{SECTIONS[kind]}/{rid}/")
            assert soup.html["lang"] == lang
            assert visible_text(soup.h1) == title(kind, record, lang)
            assert soup.title.get_text().startswith(title(kind, record, lang))
            count += 1
    assert count == 2 * sum(len(catalog.of(k)) for k in KINDS) > 0


@pytest.mark.parametrize("lang,other", [("pl", "be"), ("be", "pl")])
def test_language_switcher_on_a_record_page_leads_to_its_twin(catalog, page, lang, other):
    for kind, rid, _ in records(catalog):
        url = f"{LANGS[lang]}{SECTIONS[kind]}/{rid}/"
        switch = page(url).select_one(f"a.md-select__link[hreflang={other}]")
        assert switch is not None, url
        assert resolve(url, switch["href"]) == f"{LANGS[other]}{SECTIONS[kind]}/{rid}/"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_each_index_links_every_record_of_its_kind(catalog, page, lang, kind):
    url = f"{LANGS[lang]}{SECTIONS[kind]}/"
    soup = page(url)
    content = soup.select_one("article")
    linked = {resolve(url, a["href"]) for a in content.select("a[href]")}
    for rid, record in catalog.of(kind).items():
        target = f"{LANGS[lang]}{SECTIONS[kind]}/{rid}/"
        assert target in linked, f"{url} does not link {target}"
        assert content.find("a", string=title(kind, record, lang)), title(kind, record, lang)


def test_every_internal_link_of_the_site_resolves(site, all_pages):
    """Hook-rendered HTML is not checked by `mkdocs --strict`, so check every page here."""
    broken = []
    for url, soup in all_pages.items():
        base = url  # 'x/' for x/index.html
        if url.endswith("404.html"):
            continue  # served at any depth, its links are absolute
        for a in soup.select("a[href]"):
            href = a["href"].split("#")[0]
            if not href or re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            if href.startswith("/"):  # root-absolute (the switcher on the home pages)
                target = site / href.lstrip("/")
            else:
                target = site / posixpath.normpath(posixpath.join(posixpath.dirname(base + "x"),
                                                                  href))
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{url}: {a['href']}")
    assert broken == []


def test_generated_pages_are_not_in_the_navigation(catalog, page):
    nav = page("").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    for kind, rid, _ in records(catalog):
        assert not any(f"{SECTIONS[kind]}/{rid}/" in h for h in hrefs)


def test_every_page_switches_to_its_twin_in_the_other_language(site, page):
    pages = [p.relative_to(site).as_posix()[: -len("index.html")]
             for p in site.rglob("index.html")]
    polish = [p for p in pages if not p.startswith("be/")]
    assert len(polish) == len(pages) - len(polish) > 0
    for url in polish:
        twin = "be/" + url
        assert twin in pages, f"{url} has no Belarusian twin"
        for here, there, lang in ((url, twin, "be"), (twin, url, "pl")):
            link = page(here).select_one(f"a.md-select__link[hreflang={lang}]")
            href = link["href"]
            target = href.lstrip("/") if href.startswith("/") else resolve(here, href)
            assert target == there, f"{here}: switcher leads to {href}"
