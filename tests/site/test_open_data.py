"""Open data: the JSON and CSV files of the built site hold exactly the records in data/."""

from __future__ import annotations

import csv
import io
import posixpath

import pytest
from pydantic import TypeAdapter

from pomost.publish.opendata import DATASETS, PARTS, columns, csv_path, json_path
from pomost.publish.spreadsheet import FORMULA_START, safe_cell
from pomost.records.models import Text

from support import PREFIX, visible_text

#: index page of each record type that has one (people are listed on the open-data page only)
INDEX = {"instruments": "instrumenty/", "organisations": "organizacje/", "events": "wydarzenia/"}


def read_csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM, Excel would misread it"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_json_holds_every_record_in_both_languages_as_validated(site, catalog, dataset):
    raw = (site / json_path(dataset)).read_bytes()
    records = TypeAdapter(list[dataset.model]).validate_json(raw)  # the model itself re-reads it
    assert records == list(getattr(catalog, dataset.records).values())
    assert records, dataset.name
    assert '"pl":' in raw.decode("utf-8") and '"be":' in raw.decode("utf-8")


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_csv_has_a_row_per_record_with_texts_in_its_language(site, catalog, dataset, lang):
    rows = read_csv(site / csv_path(dataset, lang, PREFIX[lang]))
    records = list(getattr(catalog, dataset.records).values())
    assert list(rows[0]) == [c.name for c in columns(dataset.model)]
    assert [row["id"] for row in rows] == [r.id for r in records]
    for row, record in zip(rows, records, strict=True):
        for column in columns(dataset.model):
            value = getattr(record, column.name)
            assert row[column.name] or not column.always, f"{column.name} is documented as filled"
            # a text or a name in both languages (a town, a person): the row's language
            assert column.shape == "text" or not isinstance(value, Text), column.name
            if column.shape == "text":
                assert row[column.name] == (getattr(value, lang) if value else ""), column.name
            elif column.shape in ("date", "number", "code", "id", "link", "plain"):
                expected = value.isoformat() if column.shape == "date" and value else value
                assert row[column.name] == ("" if value is None else str(expected)), column.name
            elif column.shape == "ids":
                assert row[column.name].split(", ") == (value or [""]), column.name
            else:  # amounts, offers, steps, notes: one line of the cell each, in this language
                lines = row[column.name].splitlines() if value else []
                assert len(lines) == len(value), column.name
                for line, part in zip(lines, value, strict=True):
                    if column.shape == "offers":  # an offer's line names each of its amounts
                        assert all(getattr(a.purpose, lang) in line for a in part.amounts)
                        assert part.source in line
                        continue
                    assert getattr(part.purpose if column.shape == "amounts" else part.text,
                                   lang) in line


def test_csv_amounts_are_worded_as_on_the_pages(site, catalog, page):
    """The amounts cell says what the instrument page says, e.g. 'do 24 000 złotych …'."""
    rows = {row["id"]: row for row in read_csv(site / csv_path(DATASETS[0], "pl", ""))}
    checked = 0
    for rid in catalog.instruments:
        shown = [visible_text(li) for li in page(f"instrumenty/{rid}/").select(".pomost-amounts li")]
        assert rows[rid]["amounts"].splitlines() == shown
        checked += len(shown)
    assert checked


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("records", INDEX)
def test_each_index_page_links_its_json_and_csv_and_the_column_notes(site, page, lang, records):
    dataset = next(d for d in DATASETS if d.records == records)
    url = PREFIX[lang] + INDEX[records]
    links = page(url).select(".pomost-open-data-links a[href]")
    targets = {posixpath.normpath(posixpath.join(url, a["href"].split("#")[0])) for a in links}
    assert targets == {json_path(dataset), csv_path(dataset, lang, PREFIX[lang]),
                       f"{PREFIX[lang]}dane"}
    for a in links[:2]:
        assert a.has_attr("download")
        file = site / posixpath.normpath(posixpath.join(url, a["href"]))
        size = visible_text(a.next_sibling).strip(" ()·").replace("\u00a0", "")
        unit = {"pl": "B", "be": "Б"}[lang]  # bytes: Latin B in Polish, Cyrillic Б in Belarusian
        assert size == f"{file.stat().st_size}{unit}", f"{url}: size shown for {a['href']}"
    assert links[-1]["href"].endswith("#kolumny")
    assert page(f"{PREFIX[lang]}dane/").find(id="kolumny") is not None


@pytest.mark.parametrize("lang", PREFIX)
def test_open_data_page_lists_every_file_and_documents_every_column(site, page, lang):
    soup = page(f"{PREFIX[lang]}dane/")
    table = soup.select_one("#open-data")
    hrefs = {a["href"] for a in table.select("a[href]")}
    for dataset in DATASETS:
        for path in (json_path(dataset), csv_path(dataset, lang, PREFIX[lang])):
            assert posixpath.relpath(path, f"{PREFIX[lang]}dane") in hrefs, path
            assert (site / path).is_file()
    models = [(f"kolumny-{d.name}", d.model) for d in DATASETS]
    models += [(f"kolumny-{name}", model) for name, model in PARTS.items()]
    for anchor, model in models:
        heading = soup.find(id=anchor)
        assert heading is not None, anchor
        rows = heading.find_next("table").select("tbody tr")
        assert [visible_text(r.th) for r in rows] == [c.name for c in columns(model)], anchor
        assert all(visible_text(r.select("td")[0]) for r in rows), f"{anchor}: a column without meaning"


def test_code_columns_list_their_codes_with_the_labels_pages_use(page):
    soup = page("dane/")
    row = next(r for r in soup.find(id="kolumny-organizacje").find_next("table").select("tbody tr")
               if visible_text(r.th) == "role")
    cell = visible_text(row.select("td")[1])
    for code in ("good_practice", "institution", "partner"):
        assert code in cell
    assert visible_text(page("organizacje/").find(id="good-practice")) in cell


def test_the_published_csv_files_have_no_formula(site):
    files = sorted(site.rglob("*.csv"))
    assert len(files) >= 4  # the grant table and the open data, in both languages
    for path in files:
        raw = path.read_bytes().decode("utf-8-sig")
        for row in csv.reader(io.StringIO(raw, newline=""), delimiter=";"):
            for cell in row:
                assert not cell.startswith(FORMULA_START) or safe_cell(cell) == cell, (path, cell)
