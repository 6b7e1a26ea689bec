"""Load and validate everything in data/ into one Catalog, or report every problem.

All problems of all files are collected before anything fails, one line each,
``file:line:col: record 'id': what is wrong — how to fix it``, so staff can fix
a whole batch of mistakes in one go. Which files there are, and what they hold, comes
from the registry of kinds (pomost/records/kinds.py).

Drafts are decided here, once, for every kind that can have them (``Kind.drafts``): a
record with ``draft: true`` is validated like any other, except that its Belarusian texts may
be missing (the page shows the Polish text in their place). ``load_catalog(drafts=True)``
keeps drafts (the preview, ``pomost check``), with the untranslated fields of each in
``Catalog.drafts``; ``drafts=False`` (the published build) leaves them out, and every link to
one, and says so in ``Catalog.left_out``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pomost.l10n import _, ngettext
from pomost.langs import LANGS
from pomost.records import layout, messages, quality, rules, yamlsource
from pomost.records.kinds import KINDS, Kind, kind
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
    #: kind attr -> id -> (file, line, column) of the record's id
    places: dict[str, dict[str, tuple[str, int, int]]] = field(default_factory=dict)
    #: kind attr -> id -> the fields still without Belarusian, for each draft kept
    drafts: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    #: what the published build left out: the drafts, and the links to them
    left_out: list[Problem] = field(default_factory=list)

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

    def is_draft(self, kind_name: str, rid: str) -> bool:
        return rid in self.drafts.get(kind(kind_name).attr, {})

    def place(self, kind_name: str, rid: str) -> tuple[str, int, int]:
        """(file, line, column) of the record, for messages about it."""
        kind_ = kind(kind_name)
        return self.places.get(kind_.attr, {}).get(rid, (f"data/{kind_.file}", 1, 1))

    def replace(self, **changes: Any) -> Catalog:
        """A copy with some kinds' records (by attr) or fields replaced (tests, benchmarks)."""
        records = {attr: changes.pop(attr, value) for attr, value in self.records.items()}
        return replace(self, records=records, **changes)


def load_catalog(data_dir: Path, *, drafts: bool = True) -> Catalog:
    """Every record in ``data_dir``, validated; with the drafts, or (``drafts=False``, what is
    published) without them and without the links to them."""
    problems: list[Problem] = []
    loaded: dict[str, Any] = {}
    docs: dict[str, Document] = {}
    coverage: dict[str, tuple[int, int]] = {}
    places: dict[str, dict[str, tuple[str, int, int]]] = {}
    untranslated: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind_ in KINDS:
        kept = layout.layout(data_dir, kind_)
        if kept == "both":
            problems.append(layout.both_problem(kind_))
            continue
        path = data_dir / kind_.file
        try:
            # says so when the file is missing, a folder, unreadable or too large
            doc = (layout.load_folder(data_dir, kind_) if kept == "folder"
                   else yamlsource.load(path, f"data/{kind_.file}"))
        except yamlsource.YamlError as err:
            problems.extend(err.problems)
            continue
        docs[kind_.name] = doc
        coverage[doc.file] = _coverage(doc.value)
        readers = ([_Reader(p) for p in doc.paths] if isinstance(doc, layout.RecordsDocument)
                   else _Reader(path))
        if kind_.many:
            found = _records(doc, kind_, problems, readers)
            loaded[kind_.attr] = {rid: record for rid, (record, _untranslated) in found.items()}
            untranslated[kind_.attr] = {rid: fields for rid, (record, fields) in found.items()
                                        if getattr(record, "draft", False)}
            places[kind_.attr] = {rid: (doc.file_at((index,)), *doc.where((index, "id")))
                                  for index, rid in _ids(doc)}
            problems.extend(_duplicate_ids(doc))
        else:
            assert isinstance(readers, _Reader)
            one = _one(doc, kind_, (), problems, readers)
            loaded[kind_.attr] = one[0] if one else None
    if problems:
        raise DataError(problems)
    singles = {k.attr: loaded.pop(k.attr) for k in KINDS if not k.many}
    catalog = Catalog(records=loaded, coverage=coverage, places=places, drafts=untranslated,
                      **singles)
    problems = list(rules.problems(catalog, docs, data_dir.parent))
    if problems:
        raise DataError(problems)
    return catalog if drafts else without_drafts(catalog)


