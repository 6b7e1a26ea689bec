"""An Atom feed (RFC 4287) of news and events in one language, built with xml.etree.

Dates: Atom requires `updated` on the feed and on every entry. A news item's
publication date is used where data/news.yml gives one (as `published` and
`updated`); otherwise — the news item of today, and every event, whose own date is
when it happens, not when it was written — `updated` is the build instant
(SOURCE_DATE_EPOCH when set), the same instant the sitemap's lastmod uses. No
publication date is ever made up.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from pomost.domain.timeline import WARSAW

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Entry:
    url: str  # absolute; also the entry's id
    title: str
    summary: str
    published: dt.date | None = None


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _instant(value: dt.date | dt.datetime) -> str:
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(), WARSAW)
    return value.isoformat()


def atom(entries: list[Entry], *, lang: str, title: str, author: str, self_url: str,
         home_url: str, built: dt.datetime) -> bytes:
    """The feed's bytes (UTF-8, with an XML declaration)."""
    # Plain tag names under an xmlns attribute: serialised as Atom's default namespace
    # (ElementTree's default_namespace option refuses the unqualified attributes Atom uses).
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    _add(feed, "id", self_url)
    _add(feed, "title", title)
    _add(feed, "updated", _instant(built))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=home_url)
    _add(_add(feed, "author"), "name", author)
    for item in entries:
        entry = _add(feed, "entry")
        _add(entry, "id", item.url)
        _add(entry, "title", item.title)
        _add(entry, "link", rel="alternate", type="text/html", hreflang=lang, href=item.url)
        if item.published:
            _add(entry, "published", _instant(item.published))
        _add(entry, "updated", _instant(item.published or built))
        _add(entry, "summary", item.summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
