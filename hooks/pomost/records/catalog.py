"""Load and validate everything in data/ into one Catalog, or report every problem.

All problems of all files are collected before anything fails, one line each,
``file:line:col: record 'id': what is wrong — how to fix it``, so staff can fix
a whole batch of mistakes in one go. Which files there are, and what they hold, comes
from the registry of kinds (pomost/records/kinds.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pomost.langs import LANGS
from pomost.records import messages, rules, yamlsource
from pomost.records.kinds import KINDS, kind
from pomost.records.models import AccessibilityStatement, Record, Settings
from pomost.records.yamlsource import Document, Problem


class DataError(Exception):
    """The data cannot be published; ``problems`` says why, one per line."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Catalog:
    """Every validated record, by kind and id, in the order of the files.

    ``catalog.organisations`` (a kind's ``attr``) or ``catalog.of("organisation")`` gives the
    records of a kind; the two files that hold one record each are fields of their own.
    """

    #: kind attr ("organisations") -> id -> record
    records: dict[str, dict[str, Any]]
    settings: Settings
    accessibility: AccessibilityStatement
    #: file name -> (texts with both languages, texts in all) for the coverage report
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __getattr__(self, attr: str) -> dict[str, Any]:
        # Only called for names that are not fields; guarded so that pickle and copy, which
        # look up special names on a bare instance, never recurse.
        records = self.__dict__.get("records")
        if attr.startswith("_") or records is None or attr not in records:
            raise AttributeError(attr)
        return records[attr]

    def of(self, kind_name: str) -> dict[str, Any]:
        """The records of the kind called ``kind_name`` ("organisation")."""
        return self.records[kind(kind_name).attr]

    def replace(self, **changes: Any) -> Catalog:
        """A copy with some kinds' records (by attr) or fields replaced (tests, benchmarks)."""
        records = {attr: changes.pop(attr, value) for attr, value in self.records.items()}
        return replace(self, records=records, **changes)


def load_catalog(data_dir: Path) -> Catalog:
    problems: list[Problem] = []
    loaded: dict[str, Any] = {}
    docs: dict[str, Document] = {}
    coverage: dict[str, tuple[int, int]] = {}
    for kind_ in KINDS:
        name = f"data/{kind_.file}"
        path = data_dir / kind_.file
        try:
            # says so when the file is missing, a folder, unreadable or too large
            doc = yamlsource.load(path, name)
        except yamlsource.YamlError as err:
            problems.extend(err.problems)
            continue
        docs[kind_.name] = doc
        coverage[name] = _coverage(doc.value)
        if kind_.many:
            loaded[kind_.attr] = _records(doc, kind_.model, problems)
            problems.extend(_duplicate_ids(doc))
        else:
            found = _one(doc, kind_.model, (), problems)
            loaded[kind_.attr] = found[1] if found else None
    if problems:
        raise DataError(problems)
    singles = {k.attr: loaded.pop(k.attr) for k in KINDS if not k.many}
    catalog = Catalog(records=loaded, coverage=coverage, **singles)
    problems = list(rules.problems(catalog, docs, data_dir.parent))
    if problems:
        raise DataError(problems)
    return catalog


# ---------------------------------------------------------------------------
# One file
# ---------------------------------------------------------------------------

def _records(doc: Document, model: type[Record], problems: list[Problem]) -> dict[str, Record]:
    if not isinstance(doc.value, list):
        line, col = doc.where(())
        problems.append(Problem(doc.file, line, col,
                                "the file must be a list of records, each starting with '- id:'"))
        return {}
    records: dict[str, Record] = {}
    for index in range(len(doc.value)):
        found = _one(doc, model, (index,), problems)
        if found:
            records.setdefault(found[1].id, found[1])  # type: ignore[attr-defined]
    return records


def _one(doc: Document, model: type[Record], path: tuple,
         problems: list[Problem]) -> tuple[int, Record] | None:
    raw = doc.value
    for step in path:
        raw = raw[step]
    label = messages.label(model, raw, path)
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
                                    f"{label}: {messages.message(model, error)}"))
        return None
    return (path[0] if path else 0, record)


def _duplicate_ids(doc: Document) -> Iterator[Problem]:
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

