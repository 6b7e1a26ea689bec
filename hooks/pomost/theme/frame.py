"""Material's page around a record page: rendered once per language and section, filled in
per page, and proven identical to Material's own rendering at every build.

Material's page template (base.html and its partials: the header, the whole navigation, the
language switcher, the footer, the scripts) is most of the time a build spends on a record
page, and for every record page of one section and language it prints the same text except
in a few places: the page's title and description, its content, and its address (the
canonical link, the language switcher's links to its twins). So the frame is rendered once,
for the section's first page with a marker in each of those places, and each page is the
frame with its own values put in.

That is only right as long as Material prints those values as they are and nothing else of
the page, so every frame is checked before it is used, at every build:

* the frame filled in with the first page's values must be, byte for byte, what Material
  renders for that page — and likewise for the section's second page, which would differ if
  Material printed anything else of the page (its file name, say);
* it must be the same for a probe page with quotes, ampersands, angle brackets and Polish
  letters in its title and description: a filter Material applied to one of the values
  (escaping, striptags, urlencode) would show there.

A frame that fails a check stops the build with what differs (``FrameError``): the theme
was upgraded and this module must be looked at (README, "Upgrading the theme").
``POMOST_FRAME=0`` renders every page with Material instead (the tests compare both).

What a page goes through is what MkDocs' own ``_build_page`` does (``Pages``): its template
context and the plugins' on_page_context, the template, the plugins' on_post_page, the
write; with a frame, all but the write are the frame filled in: the frame is made of the
section's first page with markers after on_post_page too (the hook's corrections of
Material's HTML and its <head> tags, which print the page's title, description and address
as they are), and the checks above compare finished pages. The on_page_context and
on_post_page of the plugins of this site print nothing else a record page shows: the hook
its content and head tags, the i18n plugin the switcher's links, the search plugin nothing
for a page left out of its index.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from pomost.l10n import N_, _
from pomost.theme import ThemeError

#: set to 0 to render every record page with Material's template (tests, or to compare)
FRAME_VARIABLE = "POMOST_FRAME"

_SLOT = "\ue000pomost-{}\ue001"  # private-use characters: no filter leaves them as they are
#: Material prints a heading of its own when the content has no <h1> (partials/content.html),
#: so the content's marker has one, inside the marker, like every record page's content
_CONTENT_SLOT = "\ue000pomost-content<h1\ue001"
_SLOT_RE = re.compile("\ue000pomost-([a-z]+)(?:<h1)?\ue001")
_SLOTS = ("content", "title", "description", "id")


_ADVICE = N_(" (README, 'Upgrading the theme'); POMOST_FRAME=0 builds every page with "
             "Material meanwhile")


class FrameError(ThemeError):
    """Material's output is not what the frame of a section gives."""


@dataclass(frozen=True)
class Values:
    """What differs between two record pages of a section, as Material prints it."""

    content: str
    #: escaped: the hook hands Material its titles and descriptions escaped
    title: str
    description: str
    #: the last part of the page's address (the record's id)
    id: str


_PROBE = Values(content='<h1 id="proba">Próba</h1>\n<p class="probe">Próba &amp; <b>treść</b></p>',
                title=str(Markup.escape('Próba "tytułu" <&> \'Ząb\' — x')),
                description=str(Markup.escape('Opis: "a" & <b> \'c\' ąę')),
                id="pomost-probe-0")
_MARKERS = Values(_CONTENT_SLOT, *(_SLOT.format(name) for name in _SLOTS[1:]))


def fits(values: Values) -> bool:
    """Whether Material takes the page's values the way it took the frame's: a content with
    its own <h1> (see _CONTENT_SLOT), a title and a description (printed only when there)."""
    return "<h1" in values.content and bool(values.title) and bool(values.description)


class Frame:
    """A rendered page with a slot for each of the values that differ between pages."""

    def __init__(self, html: str, where: str) -> None:
        self.parts = _SLOT_RE.split(html)
        texts, names = self.parts[0::2], self.parts[1::2]
        if any("\ue000" in text or "\ue001" in text for text in texts) or \
                not set(names) <= set(_SLOTS):
            raise FrameError(_("{where}: Material changes a value of the page on its way into "
                               "the page (a slot marker came out broken)").format(where=where)
                             + _(_ADVICE))
        missing = {"content", "title"} - set(names)
        if missing:
            raise FrameError(_("{where}: Material's page no longer prints the page's {parts}"
                               ).format(where=where, parts=", ".join(sorted(missing)))
                             + _(_ADVICE))

    def fill(self, values: Values) -> str:
        parts = self.parts.copy()
        for i in range(1, len(parts), 2):
            parts[i] = getattr(values, parts[i])
        return "".join(parts)


def enabled() -> bool:
    return os.environ.get(FRAME_VARIABLE, "1") != "0"


def _with_id(url: str | None, old: str, new: str) -> str | None:
    """``url`` with its last segment ``old`` replaced by ``new`` ('organizacje/x/')."""
    if url is None or not url.endswith(f"/{old}/") and url != f"{old}/":
        return url
    return url[: len(url) - len(old) - 1] + new + "/"


