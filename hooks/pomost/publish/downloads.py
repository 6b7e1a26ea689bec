"""The files beside one language's pages: the grant table as CSV, the open data, the
calendars and the Atom feed — path under the site root -> content."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from pomost.domain.grants import GrantTable, Row
from pomost.domain.timeline import Agenda, build_instant
from pomost.langs import absolute
from pomost.publish import feed, ical
from pomost.publish.opendata import OpenData
from pomost.publish.spreadsheet import excel_csv
from pomost.records.catalog import Catalog
from pomost.records.kinds import kind
from pomost.records.models import Event
from pomost.render.links import Links
from pomost.render.wording import Wording


def known_dates_of(agenda: Agenda, event: Event) -> list[dt.date]:
    """The dates an undated event is known by (those of the events inside it)."""
    return [] if event.date else agenda.timeline.known_dates(event)


class Downloads:
    def __init__(self, catalog: Catalog, words: Wording, links: Links, grants: GrantTable,
                 agenda: Agenda) -> None:
        self.catalog, self.words, self.links = catalog, words, links
        self.grants, self.agenda = grants, agenda
        self.lang = words.lang

    @cached_property
    def grant_csv(self) -> bytes:
        """The grant table as CSV for Polish Excel (spreadsheet.excel_csv). As on the page,
        an assumption of the data stands beside the figure it changes: the period of an
        amount paid monthly by assumption, and the label of the maximum per founder."""
        t, w = self.words.strings, self.words

        def period(row: Row) -> str:
            assumed = "" if row.amount.payment_stated else f" ({t['payment_assumed']})"
            return w.period(row.amount) + assumed

        footer = t["grant_footer"]
        if self.grants.founder_assumptions:
            footer += f" ({w.founder_assumptions(self.grants)})"
        return excel_csv([
            [t["grant_col_instrument"], t["grant_col_purpose"], t["grant_col_max"],
             t["grant_col_unit"], t["grant_col_period"], t["grant_col_total"]],
            *([w.text(row.instrument.name), w.text(row.amount.purpose),
               row.amount.max_pln, w.unit(row.amount), period(row), row.total]
              for row in self.grants.rows),
            [footer, "", "", "", "", self.grants.per_founder]])

    @cached_property
    def csv_size(self) -> str:
        return self.words.size(self.grant_csv)

    @cached_property
    def open_data(self) -> OpenData:
        return OpenData(self.catalog, self.words, self.links)

    def files(self, site_url: str, built: dt.datetime | None = None) -> dict[str, bytes]:
        """Every file written next to this language's pages.

        ``site_url`` makes the links in calendars and feeds absolute; ``built`` is the build
        instant (default: timeline.build_instant()).
        """
        built = built or build_instant()
        return {self.links.grant_csv_path: self.grant_csv, **self.open_data.files,
                **self.calendars(site_url, built),
                self.links.feed_path: self.feed(site_url, built)}

    def event_url(self, site_url: str, rid: str) -> str:
        return absolute(site_url, self.links.page("event", rid))

    def calendars(self, site_url: str, built: dt.datetime) -> dict[str, bytes]:
        """One .ics per dated event and one of all of them (undated events have none)."""
        w = self.words
        split = self.agenda.split
        ordered = split.upcoming + split.past  # undated ones are left out by ical
        urls = {rid: self.event_url(site_url, rid) for rid in self.catalog.events}
        name = f"{w.text(self.catalog.settings.name)} — {w.strings['section_events']}"

        def ics(events: list[Event], title: str) -> bytes:
            return ical.calendar(events, lang=self.lang, strings=w.strings, name=title,
                                 page_url=urls, site_url=site_url, stamp=built)

        files = {self.links.ics_path(): ics(ordered, name)}
        for event in ordered:
            if event.date:
                files[self.links.ics_path(event.id)] = ics([event], w.text(event.title))
        return files

    @property
    def feed_title(self) -> str:
        return f"{self.words.text(self.catalog.settings.name)} — {self.words.strings['feed_title']}"

    def feed(self, site_url: str, built: dt.datetime) -> bytes:
        """The Atom feed: news first (dated newest first), then the events as the index
        lists them."""
        w, news_kind = self.words, kind("news")
        news = sorted(self.catalog.news.values(), key=lambda n: n.date or dt.date.min,
                      reverse=True)
        entries = [feed.Entry(absolute(site_url, f"{self.links.prefix}{news_kind.folder}/{item.id}/"),
                              w.text(item.title), w.text(item.summary), item.date)
                   for item in news]
        split = self.agenda.split
        for event in split.in_order():
            where = f", {w.text(event.place)}" if event.place else ""
            entries.append(feed.Entry(
                self.event_url(site_url, event.id), w.text(event.title),
                f"{w.when_text(event, known_dates_of(self.agenda, event))}{where}. "
                f"{w.text(event.summary)}"))
        return feed.atom(entries, lang=self.lang, title=self.feed_title,
                         author=w.text(self.catalog.settings.name),
                         self_url=absolute(site_url, self.links.feed_path),
                         home_url=absolute(site_url, self.links.prefix), built=built)
