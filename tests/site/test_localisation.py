"""Localisation and discoverability, on the built site: each language is complete and says so.

Rules checked without a build are in tests/unit/test_localisation_rules.py; builds that
must fail, and the sitemap's lastmod in a copy with its own history, in tests/build/."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from babel.dates import format_date

from pomost.render.strings import load_all

from support import PREFIX, ROOT, SECTIONS, SITE_URL, resolve, visible_text

STRINGS = load_all()


def lang_of(url: str) -> str:
    return "be" if url.startswith("be/") else "pl"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def hand_written(lang: str):
    """(site path, docs file) of every hand-written page in ``lang``."""
    for path in sorted((ROOT / "docs").rglob("*.md")):
        rel = path.relative_to(ROOT / "docs").as_posix()
        is_be = rel.endswith(".be.md")
        if is_be != (lang == "be"):
            continue
        stem = rel[: -len(".be.md")] if is_be else rel[:-3]
        stem = stem[: -len("index")] if stem.endswith("index") else stem + "/"
        yield PREFIX[lang] + stem.lstrip("/"), path


@pytest.fixture(scope="module")
def index_pages(all_pages):
    """(site path, parsed HTML) of every index.html: every page except the 404s."""
    return [(url, soup) for url, soup in all_pages.items() if url == "" or url.endswith("/")]


# -- CLDR formatting ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", PREFIX)
def test_event_dates_are_cldr_long_dates_in_the_page_language(catalog, page, lang):
    dated = [e for e in catalog.events.values() if e.date]
    assert dated
    for event in dated:
        soup = page(f"{PREFIX[lang]}{SECTIONS['event']}/{event.id}/")
        time = soup.select_one(f"article dd time[datetime='{event.date.isoformat()}']")
        year = {"pl": "\u00a0r.", "be": "\u00a0г."}[lang]  # the year's abbreviation follows it
        assert time.get_text() == format_date(event.date, "EEEE, d MMMM y", locale=lang) + year


# -- names ----------------------------------------------------------------------------------


def test_event_pages_name_people_in_belarusian_with_the_polish_original(catalog, page):
    checked = 0
    for event in catalog.events.values():
        items = page(f"be/{SECTIONS['event']}/{event.id}/").select("#uczestnicy + ul > li")
        assert len(items) == len(event.people)
        for pid, item in zip(event.people, items, strict=True):
            person = catalog.people[pid].name
            shown = visible_text(item).split(" — ")[0]
            assert shown == (f"{person.be} ({person.pl})" if person.origin == "pl" else person.be)
            pl_items = page(f"{SECTIONS['event']}/{event.id}/").select("#uczestnicy + ul > li")
            assert visible_text(pl_items[event.people.index(pid)]).startswith(f"{person.pl} — ")
            checked += 1
    assert checked and any(p.name.origin == "be" for p in catalog.people.values())


def test_a_place_named_twice_on_a_page_gets_its_original_once(catalog, page):
    towns = [o.town for o in catalog.organisations.values() if o.town]
    repeated = {t.pl for t in towns if sum(u.pl == t.pl for u in towns) > 1}
    assert repeated, "data/ has no town shared by two organisations"
    text = visible_text(page(f"be/{SECTIONS['organisation']}/").select_one("article"))
    for town in (t for t in towns if t.pl in repeated):
        assert text.count(f"{town.be} ({town.pl})") == 1
    assert "(" + next(iter(repeated)) + ")" not in visible_text(
        page(f"{SECTIONS['organisation']}/").select_one("article"))


# -- Material's UI strings ---------------------------------------------------------------------

def test_material_belarusian_ui_strings_are_corrected(page):
    soup = page("be/")
    assert visible_text(soup.select_one("a.md-skip")) == "Перайсці да зместу"
    translations = json.loads(soup.select_one("#__config").string)["translations"]
    assert translations["search.result.none"] == "Нічога не знойдзена"
    override = (ROOT / "overrides/partials/languages/be-custom.html").read_text("utf-8")
    assert '"blog.archive": "Архіў"' in override
    everything = str(soup) + json.dumps(translations, ensure_ascii=False)
    for wrong in ("Заархіваваць", "ня знойдзена", "да зместа", "Скапіраваць"):
        assert wrong not in everything


# -- every page's head ------------------------------------------------------------------------

def test_every_page_has_its_language_canonical_and_absolute_alternates(index_pages):
    assert len(index_pages) > 10
    for url, soup in index_pages:
        lang = lang_of(url)
        assert soup.html["lang"] == lang, url
        own = SITE_URL + url
        assert soup.select_one("link[rel=canonical]")["href"] == own
        pages = [link for link in soup.select("head link[rel=alternate][hreflang]")
                 if not link.get("type")]  # feeds are alternates with a type
        links = {link["hreflang"]: link["href"] for link in pages}
        assert len(pages) == 3, url
        path = url[3:] if lang == "be" else url
        assert links == {"pl": SITE_URL + path, "be": SITE_URL + "be/" + path,
                         "x-default": SITE_URL + path}, url


def test_every_page_has_a_description_and_open_graph_in_its_language(index_pages):
    for url, soup in index_pages:
        lang, other = ("be", "pl") if lang_of(url) == "be" else ("pl", "be")
        description = soup.select_one("meta[name=description]")["content"]
        og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
        assert description and og["og:description"] == description, url
        assert og["og:title"] and og["og:url"] == SITE_URL + url
        assert og["og:locale"] == STRINGS[lang]["locale_og"]
        assert og["og:locale:alternate"] == STRINGS[other]["locale_og"]


@pytest.mark.parametrize("lang", PREFIX)
def test_descriptions_come_from_front_matter_and_from_record_summaries(catalog, page, lang):
    for url, path in hand_written(lang):
        assert page(url).select_one("meta[name=description]")["content"] == \
            front_matter(path)["description"], url
    for kind, section in SECTIONS.items():
        for rid, record in catalog.of(kind).items():
            meta = page(f"{PREFIX[lang]}{section}/{rid}/").select_one("meta[name=description]")
            assert meta["content"] == getattr(record.summary, lang)


# -- sitemap ----------------------------------------------------------------------------------

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_page_of_both_languages_with_alternates(site, index_pages):
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", NS)
    locs = {u.find("s:loc", NS).text for u in urls}
    assert locs == {SITE_URL + url for url, _ in index_pages}
    for entry in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in entry.findall("x:link", NS)}
        assert set(alternates) == {"pl", "be"}
        assert entry.find("s:loc", NS).text in alternates.values()


# -- 404 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_each_language_has_its_own_404_with_a_way_home(page, lang):
    soup = page(PREFIX[lang] + "404.html")
    t, root = STRINGS[lang], "/" + SITE_URL.split("/", 3)[3]
    assert soup.html["lang"] == lang
    assert visible_text(soup.select_one("article h1")) == t["not_found_title"]
    home = soup.select_one("article").find("a", string=t["not_found_home"])
    assert home["href"] == root + PREFIX[lang]
    switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert switcher == {"pl": root, "be": root + "be/"}
    assert not soup.select("head link[hreflang]")


# -- anchors ----------------------------------------------------------------------------------

def test_belarusian_headings_get_readable_cyrillic_ids(page):
    checked = 0
    for url, _ in hand_written("be"):
        for h2 in page(url).select("article h2[id]:has(> a.headerlink)"):  # from Markdown
            heading = visible_text(h2).rstrip("¶").strip()
            if not re.search("[а-яёіў]", heading, re.I):
                continue
            assert not re.fullmatch(r"_\d+", h2["id"]), (url, h2["id"])
            if re.fullmatch(r"[a-z0-9-]+", h2["id"]):
                continue  # an id the page sets itself ({#kolumny}), shared with the Polish page
            first = re.findall(r"\w+", heading.lower())[0]
            assert h2["id"].startswith(first), (url, heading, h2["id"])
            checked += 1
    assert checked


# -- A–Z index without JavaScript ------------------------------------------------------------------


@pytest.mark.parametrize("lang", PREFIX)
def test_the_a_z_page_lists_every_page_of_its_language(index_pages, page, lang):
    index = PREFIX[lang] + "indeks/"
    listed = [resolve(index, a["href"]) for a in page(index).select("ul.pomost-az a[href]")]
    expected = {url for url, _ in index_pages if lang_of(url) == lang and url != index}
    # a title glossed in the page's script is filed twice: as written and under its gloss
    assert sorted(set(listed)) == sorted(expected) and max(map(listed.count, listed)) <= 2


def test_every_page_links_the_a_z_page_without_javascript(index_pages, site):
    for url, soup in index_pages:
        index = PREFIX[lang_of(url)] + "indeks/"
        nav = soup.select_one("nav.md-nav--primary")
        assert index in {resolve(url, a["href"]) for a in nav.select("a[href]")}, url
        assert "no-js" in soup.html["class"] and soup.select_one("form.md-search__form")
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css")).read_text("utf-8")
    assert ".no-js .md-search{display:none}" in css  # Material hides search until JS runs
