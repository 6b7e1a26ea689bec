"""Load and validate everything in data/ into one Catalog, or report every problem.

All problems of all files are collected before anything fails, one line each,
``file:line:col: record 'id': what is wrong — how to fix it``, so staff can fix
a whole batch of mistakes in one go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from . import yamlsource
from .models import (
    RECORD_FILES, AccessibilityStatement, Event, Instrument, News, Organisation, Person,
    Record, Settings, Text,
)
from .strings import LANGS
from .yamlsource import Document, Problem, Unreadable

_KIND = {Instrument: "instrument", Organisation: "organisation", Person: "person",
         Event: "event", News: "news", Settings: "settings",
         AccessibilityStatement: "accessibility statement"}
#: the file name of the calendar of all events, beside the events' own (ical.py)
CALENDAR_NAME = "kalendarz"
#: the folder in docs/ of the news pages that data/news.yml describes
NEWS_FOLDER = "aktualnosci"


class DataError(Exception):
    """The data cannot be published; ``problems`` says why, one per line."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Catalog:
    """Every validated record, by id, in the order of the files."""

    instruments: dict[str, Instrument]
    organisations: dict[str, Organisation]
    people: dict[str, Person]
    events: dict[str, Event]
    news: dict[str, News]
    settings: Settings
    accessibility: AccessibilityStatement
    #: file name -> (texts with both languages, texts in all) for the coverage report
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> dict[str, Record]:
        """The records that get pages: kind is instrument, organisation or event."""
        return {"instrument": self.instruments, "organisation": self.organisations,
                "event": self.events}[kind]


def load_catalog(data_dir: Path) -> Catalog:
    problems: list[Problem] = []
    loaded: dict[str, Any] = {}
    coverage: dict[str, tuple[int, int]] = {}
    for file_name, (model, many) in RECORD_FILES.items():
        name = f"data/{file_name}"
        path = data_dir / file_name
        if not path.is_file():
            problems.append(Problem(name, 1, 1, "the file is missing"))
            continue
        try:
            doc = yamlsource.load(path, name)
        except yamlsource.YamlError as err:
            problems.extend(err.problems)
            continue
        coverage[name] = _coverage(doc.value)
        loaded[file_name] = (_records(doc, model, problems) if many
                             else _one(doc, model, (), problems))
        if many:
            problems.extend(_duplicate_ids(doc, loaded[file_name]))
    if problems:
        raise DataError(problems)
    catalog = Catalog(
        instruments=loaded["instruments.yml"],
        organisations=loaded["organisations.yml"],
        people=loaded["people.yml"],
        events=loaded["events.yml"],
        news=loaded["news.yml"],
        settings=loaded["site.yml"][1],
        accessibility=loaded["accessibility.yml"][1],
        coverage=coverage,
    )
    problems = list(_check_references(catalog, data_dir))
    if problems:
        raise DataError(problems)
    return catalog


# ---------------------------------------------------------------------------
# One file
# ---------------------------------------------------------------------------

def _records(doc: Document, model: type[Record], problems: list[Problem]):
    if not isinstance(doc.value, list):
        line, col = doc.where(())
        problems.append(Problem(doc.file, line, col,
                                "the file must be a list of records, each starting with '- id:'"))
        return {}
    records: dict[str, tuple[int, Record]] = {}
    for index, raw in enumerate(doc.value):
        found = _one(doc, model, (index,), problems)
        if found and found[1].id not in records:
            records[found[1].id] = found
    return {rid: record for rid, (_, record) in records.items()}


def _one(doc: Document, model: type[Record], path: tuple, problems: list[Problem]):
    raw = doc.value
    for step in path:
        raw = raw[step]
    label = _label(model, raw, path)
    if not isinstance(raw, dict):
        line, col = doc.where(path)
        problems.append(Problem(doc.file, line, col,
                                f"{label}: expected fields ('name: value' lines), found '{raw}'"))
        return None
    try:
        record = model.model_validate(raw)
    except ValidationError as err:
        for error in err.errors():
            loc = path + tuple(error["loc"])
            line, col = doc.where(loc, key=error["type"] == "extra_forbidden")
            problems.append(Problem(doc.file, line, col,
                                    f"{label}: {_message(model, error)}"))
        return None
    return (path[0] if path else 0, record)


def _label(model: type[Record], raw: Any, path: tuple) -> str:
    kind = _KIND[model]
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"{kind} '{raw['id']}'"
    return f"{kind} #{path[0] + 1}" if path else kind


def _field(loc: tuple) -> str:
    """('amounts', 0, 'max_pln') -> 'amounts[1].max_pln' (counted from 1, as people count)."""
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "record"


def _message(model: type[Record], error: dict) -> str:
    """Turn one pydantic error into words a non-programmer can act on."""
    loc, kind, value = tuple(error["loc"]), error["type"], error.get("input")
    name = _field(loc)
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
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if isinstance(current, type) else None
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


def _duplicate_ids(doc: Document, records: dict) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc.value if isinstance(doc.value, list) else []):
        rid = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(rid, str):
            continue
        if rid in seen:
            line, col = doc.where((index, "id"))
            yield Problem(doc.file, line, col,
                          f"the id '{rid}' is used twice (also record #{seen[rid] + 1}) — "
                          "every record needs its own id")
        else:
            seen[rid] = index


