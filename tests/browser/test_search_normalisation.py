"""Index and query read words the same way: the build's normaliser (Python) and the
browser's (pomost-search.js, with the rules the manifest carries) give the same terms for
every word of the shipped data and of the query set."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from pomost.publish.searchtext import RULES, fold, terms
from pomost.records.models import Text

from search_queries import QUERIES
from support import ROOT


def test_inflected_forms_meet_in_one_term():
    pairs = [("spółdzielnia socjalna", "spółdzielni socjalnej"), ("dotacje", "dotacja"),
             ("szkolenie", "szkolenia"), ("zatrudnienie", "zatrudnienia"),
             ("Mieniany", "w Mienianach"), ("занятасць", "занятасці"), ("Мяняны", "у Мянянах"),
             ("сацыяльны кааператыў", "сацыяльнага кааператыва"), ("Стэфанюк", "Стэфанюкам")]
    for query, text in pairs:
        assert terms(query) == terms(text), (query, text)


def test_words_without_polish_letters_find_them():
    for query, text in [("kuznia talentow", "Kuźnia Talentów"), ("Zamosc", "Zamość"),
                        ("spoldzielnia", "spółdzielnia"), ("urzad marszalkowski",
                                                           "Urząd Marszałkowski")]:
        assert terms(query) == terms(text)


def test_a_russian_keyboard_finds_belarusian_words():
    assert terms("занятасци") == terms("занятасці")
    assert fold("аб'ява") == fold("аб’ява") == "абява"


def test_quotation_marks_and_dashes_never_stick_to_words():
    assert terms("„Kuźnia Talentów”") == terms("«Kuźnia Talentów»") == terms("Kuźnia Talentów")
    assert terms("Chełm – Zamość") == terms("Chełm—Zamość") == terms("Chełm Zamość")
    assert terms("„Dom") == terms("Dom")


def _texts(catalog) -> list[str]:
    found: list[str] = []

    def walk(value) -> None:
        if isinstance(value, Text):
            found.extend([value.pl, value.be])
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    for records in catalog.records.values():
        walk(list(records.values()))
    return found


@pytest.mark.browser
def test_the_browser_makes_the_same_terms_of_the_same_words(catalog, site, origin, js_on):
    texts = _texts(catalog) + [q for _, q, _ in QUERIES]
    texts += [p.read_text("utf-8") for p in (ROOT / "docs").rglob("*.md")]
    words = sorted({w for t in texts for w in t.split()})
    tab = js_on.new_page()
    try:
        tab.goto(f"{origin}/")
        tab.wait_for_function("() => window.pomostSearch")
        rules = json.loads((site / "search" / "manifest.json").read_text("utf-8"))["rules"]
        assert rules == json.loads(json.dumps(RULES))  # the rules the browser gets
        browser = tab.evaluate("""([rules, texts]) => {
            const n = pomostSearch.normaliser(rules);
            return texts.map(t => n.terms(t));
        }""", [rules, words + texts])
    finally:
        tab.close()
    python = [terms(t) for t in words + texts]
    differ = [(t, p, b) for t, p, b in zip(words + texts, python, browser, strict=True) if p != b]
    assert differ == [], differ[:10]
    assert len(words) > 1000  # a real sample, not a handful
