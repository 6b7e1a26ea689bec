"""Pydantic's validation errors in words a non-programmer can act on, one line each.

Every message names the field as the file writes it (``amounts[1].max_pln``) and by its
title in the language of messages (the field's ``title`` in models.py, translated), says
what is wrong and how to fix it — with the corrected value where it can be worked out: the
value without its quotes, ``1200`` for ``1.200``, the id without Polish letters, the field
or value that was probably meant.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from pomost.l10n import N_, _
from pomost.langs import LANGS
from pomost.records.kinds import of_model
from pomost.records.models import Record, Text
from pomost.records.yamlsource import Unreadable

#: the text of the value written at (line, column) of the file, as typed (None if unknown)
Source = Callable[[int, int], "str | None"]

#: characters that look like a space or like nothing, by name
INVISIBLE = {
    "\u00a0": N_("a non-breaking space (U+00A0)"),
    "\u202f": N_("a narrow non-breaking space (U+202F)"),
    "\u2007": N_("a figure space (U+2007)"),
    "\u200b": N_("a zero-width space (U+200B)"),
    "\u200c": N_("a zero-width non-joiner (U+200C)"),
    "\u200d": N_("a zero-width joiner (U+200D)"),
    "\u2060": N_("a word joiner (U+2060)"),
    "\ufeff": N_("a byte order mark (U+FEFF)"),
    "\u00ad": N_("a soft hyphen (U+00AD)"),
}

#: Polish letters and their ASCII twins, for ids
_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")

_LANGUAGE_NAMES = {"pl": N_("Polish"), "be": N_("Belarusian")}


def label(model: type[Record], raw: Any, path: tuple) -> str:
    """How a message names the record: "person 'jan-kowalski'", or "person #3" without an id."""
    kind = of_model(model).said
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"{kind} '{one_line(raw['id'])}'"
    return f"{kind} #{path[0] + 1}" if path else kind


def field_name(loc: tuple) -> str:
    """('amounts', 0, 'max_pln') -> 'amounts[1].max_pln' (counted from 1, as people count)."""
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or _("record")


def one_line(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: on one line (a line break shows as ↵), not too long."""
    text = re.sub(r"\r\n|\r|\n", "↵", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def invisible(text: str) -> str | None:
    """The name of the first invisible character in ``text``, if it has one."""
    found = next((c for c in text if c in INVISIBLE), None)
    return _(INVISIBLE[found]) if found else None


def ascii_id(text: str) -> str:
    """'Kuźnia Talentów' -> 'kuznia-talentow': the id staff probably meant."""
    plain = unicodedata.normalize("NFKD", str(text).translate(_ASCII))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80]


def did_you_mean(word: Any, options: Iterable[str]) -> str | None:
    """The option closest to ``word`` (a typo, a different case, an invisible character)."""
    text = "".join(c for c in str(word) if c not in INVISIBLE).strip()
    choices = list(options)
    for option in choices:
        if text.lower() == option.lower() or ascii_id(text) == option:
            return option
    close = difflib.get_close_matches(text.lower(), choices, n=1, cutoff=0.6)
    return close[0] if close else None


def meant(word: Any, options: Iterable[str]) -> str:
    """' — did you mean 'x'?' or nothing."""
    guess = did_you_mean(word, options)
    return _(" (did you mean '{guess}'?)").format(guess=guess) if guess else ""


def title(model: type[Record], loc: tuple) -> str:
    """The field at ``loc`` in the staff's words: "„full name”, Belarusian version"."""
    names = [part for part in loc if not isinstance(part, int)]
    lang = names[-1] if names and names[-1] in LANGS else None
    if lang:
        names = names[:-1]
    info = _field_info(model, tuple(names)) if names else None
    said = f"„{_(info.title)}”" if info is not None and info.title else ""
    if lang:
        version = _("{language} version").format(language=_(_LANGUAGE_NAMES[lang]))
        return f"{said}, {version}" if said else version
    return said


def _where(model: type[Record], loc: tuple) -> str:
    """'amounts[1].max_pln („maximum amount in złoty”)': the field as written and as titled."""
    said = title(model, loc)
    return f"{field_name(loc)} ({said})" if said else field_name(loc)


