"""Every mistake staff can make in data/ ends in one clear line: file:line:col, record, field, fix."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from pomost.records.catalog import DataError, load_catalog

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"

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
                    "value 'per_hour' — use one of: 'person_or_workplace', 'person', 'workplace' or 'new_employee'",
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
    # what would make the build fail or publish something wrong is caught here first
    "id-is-a-page": "data/organisations.yml:2:7: organisation 'index': the id 'index' would be "
                    "the address of the section's own page (docs/organizacje/index.md) — choose "
                    "another id",
    "event-past-year-9999": "data/events.yml:6:9: event 'spotkanie': date: an event on "
                            "9999-12-31 lasting 2 day(s) would end after the last day a calendar "
                            "can hold — check the year",
    "huge-days": "data/events.yml:7:9: event 'spotkanie': days: 100000000000 days is more than a "
                 "year — check days (at most 366)",
    "valid-to-before-from": "data/instruments.yml:8:13: instrument 'dotacja-testowa': valid_to "
                            "(2027-01-31) is before valid_from (2027-06-01) — check the two dates",
    # Belarusian texts that look damaged or untranslated
    "cyrillic-lost": "data/people.yml:5:9: person 'jan-kowalski': name.be looks damaged: '???' "
                     "stands where letters were — the Cyrillic letters were lost when the file "
                     "was saved in an encoding without them (e.g. ANSI or Windows-1250); get the "
                     "last good version back with git (data/README.md) and save the file as UTF-8",
    "copied-from-polish": "data/people.yml:4:34: person 'jan-kowalski': role.be is the same as "
                          "the Polish text — translate it into Belarusian",
    "no-cyrillic": "data/people.yml:4:34: person 'jan-kowalski': role.be has no Cyrillic letters "
                   "— is it still the Polish text? translate it into Belarusian",
    "placeholder": "data/people.yml:4:34: person 'jan-kowalski': role.be is a placeholder "
                   "('TODO') — write the Belarusian text",
    # hostile or broken YAML: refused in plain words, never a hang or a traceback
    "alias-bomb": "data/people.yml:10:13: '&a' marks a part to repeat elsewhere (a YAML anchor), "
                  "which is not supported here — remove '&a' and write every text out in full",
    "recursive-alias": "data/people.yml:4:48: '*role' repeats a part marked elsewhere (a YAML "
                       "alias), which is not supported here — write the text out in full instead",
    "merge-key": "data/people.yml:4:3: '<<:' copies fields from elsewhere (a YAML merge key), which "
                 "is not supported here — write the fields out in full",
    "yaml-tag": "data/people.yml:4:14: '!!binary' (a YAML tag) is not supported here — remove it; "
                "to keep a value as text, put it in quotes",
    "deep-nesting": "data/people.yml:5:28: lists and groups of fields are nested more than 20 levels "
                    "deep here — a record needs only a few; check the brackets [ ] and { } around "
                    "this line",
    "list-as-key": "data/people.yml:5:5: a list or a group of fields cannot be a field name — a "
                   "field name is a word followed by a colon, e.g. 'name:'",
    "bracket-key": "data/people.yml:4:3: a list or a group of fields cannot be a field name — a "
                   "field name is a word followed by a colon, e.g. 'name:'",
    "number-key": "data/people.yml:5:3: person 'jan-kowalski': unknown field '1' — check the "
                  "spelling; allowed here: id, name, role, organisation, notes",
    "second-document": "data/people.yml:5:1: a second document starts here (a '---' line) — a data "
                       "file holds one list of records; remove the line",
    "id-newline": "data/people.yml:2:7: person 'jan-↵kowalski': id 'jan-↵kowalski' is not a valid "
                  "id — use lower-case letters without Polish characters, digits and hyphens, e.g. "
                  "'kuznia-talentow'",
    "vertical-tab": "data/people.yml:4:20: a vertical tab (U+000B) — it comes from pasting from Word "
                    "(Shift+Enter); replace it with a space",
    "nul-byte": "data/people.yml:4:20: a NUL character (U+0000) — the file may be damaged; remove "
                "the character or retype the text around it",
    "control-character": "data/people.yml:4:21: an invisible control character (U+0096) — it "
                         "usually stands for a dash or quote lost in copying; retype that character",
    "line-separator": "data/people.yml:4:20: an invisible line break (line separator, U+2028) — it "
                      "comes from pasted text; replace it with a space",
    "escaped-control": "data/people.yml:4:14: the text in quotes has a vertical tab (U+000B), "
                       "written with a backslash — remove it",
    "utf16": "data/people.yml:1:1: the file is saved as UTF-16 (Notepad calls it 'Unicode') — open "
             "it and save it again with the encoding UTF-8",
    # numbers: refused where YAML 1.1 would read them otherwise than people do
    "leading-zero": "data/instruments.yml:8:16: 024000: a number must not start with 0 — write "
                    "24000, or '024000' in quotes if it is not a number (e.g. a phone number)",
    "hex-number": "data/instruments.yml:8:16: 0x5DC0: a number must be written in ordinary digits, "
                  "not as a hexadecimal number — write 24000, or put it in quotes if it is text",
    "underscore-number": "data/instruments.yml:8:16: 24_000: a number must be written without '_' "
                         "— write 24000",
    "infinity": "data/instruments.yml:8:16: .inf: YAML reads this as 'infinity', which is not a "
                "number that can be used here — write the number in digits, or put it in quotes if "
                "it is text",
    "base-60": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln must be "
               "a whole number without spaces or 'zł' (found '1:20')",
    "yes-for-true": "data/instruments.yml:9:16: instrument 'dotacja-testowa': amounts[1].founder "
                    "must be true or false (found 'yes')",
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
    assert EXPECTED[case] in [str(p) for p in caught.value.problems]


def test_make_check_prints_all_problems_without_traceback(tmp_path):
    """Two broken files: both reported, one line each, non-zero exit, no Python traceback."""
    data = data_with(tmp_path, FIXTURES / "missing-translation.people.yml")
    shutil.copyfile(FIXTURES / "zero-amount.instruments.yml", data / "instruments.yml")
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert EXPECTED["missing-translation"] in result.stderr.splitlines()
    assert EXPECTED["zero-amount"] in result.stderr.splitlines()
    assert "2 problems in data/" in result.stderr


def test_make_check_reports_translation_coverage_per_file():
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=ROOT,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    for name in ("instruments", "organisations", "people", "events", "site"):
        assert any(line.startswith(f"data/{name}.yml: ") and "(100%)" in line
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
    from pomost.records.schemas import schema_files
    for name, text in schema_files().items():
        path = ROOT / "data" / "schemas" / name
        assert path.read_text(encoding="utf-8") == text, f"run `make schemas` ({name} is stale)"
    for name in ("instruments", "organisations", "people", "events", "site"):
        first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json"
