"""The project as the build sees it: the catalog, its renderers and its generated files.

Kept free of MkDocs so that tests and `make check` use exactly what the build uses.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import feed, ical, timeline
from .catalog import NEWS_FOLDER, Catalog, load_catalog
from .render import SECTIONS, STATEMENT, Renderer, csv_name, environment
from .strings import LANGS
from .urls import DEFAULT, absolute


#: The accessibility statement (deklaracja dostępności): its URL under each language root,
#: its source path (a phantom page like the record pages) and its kind for the renderer.
STATEMENT_PATH = "deklaracja-dostepnosci/"
STATEMENT_SRC = STATEMENT_PATH.rstrip("/") + ".md"
_KINDS = {section: kind for kind, section in SECTIONS.items()}


def src_uri(lang: str, path: str) -> str:
    """'organizacje/x.md' in Polish, 'organizacje/x.be.md' in Belarusian (suffix layout)."""
    return path if lang == DEFAULT else f"{path[:-3]}.{lang}.md"


def _strip_lang(uri: str) -> tuple[str, str]:
    for lang in LANGS[1:]:
        if uri.endswith(f".{lang}.md"):
            return uri[: -len(f".{lang}.md")] + ".md", lang
    return uri, DEFAULT


@dataclass
class Project:
    catalog: Catalog
    _renderers: dict[str, Renderer] = field(default_factory=dict)
    _feed_links: dict[tuple[str, str], str] = field(default_factory=dict)

    def renderer(self, lang: str) -> Renderer:
        if lang not in self._renderers:
            self._renderers[lang] = Renderer(self.catalog, lang, environment())
        return self._renderers[lang]

    def generated_uris(self) -> Iterable[str]:
        """Source paths of every generated page (records, the statement), in every language."""
        for lang in LANGS:
            yield src_uri(lang, STATEMENT_SRC)
        for kind, section in SECTIONS.items():
            for rid in self.catalog.of_kind(kind):
                for lang in LANGS:
                    yield src_uri(lang, f"{section}/{rid}.md")

    def theme_globals(self, lang: str, site_url: str) -> dict[str, str]:
        """What the theme overrides show on every page, the 404 included: the skip link's
        label and the link to the accessibility statement (relative path and absolute URL)."""
        strings = self.renderer(lang).strings
        path = self.renderer(lang).prefix + STATEMENT_PATH
        return {"skip_label": strings["skip_link"], "statement_label": strings["a11y_title"],
                "statement_path": path,
                "statement_url": absolute(site_url, path) if site_url else "/" + path}

    def downloads(self, lang: str, site_url: str,
                  built: dt.datetime | None = None) -> dict[str, bytes]:
        """Files written next to the pages of ``lang``: path under the site -> content.

        ``site_url`` makes the links in calendars and feeds absolute; ``built`` is the build
        instant (default: timeline.build_instant()).
        """
        renderer = self.renderer(lang)
        built = built or timeline.build_instant()
        path = f"{renderer.prefix}{SECTIONS['instrument']}/{csv_name(renderer.strings)}"
        return {path: renderer.grant_csv, **renderer.open_data.files,
                **self.calendars(lang, site_url, built),
                renderer.feed_path: self.feed(lang, site_url, built)}

    def event_url(self, lang: str, site_url: str, rid: str) -> str:
        return absolute(site_url, f"{self.renderer(lang).prefix}{SECTIONS['event']}/{rid}/")

    def calendars(self, lang: str, site_url: str, built: dt.datetime) -> dict[str, bytes]:
        """One .ics per dated event and one of all of them (undated events have none)."""
        r = self.renderer(lang)
        events = r.events_split()
        ordered = events.upcoming + events.past  # undated ones are left out by ical
        urls = {rid: self.event_url(lang, site_url, rid) for rid in self.catalog.events}
        name = f"{r.text(self.catalog.settings.name)} — {r.strings['section_events']}"

        def ics(events_, title):
            return ical.calendar(events_, lang=lang, strings=r.strings, name=title,
                                 page_url=urls, site_url=site_url, stamp=built)

        files = {r.ics_path(): ics(ordered, name)}
        for event in ordered:
            if event.date:
                files[r.ics_path(event.id)] = ics([event], r.text(event.title))
        return files

    def feed(self, lang: str, site_url: str, built: dt.datetime) -> bytes:
        """The Atom feed of ``lang``: news first (dated newest first), then the events as
        the index lists them."""
        r = self.renderer(lang)
        news = sorted(self.catalog.news.values(), key=lambda n: n.date or dt.date.min,
                      reverse=True)
        entries = [feed.Entry(absolute(site_url, f"{r.prefix}{NEWS_FOLDER}/{item.id}/"),
                              r.text(item.title), r.text(item.summary), item.date)
                   for item in news]
        split = r.events_split()
        for event in split.upcoming + split.past + split.unplaced:
            where = f", {r.text(event.place)}" if event.place else ""
            entries.append(feed.Entry(
                self.event_url(lang, site_url, event.id), r.text(event.title),
                f"{r.when_text(event)}{where}. {r.text(event.summary)}"))
        return feed.atom(entries, lang=lang, title=r.feed_title(),
                         author=r.text(self.catalog.settings.name),
                         self_url=absolute(site_url, r.feed_path),
                         home_url=absolute(site_url, r.prefix), built=built)

    def feed_links(self, lang: str, site_url: str) -> str:
        """<link rel="alternate"> tags for every page's <head>: the feeds of all languages,
        the page's own first."""
        key = (lang, site_url)
        if key not in self._feed_links:
            others = [self.renderer(other) for other in sorted(LANGS, key=lambda x: x != lang)]
            self._feed_links[key] = self.renderer(lang).env.get_template(
                "feed_links.html").render(feeds=[
                    {"lang": o.lang, "title": o.feed_title(),
                     "href": absolute(site_url, o.feed_path)} for o in others])
        return self._feed_links[key]


