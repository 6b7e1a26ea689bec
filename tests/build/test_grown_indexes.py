"""The A–Z index and the filter pages grow with the catalogue, so they are split into pages
like the other long lists (issue 18): read back page after page, they list what one page
listed, each heading where its rows begin, repeated (without its anchor) where they go on
over a page break, and every link to a letter or a value finds it."""

from __future__ import annotations

import posixpath
import re

import pytest
from bs4 import BeautifulSoup

from pomost.records.catalog import load_catalog
from pomost.render.pages import PAGED
from pomost.render.strings import load_all

from support import visible_text

LANGS = ("", "be/")
#: the filter pages: (marker, folder)
FILTERS = (("search-place", "szukaj/miejsca/"), ("search-legal-form", "szukaj/formy-prawne/"),
           ("search-instrument", "szukaj/instrumenty/"))


def _soup(framed, path: str) -> BeautifulSoup:
    return BeautifulSoup(framed[path + "index.html"], "html.parser")


def _parts(framed, host: str) -> list[str]:
    """The paths of the pages of the list whose first page is at ``host``, in order; checks
    that the pager counts them."""
    paths, n = [host], 2
    while f"{host}strona/{n}/index.html" in framed:
        paths.append(f"{host}strona/{n}/")
        n += 1
    for number, path in enumerate(paths, start=1):
        pager = _soup(framed, path).select_one("nav.pomost-pager")
        if len(paths) == 1:
            assert pager is None, host
        else:
            said = re.sub(r"\D", "", visible_text(pager.p))
            assert said == f"{number}{len(paths)}", (path, said)
    return paths


def _resolve(page: str, href: str) -> tuple[str, str]:
    """(site path of the page, anchor) that ``href`` on the page at ``page`` points to."""
    target, _, anchor = href.partition("#")
    path = posixpath.normpath(posixpath.join(page, target)) + "/" if target else page
    return ("" if path == "./" else path), anchor


def _content(soup: BeautifulSoup):
    return soup.select_one("article")


def _every_page(framed, prefix: str) -> set[str]:
    """The site path of every page of a language but the further pages of lists."""
    pages = set()
    for name in framed:
        if not name.endswith("index.html") or "/strona/" in name or name == "404.html":
            continue
        path = name[: -len("index.html")]
        if prefix and not path.startswith(prefix):
            continue
        if not prefix and path.startswith("be/"):
            continue
        pages.add(path)
    return pages


