"""Pydantic's validation errors in words a non-programmer can act on, one line each."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from pomost.langs import LANGS
from pomost.records.kinds import of_model
from pomost.records.models import Record, Text
from pomost.records.yamlsource import Unreadable


def label(model: type[Record], raw: Any, path: tuple) -> str:
    """How a message names the record: "person 'jan-kowalski'", or "person #3" without an id."""
    kind = of_model(model).said
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"{kind} '{raw['id']}'"
    return f"{kind} #{path[0] + 1}" if path else kind


def field_name(loc: tuple) -> str:
    """('amounts', 0, 'max_pln') -> 'amounts[1].max_pln' (counted from 1, as people count)."""
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "record"


def message(model: type[Record], error: Any) -> str:
    """Turn one pydantic error into words a non-programmer can act on."""
    loc, kind, value = tuple(error["loc"]), error["type"], error.get("input")
    name = field_name(loc)
    if isinstance(value, Unreadable) and value.is_date:
        return f"{name}: '{value}' is not a real date — check the day and the month (YYYY-MM-DD)"
    both = " — every text needs Polish and Belarusian"
    if kind == "missing":
        if loc and loc[-1] in LANGS:
            return f"{name} is missing{both}"
        return f"{name} is missing — this field is required"
    if kind == "string_too_short":
        return f"{name} is empty{both if loc[-1] in LANGS else ''}"
    if kind == "extra_forbidden":
        allowed = ", ".join(_allowed_fields(model, loc[:-1]))
        return f"unknown field '{loc[-1]}' — check the spelling; allowed here: {allowed}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{name} must be a whole number without spaces or 'zł' (found '{value}')"
    if kind == "greater_than":
        return f"{name} must be more than 0 (found {value})"
    if kind == "literal_error":
        return f"{name}: unknown value '{value}' — use one of: {error['ctx']['expected']}"
    if kind == "value_error" and "clock_format" in error["msg"]:
        return f"{name} must be a time written HH:MM in quotes, e.g. '10:00' (found '{value}')"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"{name} must be a date written YYYY-MM-DD (found '{value}')"
    if kind == "bool_type":
        return f"{name} must be true or false (found '{value}')"
    if kind == "value_error" and "url_scheme" in error["msg"]:
        return (f"{name} must be a link starting with https://, http:// or mailto: "
                f"(found '{value}')")
    if kind == "string_pattern_mismatch":
        return (f"{name} '{value}' is not a valid id — use lower-case letters without "
                "Polish characters, digits and hyphens, e.g. 'kuznia-talentow'")
    if kind == "string_type":
        return f"{name} must be text (found '{value}')"
    if kind in ("model_type", "model_attributes_type"):
        if loc and _is_text(model, loc):
            return f"{name} must have a Polish and a Belarusian version ('pl:' and 'be:' lines)"
        return f"{name} must be a group of 'name: value' lines (found '{value}')"
    if kind == "list_type":
        return f"{name} must be a list ('- ' lines) (found '{value}')"
    return f"{name}: {error['msg']}"


def _submodel(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = model  # a model class, or None once the path leaves the models
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None) if isinstance(current, type) else None
        info = fields.get(part) if fields else None
        if info is None:
            return None
        current = _unwrap(info.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    for arg in (getattr(annotation, "__args__", None) or (annotation,)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        inner = getattr(arg, "__args__", None)
        if inner:
            found = _unwrap(arg)
            if found is not None:
                return found
    return None


def _allowed_fields(model: type[Record], loc: tuple) -> list[str]:
    sub = _submodel(model, loc) or model
    return list(sub.model_fields)


def _is_text(model: type[Record], loc: tuple) -> bool:
    sub = _submodel(model, loc)
    return sub is not None and issubclass(sub, Text)  # a Name is a Text too
