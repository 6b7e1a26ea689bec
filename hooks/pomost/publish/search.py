"""Per-language search: what each page contributes to its language's index, and the filters.

Engine-neutral: an *entry* is a page (or a section of a hand-written page) as search sees
it — where it is, its title, the line shown under the title, the texts to search with a
weight each, its kind and its filter values. Which engine reads the entries and in which
files is ``pomost.publish.searchindex``; how the theme shows search is ``pomost.theme``.

* A record page: its name (weight ``TITLE``), its short name and the people and places it
  names (``NAME``: an organisation's town, county, address and the people who work there;
  an event's place, its people with their roles, the organisations taking part), its
  one-sentence summary and what it is (``TEXT``: legal form, for whom). Long descriptions
  stay out: at 10,000 organisations they would make every reader's search heavy.
* A hand-written page: its title, and each heading with the first words of its section.

Filters (``FACETS``): the kind of page, the county or town, the legal form and the
instrument. Their values are keyed by the Polish text made into an address-safe slug, so
both languages filter by the same keys.

No MkDocs here: the hook hands over URLs, titles, records and HTML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from pomost.publish.searchtext import words
from pomost.records.catalog import Catalog
from pomost.records.kinds import with_pages
from pomost.records.models import Event, Instrument, Organisation, SupportCentre, Text
from pomost.render.strings import load_all

#: characters of a hand-written page's section kept in the index (a section, not a book)
SECTION_TEXT = 300
#: characters of a record's summary shown under its title in the results
SNIPPET = 200

#: weights of what an entry is searched by
TITLE, NAME, TEXT = 3, 2, 1

#: kinds of entry, in the order the index lists them (and a kind filter offers them): each
#: kind with pages of its own, organisations first (what most readers look for), then the
#: other pages
KINDS = ("organisation", *(k.name for k in with_pages()
                           if k.pages == "generated" and k.name != "organisation"), "page")

#: the filters: kind of page, county or town, legal form, instrument
FACETS = ("kind", "place", "legal_form", "instrument")

_HEADING = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


@dataclass
class Entry:
    """One page (or section) as search sees it, in one language."""

    location: str                    # relative to the language's root: 'organizacje/x/'
    title: str                       # plain text, never markup
    text: str                        # the line under the title in the results
    kind: str                        # one of KINDS
    #: (text, weight) pairs searched besides the title (TITLE) and the text (TEXT)
    extra: list[tuple[str, int]] = field(default_factory=list)
    #: facet -> the keys of its values this entry has (see FACETS; kind is ``kind``)
    facets: dict[str, list[str]] = field(default_factory=dict)

    def searched(self) -> list[tuple[str, int]]:
        return [(self.title, TITLE), (self.text, TEXT), *self.extra]


def location(url: str, prefix: str) -> str:
    """A page URL relative to its language's root: 'be/organizacje/x/' -> 'organizacje/x/'."""
    if prefix and not url.startswith(prefix):
        raise ValueError(f"{url!r} is not a page of the language at {prefix!r}")
    return url[len(prefix):]


def slug(text: str) -> str:
    """A filter value's key: 'Chełm – Zamość' -> 'chelm-zamosc' (the same in every language)."""
    return "-".join(words(text)) or "-"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"


class _Sections(HTMLParser):
    """Splits page HTML at headings that have an id: [(id, heading text, section text)].

    Skips permalink anchors ('¶'), scripts and anything marked ``data-search-exclude``
    (Material's own convention, so authors can keep using it).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [[None, None, [], []]]  # tag, id, heading, text
        self._skip_depth = 0
        self._heading: str | None = None
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        named = dict(attrs)
        self._stack.append(tag)
        skip = (tag in _SKIPPED or "data-search-exclude" in named
                or "headerlink" in (named.get("class") or "").split())
        if self._skip_depth or skip:
            self._skip_depth += 1
        elif tag in _HEADING and named.get("id"):
            self._heading = tag
            self.sections.append([tag, named["id"], [], []])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:  # tolerate unclosed inner elements
            open_tag = self._stack.pop()
            if self._skip_depth:
                self._skip_depth -= 1
            elif open_tag == self._heading:
                self._heading = None
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self.sections[-1][2 if self._heading else 3].append(data)


def page_entries(url: str, title: str, html: str) -> list[Entry]:
    """Entries of a hand-written page: the page itself (its H1 and the text up to the
    next heading), then one entry per further heading that has an id."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    intro: list[str] = []
    sections = []
    for tag, anchor, heading, text in parser.sections:
        if tag in (None, "h1"):
            intro.extend(text)
            continue
        heading_text = " ".join("".join(heading).split())
        if heading_text:
            sections.append(Entry(f"{url}#{anchor}", heading_text,
                                  _shorten("".join(text), SECTION_TEXT), "page",
                                  extra=[(title, TEXT)], facets={"kind": ["page"]}))
    page = Entry(url, title, _shorten("".join(intro), SECTION_TEXT), "page",
                 facets={"kind": ["page"]})
    return [page, *sections]


