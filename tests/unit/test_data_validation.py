"""Every mistake staff can make in data/ ends in one clear line: file:line:col, record, field, fix."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from pomost.records.catalog import DataError, load_catalog

from invalid_data import EXPECTED, FIXTURES, PROBLEM_COUNT, data_with
from support import ROOT

#: the tools speak Polish here (conftest.py): the fixtures' lines are Polish
MESSAGES = "pl"


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
    problems = [str(p) for p in caught.value.problems if p.file == replaced]
    assert len(problems) == PROBLEM_COUNT.get(case, 1), problems
    assert EXPECTED[case] in problems


def test_make_check_prints_all_problems_without_traceback(tmp_path):
    """Two broken files: both reported, one line each, non-zero exit, no Python traceback."""
    data = data_with(tmp_path, FIXTURES / "missing-translation.people.yml")
    shutil.copyfile(FIXTURES / "zero-amount.instruments.yml", data / "instruments.yml")
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [EXPECTED["zero-amount"], EXPECTED["missing-translation"],
                                          "", "2 problemy w data/ — popraw wiersze powyżej i "
                                          "uruchom sprawdzenie ponownie."]


def test_make_check_reports_translation_coverage_per_file():
    result = subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=ROOT,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    for name in ("instruments", "organisations", "people", "events", "site"):
        assert any(re.fullmatch(rf"data/{name}\.yml: (\d+) tekst(y|ów), po polsku i po "
                                r"białorusku: \1 \(100%\)", line)
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


def test_statement_entity_must_exist(tmp_path):
    import shutil

    from pomost.records.catalog import DataError, load_catalog
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "accessibility.yml"
    text = path.read_text(encoding="utf-8").replace("entity: rops-lublin", "entity: rops-lubln")
    path.write_text(text, encoding="utf-8")
    [(number, line)] = [(n, line) for n, line in enumerate(text.splitlines(), 1)
                        if "rops-lubln" in line]
    with pytest.raises(DataError) as err:
        load_catalog(tmp_path / "data")
    assert [str(p) for p in err.value.problems] == [
        f"data/accessibility.yml:{number}:{line.index('rops-lubln') + 1}: entity wskazuje "
        "'rops-lubln', którego nie ma (czy chodziło o 'rops-lublin'?) — sprawdź identyfikator w "
        "data/organisations.yml"]
