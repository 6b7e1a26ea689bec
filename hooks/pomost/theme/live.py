"""The preview's language builds: kept in memory between edits, brought up to date by
writing only what an edit changed, with the result a full build gives.

A preview worker (build/preview.py) builds its language once with MkDocs, in its own
process, with ``POMOST_LIVE=1``: the hook then hands what it made to this module (the
record pages and their frames, the pages MkDocs wrote, each such page's HTML before its
lists went in, the search entries), and the renderer notes what each page was made of
(build/changes.py). After an edit:

* **data/ only, no page added or removed** (``edit``): data/ is read again, parsing only
  the records whose text changed (build/reload.py); the pages made of what changed are
  rendered again — a record page through its frame, a page with lists or the A–Z index as
  MkDocs renders it — and the search index and the files beside the pages made of it are
  written again. MkDocs does not run.
* **anything else** (``rebuild``): a record added, removed or renamed, docs/, overrides/,
  mkdocs.yml, the templates or the UI strings: MkDocs builds the language again into the
  same folder, but a page whose inputs are the same is not rendered again (``plan``): a
  record page when its section's frame, the templates and what it was made of are; a page
  MkDocs writes when also its own HTML, front matter and title are. Files the build no
  longer makes are removed (``tidy``).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pomost.build import changes, lastmod
from pomost.build import project as site
from pomost.build.changes import TITLES, Key
from pomost.domain.timeline import build_instant
from pomost.publish import search, searchindex
from pomost.theme import generated, material
from pomost.theme.records import RecordPages, index_pages, record_kind, search_entries

LIVE_VARIABLE = site.LIVE_VARIABLE


def enabled() -> bool:
    return site.live()


@dataclass
class Language:
    """One language's build as the last build or update left it."""

    lang: str
    config: Any
    records: RecordPages
    #: the pages MkDocs' own loop writes: hand-written pages and the statement
    by_mkdocs: list[Any]
    #: kind -> its frame's parts (when a frame changes, every page of its section does)
    frames: dict[str, list[str] | None]
    #: URL -> a page MkDocs writes: its HTML before the A–Z index and the lists went in,
    #: and all of it that shows (that HTML, its front matter, its title)
    sources: dict[str, str]
    inputs: dict[str, tuple]
    #: URL -> the page's search entries, in the order of the pages
    entries: dict[str, list[search.Entry]]
    #: (title, URL) of every page: what the A–Z index lists
    titles: list[tuple[str, str]]
    #: every file the build writes (pages, theme assets): what ``tidy`` keeps
    outputs: set[str]
    content_date: str | None
    #: group of files beside the pages -> their paths (changes.beside)
    beside: dict[str, set[str]] = field(default_factory=dict)

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    def record_pages(self) -> dict[tuple[str, str], Any]:
        pages = {}
        for page in self.records.records:
            name = page.file.src_uri.rpartition("/")[2]
            pages[(str(record_kind(page)), name.split(".", 1)[0])] = page
        return pages


#: language -> its build (in a preview worker)
LANGUAGES: dict[str, Language] = {}
#: language -> what the build running now saw in on_page_content
_SEEN: dict[str, dict[str, dict[str, Any]]] = {}
#: language -> why the rebuild about to run is run: the keys data/ changed, and whether
#: every page must be made again (a template or the UI strings changed)
_PENDING: dict[str, tuple[set[Key], bool]] = {}


def saw(lang: str, page: Any, html: str, entries: list[search.Entry] | None) -> None:
    """A live build's on_page_content: a page's HTML (before the A–Z index and the lists)
    and its search entries."""
    seen = _SEEN.setdefault(lang, {"sources": {}, "entries": {}})
    if not record_kind(page):
        seen["sources"][page.url] = html
    if entries is not None:
        seen["entries"][page.url] = entries


def _inputs(page: Any, source: str) -> tuple:
    meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k != "pomost_filled"))
    return source, meta, str(page.title)


def plan(lang: str, config: Any, records: RecordPages, files: Any,
         proven: list[Any]) -> list[Any]:
    """A live build at the end of on_env, its frames made and ``proven`` pages written:
    which record pages to write; the pages MkDocs need not write again are taken out of
    ``files`` (see the module's docstring)."""
    recorder = site.recorder(lang)
    seen = _SEEN.pop(lang, {"sources": {}, "entries": {}})
    before = LANGUAGES.get(lang)
    by_mkdocs = [p for p in records.all_pages if not record_kind(p)]
    outputs = {f.abs_dest_path for f in files} | {p.file.abs_dest_path for p in records.all_pages}
    now = Language(
        lang, config, records, by_mkdocs,
        {kind: (f.parts if f else None) for kind, f in records.frames.items()},
        seen["sources"],
        {p.url: _inputs(p, seen["sources"].get(p.url, "")) for p in by_mkdocs},
        seen["entries"], [(str(p.title), p.url) for p in records.all_pages],
        outputs, lastmod.content_date(_root(config)))
    LANGUAGES[lang] = now
    done = {id(p) for p in proven}
    if before is None:
        return [p for p in records.records if id(p) not in done]
    touched, everything = _PENDING.pop(lang, (set(), True))
    if before.titles != now.titles:
        touched.add(TITLES)
    everything = everything or now.frames != before.frames
    known = {p.url for p in before.records.all_pages}
    affected = recorder.affected(touched)
    keep = [p for p in by_mkdocs
            if not everything and p.url in known and p.url not in affected
            and before.inputs.get(p.url) == now.inputs[p.url]]
    records.leave_out(files, keep)
    now.beside = before.beside
    return [p for p in records.records if id(p) not in done
            and (everything or p.url not in known or p.url in affected)]


