"""Readers first (issue 16, part 3): the home page for readers and an institutional look —
the publisher and our mark in the header and footer, a text language switch that needs no
JavaScript, dark headings, no table of contents on short pages, a grant table that fits at
1280 px and leads with the amount at 360 px, a printed pack with a cover — with 0 axe
violations, no console errors, and screenshots of every page type at 360 and 1280 px in
test-artifacts/."""

from __future__ import annotations

import json
import posixpath

import pytest
from bs4 import BeautifulSoup

from pomost.domain.grants import grant_table
from pomost.render.strings import load_all

from browser_support import AXE, NARROW, WCAG_TAGS, WIDE, page_overflow, screenshot, tool
from readers_pages import FIXED, PAGE_TYPES, page_path
from support import PREFIX, SECTIONS, visible_text

STRINGS = load_all()
#: page types tests/test_browser.py does not run axe on
NEW_TYPES = ("support", "pack", "a-z", "open-data")


def publisher(catalog):
    return catalog.organisations[catalog.accessibility.entity]


def parsed(site, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if url == "" or url.endswith("/") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def target(url: str, href: str) -> str:
    """The site path a link on the page at ``url`` leads to."""
    if href.startswith("/"):
        return href.lstrip("/")
    base = posixpath.dirname(url) if url.endswith(".html") else url.rstrip("/")
    joined = posixpath.normpath(posixpath.join(base, href))
    return "" if joined == "." else joined.rstrip("/") + "/"


# -- the home page -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_the_home_page_says_who_publishes_what_you_can_get_and_where_to_go_first(catalog, page,
                                                                                lang):
    body = page(PREFIX[lang]).select_one("article")
    who = publisher(catalog)
    box = body.select_one(".pomost-publisher")
    assert getattr(who.name, lang) in visible_text(box)
    assert box.find("a", href=who.email) and who.phone in visible_text(box)
    assert getattr(who.address, lang) in visible_text(box)
    order = [el for el in body.find_all(True) if el.get("class") and (
        {"pomost-publisher", "pomost-cards", "pomost-grants"} & set(el["class"]))]
    assert [sorted({"pomost-publisher", "pomost-cards", "pomost-grants"} & set(el["class"]))[0]
            for el in order] == ["pomost-publisher", "pomost-cards", "pomost-grants"]
    cards = body.select("ul.pomost-cards > li")
    with_amounts = [i for i in catalog.instruments.values() if i.amounts or i.offers]
    assert len(cards) == len(with_amounts)
    links = {target(PREFIX[lang], a["href"]) for a in body.select("a[href]")}
    assert f"{PREFIX[lang]}{SECTIONS['centre']}/" in links, "where to go: the county page"
    assert not body.select(".pomost-figures"), "the counters are gone"


# -- header, footer, language switch ------------------------------------------------------------

def test_every_page_names_the_publisher_and_shows_our_mark_in_header_and_footer(site, catalog):
    who = publisher(catalog)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for html in pages:
        url = html.relative_to(site).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        lang = soup.html["lang"]
        bar = soup.select_one(".pomost-topbar__publisher")
        assert visible_text(bar) == getattr(who.name, lang), url
        link = bar["href"].lstrip("/") if url.endswith("404.html") else target(url, bar["href"])
        assert link.rstrip("/").endswith(f"{SECTIONS['organisation']}/{who.id}"), (url, link)
        assert soup.select_one("header .md-logo svg.pomost-mark"), url
        footer = soup.select_one("footer .pomost-footer")
        assert footer.select_one("svg.pomost-mark") and getattr(who.name, lang) in visible_text(footer)
        assert who.phone in visible_text(footer) and footer.find("a", href=who.email), url


def test_every_page_has_a_text_language_switch_naming_both_languages(site):
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        lang = soup.html["lang"]
        switch = soup.select_one(".pomost-topbar__languages")
        names = [visible_text(li) for li in switch.select("li")]
        assert names == ["Polski", "Беларуская"], html
        current = switch.select_one("[aria-current]")
        assert current.name == "span" and current["lang"] == lang
        other = switch.select_one("a[hreflang]")
        assert other["lang"] == other["hreflang"] != lang



