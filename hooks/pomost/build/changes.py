"""What each page is made of, and which pages an edit of data/ changes.

While the preview renders a page, the objects its templates read the catalog through (the
catalog, the links between records, the events' timeline, the grant table, the files
beside the pages) note what they hand out, as keys:

* ``("record", kind, id)``: that record — anything in it may be shown;
* ``("kind", kind)``: all records of a kind, their order, their number (lists, counts);
* ``("refs", kind, field, id)``: which records of ``kind`` name ``id`` in ``field``, in
  order (the links back: an organisation's events);
* ``("settings",)``, ``("accessibility",)``: the two one-record files;
* ``("titles",)``: the title of every page (the A–Z index);
* ``("listing", name, part)``: which entries page ``part`` of a long list shows (a record
  list's records, a filter page's rows), each entry's record noted as it is shown;
* ``("all",)``: anything — what a template reads in a way not listed here.

``changes(old, new)`` gives the keys an edit touched; a page is made again when one of its
keys is among them. What is not known is counted as everything, so a template that reads
the data in a new way makes its pages be rendered too often, never too seldom; the tests
compare an incrementally rebuilt site with a full build, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from pomost.domain.references import References
from pomost.langs import LANGS
from pomost.publish import search
from pomost.publish.opendata import DATASETS, csv_path, json_path, to_json
from pomost.records.catalog import Catalog
from pomost.records.kinds import KINDS, kind, of_model
from pomost.render.pages import FILTERS, PAGED, RECORD_LISTS, Renderer, listing, pages_of

Key = tuple
ALL: Key = ("all",)
TITLES: Key = ("titles",)


class Recorder:
    """The keys each page (by URL) was made of."""

    def __init__(self) -> None:
        self.deps: dict[str, set[Key]] = {}
        self._made: dict[str, int] = {}  # URL -> the round it was last made in
        self._round = 0
        self._open: list[set[Key]] = []

    def begin(self) -> None:
        """A new round of rendering: a page made again forgets what it was made of before."""
        self._round += 1

    @contextmanager
    def page(self, url: str) -> Iterator[None]:
        """Note what is read meanwhile as part of the page at ``url`` (added to what its other
        parts, e.g. its other lists, were made of in this round)."""
        if self._made.get(url) != self._round:
            self._made[url] = self._round
            self.deps[url] = set()
        self._open.append(self.deps[url])
        try:
            yield
        finally:
            self._open.pop()

    def note(self, *keys: Key) -> None:
        if self._open:
            self._open[-1].update(keys)


    def affected(self, touched: set[Key]) -> set[str]:
        """The URLs of the pages made of any of ``touched``."""
        if not touched:
            return set()
        wild = {key[1] for key in touched if key[0] == "refs" and key[2] == "*"}
        return {url for url, keys in self.deps.items()
                if ALL in keys or not keys.isdisjoint(touched)
                or any(key[0] == "refs" and key[1] in wild for key in keys)}


# -- the objects templates read through --------------------------------------------------

class _Records:
    """A kind's records (id -> record) that note what is looked up."""

    def __init__(self, name: str, records: dict[str, Any], recorder: Recorder) -> None:
        self._name, self._records, self._recorder = name, records, recorder

    def __getitem__(self, rid: str) -> Any:
        self._recorder.note(("record", self._name, rid))
        return self._records[rid]

    def get(self, rid: str, default: Any = None) -> Any:
        self._recorder.note(("record", self._name, rid))
        return self._records.get(rid, default)

    def __contains__(self, rid: object) -> bool:
        self._recorder.note(("record", self._name, rid))
        return rid in self._records

    def _all(self) -> dict[str, Any]:
        self._recorder.note(("kind", self._name))
        return self._records

    def values(self) -> Any:
        return self._all().values()

    def items(self) -> Any:
        return self._all().items()

    def keys(self) -> Any:
        return self._all().keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._all(), name)


