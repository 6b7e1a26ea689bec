"""Filters: kind, county or town, legal form and instrument in the search, and the same
lists as plain links that work without JavaScript (the search page and its filter pages)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from pomost.publish.search import FACET_PAGES, SEARCH_PAGE, anchor, slug
from pomost.records.kinds import with_pages

from browser_support import AXE, WCAG_TAGS, WIDE, page_overflow, settle, tool
from support import PREFIX as LANGS
from support import SECTIONS, resolve


def _lublin(catalog):
    return [o for o in catalog.organisations.values() if o.town and o.town.pl == "Lublin"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_page_lists_every_filter_value_as_a_link_to_its_records(
        site, page, catalog, lang):
    search_url = LANGS[lang] + SEARCH_PAGE
    soup = page(search_url)
    links = {a["href"]: a for a in soup.select("article a[href]")}
    for facet, facet_page in FACET_PAGES.items():
        heading = soup.find(id=f"przegladaj-{facet.replace('_', '-')}")
        assert heading, facet
        items = heading.find_next("ul").select("a")
        for item in items:
            target = resolve(search_url, item["href"])
            assert target == LANGS[lang] + facet_page
            value = page(target).find(id=item["href"].split("#")[1])
            assert value, item["href"]
            assert value.find_next("ul").select("a"), f"{item['href']}: lists no page"
    # the town of two organisations, in both languages by the same key
    town = anchor(f"town:{slug('Lublin')}")
    assert any(href.endswith(f"#{town}") for href in links)
    listed = page(LANGS[lang] + FACET_PAGES["place"]).find(id=town).find_next("ul")
    hrefs = {resolve(LANGS[lang] + FACET_PAGES["place"], a["href"]) for a in listed.select("a")}
    assert hrefs == {f"{LANGS[lang]}organizacje/{o.id}/" for o in _lublin(catalog)}
    # every instrument is there, linked to the pages that use it
    instruments = page(LANGS[lang] + FACET_PAGES["instrument"])
    for iid in catalog.instruments:
        assert instruments.find(id=anchor(iid)), iid


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_lists_work_and_the_form_is_hidden(lang, origin, js_off,
                                                                  open_page, catalog):
    tab = open_page(js_off, f"{origin}/{LANGS[lang]}{SEARCH_PAGE}")
    assert not tab.locator("form.pomost-search-page").is_visible()
    assert tab.locator(".pomost-search-nojs").is_visible()
    overflow = page_overflow(tab)
    assert overflow["scroll"] <= overflow["width"], overflow
    town = anchor(f"town:{slug('Lublin')}")
    tab.locator(f"article a[href$='#{town}']").click()
    tab.wait_for_url(f"**{FACET_PAGES['place']}#{town}")
    names = tab.locator(f"#{town} + ul a").all_inner_texts()
    assert sorted(names) == sorted(getattr(o.name, lang) for o in _lublin(catalog))


def _page_results(tab) -> list[str]:
    tab.wait_for_function("() => document.querySelector('[data-pomost-search=page]')"
                          ".hasAttribute('data-pomost-done')")
    return [urlsplit(h).path.lstrip("/") for h in tab.eval_on_selector_all(
        "[data-pomost-search=page] .md-search-result__link", "els => els.map(e => e.href)")]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_filters_narrow_the_results(lang, origin, js_on, open_page, catalog):
    word = {"pl": "społecznej", "be": "сацыяльнай"}[lang]
    tab = open_page(js_on, f"{origin}/{LANGS[lang]}{SEARCH_PAGE}?q={word}")
    everything = _page_results(tab)
    assert len(everything) > 3
    town = f"town:{slug('Lublin')}"
    tab.select_option("#pomost-f-place", town)
    tab.wait_for_function("() => location.search.includes('place=')")
    in_lublin = _page_results(tab)
    assert in_lublin and set(in_lublin) < set(everything)
    assert set(in_lublin) <= {f"{LANGS[lang]}organizacje/{o.id}/" for o in _lublin(catalog)}
    tab.select_option("#pomost-f-place", "")
    tab.select_option("#pomost-f-kind", "instrument")
    tab.wait_for_function("() => location.search.includes('kind=instrument')")
    kinds = _page_results(tab)
    assert kinds and all(p.startswith(f"{LANGS[lang]}instrumenty/") for p in kinds)
    # a filter alone, without words: every page that has the value
    tab.goto(f"{origin}/{LANGS[lang]}{SEARCH_PAGE}?instrument=dotacja-spoldzielnia")
    using = set(_page_results(tab))
    expected = {f"{LANGS[lang]}{SECTIONS[k.name]}/{rid}/" for k in with_pages()
                if "instruments" in k.links for rid, record in catalog.of(k.name).items()
                if "dotacja-spoldzielnia" in record.instruments}
    assert len(expected) > 1  # organisations, events, centres
    expected.add(f"{LANGS[lang]}instrumenty/dotacja-spoldzielnia/")
    assert using == expected


@pytest.fixture(scope="module")
def axe_context(browser):
    context = browser.new_context(viewport=WIDE, service_workers="block")
    context.add_init_script(path=str(tool(AXE)))
    yield context
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", ["search-page", "filter-page", "open-box"])
def test_search_has_no_axe_violations(where, lang, origin, axe_context, open_page):
    from tools.bench import searchbrowser
    path = {"search-page": SEARCH_PAGE + "?q=dotacja", "filter-page": FACET_PAGES["place"],
            "open-box": ""}[where]
    tab = open_page(axe_context, f"{origin}/{LANGS[lang]}{path}")
    if where == "search-page":
        _page_results(tab)
    if where == "open-box":
        searchbrowser.search(tab, {"pl": "dotacja", "be": "датацыя"}[lang])
    settle(tab)  # the results fade in: contrast is measured once they are opaque
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                          "resultTypes: ['violations']})", WCAG_TAGS)
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


@pytest.mark.browser
def test_the_box_works_from_the_keyboard(origin, js_on, open_page):
    from tools.bench import searchbrowser
    tab = open_page(js_on, f"{origin}/")
    links = searchbrowser.search(tab, "Mieniany")
    assert links
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.href") == links[0]
    tab.keyboard.press("ArrowUp")
    assert tab.evaluate("document.activeElement.classList.contains('md-search__input')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(links[0])
