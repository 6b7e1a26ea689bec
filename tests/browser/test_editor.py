"""`pomost edit` in Chromium, as staff use it: records created, changed and refused through
the form editor, and the preview beside it showing the result.

One editor process (a migrated copy of the project) for the module; each test has a browser
context of its own that records every request, and none may leave 127.0.0.1.
"""

from __future__ import annotations

import urllib.parse

import pytest
import yaml
from editor_support import STEP, Decap, editor_project, running_editor

from pomost.records.catalog import load_catalog
from pomost.render import formatting

from browser_support import AXE, WCAG_TAGS, WIDE, screenshot, tool
from support import get, until

#: the tools speak Polish here (conftest.py): the editor and its messages are Polish
MESSAGES = "pl"


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    project = editor_project(tmp_path_factory.mktemp("editor"))
    with running_editor(project, project.parent / "edit.log") as origin:
        yield project, origin


@pytest.fixture
def staff(browser, editor, request):
    """A tab on the editor's page, logged in; every request it makes is recorded."""
    _project, origin = editor
    context = browser.new_context(viewport=WIDE, service_workers="block")
    context.set_default_timeout(STEP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    # what the editor was refused, for the log of a failed test
    context.on("response", lambda response: print("editor answer", response.status,
                                                  response.url, response.text()[:500])
               if "/_pomost/api/" in response.url and response.status != 200 else None)
    context.on("console", lambda message: print("console:", message.text[:300])
               if message.type == "error" else None)
    context.on("dialog", lambda dialog: dialog.accept())  # "do you really want to delete?"
    tab = context.new_page()
    tab.on("dialog", lambda dialog: dialog.accept())
    tab.goto(origin + "/_pomost/", wait_until="load")
    decap = Decap(tab)
    decap.log_in()
    yield decap
    screenshot(tab, f"editor-{request.node.name}")  # what the tab showed at the end
    context.close()
    elsewhere = sorted({url for url in requests
                        if urllib.parse.urlsplit(url).hostname != "127.0.0.1"})
    assert requests and elsewhere == []


def preview_text(decap: Decap, path: str, wanted: str) -> str:
    """The preview frame at ``path``, reloaded until its main text shows ``wanted``."""
    frame = decap.tab.frame_locator("#pomost-preview")

    def shown() -> str | None:
        decap.tab.locator("#pomost-preview").evaluate("(f, p) => { f.src = p; }", path)
        try:
            text = str(frame.locator("article, main, body").first.inner_text(timeout=10_000))
        except Exception:
            return None
        return text if wanted in text else None

    return until(shown, STEP / 1000 * 2, f"{path} shows {wanted!r}")


def test_a_new_good_practice_with_both_languages_and_an_instrument(editor, staff):
    project, origin = editor
    catalog = load_catalog(project / "data")
    instrument_id, instrument = next(iter(catalog.instruments.items()))
    staff.new_organisation(
        "spoldzielnia-jutrzenka", "Dobra praktyka pokazywana gościom (good_practice)",
        ("Spółdzielnia Socjalna Jutrzenka", "Сацыяльны кааператыў «Ютжэнка»"),
        ("Spółdzielnia socjalna z Lublina.", "Сацыяльны кааператыў з Любліна."),
        ("Prowadzi kawiarnię.", "Вядзе кавярню."))
    staff.pick("instruments", instrument.name.pl[:8], instrument.name.pl)
    staff.publish_file(project / "data" / "organisations" / "spoldzielnia-jutrzenka.yml")
    record = load_catalog(project / "data").organisations["spoldzielnia-jutrzenka"]
    assert record.role == "good_practice" and record.instruments == [instrument_id]
    assert record.name.be == "Сацыяльны кааператыў «Ютжэнка»"
    polish = preview_text(staff, "/organizacje/spoldzielnia-jutrzenka/",
                          "Spółdzielnia Socjalna Jutrzenka")
    assert instrument.name.pl in polish
    belarusian = preview_text(staff, "/be/organizacje/spoldzielnia-jutrzenka/",
                              "Сацыяльны кааператыў «Ютжэнка»")
    assert instrument.name.be in belarusian


def test_the_two_languages_of_a_text_stand_side_by_side(editor, staff):
    staff.open("/collections/organisations/new")
    group = staff.group("name")
    polish = group.locator('[id^="pl-field-"]').bounding_box()
    belarusian = group.locator('[id^="be-field-"]').bounding_box()
    assert polish and belarusian
    assert belarusian["x"] >= polish["x"] + polish["width"]
    assert abs(belarusian["y"] - polish["y"]) < polish["height"] / 2
    # and each says its language (screen readers, the spelling check)
    for language in ("pl", "be"):
        inputs = staff.frame.locator(f'[id^="{language}-field-"]')
        assert inputs.count() > 1
        assert set(inputs.evaluate_all("all => all.map(i => i.lang)")) == {language}


def test_a_changed_amount_changes_the_grant_table(editor, staff):
    project, origin = editor
    catalog = load_catalog(project / "data")
    rid, instrument = next((rid, i) for rid, i in catalog.instruments.items() if i.amounts)
    old = instrument.amounts[0].max_pln
    new = old + 1357
    table = get(origin + "/instrumenty/") or ""
    assert formatting.number(new, "pl") not in table
    staff.open(f"/collections/instruments/entries/{rid}")
    amount = staff.group("amounts").locator('input[type="number"]').first
    assert amount.input_value() == str(old)
    amount.fill(str(new))
    staff.publish()
    until(lambda: load_catalog(project / "data").instruments[rid].amounts[0].max_pln == new,
          what="the new amount is saved")
    preview_text(staff, "/instrumenty/", formatting.number(new, "pl"))
    saved = yaml.safe_load((project / "data" / "instruments" / f"{rid}.yml").read_text("utf-8"))
    assert saved["amounts"][0]["max_pln"] == new


def test_an_organisation_an_event_names_cannot_be_removed(editor, staff):
    project, origin = editor
    catalog = load_catalog(project / "data")
    org = next(org for event in catalog.events.values() for org in event.organisations)
    events = [rid for rid, e in catalog.events.items() if org in e.organisations]
    staff.open(f"/collections/organisations/entries/{org}")
    staff.frame.get_by_role("button", name="Usuń pozycję").click()
    notice = staff.notice()
    assert f"nie można usunąć: organizacja '{org}'" in notice
    assert all(f"wydarzenie '{event}' (organisations)" in notice for event in events)
    assert (project / "data" / "organisations" / f"{org}.yml").is_file()
    assert "pomost-problems" not in (get(origin + "/") or "pomost-problems")


def test_the_editors_page_passes_axe(browser, editor):
    _project, origin = editor
    context = browser.new_context(viewport=WIDE, service_workers="block")
    context.add_init_script(path=str(tool(AXE)))
    try:
        tab = context.new_page()
        tab.goto(origin + "/_pomost/", wait_until="load")
        result = tab.evaluate(
            "tags => axe.run({exclude: [['iframe']]}, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations'], iframes: false})", WCAG_TAGS)
        assert [v["id"] for v in result["violations"]] == []
        assert tab.locator("iframe[title]").count() == 2
    finally:
        context.close()


def test_the_editors_own_screens_pass_axe_with_our_colours(browser, editor):
    """Decap's screens are not ours, but a list, a new record and a record with a list of
    groups pass axe's WCAG 2.1 AA rules with the contrast fixes of admin.html."""
    project, origin = editor
    rid = next(rid for rid, i in load_catalog(project / "data").instruments.items() if i.amounts)
    context = browser.new_context(viewport=WIDE, service_workers="block")
    context.set_default_timeout(STEP)
    context.add_init_script(path=str(tool(AXE)))
    try:
        tab = context.new_page()
        tab.goto(origin + "/_pomost/admin/", wait_until="load")
        tab.get_by_role("button", name="Zaloguj się").click()
        # each screen once it is complete: the list with its entries (while they load, Decap
        # shows a pale placeholder that axe rightly flags), the forms with their fields
        for fragment, shown in (
                ("/collections/organisations",
                 tab.locator("a[href*='/collections/organisations/entries/']")),
                ("/collections/organisations/new", tab.get_by_text("Identyfikator")),
                (f"/collections/instruments/entries/{rid}", tab.get_by_text("Kwoty"))):
            tab.evaluate("fragment => { location.hash = fragment; }", fragment)
            shown.first.wait_for()
            result = tab.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                " resultTypes: ['violations']})", WCAG_TAGS)
            assert [(v["id"], [n["target"] for n in v["nodes"]])
                    for v in result["violations"]] == [], fragment
    finally:
        context.close()


