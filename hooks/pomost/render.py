"""Records -> HTML, in one language, through the Jinja templates in templates/.

No MkDocs here: the hook asks for a page's HTML or a marker's HTML and gets a
string. The environment autoescapes everything and fails on any undefined
name, so text from data/ can never become markup and a typo in a template
fails the build instead of printing nothing.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import formatting, timeline, urls
from .catalog import CALENDAR_NAME, Catalog
from .head import alternate_urls
from .grants import GrantTable, grant_table
from .models import Event, Name, Text
from .spreadsheet import excel_csv
from .strings import Strings, load_all
from .urls import absolute, relative

TEMPLATES = Path(__file__).parent / "templates"

#: kind of the accessibility statement page (see site.STATEMENT_PATH)
STATEMENT = "statement"

#: record kind -> URL folder of its pages (the same in both languages)
SECTIONS = {"instrument": "instrumenty", "organisation": "organizacje", "event": "wydarzenia"}

#: at most this many links in one list on a record page: an instrument used by thousands of
#: organisations links the first ones and the section's index (keeps every page small)
LIST_LIMIT = 30

#: marker in a Markdown page -> template that replaces it
MARKERS = {
    "grant-table": "grant_table.html",
    "key-figures": "key_figures.html",
    "instruments": "instrument_list.html",
    "organisations": "organisation_list.html",
    "events": "event_list.html",
    "open-data": "open_data.html",
    "open-data-columns": "open_data_columns.html",
    "delegation-pack": "delegation_pack.html",
}


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


#: the Atom feed of news and events, at the root of each language
FEED_NAME = "atom.xml"


def csv_name(strings: Strings) -> str:
    return f"{strings['grant_csv_name']}.csv"


@dataclass
class Renderer:
    """Renders pages and fragments of one catalog in one language."""

    catalog: Catalog
    lang: str
    env: Environment
    #: the day "upcoming" and "past" are counted from; None: the build date (timeline.py)
    today: dt.date | None = None

    def __post_init__(self) -> None:
        self.strings = load_all()[self.lang]
        self.grants: GrantTable = grant_table(self.catalog)
        self._backlink_cache: dict[tuple[str, str], dict[str, list]] = {}

    # -- pages --------------------------------------------------------------

    def record(self, kind: str, rid: str):
        return self.catalog.of_kind(kind)[rid]

    def page_meta(self, kind: str, rid: str) -> dict[str, str]:
        """Title and description of a generated page, for the page's front matter."""
        if kind == STATEMENT:
            return {"title": self.strings["a11y_title"], "description": self.strings[
                "a11y_description"].format(site=self.text(self.catalog.settings.name))}
        record = self.record(kind, rid)
        title = record.title if kind == "event" else record.name
        return {"title": self.text(title), "description": self.text(record.summary)}

    def page(self, kind: str, rid: str, page_url: str, site_url: str = "") -> str:
        if kind == STATEMENT:
            return self.statement(page_url, site_url)
        return self._render(f"{kind}.html", page_url, record=self.record(kind, rid),
                            csv_size=self.csv_size)

    def statement(self, page_url: str, site_url: str) -> str:
        """The deklaracja dostępności; ``site_url`` is the site's root address (mkdocs.yml)."""
        statement = self.catalog.accessibility
        site_url = absolute(site_url, self.prefix) if site_url else relative("", page_url)
        return self._render("statement.html", page_url, s=statement, site_url=site_url,
                            entity=self.catalog.organisations[statement.entity])

    def marker(self, name: str, page_url: str) -> str:
        return self._render(MARKERS[name], page_url, csv_size=self.csv_size)

    def a_z(self, groups: list, page_url: str) -> str:
        """The A–Z list of every page (``azindex.groups``), linked from ``page_url``."""
        return self._render("a_z.html", page_url, groups=groups,
                            link=lambda url: relative(url, page_url))

    def head(self, page_url: str, site_url: str, title: str, description: str) -> str:
        """The <head> tags that say which language the page is in and where its twins are."""
        others = [strings for lang, strings in load_all().items() if lang != self.lang]
        return self._render("head.html", page_url, title=title, description=description,
                            alternates=alternate_urls(page_url, site_url), others=others)

    # -- downloads ----------------------------------------------------------

    @cached_property
    def grant_csv(self) -> bytes:
        """The grant table as CSV for Polish Excel (spreadsheet.excel_csv)."""
        t = self.strings
        return excel_csv([
            [t["grant_col_instrument"], t["grant_col_purpose"], t["grant_col_max"],
             t["grant_col_unit"], t["grant_col_period"], t["grant_col_total"]],
            *([self.text(row.instrument.name), self.text(row.amount.purpose),
               row.amount.max_pln, self.unit(row.amount), self.period(row.amount), row.total]
              for row in self.grants.rows),
            [t["grant_footer"], "", "", "", "", self.grants.per_founder]])

    @cached_property
    def csv_size(self) -> str:
        return self.size(self.grant_csv)

    @cached_property
    def open_data(self):
        """This language's open-data files (opendata.py; imported here as it uses this class)."""
        from .opendata import OpenData
        return OpenData(self)

    def size(self, content: bytes) -> str:
        """A download's size as the link shows it: '1 234 B'."""
        return f"{formatting.number(len(content), self.lang)}\u00a0B"

    # -- helpers the templates call ------------------------------------------

    def text(self, value: Text | None) -> str:
        return getattr(value, self.lang) if value is not None else ""

    def namer(self):
        """A fresh ``name(value)`` for one page: on a Belarusian page the first mention of a
        Polish name adds the Polish original in brackets, "Люблін (Lublin)"; later mentions,
        Belarusian names and Polish pages show the name alone. The original is the record's
        own ``pl`` form, so each name is written once, in data/."""
        seen: set[str] = set()

        def name(value: Name | None) -> str:
            shown = self.text(value)
            if value is None or value.origin != urls.DEFAULT or self.lang == value.origin:
                return shown
            if value.pl in seen or value.pl == shown:
                return shown
            seen.add(value.pl)
            return f"{shown} ({value.pl})"

        return name

    def unit(self, amount) -> str:
        return self.strings[f"per_{amount.per}"]

    def amount_text(self, a) -> str:
        """'do 24 000 złotych na osobę, jednorazowo': an amount in words, on pages and in CSV."""
        text = (f"{self.strings['up_to']} {formatting.money(a.max_pln, self.lang, self.strings)} "
                f"{self.unit(a)}, {self.period(a)}")
        return text + (f" ({self.strings['payment_assumed']})" if not a.payment_stated else "")

    def period(self, amount) -> str:
        if amount.payment == "one_off":
            return self.strings["payment_one_off"]
        span = self.strings["months_range"].format(start=amount.from_month, end=amount.to_month)
        return f"{span} ({formatting.months(amount.to_month - amount.from_month + 1, self.lang)})"

    def url(self, page_url: str, kind: str, rid: str | None = None) -> str:
        """Relative link from ``page_url`` to a record page (or a section index)."""
        target = self.prefix + SECTIONS[kind] + "/" + (f"{rid}/" if rid else "")
        return relative(target, page_url)

    def link(self, page_url: str, path: str) -> str:
        """Relative link from ``page_url`` to ``path`` under the site root (a file or 'x/')."""
        return relative(path, page_url, is_file=not path.endswith("/"))

    @property
    def prefix(self) -> str:
        """Where this language lives under the site root: '' for Polish, 'be/' for Belarusian."""
        return urls.prefix(self.lang)

    def records(self, kind: str, ids: list[str]) -> list:
        return [self.catalog.of_kind(kind)[rid] for rid in ids]

    def referring(self, kind: str, field: str, rid: str) -> list:
        """Records of ``kind`` whose list ``field`` names ``rid`` (the links back)."""
        return self._backlinks(kind, field).get(rid, [])

    def children(self, event: Event) -> list[Event]:
        return self.timeline.children(event)

    def event_dates(self, event: Event) -> list[dt.date]:
        """The known dates of an event: its own, or those of the events inside it."""
        return self.timeline.known_dates(event)

    def _backlinks(self, kind: str, field: str) -> dict[str, list]:
        # Built once per list field: asking each page's records one by one would make the
        # build quadratic (10,000 organisations × 1,000 events per language).
        key = (kind, field)
        if key not in self._backlink_cache:
            table: dict[str, list] = {}
            for record in self.catalog.of_kind(kind).values():
                for rid in dict.fromkeys(getattr(record, field)):
                    table.setdefault(rid, []).append(record)
            self._backlink_cache[key] = table
        return self._backlink_cache[key]

    # -- events: dates, calendars, feed --------------------------------------

    @cached_property
    def timeline(self) -> timeline.Timeline:
        return timeline.Timeline(self.catalog.events)

    @cached_property
    def _split(self) -> timeline.Split:
        return self.timeline.split(self.as_of())

    def events_split(self) -> timeline.Split:
        """Upcoming, past and undated events as of the build date (made once per build)."""
        return self._split

    def as_of(self) -> dt.date:
        return self.today or timeline.build_date()

    def ics_path(self, rid: str | None = None) -> str:
        """Site path of an event's .ics, or of the calendar of all events."""
        return f"{self.prefix}{SECTIONS['event']}/{rid or CALENDAR_NAME}.ics"

    def ics_link(self, page_url: str, rid: str | None = None) -> str:
        return relative(self.ics_path(rid), page_url, is_file=True)

    @property
    def feed_path(self) -> str:
        return self.prefix + FEED_NAME

    def feed_link(self, page_url: str) -> str:
        return relative(self.feed_path, page_url, is_file=True)

    def feed_title(self) -> str:
        return f"{self.text(self.catalog.settings.name)} — {self.strings['feed_title']}"

    def when_text(self, event: Event) -> str:
        """The event's day(s) and time as plain text, or that its date is unknown."""
        if not event.date:
            return self.strings["undated"]
        text = formatting.date_span(event.date, timeline.last_day(event), self.lang)
        start, end = timeline.start(event), timeline.end(event)
        if start:
            span = formatting.clock(start, self.lang)
            if end:
                span += "–" + formatting.clock(end, self.lang)
            text += f", {span} ({formatting.zone_name(start, self.lang)})"
        return text

    def _render(self, template: str, page_url: str, **context) -> str:
        lang = self.lang
        return self.env.get_template(template).render(
            lang=lang, t=self.strings, catalog=self.catalog, grants=self.grants,
            r=self, page_url=page_url, list_limit=LIST_LIMIT, csv_file=relative(
                f"{self.prefix}{SECTIONS['instrument']}/{csv_name(self.strings)}", page_url,
                is_file=True),
            text=self.text,
            name=self.namer(),
            money=lambda v, short=False: formatting.money(v, lang, self.strings, short=short),
            number=lambda v: formatting.number(v, lang),
            counted=lambda v, key: formatting.counted(v, self.strings.forms(key), lang),
            noun=lambda v, key: formatting.noun(v, self.strings.forms(key), lang),
            months=lambda v: formatting.months(v, lang),
            date=lambda v, weekday=False: formatting.date(v, lang, weekday=weekday),
            date_span=lambda first, last: formatting.date_span(first, last, lang),
            clock=lambda v: formatting.clock(v, lang),
            zone_name=lambda v: formatting.zone_name(v, lang),
            start=timeline.start, end=timeline.end, last_day=timeline.last_day,
            **context,
        )
