"""Help while typing: the editor's JSON Schemas say, in Polish, what each field and value
means, and refuse what `pomost check` refuses.

The data files are read here as VS Code's YAML extension reads them (YAML 1.2, the setting
in .vscode/settings.json: every plain scalar that is not a 1.2 number, boolean or null is
text — dates too) and validated with the `jsonschema` package, draft 2020-12.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from pomost import l10n
from pomost.records import kinds
from pomost.records.models import DATE_PATTERN
from pomost.records.schemas import editor_files, schema

from invalid_data import FIXTURES
from support import ROOT

#: the tools speak Polish here (conftest.py)
MESSAGES = "pl"


#: fixtures the schema cannot refuse, and why: what needs another file, another record,
#: the bytes of the file or judgement beyond a pattern. Everything else must be refused by
#: the editor as well.
EDITOR_CANNOT = {
    "unknown-reference": "an id in another file",
    "duplicate-id": "two records of the list (JSON Schema compares whole items only)",
    "id-is-a-page": "a page in docs/",
    "valid-to-before-from": "two fields compared with each other",
    "event-past-year-9999": "a date plus a number of days",
    "huge-days": "a date plus a number of days",
    "copied-from-polish": "the Belarusian text compared with the Polish one",
    "no-cyrillic": "what alphabet a text is in",
    "placeholder": "what a text says",
    "cyrillic-lost": "what a text says",
    "quoted-date": "the editor reads every date as text, quoted or not",
    "hex-number": "YAML 1.2 reads 0x5DC0 as the number 24000",
    "leading-zero": "YAML 1.2 reads 024000 as the number 24000",
    "not-utf8": "the encoding (the editor shows the file as it decodes it)",
    "utf16": "the encoding (the editor shows the file as it decodes it)",
    "control-character": "an invisible character (the editor highlights it instead)",
    "line-separator": "an invisible character (the editor highlights it instead)",
    "vertical-tab": "an invisible character (the editor highlights it instead)",
    "nul-byte": "an invisible character (the editor highlights it instead)",
    "escaped-control": "an invisible character (the editor highlights it instead)",
    "merge-key": "merge keys, which the editor's YAML allows",
    "second-document": "a second document, which the editor checks on its own",
    "deep-nesting": "nesting depth",
    "duplicate-key": "the YAML itself (the editor's parser reports it as a YAML error)",
    "yaml-tag": "the YAML itself (the editor's parser reports the unknown tag)",
}

#: fixtures not compared: the editor expands anchors and aliases its own way (with limits),
#: and expanding the "billion laughs" here would take forever; `pomost check` refuses them
NOT_COMPARED = {"alias-bomb", "recursive-alias"}

_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT, _HEX = re.compile(r"^0o[0-7]+$"), re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def _plain(text: str):
    """A plain scalar as YAML 1.2's core schema reads it."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if re.fullmatch(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)", text):
        return float(text.replace(".", "", 1)) if "n" in text.lower() else float(text.lstrip("+."))
    return text