def plain_entry(url: str, title: str, description: str) -> Entry:
    """A generated page that is not a record (the accessibility statement)."""
    return Entry(url, title, " ".join(description.split()), "page", facets={"kind": ["page"]})


def _t(value: Text | None, lang: str) -> str:
    return getattr(value, lang) if value is not None else ""


def _org_facets(org: Organisation) -> dict[str, list[str]]:
    places = ([f"county:{slug(org.county.pl)}"] if org.county else []) + (
        [f"town:{slug(org.town.pl)}"] if org.town else [])
    return {"place": places,
            "legal_form": [slug(org.legal_form.pl)] if org.legal_form else [],
            "instrument": list(org.instruments)}


class Entries:
    """Makes the entries of record pages, knowing who works where (people name no page of
    their own: they are found on the pages of their organisation and their events)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._staff: dict[str, list[Any]] = defaultdict(list)
        for person in catalog.people.values():
            if person.organisation:
                self._staff[person.organisation].append(person)

    def record(self, url: str, kind: str, rid: str, lang: str) -> Entry:
        """The entry of the record page at ``url`` (``kind`` as in pomost.kinds)."""
        record = self.catalog.of(kind)[rid]
        summary = " ".join(_t(record.summary, lang).split())
        text = _shorten(summary, SNIPPET)
        extra: list[tuple[str, int]] = [] if text == summary else [(summary, TEXT)]
        facets: dict[str, list[str]] = {"kind": [kind]}
        if isinstance(record, Organisation):
            title = _t(record.name, lang)
            extra += [(_t(v, lang), NAME) for v in (record.short_name, record.town,
                                                    record.county, record.address) if v]
            for person in self._staff.get(rid, []):
                extra += [(_t(person.name, lang), NAME), (_t(person.role, lang), TEXT)]
            if record.legal_form:
                extra.append((_t(record.legal_form, lang), TEXT))
            facets.update(_org_facets(record))
        elif isinstance(record, Event):
            title = _t(record.title, lang)
            if record.place:
                extra.append((_t(record.place, lang), NAME))
            for pid in record.people:
                person = self.catalog.people[pid]
                extra += [(_t(person.name, lang), NAME), (_t(person.role, lang), TEXT)]
            for oid in record.organisations:
                extra.append((_t(self.catalog.organisations[oid].name, lang), TEXT))
            facets["instrument"] = list(record.instruments)
        elif isinstance(record, Instrument):
            title = _t(record.name, lang)
            extra += [(_t(v, lang), TEXT) for v in (record.for_whom, record.programme) if v]
            facets["instrument"] = [rid]
        elif isinstance(record, SupportCentre):
            # found by the counties it serves and the towns of its offices, as a reader asks
            title = _t(record.name, lang)
            extra += [(_t(v, lang), NAME) for v in (record.short_name, record.operator,
                                                    record.offices, record.address) if v]
            extra += [(_t(self.catalog.counties[cid].name, lang), NAME) for cid in record.counties]
            extra += [(_t(v, lang), TEXT) for v in (record.area, record.partners) if v]
            facets["place"] = [f"county:{slug(self.catalog.counties[cid].name.pl)}"
                               for cid in record.counties]
            facets["instrument"] = list(record.instruments)
        else:
            raise ValueError(f"no search entry for a {kind}")
        return Entry(url, title, text, kind, extra=[e for e in extra if e[0]], facets=facets)


@dataclass
class Value:
    """One value of a filter: its key, its label in one language, its group (county or
    town) and the records that have it."""

    key: str
    label: str
    group: str
    records: list[tuple[str, str]] = field(default_factory=list)  # (kind, id)


def facet_values(catalog: Catalog, lang: str) -> dict[str, list[Value]]:
    """Every value of every filter but ``kind``, with its records, sorted by label: for the
    filter lists of the search page (with and without JavaScript)."""
    found: dict[str, dict[str, Value]] = {f: {} for f in FACETS if f != "kind"}

    def add(facet: str, key: str, label: str, group: str, record: tuple[str, str]) -> None:
        value = found[facet].setdefault(key, Value(key, label, group))
        value.records.append(record)

    for oid, org in catalog.organisations.items():
        if org.county:
            add("place", f"county:{slug(org.county.pl)}", _t(org.county, lang), "county",
                ("organisation", oid))
        if org.town:
            add("place", f"town:{slug(org.town.pl)}", _t(org.town, lang), "town",
                ("organisation", oid))
        if org.legal_form:
            add("legal_form", slug(org.legal_form.pl), _t(org.legal_form, lang), "",
                ("organisation", oid))
    for cid, centre in catalog.centres.items():
        for county in (catalog.counties[c] for c in centre.counties):
            add("place", f"county:{slug(county.name.pl)}", _t(county.name, lang), "county",
                ("centre", cid))
    for iid, instrument in catalog.instruments.items():
        found["instrument"][iid] = Value(iid, _t(instrument.name, lang), "",
                                         [("instrument", iid)])
    for kind, records in (("organisation", catalog.organisations), ("centre", catalog.centres),
                          ("event", catalog.events)):
        for rid, record in records.items():
            for iid in record.instruments:
                found["instrument"][iid].records.append((kind, rid))
    order = {"county": 0, "town": 1, "": 2}
    return {facet: sorted(values.values(), key=lambda v: (order[v.group], words(v.label), v.key))
            for facet, values in found.items()}


#: the kinds whose records the filters' values are made of (``facet_values``)
FACET_KINDS = ("organisation", "centre", "instrument", "event")

#: language -> the last two catalogs whose values were asked for, with their values (the
#: preview compares the catalog before an edit with the one after it, build/changes.py)
_VALUES: dict[str, list[tuple[Catalog, dict[str, list[Value]]]]] = {}


def values_of(catalog: Catalog, lang: str) -> dict[str, list[Value]]:
    """``facet_values``, computed once per catalog and language (the search page, the filter
    pages and the index use them); only the last two catalogs' are kept."""
    kept = _VALUES.setdefault(lang, [])
    for known, values in kept:
        if known is catalog:
            return values
    kept.append((catalog, facet_values(catalog, lang)))
    del kept[:-2]
    return kept[-1][1]


