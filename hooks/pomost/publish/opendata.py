"""Open data: every record type as JSON (both languages) and as CSV (one language).

The files come from the same validated records as the pages. JSON keeps each
record's own structure — the model's fields, as in data/*.yml, so the schemas in
data/schemas/ describe it. CSV flattens a record into one row for spreadsheets:
one column per model field, ';'-separated, UTF-8 with BOM (Polish Excel opens it
without an import dialog), texts in the file's language. The column list that
the site documents is read from the same models, so it cannot drift.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from pydantic import TypeAdapter

from pomost.publish.spreadsheet import excel_csv
from pomost.records.catalog import Catalog
from pomost.records.kinds import Kind, published
from pomost.records.models import Amount, Id, Note, Offer, Record, Step, Text, Url
from pomost.render.links import Links
from pomost.render.wording import Wording

#: the site folder of the open-data page and its files (docs/dane.md)
FOLDER = "dane"


@dataclass(frozen=True)
class Dataset:
    name: str              # file name stem, Polish like the site's section folders
    records: str           # the Catalog attribute that holds the records
    model: type[Record]

    @classmethod
    def of(cls, kind: Kind) -> Dataset:
        return cls(str(kind.dataset), kind.attr, kind.model)


#: every kind published as open data (records/kinds.py: those with a ``dataset``)
DATASETS = tuple(Dataset.of(kind) for kind in published())

#: record parts that are lists of small records, documented after the record types
PARTS = {"amounts": Amount, "offers": Offer, "how_to_apply": Step, "notes": Note}
#: the type of each list of parts -> its shape
_PART_SHAPES = {Amount: "amounts", Offer: "offers", Step: "steps", Note: "notes"}

#: code fields whose codes are labelled by UI strings with another prefix than the field name
CODE_LABELS = {"kind": "note"}


@dataclass(frozen=True)
class Column:
    """One field of a model: one CSV column, one JSON key."""

    name: str
    shape: str             # text plain id code number date link flag ids amounts notes
    always: bool           # every record has a value (required, or a default like days: 1)
    choices: tuple[str, ...] = ()


def columns(model: type[Record]) -> list[Column]:
    """The model's fields in their order, with what kind of value each holds."""
    result = []
    for name, info in model.model_fields.items():
        if info.exclude:  # draft: drafts are never published
            continue
        # pydantic moves a required field's Annotated[...] metadata out of its annotation
        annotation = _optional_of(typing.Annotated[(info.annotation, *info.metadata)]
                                  if info.metadata else info.annotation)
        if (typing.get_origin(annotation) is typing.Annotated
                and typing.get_origin(typing.get_args(annotation)[0]) is Literal):
            annotation = typing.get_args(annotation)[0]  # a code with its Meanings (models.py)
        choices = typing.get_args(annotation) if typing.get_origin(annotation) is Literal else ()
        always = info.is_required() or info.default not in (None, [])
        result.append(Column(name, _shape(annotation), always, choices))
    return result


def _optional_of(annotation: Any) -> Any:
    """X for Optional[X], else the annotation itself."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _shape(annotation: Any) -> str:
    if typing.get_origin(annotation) is list:
        item = typing.get_args(annotation)[0]
        return _PART_SHAPES.get(item, "ids")
    if typing.get_origin(annotation) is Literal:
        return "code"
    if annotation == Url:
        return "link"
    if annotation == Id:
        return "id"
    if typing.get_origin(annotation) is typing.Annotated:  # PositiveInt, NonEmpty…
        annotation = typing.get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, Text):  # a Name too
        return "text"
    for kind, shape in ((bool, "flag"), (int, "number"), (dt.date, "date")):
        if annotation is kind:
            return shape
    return "plain"


def json_path(dataset: Dataset) -> str:
    """Both languages in one file, at the site root."""
    return f"{FOLDER}/{dataset.name}.json"


def csv_path(dataset: Dataset, lang: str, prefix: str) -> str:
    """One file per language, beside that language's open-data page; the name says the language."""
    return f"{prefix}{FOLDER}/{dataset.name}-{lang}.csv"


def to_json(catalog: Catalog, dataset: Dataset) -> bytes:
    """The records as a JSON list, each ``model_dump(mode="json")`` of its record."""
    records = list(getattr(catalog, dataset.records).values())
    adapter: TypeAdapter[list[Any]] = TypeAdapter(list[dataset.model])  # type: ignore[name-defined]
    return adapter.dump_json(records, indent=2) + b"\n"


@dataclass(frozen=True)
class Download:
    href: str              # relative to the page that links it
    name: str              # the file name a reader saves
    size: str              # as the link shows it
    label: str             # "JSON" or "CSV"


