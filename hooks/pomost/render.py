"""Records -> HTML, in one language, through the Jinja templates in templates/.

No MkDocs here: the hook asks for a page's HTML or a marker's HTML and gets a
string. The environment autoescapes everything and fails on any undefined
name, so text from data/ can never become markup and a typo in a template
fails the build instead of printing nothing.
"""

from __future__ import annotations

import csv
import io
import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import formatting
from .catalog import Catalog
from .grants import GrantTable, grant_table
from .models import Event, Text
from .strings import LANGS, Strings, load_all

TEMPLATES = Path(__file__).parent / "templates"

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


def csv_name(strings: Strings) -> str:
    return f"{strings['grant_csv_name']}.csv"


@dataclass
class Renderer:
    """Renders pages and fragments of one catalog in one language."""

    catalog: Catalog
    lang: str
    env: Environment

    def __post_init__(self) -> None:
        self.strings = load_all()[self.lang]
        self.grants: GrantTable = grant_table(self.catalog)
        self._backlink_cache: dict[tuple[str, str], dict[str, list]] = {}

    # -- pages --------------------------------------------------------------

    def record(self, kind: str, rid: str):
        return self.catalog.of_kind(kind)[rid]

    def page_meta(self, kind: str, rid: str) -> dict[str, str]:
        """Title and description of a record page, for the page's front matter."""
        record = self.record(kind, rid)
        title = record.title if kind == "event" else record.name
        return {"title": self.text(title), "description": self.text(record.summary)}

    def page(self, kind: str, rid: str, page_url: str) -> str:
        return self._render(f"{kind}.html", page_url, record=self.record(kind, rid),
                            csv_size=self.csv_size)

    def marker(self, name: str, page_url: str) -> str:
        return self._render(MARKERS[name], page_url, csv_size=self.csv_size)

    # -- downloads ----------------------------------------------------------

    def grant_csv(self) -> str:
        """The grant table as CSV for Polish Excel: ';'-separated, UTF-8 with BOM."""
        t, out = self.strings, io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([t["grant_col_instrument"], t["grant_col_purpose"], t["grant_col_max"],
                         t["grant_col_unit"], t["grant_col_period"], t["grant_col_total"]])
        for row in self.grants.rows:
            writer.writerow([self.text(row.instrument.name), self.text(row.amount.purpose),
                             row.amount.max_pln, self.unit(row.amount),
                             self.period(row.amount), row.total])
        writer.writerow([t["grant_footer"], "", "", "", "", self.grants.per_founder])
        return "\ufeff" + out.getvalue()

    @cached_property
    def csv_size(self) -> str:
        return f"{formatting.number(len(self.grant_csv().encode('utf-8')), self.lang)}\u00a0B"

    # -- helpers the templates call ------------------------------------------

    def text(self, value: Text | None) -> str:
        return getattr(value, self.lang) if value is not None else ""

    def unit(self, amount) -> str:
        return self.strings[f"per_{amount.per}"]

    def period(self, amount) -> str:
        if amount.payment == "one_off":
            return self.strings["payment_one_off"]
        span = self.strings["months_range"].format(start=amount.from_month, end=amount.to_month)
        return f"{span} ({formatting.months(amount.to_month - amount.from_month + 1, self.lang)})"

    def url(self, page_url: str, kind: str, rid: str | None = None) -> str:
        """Relative link from ``page_url`` to a record page (or a section index)."""
        target = self.prefix + SECTIONS[kind] + "/" + (f"{rid}/" if rid else "")
        return _relative(target, page_url)

    @property
    def prefix(self) -> str:
        """Where this language lives under the site root: '' for Polish, 'be/' for Belarusian."""
        return "" if self.lang == LANGS[0] else f"{self.lang}/"

    def records(self, kind: str, ids: list[str]) -> list:
        return [self.catalog.of_kind(kind)[rid] for rid in ids]

    def referring(self, kind: str, field: str, rid: str) -> list:
        """Records of ``kind`` whose list ``field`` names ``rid`` (the links back)."""
        return self._backlinks(kind, field).get(rid, [])

    def children(self, event: Event) -> list[Event]:
        return self._children.get(event.id, [])

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

    @cached_property
    def _children(self) -> dict[str, list[Event]]:
        table: dict[str, list[Event]] = {}
        for event in self.catalog.events.values():
            if event.part_of:
                table.setdefault(event.part_of, []).append(event)
        return table

    def event_dates(self, event: Event):
        """The known dates of an event: its own, or those of the events inside it."""
        if event.date:
            return [event.date]
        return sorted(e.date for e in self.children(event) if e.date)

    def events_sorted(self) -> list[Event]:
        """Newest first; events without a date after the dated ones, in file order."""
        events = list(self.catalog.events.values())
        dated = sorted((e for e in events if self.event_dates(e)),
                       key=lambda e: self.event_dates(e)[0], reverse=True)
        return dated + [e for e in events if not self.event_dates(e)]

    def _render(self, template: str, page_url: str, **context) -> str:
        lang = self.lang
        return self.env.get_template(template).render(
            lang=lang, t=self.strings, catalog=self.catalog, grants=self.grants,
            r=self, page_url=page_url, list_limit=LIST_LIMIT, csv_file=_relative(
                f"{self.prefix}{SECTIONS['instrument']}/{csv_name(self.strings)}", page_url,
                is_file=True),
            text=self.text,
            money=lambda v, short=False: formatting.money(v, lang, self.strings, short=short),
            number=lambda v: formatting.number(v, lang),
            counted=lambda v, key: formatting.counted(v, self.strings.forms(key), lang),
            noun=lambda v, key: formatting.noun(v, self.strings.forms(key), lang),
            months=lambda v: formatting.months(v, lang),
            date=lambda v, weekday=False: formatting.date(v, lang, weekday=weekday),
            **context,
        )


def _relative(target: str, page_url: str, *, is_file: bool = False) -> str:
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    if rel == ".":
        return "./"
    return rel if is_file else rel.rstrip("/") + "/"