#: what a project is made of: a copy of these builds the same site elsewhere (tests, bench)
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def copy_project(root: Path, target: Path, *, data: bool = True) -> Path:
    """Copy the project at ``root`` into ``target`` (without data/ when ``data`` is false)."""
    for part in PROJECT_PARTS:
        if part == "data" and not data:
            continue
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def generated_target(uri: str) -> tuple[str, str] | None:
    """(kind, id) of a generated record page, or None for a hand-written page."""
    path, _ = _strip_lang(uri)
    if path == STATEMENT_SRC:
        return STATEMENT, ""
    section, _, name = path.rpartition("/")
    if section in _KINDS and name != "index.md" and "/" not in section:
        return _KINDS[section], name[:-3]
    return None


_CACHE: dict[Path, tuple[tuple, Project]] = {}

def _signature(data: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in data.glob("*.yml")))


#: a file with the catalog validated by `python -m pomost check --save`, handed by
#: `python -m pomost build` to its per-language builds (see there)
CATALOG_VARIABLE = "POMOST_CATALOG"


def save_catalog(root: Path, catalog: Catalog, path: Path) -> None:
    with open(path, "wb") as handle:
        pickle.dump((_signature(root / "data"), catalog), handle, pickle.HIGHEST_PROTOCOL)


def _load(data: Path, signature: tuple) -> Catalog:
    handed = os.environ.get(CATALOG_VARIABLE)
    if handed and Path(handed).is_file():
        with open(handed, "rb") as handle:
            saved, catalog = pickle.load(handle)
        if saved == signature:  # the same files, unchanged since they were validated
            return catalog
    return load_catalog(data)


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


def missing_translations(uris: Iterable[str]) -> list[str]:
    """A line for every hand-written page that lacks its twin in another language."""
    by_page: dict[str, set[str]] = {}
    for uri in uris:
        path, lang = _strip_lang(uri)
        by_page.setdefault(path, set()).add(lang)
    problems = []
    for path, langs in sorted(by_page.items()):
        for lang in LANGS:
            if lang not in langs:
                problems.append(f"docs/{src_uri(lang, path)} is missing — docs/"
                                f"{src_uri(sorted(langs)[0], path)} has no {lang} translation; "
                                "every page needs Polish and Belarusian")
    return problems


def untranslated_nav(nav: list, translations: dict[str, dict[str, str]]) -> list[str]:
    """A line for every nav title without a translation in each non-default language."""
    problems = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    for lang, table in translations.items():
                        if title not in table:
                            problems.append(
                                f"mkdocs.yml: nav title '{title}' has no '{lang}' translation — "
                                f"add it under plugins → i18n → languages → {lang} → "
                                "nav_translations")
                    if isinstance(value, list):
                        walk(value)

    walk(nav)
    return problems
