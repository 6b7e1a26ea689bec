"""Polish first: every message is in the catalogue, translated, one line; English on request."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from pomost import l10n
from tools.messages import extract

from support import ROOT

#: the tools speak Polish here (conftest.py)
MESSAGES = "pl"

FIXTURES = ROOT / "tests" / "fixtures" / "invalid"
_FIELD = re.compile(r"(?<!\{)\{([a-z_]*)\}(?!\})")


def _po():
    with open(l10n.po_path("pl"), "rb") as handle:
        return read_po(handle, locale="pl")


def test_every_message_of_the_code_is_translated_into_polish():
    catalogue = {m.id: m for m in _po() if m.id}
    in_code = {m.id for m in extract() if m.id}
    assert in_code - set(catalogue) == set(), "run `make messages` and translate the new ones"
    assert set(catalogue) - in_code == set(), "the .po has messages the code no longer has"
    for msgid, message in catalogue.items():
        assert "fuzzy" not in message.flags, msgid
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        for text in strings:
            assert text, f"untranslated: {msgid!r}"
            assert "\n" not in text, f"a message is one line: {msgid!r}"
            assert set(_FIELD.findall(text)) == set(_FIELD.findall(ids[0])), msgid


def _data_with(tmp_path: Path, fixture: str) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copyfile(FIXTURES / fixture, tmp_path / "data" / f"{fixture.split('.')[-2]}.yml")
    return tmp_path


def _pomost(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pomost", *args], cwd=cwd, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": os.defpath,
                                          **env})


@pytest.mark.parametrize("how", ["option", "variable"])
def test_english_on_request(tmp_path, how):
    project = _data_with(tmp_path, "quoted-amount.instruments.yml")
    result = (_pomost(project, "--lang", "en", "check") if how == "option"
              else _pomost(project, "check", POMOST_LANG="en"))
    assert result.returncode == 1
    assert ("data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
            "(„maximum amount in złoty”): '25000' is in quotes, so it is text, not a number — "
            "remove the quotes: max_pln: 25000") in result.stderr.splitlines()
    assert result.stderr.rstrip().endswith(
        "1 problem in data/ — fix the lines above and run the check again.")


def test_polish_by_default_every_line_one_line_and_nothing_said_of_publishing(tmp_path):
    project = _data_with(tmp_path, "missing-translation.people.yml")
    result = _pomost(project, "check")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert all(re.match(r"data/[a-z]+\.yml:\d+:\d+: ", line) for line in lines[:-1]), lines
    assert lines[-1] == "1 problem w data/ — popraw wiersze powyżej i uruchom sprawdzenie ponownie."
    assert "publi" not in result.stderr.lower()  # check never publishes, so it says nothing of it


def test_the_help_and_the_argument_errors_are_polish(tmp_path):
    helped = _pomost(ROOT, "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("użycie: pomost")
    assert "polecenia:" in helped.stdout and "podgląd strony" in helped.stdout
    wrong = _pomost(ROOT, "publikuj")
    assert wrong.returncode == 2
    assert "pomost: błąd: polecenie: nieznana wartość 'publikuj' — użyj jednej z:" in wrong.stderr


def test_pomost_new_prints_or_appends_a_draft_that_the_check_reads(tmp_path):
    project = _data_with(tmp_path, "quoted-amount.instruments.yml")
    shutil.copyfile(ROOT / "data" / "instruments.yml", project / "data" / "instruments.yml")
    printed = _pomost(project, "new", "organizacja")
    assert printed.returncode == 0
    assert printed.stdout.startswith("- id:") and "  draft: true" in printed.stdout
    added = _pomost(project, "new", "organizacja", "--append")
    assert added.returncode == 0, added.stderr
    line = int(re.match(r"data/organisations\.yml:(\d+):1: ", added.stdout)[1])
    text = (project / "data" / "organisations.yml").read_text(encoding="utf-8").splitlines()
    assert text[line - 1].startswith("- id:")
    checked = _pomost(project, "check")
    # the new record is found, empty: its id and texts are to be filled in
    assert f"data/organisations.yml:{line}:" in checked.stderr
    assert "Traceback" not in checked.stderr
