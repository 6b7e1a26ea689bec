"""The built site, as a reader sees it: every record has its two pages, linked both ways."""

from __future__ import annotations

import posixpath
import re

import pytest

from conftest import PREFIX as LANGS, resolve, ROOT, visible_text
from conftest import SECTIONS
from pomost import kinds
from pomost.theme.generated import generated_target

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


def test_every_internal_link_of_the_site_resolves(site):
    """Hook-rendered HTML is not checked by `mkdocs --strict`, so check every page here."""
    from bs4 import BeautifulSoup
    broken = []
    for html in site.rglob("*.html"):
        url = html.relative_to(site).as_posix()
        base = url[: -len("index.html")] if url.endswith("index.html") else url
        if url.endswith("404.html"):
            continue  # served at any depth, its links are absolute
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
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


def test_record_text_is_escaped_never_markup(catalog):
    """A description holding HTML is shown as text (rendered without a build)."""
    from pomost.build.project import language
    from pomost.records.models import Text
    instrument = next(iter(catalog.instruments.values()))
    hostile = Text(pl='<script>alert(1)</script><img src=x onerror="alert(2)">',
                   be="<a href='javascript:alert(3)'>x</a>")
    changed = catalog.instruments | {instrument.id: instrument.model_copy(
        update={"description": hostile})}
    for lang in ("pl", "be"):
        html = language(catalog.replace(instruments=changed), lang).renderer.page(
            "instrument", instrument.id, f"instrumenty/{instrument.id}/")
        assert "<script" not in html and "<img" not in html and "<a href='javascript" not in html
        assert "&lt;script&gt;" in html or "&lt;a href=" in html


def test_generated_target_tells_record_pages_from_hand_written_ones():
    assert generated_target("organizacje/cis-mieniany.md") == ("organisation", "cis-mieniany")
    assert generated_target("organizacje/cis-mieniany.be.md") == ("organisation", "cis-mieniany")
    assert generated_target("organizacje/index.md") is None
    assert generated_target("index.be.md") is None


def _figures(catalog):
    """Every amount and date in data/, in the ways a person might type them."""
    amounts = {a.max_pln for i in catalog.instruments.values() for a in i.amounts}
    for value in amounts:
        plain = str(value)
        grouped = f"{value:,}"
        yield plain
        for sep in (" ", "\u00a0", ".", "\u202f"):
            yield grouped.replace(",", sep)
    from babel.dates import format_date
    for event in catalog.events.values():
        if event.date:
            for lang in ("pl", "be"):
                yield format_date(event.date, "d MMMM", locale=lang)
            yield event.date.isoformat()
            yield event.date.strftime("%d.%m.%Y")
            yield event.date.strftime("%d.%m")


def test_no_amount_or_date_from_data_is_typed_into_pages_or_templates(catalog):
    news = "aktualnosci/"
    offenders = []
    figures = [f for f in _figures(catalog) if len(f) >= 4]
    assert figures
    roots = [ROOT / "docs", ROOT / "overrides", ROOT / "hooks" / "pomost" / "templates",
             ROOT / "hooks" / "pomost" / "strings"]
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file() or path.suffix not in (".md", ".html", ".yml", ".css"):
                continue
            if news in path.relative_to(ROOT).as_posix():
                continue  # the news item quotes the article as published
            text = path.read_text(encoding="utf-8")
            for figure in figures:
                if re.search(rf"(?<![\d]){re.escape(figure)}(?![\d])", text):
                    offenders.append(f"{path.relative_to(ROOT)}: {figure!r}")
    assert offenders == []


def test_a_nav_title_without_translation_is_reported():
    from mkdocs.config import load_config
    from pomost.theme.i18n import untranslated_nav
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert untranslated_nav(config) == []
    config.nav = config.nav + [{"Kontakt": "kontakt.md"}]
    problems = untranslated_nav(config)
    assert problems == ["mkdocs.yml: nav title 'Kontakt' has no 'be' translation — add it under "
                        "plugins → i18n → languages → be → nav_translations"]


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
