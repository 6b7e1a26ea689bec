"""The project as the build sees it: the catalog, its renderers and its generated files.

Kept free of MkDocs so that tests and `make check` use exactly what the build uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .catalog import Catalog, load_catalog
from .render import SECTIONS, Renderer, csv_name, environment
from .strings import LANGS

DEFAULT = LANGS[0]
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

    def renderer(self, lang: str) -> Renderer:
        if lang not in self._renderers:
            self._renderers[lang] = Renderer(self.catalog, lang, environment())
        return self._renderers[lang]

    def generated_uris(self) -> Iterable[str]:
        """Source paths of every record page, in every language."""
        for kind, section in SECTIONS.items():
            for rid in self.catalog.of_kind(kind):
                for lang in LANGS:
                    yield src_uri(lang, f"{section}/{rid}.md")

    def downloads(self, lang: str) -> dict[str, bytes]:
        """Files written next to the pages of ``lang``: path under the site -> content."""
        renderer = self.renderer(lang)
        path = f"{renderer.prefix}{SECTIONS['instrument']}/{csv_name(renderer.strings)}"
        return {path: renderer.grant_csv().encode("utf-8")}


def generated_target(uri: str) -> tuple[str, str] | None:
    """(kind, id) of a generated record page, or None for a hand-written page."""
    path, _ = _strip_lang(uri)
    section, _, name = path.rpartition("/")
    if section in _KINDS and name != "index.md" and "/" not in section:
        return _KINDS[section], name[:-3]
    return None


_CACHE: dict[Path, tuple[tuple, Project]] = {}

def _signature(data: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in data.glob("*.yml")))


def project(root: Path) -> Project:
    """The project at ``root``, loaded once and again only when a file in data/ changes."""
    data = root / "data"
    signature = _signature(data)
    cached = _CACHE.get(data)
    if cached and cached[0] == signature:
        return cached[1]
    result = Project(load_catalog(data))
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
