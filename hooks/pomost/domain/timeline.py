"""When events happen, and which of them are still to come on the day the site is built.

The build instant is SOURCE_DATE_EPOCH when it is set (reproducible builds, tests), else
the clock. Times in data/ are local time in Poland, so they are read in Europe/Warsaw.
Nothing here guesses a date: an event without one is placed only through the events it
belongs to or contains, and is never given a day of its own.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

from pomost.records.models import Event

WARSAW = ZoneInfo("Europe/Warsaw")


def build_instant(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The moment of the build, in UTC: SOURCE_DATE_EPOCH (seconds) if set, else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The day of the build in Poland: what 'upcoming' and 'past' are counted from."""
    return build_instant(environ).astimezone(WARSAW).date()


def last_day(event: Event) -> dt.date | None:
    return event.date + dt.timedelta(days=event.days - 1) if event.date else None


def start(event: Event) -> dt.datetime | None:
    """The start as a Warsaw date-time, when a time is known."""
    if event.date and event.time:
        return dt.datetime.combine(event.date, event.time, WARSAW)
    return None


def end(event: Event) -> dt.datetime | None:
    """The end as a Warsaw date-time, when an end time is known."""
    day = last_day(event)
    if day and event.time and event.end_time:
        return dt.datetime.combine(day, event.end_time, WARSAW)
    return None


@dataclass(frozen=True)
class Split:
    """The events of a catalog as the index shows them."""

    upcoming: list[Event]  # soonest first
    past: list[Event]      # newest first
    unplaced: list[Event]  # no date, and none known through a related event

    #: the groups, in the order the index shows them
    GROUPS = ("upcoming", "past", "unplaced")

    @cached_property
    def _group_of(self) -> dict[str, str]:
        """Event id -> its group: made once, not for every page of the index."""
        return {e.id: name for name in self.GROUPS for e in getattr(self, name)}

    def in_order(self) -> list[Event]:
        """Every event as the index lists them: upcoming, past, then those without a date."""
        return [*self.upcoming, *self.past, *self.unplaced]

    def grouped(self, shown: list[Event], first: bool) -> list[tuple[str, list[Event]]]:
        """The events of one page of the index (``shown``, a slice of ``in_order``) in their
        groups; the first page always has "upcoming", to say when none are."""
        groups: dict[str, list[Event]] = {name: [] for name in self.GROUPS}
        for event in shown:
            groups[self._group_of[event.id]].append(event)
        return [(name, events) for name, events in groups.items()
                if events or (first and name == "upcoming")]


@dataclass(frozen=True)
class Timeline:
    events: Mapping[str, Event]

    @cached_property
    def _children(self) -> dict[str, list[Event]]:
        # Indexed once: looking each event's children up by scanning every event would make
        # the split quadratic (1,000 events at 10,000 organisations).
        table: dict[str, list[Event]] = {}
        for event in self.events.values():
            if event.part_of:
                table.setdefault(event.part_of, []).append(event)
        return table

    def children(self, event: Event) -> list[Event]:
        """The events inside ``event`` (a visit's meetings), in file order."""
        return self._children.get(event.id, [])

    @cached_property
    def visits(self) -> list[Event]:
        """The events with events inside them that are not inside another (a delegation's
        visit), in file order."""
        return [e for e in self.events.values() if not e.part_of and e.id in self._children]

    def known_dates(self, event: Event) -> list[dt.date]:
        """Its own date, or the dates of the events inside it (a visit's meetings)."""
        if event.date:
            return [event.date]
        return sorted(e.date for e in self.children(event) if e.date)

    def latest(self, event: Event) -> dt.date | None:
        """The last day the event can have lasted to, from its own date, the events inside
        it (a visit goes on for its days after its last dated meeting), or the visit it is
        part of. None when nothing related is dated."""
        seen: set[str] = set()
        current: Event | None = event
        while current is not None and current.id not in seen:
            seen.add(current.id)
            if current.date:
                return last_day(current)
            inside = [day for e in self.children(current) if (day := last_day(e))]
            if inside:
                return max(inside) + dt.timedelta(days=current.days - 1)
            current = self.events.get(current.part_of) if current.part_of else None
        return None

    def split(self, today: dt.date) -> Split:
        upcoming: list[Event] = []
        past: list[Event] = []
        unplaced: list[Event] = []
        for event in self.events.values():
            latest = self.latest(event)
            if latest is None:
                unplaced.append(event)
            else:
                (upcoming if latest >= today else past).append(event)

        def dated(events: list[Event], newest_first: bool) -> list[Event]:
            with_dates = [e for e in events if self.known_dates(e)]
            with_dates.sort(key=lambda e: self.known_dates(e)[0], reverse=newest_first)
            # Events dated only through their visit follow the dated ones, in file order.
            return with_dates + [e for e in events if not self.known_dates(e)]

        return Split(dated(upcoming, False), dated(past, True), unplaced)


@dataclass
class Agenda:
    """The events as of one day: their timeline and its split into upcoming, past, undated."""

    timeline: Timeline
    #: the day "upcoming" and "past" are counted from (the build date: ``build_date()``)
    today: dt.date

    @cached_property
    def split(self) -> Split:
        return self.timeline.split(self.today)