def _value(node):
    if node is None:  # a file of comments only
        return None
    if isinstance(node, yaml.MappingNode):
        return {str(_value(k)): _value(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    return node.value if node.style in ("'", '"', "|", ">") else _plain(node.value)


def editor_view(path: Path):
    """The file as VS Code's YAML extension validates it; raises yaml.YAMLError where the
    editor underlines the YAML itself."""
    text = path.read_bytes().decode("utf-8-sig")
    return _value(yaml.compose(text, Loader=yaml.SafeLoader)) if text.strip() else None


def _schema_of(file_name: str) -> dict:
    kind = next(k for k in kinds.KINDS if k.file == file_name)
    return schema(kind.model, kind.many)


def editor_errors(path: Path, file_name: str) -> list[str]:
    try:
        value = editor_view(path)
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        return [f"YAML: {err}"]
    validator = jsonschema.Draft202012Validator(_schema_of(file_name))
    return [e.message for e in validator.iter_errors(value)]


def test_the_editor_files_are_generated():
    for path, text in editor_files().items():
        assert (ROOT / path).read_text(encoding="utf-8") == text, f"run `pomost schemas` ({path})"
    assert json.loads((ROOT / ".vscode" / "extensions.json").read_text("utf-8"))[
        "recommendations"] == ["redhat.vscode-yaml"]
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    assert set(settings["yaml.schemas"].values()) == {f"data/{k.file}" for k in kinds.KINDS} | {
        f"data/{k.attr}/*.yml" for k in kinds.lists()}


@pytest.mark.parametrize("kind", kinds.lists(), ids=lambda k: k.name)
def test_records_kept_one_file_each_are_valid_in_the_editor_too(kind, tmp_path):
    from pomost.records.migrate import migrate_kind
    from pomost.records.schemas import record_schema
    shutil.copytree(ROOT / "data", tmp_path / "data")
    migrate_kind(tmp_path / "data", kind)
    validator = jsonschema.Draft202012Validator(record_schema(kind.model))
    files = sorted((tmp_path / "data" / kind.attr).glob("*.yml"))
    assert files
    for path in files:
        assert [e.message for e in validator.iter_errors(editor_view(path))] == [], path.name
    broken = editor_view(files[0])
    broken["id"] = "Zła nazwa"
    assert list(validator.iter_errors(broken))


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_the_shipped_data_is_valid_in_the_editor(kind):
    assert editor_errors(ROOT / "data" / kind.file, kind.file) == []


#: the fixtures both the editor and `pomost check` must refuse (the others are listed above,
#: each with why only the check can see it)
COMPARED = sorted(f for f in FIXTURES.glob("*.yml")
                  if f.name.split(".")[0] not in {*NOT_COMPARED, *EDITOR_CANNOT})


def test_every_fixture_is_compared_or_its_gap_is_named():
    cases = {f.name.split(".")[0] for f in FIXTURES.glob("*.yml")}
    assert {*NOT_COMPARED, *EDITOR_CANNOT} <= cases
    assert len(COMPARED) + len({*NOT_COMPARED, *EDITOR_CANNOT}) == len(cases)


@pytest.mark.parametrize("fixture", COMPARED, ids=lambda p: p.name)
def test_the_editor_refuses_what_the_check_refuses(fixture):
    file_name = fixture.name.split(".", 1)[1]
    assert editor_errors(fixture, file_name), (
        f"the editor accepts {fixture.name}, which `pomost check` refuses")


def _walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, (*path, i))


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_every_field_and_value_is_explained_in_polish(kind, monkeypatch):
    """Every field has a title, every allowed value a meaning, and all of them are in the
    catalogue, so the Polish schema says them in Polish."""
    monkeypatch.setenv("POMOST_LANG", "en")
    english = schema(kind.model, kind.many)
    for path, node in _walk(english):
        if "if" in path:
            continue
        for name, prop in node.get("properties", {}).items():
            assert prop.get("title"), f"{path} {name} has no title"
        if "enum" in node:
            assert len(node.get("enumDescriptions", [])) == len(node["enum"]), (path, node)
    catalogue = l10n.translations("pl")
    for _path, node in _walk(english):
        for key in ("title", "description", "patternErrorMessage"):
            if isinstance(node.get(key), str):
                assert catalogue.gettext(node[key]) != node[key] or node[key] in (
                    "instrument", "e-mail", "https://…", "grant"), f"untranslated: {node[key]!r}"
    monkeypatch.setenv("POMOST_LANG", "pl")
    polish = json.dumps(schema(kind.model, kind.many), ensure_ascii=False)
    assert "identyfikator" in polish or not kind.many


def test_a_draft_may_lack_belarusian_in_the_editor_too(tmp_path):
    record = ("- id: nowa\n  draft: true\n  role: partner\n  name: {pl: Nowa}\n"
              "  summary: {pl: Opis}\n  what_it_does: {pl: Opis}\n")
    path = tmp_path / "organisations.yml"
    path.write_text(record, encoding="utf-8")
    assert editor_errors(path, "organisations.yml") == []
    path.write_text(record.replace("  draft: true\n", ""), encoding="utf-8")
    assert editor_errors(path, "organisations.yml")


def test_the_date_pattern_accepts_exactly_the_real_days():
    pattern = re.compile(DATE_PATTERN)
    day = dt.date(1896, 1, 1)
    while day.year < 2105:
        assert pattern.match(day.isoformat()), day
        day += dt.timedelta(days=1)
    for wrong in ("2019-09-31", "2019-02-29", "1900-02-29", "2100-02-29", "2019-13-01",
                  "2019-00-10", "2019-1-5", "24.09.2019"):
        assert not pattern.match(wrong), wrong
    assert pattern.match("2000-02-29") and pattern.match("2024-02-29")