class TrackedCatalog:
    """The catalog as templates see it (see the module's docstring)."""

    def __init__(self, catalog: Catalog, recorder: Recorder) -> None:
        self._catalog, self._recorder = catalog, recorder
        self._kinds = {k.attr: _Records(k.name, catalog.records[k.attr], recorder)
                       for k in KINDS if k.many}

    def of(self, kind_name: str) -> _Records:
        return self._kinds[kind(kind_name).attr]

    @property
    def settings(self) -> Any:
        self._recorder.note(("settings",))
        return self._catalog.settings

    @property
    def accessibility(self) -> Any:
        self._recorder.note(("accessibility",))
        return self._catalog.accessibility

    def is_draft(self, kind_name: str, rid: str) -> bool:
        self._recorder.note(("record", kind_name, rid))
        return self._catalog.is_draft(kind_name, rid)

    @property
    def drafts(self) -> Any:
        # read only for a page's own record once is_draft said it is one (render/pages.py);
        # what a draft lacks is its record's: noted by is_draft
        return self._catalog.drafts

    def __getattr__(self, name: str) -> Any:
        if name in self._kinds:
            return self._kinds[name]
        self._recorder.note(ALL)
        return getattr(self._catalog, name)


class TrackedRefs:
    """``References`` that note the links back they give (and the records in them)."""

    def __init__(self, refs: Any, recorder: Recorder) -> None:
        self._refs, self._recorder = refs, recorder

    def records(self, kind_name: str, ids: list[str]) -> list[Any]:
        self._recorder.note(*(("record", kind_name, rid) for rid in ids))
        return self._refs.records(kind_name, ids)

    def referring(self, kind_name: str, field: str, rid: str) -> list[Any]:
        found = self._refs.referring(kind_name, field, rid)
        self._recorder.note(("refs", kind_name, field, rid),
                            *(("record", kind_name, r.id) for r in found))
        return found

    def __getattr__(self, name: str) -> Any:
        self._recorder.note(ALL)
        return getattr(self._refs, name)


class _Timeline:
    def __init__(self, timeline: Any, recorder: Recorder) -> None:
        self._timeline, self._recorder = timeline, recorder

    def children(self, event: Any) -> list[Any]:
        found = self._timeline.children(event)
        self._recorder.note(("record", "event", event.id), ("refs", "event", "part_of", event.id),
                            *(("record", "event", e.id) for e in found))
        return found

    def known_dates(self, event: Any) -> list[Any]:
        self.children(event)  # its own date, or its children's
        return self._timeline.known_dates(event)

    def __getattr__(self, name: str) -> Any:
        self._recorder.note(("kind", "event"))
        return getattr(self._timeline, name)


class TrackedAgenda:
    """The events as of the build date: the split into upcoming and past reads them all."""

    def __init__(self, agenda: Any, recorder: Recorder) -> None:
        self._agenda, self._recorder = agenda, recorder
        self.timeline = _Timeline(agenda.timeline, recorder)

    @property
    def today(self) -> Any:
        return self._agenda.today

    def __getattr__(self, name: str) -> Any:
        self._recorder.note(("kind", "event"))
        return getattr(self._agenda, name)


class Noting:
    """Any other object templates read (the grant table): each attribute read notes
    ``keys``."""

    def __init__(self, target: Any, keys: Iterable[Key], recorder: Recorder) -> None:
        self._target, self._keys, self._recorder = target, tuple(keys), recorder

    def __getattr__(self, name: str) -> Any:
        self._recorder.note(*self._keys)
        return getattr(self._target, name)


#: what the grant table (and its CSV) is computed from
GRANT_KEYS: tuple[Key, ...] = (("kind", "instrument"), ("settings",))


class _NotedText(str):
    """A text that notes its keys when a template prints it (the grant CSV's size is put
    into every page's context, and shown only by the grant table)."""

    _keys: tuple[Key, ...] = ()
    _recorder: Recorder | None = None

    def _noted(self) -> str:
        if self._recorder is not None:
            self._recorder.note(*self._keys)
        return str.__str__(self)

    def __html__(self) -> str:
        from markupsafe import escape
        return str(escape(self._noted()))

    def __str__(self) -> str:
        return self._noted()

    def __format__(self, spec: str) -> str:
        return format(self._noted(), spec)


def _kind_of_dataset(dataset: Any) -> str:
    return next(k.name for k in KINDS if k.attr == dataset.records)


class _OpenData:
    def __init__(self, open_data: Any, recorder: Recorder) -> None:
        self._open_data, self._recorder = open_data, recorder

    def count(self, dataset: Any) -> int:
        self._recorder.note(("kind", _kind_of_dataset(dataset)))
        return self._open_data.count(dataset)

    def downloads(self, dataset: Any, page_url: str) -> Any:
        self._recorder.note(("kind", _kind_of_dataset(dataset)))
        return self._open_data.downloads(dataset, page_url)

    def dataset(self, records: str) -> Any:  # which dataset: not data
        return self._open_data.dataset(records)

    def page_url(self, page_url: str) -> str:  # a link: not data
        return self._open_data.page_url(page_url)

    #: what the open-data page says of the columns comes from the models and the UI strings
    _STATIC = frozenset({"datasets", "parts", "columns", "choices", "meaning"})

    def __getattr__(self, name: str) -> Any:
        if name not in self._STATIC:
            self._recorder.note(ALL)
        return getattr(self._open_data, name)