def without_drafts(catalog: Catalog) -> Catalog:
    """The catalog as published: no drafts, no links to them; what was left out is listed."""
    gone = {attr: set(ids) for attr, ids in catalog.drafts.items() if ids}
    if not gone:
        return catalog
    left_out: list[Problem] = []
    for kind_ in KINDS:
        for rid in sorted(gone.get(kind_.attr, ())):
            left_out.append(Problem(*catalog.place(kind_.name, rid), _(
                "{record} is a draft (draft: true): it is left out of the published site"
            ).format(record=f"{kind_.said} '{rid}'")))
    records = {attr: {rid: r for rid, r in by_id.items() if rid not in gone.get(attr, ())}
               for attr, by_id in catalog.records.items()}
    for source in KINDS:
        if source.attr not in records:
            continue
        for rid, record in list(records[source.attr].items()):
            changes = {}
            for field_name, target_name in source.links.items():
                target = kind(target_name)
                value = getattr(record, field_name)
                dropped = [ref for ref in (value if isinstance(value, list) else [value])
                           if ref in gone.get(target.attr, ())]
                if not dropped:
                    continue
                changes[field_name] = ([ref for ref in value if ref not in dropped]
                                       if isinstance(value, list) else None)
                for ref in dropped:
                    left_out.append(Problem(*catalog.place(source.name, rid), _(
                        "{record}: {field} links to the draft {target} — the link is left out "
                        "until the draft is published").format(
                        record=f"{source.said} '{rid}'", field=field_name,
                        target=f"{target.said} '{ref}'")))
            if changes:
                records[source.attr][rid] = record.model_copy(update=changes)
    return catalog.replace(**records, drafts={}, left_out=left_out)


def draft_summary(catalog: Catalog) -> str | None:
    """One line about the drafts in the catalog, for `pomost check`; None if there are none."""
    count = sum(len(ids) for ids in catalog.drafts.values())
    if not count:
        return None
    return ngettext("{count} draft (draft: true): shown by the preview, not published",
                    "{count} drafts (draft: true): shown by the preview, not published",
                    count).format(count=count)


def check_record(kind_: Kind, doc: Document, text: str) -> list[Problem]:
    """What `pomost check` says of one record alone (``doc``, parsed from ``text``, holding
    one record of ``kind_``): its fields, values and texts, not the rules across files."""
    problems: list[Problem] = []
    reader = _Reader(Path())
    reader._lines = text.splitlines()
    found = _one(doc, kind_, (), problems, reader)
    if found and not problems:
        lone = _Shifted(doc.file, [doc.value], {}, {}, record=doc) if kind_.many else doc
        problems.extend(quality.problems(kind_, lone))
    return problems


