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
from pomost.build import lastmod, parallel
from pomost.build import project as site
from pomost.l10n import _
from pomost.langs import home
from pomost.publish import search, searchindex, searchpages
from pomost.records.catalog import DataError
from pomost.render import azindex
from pomost.render.pages import MARKERS, STATEMENT
from pomost.theme import generated, i18n, material

log = get_plugin_logger(__name__)

_MARKER = re.compile(r"^<!-- pomost:([a-z-]+) -->$", re.M)
_MARKER_IN_HTML = re.compile(r"<!-- pomost:([a-z-]+) -->")
#: filled in on_env, once every page's title is known (see there)
_A_Z = "<!-- pomost:a-z -->"
#: the sitemap's <lastmod>, set per build in on_config (see pomost/build/lastmod.py)
_LASTMOD: dict[str, str | None] = {}
_INDEXES = search.Indexes()
#: config file -> what makes the search entries of record pages, for the running build
_ENTRIES: dict[str, search.Entries] = {}
#: languages whose build is running: the i18n plugin runs Belarusian's whole build inside
#: Polish's on_post_build and leaves current_language at 'be' afterwards
_BUILDING: list[str] = []
#: config file -> the project of the build running now (data/ is checked for changes once
#: per build, in on_config, not on every page event)
_PROJECTS: dict[str, site.Project] = {}


def _lang(config: MkDocsConfig) -> str:
    return i18n.current_language(config)


def _project(config: MkDocsConfig) -> site.Project:
    return _PROJECTS.get(config.config_file_path) or _reload(config)


def _reload(config: MkDocsConfig) -> site.Project:
    try:
        _PROJECTS[config.config_file_path] = site.project(Path(config.config_file_path).parent)
        return _PROJECTS[config.config_file_path]
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


@event_priority(50)  # before the i18n plugin's on_files (-100), so it sees our files
def _add_generated_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    missing = i18n.missing_translations(f.src_uri for f in files if f.is_documentation_page())
    if missing:
        raise PluginError("\n".join(missing))
    for file in generated.phantom_files(_project(config).catalog, config):
        files.append(file)
    return files


@event_priority(-150)  # after the i18n plugin has made its own File objects of ours
def _mark_generated_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    generated.mark_generated(files)
    return files


on_files = CombinedEvent(_add_generated_files, _mark_generated_files)


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
        if (match.group(0) != _A_Z and match.group(1) not in MARKERS
                and match.group(1) not in searchpages.MARKERS):
            raise PluginError(_("docs/{page}: unknown marker '{marker}' — known: {known}").format(
                page=page.file.src_uri, marker=match.group(0),
                known=", ".join([*MARKERS, *searchpages.MARKERS])))
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
    if not own.get("exclude"):
        url = search.location(page.url, renderer.prefix)
        if target and target[0] == STATEMENT:
            entries = [search.plain_entry(url, page.title, page.meta["description"])]
        elif target:
            entries = [_ENTRIES[config.config_file_path].record(url, *target, renderer.lang)]
        else:
            entries = search.page_entries(url, page.title, html)
        _INDEXES.add(renderer.lang, entries)
    # Our index has the page; Material's plugin need not parse its HTML again.
    page.meta["search"] = {**own, "exclude": True}
    return html


def _title(page: Page) -> str:
    """The page's own title: its heading, not the shorter nav label ("Aktualności")."""
    if page.meta.get("title"):
        return page.meta["title"]
    first = page.toc.items[0] if page.toc.items else None
    return first.title if first and first.level == 1 else page.title


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    # The first event at which every page of this language has its title, and the last one
    # before pages are written: the A–Z page gets its list here.
    lang = _lang(config)
    project = _project(config)
    renderer = project.renderer(lang)
    # Globals reach every theme template, the 404 included (it gets no page events).
    env.globals["pomost"] = project.theme_globals(lang, config.site_url or "")
    env.globals["pomost_t"] = renderer.strings  # for overrides/404.html
    env.globals["pomost_search"] = {**search.LABELS[lang], "page": search.SEARCH_PAGE}
    env.globals["pomost_home"] = home(urlsplit(_site_url(config)).path, lang)
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    for page in pages:
        if page.content and _A_Z in page.content:
            entries = [azindex.Entry(_title(p), p.url) for p in pages if p is not page]
            page.content = page.content.replace(
                _A_Z, renderer.a_z(azindex.groups(entries, lang), page.url))
    return env


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    renderer = _project(config).renderer(_lang(config))
    target = generated.generated_target(page.file.src_uri)
    if target:
        page.content = renderer.page(*target, page.url, site_url=config.site_url or "")
    elif page.content and "<!-- pomost:" in page.content:
        page.content = _MARKER_IN_HTML.sub(lambda match: (
            searchpages.marker(match.group(1), page.url, renderer)
            if match.group(1) in searchpages.MARKERS
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
    tags = renderer.head(page.url, _site_url(config), _title(page), page.meta["description"])
    # The Atom feeds of both languages are advertised in every page's head.
    title = None if page.is_homepage else _title(page)  # the home page: the site's name
    return material.fix_page(output, tags + project.feed_links(lang, _site_url(config)),
                             title=title, site_name=config.site_name,
                             search_label=renderer.strings["search_label"])


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    label = _project(config).renderer(_lang(config)).strings["search_label"]
    return i18n.place_404(material.fix_404(output, label), _lang(config), config.site_dir)


@event_priority(-200)  # after the i18n plugin's on_post_build, which writes a merged index
def on_post_build(*, config: MkDocsConfig) -> None:
    project = _project(config)
    renderer = project.renderer(_BUILDING.pop())
    for path, content in project.downloads(renderer.lang).files(_site_url(config)).items():
        out = Path(config.site_dir) / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    if material.search_enabled(config.plugins):
        searchindex.write(Path(config.site_dir) / renderer.prefix, renderer.lang,
                          _INDEXES.docs(renderer.lang),
                          search.facet_values(_project(config).catalog, renderer.lang))


def on_build_error(*, error: Exception) -> None:
    _BUILDING.clear()  # the failed build never reaches on_post_build