class TrackedFiles:
    """The files beside the pages as templates see them: sizes and counts of a dataset
    depend on its kind's records, the grant CSV's size on the grant table."""

    def __init__(self, files: Any, recorder: Recorder) -> None:
        self._files, self._recorder = files, recorder

    @property
    def csv_size(self) -> str:
        text = _NotedText(self._files.csv_size)
        text._keys, text._recorder = GRANT_KEYS, self._recorder
        return text

    @property
    def open_data(self) -> _OpenData:
        return _OpenData(self._files.open_data, self._recorder)

    def __getattr__(self, name: str) -> Any:
        self._recorder.note(ALL)
        return getattr(self._files, name)


# -- what an edit changed --------------------------------------------------------------

def _link_values(record: Any, field: str) -> list[str]:
    value = getattr(record, field, None)
    return list(value) if isinstance(value, list) else ([value] if value else [])


def changes(old: Catalog, new: Catalog, langs: tuple[str, ...] = LANGS) -> set[Key]:
    """The keys whose value differs between two catalogs (empty: the same data), for the
    pages of ``langs`` (a filter page's rows are sorted by their labels in its language)."""
    touched: set[Key] = set()
    for k in KINDS:
        if not k.many:
            if getattr(old, k.attr) != getattr(new, k.attr):
                touched.add((k.attr,))
            continue
        before, after = old.records[k.attr], new.records[k.attr]
        changed = [rid for rid in before.keys() | after.keys()
                   if before.get(rid) is not after.get(rid) and before.get(rid) != after.get(rid)]
        moved = [rid for rid in before if rid in after] != [rid for rid in after if rid in before]
        if not changed and not moved:
            continue
        touched.add(("kind", k.name))
        touched.update(("record", k.name, rid) for rid in changed)
        fields = k.links
        if moved:
            touched.add(("refs", k.name, "*"))
        for rid in changed:
            for field in fields:
                for version in (before.get(rid), after.get(rid)):
                    if version is not None:
                        touched.update(("refs", k.name, field, ref)
                                       for ref in _link_values(version, field))
    for name in RECORD_LISTS:  # which entries each page of a long list shows
        touched.update(_parts_changed(name, [r.id for r in listing(old, name)],
                                      [r.id for r in listing(new, name)]))
    for name, facet in FILTERS.items():  # which rows each page of a filter page shows
        for lang in langs:
            touched.update(_parts_changed(name, _rows(old, lang, facet), _rows(new, lang, facet),
                                          overlap=1))
    if touched:
        touched.add(ALL)
    return touched


def _rows(catalog: Catalog, lang: str, facet: str) -> list[tuple[Any, ...]]:
    """A filter page's rows as its pages show them: the value (key, label, group) and the
    record under it."""
    return [(key, value.label, value.group, entry)
            for key, value, entry in search.facet_rows(catalog, lang, facet)]


