"""What Pomost knows of mkdocs-static-i18n 1.3.1 (``docs_structure: suffix``).

* Sources: ``x.md`` is the default language's page, ``x.be.md`` its Belarusian twin; the
  plugin builds the default language at the site root and each other one under ``<lang>/``.
* Every MkDocs event runs once per language: the plugin runs a whole second build for
  Belarusian from inside the Polish build's ``on_post_build``; ``current_language`` says
  which is being built, and ``building`` that the plugin is inside that loop.
* It writes one ``404.html`` per build at the root (the last language wins) and keeps the
  language switcher's links in ``config.extra.alternate``.
* A nav title without ``nav_translations`` silently stays Polish; a missing page silently
  falls back to Polish (``fallback_to_default`` must stay true for shared assets), so both
  are checked here and fail the build instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pomost.l10n import _
from pomost.langs import DEFAULT, LANGS, home
from pomost.theme import ThemeError

#: the files every language's build writes at the site root itself: when the languages are
#: built in separate processes (build/parallel.py) only the default language's are kept —
#: the search index there is rewritten per language, the sitemaps are merged, and a
#: language's own 404 is written to <lang>/404.html (``place_404``)
ROOT_FILES_PER_LANGUAGE = frozenset({"search/search_index.json", "404.html", "sitemap.xml",
                                     "sitemap.xml.gz"})


def src_uri(lang: str, path: str) -> str:
    """'organizacje/x.md' in Polish, 'organizacje/x.be.md' in Belarusian (suffix layout)."""
    return path if lang == DEFAULT else f"{path[:-3]}.{lang}.md"


def split_src_uri(uri: str) -> tuple[str, str]:
    """'organizacje/x.be.md' -> ('organizacje/x.md', 'be')."""
    for lang in LANGS[1:]:
        if uri.endswith(f".{lang}.md"):
            return uri[: -len(f".{lang}.md")] + ".md", lang
    return uri, DEFAULT


def current_language(config: Any) -> str:
    """The language being built now."""
    return config.plugins["i18n"].current_language


def build_only(config: Any, lang: str, variable: str) -> None:
    """Make this MkDocs run build ``lang`` alone (one process per language).

    The plugin builds its current language first and the others from its on_post_build
    unless it believes it is already inside that loop (``building``). Both languages stay in
    its configuration, so the switcher and the sitemap alternates are as in a full build.
    ``variable`` names the setting that asked for it, for the messages.
    """
    i18n = config.plugins["i18n"]
    if i18n.current_language is not None:
        return
    if lang not in i18n.build_languages:
        raise ThemeError(_("{variable}={lang}: not a language of mkdocs.yml ({langs})").format(
            variable=variable, lang=lang, langs=", ".join(i18n.build_languages)))
    if not hasattr(i18n, "building"):
        raise ThemeError(_("mkdocs-static-i18n no longer has the 'building' flag that "
                           "one-language builds rely on; pin 1.3.1 or update theme/i18n.py"))
    i18n.current_language = lang
    i18n.building = True


def untranslated_nav(config: Any) -> list[str]:
    """A line for every nav title without a translation in each non-default language."""
    translations = {lang.locale: lang.nav_translations or {}
                    for lang in config.plugins["i18n"].config.languages if not lang.default}
    problems = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    for lang, table in translations.items():
                        if title not in table:
                            problems.append(_(
                                "mkdocs.yml: nav title '{title}' has no '{lang}' translation — "
                                "add it under plugins → i18n → languages → {lang} → "
                                "nav_translations").format(title=title, lang=lang))
                    if isinstance(value, list):
                        walk(value)

    walk(config.nav or [])
    return problems


def missing_translations(uris: Iterable[str]) -> list[str]:
    """A line for every hand-written page that lacks its twin in another language."""
    by_page: dict[str, set[str]] = {}
    for uri in uris:
        path, lang = split_src_uri(uri)
        by_page.setdefault(path, set()).add(lang)
    problems = []
    for path, langs in sorted(by_page.items()):
        for lang in LANGS:
            if lang not in langs:
                problems.append(_(
                    "docs/{missing} is missing — docs/{page} has no {lang} translation; every "
                    "page needs Polish and Belarusian").format(
                    missing=src_uri(lang, path), page=src_uri(sorted(langs)[0], path), lang=lang))
    return problems


def switcher_to_homes(config: Any, root: str) -> None:
    """On the 404 page the switcher leads to each language's home.

    It would keep the links of the page built last (the plugin sets them as an attribute,
    which templates read before the item); from a page that does not exist it can only
    lead home."""
    config.extra.alternate = [{**alt, "link": home(root, alt["lang"])}
                              for alt in config.extra["alternate"]]


def place_404(html: str, lang: str, site_dir: str) -> str:
    """Where this language's 404 page goes; returns what MkDocs should write at /404.html.

    The plugin writes every language's 404 to /404.html, the last one winning; the default
    language's stays there and each other one goes to /<lang>/404.html. An empty result
    tells MkDocs not to write the file itself.
    """
    if lang == DEFAULT:
        return html
    out = Path(site_dir) / lang / "404.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return ""