@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
@pytest.mark.parametrize("lang,other", [("pl", "be"), ("be", "pl")])
def test_the_text_language_switch_works_without_javascript(lang, other, viewport, catalog, site,
                                                           origin, contexts, open_page):
    tab = open_page(contexts(False, viewport), f"{origin}/{page_path('centre', lang, catalog, site)}")
    link = tab.locator(f".pomost-topbar__languages a[hreflang={other}]")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] and box["y"] < 100
    link.click()
    tab.wait_for_url(f"{origin}/{page_path('centre', other, catalog, site)}")
    assert tab.evaluate("document.documentElement.lang") == other


# -- headings, table of contents --------------------------------------------------------------

CONTRAST = """el => {
    const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
        const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const a = lum(rgb(getComputedStyle(el).color)), b = lum([255, 255, 255]);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""



@pytest.mark.parametrize("lang", PREFIX)
def test_headings_are_dark(lang, catalog, site, origin, js_on, open_page):
    for kind in ("home", "instrument", "explainer"):
        tab = open_page(js_on, f"{origin}/{page_path(kind, lang, catalog, site)}")
        for selector in ("article h1", "article h2"):
            assert tab.locator(selector).first.evaluate(CONTRAST) >= 12, (kind, selector)
        weight = tab.locator("article h1").evaluate("el => getComputedStyle(el).fontWeight")
        assert int(weight) >= 700


def test_short_pages_have_no_right_hand_table_of_contents(site, catalog):
    for lang in PREFIX:
        for kind in PAGE_TYPES:
            if kind == "404":
                continue
            soup = parsed(site, page_path(kind, lang, catalog, site))
            toc = soup.select_one(".md-sidebar--secondary")
            sections = len(soup.select("article h2 > a.headerlink"))  # from Markdown
            long_page = sections >= 4 and kind != "home"
            assert toc.has_attr("hidden") != long_page, (lang, kind, sections)



def test_the_explainer_keeps_its_table_of_contents_and_the_home_page_has_none(origin, js_on,
                                                                              open_page):
    home = open_page(js_on, f"{origin}/")
    assert not home.locator(".md-sidebar--secondary").is_visible()
    explainer = open_page(js_on, f"{origin}/{FIXED['explainer']}")
    assert explainer.locator(".md-sidebar--secondary").is_visible()


# -- the grant table ---------------------------------------------------------------------------

BROKEN_WORDS = """sel => [...document.querySelectorAll(sel)].flatMap(cell => {
    const broken = [], walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                  .map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(m[0]);
        }
    }
    return broken;
})"""

GRANT_BOX = """() => {
    const box = document.querySelector('#grant-table').closest('.pomost-scroll');
    const outer = box.getBoundingClientRect();
    const amount = document.querySelector('#grant-table tbody tr td');
    const cell = amount.getBoundingClientRect();
    return {scroll: box.scrollWidth, client: box.clientWidth, amountRight: cell.right,
            boxRight: outer.right, amountIsMoney: amount.hasAttribute('data-pln')};
}"""



@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
@pytest.mark.parametrize("lang", PREFIX)
def test_the_grant_table_fits_at_1280_and_leads_with_the_amount_at_360(
        lang, javascript, catalog, site, origin, contexts, open_page):
    for kind in ("home", "instruments", "instrument"):
        url = f"{origin}/{page_path(kind, lang, catalog, site)}"
        wide = open_page(contexts(javascript, WIDE), url)
        box = wide.evaluate(GRANT_BOX)
        assert box["scroll"] <= box["client"], f"{url}: cut off at 1280 px: {box}"
        narrow = open_page(contexts(javascript, NARROW), url)
        box = narrow.evaluate(GRANT_BOX)
        assert box["amountIsMoney"] and box["amountRight"] <= box["boxRight"], \
            f"{url}: the first amount is not on the screen at 360 px: {box}"
        for tab in (wide, narrow):
            assert tab.evaluate(BROKEN_WORDS, "#grant-table th, #scenario-table th") == [], url


# -- axe, console, screenshots -----------------------------------------------------------------

@pytest.fixture(scope="module")
def axe_tab(browser):
    context = browser.new_context(viewport=WIDE, service_workers="block")
    context.add_init_script(path=str(tool(AXE)))
    yield context
    context.close()



@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("kind", NEW_TYPES)
def test_the_page_types_added_for_readers_have_no_axe_violations(kind, lang, catalog, site,
                                                                 origin, axe_tab, open_page):
    tab = open_page(axe_tab, f"{origin}/{page_path(kind, lang, catalog, site)}")
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS)
    violations = [{"rule": v["id"], "where": [n["target"] for n in v["nodes"]][:5]}
                  for v in result["violations"]]
    assert violations == [], json.dumps(violations, ensure_ascii=False)



@pytest.mark.parametrize("lang", PREFIX)
def test_no_page_type_logs_an_error_or_fails_a_request_with_javascript(lang, catalog, site,
                                                                       origin, browser):
    """With JavaScript on, every page type loads without a console error and without a
    request that fails — Material's sitemap look-ups beside each hreflang link included."""
    context = browser.new_context(viewport=WIDE, service_workers="block")
    problems: list[str] = []
    context.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    context.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    context.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    tab = context.new_page()
    try:
        for kind in PAGE_TYPES:
            tab.goto(f"{origin}/{page_path(kind, lang, catalog, site)}", wait_until="load",
                     timeout=60_000)
            tab.wait_for_load_state("networkidle", timeout=60_000)
        assert problems == []
    finally:
        context.close()