def _root(config: Any) -> Path:
    return Path(config.config_file_path).parent


def files_beside(lang: str, downloads: Any, site_url: str) -> dict[str, bytes]:
    """What a live build writes beside its pages: the groups of files the data it changed
    is in (all of them in a first build or when every page is made again)."""
    language = LANGUAGES[lang]
    groups = changes.beside(downloads, site_url, build_instant())
    touched, everything = _REBUILT.pop(lang, (set(), True))
    out: dict[str, bytes] = {}
    for name, (keys, make) in groups.items():
        if everything or name not in language.beside or not keys.isdisjoint(touched):
            made = make()
            language.beside[name] = set(made)
            out.update(made)
    return out


#: language -> (touched, everything) of the rebuild running, for files_beside
_REBUILT: dict[str, tuple[set[Key], bool]] = {}


def tidy(lang: str) -> list[str]:
    """After a rebuild: remove what the build no longer makes (a deleted record's page, its
    calendar, a removed page of docs/); returns the site paths removed."""
    language = LANGUAGES[lang]
    root = language.site_dir
    keep = set(language.outputs)
    for paths in language.beside.values():
        keep.update(str(root / p) for p in paths)
    prefix = language.records.renderer().prefix
    for path in ("sitemap.xml", "sitemap.xml.gz", "404.html", f"{prefix}404.html"):
        keep.add(str(root / path))
    # each language's search index, written whole by every build (publish/searchindex.py)
    indexes = tuple(str(root / p / searchindex.FOLDER) + os.sep for p in {"", prefix})
    removed = []
    for found in sorted(root.rglob("*")):
        if (found.is_file() and os.path.normpath(found) not in keep
                and not str(found).startswith(indexes)):
            found.unlink()
            removed.append(found.relative_to(root).as_posix())
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty
    return removed


# -- the worker's side: building, editing --------------------------------------------------

@contextlib.contextmanager
def _keeping(site_dir: str) -> Iterator[None]:
    """MkDocs empties the site folder before it builds; a rebuild keeps the pages it does
    not write again (the i18n plugin does the same for its second language)."""
    from mkdocs import utils

    def keep(directory: str) -> None:
        pass

    clean = utils.clean_directory
    utils.clean_directory = keep
    try:
        yield
    finally:
        utils.clean_directory = clean