def facet_rows(catalog: Catalog, lang: str, facet: str) -> list[tuple[str, Value, tuple[str, str]]]:
    """The rows of the filter page of ``facet``: (value's key, value, (kind, id)) for every
    record of every value, in the order of the values."""
    return [(value.key, value, record) for value in values_of(catalog, lang)[facet]
            for record in value.records]


class Indexes:
    """The entries of each language's index, collected during the build."""

    def __init__(self) -> None:
        self._docs: dict[str, list[Entry]] = {}

    def start(self, lang: str) -> None:
        self._docs[lang] = []

    def add(self, lang: str, entries: list[Entry]) -> None:
        self._docs.setdefault(lang, []).extend(entries)

    def docs(self, lang: str) -> list[Entry]:
        return self._docs.get(lang, [])


def labels(lang: str) -> dict[str, Any]:
    """The words of the search box, its filters and the filter pages in ``lang``
    (``search_box`` in render/strings/): the browser gets them too (searchindex.py)."""
    return load_all()[lang].mapping("search_box")


#: the search page and the filter pages under each language's root (docs/szukaj*.md)
SEARCH_PAGE = "szukaj/"
FACET_PAGES = {"place": "szukaj/miejsca/", "legal_form": "szukaj/formy-prawne/",
               "instrument": "szukaj/instrumenty/"}


def anchor(key: str) -> str:
    """The id of a filter value's heading on its filter page: 'town:lublin' -> 'town-lublin'."""
    return key.replace(":", "-")
