"""The phantom files: generated pages that MkDocs and the i18n plugin treat as hand-written.

For every record of a kind with pages (pomost/records/kinds.py) and for the accessibility statement,
a MkDocs ``File`` is added for ``<folder>/<id>.md`` and ``<folder>/<id>.be.md`` before the
i18n plugin's on_files (priority -100), although no such source exists. The plugin then
gives them URLs, the language switcher and sitemap entries like any page; their content is
set in on_pre_page, and their HTML comes from our templates. Nothing is written into docs/,
so `mkdocs serve` never loops on its own output (writing generated .md files into docs/
also works but leaves stale files behind and loops serve unless every unchanged write is
skipped). It relies on the plugin rebuilding each File from its ``src_uri``
(``create_i18n_file`` in 1.3.1).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pomost.langs import LANGS
from pomost.records.catalog import Catalog
from pomost.records.kinds import by_folder, with_pages
from pomost.render.pages import STATEMENT
from pomost.theme.i18n import split_src_uri, src_uri

#: The accessibility statement (deklaracja dostępności): its URL under each language root
#: and its source path (a phantom page like the record pages).
STATEMENT_PATH = "deklaracja-dostepnosci/"
STATEMENT_SRC = STATEMENT_PATH.rstrip("/") + ".md"


def generated_uris(catalog: Catalog) -> Iterator[str]:
    """Source paths of every generated page (records, the statement), in every language."""
    for lang in LANGS:
        yield src_uri(lang, STATEMENT_SRC)
    for kind in with_pages():
        for rid in catalog.of(kind.name):
            for lang in LANGS:
                yield src_uri(lang, f"{kind.folder}/{rid}.md")


def generated_target(uri: str) -> tuple[str, str] | None:
    """(kind, id) of a generated page, or None for a hand-written page."""
    path, _ = split_src_uri(uri)
    if path == STATEMENT_SRC:
        return STATEMENT, ""
    folder, _, name = path.rpartition("/")
    kind = by_folder(folder) if "/" not in folder else None
    if kind and name != "index.md":
        return kind.name, name[:-3]
    return None


def phantom_files(catalog: Catalog, config: Any) -> list[Any]:
    """The File objects of every generated page, for on_files before the i18n plugin."""
    from mkdocs.structure.files import File
    return [File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
            for uri in generated_uris(catalog)]


def mark_generated(files: Any) -> None:
    """Give every generated page its (empty) content, after the i18n plugin's on_files.

    A page with content is always "modified" to MkDocs, so `--dirty` builds them instead of
    comparing the modification time of a source that does not exist.
    """
    for file in files.documentation_pages():
        if generated_target(file.src_uri):
            file.content_string = ""