def build(root: Path, lang: str, site_dir: Path, touched: set[Key] | None = None,
          everything: bool = True) -> None:
    """Build ``lang`` of the project at ``root`` into ``site_dir`` with MkDocs (first build,
    or a rebuild after ``touched`` changed; ``everything``: render every page)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ[LIVE_VARIABLE] = "1"
    os.environ["POMOST_LANGUAGE"] = lang
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    first = lang not in LANGUAGES
    _PENDING[lang] = _REBUILT[lang] = (set(touched or ()), everything or first)
    try:
        with _keeping(str(site_dir)) if not first else contextlib.nullcontext():
            mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
        _PENDING.pop(lang, None)
        _REBUILT.pop(lang, None)
    if not first:
        tidy(lang)


class NeedsRebuild(Exception):
    """The edit changes what MkDocs must know (pages added or removed, the site's settings)."""


def edit(lang: str) -> list[str]:
    """Bring the language up to date after data/ changed, without MkDocs; returns the site
    paths written. Raises NeedsRebuild, or the catalog's DataError."""
    language = LANGUAGES[lang]
    config = language.config
    old = site.current(config.config_file_path)
    new = site.project(_root(config))
    if old is None or lastmod.content_date(_root(config)) != language.content_date:
        raise NeedsRebuild
    touched = changes.changes(old.catalog, new.catalog, (lang,))
    if changes.structural(old.catalog, new.catalog, lang) or {("settings",), ("accessibility",)} & touched:
        raise NeedsRebuild
    site_url = config.site_url or ""
    if old.theme_globals(lang, site_url) != new.theme_globals(lang, site_url):
        raise NeedsRebuild  # what every page's top bar and footer show (the publisher)
    site.set_current(config.config_file_path, new)
    if not touched:
        return []
    recorder = site.recorder(lang)
    recorder.begin()
    renderer = new.renderer(lang)
    pages = language.record_pages()
    # Only a record page's title can change with data/ (without pages coming or going):
    # the titles of the pages of the records touched are compared, not all of them again.
    position = {url: i for i, (_title, url) in enumerate(language.titles)}
    for key in list(touched):
        page = pages.get((key[1], key[2])) if key[0] == "record" else None
        if page is not None:
            page.meta.update(renderer.page_meta(key[1], key[2]))
            title, at = str(page.title), position.get(page.url)
            if at is not None and language.titles[at][0] != title:
                language.titles[at] = (title, page.url)
                touched.add(TITLES)
    index_pages(language.records.all_pages, renderer)  # (read if the index is made again)
    affected = recorder.affected(touched)
    written = []
    for page in language.records.records:  # first: the pages edited records are on
        if page.url in affected:
            language.records.write(page)
            written.append(page.url)
    # A record's entry also holds what other records say of it (its staff, an event's
    # organisations): every generated page's entry is made again, as a build makes them.
    makes = search.Entries(new.catalog)
    for page in language.records.all_pages:
        if page.url in language.entries and generated.generated_target(page.file.src_uri):
            language.entries[page.url] = search_entries(page, "", renderer, makes)
    changes.carry_over(old.downloads(lang), new.downloads(lang), touched)
    for page in language.by_mkdocs:
        if page.url in affected:
            page.content = language.sources[page.url]
            language.records.pages.write(page, language.records.pages.full(page))
            written.append(page.url)
    if material.search_enabled(config.plugins):
        docs = [entry for entries in language.entries.values() for entry in entries]
        searchindex.write(language.site_dir / renderer.prefix, lang, docs,
                          search.values_of(new.catalog, lang))
    _REBUILT[lang] = (touched, False)
    before = {name: set(paths) for name, paths in language.beside.items()}
    try:
        beside = files_beside(lang, new.downloads(lang), config.site_url or "")
    finally:
        _REBUILT.pop(lang, None)
    for path, content in beside.items():
        out = language.site_dir / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    for name, paths in before.items():  # e.g. the calendar of an event that lost its date
        for gone in paths - language.beside.get(name, set()):
            (language.site_dir / gone).unlink(missing_ok=True)
    return written + sorted(beside)


# -- a preview worker: one language, driven by build/preview.py ---------------------------

#: files whose change needs every page made again (our templates and UI strings); a change
#: to other code under hooks/ needs the preview restarted (Python keeps the modules)
EVERYTHING = ("hooks/pomost/render/templates/", "hooks/pomost/render/strings/")


def refresh(root: Path, lang: str, site_dir: Path, paths: list[str]) -> dict[str, Any]:
    """Bring ``lang`` up to date after ``paths`` (relative to ``root``) changed."""
    from pomost.render.strings import load_all

    if lang not in LANGUAGES:
        # The data first (its DataError names the problems), read as every later edit reads
        # it (LIVE: record by record, build/reload.py), so that the first edit parses only
        # what it changed; the build reuses what is read here.
        os.environ[LIVE_VARIABLE] = "1"
        site.project(root)
        build(root, lang, site_dir)
        return {"how": "build"}
    everything = any(p.startswith(EVERYTHING) for p in paths)
    if everything:
        load_all.cache_clear()
        site.forget()
    if paths and all(p.startswith("data/") for p in paths):
        try:
            return {"how": "edit", "written": edit(lang), "parsed": site.records_parsed()}
        except NeedsRebuild:
            pass
    language = LANGUAGES[lang]
    old = site.current(language.config.config_file_path)
    new = site.project(root)
    touched = changes.changes(old.catalog, new.catalog, (lang,)) if old is not None else set()
    build(root, lang, site_dir, touched, everything or old is None)
    return {"how": "rebuild"}


def worker(root: Path, lang: str, site_dir: Path) -> int:
    """Build ``lang``, then bring it up to date on each line of changed paths read from
    stdin (JSON); one JSON line on stdout after each: {"ok": …, "seconds": …, …}, and when
    not ok, the ``problems`` (one a line) that the preview shows in place of every page."""
    import json
    import logging
    import sys
    import time

    reply = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # anything printed goes with the log, not into the replies
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"{lang}: %(levelname)-7s -  %(message)s"))
    errors = _Errors()
    for name in ("mkdocs", "mkdocs.plugins"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(errors)

    def handle(paths: list[str]) -> None:
        started = time.perf_counter()
        errors.lines.clear()
        try:
            answer = {"ok": True, **refresh(root, lang, site_dir, paths)}
        except (Exception, SystemExit) as err:  # reported; the preview shows the problems
            answer = {"ok": False, "problems": _problems(err, errors.lines)}
        answer["seconds"] = round(time.perf_counter() - started, 3)
        reply.write(json.dumps(answer) + "\n")

    handle([])  # the first build
    for line in sys.stdin:
        handle(json.loads(line)["paths"])
    return 0


class _Errors(logging.Handler):
    """MkDocs' errors during one build (its exceptions only say "Aborted")."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.extend(line for line in record.getMessage().splitlines() if line.strip())


def _problems(err: BaseException, logged: list[str]) -> list[str]:
    """What went wrong, one problem a line: the data's problems, or what MkDocs said."""
    from pomost.records.catalog import DataError

    seen: BaseException | None = err
    while seen is not None:  # MkDocs' Abort <- the hook's PluginError <- the DataError
        if isinstance(seen, DataError):
            return [str(problem) for problem in seen.problems]
        seen = seen.__cause__ or seen.__context__
    return list(logged) or [str(err) or type(err).__name__]
