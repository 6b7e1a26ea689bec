"""What a build changed, said in a few lines after `pomost build`.

Against the site published before (the ``site/`` the new build replaces): which pages are new,
changed or gone — a page is an ``.html`` file, named by its address — and the warnings a
person should read before publishing:

* the drafts the build left out, and the links to them it dropped (records/catalog.py);
* an instrument whose amounts changed while its ``as_reported`` and ``source`` are the same
  as in the open data published before — the year and the source may now be wrong;
* amounts in the grant table that changed while ``grant_table.as_of`` in data/site.yml still
  says what the old pages said;
* what the languages' builds printed (MkDocs' own warnings).

The data published before is read from the old site's open data (``dane/*.json``), the
only record of it a published site keeps.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pomost.l10n import _, ngettext
from pomost.publish.opendata import DATASETS, json_path
from pomost.records.catalog import Catalog
from pomost.records.kinds import kind
from pomost.records.yamlsource import Problem

#: at most this many addresses are listed per kind of change
LISTED = 15


def _pages(folder: Path | None) -> set[str]:
    """Every page of a built site, as its path in the folder."""
    if folder is None:
        return set()
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")
            if path.is_file()}


def _differ(old: Path, new: Path) -> bool:
    """Whether two pages differ: by size, else byte for byte (one pair at a time: 10,000
    organisations are half a gigabyte of pages; no digests, a first build reads none)."""
    if old.stat().st_size != new.stat().st_size:
        return True
    return old.read_bytes() != new.read_bytes()


def _address(path: str) -> str:
    """'organizacje/x/index.html' -> '/organizacje/x/'."""
    if path == "index.html":
        return "/"
    return "/" + (path[: -len("index.html")] if path.endswith("/index.html") else path)


def _old_records(old: Path | None, records: str) -> dict[str, Any]:
    dataset = next((d for d in DATASETS if d.records == records), None)
    if old is None or dataset is None:
        return {}
    path = old / json_path(dataset)
    try:
        return {r["id"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


@dataclass
class Report:
    first: bool
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, old: Path | None, new: Path, catalog: Catalog) -> Report:
        before, after = _pages(old), _pages(new)
        report = cls(first=old is None or not before)
        report.added = sorted(_address(p) for p in after - before)
        report.removed = sorted(_address(p) for p in before - after)
        report.changed = sorted(_address(p) for p in after & before
                                if old is not None and _differ(old / p, new / p))
        report.warnings = [str(p) for p in catalog.left_out] + _stale_sources(old, catalog)
        return report

    def lines(self, build_messages: list[str] = ()) -> list[str]:  # type: ignore[assignment]
        """The report as printed, one line each."""
        out = []
        if self.first:
            out.append(ngettext("First build: {count} page.", "First build: {count} pages.",
                                len(self.added)).format(count=len(self.added)))
        else:
            out.append(_("Against the site published before: {added}, {changed}, {removed}.").format(
                added=ngettext("{count} new page", "{count} new pages", len(self.added)).format(
                    count=len(self.added)),
                changed=ngettext("{count} changed", "{count} changed", len(self.changed)).format(
                    count=len(self.changed)),
                removed=ngettext("{count} removed", "{count} removed", len(self.removed)).format(
                    count=len(self.removed))))
            for word, pages in ((_("new"), self.added), (_("changed"), self.changed),
                                (_("removed"), self.removed)):
                for address in pages[:LISTED]:
                    out.append(f"  {word}: {address}")
                if len(pages) > LISTED:
                    out.append("  " + _("… and {count} more").format(count=len(pages) - LISTED))
        warnings = self.warnings + list(build_messages)
        if warnings:
            out.append(ngettext("{count} warning to read before publishing:",
                                "{count} warnings to read before publishing:",
                                len(warnings)).format(count=len(warnings)))
            out.extend(warnings)
        else:
            out.append(_("No warnings."))
        return out


def _amounts(record: Any) -> list[int]:
    if isinstance(record, dict):
        return [a.get("max_pln") for a in record.get("amounts") or []]
    return [a.max_pln for a in record.amounts]


def _stale_sources(old: Path | None, catalog: Catalog) -> list[str]:
    """Warnings for amounts that changed while what says where they come from did not."""
    before = _old_records(old, "instruments")
    if not before:
        return []
    instrument = kind("instrument")
    out = []
    any_changed = False
    for rid, record in catalog.instruments.items():
        was = before.get(rid)
        if was is None or _amounts(was) == _amounts(record):
            continue
        any_changed = True
        if was.get("as_reported") == record.as_reported and was.get("source") == record.source:
            file, line, col = catalog.place(instrument.name, rid)
            out.append(str(Problem(file, line, col, _(
                "{record}: the amounts changed ({old} → {new}), but as_reported ({year}) and "
                "source are as before — check that they still name the source of the new "
                "amounts").format(record=f"{instrument.said} '{rid}'",
                                  old=", ".join(map(str, _amounts(was))),
                                  new=", ".join(map(str, _amounts(record))),
                                  year=record.as_reported or "—"))))
    as_of = catalog.settings.grant_table.as_of.pl
    # The grant table is on hand-written pages (the home page, a section's index), never on
    # a record page: the top two levels are enough.
    sections = [old / "index.html", *old.glob("*/index.html")] if old is not None else []
    if any_changed and any(
            'id="grant-table"' in text and html.escape(as_of, quote=False) in text
            for text in (p.read_text(encoding="utf-8", errors="replace")
                         for p in sections if p.is_file())):
        out.append(str(Problem("data/site.yml", 1, 1, _(
            "grant_table.as_of still says '{as_of}', as on the pages published before, but "
            "amounts of the grant table changed — update as_of (and source) if the amounts "
            "come from a new source").format(as_of=as_of))))
    return out
