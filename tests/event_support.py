"""Helpers the event tests of two layers share: what one calendar entry must say."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar

from pomost.domain import timeline
from pomost.publish.feed import ATOM

from support import PREFIX as LANGS
from support import SECTIONS, SITE_URL

EVENTS = SECTIONS["event"]
BUILT = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
A = f"{{{ATOM}}}"


def dated(catalog):
    return [e for e in catalog.events.values() if e.date]


def event_url(lang, rid):
    return f"{SITE_URL}{LANGS[lang]}{EVENTS}/{rid}/"


def parse_ics(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def check_vevent(vevent, event, lang):
    """One VEVENT against its record: what a calendar app will show."""
    assert str(vevent["UID"]) == f"{event.id}@{urlsplit(SITE_URL).hostname}"
    assert str(vevent["SUMMARY"]) == getattr(event.title, lang)
    assert vevent["SUMMARY"].params["LANGUAGE"] == lang
    assert str(vevent["DESCRIPTION"]).startswith(getattr(event.description, lang))
    assert str(vevent["URL"]) == event_url(lang, event.id)
    if event.place:
        assert str(vevent["LOCATION"]) == getattr(event.place, lang)
    start = vevent.decoded("DTSTART")
    if event.time:
        assert vevent["DTSTART"].params["TZID"] == "Europe/Warsaw"
        assert start == dt.datetime.combine(event.date, event.time, timeline.WARSAW)
    else:  # all-day: DATE values, DTEND the day after the last day
        assert type(start) is dt.date and start == event.date
        assert vevent.decoded("DTEND") == event.date + dt.timedelta(days=event.days)
