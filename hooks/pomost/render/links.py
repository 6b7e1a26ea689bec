"""Where things are in one language's part of the site, and relative links to them.

Record pages live in their kind's folder (pomost/records/kinds.py) under the language's root; the
downloads (calendars, the feed, the grant table's CSV) have fixed places beside them.
"""

from __future__ import annotations

from pomost.langs import prefix, relative
from pomost.records.kinds import kind as kind_called
from pomost.records.rules import CALENDAR_NAME
from pomost.render.strings import Strings

#: the Atom feed of news and events, at the root of each language
FEED_NAME = "atom.xml"


class Links:
    def __init__(self, lang: str, strings: Strings) -> None:
        self.lang = lang
        self.strings = strings
        #: where this language lives under the site root: '' for Polish, 'be/' for Belarusian
        self.prefix = prefix(lang)

    def page(self, kind: str, rid: str | None = None) -> str:
        """Site path of a record's page, or of its kind's index: 'be/organizacje/x/'."""
        return f"{self.prefix}{kind_called(kind).folder}/" + (f"{rid}/" if rid else "")

    def url(self, page_url: str, kind: str, rid: str | None = None) -> str:
        """Relative link from ``page_url`` to a record page (or a section index)."""
        return relative(self.page(kind, rid), page_url)

    def link(self, page_url: str, path: str) -> str:
        """Relative link from ``page_url`` to ``path`` under the site root (a file or 'x/')."""
        return relative(path, page_url, is_file=not path.endswith("/"))

    def ics_path(self, rid: str | None = None) -> str:
        """Site path of an event's .ics, or of the calendar of all events."""
        return f"{self.page('event')}{rid or CALENDAR_NAME}.ics"

    def ics_link(self, page_url: str, rid: str | None = None) -> str:
        return relative(self.ics_path(rid), page_url, is_file=True)

    @property
    def feed_path(self) -> str:
        return self.prefix + FEED_NAME

    def feed_link(self, page_url: str) -> str:
        return relative(self.feed_path, page_url, is_file=True)

    @property
    def grant_csv_path(self) -> str:
        """The grant table as CSV, beside the instruments' pages; its name is a UI string."""
        return f"{self.page('instrument')}{self.strings['grant_csv_name']}.csv"

    def grant_csv_link(self, page_url: str) -> str:
        return relative(self.grant_csv_path, page_url, is_file=True)
