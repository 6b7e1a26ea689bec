"""What staff still have to fill in before publishing: facts only they can give.

Not errors — the site builds and its pages say "not given" and whom to ask meanwhile —
but `pomost check` lists them, one line per record, so that nobody forgets them.
"""

from __future__ import annotations

from pomost.l10n import _
from pomost.records.catalog import Catalog
from pomost.records.kinds import kind


def still_to_fill(catalog: Catalog) -> list[str]:
    """One line per record with fields still empty: the file, the record, the fields."""
    lines = []
    missing = catalog.accessibility.missing()
    if missing:
        lines.append(_("data/{file}: still to fill in before publishing: {fields} (see README, "
                       "'Accessibility and browser tests')").format(
            file=kind("accessibility").file, fields=", ".join(missing)))
    centre = kind("centre")
    for rid, record in catalog.centres.items():
        missing = record.missing()
        if missing:
            lines.append(_("data/{file}: {kind} '{id}': still to fill in before publishing: "
                           "{fields} — from the centre or its source; meanwhile its page says "
                           "whom to ask (see README, 'A support centre')").format(
                file=centre.file, kind=centre.said, id=rid, fields=", ".join(missing)))
    return lines
