"""Reading data/ again record by record (build/reload.py) gives exactly what load_catalog
gives — the same catalog, or the same problems in the same words — and parses only the
records whose text changed."""

from __future__ import annotations

import re
import shutil

import pytest

from pomost.build.reload import Reader
from pomost.records.catalog import DataError, load_catalog

from support import ROOT


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")  # the rules compare ids with pages
    return tmp_path / "data"


def _problems(load, data):
    with pytest.raises(DataError) as caught:
        load(data)
    return [str(p) for p in caught.value.problems]


def _outcome(load, data):
    """The catalog, or the problems."""
    try:
        return load(data)
    except DataError as err:
        return [str(p) for p in err.problems]


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_same_catalog_as_load_catalog(data):
    reader = Reader()
    assert reader.load(data) == load_catalog(data)
    assert reader.parsed > 0


def test_a_second_load_parses_only_the_edited_record(data):
    reader = Reader()
    reader.load(data)
    organisations = data / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    summary = re.compile(r"(\n  summary:\s*\n    pl: )").search(text)
    organisations.write_text(text[:summary.end(1)] + "Inaczej " + text[summary.end(1):],
                             encoding="utf-8")
    again = reader.load(data)
    assert reader.parsed == 1
    assert again == load_catalog(data)
    assert reader.load(data) == again and reader.parsed == 0


def test_records_added_removed_and_moved(data):
    reader = Reader()
    reader.load(data)
    organisations = data / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^- ", text, re.M)]
    first, second = text[starts[0]:starts[1]], text[starts[1]:starts[2]]
    copy = re.sub(r"^- id: \S+", "- id: kopia-organizacji", first, count=1, flags=re.M)
    for changed in (text + "\n" + copy,                                    # added
                    text[:starts[1]] + text[starts[2]:],                   # removed
                    text[:starts[0]] + second + first + text[starts[2]:]):  # moved
        organisations.write_text(changed, encoding="utf-8")
        assert _outcome(reader.load, data) == _outcome(load_catalog, data)


@pytest.mark.parametrize("breaking", [
    ("  role: good_practice", "  role: najlepsza"),          # a record's own problem
    ("  role: good_practice", "  role: good_practice\n  instruments:\n    - nie-ma-takiego",
     1),                                                       # a rule across files
    ("  role: good_practice", "  role: good_practice\n  role: partner"),  # a duplicate key
    ("\n- id: ", "\n---\n- id: ", 2),                          # a second document
    ("  role: good_practice", "\trole: good_practice"),        # a tab
])
def test_problems_are_load_catalogs_own(data, breaking):
    reader = Reader()
    reader.load(data)
    _edit(data / "organisations.yml", *breaking)
    expected = _problems(load_catalog, data)
    assert _problems(reader.load, data) == expected


def test_a_file_that_does_not_cut_into_records_is_read_whole(data):
    people = data / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text("# osoby\n" + text, encoding="utf-8")  # a comment before: fine
    assert Reader().load(data) == load_catalog(data)
    people.write_text("[]\n", encoding="utf-8")  # a flow list: read by load_catalog
    assert _problems(Reader().load, data) == _problems(load_catalog, data)


def test_reading_once_keeps_nothing(data):
    reader = Reader(remember=False)
    assert reader.load(data) == load_catalog(data)
    assert reader.load(data) == load_catalog(data) and reader.parsed > 0


def test_read_on_every_core_is_load_catalog(tmp_path):
    from pomost.build.reload import read_on_cores
    from tools.bench.data import generate

    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    data = tmp_path / "data"
    generate(ROOT / "data", data, 450)  # enough records to be shared out
    assert read_on_cores(data, 2) == load_catalog(data)
    _edit(data / "organisations.yml", "  role: partner", "  role: wspólnik")
    assert _problems(lambda d: read_on_cores(d, 2), data) == _problems(load_catalog, data)


@pytest.fixture
def folders(data):
    """data/ with every kind kept as a folder of one file per record (`pomost migrate`)."""
    from pomost.records.migrate import migrate

    assert migrate(data)
    assert not (data / "organisations.yml").exists()
    return data


def test_records_kept_one_file_each_are_read_file_by_file(folders):
    reader = Reader()
    assert reader.load(folders) == load_catalog(folders)
    files = sorted((folders / "organisations").glob("*.yml"))
    text = files[1].read_text(encoding="utf-8")
    summary = re.compile(r"(^summary:\s*\n  pl: )", re.M).search(text)
    files[1].write_text(text[:summary.end(1)] + "Inaczej " + text[summary.end(1):],
                        encoding="utf-8")
    again = reader.load(folders)
    assert reader.parsed == 1
    assert again == load_catalog(folders)
    copy = re.sub(r"^id: \S+", "id: kopia-organizacji", text, count=1, flags=re.M)
    (folders / "organisations" / "kopia-organizacji.yml").write_text(copy, encoding="utf-8")
    assert reader.load(folders) == load_catalog(folders) and reader.parsed == 1  # added
    files[2].unlink()
    assert _outcome(reader.load, folders) == _outcome(load_catalog, folders)  # removed


@pytest.mark.parametrize("breaking", [
    ("role: good_practice", "role: najlepsza"),                     # the record's own problem
    ("role: good_practice", "role: good_practice\ninstruments:\n  - nie-ma-takiego"),  # a rule
    ("role: good_practice", "\trole: good_practice"),               # a tab
])
def test_problems_in_a_record_file_are_load_catalogs_own(folders, breaking):
    reader = Reader()
    reader.load(folders)
    target = next(p for p in sorted((folders / "organisations").glob("*.yml"))
                  if "\nrole: good_practice" in p.read_text(encoding="utf-8"))
    _edit(target, *breaking)
    expected = _problems(load_catalog, folders)
    assert target.name in expected[0]
    assert _problems(reader.load, folders) == expected


def test_a_kind_kept_both_ways_is_load_catalogs_problem(folders):
    (folders / "people.yml").write_text((ROOT / "data" / "people.yml").read_text(
        encoding="utf-8"), encoding="utf-8")
    assert _problems(Reader().load, folders) == _problems(load_catalog, folders)


def test_read_on_every_core_reads_folders_too(tmp_path):
    from pomost.build.reload import read_on_cores
    from pomost.records.migrate import migrate
    from tools.bench.data import generate

    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    data = tmp_path / "data"
    generate(ROOT / "data", data, 450)  # enough records to be shared out
    migrate(data)
    assert read_on_cores(data, 2) == load_catalog(data)
    broken = next(p for p in sorted((data / "organisations").glob("*.yml"))
                  if "\nrole: partner" in p.read_text(encoding="utf-8"))
    _edit(broken, "role: partner", "role: wspólnik")
    assert _problems(lambda d: read_on_cores(d, 2), data) == _problems(load_catalog, data)
