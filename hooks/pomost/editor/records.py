"""What the form editor sends, made into a record file the rest of Pomost reads.

The editor writes YAML of its own: a field emptied in the form stays as ``""``, a group of
empty fields as ``{}``, and its YAML is 1.2 where Pomost reads 1.1 rules. Here its text is read
with the project's own reader (records/yamlsource.py: no anchors, tags, …), everything empty
is dropped (an empty field is a field left out, as the data format says), and the record is
written again in the project's style — two-space indentation, texts of several lines as
blocks, nothing quoted that needs no quotes — then checked as `pomost check` checks one
record. A record the check refuses is not written; the editor shows the messages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from pomost.records import yamlsource
from pomost.records.catalog import check_record
from pomost.records.kinds import Kind
from pomost.records.yamlsource import Problem, YamlError


def cleaned(value: Any) -> Any:
    """``value`` without the empty strings, lists, groups and nulls a form leaves behind."""
    if isinstance(value, dict):
        out = {key: cleaned(item) for key, item in value.items()}
        return {key: item for key, item in out.items() if not _empty(item)}
    if isinstance(value, list):
        return [item for item in map(cleaned, value) if not _empty(item)]
    if isinstance(value, str):
        return value.replace("\r\n", "\n").rstrip() if "\n" in value else value.strip()
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


class _Dumper(yaml.SafeDumper):
    """Block style, two spaces, texts of several lines as ``|-`` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> Any:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _text)


def dumped(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def record_text(kind: Kind, raw: str, name: str) -> tuple[str, list[Problem]]:
    """The file to write for what the editor sent (``raw``, to be saved as ``name``), and what
    the check says of it (nothing: it may be written)."""
    try:
        value = cleaned(yamlsource.parse(raw, name).value)
    except YamlError as err:
        return raw, err.problems
    value = _dates(value)
    if kind.drafts and isinstance(value, dict) and value.get("draft") is False:
        del value["draft"]  # the default: a record is not a draft unless it says so
    text = dumped(value)
    doc = yamlsource.parse(text, name)
    return text, check_record(kind, doc, text)


def _dates(value: Any) -> Any:
    """Dates stay dates: the editor's date picker sends YYYY-MM-DD, read back as a date."""
    if isinstance(value, dict):
        return {key: _dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.date()
    return value
