"""The project as one build sees it: its catalog, loaded once, and a renderer per language.

Kept free of MkDocs so that tests and `make check` use exactly what the build uses. The
catalog is loaded once per build and again only when a file in data/ changed (`make serve`);
under `python -m pomost build` it comes validated from `python -m pomost check --save`
in a file (POMOST_CATALOG), so the per-language builds do not read the YAML again.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment

from pomost.build.changes import Recorder, TrackingRenderer
from pomost.build.reload import Reader
from pomost.domain import timeline
from pomost.domain.grants import grant_table
from pomost.langs import LANGS, absolute
from pomost.publish.downloads import Downloads
from pomost.records.catalog import Catalog, load_catalog
from pomost.records.yamlsource import data_files
from pomost.render.environment import environment
from pomost.render.links import Links
from pomost.render.pages import Renderer
from pomost.render.wording import Wording
from pomost.theme.generated import STATEMENT_PATH

#: a file with the catalog validated by `python -m pomost check --save`, handed by
#: `python -m pomost build` to its per-language builds
CATALOG_VARIABLE = "POMOST_CATALOG"
#: set to 1 in a preview worker (theme/live.py): data/ is read again record by record, and
#: the renderers note what each page is made of
LIVE_VARIABLE = "POMOST_LIVE"


def live() -> bool:
    return os.environ.get(LIVE_VARIABLE) == "1"


@cache
def _shared_environment() -> Environment:
    """One template environment for every project of a preview worker: each edit makes a
    new project, and compiling the templates again took most of a second. Jinja reloads a
    template whose file changed."""
    return environment()


#: language -> what each of its pages was made of (the preview only)
_RECORDERS: dict[str, Recorder] = {}


def recorder(lang: str) -> Recorder:
    return _RECORDERS.setdefault(lang, Recorder())


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
    return Language(Renderer(catalog, words, links, agenda, grants, downloads, environment()),
                    downloads)


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
        label and the link to the accessibility statement (relative path and absolute URL)."""
        strings = self.renderer(lang).strings
        path = self.renderer(lang).prefix + STATEMENT_PATH
        return {"skip_label": strings["skip_link"], "statement_label": strings["a11y_title"],
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
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in data_files(data)))


def save_catalog(root: Path, catalog: Catalog, path: Path) -> None:
    with open(path, "wb") as handle:
        pickle.dump((_signature(root / "data"), catalog), handle, pickle.HIGHEST_PROTOCOL)


_READER = Reader()


def _load(data: Path, signature: tuple) -> Catalog:
    handed = os.environ.get(CATALOG_VARIABLE)
    if handed and Path(handed).is_file():
        with open(handed, "rb") as handle:
            saved, catalog = pickle.load(handle)
        if saved == signature:  # the same files, unchanged since they were validated
            return catalog
    return _READER.load(data) if live() else load_catalog(data)


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
    cached = _CACHE.get(data)
    if cached and cached[0] == signature:
        return cached[1]
    result = Project(_load(data, signature))
    _CACHE[data] = (signature, result)
    return result


def forget() -> None:
    """Drop the loaded projects: the next ``project`` loads again (the UI strings changed)."""
    _CACHE.clear()