def test_what_only_the_whole_catalogue_can_tell_shows_in_the_preview(editor, staff):
    """An id that is the address of a hand-written page: the record alone is fine, so it is
    saved; the preview beside the form lists the problem with the record's file and line,
    and shows the site again once the record is removed in the editor."""
    project, origin = editor
    staff.new_organisation("index", "Partner (partner)", ("Strona główna?", "Галоўная?"),
                           ("Zła nazwa.", "Дрэнная назва."), ("Nic.", "Нічога."))
    written = staff.publish_file(project / "data" / "organisations" / "index.yml")
    frame = staff.tab.frame_locator("#pomost-preview")
    frame.locator("#pomost-problems").wait_for(timeout=STEP * 2)
    problems = frame.locator("li code").all_inner_texts()
    line = next(n for n, text in enumerate(written.read_text("utf-8").splitlines(), 1)
                if text.startswith("id: "))
    assert any(p.startswith(f"data/organisations/index.yml:{line}:5: organizacja 'index': ")
               for p in problems), problems
    staff.open("/collections/organisations/entries/index")
    staff.frame.get_by_role("button", name="Usuń pozycję").click()
    until(lambda: not written.exists(), STEP / 1000, what="the record is removed")
    frame.locator("#pomost-problems").wait_for(state="detached", timeout=STEP * 2)