def _coverage(value: Any) -> tuple[int, int]:
    """(texts with both languages, texts) anywhere in a parsed file."""
    complete = total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if set(item) & set(LANGS) and set(item) - {"origin"} <= set(LANGS):  # Text, Name
                total += 1
                complete += all(isinstance(item.get(lang), str) and item[lang].strip()
                                for lang in LANGS)
                continue
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return complete, total


# ---------------------------------------------------------------------------
# Across files
# ---------------------------------------------------------------------------

def _check_references(catalog: Catalog, data_dir: Path) -> Iterator[Problem]:
    """References to records that do not exist, and amounts that contradict themselves."""
    docs: dict[str, Document] = {}

    def doc(file_name: str) -> Document:
        if file_name not in docs:
            docs[file_name] = yamlsource.load(data_dir / file_name, f"data/{file_name}")
        return docs[file_name]

    def index_of(file_name: str, rid: str) -> int:
        return next(i for i, raw in enumerate(doc(file_name).value) if raw.get("id") == rid)

    targets = {"instruments": catalog.instruments, "organisations": catalog.organisations,
               "people": catalog.people, "organisation": catalog.organisations,
               "part_of": catalog.events, "events": catalog.events}
    sources = [("organisations.yml", "organisation", catalog.organisations),
               ("people.yml", "person", catalog.people),
               ("events.yml", "event", catalog.events),
               ("news.yml", "news", catalog.news)]
    for file_name, kind, records in sources:
        for rid, record in records.items():
            for name, known in targets.items():
                value = getattr(record, name, None)
                refs = value if isinstance(value, list) else ([value] if value else [])
                for i, ref in enumerate(refs):
                    if ref in known and not (name == "part_of" and ref == rid):
                        continue
                    path = (index_of(file_name, rid), name) + ((i,) if isinstance(value, list) else ())
                    line, col = doc(file_name).where(path)
                    what = "itself" if ref == rid else f"'{ref}', which does not exist"
                    yield Problem(f"data/{file_name}", line, col,
                                  f"{kind} '{rid}': {name} refers to {what} — "
                                  f"check the id against data/{_file_of(name)}")
    entity = catalog.accessibility.entity
    if entity not in catalog.organisations:
        line, col = doc("accessibility.yml").where(("entity",))
        yield Problem("data/accessibility.yml", line, col,
                      f"entity refers to '{entity}', which does not exist — "
                      "check the id against data/organisations.yml")
    for rid, instrument in catalog.instruments.items():
        for i, amount in enumerate(instrument.amounts):
            problem = _amount_problem(amount)
            if problem:
                line, col = doc("instruments.yml").where(
                    (index_of("instruments.yml", rid), "amounts", i))
                yield Problem("data/instruments.yml", line, col,
                              f"instrument '{rid}': amounts[{i + 1}]: {problem}")
    for rid, event in catalog.events.items():
        for name, problem in _event_problems(event):
            line, col = doc("events.yml").where((index_of("events.yml", rid), name))
            yield Problem("data/events.yml", line, col, f"event '{rid}': {name}: {problem}")
    docs = data_dir.parent / "docs"
    for rid in catalog.news:
        # data/ checked on its own, with no docs/ beside it, has no pages to compare with.
        if docs.is_dir() and not (docs / NEWS_FOLDER / f"{rid}.md").is_file():
            line, col = doc("news.yml").where((index_of("news.yml", rid), "id"))
            yield Problem("data/news.yml", line, col,
                          f"news '{rid}': there is no page docs/{NEWS_FOLDER}/{rid}.md — the id "
                          "must be the name of the news page it describes")


def _file_of(name: str) -> str:
    return {"instruments": "instruments.yml", "people": "people.yml",
            "part_of": "events.yml", "events": "events.yml"}.get(name, "organisations.yml")


def _event_problems(event: Event) -> Iterator[tuple[str, str]]:
    """(field, problem) for times that cannot be placed in a calendar, and reserved ids."""
    if event.id == CALENDAR_NAME:
        yield "id", (f"'{CALENDAR_NAME}' is the name of the calendar of all events "
                     "(wydarzenia/kalendarz.ics) — choose another id")
    if event.time and not event.date:
        yield "time", "a time needs a date — add date: YYYY-MM-DD or remove the time"
    if event.end_time and not event.time:
        yield "end_time", "an end time needs a start time — add time: 'HH:MM'"
    elif event.end_time and event.days == 1 and event.end_time <= event.time:
        yield "end_time", (f"the event ends ({event.end_time:%H:%M}) before it starts "
                           f"({event.time:%H:%M}) — for an event over midnight set days: 2")


def _amount_problem(amount) -> str | None:
    months = (amount.from_month, amount.to_month)
    if amount.payment == "monthly":
        if None in months:
            return "a monthly amount needs from_month and to_month"
        if amount.to_month < amount.from_month:
            return "to_month must not be before from_month"
    elif months != (None, None):
        return "a one-off amount has no from_month/to_month — remove them or set payment: monthly"
    return None

