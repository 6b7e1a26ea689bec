"""Readers first (issue 16, part 1): support centres, the county page, and instrument pages
that answer what you can get, who can get it, how to apply and who provides it near you.

Read from the built site (BeautifulSoup) and, where a reader clicks, in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from pomost.domain.support import amount_history
from pomost.domain.timeline import build_date
from pomost.records.catalog import DataError, load_catalog
from pomost.render.strings import load_all

from support import PREFIX, ROOT, SECTIONS, resolve, visible_text

STRINGS = load_all()
CENTRES = SECTIONS["centre"]
#: the questions an instrument page answers, in this order (ids of its h2 headings)
QUESTIONS = ("co-mozna-otrzymac", "kto-moze-skorzystac", "jak-zlozyc-wniosek", "kto-zapewnia")


def article(soup):
    return soup.select_one("article")


# -- support centres ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_every_centre_has_a_page_with_what_is_known_and_says_what_is_not(catalog, page, lang):
    t = STRINGS[lang]
    assert catalog.centres, "data/ has no support centre"
    for rid, centre in catalog.centres.items():
        url = f"{PREFIX[lang]}{CENTRES}/{rid}/"
        soup = page(url)
        body = article(soup)
        assert visible_text(soup.h1) == getattr(centre.name, lang)
        facts = {visible_text(dt): dt.find_next_sibling("dd") for dt in body.select("dl dt")}
        assert facts[t["field_source"]].a["href"] == centre.source
        for field in ("operator", "address", "phone", "email", "website", "as_of"):
            shown = facts[t[f"field_{field}"]]
            if getattr(centre, field) is None:  # never guessed: said to be not given
                assert visible_text(shown) == t["not_given"], (url, field)
                assert shown.select_one(".pomost-not-given")
            else:
                assert visible_text(shown) != t["not_given"], (url, field)
        counties = visible_text(facts[t["field_counties"]])
        for cid in centre.counties:
            assert getattr(catalog.counties[cid].name, lang) in counties
        for note in centre.counties_notes:  # what the source does not settle, beside them
            assert " ".join(getattr(note.text, lang).split()) in counties
        ask = body.select_one(".pomost-ask")
        assert (ask is not None) == bool(centre.missing()), url
        if ask:  # whom to ask: the publisher, with its contact from data/
            publisher = catalog.organisations[catalog.accessibility.entity]
            assert getattr(publisher.name, lang) in visible_text(ask)
            assert ask.find("a", href=publisher.email)
            assert publisher.phone in visible_text(ask)
        offered = {resolve(url, a["href"]) for a in body.select("#oferuje + ul a[href]")}
        assert offered == {f"{PREFIX[lang]}{SECTIONS['instrument']}/{i}/"
                           for i in centre.instruments}


def test_a_centre_whose_project_ended_is_said_to_have_ended(catalog, page):
    ended = [c for c in catalog.centres.values() if c.active_to]
    assert ended, "data/ has no centre with an end date"
    for centre in ended:
        for lang in PREFIX:
            text = visible_text(article(page(f"{PREFIX[lang]}{CENTRES}/{centre.id}/")))
            assert STRINGS[lang]["active_ended"] in text


def test_make_check_lists_what_staff_still_have_to_fill_per_centre(catalog):
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=ROOT,
                            capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": "hooks"})
    assert result.returncode == 0, result.stderr
    listed = 0
    for rid, centre in catalog.centres.items():
        missing = centre.missing()
        line = next((ln for ln in result.stdout.splitlines() if f"'{rid}'" in ln), None)
        if missing:
            assert line and line.startswith("data/support_centres.yml: ")
            assert f"still to fill in before publishing: {', '.join(missing)}" in line
            listed += 1
        else:
            assert line is None
    assert listed, "the shipped centres have fields nobody can source yet"


# -- the county page ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_the_county_page_lists_every_county_with_the_centres_that_serve_it(catalog, page, lang):
    url = f"{PREFIX[lang]}{CENTRES}/"
    body = article(page(url))
    jump = [a["href"] for a in body.select("nav.pomost-county-links a[href]")]
    assert jump == [f"#powiat-{cid}" for cid in catalog.counties] + ["#inny-powiat"]
    for cid, county in catalog.counties.items():
        item = body.find(id=f"powiat-{cid}")
        assert item is not None and getattr(county.name, lang) in visible_text(item)
        section = item.find_parent("section")
        linked = {resolve(url, a["href"]) for a in section.select(".pomost-centre-name a")}
        serving = {c.id for c in catalog.centres.values() if cid in c.counties}
        assert linked == {f"{PREFIX[lang]}{CENTRES}/{rid}/" for rid in serving}, cid
    other = body.find(id="inny-powiat")
    publisher = catalog.organisations[catalog.accessibility.entity]
    assert other is not None and body.find("a", href=publisher.email)


def test_the_county_page_says_when_a_centre_ended_and_which_contacts_no_source_gives(catalog, page):
    body = article(page(f"{CENTRES}/"))
    for centre in catalog.centres.values():
        item = next(li for li in body.select("li.pomost-centre")
                    if li.select_one(".pomost-centre-name a")["href"].rstrip("/").endswith(centre.id))
        text = visible_text(item)
        absent = [f for f in ("address", "phone", "email", "website") if not getattr(centre, f)]
        if absent:
            assert STRINGS["pl"]["contact_missing"] in text
        if centre.active_to and centre.active_to < build_date():
            assert STRINGS["pl"]["active_ended"] in text


# -- instrument pages answer the reader's questions in order --------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_every_instrument_page_answers_the_four_questions_in_order(catalog, page, lang):
    for rid in catalog.instruments:
        body = article(page(f"{PREFIX[lang]}{SECTIONS['instrument']}/{rid}/"))
        order = [h2["id"] for h2 in body.select("h2[id]") if h2["id"] in QUESTIONS]
        assert order == list(QUESTIONS), rid


@pytest.mark.parametrize("lang", PREFIX)
def test_the_most_recent_sourced_amount_comes_first_with_its_year_and_source(catalog, page, lang):
    t, checked = STRINGS[lang], 0
    for rid, instrument in catalog.instruments.items():
        sets = amount_history(catalog, instrument)
        body = article(page(f"{PREFIX[lang]}{SECTIONS['instrument']}/{rid}/"))
        metas = body.select(".pomost-offer-meta")
        assert len(metas) == len(sets), rid
        if not sets:
            assert t["no_amounts"] in visible_text(body)
            continue
        years = [int(re.search(r"\d{4}", visible_text(m))[0]) for m in metas]
        assert years == sorted(years, reverse=True) and years[0] == max(
            [o.year for o in instrument.offers] + [instrument.as_reported or 0]), rid
        assert metas[0].find_parent(class_="pomost-offer--latest"), "the latest set is first"
        for meta, one in zip(metas, sets, strict=True):
            text = visible_text(meta)
            assert t["field_source"] in text
            if one.source_url:
                assert meta.find("a", href=one.source_url)
            else:
                assert getattr(one.source_title, lang) in text
            if one.provider:
                assert meta.find("a", string=getattr(one.provider.short_name or one.provider.name,
                                                     lang))
        if len(sets) > 1:
            assert body.find(id="wczesniejsze-kwoty"), f"{rid}: older amounts are history"
        checked += 1
    assert checked >= 2, "no instrument shows amounts"


def test_the_2022_and_2024_amounts_are_data_not_a_note(catalog):
    grant = next(i for i in catalog.instruments.values() if i.category == "grant")
    assert {o.year for o in grant.offers} >= {2022, 2024}
    assert all(o.source and o.provider for o in grant.offers)
    notes = " ".join(n.text.pl for n in grant.notes)
    assert not re.search(r"\b2022\b|\b2024\b", notes), "the later amounts still sit in a note"


@pytest.mark.parametrize("lang", PREFIX)
def test_providers_are_named_as_providers_never_as_users(catalog, page, lang):
    for rid, instrument in catalog.instruments.items():
        url = f"{PREFIX[lang]}{SECTIONS['instrument']}/{rid}/"
        body = article(page(url))
        near = body.find(id="kto-zapewnia").find_next("ul")
        shown = {resolve(url, a["href"]) for a in near.select(".pomost-centre-name a")}
        offering = {c.id for c in catalog.centres.values() if rid in c.instruments}
        offering |= {o.provider for o in instrument.offers if o.provider}
        assert shown == {f"{PREFIX[lang]}{CENTRES}/{c}/" for c in offering}, rid
        assert STRINGS[lang]["field_used_by"] not in ("Korzystają", "Карыстаюцца")
        for heading in body.select("h2"):
            assert visible_text(heading).rstrip("¶ ") not in ("Korzystają", "Карыстаюцца")


@pytest.mark.parametrize("lang", PREFIX)
def test_how_to_apply_gives_sourced_steps_or_says_whom_to_ask(catalog, page, lang):
    for rid, instrument in catalog.instruments.items():
        body = article(page(f"{PREFIX[lang]}{SECTIONS['instrument']}/{rid}/"))
        section = body.find(id="jak-zlozyc-wniosek")
        answer = section.find_next_sibling(["p", "ol"])
        if instrument.how_to_apply:
            steps = answer.select("li")
            assert len(steps) == len(instrument.how_to_apply)
            pairs = zip(steps, instrument.how_to_apply, strict=True)
            assert all(li.find("a", href=step.source) for li, step in pairs)
        else:
            assert visible_text(answer) == STRINGS[lang]["apply_unknown"]
        assert body.select_one(".pomost-ask"), "whom to call is on every instrument page"


# -- a figure resting on assumptions carries them ----------------------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_the_maximum_per_founder_carries_its_assumptions_wherever_it_is_shown(catalog, page,
                                                                            lang):
    from pomost.domain.grants import grant_table
    from pomost.render.formatting import money
    table, t = grant_table(catalog), STRINGS[lang]
    assert set(table.founder_assumptions) == {"one_workplace", "monthly"}
    names = ", ".join(t["quoted"].format(getattr(i.name, lang)) for i in table.monthly_assumed_for)
    expected = [t["assumption_one_workplace"], t["assumption_monthly"].format(what=names)]
    figure = money(table.per_founder, lang, t)
    shown = 0
    for url in (PREFIX[lang], f"{PREFIX[lang]}{SECTIONS['instrument']}/",
                f"{PREFIX[lang]}{SECTIONS['instrument']}/dotacja-spoldzielnia/"):
        body = article(page(url))
        for place in [body.select_one("#grant-table tfoot"), body.select_one(".pomost-founder")]:
            if place is None:
                continue
            text = visible_text(place)
            assert all(a in text for a in expected), (url, text)
            shown += 1
        if body.select_one(".pomost-founder"):
            assert figure in visible_text(body.select_one(".pomost-founder"))
    assert shown >= 4, "the figure is shown in fewer places than expected"


# -- data rules ------------------------------------------------------------------------------

def test_an_offer_from_an_unknown_centre_is_a_message_with_its_line(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "instruments.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("provider: owes-razem", "provider: owes-razm", 1),
                    encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "provider: owes-razem" in ln)
    with pytest.raises(DataError) as caught:
        load_catalog(tmp_path / "data")
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 1
    assert messages[0].startswith(f"data/instruments.yml:{line}:")
    assert "offers[1].provider refers to 'owes-razm', which does not exist" in messages[0]


def test_a_centre_naming_a_county_that_does_not_exist_is_a_message(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "support_centres.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("chelmski,", "chelmsk,", 1),
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog(tmp_path / "data")
    assert any("counties refers to 'chelmsk', which does not exist" in str(p)
               and str(p).startswith("data/support_centres.yml:") for p in caught.value.problems)


@pytest.mark.parametrize("lang", PREFIX)
def test_the_grant_table_csv_carries_the_assumptions_beside_its_figures(catalog, site, lang):
    import csv
    import io

    from pomost.domain.grants import grant_table
    from pomost.render.links import Links
    t, table = STRINGS[lang], grant_table(catalog)
    path = site / Links(lang, t).grant_csv_path
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    body, footer = rows[1:-1], rows[-1]
    for row, grant_row in zip(body, table.rows, strict=True):
        assert (t["payment_assumed"] in row[4]) == (not grant_row.amount.payment_stated)
    assert all(t[f"assumption_{key}"].split("{")[0] in footer[0]
               for key in table.founder_assumptions)