def message(model: type[Record], error: Any, source: Source | None = None,
            at: tuple[int, int] | None = None) -> str:
    """Turn one pydantic error into words a non-programmer can act on.

    ``source`` and ``at`` give the value as typed in the file, for the numbers YAML read in
    another way than people write them (``1.200`` read as 1.2)."""
    loc, kind, value = tuple(error["loc"]), error["type"], error.get("input")
    name = _where(model, loc)
    key = str(loc[-1]) if loc else ""
    typed = source(*at) if source and at else None
    if isinstance(value, Unreadable) and value.is_date:
        return _("{field}: '{value}' is not a real date — check the day and the month "
                 "(YYYY-MM-DD)").format(field=name, value=one_line(value))
    both = _(" — every text needs Polish and Belarusian")
    if kind == "missing":
        if loc and loc[-1] in LANGS:
            return _("{field} is missing{both}: add the line '{lang}: …' with the same "
                     "indentation as the other language, or mark the record as a draft "
                     "(draft: true)").format(field=name, both=both, lang=loc[-1])
        return _("{field} is missing — this field is required: add the line "
                 "'{key}: …'").format(field=name, key=key)
    if kind == "string_too_short":
        return _("{field} is empty{both}").format(
            field=name, both=both if loc[-1] in LANGS else _(" — write the text or remove the field"))
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hidden = invisible(key)
        if hidden:
            return _("unknown field '{key}': it has {char} in it — retype the field name "
                     "with ordinary letters and spaces{meant}").format(
                key=one_line(key), char=hidden, meant=meant(key, allowed))
        return _("unknown field '{key}' — check the spelling{meant}; allowed here: "
                 "{allowed}").format(key=one_line(key), meant=meant(key, allowed),
                                      allowed=", ".join(allowed))
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _number(name, key, value, typed)
    if kind == "greater_than":
        return _("{field} must be more than 0 (found {value})").format(field=name, value=value)
    if kind == "literal_error":
        choices = [v.strip("'") for v in re.findall(r"'[^']*'", error["ctx"]["expected"])]
        return _("{field}: unknown value '{value}'{meant} — use one of: {choices}").format(
            field=name, value=one_line(value), meant=meant(value, choices),
            choices=", ".join(choices))
    if kind == "value_error" and "clock_format" in error["msg"]:
        return _("{field} must be a time written HH:MM, e.g. '10:00' (found '{value}')").format(
            field=name, value=one_line(value))
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return _date(name, key, value)
    if kind == "bool_type":
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return _quoted(name, key, value, value.strip().lower(), N_("a true/false value"))
        meaning = {"yes": "true", "no": "false", "on": "true", "off": "false", "tak": "true",
                   "nie": "false", "y": "true", "n": "false"}.get(str(value).strip().lower())
        if meaning:
            return _("{field} must be true or false (found '{value}') — write {key}: "
                     "{meaning}").format(field=name, value=one_line(value), key=key, meaning=meaning)
        return _("{field} must be true or false (found '{value}')").format(
            field=name, value=one_line(value))
    if kind == "value_error" and "url_scheme" in error["msg"]:
        return _("{field} must be a link starting with https://, http:// or mailto: "
                 "(found '{value}'){fix}").format(field=name, value=one_line(value),
                                                  fix=_link_fix(value))
    if kind == "string_pattern_mismatch":
        return _id(name, value)
    if kind == "string_type":
        if value is None:
            return _("{field} is empty — write a value after the colon or remove the "
                     "line").format(field=name)
        return _("{field} must be text (found '{value}')").format(field=name,
                                                                  value=one_line(value))
    if kind in ("model_type", "model_attributes_type"):
        if loc and _is_text(model, loc):
            hidden = invisible(str(value)) if isinstance(value, str) else None
            if hidden:
                return _("{field} must have a Polish and a Belarusian version ('pl:' and "
                         "'be:' lines), but after the colon there is {char} instead of an "
                         "ordinary space — replace it with a space (found '{value}')").format(
                    field=name, char=hidden, value=one_line(value))
            return _("{field} must have a Polish and a Belarusian version ('pl:' and 'be:' "
                     "lines)").format(field=name)
        if value is None:
            return _("{field} is empty — fill in its fields or remove the line").format(field=name)
        return _("{field} must be a group of 'name: value' lines (found '{value}')").format(
            field=name, value=one_line(value))
    if kind == "list_type":
        return _("{field} must be a list ('- ' lines) (found '{value}')").format(
            field=name, value=one_line(value))
    return f"{name}: {error['msg']}"


