"""Every page type of the site, as the readers-first tests (issue 16) visit them: one page of
each kind, chosen from data/ so that a new record kind or page is covered by adding it here."""

from __future__ import annotations

from pathlib import Path

from pomost.theme.generated import STATEMENT_PATH

from support import PREFIX, SECTIONS

#: page type -> its path under a language root (hand-written pages, the 404 apart)
FIXED = {
    "home": "",
    "instruments": f"{SECTIONS['instrument']}/",
    "support": f"{SECTIONS['centre']}/",
    "organisations": f"{SECTIONS['organisation']}/",
    "events": f"{SECTIONS['event']}/",
    "news": "aktualnosci/wizyta-delegacji-bialoruskiej/",
    "explainer": "jak-dziala-system/",
    "pack": "pakiet-dla-delegacji/",
    "a-z": "indeks/",
    "open-data": "dane/",
    "statement": STATEMENT_PATH,
}
#: record pages: the kinds with pages (instrument, organisation, centre, event)
RECORDS = tuple(SECTIONS)
PAGE_TYPES = (*FIXED, *RECORDS, "404")


def page_path(kind: str, lang: str, catalog, site: Path) -> str:
    """The site path of the page of type ``kind`` in ``lang``."""
    prefix = PREFIX[lang]
    if kind in FIXED:
        return prefix + FIXED[kind]
    if kind == "404":
        return f"{prefix}404.html"
    records = catalog.of(kind)
    preferred = {  # the richest page of the kind: the grant, a good practice, a dated event
        "instrument": [r for r, x in records.items() if getattr(x, "category", "") == "grant"],
        "organisation": [r for r, x in records.items() if getattr(x, "role", "") == "good_practice"],
        "event": [r for r, x in records.items() if getattr(x, "date", None)],
    }.get(kind) or list(records)
    return f"{prefix}{SECTIONS[kind]}/{preferred[0]}/"
