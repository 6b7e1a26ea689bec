"""Events in the built site: the index, event pages, iCalendar files and the Atom feeds.

Files of the shipped site are read from the session build; what the shipped data cannot
show (a time of day, a multi-day dated event, a future event) is rendered without a build
in tests/render/test_event_render.py; the timeline and the validation of event times are
in tests/unit/test_event_rules.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from pomost.build.project import language
from pomost.domain import timeline
from pomost.publish.feed import XML_LANG
from pomost.records.kinds import kind
from pomost.records.rules import CALENDAR_NAME
from pomost.render.links import FEED_NAME
from pomost.render.strings import load_all

from event_support import BUILT, EVENTS, A, check_vevent, dated, event_url, parse_ics
from support import PREFIX as LANGS
from support import SECTIONS, SITE_URL, visible_text


def text(value, lang):
    return getattr(value, lang)

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
        without_stamp = lambda data: re.sub(rb"DTSTAMP:\w+", b"", data)
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


# -- the events index ---------------------------------------------------------------------

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


def test_every_page_advertises_the_feeds_in_its_head(all_pages):
    pages = 0
    for url, soup in all_pages.items():
        if url.endswith("404.html"):
            continue
        lang = soup.html["lang"]
        links = {link["hreflang"]: link["href"] for link in
                 soup.head.select('link[rel="alternate"][type="application/atom+xml"]')}
        assert links == {code: f"{SITE_URL}{prefix}{FEED_NAME}" for code, prefix in LANGS.items()}
        first = soup.head.select_one('link[type="application/atom+xml"]')
        assert first["hreflang"] == lang, url
        pages += 1
    assert pages > 10


@pytest.mark.parametrize("lang", LANGS)
def test_news_records_match_their_pages(catalog, page, lang):
    for news in catalog.news.values():
        h1 = copy.copy(page(f"{LANGS[lang]}{kind('news').folder}/{news.id}/").h1)
        for anchor in h1.select("a.headerlink"):  # on a copy: the parsed page is shared
            anchor.decompose()
        assert visible_text(h1) == text(news.title, lang)
