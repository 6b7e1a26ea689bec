"""Events as iCalendar (RFC 5545) files, built with the `icalendar` library.

One calendar per dated event and one of all dated events, per language. An event
without a date gets no calendar entry: a calendar cannot hold an unknown day, and we
do not invent one. Where no time is known the entry is all-day (DATE values, DTEND the
day after the last day, as RFC 5545 counts it); where one is, DTSTART/DTEND carry
TZID=Europe/Warsaw and the calendar its VTIMEZONE.

The UID is the event id at the site's domain: the same in every build and in both
languages (a translation is the same event, so a calendar app updates it, not doubles it).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as VEvent

from pomost.domain import timeline
from pomost.records.models import Event
from pomost.render.strings import Strings


def uid(event: Event, site_url: str) -> str:
    return f"{event.id}@{urlsplit(site_url).hostname}"


def calendar(events: list[Event], *, lang: str, strings: Strings,
             name: str, page_url: dict[str, str], site_url: str,
             stamp: dt.datetime) -> bytes:
    """The .ics text of ``events`` (the undated ones are left out) in language ``lang``.

    ``page_url`` maps event id -> absolute URL of its page; ``stamp`` is DTSTAMP (the build).
    """
    cal = Calendar()
    cal.add("prodid", f"-//Pomost//{urlsplit(site_url).hostname}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name, parameters={"LANGUAGE": lang})
    cal.add("x-wr-calname", name)
    for event in events:
        if event.date:
            cal.add_component(_vevent(event, lang, strings, page_url[event.id], site_url, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()


def _vevent(event: Event, lang: str, strings: Strings, url: str, site_url: str,
            stamp: dt.datetime) -> VEvent:
    text = lambda value: getattr(value, lang)
    vevent = VEvent()
    vevent.add("uid", uid(event, site_url))
    vevent.add("dtstamp", stamp.astimezone(dt.UTC))
    start = timeline.start(event)
    if start:
        vevent.add("dtstart", start)
        end = timeline.end(event)
        if end:
            vevent.add("dtend", end)
    elif event.date:  # all-day: DTEND is exclusive, the day after the last day
        vevent.add("dtstart", event.date)
        vevent.add("dtend", event.date + dt.timedelta(days=event.days))
    vevent.add("summary", text(event.title), parameters={"LANGUAGE": lang})
    vevent.add("description", description(event, lang, strings), parameters={"LANGUAGE": lang})
    if event.place:
        vevent.add("location", text(event.place), parameters={"LANGUAGE": lang})
    vevent.add("url", url)
    return vevent


def description(event: Event, lang: str, strings: Strings) -> str:
    """The description, then the notes: a calendar shows an inferred date as a fact otherwise."""
    parts = [getattr(event.description, lang)]
    parts += [f"{strings['note_' + note.kind]}: {getattr(note.text, lang)}"
              + (f" ({note.source})" if note.source else "") for note in event.notes]
    return "\n\n".join(parts)