class OpenData:
    """The open-data files of one language, with the cell texts of that language.

    ``words`` word amounts and periods in CSV cells exactly as the pages do.
    """

    datasets = DATASETS
    parts = PARTS
    columns = staticmethod(columns)

    def __init__(self, catalog: Catalog, words: Wording, links: Links) -> None:
        self.catalog, self.words, self.links = catalog, words, links
        self.lang, self.prefix = words.lang, links.prefix

    def dataset(self, records: str) -> Dataset:
        return next(d for d in DATASETS if d.records == records)

    def count(self, dataset: Dataset) -> int:
        return len(getattr(self.catalog, dataset.records))

    def downloads(self, dataset: Dataset, page_url: str) -> list[Download]:
        """The JSON and this language's CSV of ``dataset``, linked from ``page_url``."""
        return [Download(self.links.link(page_url, path), path.rpartition("/")[2],
                         self.words.size(content), label)
                for label, path, content in (
                    ("JSON", json_path(dataset), self.json_bytes(dataset)),
                    ("CSV", csv_path(dataset, self.lang, self.prefix), self.csv_bytes(dataset)))]

    def page_url(self, page_url: str) -> str:
        """Relative link from ``page_url`` to this language's open-data page."""
        return self.links.link(page_url, f"{self.prefix}{FOLDER}/")

    @cached_property
    def _content(self) -> dict[str, bytes]:
        """Site path -> content of every file this language's pages link."""
        out = {}
        for dataset in DATASETS:
            out[json_path(dataset)] = to_json(self.catalog, dataset)
            out[csv_path(dataset, self.lang, self.prefix)] = self.to_csv(dataset)
        return out

    @property
    def files(self) -> dict[str, bytes]:
        """What this language's build writes: its CSVs, and the JSONs once, in the default one."""
        return {path: content for path, content in self._content.items()
                if not (self.prefix and path.endswith(".json"))}

    def json_bytes(self, dataset: Dataset) -> bytes:
        return self._content[json_path(dataset)]

    def csv_bytes(self, dataset: Dataset) -> bytes:
        return self._content[csv_path(dataset, self.lang, self.prefix)]

    def to_csv(self, dataset: Dataset) -> bytes:
        cols = columns(dataset.model)
        records = getattr(self.catalog, dataset.records).values()
        return excel_csv([[c.name for c in cols],
                          *([self.cell(c, getattr(r, c.name)) for c in cols] for r in records)])

    def cell(self, column: Column, value: Any) -> str:
        """A field's value as spreadsheet text; lists of parts one per line of the cell."""
        if value is None:
            return ""
        if column.shape == "text":
            return self.words.text(value)
        if column.shape == "date":
            return value.isoformat()
        if column.shape == "flag":
            return "true" if value else "false"
        if column.shape == "ids":
            return ", ".join(value)
        if column.shape == "amounts":
            return "\n".join(f"{self.words.amount_text(a)} — {self.words.text(a.purpose)}" for a in value)
        if column.shape == "offers":
            return "\n".join(self.offer_line(offer) for offer in value)
        if column.shape == "steps":
            return "\n".join(f"{self.words.text(step.text)} ({step.source})" for step in value)
        if column.shape == "notes":
            t = self.words.strings
            return "\n".join(f"{t['note_' + n.kind]}: {self.words.text(n.text)}"
                             + (f" ({n.source})" if n.source else "") for n in value)
        return str(value)

    def offer_line(self, offer: Offer) -> str:
        """One offer in one line: '2024 r., <provider>: do … — purpose; … (source)'."""
        w = self.words
        provider = self.catalog.centres.get(offer.provider or "")
        who = f", {w.text(provider.name)}" if provider else ""
        amounts = "; ".join(f"{w.amount_text(a)} — {w.text(a.purpose)}" for a in offer.amounts)
        return f"{w.year(offer.year)}{who}: {amounts} ({offer.source})"

    def choices(self, column: Column) -> list[tuple[str, str | None]]:
        """(code, its UI label if the site has one) for a code column."""
        prefix = CODE_LABELS.get(column.name, column.name)
        keys = set(self.words.strings.keys())
        return [(code, self.words.strings[f"{prefix}_{code}"] if f"{prefix}_{code}" in keys else None)
                for code in column.choices]

    def meaning(self, dataset_records: str, column: Column) -> str:
        """The column's description: a label for this record type, else one for the field."""
        t = self.words.strings
        specific = f"col_{dataset_records}_{column.name}"
        return t[specific] if specific in set(t.keys()) else t[f"col_{column.name}"]
