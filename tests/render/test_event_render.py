"""Events rendered from a changed copy of the catalog, without a build: what the shipped data
cannot show (a time of day, a multi-day dated event, a future event), and the feed's dates."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from pomost.build.project import language
from pomost.domain import timeline
from pomost.render import formatting

from event_support import BUILT, EVENTS, A, check_vevent, dated, parse_ics
from support import PREFIX as LANGS
from support import SITE_URL, visible_text


def test_a_timed_event_shows_its_time_zone_and_its_calendar_uses_tzid(catalog):
    meeting = dated(catalog)[0]
    timed = meeting.model_copy(update={"time": dt.time(10, 0), "end_time": dt.time(12, 30)})
    changed = catalog.replace(events={**catalog.events, timed.id: timed})
    for lang in LANGS:
        files = language(changed, lang).downloads.calendars(SITE_URL, BUILT)
        cal = parse_ics(files[f"{LANGS[lang]}{EVENTS}/{timed.id}.ics"])
        [vevent] = cal.walk("VEVENT")
        check_vevent(vevent, timed, lang)
        assert vevent.decoded("DTEND") == dt.datetime.combine(timed.date, timed.end_time,
                                                              timeline.WARSAW)
        assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Warsaw"]
        html = language(changed, lang).renderer.page(
            "event", timed.id, f"{LANGS[lang]}{EVENTS}/{timed.id}/")
        start = dt.datetime.combine(timed.date, timed.time, timeline.WARSAW)
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("time", datetime=start.isoformat())
        assert formatting.zone_name(start, lang) in visible_text(soup)


def test_a_multi_day_event_shows_its_span_and_ends_the_day_after(catalog):
    meeting = dated(catalog)[0]
    longer = meeting.model_copy(update={"days": 3})
    changed = catalog.replace(events={**catalog.events, longer.id: longer})
    last = meeting.date + dt.timedelta(days=2)
    for lang in LANGS:
        files = language(changed, lang).downloads.calendars(SITE_URL, BUILT)
        [vevent] = parse_ics(files[f"{LANGS[lang]}{EVENTS}/{longer.id}.ics"]).walk("VEVENT")
        assert vevent.decoded("DTEND") == last + dt.timedelta(days=1)
        html = language(changed, lang).renderer.page(
            "event", longer.id, f"{LANGS[lang]}{EVENTS}/{longer.id}/")
        assert formatting.date_span(meeting.date, last, lang) in visible_text(
            BeautifulSoup(html, "html.parser"))


def index_groups(html: str) -> dict[str, list[str]]:
    """group -> the event ids its list links, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return {ul["data-group"]: [a["href"].strip("/").split("/")[-1]
                               for a in (li.find("a") for li in ul.select("li")) if a]
            for ul in soup.select("ul[data-group]")}


def test_the_index_orders_upcoming_soonest_first_and_past_newest_first(catalog):
    today = dt.date(2030, 6, 15)
    base = next(iter(catalog.events.values())).model_copy(update={"part_of": None, "days": 1})
    made = {
        "later": base.model_copy(update={"id": "later", "date": dt.date(2031, 1, 1)}),
        "long-ago": base.model_copy(update={"id": "long-ago", "date": dt.date(2018, 5, 1)}),
        "today": base.model_copy(update={"id": "today", "date": today}),
        "undated": base.model_copy(update={"id": "undated", "date": None}),
        "soon": base.model_copy(update={"id": "soon", "date": dt.date(2030, 7, 1)}),
        "ended-yesterday": base.model_copy(update={
            "id": "ended-yesterday", "date": today - dt.timedelta(days=2), "days": 2}),
        "still-on": base.model_copy(update={
            "id": "still-on", "date": today - dt.timedelta(days=1), "days": 2}),
    }
    changed = catalog.replace(events=made)
    for lang in LANGS:
        html = language(changed, lang, today=today).renderer.marker("events", f"{EVENTS}/")
        assert index_groups(html) == {
            "upcoming": ["still-on", "today", "soon", "later"],
            "past": ["ended-yesterday", "long-ago"],
            "unplaced": ["undated"],
        }
        assert formatting.date(today, lang) in visible_text(BeautifulSoup(html, "html.parser"))


def test_undated_entries_are_updated_at_the_build_instant_and_never_published(catalog):
    for lang in LANGS:
        feed = ET.fromstring(language(catalog, lang).downloads.feed(SITE_URL, BUILT))
        assert feed.findtext(f"{A}updated") == BUILT.isoformat()
        for entry in feed.findall(f"{A}entry"):
            assert entry.findtext(f"{A}updated") == BUILT.isoformat()
            assert entry.find(f"{A}published") is None  # no publication date is known today
