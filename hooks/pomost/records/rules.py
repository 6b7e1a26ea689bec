"""Rules across records and files: references that must exist, amounts and times that must
make sense, news records that must have their page. Each problem is one line with its place."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pomost.l10n import _
from pomost.records import quality
from pomost.records.kinds import KINDS, Kind, kind
from pomost.records.messages import meant, one_line
from pomost.records.models import Amount, Event
from pomost.records.yamlsource import Document, Problem

if TYPE_CHECKING:
    from pomost.records.catalog import Catalog

#: the file name of the calendar of all events, beside the events' own (publish/ical.py)
CALENDAR_NAME = "kalendarz"
#: the longest an event may last, in days
MAX_DAYS = 366
#: (kind, first day, last day): periods whose last day must not be before the first
PERIODS = (("instrument", "valid_from", "valid_to"), ("centre", "active_from", "active_to"))


def problems(catalog: Catalog, docs: dict[str, Document], project_root: Path) -> Iterator[Problem]:
    """Every rule broken by ``catalog``; ``docs``: each data file's parsed YAML, by kind name,
    to say where; ``project_root``: where docs/ is, for the pages records describe."""

    def at(kind_: Kind, rid: str, path: tuple) -> tuple[str, int, int]:
        doc = docs[kind_.name]
        index = next(i for i, raw in enumerate(doc.value)
                     if isinstance(raw, dict) and raw.get("id") == rid)
        return (doc.file_at((index,)), *doc.where((index, *path)))

    def problem(kind_: Kind, rid: str, path: tuple, text: str) -> Problem:
        return Problem(*at(kind_, rid, path), f"{kind_.said} '{rid}': {text}")

    for source in KINDS:
        for field, target_name in source.links.items():
            target = kind(target_name)
            known = catalog.of(target.name)
            for rid, record in catalog.of(source.name).items():
                value = getattr(record, field)
                refs = value if isinstance(value, list) else ([value] if value else [])
                for i, ref in enumerate(refs):
                    itself = target is source and ref == rid
                    if ref in known and not itself:
                        continue
                    where = (field, *((i,) if isinstance(value, list) else ()))
                    if itself:
                        text = _("{field} refers to the record itself — check the id against "
                                 "data/{file}").format(field=field, file=target.file)
                    else:
                        text = _("{field} refers to '{id}', which does not exist{meant} — check "
                                 "the id against data/{file}").format(
                            field=field, id=one_line(ref), meant=meant(ref, known),
                            file=target.file)
                    yield problem(source, rid, where, text)
    entity = catalog.accessibility.entity
    if entity not in catalog.organisations:
        accessibility = kind("accessibility")
        line, col = docs[accessibility.name].where(("entity",))
        yield Problem(f"data/{accessibility.file}", line, col, _(
            "entity refers to '{id}', which does not exist{meant} — check the id against "
            "data/{file}").format(id=one_line(entity), meant=meant(entity, catalog.organisations),
                                  file=kind("organisation").file))
    elif catalog.is_draft("organisation", entity):
        accessibility = kind("accessibility")
        line, col = docs[accessibility.name].where(("entity",))
        yield Problem(f"data/{accessibility.file}", line, col, _(
            "entity refers to '{id}', which is a draft — the body publishing the site must be "
            "published: remove its draft: true").format(id=entity))
    instrument = kind("instrument")
    for rid, record in catalog.instruments.items():
        for i, amount in enumerate(record.amounts):
            wrong = amount_problem(amount)
            if wrong:
                yield problem(instrument, rid, ("amounts", i), f"amounts[{i + 1}]: {wrong}")
        for i, offer in enumerate(record.offers):
            if offer.provider and offer.provider not in catalog.centres:
                yield problem(instrument, rid, ("offers", i, "provider"), _(
                    "offers[{n}].provider refers to '{id}', which does not exist{meant} — check "
                    "the id against data/{file}").format(
                    n=i + 1, id=one_line(offer.provider),
                    meant=meant(offer.provider, catalog.centres), file=kind("centre").file))
            for j, amount in enumerate(offer.amounts):
                wrong = amount_problem(amount)
                if wrong:
                    yield problem(instrument, rid, ("offers", i, "amounts", j),
                                  f"offers[{i + 1}].amounts[{j + 1}]: {wrong}")
    event = kind("event")
    for rid, record in catalog.events.items():
        for name, text in event_problems(record):
            yield problem(event, rid, (name,), f"{name}: {text}")
    for dated, since, until in PERIODS:
        for rid, record in catalog.of(dated).items():
            first, last = getattr(record, since), getattr(record, until)
            if first and last and last < first:
                yield problem(kind(dated), rid, (until,), _(
                    "{until} ({to}) is before {since} ({first}) — check the two dates").format(
                    until=until, to=last, since=since, first=first))
    pages = project_root / "docs"
    for page_kind in (k for k in KINDS if k.pages == "generated"):
        # The folder is listed once: asking the disk for two paths per record took most of
        # this check at 10,000 organisations.
        present = _names(pages / str(page_kind.folder))
        for rid in catalog.of(page_kind.name):
            taken = _page_taken(pages, str(page_kind.folder), rid, present)
            if taken:
                yield problem(page_kind, rid, ("id",), _(
                    "the id '{id}' would be the address of {taken} — choose another id").format(
                    id=rid, taken=taken))
    for checked in KINDS:
        if checked.name in docs:
            yield from quality.problems(checked, docs[checked.name])
    for described in (k for k in KINDS if k.pages == "hand-written"):
        for rid in catalog.of(described.name):
            # data/ checked on its own, with no docs/ beside it, has no pages to compare with.
            if pages.is_dir() and not (pages / str(described.folder) / f"{rid}.md").is_file():
                yield problem(described, rid, ("id",), _(
                    "there is no page docs/{folder}/{id}.md — the id must be the name of the "
                    "{kind} page it describes").format(folder=described.folder, id=rid,
                                                       kind=described.said))


def event_problems(event: Event) -> Iterator[tuple[str, str]]:
    """(field, problem) for times that cannot be placed in a calendar, and reserved ids."""
    if event.id == CALENDAR_NAME:
        yield "id", _("'{id}' is the name of the calendar of all events ({path}) — choose "
                      "another id").format(id=CALENDAR_NAME,
                                           path=f"{kind('event').folder}/{CALENDAR_NAME}.ics")
    if event.days > MAX_DAYS:
        yield "days", _("{days} days is more than a year — check days (at most {most})").format(
            days=event.days, most=MAX_DAYS)
    elif event.date and event.date > dt.date.max - dt.timedelta(days=event.days):
        yield "date", _("an event on {date} lasting {days} day(s) would end after the last day "
                        "a calendar can hold — check the year").format(date=event.date,
                                                                       days=event.days)
    if event.time and not event.date:
        yield "time", _("a time needs a date — add date: YYYY-MM-DD or remove the time")
    if event.end_time and not event.time:
        yield "end_time", _("an end time needs a start time — add time: 'HH:MM'")
    elif event.end_time and event.time and event.days == 1 and event.end_time <= event.time:
        yield "end_time", _("the event ends ({end}) before it starts ({start}) — for an event "
                            "over midnight set days: 2").format(end=f"{event.end_time:%H:%M}",
                                                                 start=f"{event.time:%H:%M}")


def _names(folder: Path) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _page_taken(pages: Path, folder: str, rid: str, present: set[str]) -> str | None:
    """The hand-written page a record page at <folder>/<rid>/ would collide with, if any;
    ``present``: the names in that folder."""
    if rid == "index":
        return _("the section's own page (docs/{folder}/index.md)").format(folder=folder)
    for name in (f"{rid}.md", rid):
        if name in present and (pages / folder / name).exists():
            return f"docs/{folder}/{name}"
    return None


def amount_problem(amount: Amount) -> str | None:
    if amount.payment == "monthly":
        if amount.from_month is None or amount.to_month is None:
            return _("a monthly amount needs from_month and to_month")
        if amount.to_month < amount.from_month:
            return _("to_month must not be before from_month")
    elif (amount.from_month, amount.to_month) != (None, None):
        return _("a one-off amount has no from_month/to_month — remove them or set payment: "
                 "monthly")
    return None
