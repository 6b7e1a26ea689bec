"""Hostile text in every text field of every record never runs, in any output.

The data is the shipped data with every free text replaced by markup that runs if it is ever
written unescaped (tests/hostile.py, derived from the models). The site is built by the
command `make site` runs, then read with a parser — every page, the search indexes, the
feeds, the calendars, the open data — and opened in Chromium, payload typed into search.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostile import MARK, payload, write_hostile_data
from icalendar import Calendar

from pomost.records.catalog import load_catalog

from browser_support import serve
from conftest import PREFIX, copy_project


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    """(project, site): a project with hostile data, built by `python -m pomost build`."""
    project = tmp_path_factory.mktemp("hostile")
    copy_project(project)
    write_hostile_data(project / "data", project / "data")
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "pomost", "build", "--site-dir", "site"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, project / "site"


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
def test_search_index_entries_are_text_for_materials_html_results(hostile, lang):
    _, site = hostile
    docs = json.loads((site / PREFIX[lang] / "search/search_index.json").read_text("utf-8"))["docs"]
    entry = next(d for d in docs if d["location"] == "organizacje/cis-mieniany/")
    assert "<" not in entry["title"] and "<" not in entry["text"]
    assert unescape(entry["title"]) == payload(lang)


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


@pytest.mark.browser
@pytest.mark.parametrize("lang", PREFIX)
def test_nothing_runs_in_the_browser_on_any_page_or_in_search(hostile, browser, lang):
    _, site = hostile
    server, origin = serve(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  service_workers="block")
    context.set_default_timeout(30_000)
    dialogs: list[str] = []
    try:
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        pages = [p.parent.relative_to(site).as_posix() for p in (site / PREFIX[lang]).rglob(
            "index.html") if lang == "be" or not p.relative_to(site).as_posix().startswith("be/")]
        assert len(pages) > 20
        for url in sorted(pages):
            address = f"{origin}/{'' if url == '.' else url + '/'}"
            response = tab.goto(address, wait_until="load")
            assert response is not None and response.ok, address
            assert tab.evaluate("() => window.__pwned") is None, address
        tab.goto(f"{origin}/{PREFIX[lang]}organizacje/cis-mieniany/", wait_until="load")
        box = tab.locator(".md-search__input")
        box.click()
        box.press_sequentially(f"{lang} script", delay=30)
        box.press("End")
        tab.wait_for_selector(".md-search-result__item")
        shown = tab.locator(".md-search-result__item").first.inner_text()
        assert "window.__pwned" in shown  # the payload is there, as text
        assert tab.evaluate("() => window.__pwned") is None
        assert tab.locator(".md-search-result img[src='x']").count() == 0
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()
