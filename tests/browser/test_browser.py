"""The built site in a real browser (headless Chromium): accessibility, no JavaScript, privacy.

One browser and three contexts serve the whole module (see browser_support.py). Pages
are chosen from data/ so that every page type is covered in both languages.
"""

from __future__ import annotations

import json

import pytest

from pomost.theme.generated import STATEMENT_PATH

from browser_support import (
    AXE,
    NARROW,
    WCAG_TAGS,
    WIDE,
    artifact,
    page_overflow,
    screenshot,
    settle,
    tool,
)
from support import PREFIX as LANGS
from support import SECTIONS

#: page type -> path under a language root (hand-written pages, and the 404)
FIXED = {
    "home": "",
    "instruments": f"{SECTIONS['instrument']}/",
    "organisations": f"{SECTIONS['organisation']}/",
    "events": f"{SECTIONS['event']}/",
    "news": "aktualnosci/wizyta-delegacji-bialoruskiej/",
    "explainer": "jak-dziala-system/",
    "statement": STATEMENT_PATH,
}
RECORDS = tuple(SECTIONS)
KINDS = (*FIXED, *RECORDS, "404")


def path_of(kind: str, lang: str, catalog) -> str:
    """The site path of one page of ``kind`` in ``lang``."""
    prefix = LANGS[lang]
    if kind in FIXED:
        return prefix + FIXED[kind]
    if kind == "404":
        return f"{prefix}404.html"  # each language has its own (open_page fails on a missing one)
    records = catalog.of(kind)
    # The instrument page that embeds the grant table, when there is one.
    grant = [rid for rid, r in records.items() if getattr(r, "category", "") == "grant"]
    return f"{prefix}{SECTIONS[kind]}/{(grant or list(records))[0]}/"


@pytest.fixture(scope="module")
def axe_context(browser):
    """JavaScript on, 1280 px, axe-core loaded into every page before the page's own scripts."""
    context = browser.new_context(viewport=WIDE, service_workers="block")
    context.add_init_script(path=str(tool(AXE)))
    yield context
    context.close()