@pytest.mark.parametrize("prefix", LANGS)
def test_the_a_z_index_is_split_and_lists_every_page(grown, framed, prefix):
    host = f"{prefix}indeks/"
    parts = _parts(framed, host)
    listed = _every_page(framed, prefix) - {host}
    assert len(parts) == -(-len(listed) // PAGED["a-z"]) >= 2, "the index fits on one page"
    found, anchors, letters = [], {}, []
    for path in parts:
        content = _content(_soup(framed, path))
        letters.append([(a["href"], visible_text(a)) for a in
                        content.select("nav.pomost-az-letters a")])
        headings = content.select("h2")
        for h2 in headings:
            if h2.get("id"):
                anchors[(path, h2["id"])] = visible_text(h2)
        links = [_resolve(path, a["href"])[0] for a in content.select("ul.pomost-az a")]
        # a page spreads a share of the rows: at most twice a page's size (titles filed
        # under a gloss too are the only rows beyond the count of pages)
        assert 0 < len(links) <= 2 * PAGED["a-z"], path
        found += links
    assert set(found) == listed, "the index lists every page but the further pages of lists"
    # the letters: the same on every page, each to the heading that begins its rows
    assert all([text for _, text in row] == [text for _, text in letters[0]] for row in letters)
    for path, row in zip(parts, letters, strict=True):
        for href, letter in row:
            assert anchors.get(_resolve(path, href)) == letter, (path, href)
    _continued_only_at_the_top(framed, parts, "h2", prefix)


def _continued_only_at_the_top(framed, parts: list[str], level: str, prefix: str) -> None:
    """A heading without its anchor (rows going on from the page before) is only the first
    of its page, and names the heading the page before ended with, as continued."""
    continued = load_all()["be" if prefix else "pl"]["list_continued"]
    last = None
    for path in parts:
        headings = [h for h in _content(_soup(framed, path)).select(level)
                    if h.find_parent("nav") is None]
        for n, heading in enumerate(headings):
            if not heading.get("id"):
                assert n == 0 and last is not None, (path, visible_text(heading))
                assert visible_text(heading) == continued.format(title=last), path
        if headings:
            last = visible_text(headings[-1]) if headings[-1].get("id") else last


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize(("marker", "folder"), FILTERS)
def test_a_filter_page_is_split_and_each_value_lists_its_records(grown, framed, prefix,
                                                                 marker, folder):
    parts = _parts(framed, prefix + folder)
    values: dict[str, set[str]] = {}   # a value's anchor -> the pages it lists
    current = None
    for path in parts:
        content = _content(_soup(framed, path))
        for node in content.find_all(["h2", "h3", "ul"]):
            if node.find_parent("nav") or "pomost-pager" in str(node.get("class")):
                continue
            if node.name in ("h2", "h3") and node.get("id") in ("county", "town"):
                continue
            if node.name in ("h2", "h3"):
                current = node.get("id") or current  # a continued heading: the same value
                continue
            if current is not None:
                values.setdefault(current, set()).update(
                    _resolve(path, a["href"])[0] for a in node.select("a"))
    catalog = load_catalog(grown / "data")
    expected = _expected(catalog, marker, prefix)
    assert values == expected
    rows = sum(len(pages) for pages in expected.values())
    assert len(parts) == max(1, -(-rows // PAGED[marker])), (rows, len(parts))
    _continued_only_at_the_top(framed, parts, "h3" if marker == "search-place" else "h2",
                               prefix)
    # the search page's list of values links each where its rows begin
    search = _soup(framed, f"{prefix}szukaj/")
    facet = marker.removeprefix("search-")
    links = search.select(f"#przegladaj-{facet} + ul a")
    assert {_resolve(f"{prefix}szukaj/", a["href"])[1] for a in links} == set(expected)
    for a in links:
        path, anchor = _resolve(f"{prefix}szukaj/", a["href"])
        assert _soup(framed, path).find(id=anchor) is not None, a["href"]


def _expected(catalog, marker: str, prefix: str) -> dict[str, set[str]]:
    """A filter's values (their anchors) -> the pages each lists, from the records."""
    from pomost.publish.search import slug

    def page(folder: str, rid: str) -> str:
        return f"{prefix}{folder}/{rid}/"

    found: dict[str, set[str]] = {}
    for oid, org in catalog.organisations.items():
        where = page("organizacje", oid)
        if marker == "search-place":
            for group, text in (("county", org.county), ("town", org.town)):
                if text:
                    found.setdefault(f"{group}-{slug(text.pl)}", set()).add(where)
        elif marker == "search-legal-form" and org.legal_form:
            found.setdefault(slug(org.legal_form.pl), set()).add(where)
    for cid, centre in catalog.centres.items():
        where = page("osrodki-wsparcia", cid)
        if marker == "search-place":
            for county in centre.counties:
                name = catalog.counties[county].name.pl
                found.setdefault(f"county-{slug(name)}", set()).add(where)
    if marker == "search-instrument":
        for iid in catalog.instruments:
            found[iid] = {page("instrumenty", iid)}
        for folder, records in (("organizacje", catalog.organisations),
                                ("osrodki-wsparcia", catalog.centres),
                                ("wydarzenia", catalog.events)):
            for rid, record in records.items():
                for iid in record.instruments:
                    found[iid].add(page(folder, rid))
    return found
