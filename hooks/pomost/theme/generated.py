"""The phantom files: generated pages that MkDocs and the i18n plugin treat as hand-written.

For every record of a kind with pages (pomost/records/kinds.py) and for the accessibility
statement, the language being built gets a MkDocs ``File`` for ``<folder>/<id>.md`` (or
``<folder>/<id>.be.md``) although no such source exists, made the way the i18n plugin makes
the File of a hand-written page (``i18n.generated_files``: URL, language folder, the twins
in the other languages for the switcher and the sitemap). They are added right after the
plugin's on_files, which no longer has to re-create tens of thousands of them, and listed
in its sitemap. Nothing is written into docs/, so `mkdocs serve` never loops on its own
output (writing generated .md files into docs/ also works but leaves stale files behind and
loops serve unless every unchanged write is skipped).

Each gets its Page at once, a ``GeneratedPage``: its Markdown is empty, so it is not run
through Python-Markdown (setting up a converter costs a millisecond and a half a page); its
title and description come from the hook, its HTML from our templates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from pomost.langs import without_prefix
from pomost.records.catalog import Catalog
from pomost.records.kinds import by_folder, with_pages
from pomost.render.pages import LISTING, PAGED, STATEMENT, part_count
from pomost.theme import i18n
from pomost.theme.i18n import split_src_uri

#: The accessibility statement (deklaracja dostępności): its URL under each language root
#: and its source path (a phantom page like the record pages).
STATEMENT_PATH = "deklaracja-dostepnosci/"
STATEMENT_SRC = STATEMENT_PATH.rstrip("/") + ".md"


#: the further pages of a long list (render/pages.py, PAGED): the language-neutral path of
#: the page that has the list's marker ('organizacje/') -> the list; found in on_files
HOSTS: dict[str, str] = {}
_PART = re.compile(r"^(.*/)?strona/([0-9]+)\.md$")


def generated_target(uri: str) -> tuple[str, str] | None:
    """(kind, id) of a generated page, or None for a hand-written page."""
    path, _ = split_src_uri(uri)
    if path == STATEMENT_SRC:
        return STATEMENT, ""
    folder, _, name = path.rpartition("/")
    kind = by_folder(folder) if "/" not in folder else None
    if kind and name != "index.md":
        return kind.name, name[:-3]
    part = _PART.match(path) if "strona/" in path else None
    if part and (part.group(1) or "") in HOSTS:
        return LISTING, f"{HOSTS[part.group(1) or '']}/{part.group(2)}"
    return None


def generated_paths(catalog: Catalog, hand_written: int) -> Iterator[str]:
    """The language-neutral source path of every generated page ('organizacje/x.md'), the
    statement first, then each kind's records in the order of their file, then the further
    pages of the long lists; the language has ``hand_written`` pages besides."""
    yield STATEMENT_SRC
    for kind in with_pages():
        for rid in catalog.of(kind.name):
            yield f"{kind.folder}/{rid}.md"
    # what the A–Z index lists: every page but the further pages of lists and its own
    titles = (1 + sum(len(catalog.of(k.name)) for k in with_pages()) + hand_written
              - len(hosts("a-z")))
    for host, name in HOSTS.items():
        for part in range(2, part_count(catalog, name, titles) + 1):
            yield f"{host}strona/{part}.md"


_MARKER = re.compile(r"^<!-- pomost:([a-z-]+) -->$", re.M)


def hosts(name: str) -> list[str]:
    """The language-neutral paths of the pages that have the paged list ``name``."""
    return [host for host, listed in HOSTS.items() if listed == name]


def find_hosts(files: Any) -> None:
    """Which hand-written page has each paged list's marker (HOSTS)."""
    HOSTS.clear()
    for file in files.documentation_pages():
        if generated_target(file.src_uri):
            continue
        for name in _MARKER.findall(file.content_string):
            if name in PAGED:
                HOSTS[without_prefix(file.url)] = name


@cache
def page_class() -> type:
    """``GeneratedPage``: a MkDocs Page whose Markdown is empty and is not converted."""
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import get_toc

    class GeneratedPage(Page):
        def render(self, config: Any, files: Any) -> None:
            # What Page.render leaves for an empty source, without a Markdown converter.
            if self.markdown is None:
                raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
            if self.markdown:
                super().render(config, files)
                return
            self.content = ""
            self.toc = get_toc([])
            self._title_from_render = None
            self.present_anchor_ids = set()
            self.links_to_anchors = {}

    return GeneratedPage


def add_generated_pages(files: Any, catalog: Catalog, config: Any) -> list[Any]:
    """Add the File and Page of every generated page of the language being built to
    ``files`` and to the plugin's sitemap, after the plugin's on_files; returns the Files.

    Each has an (empty) content: a File with content is always "modified" to MkDocs, so
    `--dirty` builds them instead of comparing the time of a source that does not exist.
    """
    from mkdocs.structure.files import InclusionLevel

    find_hosts(files)
    hand_written = sum(1 for f in files.documentation_pages() if not generated_target(f.src_uri))
    paths = list(generated_paths(catalog, hand_written))
    i18n.check_files_match(paths[len(paths) > 1], config)  # the plugin makes the same File
    made = i18n.generated_files(paths, config)
    page = page_class()
    for file in made:
        file.content_string = ""
        if "/strona/" in file.src_uri:  # a list's further page: reached from the list
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
        page(None, file, config)
    i18n.list_in_sitemap(made, config)
    return made
