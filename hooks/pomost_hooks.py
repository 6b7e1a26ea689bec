"""The only MkDocs hook of Pomost: it connects data/ to the build, nothing more.

Loading, validating and rendering live in the ``pomost`` package next to this
file and know nothing of MkDocs; this module only answers MkDocs events.

Record pages are "phantom" files: File objects added before the i18n plugin's
on_files (priority -100), whose Markdown is supplied in on_pre_page. The i18n
plugin then treats them as ordinary pages (URLs, language switcher, sitemap,
search) and nothing is written into docs/, so `mkdocs serve` never loops on its
own output. Writing generated .md files into docs/ also works but leaves stale
files behind and loops serve unless every write is skipped when unchanged.

Every event runs once per language (the i18n plugin re-runs the whole build for
Belarusian), so the events are idempotent and the catalog is cached by the
data files' modification times: loaded and validated once per change.

Search: each language gets its own index (pomost/search.py), written in
on_post_build after the i18n plugin's own (merged) one. `python -m pomost build`
builds the two languages in parallel processes, each told its language by
POMOST_LANGUAGE (see pomost/parallel.py); `mkdocs build` and `mkdocs serve` build
both, one after the other, as the i18n plugin does by itself.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from pomost import parallel, search, site
from pomost.catalog import DataError

log = get_plugin_logger(__name__)

_MARKER = re.compile(r"^<!-- pomost:([a-z-]+) -->$", re.M)
_INDEXES = search.Indexes()
#: languages whose build is running: the i18n plugin runs Belarusian's whole build inside
#: Polish's on_post_build and leaves current_language at 'be' afterwards
_BUILDING: list[str] = []


def _lang(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language


#: config file -> the project of the build running now (data/ is checked for changes once
#: per build, in on_config, not on every page event)
_PROJECTS: dict[str, site.Project] = {}


def _project(config: MkDocsConfig) -> site.Project:
    return _PROJECTS.get(config.config_file_path) or _reload(config)


def _reload(config: MkDocsConfig) -> site.Project:
    try:
        _PROJECTS[config.config_file_path] = site.project(Path(config.config_file_path).parent)
        return _PROJECTS[config.config_file_path]
    except DataError as err:
        raise PluginError(
            "The data in data/ cannot be published:\n" + str(err)
            + "\nNothing was published; fix the lines above and build again.") from None


def _build_one_language(config: MkDocsConfig) -> None:
    """With POMOST_LANGUAGE set, this process builds that language only (pomost/parallel.py).

    The i18n plugin builds its current language first and the others from its on_post_build
    unless it believes it is already inside that loop (``building``). Both languages stay in
    its configuration, so the switcher and the sitemap alternates are as in a full build.
    """
    only = os.environ.get(parallel.LANGUAGE_VARIABLE)
    i18n = config.plugins["i18n"]
    if not only or i18n.current_language is not None:
        return
    if only not in i18n.build_languages:
        raise PluginError(f"{parallel.LANGUAGE_VARIABLE}={only}: not a language of mkdocs.yml "
                          f"({', '.join(i18n.build_languages)})")
    if not hasattr(i18n, "building"):
        raise PluginError("mkdocs-static-i18n no longer has the 'building' flag that "
                          "one-language builds rely on; pin 1.3.1 or update _build_one_language")
    i18n.current_language = only
    i18n.building = True


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _reload(config)  # fail before any page is built
    _build_one_language(config)
    i18n = config.plugins["i18n"].config
    problems = site.untranslated_nav(config.nav or [], {
        lang.locale: lang.nav_translations or {} for lang in i18n.languages if not lang.default})
    if problems:
        raise PluginError("\n".join(problems))
    return config


@event_priority(50)  # before the i18n plugin's on_files (-100), so it sees our files
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    missing = site.missing_translations(f.src_uri for f in files if f.is_documentation_page())
    if missing:
        raise PluginError("\n".join(missing))
    for src_uri in _project(config).generated_uris():
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_pre_build(*, config: MkDocsConfig) -> None:
    _BUILDING.append(_lang(config))
    _INDEXES.start(_lang(config))


def on_pre_page(page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
    if site.generated_target(page.file.src_uri):
        page.file.content_string = ""  # there is no file; the page is made in the events below
    return page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    target = site.generated_target(page.file.src_uri)
    if target:
        # Title and description straight into the page's meta (YAML front matter written
        # here and parsed back by MkDocs cost a millisecond a page); the HTML comes from
        # the page's template in on_page_content.
        page.meta.update(_project(config).renderer(_lang(config)).page_meta(*target))
        return ""
    if not isinstance(page.meta.get("description"), str):
        # A colon in an unquoted value breaks front matter silently; it would show as text.
        raise PluginError(f"docs/{page.file.src_uri}: the front matter at the top has no "
                          "'description: …' line (or is broken — put the text in quotes)")
    renderer = _project(config).renderer(_lang(config))

    def replace(match: re.Match) -> str:
        try:
            return renderer.marker(match.group(1), page.url)
        except KeyError:
            raise PluginError(f"docs/{page.file.src_uri}: unknown marker "
                              f"'{match.group(0)}'") from None

    return _MARKER.sub(replace, markdown)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = _project(config).renderer(_lang(config))
    target = site.generated_target(page.file.src_uri)
    if target:
        # MkDocs converts every page before it writes the first one and keeps all of them;
        # a record page's HTML is made just before its own template (on_page_context) and
        # dropped once written (on_post_page), so thousands are never in memory at once.
        html = ""
    own = page.meta.get("search") or {}
    if not own.get("exclude"):
        url = search.location(page.url, renderer.prefix)
        _INDEXES.add(renderer.lang, [search.record_entry(url, page.title, page.meta["description"])]
                     if target else search.page_entries(url, page.title, html))
    # Our index has the page; Material's plugin need not parse its HTML again.
    page.meta["search"] = {**own, "exclude": True}
    return html


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav) -> dict:
    renderer = _project(config).renderer(_lang(config))
    target = site.generated_target(page.file.src_uri)
    if target:
        page.content = renderer.page(*target, page.url)
    context["pomost_search_base"] = search.base(context["base_url"], renderer.prefix)
    return context


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":  # a 404 in /be/ searches the Belarusian pages too
        prefix = _project(config).renderer(_lang(config)).prefix
        context["pomost_search_base"] = search.base(context["base_url"], prefix)
    return context


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    prefix = _project(config).renderer(_lang(config)).prefix
    if not search.searches_own_language(output, prefix):
        raise PluginError(
            f"{page.url}: the page's __config does not point search at /{prefix} — Material "
            "changed how it writes __config; update the 'config' block in overrides/main.html")
    if site.generated_target(page.file.src_uri):
        page.content = None  # written: free it (see on_page_content)
    return output


@event_priority(-200)  # after the i18n plugin's on_post_build, which writes a merged index
def on_post_build(*, config: MkDocsConfig) -> None:
    renderer = _project(config).renderer(_BUILDING.pop())
    for path, content in _project(config).downloads(renderer.lang).items():
        out = Path(config.site_dir) / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    plugin = config.plugins.get("material/search")
    if plugin is None:  # search switched off in mkdocs.yml
        return
    options = plugin.config
    _INDEXES.write(renderer.lang, Path(config.site_dir) / renderer.prefix,
                   {key: options[key] for key in ("lang", "separator", "pipeline", "fields")})


def on_build_error(*, error: Exception) -> None:
    _BUILDING.clear()  # the failed build never reaches on_post_build
