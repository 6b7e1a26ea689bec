"""Which records name which: the links a record page shows, forwards and back."""

from __future__ import annotations

from typing import Any

from pomost.records.catalog import Catalog


class References:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._back: dict[tuple[str, str], dict[str, list[Any]]] = {}

    def records(self, kind: str, ids: list[str]) -> list[Any]:
        """The records of ``kind`` with these ids, in that order."""
        records = self.catalog.of(kind)
        return [records[rid] for rid in ids]

    def referring(self, kind: str, field: str, rid: str) -> list[Any]:
        """Records of ``kind`` whose list ``field`` names ``rid`` (the links back)."""
        return self._backlinks(kind, field).get(rid, [])

    def _backlinks(self, kind: str, field: str) -> dict[str, list[Any]]:
        # Built once per list field: asking each page's records one by one would make the
        # build quadratic (10,000 organisations × 1,000 events per language).
        key = (kind, field)
        if key not in self._back:
            table: dict[str, list[Any]] = {}
            for record in self.catalog.of(kind).values():
                for ref in dict.fromkeys(getattr(record, field)):
                    table.setdefault(ref, []).append(record)
            self._back[key] = table
        return self._back[key]
