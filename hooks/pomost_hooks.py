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
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from pomost import site, theme_fixes
from pomost.catalog import DataError

log = get_plugin_logger(__name__)

_MARKER = re.compile(r"^<!-- pomost:([a-z-]+) -->$", re.M)


def _lang(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language


def _project(config: MkDocsConfig) -> site.Project:
    try:
        return site.project(Path(config.config_file_path).parent)
    except DataError as err:
        raise PluginError(
            "The data in data/ cannot be published:\n" + str(err)
            + "\nNothing was published; fix the lines above and build again.") from None


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _project(config)  # fail before any page is built
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


def on_pre_page(page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
    target = site.generated_target(page.file.src_uri)
    if target:
        meta = _project(config).renderer(_lang(config)).page_meta(*target)
        page.file.content_string = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"
    return page


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if site.generated_target(page.file.src_uri):
        return ""  # the page's HTML comes straight from its template in on_page_content
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
    target = site.generated_target(page.file.src_uri)
    if not target:
        return html
    return _project(config).renderer(_lang(config)).page(*target, page.url,
                                                         site_url=config.site_url or "")


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    # Globals reach every theme template, the 404 included (it gets no page events).
    env.globals["pomost"] = _project(config).theme_globals(_lang(config), config.site_url or "")
    return env


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return theme_fixes.drop_checkbox_autocomplete(output)


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):  # the 404 page
        return theme_fixes.drop_checkbox_autocomplete(output)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    for path, content in _project(config).downloads(_lang(config)).items():
        out = Path(config.site_dir) / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)

