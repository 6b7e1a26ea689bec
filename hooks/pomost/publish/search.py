"""Per-language search: one small UTF-8 index per language, built in one pass over the pages.

Material's search plugin writes one index for both languages, re-parses the HTML of every
page and escapes every Cyrillic letter as ``\\uXXXX``; the i18n plugin then de-duplicates it
quadratically. Instead the build collects, per language, what readers search for:

* a record page: its title and its one-sentence summary (not every word: at 10,000
  organisations the full text would be tens of megabytes for every reader who searches);
* a hand-written page: its title and each heading, with the first words of each section.

Each language's entries have locations relative to that language's root; where the index
is written and in which format is the theme's business (pomost.theme.material).

No MkDocs here: the hook hands over URLs, titles and HTML.
"""

from __future__ import annotations

from html.parser import HTMLParser

#: characters of a hand-written page's section kept in the index (a section, not a book)
SECTION_TEXT = 300

_HEADING = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


def location(url: str, prefix: str) -> str:
    """A page URL relative to its language's root: 'be/organizacje/x/' -> 'organizacje/x/'."""
    if prefix and not url.startswith(prefix):
        raise ValueError(f"{url!r} is not a page of the language at {prefix!r}")
    return url[len(prefix):]




def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"


class _Sections(HTMLParser):
    """Splits page HTML at headings that have an id: [(id, heading text, section text)].

    Skips permalink anchors ('¶'), scripts and anything marked ``data-search-exclude``
    (Material's own convention, so authors can keep using it).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [[None, None, [], []]]  # tag, id, heading, text
        self._skip_depth = 0
        self._heading: str | None = None
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        named = dict(attrs)
        self._stack.append(tag)
        skip = (tag in _SKIPPED or "data-search-exclude" in named
                or "headerlink" in (named.get("class") or "").split())
        if self._skip_depth or skip:
            self._skip_depth += 1
        elif tag in _HEADING and named.get("id"):
            self._heading = tag
            self.sections.append([tag, named["id"], [], []])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:  # tolerate unclosed inner elements
            open_tag = self._stack.pop()
            if self._skip_depth:
                self._skip_depth -= 1
            elif open_tag == self._heading:
                self._heading = None
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self.sections[-1][2 if self._heading else 3].append(data)


def page_entries(url: str, title: str, html: str) -> list[dict[str, str]]:
    """Index entries of a hand-written page: the page itself (its H1 and the text up to the
    next heading), then one entry per further heading that has an id."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    intro: list[str] = []
    sections = []
    for tag, anchor, heading, text in parser.sections:
        if tag in (None, "h1"):
            intro.extend(text)
            continue
        heading_text = " ".join("".join(heading).split())
        if heading_text:
            sections.append({"location": f"{url}#{anchor}", "title": heading_text,
                             "text": _shorten("".join(text), SECTION_TEXT)})
    page = {"location": url, "title": title, "text": _shorten("".join(intro), SECTION_TEXT)}
    return [page, *sections]


def record_entry(url: str, title: str, summary: str) -> dict[str, str]:
    """A record page's entry: what lists show of it, its name and one-sentence summary."""
    return {"location": url, "title": title, "text": " ".join(summary.split())}


class Indexes:
    """The entries of each language's index, collected during the build."""

    def __init__(self) -> None:
        self._docs: dict[str, list[dict[str, str]]] = {}

    def start(self, lang: str) -> None:
        self._docs[lang] = []

    def add(self, lang: str, entries: list[dict[str, str]]) -> None:
        self._docs.setdefault(lang, []).extend(entries)

    def docs(self, lang: str) -> list[dict[str, str]]:
        return self._docs.get(lang, [])
