"""Records -> HTML, in one language, through the Jinja templates in templates/.

No MkDocs here: the hook asks for a page's HTML or a marker's HTML and gets a string. The
Renderer is given what one language's templates use — the wording of records, links, the
events as of the build date, the grant table and the files beside the pages (their links
and sizes; build/project.py puts them together) — and hands each to the templates under
its own name.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from functools import cached_property
from typing import Any, Protocol

from jinja2 import Environment

from pomost.domain import support, timeline
from pomost.domain.grants import GrantTable
from pomost.domain.references import References
from pomost.langs import absolute, alternate_urls, relative
from pomost.publish import search
from pomost.records.catalog import Catalog
from pomost.records.kinds import kind as kind_called
from pomost.records.kinds import with_pages
from pomost.render import formatting, prose
from pomost.render.links import Links
from pomost.render.strings import load_all
from pomost.render.wording import Wording

#: kind of the accessibility statement page (see theme/generated.py)
STATEMENT = "statement"

#: at most this many links in one list on a record page: an instrument used by thousands of
#: organisations links the first ones and the section's index. Ten keeps the largest page
#: (the Belarusian one of the cooperative grant, with two such lists) under 40 KB at any size.
LIST_LIMIT = 10

#: markers in a Markdown page that are not a kind's list -> the template that replaces them
_FRAGMENTS = {
    "grant-table": "grant_table.html",
    "open-data": "open_data.html",
    "open-data-columns": "open_data_columns.html",
    "delegation-pack": "delegation_pack.html",
    "glossary": "glossary.html",
    "publisher": "publisher.html",
    "highlights": "highlights.html",
    "a-z": "a_z.html",
}


#: the filter pages' markers (the search page's is publish/searchpages.py's) -> their filter
FILTERS = {f"search-{facet.replace('_', '-')}": facet for facet in search.FACET_PAGES}

#: marker in a Markdown page -> template that replaces it; each kind with pages has its list
MARKERS = {**_FRAGMENTS, **{k.attr: f"{k.name}_list.html" for k in with_pages()},
           **dict.fromkeys(FILTERS, "search_facet.html")}

#: kind of the further pages of a long list (see PAGED; theme/generated.py makes them)
LISTING = "listing"

#: lists that grow with the catalogue without bound -> entries per page. The first page is
#: the hand-written page with the marker; each further one a page of its own
#: (``<that page's folder>/strona/<n>/``), all linked by a pager. A list that fits on one
#: page has no pager and no further pages. The A–Z index and the filter pages list rows
#: under headings (a letter; a county, a town, a legal form); a heading whose rows go on
#: over a page break is repeated on the next page.
PAGED = {"organisations": 500, "delegation-pack": 50, "events": 200, "a-z": 200,
         **dict.fromkeys(FILTERS, 200)}
#: the paged lists of records (the others list rows: the A–Z index's page titles, the
#: filter pages' values)
RECORD_LISTS = ("organisations", "delegation-pack", "events")
#: the UI string naming each paged list (in the titles of its further pages)
_PAGED_TITLE = {"organisations": "section_organisations", "delegation-pack": "pack_title",
                "events": "section_events", "a-z": "list_title_a_z",
                **{name: f"list_title_{facet}" for name, facet in FILTERS.items()}}


def listing(catalog: Any, name: str, agenda: timeline.Agenda | None = None,
            lang: str = "pl") -> list[Any]:
    """Every entry of the paged list ``name``, in the order it shows them; the events as
    ``agenda`` splits them (as of the build date if None: that orders them, their number
    does not depend on it); a filter page's rows as ``lang`` sorts them (their number does
    not depend on it). Not the A–Z index: its entries are the pages' titles (``Renderer.
    index``)."""
    if name in FILTERS:
        return search.facet_rows(catalog, lang, FILTERS[name])
    if name == "events":  # upcoming, past, undated: as event_list.html groups them
        agenda = agenda or timeline.Agenda(timeline.Timeline(catalog.events),
                                           timeline.build_date())
        return agenda.split.in_order()
    organisations = list(catalog.organisations.values())
    if name == "organisations":  # by role, as organisation_list.html groups them
        return [o for role in ("good_practice", "institution", "partner")
                for o in organisations if o.role == role]
    if name == "delegation-pack":
        return [o for o in organisations if o.role == "good_practice"]
    raise KeyError(name)


def part_count(catalog: Any, name: str, titles: int) -> int:
    """How many pages the paged list ``name`` takes; the A–Z index's, when it lists
    ``titles`` pages."""
    return pages_of(name, titles if name == "a-z" else len(listing(catalog, name)))


def pages_of(name: str, entries: int | list[Any]) -> int:
    """How many pages the paged list ``name`` takes with ``entries`` (or that many)."""
    count = entries if isinstance(entries, int) else len(entries)
    return max(1, -(-count // PAGED[name]))


class Heading:
    """One heading of a page of a list under headings, with its entries on that page."""

    def __init__(self, key: str, value: Any, first: bool) -> None:
        #: the heading's key (an index letter; a filter value's key), its value (an A–Z
        #: group, a filter value), and whether its rows begin on this page
        self.key, self.value, self.first = key, value, first
        self.entries: list[Any] = []


def in_groups(rows: list[tuple[str, Any, Any]], before: str | None) -> list[Heading]:
    """The (key, heading, entry) ``rows`` of one page of a list under headings, as headings;
    ``before``: the key of the last row on the page before (None on the first page)."""
    headings: list[Heading] = []
    for key, value, entry in rows:
        if not headings or headings[-1].key != key:
            headings.append(Heading(key, value, first=bool(headings) or key != before))
        headings[-1].entries.append(entry)
    return headings


def part_path(host_url: str, part: int) -> str:
    """The site path of page ``part`` of a list whose first page is at ``host_url``."""
    return host_url if part == 1 else f"{host_url}strona/{part}/"


def _host(page_url: str, part: int) -> str:
    """The first page of a list, from the URL of its page ``part``."""
    return page_url if part == 1 else page_url[: -len(f"strona/{part}/")]


class Files(Protocol):
    """The files beside the pages, as pages link them (publish/downloads.py)."""

    @property
    def csv_size(self) -> str: ...

    @property
    def open_data(self) -> Any: ...


class Renderer:
    """Renders pages and fragments of one catalog in one language."""

    def __init__(self, catalog: Catalog, words: Wording, links: Links, agenda: timeline.Agenda,
                 grants: GrantTable, files: Files, env: Environment) -> None:
        self.catalog, self.words, self.links, self.env = catalog, words, links, env
        self.agenda, self.grants, self.files = agenda, grants, files
        self.lang, self.strings, self.prefix = words.lang, words.strings, links.prefix
        self.refs = References(catalog)
        #: paged list -> its entries (`listed`)
        self._listed: dict[str, list[Any]] = {}
        #: list under headings -> heading's key -> the page its rows begin on (``starts``)
        self._starts: dict[str, dict[str, int]] = {}
        #: the A–Z index's groups, and how many pages it has (``index``)
        self._a_z: Callable[[], list[Any]] = list
        self._a_z_parts = 1
        self._templates: dict[str, Any] = {}
        #: the ``name`` of each render under way, innermost last (``_render``)
        self._namers: list[Callable[[Any], str]] = []

    @property
    def publisher(self) -> Any:
        """The organisation that publishes the site: the accessibility statement's entity."""
        return self.catalog.organisations[self.catalog.accessibility.entity]

    def record(self, kind: str, rid: str) -> Any:
        return self.catalog.of(kind)[rid]

    def page_meta(self, kind: str, rid: str) -> dict[str, Any]:
        """Title and description of a generated page, for the page's front matter."""
        text = self.words.text
        if kind == LISTING:
            title = self.part_title(*self._part(rid))
            return {"title": title, "description": title, "search": {"exclude": True}}
        if kind == STATEMENT:
            return {"title": self.strings["a11y_title"], "description": self.strings[
                "a11y_description"].format(site=text(self.catalog.settings.name))}
        record = self.record(kind, rid)
        return {"title": text(kind_called(kind).title(record)), "description": text(record.summary)}

    def page(self, kind: str, rid: str, page_url: str, site_url: str = "") -> str:
        if kind == STATEMENT:
            return self.statement(page_url, site_url)
        if kind == LISTING:
            name, part = self._part(rid)
            heading = self._render("list_page.html", page_url, title=self.part_title(name, part))
            return heading + self.marker(name, page_url, part)
        html = self._render(f"{kind}.html", page_url, record=self.record(kind, rid))
        if self.catalog.is_draft(kind, rid):  # only the preview keeps drafts
            untranslated = self.catalog.drafts[kind_called(kind).attr][rid]
            html = self._render("draft_banner.html", page_url, untranslated=untranslated) + html
        return html

    @staticmethod
    def _part(rid: str) -> tuple[str, int]:
        """'delegation-pack/3' (the id of a further page of a paged list) -> its list, part."""
        name, _, part = rid.rpartition("/")
        return name, int(part)

    def index(self, groups: Callable[[], list[Any]], parts: int) -> None:
        """The A–Z index: ``groups()`` gives its entries (``azindex.groups`` of every page's
        title, known once the pages have theirs), on ``parts`` pages (counted before the
        titles were known: a title filed twice, under a gloss too, makes a page longer, not
        one more)."""
        self._a_z = groups
        self._listed.pop("a-z", None)
        self._starts.pop("a-z", None)
        self._a_z_parts = parts

    def listed(self, name: str) -> list[Any]:
        """``listing`` of the paged list ``name``, made once: every page of the list (120 of
        the delegation pack at 10,000 organisations) and its title need it."""
        if name not in self._listed:
            self._listed[name] = (self._index_rows() if name == "a-z" else
                                  listing(self.catalog, name, self.agenda, self.lang))
        return self._listed[name]

    def _index_rows(self) -> list[Any]:
        return [(group.letter, group, entry) for group in self._a_z() for entry in group.entries]

    def parts(self, name: str) -> int:
        """How many pages the paged list ``name`` has."""
        return self._a_z_parts if name == "a-z" else pages_of(name, self.listed(name))

    def _size(self, name: str) -> int:
        """Entries per page of the list ``name``: the A–Z index's spread over its pages."""
        if name == "a-z":
            return max(1, -(-len(self.listed(name)) // self.parts(name)))
        return PAGED[name]

    def part_title(self, name: str, part: int) -> str:
        return self.strings["list_part_title"].format(
            title=self.strings[_PAGED_TITLE[name]], part=part, parts=self.parts(name))

    def part(self, name: str, part: int) -> tuple[list[Any], int]:
        """The entries on page ``part`` of the paged list ``name``, and how many pages it has."""
        size = self._size(name)
        return self.listed(name)[(part - 1) * size:part * size], self.parts(name)

    def starts(self, name: str, host_url: str, page_url: str) -> dict[str, str]:
        """Where each heading of the list under headings ``name`` (first page at
        ``host_url``) begins: key -> the link from ``page_url`` to its page (the anchor on it
        is the template's)."""
        if name not in self._starts:  # (once a list: 80 pages of 16,000 rows at 10,000)
            size, found = self._size(name), dict[str, int]()
            for at, (key, _value, _entry) in enumerate(self.listed(name)):
                found.setdefault(key, at // size + 1)
            self._starts[name] = found
        links = {part: part_path(host_url, part) for part in set(self._starts[name].values())}
        links = {part: "" if path == page_url else relative(path, page_url)
                 for part, path in links.items()}
        return {key: links[part] for key, part in self._starts[name].items()}

    def _under_headings(self, name: str, page_url: str, part: int, shown: list[Any]) -> str:
        """A page of a list under headings: the A–Z index's letters, a filter's values."""
        last = self.listed(name)[(part - 1) * self._size(name) - 1] if part > 1 else None
        context = {"headings": in_groups(shown, last and last[0]),
                   "starts": self.starts(name, _host(page_url, part), page_url)}
        if name == "a-z":
            return self._render("a_z.html", page_url, **context,
                                link=lambda url: relative(url, page_url))
        return self._render("search_facet.html", page_url, **context,
                            before_group=last and last[1].group, L=search.labels(self.lang),
                            anchor=search.anchor,
                            search_page=relative(self.prefix + search.SEARCH_PAGE, page_url))

    def making(self, page_url: str) -> AbstractContextManager[None]:
        """Around what else the page at ``page_url`` is made of (the search page's filters):
        nothing here; the preview's renderer notes what is read meanwhile (build/changes.py)."""
        return nullcontext()

    def statement(self, page_url: str, site_url: str) -> str:
        """The deklaracja dostępności; ``site_url`` is the site's root address (mkdocs.yml)."""
        statement = self.catalog.accessibility
        site_url = absolute(site_url, self.prefix) if site_url else relative("", page_url)
        return self._render("statement.html", page_url, s=statement, site_url=site_url,
                            entity=self.catalog.organisations[statement.entity])

    def marker(self, name: str, page_url: str, part: int = 1) -> str:
        """A marker's HTML; a paged list's page ``part``, with its pager if it has more."""
        if name not in PAGED:
            return self._render(MARKERS[name], page_url)
        shown, parts = self.part(name, part)
        if name in RECORD_LISTS:
            html = self._render(MARKERS[name], page_url, shown=shown, part=part)
        else:
            html = self._under_headings(name, page_url, part, shown)
        return html + self.pager(page_url, part, parts)

    def pager(self, page_url: str, part: int, parts: int) -> str:
        """The links between the pages of a list (none for a list of one page)."""
        if parts == 1:
            return ""
        host = _host(page_url, part)
        links = {n: relative(part_path(host, n), page_url) for n in
                 dict.fromkeys((1, max(1, part - 1), min(parts, part + 1), parts))}
        return self._render("pager.html", page_url, part=part, parts=parts, links=links)

    def head(self, page_url: str, site_url: str, title: str, description: str) -> str:
        """The <head> tags that say which language the page is in and where its twins are."""
        others = [strings for lang, strings in load_all().items() if lang != self.lang]
        return self._render("head.html", page_url, title=title, description=description,
                            alternates=alternate_urls(page_url, site_url), others=others)

    def _render(self, template: str, page_url: str, **context: Any) -> str:
        # Each render has its own ``name`` (a Polish original is added at a name's first
        # mention in that render); a render inside a render gets its own, as it always did.
        self._namers.append(self.words.namer())
        try:
            return self._template(template).render(
                self._shared, page_url=page_url,
                csv_file=self.links.grant_csv_link(page_url), **context)
        finally:
            self._namers.pop()

    def _template(self, name: str) -> Any:
        """A template, looked up once per renderer: Jinja would check its file's time at
        every render (a preview that changes a template makes a new renderer)."""
        found = self._templates.get(name)
        if found is None:
            found = self._templates[name] = self.env.get_template(name)
        return found

    def _name(self, value: Any) -> str:
        return self._namers[-1](value)

    @cached_property
    def _shared(self) -> dict[str, Any]:
        """What every template reads, the same for every page of this renderer, and ``m``,
        the shared macros (macros.html) made once with it, not imported at every render:
        a macro that needs the page's address is given it (``page_url``)."""
        lang, words = self.lang, self.words
        shared: dict[str, Any] = dict(
            lang=lang, t=self.strings, catalog=self.catalog, grants=self.grants,
            words=words, paths=self.links, refs=self.refs, agenda=self.agenda,
            downloads=self.files, csv_size=self.files.csv_size, list_limit=LIST_LIMIT,
            text=words.text,
            blocks=prose.blocks,
            name=self._name,
            title_of=lambda kind, record: words.text(kind_called(kind).title(record)),
            money=lambda v, short=False: formatting.money(v, lang, self.strings, short=short),
            number=lambda v: formatting.number(v, lang),
            counted=lambda v, key: formatting.counted(v, self.strings.forms(key), lang),
            noun=lambda v, key: formatting.noun(v, self.strings.forms(key), lang),
            months=lambda v: formatting.months(v, lang),
            date=lambda v, weekday=False: formatting.date(v, lang, weekday=weekday),
            date_span=lambda first, last: formatting.date_span(first, last, lang),
            clock=lambda v: formatting.clock(v, lang),
            zone_name=lambda v: formatting.zone_name(v, lang),
            start=timeline.start, end=timeline.end, last_day=timeline.last_day,
            year=words.year, today=self.agenda.today, publisher=self.publisher,
            history=lambda instrument: support.amount_history(self.catalog, instrument),
            providers=lambda instrument: support.providers(self.catalog, instrument,
                                                           self.agenda.today),
            by_area=lambda: support.by_area(self.catalog, self.agenda.today),
            without_counties=lambda: support.without_counties(self.catalog),
            running=lambda centre: support.active(centre, self.agenda.today),
        )
        shared["m"] = self._template("macros.html").make_module(vars=shared)
        return shared