def _differ(ours: str, theirs: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
              min(len(ours), len(theirs)))
    return _("at character {at}: the frame gives {ours}, Material {theirs}").format(
        at=at, ours=repr(ours[max(0, at - 60):at + 60]), theirs=repr(theirs[max(0, at - 60):at + 60]))


class Pages:
    """Renders and writes the pages of one language build as MkDocs' ``_build_page`` does,
    and record pages through their section's frame."""

    def __init__(self, config: Any, nav: Any, env: Any, doc_files: Any,
                 values: Callable[[Any], Values]) -> None:
        #: ``values(page)``: a record page's own values (its content from our templates)
        self.config, self.nav, self.env, self.doc_files = config, nav, env, doc_files
        self.values = values

    @contextmanager
    def _current(self, page: Any) -> Iterator[None]:
        self.config._current_page = page
        page.active = True
        try:
            yield
        finally:
            page.active = False
            self.config._current_page = None

    def _context(self, page: Any) -> tuple[Any, Any]:
        from mkdocs.commands.build import get_context

        context = get_context(self.nav, self.doc_files, self.config, page)
        template = self.env.get_template(page.meta.get("template", "main.html"))
        context = self.config.plugins.on_page_context(context, page=page, config=self.config,
                                                      nav=self.nav)
        return template, context

    def write(self, page: Any, html: str) -> None:
        """Write a finished page where MkDocs would, as its ``write_file`` would (empty
        output: no file). A record page's folder is new and its section's is there: one
        mkdir, not makedirs, which looks at the parent first (measured on ext4: 63 µs
        against 294 µs a folder, 22,000 folders at 10,000 organisations)."""
        if not html.strip():
            return
        path = page.file.abs_dest_path
        folder = os.path.dirname(path)
        try:
            os.mkdir(folder)
        except FileExistsError:
            pass
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
        with open(path, "wb") as out:
            out.write(html.encode("utf-8", errors="xmlcharrefreplace"))

    def _finish(self, page: Any, html: str) -> str:
        return self.config.plugins.on_post_page(html, page=page, config=self.config)

    def full(self, page: Any) -> str:
        """The page as MkDocs renders it with Material's template, after on_post_page."""
        with self._current(page):
            template, context = self._context(page)
            return self._finish(page, template.render(context))

    def framed(self, frame: Frame, page: Any) -> str:
        """The page through ``frame`` (or Material, if it does not fit), after on_post_page
        (the frame is made of a page after it, and proven so)."""
        values = self.values(page)
        if not fits(values):
            return self.full(page)
        return frame.fill(values)

    @contextmanager
    def _showing(self, page: Any, values: Values, real_id: str) -> Iterator[None]:
        """Make ``page`` and the switcher look like a page with ``values``, for one render."""
        file, meta = page.file, page.meta
        # The i18n plugin sets the switcher's links per page as an attribute of
        # config.extra (which is what templates read first), at first as an item.
        switcher = getattr(self.config.extra, "alternate", None)
        if switcher is None:
            switcher = self.config.extra.get("alternate") or []
        saved = (page.content, dict(meta), page.canonical_url, page.abs_url, file.url,
                 deepcopy(switcher))
        try:
            page.content = values.content
            meta["title"], meta["description"] = Markup(values.title), Markup(values.description)
            page.canonical_url = _with_id(page.canonical_url, real_id, values.id)
            page.abs_url = _with_id(page.abs_url, real_id, values.id)
            file.url = _with_id(file.url, real_id, values.id)
            for alternate in switcher:
                alternate["link"] = _with_id(alternate["link"], real_id, values.id)
            yield
        finally:
            page.content, page.canonical_url, page.abs_url, file.url = (
                saved[0], saved[2], saved[3], saved[4])
            meta.clear()
            meta.update(saved[1])
            for alternate, before in zip(switcher, saved[5], strict=True):
                alternate.clear()
                alternate.update(before)

    def frame(self, first: Any, second: Any | None,
              where: str) -> tuple[Frame | None, list[tuple[Any, str]]]:
        """The frame of the section whose first pages are ``first`` and ``second``, checked
        (see the module's docstring); also the finished HTML of those two pages. No frame
        if the first page does not fit one (``fits``)."""
        done: list[tuple[Any, str]] = []
        real = self.values(first)
        if not fits(real):
            return None, done
        with self._current(first):
            template, context = self._context(first)
            material = self._finish(first, template.render(context))
            with self._showing(first, _MARKERS, real.id):
                frame = Frame(self._finish(first, template.render(context)), where)
            with self._showing(first, _PROBE, real.id):
                probe = self._finish(first, template.render(context))
            done.append((first, material))
        checks = [("the probe page", frame.fill(_PROBE), probe),
                  (first.url, frame.fill(real), material)]
        if second is not None and fits(self.values(second)):
            with self._current(second):
                template, context = self._context(second)
                material = self._finish(second, template.render(context))
                done.append((second, material))
            checks.append((second.url, frame.fill(self.values(second)), material))
        for page_url, ours, theirs in checks:
            if ours != theirs:
                raise FrameError(_("{where}: the frame does not give Material's page for "
                                   "{url}, {difference} — Material prints more of the page "
                                   "than theme/frame.py fills in").format(
                    where=where, url=page_url, difference=_differ(ours, theirs)) + _(_ADVICE))
        return frame, done
