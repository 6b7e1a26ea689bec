"""Readers first (issue 16, part 2): correct Belarusian and Polish, one glossary that pages,
UI labels and data follow, and no claim the article does not support stated as fact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.dates import get_month_names
from bs4 import BeautifulSoup

from pomost.domain import timeline
from pomost.render import formatting
from pomost.render.strings import load_all

from support import PREFIX, ROOT, SECTIONS, visible_text

STRINGS = load_all()
GLOSSARY = ROOT / "data" / "glossary.yml"


def terms() -> list[dict]:
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


def wrong(lang: str) -> list[tuple[str, re.Pattern]]:
    """(term id, pattern) of every variant the glossary forbids in ``lang``."""
    return [(t["id"], re.compile(p)) for t in terms() for p in t.get(f"wrong_{lang}", [])]


def _values(value, lang: str, inside: bool = False):
    """Every text of ``lang`` in a parsed YAML value: the ``lang:`` values of texts."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _values(item, lang, inside=key == lang)
    elif isinstance(value, list):
        for item in value:
            yield from _values(item, lang, inside)
    elif isinstance(value, str) and inside:
        yield " ".join(value.split())


def sources(lang: str):
    """(where, text) of everything written in ``lang`` that the site is made of: its UI
    labels, the texts of data/ (the glossary itself aside) and the hand-written pages."""
    strings = yaml.safe_load((ROOT / f"hooks/pomost/render/strings/{lang}.yml").read_text("utf-8"))
    for key, value in strings.items():
        for text in (value.values() if isinstance(value, dict) else [value]):
            yield f"strings/{lang}.yml: {key}", str(text)
    for path in sorted((ROOT / "data").glob("*.yml")):
        if path != GLOSSARY:
            for text in _values(yaml.safe_load(path.read_text("utf-8")), lang):
                yield f"data/{path.name}", text
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if path.name.endswith(".be.md") == (lang == "be"):
            yield f"docs/{path.relative_to(ROOT / 'docs')}", " ".join(
                path.read_text("utf-8").split())


def built_pages(site: Path, lang: str):
    """(url, parsed page) of every page in ``lang``, without what is not in that language:
    scripts, parts marked as the other language, and the glossary table (it names the
    wrong variants on purpose)."""
    other = "pl" if lang == "be" else "be"
    for html in sorted(site.rglob("*.html")):
        url = html.relative_to(site).as_posix()
        if url.startswith("be/") == (lang == "be"):
            soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
            for hidden in soup.select(f"script, style, table#glossary, [lang={other}]"):
                hidden.decompose()
            yield url, soup


def spaced(text: str) -> str:
    """Runs of plain spaces as one (no-break spaces kept), as a reader sees the text."""
    return re.sub(r" {2,}", " ", text)


# -- the glossary ------------------------------------------------------------------------------

def test_the_glossary_gives_every_term_in_both_languages_and_its_own_forms_are_right(catalog):
    listed = terms()
    assert len(listed) >= 30 and len(catalog.terms) == len(listed)
    for term in listed:
        for lang in PREFIX:
            for where, pattern in wrong(lang):
                assert not pattern.search(term["term"][lang]), (term["id"], where)


@pytest.mark.parametrize("lang", PREFIX)
def test_no_known_wrong_variant_in_labels_data_or_pages_sources(lang):
    found = [f"{where}: {tid} ({pattern.pattern}) in …{text[max(0, m.start() - 30):m.end() + 30]}…"
             for where, text in sources(lang) for tid, pattern in wrong(lang)
             for m in [pattern.search(text)] if m]
    assert found == []


@pytest.mark.parametrize("lang", PREFIX)
def test_no_known_wrong_variant_on_any_built_page(site, lang):
    found = []
    for url, soup in built_pages(site, lang):
        text = visible_text(soup)
        titles = " ".join(t.get_text() for t in soup.select("title"))
        for tid, pattern in wrong(lang):
            for chunk in (text, titles):
                match = pattern.search(chunk)
                if match:
                    found.append(f"{url}: {tid}: …{chunk[max(0, match.start() - 30):match.end() + 30]}…")
    assert found == []


@pytest.mark.parametrize("lang", PREFIX)
def test_the_explainer_shows_the_glossary_with_each_term_in_its_language(catalog, page, lang):
    table = page(f"{PREFIX[lang]}jak-dziala-system/").select_one("table#glossary")
    rows = table.select("tbody tr")
    assert len(rows) == len(catalog.terms)
    for row, term in zip(rows, catalog.terms.values(), strict=True):
        assert row.th["lang"] == "pl" and visible_text(row.th) == term.term.pl
        assert row.td["lang"] == "be" and visible_text(row.td) == term.term.be


# -- Belarusian -------------------------------------------------------------------------------

def test_the_footer_and_the_header_label_speak_the_page_language(site):
    for lang in PREFIX:
        for url, soup in built_pages(site, lang):
            footer = visible_text(soup.select_one("footer .md-copyright"))
            assert STRINGS[lang]["site_tagline"] in footer, url
            other = "be" if lang == "pl" else "pl"
            assert STRINGS[other]["site_tagline"] not in footer, url
            header = soup.select_one("header nav.md-header__inner")
            assert header["aria-label"] == {"pl": "Nagłówek", "be": "Шапка сайта"}[lang], url


