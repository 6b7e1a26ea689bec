"""Hostile text in every text field of every record never runs, in any output.

The data is the shipped data with every free text replaced by markup that runs if it is ever
written unescaped (tests/hostile.py, derived from the models; the `hostile` fixture builds it
with the command `make site` runs). Here it is read with a parser — every page, the search
indexes, the feeds, the calendars, the open data; tests/browser/test_hostile_in_browser.py
opens it in Chromium and types the payload into search.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from pomost.records.catalog import load_catalog

from hostile import MARK, payload
from support import PREFIX


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_payload_reaches_every_text_field(hostile):
    project, _ = hostile
    catalog = load_catalog(project / "data")
    assert payload("pl") in catalog.organisations["cis-mieniany"].name.pl
    assert payload("be") in catalog.events["seminarium-oecd"].title.be


def test_no_page_carries_a_script_handler_or_element_from_data(hostile):
    _, site = hostile
    found = {}
    for path in _html_files(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        bad = [f"<script>{s.string[:20]}" for s in soup.find_all("script") if MARK in (s.string or "")]
        bad += [f"<{el.name} {name}=…>" for el in soup.find_all(True) for name in el.attrs
                if name.startswith("on")]
        bad += ["<img src=x>" for _ in soup.find_all("img", src="x")]
        bad += ["<svg>" for _ in soup.find_all("svg", onload=True)]
        if bad:
            found[path.relative_to(site).as_posix()] = sorted(set(bad))
    assert found == {}


@pytest.mark.parametrize("lang", PREFIX)
def test_head_and_body_show_the_payload_as_text(hostile, lang):
    """Escaped, not stripped: the reader sees exactly the text of the data."""
    _, site = hostile
    soup = BeautifulSoup((site / PREFIX[lang] / "organizacje/cis-mieniany/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    text = payload(lang)
    assert soup.title.string.startswith(text)
    assert soup.find("meta", attrs={"name": "description"})["content"] == text
    assert soup.find("meta", attrs={"property": "og:title"})["content"] == text
    assert soup.h1.get_text() == text


@pytest.mark.parametrize("lang", PREFIX)
def test_search_entries_carry_the_payload_as_plain_text(hostile, lang):
    """Our search box inserts entries as text (textContent): the index holds the text as is."""
    _, site = hostile
    entries = [entry for path in sorted((site / PREFIX[lang] / "search" / "d").glob("*.json"))
               for entry in json.loads(path.read_text("utf-8"))]
    by_address = {entry[0]: entry for entry in entries}
    assert by_address["organizacje/cis-mieniany/"][1] == payload(lang)


@pytest.mark.parametrize("lang", PREFIX)
def test_feed_and_calendars_carry_the_payload_as_text(hostile, lang):
    project, site = hostile
    catalog = load_catalog(project / "data")
    feed = ET.fromstring((site / PREFIX[lang] / "atom.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert titles and all(t == payload(lang) for t in titles)
    calendar = Calendar.from_ical((site / PREFIX[lang] / "wydarzenia/kalendarz.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == sum(1 for e in catalog.events.values() if e.date)
    assert all(str(e["SUMMARY"]) == payload(lang) for e in events)


@pytest.mark.parametrize("lang", PREFIX)
def test_open_data_keeps_one_record_per_row_and_the_payload_as_text(hostile, lang):
    project, site = hostile
    catalog = load_catalog(project / "data")
    raw = (site / PREFIX[lang] / f"dane/organizacje-{lang}.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw), delimiter=";"))
    assert len(rows) == len(catalog.organisations)
    assert all(row["name"] == payload(lang) for row in rows)
    records = json.loads((site / "dane/organizacje.json").read_text("utf-8"))
    assert all(r["name"] == {"pl": payload("pl"), "be": payload("be")} for r in records)

