"""Record pages stay small however many records link to them: each list of links back shows
the first LIST_LIMIT and says how many there are; no record page reaches the size limit of
`make bench` (issue 18: every record page under 40 KB, up to 100,000 organisations)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from pomost.records.catalog import load_catalog
from pomost.render.pages import LIST_LIMIT
from tools.bench.__main__ import MAX_PAGE, record_pages

from support import visible_text


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_a_record_page_lists_the_first_links_back_and_counts_them_all(grown, framed):
    catalog = load_catalog(grown / "data")
    capped = 0
    for iid in catalog.instruments:
        users = [o for o in catalog.organisations.values() if iid in o.instruments]
        for prefix in ("", "be/"):
            soup = BeautifulSoup(framed[f"{prefix}instrumenty/{iid}/index.html"], "html.parser")
            heading = soup.find(id="oferuja")
            if not users:
                assert heading is None, iid
                continue
            links = heading.find_next_sibling("ul").find_all("a")
            assert len(links) == min(len(users), LIST_LIMIT), (prefix, iid)
            more = heading.find_next_sibling("ul").find_next_sibling()
            if len(users) > LIST_LIMIT:
                capped += 1
                assert "pomost-more" in more.get("class", []), (prefix, iid)
                said = visible_text(more)
                assert _digits(said).startswith(str(LIST_LIMIT) + str(len(users))), said
            else:
                assert more is None or "pomost-more" not in more.get("class", []), (prefix, iid)
    assert capped, "no instrument is used by more organisations than a page lists"


def test_every_record_page_is_under_the_size_limit(grown, framed, tmp_path):
    site = tmp_path / "site"
    for name, content in framed.items():
        if name.endswith("index.html"):
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_bytes(content)
    pages = record_pages(site)
    folders = {p.relative_to(site).parts[0 if p.relative_to(site).parts[0] != "be" else 1]
               for p in pages}
    assert {"instrumenty", "organizacje", "wydarzenia", "osrodki-wsparcia"} <= folders
    largest = max(pages, key=lambda p: p.stat().st_size)
    assert largest.stat().st_size < MAX_PAGE, largest.relative_to(site)


def _linked_events(html: bytes, prefix: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1]
            for ul in soup.select("ul.pomost-events") for a in ul.select("li > a:first-of-type")]


def test_the_events_index_is_split_into_pages_listing_each_event_once(grown, framed):
    from pomost.domain.timeline import Timeline, build_date
    from pomost.render.pages import PAGED

    catalog = load_catalog(grown / "data")
    order = [e.id for e in Timeline(catalog.events).split(build_date()).in_order()]
    size = PAGED["events"]
    parts = -(-len(order) // size)
    assert parts >= 2, "the grown project's events fit on one page"
    for prefix in ("", "be/"):
        pages = [framed[f"{prefix}wydarzenia/index.html"]] + [
            framed[f"{prefix}wydarzenia/strona/{n}/index.html"] for n in range(2, parts + 1)]
        assert f"{prefix}wydarzenia/strona/{parts + 1}/index.html" not in framed
        listed = [_linked_events(page, prefix) for page in pages]
        assert [rid for part in listed for rid in part] == order, prefix
        assert all(len(part) <= size for part in listed)
        for n, page in enumerate(pages, start=1):
            pager = BeautifulSoup(page, "html.parser").select_one("nav.pomost-pager")
            assert pager is not None and _digits(visible_text(pager.p)) == f"{n}{parts}"