@dataclass
class _Shifted(Document):
    """One record's document read as the first of a list (for checks written for lists)."""

    record: Document | None = None

    def where(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        assert self.record is not None
        return self.record.where(path[1:], key=key)

    def file_at(self, path: tuple) -> str:
        return self.file


class _Reader:
    """The text of a value as typed in the file (read only when a message needs it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: list[str] | None = None

    def __call__(self, line: int, column: int) -> str | None:
        if self._lines is None:
            try:
                self._lines = self.path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines = []
        if not 0 < line <= len(self._lines):
            return None
        rest = self._lines[line - 1][column - 1:]
        return re.split(r"\s#|[,}\]]", rest, maxsplit=1)[0].strip()


# ---------------------------------------------------------------------------
# One file
# ---------------------------------------------------------------------------

def _records(doc: Document, kind_: Kind, problems: list[Problem],
             reader: _Reader | list[_Reader]) -> dict[str, tuple[Record, tuple[str, ...]]]:
    if not isinstance(doc.value, list):
        line, col = doc.where(())
        problems.append(Problem(doc.file_at(()), line, col, _(
            "the file must be a list of records, each starting with '- id:'")))
        return {}
    records: dict[str, tuple[Record, tuple[str, ...]]] = {}
    for index in range(len(doc.value)):
        found = _one(doc, kind_, (index,), problems,
                     reader[index] if isinstance(reader, list) else reader)
        if found:
            records.setdefault(found[0].id, found)  # type: ignore[attr-defined]
    return records


def _ids(doc: Document) -> Iterator[tuple[int, str]]:
    for index, raw in enumerate(doc.value if isinstance(doc.value, list) else []):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            yield index, raw["id"]


def _one(doc: Document, kind_: Kind, path: tuple, problems: list[Problem], reader: _Reader
         ) -> tuple[Record, tuple[str, ...]] | None:
    """The record at ``path`` and, for a draft, the fields it has without Belarusian."""
    model = kind_.model
    raw = doc.value
    for step in path:
        raw = raw[step]
    label = messages.label(model, raw, path)
    if not isinstance(raw, dict):
        line, col = doc.where(path)
        problems.append(Problem(doc.file_at(path), line, col, _(
            "{record}: expected fields ('name: value' lines), found '{value}'").format(
            record=label, value=messages.one_line(raw))))
        return None
    untranslated: tuple[str, ...] = ()
    try:
        return model.model_validate(raw), untranslated
    except ValidationError as err:
        errors = err.errors()
    if kind_.drafts and raw.get("draft") is True:
        # A draft may lack its Belarusian texts: the Polish text stands in for them.
        lacking = [tuple(e["loc"]) for e in errors if _lacks_belarusian(e)]
        if lacking:
            raw = _with_polish_for(raw, lacking)
            untranslated = tuple(messages.field_name(loc[:-1]) for loc in lacking)
            try:
                return model.model_validate(raw), untranslated
            except ValidationError as again:
                errors = again.errors()
    for error in errors:
        loc = path + tuple(error["loc"])
        line, col = doc.where(loc, key=error["type"] == "extra_forbidden")
        problems.append(Problem(doc.file_at(loc), line, col, f"{label}: " + messages.message(
            model, error, reader, doc.where(loc))))
    return None


def _lacks_belarusian(error: Any) -> bool:
    loc = tuple(error["loc"])
    return bool(loc) and loc[-1] == "be" and (
        error["type"] in ("missing", "string_too_short")
        or (error["type"] == "string_type" and error.get("input") is None))


def _with_polish_for(raw: dict, locs: list[tuple]) -> dict:
    """A copy of ``raw`` whose texts at ``locs`` (each ending in 'be') hold their Polish."""
    copy = copy_deep(raw)
    for loc in locs:
        text = copy
        for step in loc[:-1]:
            text = text[step]
        if isinstance(text, dict) and isinstance(text.get("pl"), str):
            text["be"] = text["pl"]
    return copy


def copy_deep(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: copy_deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_deep(v) for v in value]
    return value


def _duplicate_ids(doc: Document) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc.value if isinstance(doc.value, list) else []):
        rid = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(rid, str):
            continue
        if rid not in seen:
            seen[rid] = index
            continue
        line, col = doc.where((index, "id"))
        if isinstance(doc, layout.RecordsDocument):
            text = _("the id '{id}' is used twice (also in {file}) — every record needs its "
                     "own id").format(id=messages.one_line(rid), file=doc.file_at((seen[rid],)))
        else:
            text = _("the id '{id}' is used twice (also record #{number}) — every record needs "
                     "its own id").format(id=messages.one_line(rid), number=seen[rid] + 1)
        yield Problem(doc.file_at((index,)), line, col, text)


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