def _quoted(name: str, key: str, value: str, plain: str, what: str) -> str:
    return _("{field}: '{value}' is in quotes, so it is text, not {what} — remove the quotes: "
             "{key}: {plain}").format(field=name, value=one_line(value), what=_(what), key=key,
                                       plain=plain)


def _number(name: str, key: str, value: Any, typed: str | None) -> str:
    if isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value):
        return _quoted(name, key, value, value.strip(), N_("a number"))
    if isinstance(value, float):
        written = (typed or "").strip().strip("'\"")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", written):
            return _("{field}: {typed} was read as the decimal number {value}: a dot does not "
                     "separate thousands — write {number}").format(
                field=name, typed=written, value=str(value).replace(".", ","),
                number=written.replace(".", ""))
        return _("{field} must be a whole number without spaces or 'zł' (found '{value}') — "
                 "write whole złoty, without a fraction").format(field=name, value=value)
    # "24 000 zł", "24.000", "24,000 PLN": the digits are the amount
    looks = isinstance(value, str) and re.fullmatch(r"[\d\s.,\u00a0]*\d[\d\s.,\u00a0]*(zł|pln)?\.?\s*",
                                                   value.strip(), re.I)
    digits = re.sub(r"\D", "", str(value)) if looks else ""
    fix = _(" — write {number}").format(number=digits) if digits and not digits.startswith("0") else ""
    return _("{field} must be a whole number without spaces or 'zł' (found '{value}'){fix}").format(
        field=name, value=one_line(value), fix=fix)


def _date(name: str, key: str, value: Any) -> str:
    if isinstance(value, str):
        text = value.strip()
        try:
            dt.date.fromisoformat(text)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return _quoted(name, key, value, text, N_("a date"))
        except ValueError:
            pass
        match = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})( r\.?)?", text)
        if match:
            day, month, year = (int(g) for g in match.groups()[:3])
            try:
                fixed = dt.date(year, month, day).isoformat()
            except ValueError:
                fixed = ""
            if fixed:
                return _("{field} must be a date written YYYY-MM-DD (found '{value}') — write "
                         "{key}: {fixed}").format(field=name, value=one_line(value), key=key,
                                                  fixed=fixed)
    return _("{field} must be a date written YYYY-MM-DD (found '{value}')").format(
        field=name, value=one_line(value))


def _link_fix(value: Any) -> str:
    text = str(value).strip()
    if re.fullmatch(r"[^\s@:/]+@[^\s@]+\.[^\s@]+", text):
        return _(" — write mailto:{address}").format(address=text)
    if re.fullmatch(r"(www\.)?[^\s@:/]+\.[a-z]{2,}(/\S*)?", text, re.I):
        return _(" — write https://{address}").format(address=text)
    return ""


def _id(name: str, value: Any) -> str:
    text = str(value)
    hidden = invisible(text)
    if hidden:
        return _("{field} '{value}' has {char} in it — retype the id with ordinary letters, "
                 "e.g. '{fixed}'").format(field=name, value=one_line(value), char=hidden,
                                          fixed=ascii_id(text))
    fixed = ascii_id(text)
    example = fixed or "kuznia-talentow"
    return _("{field} '{value}' is not a valid id — use lower-case letters without Polish "
             "characters, digits and hyphens: '{fixed}'").format(
        field=name, value=one_line(value), fixed=example)


def _field_info(model: type[BaseModel], names: tuple) -> Any:
    """The FieldInfo of the field at ``names`` (no list indexes), or None."""
    current: Any = model
    info = None
    for part in names:
        fields = getattr(current, "model_fields", None) if isinstance(current, type) else None
        info = fields.get(part) if fields else None
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return info


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
