"""The grant table: the numbers a reader sees equal data/ and totals computed here, independently."""

from __future__ import annotations

import csv
import io
import posixpath

import pytest

from pomost.render import formatting
from pomost.render.strings import load_all

from support import PREFIX as LANGS
from support import visible_text

PAGES = ["", "instrumenty/", "instrumenty/dotacja-spoldzielnia/"]


def amounts(catalog):
    return [(i, a) for i in catalog.instruments.values() for a in i.amounts]


def total(amount) -> int:
    """Maximum over the whole period: monthly amounts times their months."""
    months = amount.to_month - amount.from_month + 1 if amount.payment == "monthly" else 1
    return amount.max_pln * months


def pln(cell) -> int:
    return int(cell["data-pln"])


@pytest.fixture(params=[(lang, url) for lang in LANGS for url in PAGES],
                ids=lambda p: f"{p[0]}:/{p[1]}")
def table_page(request, page):
    lang, url = request.param
    return lang, LANGS[lang] + url, page(LANGS[lang] + url)


def test_rows_show_each_amount_of_data_with_its_total(catalog, table_page):
    lang, url, soup = table_page
    strings = load_all()[lang]
    rows = soup.select("table#grant-table tbody tr")
    expected = amounts(catalog)
    assert len(rows) == len(expected) > 0
    for row, (instrument, amount) in zip(rows, expected, strict=True):
        # the amount right after the form of support (on a phone's screen), the purpose last
        cells = row.find_all(["th", "td"])
        assert visible_text(cells[0]) == getattr(instrument.name, lang)
        assert pln(cells[1]) == amount.max_pln
        assert visible_text(cells[1]) == formatting.money(amount.max_pln, lang, strings, short=True)
        assert pln(cells[4]) == total(amount)
        assert visible_text(cells[4]) == formatting.money(total(amount), lang, strings, short=True)
        assert visible_text(cells[5]) == getattr(amount.purpose, lang)
        if amount.payment == "monthly":
            assert formatting.months(amount.to_month - amount.from_month + 1, lang) in \
                visible_text(cells[3])
        if not amount.payment_stated:  # the data's assumption is visible in the row
            assert strings["payment_assumed"] in visible_text(cells[3])


def test_footer_is_the_maximum_per_founding_member(catalog, table_page):
    _, _, soup = table_page
    footer = soup.select_one("table#grant-table tfoot td[data-pln]")
    assert pln(footer) == sum(total(a) for _, a in amounts(catalog) if a.founder)


def test_scenarios_multiply_each_instrument_by_the_founders(catalog, table_page):
    _, _, soup = table_page
    sizes = catalog.settings.grant_table.scenarios.founders
    rows = soup.select("table#scenario-table tbody tr")
    assert [int(r.th["data-founders"]) for r in rows] == sizes
    per_instrument = {}
    for instrument, amount in amounts(catalog):
        per_instrument[instrument.id] = per_instrument.get(instrument.id, 0) + total(amount)
    for row, size in zip(rows, sizes, strict=True):
        values = [pln(td) for td in row.select("td[data-pln]")]
        assert values[:-1] == [size * v for v in per_instrument.values()]
        assert values[-1] == size * sum(per_instrument.values())


def test_table_is_semantic_and_script_free(table_page):
    _, url, soup = table_page
    for table in soup.select("table.pomost-table"):
        assert table.caption and table.caption.get_text(strip=True)
        assert table.thead and table.tbody
        assert not table.find("script") and not table.find(attrs={"onclick": True})
        for th in table.find_all("th"):
            assert th.get("scope") in ("col", "row"), f"{url}: {th}"
        assert table.find_parent(class_="pomost-scroll") is not None
    assert soup.select_one("table#grant-table tfoot")


def test_source_and_assumptions_are_stated_under_the_table(catalog, table_page):
    lang, _, soup = table_page
    notes = visible_text(soup.select_one(".pomost-table-notes"))
    settings = catalog.settings.grant_table
    assert " ".join(getattr(settings.as_of, lang).split()) in notes
    assert " ".join(getattr(settings.scenarios.note, lang).split()) in notes
    assumed = [a for _, a in amounts(catalog) if not a.payment_stated]
    assert assumed, "the shipped data assumes monthly bridging support"
    assert notes.count("*") >= len(assumed)


@pytest.mark.parametrize("lang", LANGS)
def test_csv_download_parses_and_matches_the_table(catalog, site, page, lang):
    url = LANGS[lang] + "instrumenty/"
    link = page(url).select_one(".pomost-table-notes a[download]")
    raw = (site / posixpath.normpath(posixpath.join(url, link["href"]))).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Polish Excel needs the UTF-8 BOM"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body, footer = rows[0], rows[1:-1], rows[-1]
    assert len(header) == 6
    assert [(r[0], int(r[2]), int(r[5])) for r in body] == [
        (getattr(i.name, lang), a.max_pln, total(a)) for i, a in amounts(catalog)]
    assert int(footer[-1]) == sum(total(a) for _, a in amounts(catalog) if a.founder)
