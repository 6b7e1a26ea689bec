"""The record pages of one language's build: written by the hook, not by MkDocs' own loop.

At the end of on_env (every page's title is known, the theme's environment is final) the
hook takes the record pages out of the Files MkDocs is about to write and hands them to a
``RecordPages``: each section's frame is made and checked (theme/frame.py), its first two
pages written as Material renders them, and the others through the frame, on every core
the build was given (build/pool.py). The statement, a generated page too, stays with
MkDocs: it has no section of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import escape

from pomost.build import pool
from pomost.l10n import _
from pomost.langs import without_prefix
from pomost.publish import search
from pomost.render import azindex
from pomost.render.pages import LISTING, STATEMENT, Renderer
from pomost.theme import frame, generated


def record_kind(page: Any) -> str | None:
    """The kind of a record page, else None (also for the statement and the further pages of
    long lists: generated too, but MkDocs renders them)."""
    target = generated.generated_target(page.file.src_uri)
    return target[0] if target and target[0] not in (STATEMENT, LISTING) else None


def page_title(page: Any) -> str:
    """The page's own title: its heading, not the shorter nav label ("Aktualności")."""
    if page.meta.get("title"):
        return page.meta["title"]
    first = page.toc.items[0] if page.toc.items else None
    return first.title if first and first.level == 1 else page.title


def index_pages(every: list[Any], renderer: Renderer) -> None:
    """Give ``renderer`` the A–Z index of ``every`` page (but its own and the further pages
    of lists), on as many pages as were made for it (generated.py counted them). The titles
    are read when the index is first shown (`mkdocs build --dirty` gives the pages it does
    not build none)."""
    own = set(generated.hosts("a-z"))
    listed, parts = [], 1
    for page in every:
        target = generated.generated_target(page.file.src_uri)
        if target and target[0] == LISTING:
            parts += target[1].startswith("a-z/")
        elif without_prefix(page.url) not in own:
            listed.append(page)
    renderer.index(lambda: azindex.groups(
        [azindex.Entry(page_title(page), page.url) for page in listed], renderer.lang), parts)


def search_entries(page: Any, html: str, renderer: Renderer,
                   entries: search.Entries) -> list[search.Entry]:
    """A page's entries in its language's search index: a record page's from its record
    (``entries``, of the catalog being built), the statement's from its title and
    description, a hand-written page's from its ``html``."""
    url = search.location(page.url, renderer.prefix)
    target = generated.generated_target(page.file.src_uri)
    if target and target[0] == STATEMENT:
        return [search.plain_entry(url, page.title, page.meta["description"])]
    if target:
        return [entries.record(url, *target, renderer.lang)]
    return search.page_entries(url, page.title, html)


class RecordPages:
    def __init__(self, config: Any, nav: Any, env: Any, files: Any,
                 renderer: Callable[[], Renderer]) -> None:
        #: ``renderer()``: the language's renderer now (the preview swaps the project)
        self.renderer = renderer
        doc_files = files.documentation_pages()
        #: every page of the language, in MkDocs' order
        self.all_pages = [f.page for f in doc_files if f.page is not None]
        self.records = [p for p in self.all_pages if record_kind(p)]
        self.pages = frame.Pages(config, nav, env, doc_files, self._values)
        self.frames: dict[str, frame.Frame | None] = {}
        self._writer: pool.Pool | None = None
        #: the pages every page links (the publisher's, in the top bar and the footer): a
        #: link to itself is relative in a way a frame made of another page cannot give
        #: ('./', not '../<id>/'), so they are rendered by Material in full
        self.linked = {value for value in (env.globals.get("pomost") or {}).values()
                       if isinstance(value, str)}

    def _values(self, page: Any) -> frame.Values:
        target = generated.generated_target(page.file.src_uri)
        assert target is not None
        kind, rid = target
        return frame.Values(self.renderer().page(kind, rid, page.url),
                            str(escape(page.meta["title"])),
                            str(escape(page.meta["description"])), rid)

    @staticmethod
    def leave_out(files: Any, pages: Iterable[Any]) -> None:
        """Take ``pages`` out of what MkDocs' own loop writes."""
        for page in pages:
            files.remove(page.file)

    def make_frames(self) -> list[Any]:
        """Each section's frame (none with POMOST_FRAME=0); writes the pages that proved it
        and returns them."""
        if not frame.enabled():
            return []
        sections: dict[str, list[Any]] = {}
        for page in self.records:
            if page.url not in self.linked:
                sections.setdefault(str(record_kind(page)), []).append(page)
        written = []
        for kind, members in sections.items():
            lang = self.renderer().lang
            self.frames[kind], done = self.pages.frame(
                members[0], members[1] if len(members) > 1 else None,
                _("the {kind} pages ({lang})").format(kind=kind, lang=lang))
            for page, html in done:
                self.pages.write(page, html)
                written.append(page)
        return written

    def write(self, page: Any) -> None:
        """Render and write one record page (through its frame, if its section has one)."""
        found = self.frames.get(str(record_kind(page))) if page.url not in self.linked else None
        if page.content is None:  # freed once written (on_post_page): empty, as on its first
            page.content = ""     # render, until on_page_context makes its HTML
        self.pages.write(page, self.pages.framed(found, page) if found else self.pages.full(page))

    def start(self, pages: list[Any], children: int) -> None:
        """Begin writing ``pages`` with ``children`` forked helpers (0: here, in ``finish``)."""
        self._writer = pool.Pool(pages, self.write, children=children)
        self._writer.start()

    def finish(self) -> None:
        """Write what is left and wait for the helpers; raises pool.WorkerError."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.finish()
