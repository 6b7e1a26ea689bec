"""The search page: the search form, which works with JavaScript, and under it every
filter's values as plain links, which work without.

``docs/szukaj.md`` holds ``<!-- pomost:search -->``: the search form with its filters (kind,
county or town, legal form, instrument) and, under it, every filter's values as links.
Each value links to its heading on a filter page (``docs/szukaj/miejsca.md`` …, markers
``<!-- pomost:search-place -->`` …: paged lists of render/pages.py), on the page of it where
the value's rows begin; a kind links to its section's index. The hook fills the marker just
before the page is written, as it does the other markers.
"""

from __future__ import annotations

from pomost.langs import relative
from pomost.publish.search import FACET_KINDS, FACET_PAGES, KINDS, SEARCH_PAGE, anchor, values_of
from pomost.publish.search import labels as search_labels
from pomost.render.pages import FILTERS, Renderer

#: the search page's marker
MARKER = "search"

#: where the "page" kind of the kind filter links without JavaScript: the A–Z index
_OTHER_PAGES = "indeks/"


def marker(page_url: str, renderer: Renderer) -> str:
    """The HTML of the search page's marker on the page at ``page_url``, in the renderer's
    language."""
    catalog, prefix = renderer.catalog, renderer.prefix
    # What the values are made of (read here too: the preview notes what each page reads,
    # build/changes.py, and the values may come from the cache).
    for kind in FACET_KINDS:
        len(catalog.of(kind))

    def link(path: str) -> str:
        return relative(prefix + path, page_url)

    kinds = {k: link(_OTHER_PAGES) if k == "page" else renderer.links.url(page_url, k)
             for k in KINDS}
    # value key -> the page of its filter page where its rows begin
    starts = {facet: renderer.starts(name, prefix + FACET_PAGES[facet], page_url)
              for name, facet in FILTERS.items()}
    return renderer.env.get_template("search_page.html").render(
        L=search_labels(renderer.lang), values=values_of(catalog, renderer.lang), kinds=kinds,
        starts=starts, anchor=anchor, facet_pages=FACET_PAGES, root=link(""),
        search_page=link(SEARCH_PAGE))
