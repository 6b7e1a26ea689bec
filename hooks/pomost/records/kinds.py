"""The record kinds of Pomost: one entry per kind, and every table about kinds derived from it.

A kind says where its records are kept (``data/<file>``), which model validates them, which
folder their pages live in, what the open data calls them, which field is their heading and
which of their fields name records of other kinds. Validation, the catalog, the pages, the
lists on hand-written pages, the open data, the benchmark and the tests all read this
registry; adding a kind is one ``Kind`` here, its model in ``records/models.py`` and its
templates ``render/templates/<name>.html`` (the page) and ``<name>_list.html`` (the list).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pomost.l10n import N_, _
from pomost.records.models import (
    AccessibilityStatement,
    County,
    Draftable,
    Event,
    Instrument,
    News,
    Organisation,
    Person,
    Record,
    Settings,
    SupportCentre,
    Term,
)


@dataclass(frozen=True)
class Kind:
    #: singular, as messages and templates name one record: "organisation"
    name: str
    model: type[Record]
    #: its file in data/
    file: str
    #: the catalog's name for all of them, and the name of their list marker: "organisations"
    attr: str
    #: False for a file that holds one record (site.yml, accessibility.yml)
    many: bool = True
    #: the URL folder of their pages, the same in every language ("organizacje")
    folder: str | None = None
    #: "generated": a page per record made from its template; "hand-written": the record
    #: describes a page in docs/<folder>/<id>.md; None: no pages of its own
    pages: Literal["generated", "hand-written"] | None = None
    #: the file name stem of its open-data files ("organizacje"), None if not published
    dataset: str | None = None
    #: the field that is the record's heading and page title
    heading: str = "name"
    #: field -> the kind whose ids it holds (one id, or a list of ids)
    links: dict[str, str] = field(default_factory=dict)
    #: how messages name a record of this kind, if not by ``name`` (translated when said)
    label: str | None = None

    def title(self, record: Any) -> Any:
        """The record's heading (a Text)."""
        return getattr(record, self.heading)

    @property
    def said(self) -> str:
        """How messages name one record of this kind, in the language of messages."""
        return _(self.label or self.name)

    @property
    def drafts(self) -> bool:
        """Whether a record of this kind can be a draft (``draft: true``; see catalog.py)."""
        return issubclass(self.model, Draftable)


#: The names are marked for the catalogue of messages (N_): messages say them translated.
KINDS: tuple[Kind, ...] = (
    Kind(N_("instrument"), Instrument, "instruments.yml", "instruments",
         folder="instrumenty", pages="generated", dataset="instrumenty"),
    Kind(N_("organisation"), Organisation, "organisations.yml", "organisations",
         folder="organizacje", pages="generated", dataset="organizacje",
         links={"instruments": "instrument"}),
    Kind(N_("centre"), SupportCentre, "support_centres.yml", "centres",
         folder="osrodki-wsparcia", pages="generated", dataset="osrodki-wsparcia",
         links={"counties": "county", "instruments": "instrument",
                "organisations": "organisation"}, label=N_("support centre")),
    Kind(N_("county"), County, "counties.yml", "counties", dataset="powiaty"),
    Kind(N_("person"), Person, "people.yml", "people", dataset="osoby",
         links={"organisation": "organisation"}),
    Kind(N_("event"), Event, "events.yml", "events",
         folder="wydarzenia", pages="generated", dataset="wydarzenia", heading="title",
         links={"part_of": "event", "people": "person", "organisations": "organisation",
                "instruments": "instrument"}),
    Kind(N_("news"), News, "news.yml", "news", folder="aktualnosci", pages="hand-written",
         heading="title", links={"events": "event"}),
    Kind(N_("term"), Term, "glossary.yml", "terms", heading="term", label=N_("glossary term")),
    Kind(N_("settings"), Settings, "site.yml", "settings", many=False),
    Kind("accessibility", AccessibilityStatement, "accessibility.yml", "accessibility",
         many=False, label=N_("accessibility statement")),
)

#: name -> kind
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
#: folder of generated pages -> its kind (looked up for every page of a build, many times)
_BY_FOLDER: dict[str, Kind] = {k.folder: k for k in KINDS if k.pages == "generated" and k.folder}


def kind(name: str) -> Kind:
    return BY_NAME[name]


def of_model(model: type[Record]) -> Kind:
    return next(k for k in KINDS if k.model is model)


def lists() -> tuple[Kind, ...]:
    """The kinds whose file is a list of records."""
    return tuple(k for k in KINDS if k.many)


def with_pages() -> tuple[Kind, ...]:
    """The kinds that get a generated page per record, in the order their pages are listed."""
    return tuple(k for k in KINDS if k.pages == "generated")


def by_said(name: str) -> Kind | None:
    """The kind called ``name`` in code or in the language of messages ("organizacja")."""
    name = name.strip().lower()
    return next((k for k in KINDS if name in (k.name, k.said.lower())), None)


def published() -> tuple[Kind, ...]:
    """The kinds published as open data."""
    return tuple(k for k in KINDS if k.dataset)


def by_folder(folder: str) -> Kind | None:
    """The kind whose generated pages live in ``folder``."""
    return _BY_FOLDER.get(folder)
