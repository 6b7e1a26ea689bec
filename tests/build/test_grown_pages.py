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
