"""A copy of the shipped data in which every free text is a hostile payload.

Which fields are free text is read from the record models (pomost/kinds.py → records/models.py):
every ``Text`` (both languages) and every plain string without a pattern (a phone number), in
records, in their parts (amounts, notes) and in the one-record files. A field added to a
model is covered without editing this file.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from pomost.kinds import KINDS
from pomost.records.catalog import load_catalog
from pomost.records.models import Text

#: marks each payload so a test can find where it ran: window.__pwned is set by any of them
MARK = "window.__pwned=1"


def payload(lang: str) -> str:
    """Markup that runs if it is ever written unescaped, in a title, an attribute or a body."""
    word = "тэкст" if lang == "be" else "tekst"  # a real word of the language first
    return (f'{lang} {word} </title></textarea><script>{MARK}</script>"\'>'
            f'<img src=x onerror="{MARK}"><svg onload="{MARK}"> & &amp; ]]>')


def _unwrap(annotation: Any) -> Any:
    """X for Optional[X] / X | None; Annotated metadata dropped."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _metadata(annotation: Any) -> list[Any]:
    """The Annotated metadata of X, Optional[X] or X | None."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(annotation) for m in _metadata(a)]
    if typing.get_origin(annotation) is typing.Annotated:
        return list(typing.get_args(annotation)[1:])
    return []


def _is_free_string(info: Any) -> bool:
    if _unwrap(info.annotation) is not str:
        return False
    metadata = [*info.metadata, *_metadata(info.annotation)]
    patterned = any(getattr(m, "pattern", None) for m in metadata)
    validated = any(type(m).__name__ == "AfterValidator" for m in metadata)  # links
    return not patterned and not validated


def poison(model: type[BaseModel], value: Any) -> Any:
    """``value`` (a record as plain data) with every free text replaced by the payload."""
    if not isinstance(value, dict):
        return value
    out = dict(value)
    for name, info in model.model_fields.items():
        if name not in out or out[name] is None:
            continue
        inner = _unwrap(info.annotation)
        if isinstance(inner, type) and issubclass(inner, Text):
            out[name] = {**out[name], "pl": payload("pl"), "be": payload("be")}
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            out[name] = poison(inner, out[name])
        elif typing.get_origin(inner) is list:
            item = _unwrap(typing.get_args(inner)[0])
            if isinstance(item, type) and issubclass(item, Text):
                out[name] = [{**v, "pl": payload("pl"), "be": payload("be")} for v in out[name]]
            elif isinstance(item, type) and issubclass(item, BaseModel):
                out[name] = [poison(item, v) for v in out[name]]
        elif name != "id" and _is_free_string(info):
            out[name] = payload("pl")
    return out


def _plain(value: Any) -> Any:
    """A dumped record as YAML writes it: dates stay dates, a time of day is 'HH:MM'."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return value


def write_hostile_data(source: Path, target: Path) -> None:
    """Write ``source``'s records, poisoned, as ``target``'s data files."""
    catalog = load_catalog(source)
    for kind in KINDS:
        if kind.many:
            records = [poison(kind.model, _plain(r.model_dump(exclude_none=True)))
                       for r in catalog.of(kind.name).values()]
            data: Any = records
        else:
            data = poison(kind.model, _plain(getattr(catalog, kind.attr).model_dump(
                exclude_none=True)))
        (target / kind.file).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