def _parts_changed(name: str, before: list[Any], after: list[Any],
                   overlap: int = 0) -> Iterator[Key]:
    """The pages of the paged list ``name`` whose entries differ; ``overlap``: how many
    entries of the page before a page shows something of (a heading continued from it)."""
    size = PAGED[name]
    count = (-(-len(before) // size), -(-len(after) // size))
    for part in range(1, max(*count, 1) + 1):
        span = slice(max(0, (part - 1) * size - overlap), part * size)
        if count[0] != count[1] or before[span] != after[span]:
            yield ("listing", name, part)


def structural(old: Catalog, new: Catalog, lang: str = LANGS[0]) -> bool:
    """Whether pages come or go (a record of a kind with pages added, removed, renamed; a
    long list needing more or fewer pages): MkDocs must then know the site's pages again.
    (The A–Z index's pages: only with the pages, already here. A filter page's rows are
    counted as ``lang`` sorts them, the values ``changes`` made for it.)"""
    return any(old.of(k.name).keys() != new.of(k.name).keys()
               for k in KINDS if k.many and k.pages == "generated") or any(
        pages_of(name, listing(old, name, lang=lang)) != pages_of(name, listing(new, name, lang=lang))
        for name in PAGED if name != "a-z")


# -- the renderer that notes ---------------------------------------------------------------

class TrackingRenderer(Renderer):
    """A Renderer whose templates read the catalog through the noting objects above, and
    that notes each page's reads under its URL."""

    def __init__(self, catalog: Catalog, words: Any, links: Any, agenda: Any, grants: Any,
                 files: Any, env: Any, recorder: Recorder) -> None:
        tracked: Any = (TrackedCatalog(catalog, recorder), TrackedAgenda(agenda, recorder),
                        Noting(grants, GRANT_KEYS, recorder))
        super().__init__(tracked[0], words, links, tracked[1], tracked[2],
                         TrackedFiles(files, recorder), env)
        self.refs = TrackedRefs(References(catalog), recorder)  # type: ignore[assignment]
        self.recorder = recorder

    def making(self, page_url: str) -> AbstractContextManager[None]:
        return self.recorder.page(page_url)

    def page(self, kind: str, rid: str, page_url: str, site_url: str = "") -> str:
        with self.recorder.page(page_url):
            return super().page(kind, rid, page_url, site_url)

    def marker(self, name: str, page_url: str, part: int = 1) -> str:
        with self.recorder.page(page_url):
            return super().marker(name, page_url, part)

    def listed(self, name: str) -> list[Any]:
        # A page of a long list shows its own entries: it is made of them and of which
        # entries fall on it (noted by ``part``), not of every record (changes: "listing").
        if name not in self._listed and name != "a-z":
            raw: Any = self.catalog
            agenda: Any = self.agenda
            self._listed[name] = listing(raw._catalog, name, agenda._agenda, self.lang)
        return super().listed(name)

    def part(self, name: str, part: int) -> tuple[list[Any], int]:
        shown, parts = super().part(name, part)
        if name in RECORD_LISTS:
            self.recorder.note(("listing", name, part),
                               *(("record", of_model(type(r)).name, r.id) for r in shown))
        elif name in FILTERS:  # its rows; each row's record is noted as its title is read
            self.recorder.note(("listing", name, part))
        else:  # every page of the A–Z index is made again when a title changes
            self.recorder.note(TITLES)
        return shown, parts

    def part_title(self, name: str, part: int) -> str:
        self.recorder.note(("listing", name, part))
        return Renderer.part_title(self._untracked(), name, part)

    def _untracked(self) -> Renderer:
        plain = object.__new__(Renderer)
        plain.__dict__.update(self.__dict__)
        tracked: Any = self.catalog
        plain.catalog = tracked._catalog
        return plain



# -- the files beside the pages, in groups ----------------------------------------------

def beside(downloads: Any, site_url: str, built: Any) -> dict[str, tuple[set[Key], Any]]:
    """The files beside one language's pages (publish/downloads.py, ``files``) in groups:
    name -> (the keys the group is made of, a function that makes its files)."""
    d = downloads
    groups: dict[str, tuple[set[Key], Any]] = {
        "grant-table": (set(GRANT_KEYS), lambda: {d.links.grant_csv_path: d.grant_csv})}
    for dataset in DATASETS:
        def data(dataset: Any = dataset) -> dict[str, bytes]:
            files = d.open_data.files
            return {path: files[path] for path in (json_path(dataset),
                                                   csv_path(dataset, d.lang, d.links.prefix))
                    if path in files}
        groups[f"data-{dataset.name}"] = ({("kind", _kind_of_dataset(dataset))}, data)
    groups["calendars"] = ({("kind", "event"), ("settings",)},
                           lambda: d.calendars(site_url, built))
    groups["feed"] = ({("kind", "news"), ("kind", "event"), ("settings",)},
                      lambda: {d.links.feed_path: d.feed(site_url, built)})
    return groups


def carry_over(old: Any, new: Any, touched: set[Key]) -> None:
    """Give ``new`` (a language's Downloads after an edit) the open-data files of ``old``
    whose kind the edit did not touch, instead of making all of them again (at 10,000
    organisations that is most of a second)."""
    before = old.open_data.__dict__.get("_content")  # the cached_property's value
    if before is None:
        return
    content = {}
    for dataset in DATASETS:
        paths = (json_path(dataset), csv_path(dataset, new.lang, new.links.prefix))
        if ("kind", _kind_of_dataset(dataset)) in touched:
            content[paths[0]] = to_json(new.catalog, dataset)
            content[paths[1]] = new.open_data.to_csv(dataset)
        else:
            content.update((path, before[path]) for path in paths)
    new.open_data.__dict__["_content"] = content
