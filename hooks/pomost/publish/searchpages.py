"""The search page and the filter pages: the filters as plain links, which work without
JavaScript, and the search form that uses them with JavaScript.

``docs/szukaj.md`` holds ``<!-- pomost:search -->``: the search form with its filters (kind,
county or town, legal form, instrument) and, under it, every filter's values as links.
Each value links to its heading on a filter page (``docs/szukaj/miejsca.md`` …, markers
``<!-- pomost:search-place -->`` …), which lists the pages that have that value; a kind
links to its section's index. The hook fills the markers just before the page is written,
as it does the other markers.
"""

from __future__ import annotations

from pomost.langs import relative
from pomost.publish.search import (
    FACET_PAGES,
    KINDS,
    SEARCH_PAGE,
    Value,
    anchor,
    facet_values,
)
from pomost.publish.search import labels as search_labels
from pomost.records.catalog import Catalog
from pomost.records.kinds import kind as kind_called
from pomost.render.pages import Renderer

#: marker -> the filter whose page it is (None: the search page itself)
MARKERS = {"search": None, **{f"search-{facet.replace('_', '-')}": facet
                              for facet in FACET_PAGES}}

#: where the "page" kind of the kind filter links without JavaScript: the A–Z index
_OTHER_PAGES = "indeks/"


_VALUES: dict[tuple[int, str], tuple[Catalog, dict[str, list[Value]]]] = {}


def _values(catalog: Catalog, lang: str) -> dict[str, list[Value]]:
    """``facet_values``, computed once per catalog and language (four pages use them)."""
    key = (id(catalog), lang)
    if key not in _VALUES or _VALUES[key][0] is not catalog:
        _VALUES[key] = (catalog, facet_values(catalog, lang))
    return _VALUES[key][1]


def marker(name: str, page_url: str, renderer: Renderer) -> str:
    """The HTML of a search marker on the page at ``page_url``, in the renderer's language."""
    facet = MARKERS[name]
    catalog, prefix = renderer.catalog, renderer.prefix
    # What the values are made of (read here too: the preview notes what each page reads,
    # build/changes.py, and the values may come from the cache).
    for records in (catalog.organisations, catalog.instruments, catalog.events):
        len(records)
    values = _values(catalog, renderer.lang)
    labels = search_labels(renderer.lang)

    def link(path: str) -> str:
        return relative(prefix + path, page_url)

    def record_link(kind: str, rid: str) -> str:
        return renderer.links.url(page_url, kind, rid)

    def title(kind: str, rid: str) -> str:
        return renderer.words.text(kind_called(kind).title(catalog.of(kind)[rid]))

    kinds = {k: link(_OTHER_PAGES) if k == "page" else renderer.links.url(page_url, k)
             for k in KINDS}
    template = "search_page.html" if facet is None else "search_facet.html"
    return renderer.env.get_template(template).render(
        L=labels, values=values, facet=facet, kinds=kinds, link=link, anchor=anchor,
        record_link=record_link, title=title, facet_pages=FACET_PAGES,
        root=link(""), search_page=link(SEARCH_PAGE))