def test_month_counts_take_the_belarusian_plural_forms():
    nbsp = "\u00a0"
    assert formatting.months(2, "be") == f"2{nbsp}месяцы"
    assert formatting.months(22, "be") == f"22{nbsp}месяцы"
    assert formatting.months(6, "be") == f"6{nbsp}месяцаў"
    assert formatting.months(1, "be") == f"1{nbsp}месяц"
    assert formatting.months(2, "pl") == f"2{nbsp}miesiące"


@pytest.mark.parametrize("lang", PREFIX)
def test_every_date_in_running_text_ends_with_the_year_abbreviation(site, lang):
    months = "|".join(get_month_names("wide", "format", lang).values())
    date = re.compile(rf"\b\d{{1,2}} (?:{months}) \d{{4}}\b(?![\s\u00a0]?{'r' if lang == 'pl' else 'г'}\.)")
    news = "aktualnosci/"  # the news item quotes the article as published
    found = []
    for url, soup in built_pages(site, lang):
        for node in soup.select("article, footer"):
            text = visible_text(node).replace("\u202f", " ")
            if news not in url:
                found += [f"{url}: {m.group(0)}" for m in date.finditer(text)]
    assert found == []


def test_the_site_name_is_written_one_way_in_belarusian(site):
    """«Помост» in Belarusian running text, bare as the name in the header; never Latin."""
    for where, text in sources("be"):
        for match in re.finditer(r"Помост", text):
            quoted = text[match.start() - 1:match.start()] == "«" and \
                text[match.end():match.end() + 1] == "»"
            assert quoted or where in ("data/site.yml",), f"{where}: {text[:80]}"
    for url, soup in built_pages(site, "be"):
        assert "Pomost" not in visible_text(soup), url


def test_polish_names_in_the_belarusian_a_z_are_filed_under_their_gloss_too(page):
    soup = page("be/indeks/")
    cyrillic = re.compile(r"[\u0400-\u04FF]")
    by_letter = {h2["id"]: h2.find_next("ul") for h2 in soup.select("article h2[id^=az-]")}
    latin_blocks = [ul for key, ul in by_letter.items() if not cyrillic.search(key)]
    assert latin_blocks, "no Polish-named page: the test has nothing to check"
    cyrillic_urls = {a["href"] for key, ul in by_letter.items() if cyrillic.search(key)
                     for a in ul.select("a")}
    for ul in latin_blocks:
        for a in ul.select("a"):
            assert a["href"] in cyrillic_urls, f"{visible_text(a)} has no Cyrillic entry"


# -- Polish, and claims ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_a_visit_without_a_date_says_how_long_it_was_and_which_day_is_known(catalog, page, lang):
    line = timeline.Timeline(catalog.events)
    visits = [e for e in catalog.events.values() if not e.date and line.known_dates(e)]
    assert visits
    t = STRINGS[lang]
    for visit in visits:
        days = formatting.counted(visit.days, t.forms("days"), lang)
        dates = ", ".join(formatting.date(d, lang) for d in line.known_dates(visit))
        said = t["undated_within"].format(days=days, dates=dates)
        own = page(f"{PREFIX[lang]}{SECTIONS['event']}/{visit.id}/").select_one("article dl")
        assert said in spaced(visible_text(own))
        assert t["field_date_unknown"] not in visible_text(own)
        index = spaced(visible_text(page(f"{PREFIX[lang]}{SECTIONS['event']}/").select_one("article")))
        assert said in index and f"{t['undated']} (" not in index


@pytest.mark.parametrize("lang", PREFIX)
def test_the_news_item_is_titled_by_its_headline(catalog, page, lang):
    for rid, news in catalog.news.items():
        soup = page(f"{PREFIX[lang]}aktualnosci/{rid}/")
        site_name = getattr(catalog.settings.name, lang)
        assert soup.title.get_text() == f"{getattr(news.title, lang)} - {site_name}"


def test_the_24_september_meeting_does_not_claim_what_the_article_does_not_say(catalog, page):
    meeting = next(e for e in catalog.events.values() if e.date)
    for lang in PREFIX:
        text = visible_text(page(f"{PREFIX[lang]}{SECTIONS['event']}/{meeting.id}/"))
        assert "Omówiono" not in text and "Была прадстаўлена таксама дзейнасць асяродкаў" not in text


@pytest.mark.parametrize("lang", PREFIX)
def test_what_could_be_transferred_is_marked_as_the_editors_opinion(catalog, page, lang):
    checked = 0
    for rid, org in catalog.organisations.items():
        if not org.transferable:
            continue
        heading = page(f"{PREFIX[lang]}{SECTIONS['organisation']}/{rid}/").find(id="do-przeniesienia")
        assert visible_text(heading).startswith(STRINGS[lang]["field_transferable"])
        assert {"pl": "ocena redakcji", "be": "ацэнка рэдакцыі"}[lang] in visible_text(heading)
        assert visible_text(heading.find_next("p")) == STRINGS[lang]["transferable_note"]
        checked += 1
    assert checked


def test_the_belarusian_ministry_is_named_in_the_polish_genitive(page):
    text = visible_text(page("organizacje/ministerstwo-pracy-bialorus/"))
    assert "Republiki Białorusi" in text and "Republiki Białoruś" not in text
