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
* In its on_files the plugin re-creates every source File for the language being built
  (``create_i18n_file``: the language's folder in the destination, the URL, the other
  languages' Files as ``alternates``) and takes the list its sitemap prints
  (``i18n_files_per_language``). ``i18n_file`` makes such a File directly, for the tens of
  thousands of generated pages (the plugin's own way costs a third of a millisecond a
  File); ``check_files_match`` compares them with what the plugin makes of the same
  sources at every build, so a plugin that changes fails the build instead of leaving the
  generated pages out of step with the hand-written ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

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


# -- Files of generated pages, as the plugin would make them ------------------------------

#: what the plugin sets on each File it makes (create_i18n_file), besides MkDocs' own fields
_I18N_FIELDS = ("alternates", "locale", "locale_alternate_of", "localization", "norm_src_uri")
#: what is compared between a File made here and the plugin's own
_COMPARED = ("src_uri", "src_dir", "dest_dir", "use_directory_urls", "dest_uri", "inclusion",
             "name", "abs_dest_path", "url", "generated_by", *_I18N_FIELDS[1:])


def i18n_file(source: str, build_lang: str, config: Any) -> Any:
    """The File the plugin makes of the source ``source`` (a generated page, ``x.md`` or
    ``x.be.md``, never an index) for the build of ``build_lang``: what ``create_i18n_file``
    does, for this one case, with its values set directly (File's own constructor and the
    plugin both go through pathlib: the two Files of a page took most of on_files)."""
    from mkdocs.structure.files import File, InclusionLevel

    if not config.use_directory_urls:
        raise ThemeError("generated pages need use_directory_urls (mkdocs.yml)")
    path, lang = split_src_uri(source)
    localization = None if path == source else lang
    original_dest = f"{source[:-3]}/index.html"  # what MkDocs makes of the source itself
    name = source.rpartition("/")[2][:-3]
    dest = f"{path[:-3]}/index.html"
    if build_lang != DEFAULT:
        dest = f"{build_lang}/{dest}"
    file: Any = File.__new__(File)
    file.__dict__.update(
        src_uri=source, src_dir=config.docs_dir,
        dest_dir=os.path.normpath(original_dest),  # (sic: the plugin passes the path there)
        use_directory_urls=config.use_directory_urls, inclusion=InclusionLevel.UNDEFINED,
        name=name.rsplit(".", 1)[0] if localization else name, dest_uri=dest,
        abs_dest_path=os.path.normpath(os.path.join(config.site_dir, dest)),
        url=quote(dest[: -len("index.html")]), alternates={}, locale=localization or DEFAULT,
        locale_alternate_of=build_lang, localization=localization, norm_src_uri=path)
    file.alternates[build_lang] = file
    return file


def generated_files(paths: Sequence[str], config: Any) -> list[Any]:
    """The Files of the generated pages ``paths`` ('organizacje/x.md') for the language being
    built, each with its twins in the other languages as ``alternates``, in the order the
    plugin gives them (its own language, then the others sorted by code)."""
    current = current_language(config)
    others = sorted(lang for lang in config.plugins["i18n"].build_languages if lang != current)
    made = []
    for path in paths:
        file = i18n_file(src_uri(current, path), current, config)
        for other in others:
            file.alternates[other] = i18n_file(src_uri(other, path), other, config)
        made.append(file)
    return made


def _fields(file: Any) -> dict[str, Any]:
    found = {name: getattr(file, name, "<missing>") for name in _COMPARED}
    found["type"] = type(file).__name__
    found["alternates"] = {lang: (alt.src_uri, alt.dest_uri, alt.url, alt.abs_dest_path,
                                  alt.locale, alt.locale_alternate_of)
                           for lang, alt in getattr(file, "alternates", {}).items()}
    found["attributes"] = sorted(vars(file))
    return found


def check_files_match(path: str, config: Any) -> None:
    """Raise ThemeError unless the plugin makes of the sources of ``path`` (every language)
    the same File as ``generated_files`` does."""
    from mkdocs.structure.files import File, Files

    plugin = config.plugins["i18n"]
    sources = Files([File(src_uri(lang, path), config.docs_dir, config.site_dir,
                          config.use_directory_urls) for lang in LANGS])
    theirs = next((f for f in plugin.reconfigure_files(sources, config)
                   if f.is_documentation_page()), None)
    ours = generated_files([path], config)[0]
    if theirs is None or _fields(theirs) != _fields(ours):
        raise ThemeError(
            f"mkdocs-static-i18n no longer makes of the generated page {path} the File "
            f"theme/i18n.py makes (ours {_fields(ours)}, the plugin's "
            f"{_fields(theirs) if theirs is not None else None}) — update i18n_file for "
            "the installed version (README, 'Upgrading the theme')")


def list_in_sitemap(files: Sequence[Any], config: Any) -> None:
    """Add generated pages to the pages the plugin's sitemap lists for this language (it
    takes that list in its own on_files, before the generated pages are added)."""
    plugin = config.plugins["i18n"]
    listed = getattr(plugin, "i18n_files_per_language", None)
    lang = current_language(config)
    if not isinstance(listed, dict) or not isinstance(listed.get(lang), list):
        raise ThemeError("mkdocs-static-i18n no longer keeps the pages of its sitemap in "
                         "i18n_files_per_language; update theme/i18n.py")
    listed[lang].extend(files)
