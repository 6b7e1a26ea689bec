"""The deklaracja dostępności: v2.0 ids, facts from data/, linked and announced on every page."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import PREFIX as LANGS, ROOT, SITE_URL, visible_text
from pomost.build.project import language
from pomost.render.pages import STATEMENT
from pomost.theme.generated import STATEMENT_PATH
from pomost.render.strings import load_all


#: v2.0 ids that must be on every statement (a11y-data-przeglad only after a first review)
IDS = ("a11y-wstep", "a11y-podmiot", "a11y-zakres", "a11y-url", "a11y-data-publikacja",
       "a11y-data-aktualizacja", "a11y-status", "a11y-data-sporzadzenie", "a11y-kontakt",
       "a11y-email", "a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-komunikacja")


@pytest.mark.parametrize("lang", LANGS)
def test_statement_has_every_v2_id_once_with_facts_from_data(lang, catalog, page):
    soup = page(LANGS[lang] + STATEMENT_PATH)
    assert soup.html["lang"] == lang
    for element_id in IDS:
        assert len(soup.select(f"[id='{element_id}']")) == 1, element_id
    statement = catalog.accessibility
    entity = catalog.organisations[statement.entity]
    assert visible_text(soup.h1) == load_all()[lang]["a11y_title"]
    assert visible_text(soup.find(id="a11y-podmiot")) == getattr(entity.name, lang)
    assert visible_text(soup.find(id="a11y-zakres")) == getattr(statement.scope, lang)
    assert soup.find(id="a11y-url")["href"] == SITE_URL + LANGS[lang]
    assert soup.find(id="a11y-email")["href"] == (statement.email or entity.email)
    assert visible_text(soup.find(id="a11y-telefon")) == (statement.phone or entity.phone)
    procedure = visible_text(soup.find(id="a11y-procedura").find_next("p").find_next("p"))
    assert str(statement.procedure.reply_days) in procedure
    assert getattr(entity.address, lang) in visible_text(soup.find(id="a11y-architektura"))
    assert soup.find("a", href=statement.procedure.ombudsman_url)


def test_dates_and_status_given_in_data_are_shown_as_time_elements(catalog):
    """Rendered without a build, from the catalog with the publisher's fields filled in."""
    filled = catalog.accessibility.model_copy(update={
        "published": dt.date(2024, 9, 2), "updated": dt.date(2025, 1, 15),
        "prepared": dt.date(2024, 9, 3), "reviewed": dt.date(2025, 3, 31),
        "status": "partially_compliant", "assessment": "self_assessment"})
    for lang in LANGS:
        strings = load_all()[lang]
        html = language(catalog.replace(accessibility=filled), lang).renderer.page(
            STATEMENT, "", LANGS[lang] + STATEMENT_PATH, site_url=SITE_URL)
        soup = BeautifulSoup(html, "html.parser")
        for element_id, field in [("a11y-data-publikacja", "published"),
                                  ("a11y-data-aktualizacja", "updated"),
                                  ("a11y-data-sporzadzenie", "prepared"),
                                  ("a11y-data-przeglad", "reviewed")]:
            time = soup.find(id=element_id)
            assert time.name == "time", element_id
            assert time["datetime"] == getattr(filled, field).isoformat()
        status = visible_text(soup.find(id="a11y-status"))
        assert status.startswith(strings["a11y_status_partially_compliant"].split("{")[0].strip())
        assert strings["a11y_self_assessment"] in visible_text(soup)
        assert strings["a11y_not_given"] not in visible_text(soup.find(id="a11y-wstep").parent)


def test_missing_publisher_facts_are_said_not_guessed(catalog, page):
    missing = catalog.accessibility.missing()
    soup = page(STATEMENT_PATH)
    for field, element_id in [("published", "a11y-data-publikacja"),
                              ("prepared", "a11y-data-sporzadzenie")]:
        shown = soup.find(id=element_id)
        if field in missing:
            assert shown.name != "time" and "pomost-not-given" in shown["class"]
        else:
            assert shown.name == "time"
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=ROOT,
                            capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": "hooks"})
    assert result.returncode == 0
    if missing:
        assert f"still to fill in before publishing: {', '.join(missing)}" in result.stdout


def test_every_page_links_and_announces_the_statement_of_its_language(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        url = html.relative_to(site).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        lang = soup.html["lang"]
        target = LANGS[lang] + STATEMENT_PATH
        meta = soup.find("meta", attrs={"name": "deklaracja-dostępności"})
        assert meta and meta["content"] == SITE_URL + target, url
        link = soup.select_one("footer a.pomost-statement-link")
        assert link and visible_text(link) == load_all()[lang]["a11y_title"], url
        if url.endswith("404.html"):
            assert link["href"] == "/" + target  # served at any depth
        else:
            base = posixpath.dirname(url)
            assert posixpath.normpath(posixpath.join(base, link["href"])) + "/" == target, url


def test_statement_entity_must_exist(tmp_path):
    from pomost.records.catalog import DataError, load_catalog
    import shutil
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "accessibility.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "entity: rops-lublin", "entity: rops-lubln"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_catalog(tmp_path / "data")
    assert str(err.value).startswith("data/accessibility.yml:")
    assert "entity refers to 'rops-lubln', which does not exist" in str(err.value)


def test_checkbox_autocomplete_is_dropped_and_nothing_else():
    from pomost.theme.material import drop_checkbox_autocomplete
    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" name="query" autocomplete="off">')
    assert drop_checkbox_autocomplete(html) == (
        '<input class="md-toggle" type="checkbox" id="__drawer">'
        '<input type="text" name="query" autocomplete="off">')
