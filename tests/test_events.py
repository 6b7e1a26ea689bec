"""Events: the index by build date, event pages, iCalendar files and the Atom feeds.

Files of the shipped site are read from the session build; what the shipped data cannot
show (a time of day, a multi-day dated event, a future event) is rendered from a changed
copy of the catalog in plain Python, without a second build.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from conftest import PREFIX as LANGS, ROOT, SITE_URL, visible_text
from pomost.render import formatting
from pomost.domain import timeline
from pomost.kinds import kind
from pomost.records.catalog import DataError, load_catalog
from pomost.records.rules import CALENDAR_NAME
from pomost.publish.feed import ATOM, XML_LANG
from conftest import SECTIONS
from pomost.render.links import FEED_NAME
from pomost.build.project import language
from pomost.render.strings import load_all

EVENTS = SECTIONS["event"]
BUILT = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
A = f"{{{ATOM}}}"


def dated(catalog):
    return [e for e in catalog.events.values() if e.date]


def event_url(lang, rid):
    return f"{SITE_URL}{LANGS[lang]}{EVENTS}/{rid}/"


def text(value, lang):
    return getattr(value, lang)


def parse_ics(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def check_vevent(vevent, event, lang):
    """One VEVENT against its record: what a calendar app will show."""
    assert str(vevent["UID"]) == f"{event.id}@{urlsplit(SITE_URL).hostname}"
    assert str(vevent["SUMMARY"]) == text(event.title, lang)
    assert vevent["SUMMARY"].params["LANGUAGE"] == lang
    assert str(vevent["DESCRIPTION"]).startswith(text(event.description, lang))
    assert str(vevent["URL"]) == event_url(lang, event.id)
    if event.place:
        assert str(vevent["LOCATION"]) == text(event.place, lang)
    start = vevent.decoded("DTSTART")
    if event.time:
        assert vevent["DTSTART"].params["TZID"] == "Europe/Warsaw"
        assert start == dt.datetime.combine(event.date, event.time, timeline.WARSAW)
    else:  # all-day: DATE values, DTEND the day after the last day
        assert type(start) is dt.date and start == event.date
        assert vevent.decoded("DTEND") == event.date + dt.timedelta(days=event.days)


# -- iCalendar files of the shipped site ---------------------------------------------------

def test_there_is_one_ics_per_dated_event_and_one_calendar_per_language(site, catalog):
    found = {p.relative_to(site).as_posix() for p in site.rglob("*.ics")}
    expected = {f"{prefix}{EVENTS}/{e.id}.ics" for prefix in LANGS.values() for e in dated(catalog)}
    expected |= {f"{prefix}{EVENTS}/{CALENDAR_NAME}.ics" for prefix in LANGS.values()}
    assert dated(catalog) and found == expected
    for path in found:
        assert parse_ics((site / path).read_bytes()).walk("VEVENT")


@pytest.mark.parametrize("lang", LANGS)
def test_each_event_calendar_round_trips_its_record(site, catalog, lang):
    for event in dated(catalog):
        cal = parse_ics((site / f"{LANGS[lang]}{EVENTS}/{event.id}.ics").read_bytes())
        assert cal["VERSION"] == "2.0" and cal["PRODID"]
        [vevent] = cal.walk("VEVENT")
        check_vevent(vevent, event, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_of_all_events_holds_every_dated_event_in_its_language(site, catalog, lang):
    cal = parse_ics((site / f"{LANGS[lang]}{EVENTS}/{CALENDAR_NAME}.ics").read_bytes())
    vevents = {str(v["UID"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    assert set(vevents) == {e.id for e in dated(catalog)}
    for event in dated(catalog):
        check_vevent(vevents[event.id], event, lang)
    assert text(catalog.settings.name, lang) in str(cal["X-WR-CALNAME"])


def test_uids_are_stable_across_builds_and_the_output_is_reproducible(site, catalog):
    def uids(files):
        return {path: [str(v["UID"]) for v in parse_ics(data).walk("VEVENT")]
                for path, data in files.items()}

    for lang in LANGS:
        first = language(catalog, lang).downloads.calendars(SITE_URL, BUILT)
        later = language(catalog, lang).downloads.calendars(SITE_URL, BUILT + dt.timedelta(days=30))
        shipped = {path: (site / path).read_bytes() for path in first}
        assert uids(first) == uids(later) == uids(shipped)
        assert first == language(catalog, lang).downloads.calendars(SITE_URL, BUILT)
        without_stamp = lambda data: re.sub(rb"DTSTAMP:\w+", b"", data)  # noqa: E731
        assert {p: without_stamp(d) for p, d in first.items()} == {
            p: without_stamp(d) for p, d in later.items()}


# -- event pages --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_event_pages_link_their_ics_or_say_why_there_is_none(site, catalog, page, lang):
    strings = load_all()[lang]
    for event in catalog.events.values():
        url = f"{LANGS[lang]}{EVENTS}/{event.id}/"
        article = page(url).select_one("article")
        ics = [a["href"] for a in article.select('a[href$=".ics"]')]
        if event.date:
            assert ics == [f"../{event.id}.ics"], url
            assert (site / f"{LANGS[lang]}{EVENTS}/{event.id}.ics").is_file()
            assert article.find("a", string=strings["calendar_add"])
        else:
            assert ics == [], url
            assert strings["calendar_none"] in visible_text(article), url


@pytest.mark.parametrize("lang", LANGS)
def test_participants_show_their_role_and_link_their_organisation(catalog, page, lang):
    checked = 0
    for event in catalog.events.values():
        article = page(f"{LANGS[lang]}{EVENTS}/{event.id}/").select_one("article")
        for pid in event.people:
            person = catalog.people[pid]
            item = next(li for li in article.select("li")
                        if visible_text(li).startswith(text(person.name, lang)))
            assert text(person.role, lang) in visible_text(item)
            if person.organisation:
                link = item.find("a")
                assert link["href"] == f"../../{SECTIONS['organisation']}/{person.organisation}/"
                checked += 1
    assert checked


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


# -- the events index ---------------------------------------------------------------------

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


def test_the_shipped_events_move_from_upcoming_to_past_with_the_build_date(catalog):
    line = timeline.Timeline(catalog.events)
    placed = [e for e in catalog.events.values() if line.latest(e)]
    first = min(d for e in placed for d in line.known_dates(e))
    last = max(line.latest(e) for e in placed)
    before, on_last, after = (line.split(first - dt.timedelta(days=1)), line.split(last),
                              line.split(last + dt.timedelta(days=1)))
    ids = lambda events: sorted(e.id for e in events)  # noqa: E731
    assert ids(before.upcoming) == ids(placed) and before.past == []
    assert after.upcoming == [] and ids(after.past) == ids(placed)
    # A visit lasts its days: on its possible last day it is still upcoming.
    assert on_last.upcoming and on_last.past
    # Events dated only through their visit come after the dated ones and get no date.
    undated = [e for e in after.past if not line.known_dates(e)]
    assert undated and after.past[-len(undated):] == undated


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_labels_undated_events_and_dates_the_others(catalog, page, lang):
    strings = load_all()[lang]
    article = page(f"{LANGS[lang]}{EVENTS}/").select_one("article")
    line = timeline.Timeline(catalog.events)
    for event in catalog.events.values():
        link = article.find("a", href=f"{event.id}/")
        item = link.find_parent("li")
        times = [t["datetime"] for t in item.select("time")]
        if event.date:
            assert times == [event.date.isoformat()]
        elif line.known_dates(event):  # "2 dni, w tym <its meetings' dates>"
            from pomost.render.formatting import counted
            days = counted(event.days, strings.forms("days"), lang)
            assert visible_text(item).startswith(strings["undated_within"].format(
                days=days, dates="").strip())
            assert times == [d.isoformat() for d in line.known_dates(event)]
        else:
            assert visible_text(item).startswith(strings["undated"])
            assert times == []
        if event.place:
            assert text(event.place, lang) in visible_text(item)
        for oid in event.organisations:
            assert item.find("a", string=text(catalog.organisations[oid].name, lang))


def test_the_build_date_comes_from_source_date_epoch_in_warsaw_time():
    late_evening_utc = dt.datetime(2019, 9, 23, 22, 30, tzinfo=dt.timezone.utc)
    epoch = {"SOURCE_DATE_EPOCH": str(int(late_evening_utc.timestamp()))}
    assert timeline.build_instant(epoch) == late_evening_utc
    assert timeline.build_date(epoch) == dt.date(2019, 9, 24)  # already the 24th in Poland


# -- feeds --------------------------------------------------------------------------------

def read_feed(site, lang):
    return ET.fromstring((site / f"{LANGS[lang]}{FEED_NAME}").read_bytes())


@pytest.mark.parametrize("lang", LANGS)
def test_the_feed_holds_news_and_events_in_its_language_with_absolute_links(site, catalog, lang):
    feed = read_feed(site, lang)
    assert feed.tag == f"{A}feed" and feed.get(XML_LANG) == lang
    self_link = feed.find(f"{A}link[@rel='self']").get("href")
    assert self_link == f"{SITE_URL}{LANGS[lang]}{FEED_NAME}" == feed.findtext(f"{A}id")
    expected = {f"{SITE_URL}{LANGS[lang]}{kind('news').folder}/{n.id}/": n for n in catalog.news.values()}
    expected |= {event_url(lang, e.id): e for e in catalog.events.values()}
    entries = feed.findall(f"{A}entry")
    assert catalog.news and len(entries) == len(expected)
    for entry in entries:
        record = expected[entry.findtext(f"{A}id")]
        assert entry.find(f"{A}link").get("href") == entry.findtext(f"{A}id")
        assert entry.find(f"{A}link").get("hreflang") == lang
        assert entry.findtext(f"{A}title") == text(record.title, lang)
        assert text(record.summary, lang) in entry.findtext(f"{A}summary")
        dt.datetime.fromisoformat(entry.findtext(f"{A}updated"))
        published = entry.findtext(f"{A}published")
        if record in catalog.news.values() and record.date:
            assert published.startswith(record.date.isoformat())
        else:  # an event's date is when it happens, not when it was published
            assert published is None
    for element in feed.iter():
        if element.get("href"):
            assert element.get("href").startswith(SITE_URL + LANGS[lang])


def test_undated_entries_are_updated_at_the_build_instant_and_never_published(catalog):
    for lang in LANGS:
        feed = ET.fromstring(language(catalog, lang).downloads.feed(SITE_URL, BUILT))
        assert feed.findtext(f"{A}updated") == BUILT.isoformat()
        for entry in feed.findall(f"{A}entry"):
            assert entry.findtext(f"{A}updated") == BUILT.isoformat()
            assert entry.find(f"{A}published") is None  # no publication date is known today


def test_every_page_advertises_the_feeds_in_its_head(site):
    pages = 0
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        lang = soup.html["lang"]
        links = {link["hreflang"]: link["href"] for link in
                 soup.head.select('link[rel="alternate"][type="application/atom+xml"]')}
        assert links == {code: f"{SITE_URL}{prefix}{FEED_NAME}" for code, prefix in LANGS.items()}
        first = soup.head.select_one('link[type="application/atom+xml"]')
        assert first["hreflang"] == lang, html
        pages += 1
    assert pages > 10


@pytest.mark.parametrize("lang", LANGS)
def test_news_records_match_their_pages(catalog, page, lang):
    for news in catalog.news.values():
        h1 = page(f"{LANGS[lang]}{kind('news').folder}/{news.id}/").h1
        for anchor in h1.select("a.headerlink"):
            anchor.decompose()
        assert visible_text(h1) == text(news.title, lang)


# -- validation of event times ------------------------------------------------------------

EXTRA = """
- id: {id}
  title: {{pl: Test, be: Тэст}}
  summary: {{pl: Test, be: Тэст}}
  description: {{pl: Test, be: Тэст}}
{fields}"""


def load_with_event(tmp_path, fields: str, rid: str = "proba"):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    events = data / "events.yml"
    before = events.read_text(encoding="utf-8")
    events.write_text(before + EXTRA.format(id=rid, fields=fields), encoding="utf-8")
    return load_catalog(data), before.count("\n") + 1


@pytest.mark.parametrize("fields,field,message", [
    ("  time: '10:00'\n", "time", "a time needs a date"),
    ("  date: 2030-05-04\n  end_time: '12:00'\n", "end_time", "an end time needs a start time"),
    ("  date: 2030-05-04\n  time: '12:00'\n  end_time: '10:00'\n", "end_time",
     "the event ends (10:00) before it starts (12:00)"),
    ("  date: 2030-05-04\n  time: '25:00'\n", "time", "must be a time written HH:MM"),
])
def test_impossible_times_are_reported_at_their_line(tmp_path, fields, field, message):
    with pytest.raises(DataError) as caught:
        load_with_event(tmp_path, fields)
    [problem] = caught.value.problems
    assert problem.file == "data/events.yml" and message in problem.message
    assert problem.message.startswith(f"event 'proba': {field}")
    lines = (tmp_path / "data" / "events.yml").read_text("utf-8").splitlines()
    assert lines[problem.line - 1].strip().startswith(f"{field}:")


def test_an_unquoted_time_is_read_as_a_time_of_day(tmp_path):
    catalog, _ = load_with_event(tmp_path, "  date: 2030-05-04\n  time: 9:30\n  end_time: 17:05\n")
    assert (catalog.events["proba"].time, catalog.events["proba"].end_time) == (
        dt.time(9, 30), dt.time(17, 5))


def test_the_calendar_file_name_is_not_an_event_id(tmp_path):
    with pytest.raises(DataError) as caught:
        load_with_event(tmp_path, "  date: 2030-05-04\n", rid=CALENDAR_NAME)
    assert any(f"'{CALENDAR_NAME}' is the name of the calendar" in p.message
               for p in caught.value.problems)
