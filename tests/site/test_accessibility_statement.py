"""The deklaracja dostępności: v2.0 ids, facts from data/, linked and announced on every page."""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys

import pytest

from pomost.render.strings import load_all
from pomost.theme.generated import STATEMENT_PATH

from support import PREFIX as LANGS
from support import ROOT, SITE_URL, visible_text

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
    notice = (f"data/accessibility.yml: still to fill in before publishing: {', '.join(missing)} "
              "(see README, 'Accessibility and browser tests')")
    reminders = [line for line in result.stdout.splitlines()
                 if line.startswith("data/accessibility.yml") and "still to fill in" in line]
    assert reminders == ([notice] if missing else [])


def test_every_page_links_and_announces_the_statement_of_its_language(all_pages):
    assert len(all_pages) > 20
    for url, soup in all_pages.items():
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


