"""The same pages as plain Markdown files, for the stock MkDocs set-up the benchmark compares.

Each record becomes ``<section>/<id>.md`` and ``<id>.be.md`` with the same text, headings
and links as its generated page; a marker in a hand-written page becomes a Markdown list of
the records. The configuration is ours without the hook and the theme overrides — what a
team would start from — still with `reconfigure_search: false` (the i18n plugin's default,
true, is quadratic and takes ten minutes at 10,000 organisations).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pomost.langs import LANGS
from pomost.records.catalog import Catalog, load_catalog
from pomost.records.kinds import kind as kind_called
from pomost.records.kinds import with_pages
from pomost.render.strings import Strings, load_all
from pomost.theme.i18n import src_uri

_ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                   autoescape=False)  # Markdown, not HTML: the stock build escapes nothing either
_MARKER = re.compile(r"^<!-- pomost:([a-z-]+) -->$", re.M)
#: list marker -> the kind it lists (records/kinds.py)
_MARKER_KINDS = {kind.attr: kind.name for kind in with_pages()}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _record_page(catalog: Catalog, kind: str, record: Any, lang: str, strings: Strings,
                 events_of: dict[str, list[Any]]) -> str:
    t = lambda value: getattr(value, lang) if value is not None else ""
    paragraphs = lambda value: [p for p in t(value).split("\n\n") if p.strip()]
    link = lambda k, r: (_one_line(t(kind_called(k).title(r))),
                         f"../{kind_called(k).folder}/{r.id}.md")
    if kind == "organisation":
        sections = [(strings["field_what_it_does"], paragraphs(record.what_it_does))]
        if record.why_good_practice:
            sections.append((strings["field_why_good_practice"],
                             paragraphs(record.why_good_practice)))
        if record.transferable:
            sections.append((strings["field_transferable"], paragraphs(record.transferable)))
        lists = [(strings["field_instruments"],
                  [link("instrument", catalog.instruments[i]) for i in record.instruments]),
                 (strings["field_events"], [link("event", e) for e in events_of.get(record.id, [])])]
        title = record.name
    elif kind == "event":
        sections = [(strings["field_what_it_does"], paragraphs(record.description))]
        lists = [(strings["field_instruments"],
                  [link("instrument", catalog.instruments[i]) for i in record.instruments]),
                 (strings["field_organisations"],
                  [link("organisation", catalog.organisations[o]) for o in record.organisations])]
        title = record.title
    else:
        sections = [(strings["field_what_it_does"], paragraphs(record.description))]
        lists = []
        title = record.name
    notes = [t(n.text) for n in record.notes]
    if notes:
        sections.append((strings["notes_heading"], notes))
    return _ENV.get_template("record.md").render(
        title=_one_line(t(title)), summary=_one_line(t(record.summary)),
        sections=sections, lists=lists)


def _list(catalog: Catalog, kind: str, lang: str, page_dir: str) -> str:
    section = kind_called(kind).folder
    prefix = "" if page_dir == section else f"{section}/"
    links = [(_one_line(getattr(kind_called(kind).title(r), lang)),
              f"{prefix}{r.id}.md", _one_line(getattr(r.summary, lang)))
             for r in catalog.of(kind).values()]
    return _ENV.get_template("list.md").render(links=links)


def write_stock_project(project: Path, target: Path) -> int:
    """Write the stock twin of ``project`` into ``target``; returns the number of pages."""
    catalog = load_catalog(project / "data")
    strings = load_all()
    shutil.copytree(project / "docs", target / "docs")
    events_of: dict[str, list] = {}
    for event in catalog.events.values():
        for oid in event.organisations:
            events_of.setdefault(oid, []).append(event)
    pages = 0
    for page in sorted((target / "docs").rglob("*.md")):
        lang = next((lang for lang in LANGS[1:] if page.name.endswith(f".{lang}.md")), LANGS[0])
        page_dir = page.parent.relative_to(target / "docs").as_posix()
        text = page.read_text(encoding="utf-8")
        page.write_text(_MARKER.sub(
            lambda m: (_list(catalog, _MARKER_KINDS[m.group(1)], lang, page_dir)  # noqa: B023 - used at once
                       if m.group(1) in _MARKER_KINDS else ""), text), encoding="utf-8")
        pages += 1
    for page_kind in with_pages():
        for record in catalog.of(page_kind.name).values():
            for lang in LANGS:
                path = target / "docs" / src_uri(lang, f"{page_kind.folder}/{record.id}.md")
                path.write_text(_record_page(catalog, page_kind.name, record, lang, strings[lang],
                                             events_of),
                                encoding="utf-8")
                pages += 1
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(stock_config(config), encoding="utf-8")
    return pages


def stock_config(config: str) -> str:
    """Our mkdocs.yml without the hook, the watch list and the theme overrides."""
    stock = re.sub(r"(?m)^hooks:\n(  - .*\n)+", "", config)
    stock = re.sub(r"(?m)^watch:.*\n(  - .*\n)+", "", stock)
    stock = re.sub(r"(?m)^  custom_dir: .*\n", "", stock)
    # Our corrected Belarusian UI strings live in the overrides; stock Material has its own.
    stock = re.sub(r"(?m)^(\s+language: )be-custom\b.*$", r"\1be", stock)
    if ("hooks" in stock or "custom_dir" in stock or "be-custom" in stock
            or "reconfigure_search: false" not in stock):
        raise ValueError("mkdocs.yml changed shape; update pomost/bench/stock.py")
    return stock