@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
@pytest.mark.parametrize("lang", PREFIX)
def test_screenshots_of_every_page_type_without_sideways_scrolling(viewport, lang, catalog, site,
                                                                   origin, contexts, open_page):
    for kind in PAGE_TYPES:
        tab = open_page(contexts(True, viewport), f"{origin}/{page_path(kind, lang, catalog, site)}")
        assert tab.locator("article h1").is_visible()
        overflow = page_overflow(tab)
        assert overflow["scroll"] <= overflow["width"], (kind, overflow)
        screenshot(tab, f"readers-{viewport['width']}-{lang}-{kind}")


# -- the printed delegation pack ---------------------------------------------------------------

def printed(site, url: str, tmp_path) -> list[str]:
    """The text of each printed A4 sheet of the page at ``url`` (Chromium's print to PDF)."""
    from pypdf import PdfReader

    from browser_support import chromium
    out = tmp_path / "printed.pdf"
    run = chromium("--no-pdf-header-footer", f"--print-to-pdf={out}",
                   (site / url / "index.html").as_uri(), profile=tmp_path / "profile")
    assert out.is_file(), run.stderr[-2000:]
    return [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]



@pytest.mark.parametrize("lang", PREFIX)
def test_the_printed_pack_starts_with_a_cover_not_with_a_print_hint(lang, catalog, site,
                                                                    tmp_path):
    t, who = STRINGS[lang], publisher(catalog)
    url = page_path("pack", lang, catalog, site)
    texts = printed(site, url, tmp_path)
    cover, joined = texts[0], "".join(texts[0].split())
    assert "".join(t["pack_cover_title"].split()) in joined
    visits = [e for e in catalog.events.values()
              if not e.part_of and any(c.part_of == e.id for c in catalog.events.values())]
    assert visits
    for visit in visits:
        assert "".join(getattr(visit.title, lang).split()) in joined
    assert "".join(getattr(who.name, lang).split()) in joined
    assert who.phone.replace(" ", "") in joined and who.email.removeprefix("mailto:") in joined
    hint = visible_text(parsed(site, url).select_one("article .pomost-screen-only"))
    assert hint and "".join(hint.split())[:40] not in joined, "the print hint was printed"
    first = next(o for o in catalog.organisations.values() if o.role == "good_practice")
    assert texts[1].startswith(" ".join(getattr(first.name, lang).split())), cover[:200]


def test_the_maximum_per_founder_on_the_home_page_is_the_grant_tables(catalog, page):
    from pomost.render.formatting import money
    for lang in PREFIX:
        text = visible_text(page(PREFIX[lang]).select_one(".pomost-founder"))
        assert money(grant_table(catalog).per_founder, lang, STRINGS[lang]) in text


@pytest.mark.parametrize("lang", PREFIX)
def test_a_reader_finds_their_county_without_javascript(catalog, lang, origin, js_off, open_page):
    tab = open_page(js_off, f"{origin}/{PREFIX[lang]}{SECTIONS['centre']}/")
    county = list(catalog.counties.values())[-1]
    tab.click(f"nav.pomost-county-links a[href='#powiat-{county.id}']")
    tab.wait_for_url(f"**#powiat-{county.id}")
    target = tab.locator(f"#powiat-{county.id}")
    assert target.is_visible()
    box = target.bounding_box()
    assert box and 0 <= box["y"] < tab.viewport_size["height"], "the county is not on screen"
    first = tab.locator(f"#powiat-{county.id}").locator(
        "xpath=ancestor::section[1]").locator(".pomost-centre-name a").first
    assert first.is_visible()
