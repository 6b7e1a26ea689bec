"""The only MkDocs hook of Pomost: it answers MkDocs events and nothing more.

Loading, validating, rendering and the search entries live in the ``pomost`` package next
to this file and know nothing of MkDocs; what knows Material and the i18n plugin is its
theme layer, ``pomost.theme`` (record pages are its "phantom files", see
pomost/theme/generated.py). Each event here only hands MkDocs' objects to them and back.

Every event runs once per language (the i18n plugin re-runs the whole build for
Belarusian), so the events are idempotent and the catalog is loaded once per
build, in on_config, and reloaded only when a file in data/ changed; under
`make site` it comes validated from `python -m pomost check` (POMOST_CATALOG).

Search: each language gets its own index (pomost/publish/search.py), written in
on_post_build after the i18n plugin's own (merged) one. `python -m pomost build`
builds the two languages in parallel processes, each told its language by
POMOST_LANGUAGE (see pomost/build/parallel.py); `mkdocs build` and `mkdocs serve` build
both, one after the other, as the i18n plugin does by itself.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from pomost import theme
from pomost.build import lastmod, parallel, pool
from pomost.build import project as site
from pomost.l10n import _
from pomost.langs import home
from pomost.publish import search, searchindex, searchpages
from pomost.records.catalog import DataError
from pomost.render.pages import MARKERS
from pomost.theme import compiled, frame, generated, i18n, live, material, records

log = get_plugin_logger(__name__)

_MARKER = re.compile(r"^<!-- pomost:([a-z-]+) -->$", re.M)
_MARKER_IN_HTML = re.compile(r"<!-- pomost:([a-z-]+) -->")
#: the sitemap's <lastmod>, set per build in on_config (see pomost/build/lastmod.py)
_LASTMOD: dict[str, str | None] = {}
_INDEXES = search.Indexes()
#: config file -> what makes the search entries of record pages, for the running build
_ENTRIES: dict[str, search.Entries] = {}
#: languages whose build is running: the i18n plugin runs Belarusian's whole build inside
#: Polish's on_post_build and leaves current_language at 'be' afterwards
_BUILDING: list[str] = []
#: language -> the navigation of its build (on_nav), for the record pages' templates
_NAV: dict[str, Navigation] = {}
#: language -> the writer of its record pages, from on_env to on_post_build (see there)
_RECORD_PAGES: dict[str, records.RecordPages] = {}


def _lang(config: MkDocsConfig) -> str:
    return i18n.current_language(config)


def _project(config: MkDocsConfig) -> site.Project:
    return site.current(config.config_file_path) or _reload(config)


def _reload(config: MkDocsConfig) -> site.Project:
    try:
        found = site.project(Path(config.config_file_path).parent)
        site.set_current(config.config_file_path, found)
        return found
    except DataError as err:
        raise PluginError(
            _("The data in data/ has problems; the site was not built:") + "\n" + str(err)
            + "\n" + _("Fix the lines above and build again.")) from None


def _site_url(config: MkDocsConfig) -> str:
    if not config.site_url:
        raise PluginError(_("mkdocs.yml has no site_url — calendars, feeds and hreflang links "
                            "need absolute addresses"))
    return config.site_url


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    try:
        for problem in theme.check_versions():
            log.warning(_("untested theme version: {problem}").format(problem=problem))
        only = os.environ.get(parallel.LANGUAGE_VARIABLE)
        if only:  # this process builds one language (pomost/build/parallel.py)
            i18n.build_only(config, only, parallel.LANGUAGE_VARIABLE)
    except theme.ThemeError as err:
        raise PluginError(str(err)) from None
    _reload(config)  # fail before any page is built
    _site_url(config)  # hreflang, feeds and calendars need it: say so before building
    problems = i18n.untranslated_nav(config)
    if problems:
        raise PluginError("\n".join(problems))
    _LASTMOD["date"] = lastmod.content_date(Path(config.config_file_path).parent)
    return config


@event_priority(50)  # before the i18n plugin's on_files (-100), which would fall back silently
def _check_translations(files: Files, /, *, config: MkDocsConfig) -> Files:
    missing = i18n.missing_translations(f.src_uri for f in files if f.is_documentation_page())
    if missing:
        raise PluginError("\n".join(missing))
    return files


@event_priority(-150)  # after the i18n plugin has made its Files of the hand-written pages
def _add_generated_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    try:
        generated.add_generated_pages(files, _project(config).catalog, config)
    except theme.ThemeError as err:
        raise PluginError(str(err)) from None
    return files


on_files = CombinedEvent(_check_translations, _add_generated_files)


@event_priority(-200)  # the navigation as every plugin left it
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    _NAV[_lang(config)] = nav
    return nav


def on_pre_build(*, config: MkDocsConfig) -> None:
    _BUILDING.append(_lang(config))
    _INDEXES.start(_lang(config))
    _ENTRIES[config.config_file_path] = search.Entries(_project(config).catalog)


def on_pre_page(page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
    if generated.generated_target(page.file.src_uri):
        page.file.content_string = ""  # there is no file; the page is made in the events below
    date = _LASTMOD.get("date")
    if date:
        page.update_date = date  # what the sitemap's <lastmod> shows
    return page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = _project(config).renderer(_lang(config))
    target = generated.generated_target(page.file.src_uri)
    if target:
        # Title and description straight into the page's meta (YAML front matter written
        # here and parsed back by MkDocs cost a millisecond a page); the HTML comes from
        # the page's template in on_page_context.
        page.meta.update(renderer.page_meta(*target))
        return ""
    if not isinstance(page.meta.get("description"), str):
        # A colon in an unquoted value breaks front matter silently; it would show as text.
        raise PluginError(_("docs/{page}: the front matter at the top has no 'description: …' "
                            "line (or is broken — put the text in quotes)").format(
            page=page.file.src_uri))

    for match in _MARKER.finditer(markdown):
        if match.group(1) not in MARKERS and match.group(1) != searchpages.MARKER:
            raise PluginError(_("docs/{page}: unknown marker '{marker}' — known: {known}").format(
                page=page.file.src_uri, marker=match.group(0),
                known=", ".join([*MARKERS, searchpages.MARKER])))
    # The markers pass through Markdown as HTML comments and are filled in on_page_context,
    # just before the page is written: their HTML is finished (Markdown would only re-scan
    # it, slowly on long lists), it repeats what record pages hold (the search index takes
    # the page without it), and a long list is then in memory only while its page is written.
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = _project(config).renderer(_lang(config))
    target = generated.generated_target(page.file.src_uri)
    if target:
        # MkDocs converts every page before it writes the first one and keeps all of them;
        # a record page's HTML is made just before its own template (on_page_context) and
        # dropped once written (on_post_page), so thousands are never in memory at once.
        html = ""
    own = page.meta.get("search") or {}
    entries = None
    if not own.get("exclude"):
        entries = records.search_entries(page, html, renderer, _ENTRIES[config.config_file_path])
        _INDEXES.add(renderer.lang, entries)
    if live.enabled():
        live.saw(renderer.lang, page, html, entries)
    # Our index has the page; Material's plugin need not parse its HTML again.
    page.meta["search"] = {**own, "exclude": True}
    return html


def _index_pages(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    # The first event at which every page of this language has its title, and the last one
    # before pages are written: the A–Z index's entries are known here.
    compiled.use(env)  # Material's templates compiled once per process tree (theme/compiled.py)
    lang = _lang(config)
    project = _project(config)
    renderer = project.renderer(lang)
    # Globals reach every theme template, the 404 included (it gets no page events).
    env.globals["pomost"] = project.theme_globals(lang, config.site_url or "")
    env.globals["pomost_t"] = renderer.strings  # for overrides/404.html
    env.globals["pomost_search"] = {**search.labels(lang), "page": search.SEARCH_PAGE}
    env.globals["pomost_home"] = home(urlsplit(_site_url(config)).path, lang)
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    records.index_pages(pages, renderer)
    return env


@event_priority(-200)  # after every plugin's on_env: the theme's environment is final
def _start_record_pages(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    # Record pages are written by the hook, not by MkDocs' own loop: through their section's
    # frame (theme/frame.py), and on every core when `python -m pomost build` asks for
    # workers (build/pool.py). The rest of the build goes on meanwhile; on_post_build waits.
    lang = _lang(config)
    pages = records.RecordPages(config, _NAV[lang], env, files,
                                lambda: _project(config).renderer(lang))
    pages.leave_out(files, pages.records)
    try:
        proven = pages.make_frames()
    except frame.FrameError as err:
        raise PluginError(str(err)) from None
    if live.enabled():  # the preview: only what changed (theme/live.py)
        rest = live.plan(lang, config, pages, files, proven)
    else:
        rest = [page for page in pages.records if not any(page is p for p in proven)]
    pages.start(rest, children=int(os.environ.get(parallel.WORKERS_VARIABLE, "0")))
    _RECORD_PAGES[lang] = pages
    return env


on_env = CombinedEvent(_index_pages, _start_record_pages)


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    renderer = _project(config).renderer(_lang(config))
    target = generated.generated_target(page.file.src_uri)
    if target:
        page.content = renderer.page(*target, page.url, site_url=config.site_url or "")
    elif page.content and "<!-- pomost:" in page.content:
        with renderer.making(page.url):  # (what the page is made of: for the preview)
            page.content = _MARKER_IN_HTML.sub(lambda match: (
                searchpages.marker(page.url, renderer) if match.group(1) == searchpages.MARKER
                else renderer.marker(match.group(1), page.url)), page.content)
        page.meta["pomost_filled"] = True
    context["pomost_search_base"] = material.search_base(context["base_url"], renderer.prefix)
    material.escape_page_texts(page.meta)
    material.hide_short_toc(page.meta, page.toc)
    return context


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        i18n.switcher_to_homes(config, urlsplit(_site_url(config)).path)
        # A 404 in /be/ searches the Belarusian pages too.
        prefix = _project(config).renderer(_lang(config)).prefix
        context["pomost_search_base"] = material.search_base(context["base_url"], prefix)
    return context


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    project, lang = _project(config), _lang(config)
    renderer = project.renderer(lang)
    if not material.searches_own_language(output, renderer.prefix):
        raise PluginError(
            _("{url}: the page's __config does not point search at /{prefix} — Material changed "
              "how it writes __config; update the 'config' block in overrides/main.html").format(
                url=page.url, prefix=renderer.prefix))
    if generated.generated_target(page.file.src_uri) or page.meta.get("pomost_filled"):
        page.content = None  # written: free it (see on_page_content and on_page_context)
    # Every page has a description: on_page_markdown requires it, generated pages get theirs.
    tags = renderer.head(page.url, _site_url(config), records.page_title(page),
                         page.meta["description"])
    # The Atom feeds of both languages are advertised in every page's head.
    title = None if page.is_homepage else records.page_title(page)  # the home page: the site's name
    return material.fix_page(output, tags + project.feed_links(lang, _site_url(config)),
                             title=title, site_name=config.site_name,
                             search_label=renderer.strings["search_label"])


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    label = _project(config).renderer(_lang(config)).strings["search_label"]
    return i18n.place_404(material.fix_404(output, label), _lang(config), config.site_dir)


@event_priority(-50)  # before the i18n plugin's (-100), which builds the other languages
def _finish_record_pages(*, config: MkDocsConfig) -> None:
    writer = _RECORD_PAGES.pop(_lang(config), None)
    if writer is not None:
        try:
            writer.finish()
        except pool.WorkerError as err:
            raise PluginError(_("a record page could not be written:") + f"\n{err}") from None


@event_priority(-200)  # after the i18n plugin's on_post_build, which writes a merged index
def _write_files_beside(*, config: MkDocsConfig) -> None:
    project = _project(config)
    renderer = project.renderer(_BUILDING.pop())
    downloads = project.downloads(renderer.lang)
    beside = (live.files_beside(renderer.lang, downloads, _site_url(config)) if live.enabled()
              else downloads.files(_site_url(config)))
    for path, content in beside.items():
        out = Path(config.site_dir) / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    if material.search_enabled(config.plugins):
        searchindex.write(Path(config.site_dir) / renderer.prefix, renderer.lang,
                          _INDEXES.docs(renderer.lang),
                          search.values_of(_project(config).catalog, renderer.lang))


# (CombinedEvent's type fits only events with a positional argument; post_build has none.)
on_post_build = CombinedEvent(_finish_record_pages, _write_files_beside)  # type: ignore[arg-type]


def on_build_error(*, error: Exception) -> None:
    _BUILDING.clear()  # the failed build never reaches on_post_build
    for writer in _RECORD_PAGES.values():
        with contextlib.suppress(Exception):
            writer.finish()  # wait for its children; their error is not the one to show
    _RECORD_PAGES.clear()
