"""What staff still have to fill in before publishing: facts only they can give.

Not errors — the site builds and its pages say "not given" and whom to ask meanwhile —
but `make check` lists them, one line per record, so that nobody forgets them.
"""

from __future__ import annotations

from pomost.kinds import kind
from pomost.records.catalog import Catalog


def still_to_fill(catalog: Catalog) -> list[str]:
    """One line per record with fields still empty: the file, the record, the fields."""
    lines = []
    missing = catalog.accessibility.missing()
    if missing:
        lines.append(f"data/{kind('accessibility').file}: still to fill in before publishing: "
                     f"{', '.join(missing)} (see README, 'Accessibility and browser tests')")
    centre = kind("centre")
    for rid, record in catalog.centres.items():
        missing = record.missing()
        if missing:
            lines.append(f"data/{centre.file}: {centre.said} '{rid}': still to fill in before "
                         f"publishing: {', '.join(missing)} — from the centre or its source; "
                         "meanwhile its page says whom to ask (see README, 'A support centre')")
    return lines
