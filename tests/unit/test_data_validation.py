"""Every mistake staff can make in data/ ends in one clear line: file:line:col, record, field, fix."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, TESTS
from pomost.catalog import DataError, load_catalog

FIXTURES = TESTS / "fixtures" / "invalid"

#: fixture <case>.<data file>.yml -> the line `make check` must print for it
EXPECTED = {
    "yaml-syntax": "data/people.yml:3:34: the YAML is broken here: expected ',' or '}', but got "
                   "'<scalar>' (check indentation, colons and quotes around this line)",
    "tab-indentation": "data/people.yml:4:1: a tab is used for indentation — indent with spaces only",
    "duplicate-key": "data/people.yml:5:3: the key 'role' appears twice in the same place (first on "
                     "line 4) — only one is kept, so remove or rename one of them",
    "duplicate-id": "data/people.yml:6:7: the id 'jan-kowalski' is used twice (also record #1) — "
                    "every record needs its own id",
    "missing-translation": "data/people.yml:4:5: person 'jan-kowalski': name.be is missing — every "
                           "text needs Polish and Belarusian",
    "empty-text": "data/people.yml:3:14: person 'jan-kowalski': name.pl is empty — every text needs "
                  "Polish and Belarusian",
    "unknown-field": "data/people.yml:5:3: person 'jan-kowalski': unknown field 'organsation' — check "
                     "the spelling; allowed here: id, name, role, organisation, notes",
    "text-for-number": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                       "must be a whole number without spaces or 'zł' (found '24 000 zł')",
    "zero-amount": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                   "must be more than 0 (found 0)",
    "negative-amount": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                       "must be more than 0 (found -500)",
    "unknown-category": "data/instruments.yml:3:13: instrument 'dotacja-testowa': category: unknown "
                        "value 'grants' — use one of: 'information', 'animation', 'advisory', "
                        "'training', 'employment', 'grant', 'bridging', 'voucher' or "
                        "'specialist_advisory'",
    "unknown-unit": "data/instruments.yml:9:12: instrument 'dotacja-testowa': amounts[1].per: unknown "
                    "value 'per_hour' — use one of: 'person_or_workplace', 'person' or 'new_employee'",
    "unknown-reference": "data/people.yml:5:17: person 'jan-kowalski': organisation refers to "
                         "'rops-lubin', which does not exist — check the id against "
                         "data/organisations.yml",
    "impossible-date": "data/events.yml:6:9: event 'spotkanie': date: '2019-09-31' is not a real "
                       "date — check the day and the month (YYYY-MM-DD)",
    "date-as-text": "data/events.yml:6:9: event 'spotkanie': date must be a date written YYYY-MM-DD "
                    "(found '24.09.2019')",
    "bad-url": "data/people.yml:8:15: person 'jan-kowalski': notes[1].source must be a link starting "
               "with https://, http:// or mailto: (found 'javascript:alert(1)')",
    "not-utf8": "data/people.yml:3:23: the file is not saved as UTF-8 (it looks like Windows-1250) — "
                "open it and save it again with the encoding UTF-8",
    "empty-file": "data/people.yml:1:1: the file is empty — it must hold its records",
    "only-comments": "data/people.yml:1:1: the file is empty — it must hold its records",
}


def data_with(tmp_path: Path, fixture: Path) -> Path:
    """A copy of the shipped data/ with one file replaced by ``fixture``."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    target = fixture.name.split(".")[-2]
    shutil.copyfile(fixture, data / f"{target}.yml")
    return data


def test_every_fixture_has_its_expected_message():
    cases = {f.name.split(".")[0] for f in FIXTURES.glob("*.yml")}
    assert cases == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_mistake_gets_its_message(tmp_path, case):
    fixture = next(FIXTURES.glob(f"{case}.*.yml"))
    with pytest.raises(DataError) as caught:
        load_catalog(data_with(tmp_path, fixture))
    # Exactly one problem in the broken file. (Other files may complain too: a fixture
    # replaces a whole file, so shipped records can lose the records they refer to.)
    replaced = f"data/{fixture.name.split('.')[-2]}.yml"
    assert [str(p) for p in caught.value.problems if p.file == replaced] == [EXPECTED[case]]


def test_make_check_prints_all_problems_without_traceback(tmp_path):
    """Two broken files: both reported, one line each, non-zero exit, no Python traceback."""
    data = data_with(tmp_path, FIXTURES / "missing-translation.people.yml")
    shutil.copyfile(FIXTURES / "zero-amount.instruments.yml", data / "instruments.yml")
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [EXPECTED["zero-amount"], EXPECTED["missing-translation"],
                                          "", "2 problems in data/ — nothing was published."]


def test_make_check_reports_translation_coverage_per_file():
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=ROOT,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    for name in ("instruments", "organisations", "people", "events", "site"):
        assert any(re.fullmatch(rf"data/{name}\.yml: (\d+) texts, Polish and Belarusian in \1 "
                                r"\(100%\)", line)
                   for line in result.stdout.splitlines()), name


@pytest.mark.parametrize("variation", ["crlf", "bom", "trailing-spaces"])
def test_harmless_variations_load_the_same_records(tmp_path, catalog, variation):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for path in data.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if variation == "crlf":
            path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        elif variation == "bom":
            path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        else:
            path.write_text("\n".join(line + "   " for line in text.split("\n")), encoding="utf-8")
    again = load_catalog(data)
    assert again.instruments == catalog.instruments
    assert again.events == catalog.events
    assert again.organisations == catalog.organisations


def test_editor_schemas_are_generated_from_the_models():
    """data/schemas/ must match the models, or editors underline the wrong things."""
    from pomost.__main__ import schema_files
    for name, text in schema_files().items():
        path = ROOT / "data" / "schemas" / name
        assert path.read_text(encoding="utf-8") == text, f"run `make schemas` ({name} is stale)"
    for name in ("instruments", "organisations", "people", "events", "site"):
        first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json"


def test_statement_entity_must_exist(tmp_path):
    from pomost.catalog import DataError, load_catalog
    import shutil
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "accessibility.yml"
    text = path.read_text(encoding="utf-8").replace("entity: rops-lublin", "entity: rops-lubln")
    path.write_text(text, encoding="utf-8")
    [(number, line)] = [(n, line) for n, line in enumerate(text.splitlines(), 1)
                        if "rops-lubln" in line]
    with pytest.raises(DataError) as err:
        load_catalog(tmp_path / "data")
    assert [str(p) for p in err.value.problems] == [
        f"data/accessibility.yml:{number}:{line.index('rops-lubln') + 1}: entity refers to "
        "'rops-lubln', which does not exist — check the id against data/organisations.yml"]
