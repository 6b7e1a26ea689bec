"""data/ read again after an edit, parsing and validating only the records whose text changed.

`load_catalog` reads every file whole: at 10,000 organisations that is seconds and hundreds
of megabytes (YAML with the line of every value), too slow for a preview that should show a
saved edit within a second. A ``Reader`` keeps, per data file, each record's text with what
it was read as; on the next load it cuts each file into its records again (a record starts
with ``- `` at the start of a line) and parses, validates and checks the quality of only
the records whose text is new. The rules across records and files run on the whole catalog
each time (they are fast).

A kind kept as a folder of one file per record (records/layout.py, what the form editor
writes) is read the same way, a file a record: only the files whose text changed are parsed.

The result is exactly what `load_catalog` gives, or `load_catalog` itself: whenever anything
is wrong or unusual — a problem in any record, a file that does not cut cleanly into
records (a flow list, a second document, text at the start of a line that is not a record
or a comment), an unreadable file — the whole of data/ is read by `load_catalog`, which
finds and words every problem with its line, as `make check` does. Only a catalog without
problems is made here, and one without problems does not depend on where its records stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pomost.build.pool import forks, no_collector
from pomost.records import catalog as catalog_module
from pomost.records import layout, quality, rules, yamlsource
from pomost.records.catalog import Catalog, load_catalog, without_drafts
from pomost.records.kinds import KINDS, Kind

#: where a record starts: '-' at the start of a line, then a space or the end of the line
_ITEM = re.compile(r"^-(?:[ \t]|\r?$)", re.M)
#: a line that is neither a record's start, a comment, blank, nor indented
_OTHER = re.compile(r"^(?![-#\s]|$)|^-(?![ \t]|\r?$)", re.M)


class _Unusual(Exception):
    """This file or record is read by load_catalog (see the module's docstring)."""


@dataclass(frozen=True)
class _Read:
    """One record's text as read: its id, the validated record, its coverage, the fields a
    draft has without Belarusian, and where its id stands in that text (line, column)."""

    rid: str
    record: Any
    coverage: tuple[int, int]
    untranslated: tuple[str, ...] = ()
    id_at: tuple[int, int] = (1, 1)


def _records_of(text: str) -> tuple[str, list[str]]:
    """A list file's text cut into (what comes before the first record, each record's text)."""
    if _OTHER.search(text):
        raise _Unusual
    starts = [m.start() for m in _ITEM.finditer(text)]
    if not starts:
        raise _Unusual
    bounds = [*starts, len(text)]
    return text[:starts[0]], [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _parse(text: str, name: str) -> Any:
    if yamlsource._controls(text, name) or yamlsource._tabs(text, name):
        raise _Unusual
    try:
        builder = yamlsource._build(yamlsource._Loader, text, name)
    except Exception:  # a YAML error: load_catalog words it
        raise _Unusual from None
    if builder.problems:
        raise _Unusual
    return builder


def _read_one(kind: Kind, name: str, text: str, path: Path, alone: bool = False) -> _Read:
    """One record's text: a piece of a list file, the whole file of a kind with one record,
    or (``alone``) a file of a kind's folder, the record's fields alone."""
    builder = _parse(text, name)
    value = builder.value
    doc = yamlsource.Document(name, value, builder.positions, builder.key_positions)
    if alone:
        at: tuple = ()
        listed: yamlsource.Document = catalog_module._Shifted(name, [value], {}, {}, record=doc)
    elif kind.many and not (isinstance(value, list) and len(value) == 1):
        raise _Unusual
    else:
        at, listed = ((0,) if kind.many else ()), doc
    problems: list[yamlsource.Problem] = []
    found = catalog_module._one(doc, kind, at, problems, catalog_module._Reader(path))
    if problems or found is None or next(quality.problems(kind, listed), None) is not None:
        raise _Unusual
    record, untranslated = found
    return _Read(getattr(record, "id", ""), record, catalog_module._coverage(value),
                 untranslated if getattr(record, "draft", False) else (),
                 doc.where((*at, "id")))


class Reader:
    """Reads data/ again and again, each time parsing only the records that changed.

    ``remember=False``: reads once (`python -m pomost check --save`): what was read is not
    kept, and without the place of every value in memory at once (what `load_catalog` needs
    for its messages) a national catalogue takes a fraction of the memory to check."""

    def __init__(self, remember: bool = True) -> None:
        #: file name -> record text -> what it was read as
        self._known: dict[str, dict[str, _Read]] = {}
        self._remember = remember
        #: how many record texts the last load parsed (tests, the preview's log)
        self.parsed = 0

    def load(self, data: Path, *, drafts: bool = True) -> Catalog:
        """What load_catalog(data, drafts=drafts) gives (or raises)."""
        try:
            catalog = self._load(data)
        except _Unusual:  # (what was read stays known: a half-saved file is read again soon)
            return load_catalog(data, drafts=drafts)
        return catalog if drafts else without_drafts(catalog)

    def _load(self, data: Path) -> Catalog:
        self.parsed = 0
        loaded: dict[str, Any] = {}
        coverage: dict[str, tuple[int, int]] = {}
        places: dict[str, dict[str, tuple[str, int, int]]] = {}
        untranslated: dict[str, dict[str, tuple[str, ...]]] = {}
        for kind in KINDS:
            kept = layout.layout(data, kind)
            if kept == "folder":
                name = layout.folder_name(kind)
                reads = list(self._folder(kind, data))
            elif kept == "list":
                name = f"data/{kind.file}"
                reads = [(read, name, line) for read, line in
                         self._file(kind, name, _text(data / kind.file, name), data / kind.file)]
            else:  # missing, or both a file and a folder: load_catalog says so
                raise _Unusual
            coverage[name] = (sum(r.coverage[0] for r, _file, _line in reads),
                              sum(r.coverage[1] for r, _file, _line in reads))
            if kind.many:
                records = {r.rid: r.record for r, _file, _line in reads}
                if len(records) != len(reads):  # the same id twice
                    raise _Unusual
                loaded[kind.attr] = records
                untranslated[kind.attr] = {r.rid: r.untranslated for r, _file, _line in reads
                                           if getattr(r.record, "draft", False)}
                places[kind.attr] = {r.rid: (file, line + r.id_at[0] - 1, r.id_at[1])
                                     for r, file, line in reads}
            else:
                loaded[kind.attr] = reads[0][0].record
        singles = {k.attr: loaded.pop(k.attr) for k in KINDS if not k.many}
        catalog = Catalog(records=loaded, coverage=coverage, places=places, drafts=untranslated,
                          **singles)
        try:
            # Without the parsed files, a rule that finds a problem cannot say where: it
            # fails, and load_catalog finds it again with its place. (Quality was checked
            # per record above.)
            if next(iter(rules.problems(catalog, {}, data.parent)), None) is not None:
                raise _Unusual
        except _Unusual:
            raise
        except Exception:
            raise _Unusual from None
        return catalog

    def _folder(self, kind: Kind, data: Path) -> Iterator[tuple[_Read, str, int]]:
        """Each record of the kind's folder as read, with its file's name (as messages
        name it) and 1, the line its text starts on."""
        paths = yamlsource.data_files(layout.folder(data, kind))
        if not paths:  # an empty folder: load_catalog decides what that is
            raise _Unusual
        for path in paths:
            name = layout.member_name(kind, path)
            text = _text(path, name)
            known = self._known.get(name, {})
            read = known.get(text)
            if read is None:
                read = _read_one(kind, name, text, path, alone=True)
                self.parsed += 1
            if self._remember:
                self._known[name] = {text: read}
            yield read, name, 1

    def _file(self, kind: Kind, name: str, text: str, path: Path) -> Iterator[tuple[_Read, int]]:
        """Each record of the file as read, with the line its text starts on."""
        known = self._known.get(name, {})
        if not kind.many:
            before, pieces = "", [text]
        else:
            before, pieces = _records_of(text)
            if before.strip() and (yamlsource._controls(before, name) or
                                   yamlsource._tabs(before, name) or
                                   any(line.strip() and not line.lstrip().startswith("#")
                                       for line in before.splitlines())):
                raise _Unusual
        now: dict[str, _Read] = {}
        line = 1 + before.count("\n")
        for piece in pieces:
            read = known.get(piece) or now.get(piece)
            if read is None:
                read = _read_one(kind, name, piece, path)
                self.parsed += 1
            if self._remember:
                now[piece] = read
            yield read, line
            line += piece.count("\n")
        self._known[name] = now


def _text(path: Path, name: str) -> str:
    try:
        return yamlsource._decode(yamlsource._read(path, name), name)
    except yamlsource.YamlError:  # load_catalog words it
        raise _Unusual from None


# -- on every core: the build's one read of data/ ------------------------------------------

#: a kind with fewer records than this is read by the process itself
_SHARED_FROM = 400
#: per kind whose records the children parse (set before they are forked): the kind, each
#: record's (file name as messages say it, text, path), and whether each is a file alone
_JOBS: list[tuple[Kind, list[tuple[str, str, Path]], bool]] = []


def _parse_slice(task: tuple[int, int, int]) -> list[_Read] | None:
    kind, items, alone = _JOBS[task[0]]
    try:
        return [_read_one(kind, name, text, path, alone)
                for name, text, path in items[task[1]:task[2]]]
    except _Unusual:
        return None


def _pieces(data: Path, kind: Kind) -> tuple[list[tuple[str, str, Path]], bool]:
    """The texts of a kind's records, as ``_JOBS`` holds them; raises _Unusual."""
    if layout.layout(data, kind) == "folder":
        paths = yamlsource.data_files(layout.folder(data, kind))
        return [(layout.member_name(kind, path), _text(path, layout.member_name(kind, path)),
                 path) for path in paths], True
    name = f"data/{kind.file}"
    _, pieces = _records_of(_text(data / kind.file, name))
    return [(name, piece, data / kind.file) for piece in pieces], False


def read_on_cores(data: Path, cores: int) -> Catalog:
    """What load_catalog(data) gives, the records of the large files and folders parsed on
    ``cores`` cores at once (forked children, each a share of the records); the rest as
    ``Reader``."""
    import multiprocessing

    reader = Reader(remember=True)
    jobs = []
    for kind in KINDS:
        if not kind.many:
            continue
        try:
            items, alone = _pieces(data, kind)
        except _Unusual:
            continue  # read whole, below: load_catalog words what is wrong
        if len(items) >= _SHARED_FROM:
            jobs.append((kind, items, alone))
    if cores < 2 or not jobs or not forks():
        return Reader(remember=False).load(data)  # (no fork on Windows: one process reads)
    _JOBS[:] = jobs
    tasks = [(i, start, min(start + -(-len(items) // (cores * 4)), len(items)))
             for i, (_, items, _alone) in enumerate(jobs)
             for start in range(0, len(items), -(-len(items) // (cores * 4)))]
    try:
        # (this process only unpickles what the children send: no cycle collector meanwhile,
        # pool.py; the children keep theirs: each record's YAML loader is a cycle, and without
        # it they held 1.5 GB each at 100,000 organisations)
        with multiprocessing.get_context("fork").Pool(cores) as workers, no_collector():
            results = workers.map(_parse_slice, tasks)
    finally:
        _JOBS.clear()
    for (i, start, stop), reads in zip(tasks, results, strict=True):
        if reads is None:  # a problem: load_catalog finds and words it
            return load_catalog(data)
        for (name, text, _path), read in zip(jobs[i][1][start:stop], reads, strict=True):
            reader._known.setdefault(name, {})[text] = read
    return reader.load(data)
