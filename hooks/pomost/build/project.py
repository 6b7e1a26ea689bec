"""The project as one build sees it: its catalog, loaded once, and a renderer per language.

Kept free of MkDocs so that tests and `make check` use exactly what the build uses. The
catalog is loaded once per build and again only when a file in data/ changed (`make serve`);
under `python -m pomost build` it comes validated from `python -m pomost check --save`
in a file (POMOST_CATALOG), so the per-language builds do not read the YAML again.

Drafts: the preview (`pomost serve`, POMOST_PREVIEW=1) keeps them, each heading labelled
in both languages, so every list, title and index shows the label; every other build
leaves them out (records/catalog.py).
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from pomost.build.changes import Recorder, TrackingRenderer
from pomost.build.pool import no_collector
from pomost.build.reload import Reader
from pomost.domain import timeline
from pomost.domain.grants import grant_table
from pomost.langs import LANGS, absolute
from pomost.publish.downloads import Downloads
from pomost.records.catalog import Catalog, load_catalog
from pomost.records.kinds import KINDS
from pomost.records.layout import all_files
from pomost.render.environment import environment
from pomost.render.links import Links
from pomost.render.pages import Renderer
from pomost.render.strings import load_all
from pomost.render.wording import Wording
from pomost.theme.generated import STATEMENT_PATH

#: a file with the catalog validated by `python -m pomost check --save`, handed by
#: `python -m pomost build` to its per-language builds
CATALOG_VARIABLE = "POMOST_CATALOG"
#: set to 1 in a preview worker (theme/live.py): data/ is read again record by record, and
#: the renderers note what each page is made of
LIVE_VARIABLE = "POMOST_LIVE"
#: set to 1 by `pomost serve`: the build is a preview, drafts included
PREVIEW_VARIABLE = "POMOST_PREVIEW"


def live() -> bool:
    return os.environ.get(LIVE_VARIABLE) == "1"


def preview() -> bool:
    """Whether this build is the preview (drafts shown) or a build for publishing."""
    return os.environ.get(PREVIEW_VARIABLE) == "1"


@cache
def _shared_environment() -> Environment:
    """One template environment for every project of a process: each edit of the preview
    makes a new project, and compiling the templates again took most of a second; the
    languages' builds, forks of one process, inherit them compiled (``warm``). Jinja
    reloads a template whose file changed."""
    return environment()


def warm() -> None:
    """Compile every template of the pages (before the languages' builds are forked)."""
    env = _shared_environment()
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
        env.get_template(name)


#: language -> what each of its pages was made of (the preview only)
_RECORDERS: dict[str, Recorder] = {}


def recorder(lang: str) -> Recorder:
    return _RECORDERS.setdefault(lang, Recorder())


def labelled(catalog: Catalog) -> Catalog:
    """The drafts' headings with the draft label of each language: "Kuźnia (wersja robocza)"."""
    strings = load_all()
    changed = {}
    for kind in KINDS:
        drafts = catalog.drafts.get(kind.attr)
        if not drafts:
            continue
        records = dict(catalog.records[kind.attr])
        for rid in drafts:
            heading = kind.title(records[rid])
            marked = heading.model_copy(update={
                lang: f"{getattr(heading, lang)} ({strings[lang]['draft_label']})" for lang in LANGS})
            records[rid] = records[rid].model_copy(update={kind.heading: marked})
        changed[kind.attr] = records
    return catalog.replace(**changed) if changed else catalog


@dataclass(frozen=True)
class Language:
    """What one language's build makes: its pages (renderer) and the files beside them."""

    renderer: Renderer
    downloads: Downloads


def language(catalog: Catalog, lang: str, today: dt.date | None = None,
             recorder: Recorder | None = None) -> Language:
    """Everything ``lang``'s pages and files are made with, put together once.

    ``today``: the day "upcoming" and "past" are counted from (default: the build date);
    ``recorder``: notes what each page is made of (the preview, build/changes.py).
    """
    words = Wording(lang)
    links = Links(lang, words.strings)
    agenda = timeline.Agenda(timeline.Timeline(catalog.events), today or timeline.build_date())
    grants = grant_table(catalog)
    downloads = Downloads(catalog, words, links, grants, agenda)
    if recorder is not None:
        return Language(TrackingRenderer(catalog, words, links, agenda, grants, downloads,
                                         _shared_environment(), recorder), downloads)
    return Language(Renderer(catalog, words, links, agenda, grants, downloads,
                             _shared_environment()), downloads)


@dataclass
class Project:
    catalog: Catalog
    _languages: dict[str, Language] = field(default_factory=dict)
    _feed_links: dict[tuple[str, str], str] = field(default_factory=dict)

    def language(self, lang: str) -> Language:
        if lang not in self._languages:
            self._languages[lang] = language(self.catalog, lang,
                                             recorder=recorder(lang) if live() else None)
        return self._languages[lang]

    def renderer(self, lang: str) -> Renderer:
        return self.language(lang).renderer

    def downloads(self, lang: str) -> Downloads:
        return self.language(lang).downloads

    def theme_globals(self, lang: str, site_url: str) -> dict[str, str]:
        """What the theme overrides show on every page, the 404 included: the skip link's
        label, the link to the accessibility statement (relative path and absolute URL),
        the footer's line, and the publisher (name, page, contact) for the top bar and the
        footer. Material prints these as they are: every text from data/ goes escaped."""
        renderer = self.renderer(lang)
        strings, text = renderer.strings, renderer.words.text
        path = renderer.prefix + STATEMENT_PATH
        name = text(self.catalog.settings.name)
        who = renderer.publisher
        email = (who.email or "").removeprefix("mailto:")
        return {"skip_label": strings["skip_link"], "statement_label": strings["a11y_title"],
                "lang": lang, "languages_label": strings["languages_label"],
                "mark": Markup(renderer.env.get_template("mark.html").render()),
                "copyright": escape(f"{name} — {strings['site_tagline']}"),
                "publisher_label": strings["publisher_label"],
                "publisher": escape(text(who.name)),
                "publisher_path": renderer.links.page("organisation", who.id),
                "publisher_address": escape(text(who.address)),
                "publisher_phone": escape(who.phone or ""),
                "publisher_tel": escape((who.phone or "").replace(" ", "")),
                "publisher_email": escape(email),
                "statement_path": path,
                "statement_url": absolute(site_url, path) if site_url else "/" + path}

    def feed_links(self, lang: str, site_url: str) -> str:
        """<link rel="alternate"> tags for every page's <head>: the feeds of all languages,
        the page's own first."""
        key = (lang, site_url)
        if key not in self._feed_links:
            others = [self.downloads(other) for other in sorted(LANGS, key=lambda x: x != lang)]
            self._feed_links[key] = self.renderer(lang).env.get_template(
                "feed_links.html").render(feeds=[
                    {"lang": o.lang, "title": o.feed_title,
                     "href": absolute(site_url, o.links.feed_path)} for o in others])
        return self._feed_links[key]


_CACHE: dict[Path, tuple[tuple, Project]] = {}


def _signature(data: Path) -> tuple:
    """What says whether data/ changed: each data file's name, time and size (editors' lock
    and backup files left out: a dangling lock link cannot even be stat'ed)."""
    return tuple(sorted((str(p.relative_to(data)), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in all_files(data)))


def save_catalog(root: Path, catalog: Catalog, path: Path) -> None:
    with open(path, "wb") as handle, no_collector():
        pickle.dump((_signature(root / "data"), catalog), handle, pickle.HIGHEST_PROTOCOL)


#: path -> (signature, catalog) as ``read_catalog`` read it in this process: the languages'
#: builds forked from it find it here instead of unpickling it again (a second each at 10,000)
_HANDED: dict[str, tuple[tuple, Catalog]] = {}


def read_catalog(path: Path) -> Catalog:
    """The catalog ``save_catalog`` wrote."""
    _HANDED[str(path)] = _unpickled(path)
    return _HANDED[str(path)][1]


def _unpickled(path: Path) -> tuple[tuple, Catalog]:
    with open(path, "rb") as handle, no_collector():
        return pickle.load(handle)


_READER = Reader()


def records_parsed() -> int:
    """How many records the preview's last read of data/ parsed (build/reload.py)."""
    return _READER.parsed


def _load(data: Path, signature: tuple) -> Catalog:
    handed = os.environ.get(CATALOG_VARIABLE)
    if handed and not preview() and (handed in _HANDED or Path(handed).is_file()):
        saved, catalog = _HANDED[handed] if handed in _HANDED else _unpickled(Path(handed))
        if saved == signature:  # the same files, unchanged since they were validated
            return catalog
    drafts = preview()
    catalog = _READER.load(data, drafts=drafts) if live() else load_catalog(data, drafts=drafts)
    return labelled(catalog) if drafts else catalog


#: config file -> the project of the build running now (the hook checks data/ for changes
#: once per build, in on_config, not on every page event; the preview swaps it after an edit)
_CURRENT: dict[str, Project] = {}


def current(config_file: str) -> Project | None:
    return _CURRENT.get(config_file)


def set_current(config_file: str, found: Project) -> None:
    _CURRENT[config_file] = found


def project(root: Path) -> Project:
    """The project at ``root``, loaded once and again only when a file in data/ changes."""
    data = root / "data"
    signature = _signature(data)
    signature = (*signature, preview())
    cached = _CACHE.get(data)
    if cached and cached[0] == signature:
        return cached[1]
    result = Project(_load(data, signature[:-1]))
    _CACHE[data] = (signature, result)
    return result


def forget() -> None:
    """Drop the loaded projects: the next ``project`` loads again (the UI strings changed)."""
    _CACHE.clear()