def axe_violations(tab) -> list[dict]:
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS)
    return [{"rule": v["id"], "impact": v["impact"], "help": v["help"],
             "where": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violations_wcag21_aa(kind, lang, catalog, origin, axe_context, open_page):
    tab = open_page(axe_context, f"{origin}/{path_of(kind, lang, catalog)}")
    violations = axe_violations(tab)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_readable_without_javascript_on_a_phone(kind, lang, catalog, origin, js_off,
                                                 open_page):
    tab = open_page(js_off, f"{origin}/{path_of(kind, lang, catalog)}")
    assert tab.evaluate("document.documentElement.classList.contains('no-js')")
    heading = tab.locator("article h1")
    assert heading.is_visible() and heading.inner_text().strip()
    if kind != "404":
        body = tab.locator("article").inner_text()
        assert len(body) > len(heading.inner_text()) + 100, body
    overflow = page_overflow(tab)
    assert overflow["scroll"] <= overflow["width"], overflow
    screenshot(tab, f"nojs-360-{lang}-{kind}")


def test_every_request_goes_to_the_site_itself(catalog, page, origin, browser):
    """Every page type in both languages, with JavaScript (which fetches the most)."""
    requested: list[str] = []
    urls = [f"{origin}/{path_of(kind, lang, catalog)}" for lang in LANGS for kind in KINDS]
    # A context of its own, like js_on: the listener goes when the context closes, and never
    # records (or slows down) the requests of later tests in the shared contexts.
    context = browser.new_context(java_script_enabled=True, viewport=WIDE, service_workers="block")
    try:
        context.on("request", lambda request: requested.append(request.url))
        # One tab after the other: 22 tabs at once starve a busy 2-core machine into time-outs.
        tab = context.new_page()
        for url in urls:
            response = tab.goto(url, wait_until="load", timeout=60_000)
            assert response is not None and response.ok, f"{url}: {response and response.status}"
            tab.wait_for_load_state("networkidle", timeout=60_000)  # what the scripts fetch
    finally:
        context.close()
    # Material reads the sitemap next to every <link rel="alternate">, and ours are absolute
    # (hreflang wants them so): on the published site that is the site itself; served here
    # from another origin, those sitemap reads go to the canonical one. Nothing else may.
    canonical = page("").select_one("link[rel=canonical]")["href"]  # the address built for
    foreign = sorted({url for url in requested if not url.startswith(origin + "/")
                      and not (url.startswith(canonical) and url.endswith("/sitemap.xml"))})
    assert foreign == []
    assert set(urls) <= set(requested)
    assert any(url.endswith(".css") for url in requested)  # assets load, from the site


# ---------------------------------------------------------------------------
# Navigation without JavaScript: the drawer and the language switcher
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang,other", [("pl", "be"), ("be", "pl")])
def test_mobile_drawer_opens_and_navigates_without_javascript(lang, other, origin, js_off,
                                                              open_page):
    tab = open_page(js_off, f"{origin}/{LANGS[lang]}")
    target = f"{LANGS[lang]}{SECTIONS['instrument']}/"
    link = tab.locator(f".md-sidebar--primary a.md-nav__link[href$='{SECTIONS['instrument']}/']")
    assert not link.first.is_visible() or not _in_viewport(tab, link.first)
    tab.click("label.md-header__button[for=__drawer]")
    settle(tab)  # the drawer slides in (CSS transition)
    assert _in_viewport(tab, link.first)
    link.first.click()
    tab.wait_for_url(f"{origin}/{target}")
    assert tab.locator("article h1").is_visible()


@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
@pytest.mark.parametrize("lang,other", [("pl", "be"), ("be", "pl")])
def test_language_switcher_works_without_javascript(lang, other, viewport, catalog, origin,
                                                    contexts, open_page):
    rid = next(iter(catalog.organisations))
    section = SECTIONS["organisation"]
    tab = open_page(contexts(False, viewport), f"{origin}/{LANGS[lang]}{section}/{rid}/")
    tab.click(".md-header .md-select > button")
    choice = tab.locator(f".md-header a.md-select__link[hreflang={other}]")
    choice.wait_for(state="visible")
    settle(tab)  # the menu fades in (CSS transition)
    assert _in_viewport(tab, choice), "the language menu sticks out of the screen"
    overflow = page_overflow(tab)
    assert overflow["scroll"] <= overflow["width"], overflow
    screenshot(tab, f"nojs-{viewport['width']}-{lang}-language-menu")
    choice.click()
    tab.wait_for_url(f"{origin}/{LANGS[other]}{section}/{rid}/")
    assert tab.evaluate("document.documentElement.lang") == other


def _in_viewport(tab, locator) -> bool:
    box = locator.bounding_box()
    width = tab.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


# ---------------------------------------------------------------------------
# The grant table (issue 3): the same, visible and contained, with JavaScript on and off
# ---------------------------------------------------------------------------

GRANT_PAGES = ("home", "instruments", "instrument")


@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["360", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_grant_table_is_the_same_and_fits_with_and_without_javascript(
        lang, viewport, catalog, origin, contexts, open_page):
    for kind in GRANT_PAGES:
        url = f"{origin}/{path_of(kind, lang, catalog)}"
        seen = {}
        for javascript in (True, False):
            tab = open_page(contexts(javascript, viewport), url)
            table = tab.locator("#grant-table")
            assert table.is_visible(), url
            assert table.locator("tbody tr").count() == len(catalog_rows(catalog))
            seen[javascript] = tab.locator(".pomost-grants").evaluate("el => el.outerHTML")
            overflow = page_overflow(tab)
            assert overflow["scroll"] <= overflow["width"], (url, javascript, overflow)
            box = tab.evaluate("""() => {
                const box = document.querySelector('#grant-table').closest('.pomost-scroll');
                return {overflow: getComputedStyle(box).overflowX,
                        scroll: box.scrollWidth, client: box.clientWidth};
            }""")
            assert box["overflow"] == "auto"
            if viewport is NARROW:
                assert box["scroll"] > box["client"], "at 360 px the table scrolls in its box"
            caption = tab.locator("#grant-table-caption").bounding_box()
            assert caption["x"] >= 0 and caption["x"] + caption["width"] <= viewport["width"]
            if kind == "home" and not javascript:
                tab.locator(".pomost-grants").screenshot(
                    path=str(artifact(f"grant-table-nojs-{viewport['width']}-{lang}")))
        assert seen[True] == seen[False], f"{url}: the table's DOM differs with JavaScript"


def catalog_rows(catalog):
    from pomost.domain.grants import grant_table
    return grant_table(catalog).rows


# ---------------------------------------------------------------------------
# Keyboard
# ---------------------------------------------------------------------------

FOCUS_STYLE = """() => {
    const el = document.activeElement, style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
            cls: el.className, href: el.getAttribute('href'),
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden'};
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
@pytest.mark.parametrize("lang", LANGS)
def test_skip_link_is_first_and_moves_focus_to_the_content(lang, javascript, catalog,
                                                          origin, contexts, open_page):
    for kind in ("home", "organisation", "statement"):
        tab = open_page(contexts(javascript, WIDE), f"{origin}/{path_of(kind, lang, catalog)}")
        tab.keyboard.press("Tab")
        first = tab.evaluate(FOCUS_STYLE)
        assert "pomost-skip" in first["cls"].split() and first["visible"] and first["outline"], first
        assert first["text"] == load_strings()[lang]["skip_link"]
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.activeElement.id") == "pomost-tresc"
        tab.keyboard.press("Tab")
        after = tab.evaluate("""() => !!document.activeElement.closest('.md-content')""")
        assert after, f"{kind}: the next Tab after the skip link is not in the content"


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_tab_through_the_home_page_with_visible_focus(javascript, origin, contexts, open_page):
    tab = open_page(contexts(javascript, WIDE), f"{origin}/")
    stops = []
    for _ in range(400):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUS_STYLE)
        if stop["tag"] == "BODY" or (stops and stop == stops[0]):
            break  # focus left the page or came round again
        stops.append(stop)
    else:
        pytest.fail("Tab never reached the end of the page (a keyboard trap?)")
    assert len(stops) > 20
    invisible = [s for s in stops if not (s["visible"] and s["outline"])]
    assert invisible == [], invisible
    hrefs = [s["href"] or "" for s in stops]
    assert any(h.endswith("deklaracja-dostepnosci/") for h in hrefs), "footer link not reachable"
    assert any("#grant-table" in str(s) or "pomost-scroll" in s["cls"].split() for s in stops), \
        "the grant table's scroll box is not reachable by keyboard"
    assert any(h.endswith(f"{SECTIONS['instrument']}/") for h in hrefs)


def load_strings():
    from pomost.render.strings import load_all
    return load_all()
