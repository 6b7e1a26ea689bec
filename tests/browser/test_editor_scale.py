"""The form editor at 1,000 organisations (tools/bench's synthetic data, migrated to one file
per record): the list opens, one organisation is found by a search, and a save takes seconds.

The times are printed (README, 'The form editor') and held to limits that a loaded 2-core
machine meets with room to spare; the limits are what staff would call "seconds".
"""

from __future__ import annotations

import json
import time

import pytest
from editor_support import STEP, Decap, editor_project, running_editor

from pomost.records.catalog import load_catalog
from tools.bench.data import generate

from browser_support import ARTIFACTS, WIDE, screenshot
from support import until

MESSAGES = "pl"
ORGANISATIONS = 1000
#: the most each step may take, in seconds
LIMITS = {"list": 30.0, "search": 20.0, "save": 10.0}


@pytest.fixture(scope="module")
def large_editor(tmp_path_factory):
    from support import ROOT
    source = tmp_path_factory.mktemp("bench-data") / "data"
    generate(ROOT / "data", source, ORGANISATIONS)
    project = editor_project(tmp_path_factory.mktemp("large-editor"), data=source)
    with running_editor(project, project.parent / "edit.log") as origin:
        yield project, origin


def test_a_thousand_organisations_open_search_and_save_in_seconds(browser, large_editor):
    project, origin = large_editor
    catalog = load_catalog(project / "data")
    assert len(catalog.organisations) == ORGANISATIONS
    wanted_id, wanted = sorted(catalog.organisations.items())[ORGANISATIONS // 2]
    context = browser.new_context(viewport=WIDE, service_workers="block")
    context.set_default_timeout(STEP * 2)
    figures: dict[str, float] = {}
    try:
        tab = context.new_page()
        tab.goto(origin + "/_pomost/", wait_until="load")
        decap = Decap(tab)
        decap.log_in()
        decap.frame.get_by_text("Organizacja").first.wait_for()

        started = time.perf_counter()
        decap.open("/collections/organisations")
        first_id, first = sorted(catalog.organisations.items(), key=lambda item: item[0])[0]
        decap.frame.get_by_text(f"({first_id})").first.wait_for()
        figures["list"] = time.perf_counter() - started

        started = time.perf_counter()
        search = decap.frame.locator('input[placeholder^="Wyszukaj"]').first
        search.fill(wanted.name.pl)
        search.press("Enter")
        decap.frame.get_by_text(f"({wanted_id})").first.wait_for()
        figures["search"] = time.perf_counter() - started

        decap.open(f"/collections/organisations/entries/{wanted_id}")
        summary = decap.group("summary").locator('[id^="pl-field-"]')
        summary.wait_for()
        summary.fill(wanted.summary.pl + " Zmienione w edytorze.")
        path = project / "data" / "organisations" / f"{wanted_id}.yml"
        before = path.read_text("utf-8")
        started = time.perf_counter()
        decap.publish()
        until(lambda: path.read_text("utf-8") != before, STEP / 1000, what="the record is saved")
        figures["save"] = time.perf_counter() - started
    finally:
        screenshot(tab, "editor-scale")
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "editor-scale.json").write_text(json.dumps(figures, indent=2), "utf-8")
    print("editor at", ORGANISATIONS, "organisations:", figures)
    assert load_catalog(project / "data").organisations[wanted_id].summary.pl.endswith(
        "Zmienione w edytorze.")
    for step, limit in LIMITS.items():
        assert figures[step] < limit, (step, figures)
