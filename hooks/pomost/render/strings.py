"""Our own UI labels: one YAML file per language in hooks/pomost/strings/.

A label missing in one language is an error at load time, never a silent
fallback to Polish.
"""

from __future__ import annotations

from collections.abc import KeysView
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pomost.l10n import _
from pomost.langs import LANGS

STRINGS_DIR = Path(__file__).parent / "strings"


class Strings:
    """The labels of one language: ``s["key"]`` or ``s.forms("key")`` for plural forms."""

    def __init__(self, lang: str, table: dict[str, Any]):
        self.lang, self._table = lang, table

    def __getitem__(self, key: str) -> str:
        value = self._table[key]
        if not isinstance(value, str):
            raise KeyError(f"UI string '{key}' has plural forms; use forms()")
        return value

    def forms(self, key: str) -> dict[str, str]:
        return self._table[key]

    def mapping(self, key: str) -> dict[str, Any]:
        """A group of labels kept under one key (``search_box``)."""
        return self._table[key]

    def keys(self) -> KeysView[str]:
        return self._table.keys()


class StringsError(Exception):
    pass


@cache
def load_all() -> dict[str, Strings]:
    tables = {}
    for lang in LANGS:
        with open(STRINGS_DIR / f"{lang}.yml", encoding="utf-8") as handle:
            tables[lang] = yaml.safe_load(handle)
    for lang in LANGS:
        for other in LANGS:
            missing = sorted(set(_keys(tables[other])) - set(_keys(tables[lang])))
            if missing:
                raise StringsError(_(
                    "hooks/pomost/render/strings/{lang}.yml lacks the label(s) {labels} that "
                    "{other}.yml has — every label needs both languages").format(
                    lang=lang, labels=", ".join(missing), other=other))
    return {lang: Strings(lang, tables[lang]) for lang in LANGS}


def _keys(table: dict[str, Any], within: str = "") -> list[str]:
    """Every label's key, those of a group as ``group.key`` (plural forms are one label)."""
    found = []
    for key, value in table.items():
        if isinstance(value, dict) and not set(value) <= {"zero", "one", "two", "few", "many",
                                                          "other"}:
            found.extend(_keys(value, f"{within}{key}."))
        else:
            found.append(f"{within}{key}")
    return found
