"""Belarusian texts that look damaged or untranslated, found with their line.

A file saved in a code page without Cyrillic (Notepad's "ANSI", Windows-1250) and saved
back as UTF-8 keeps its structure but has lost every Cyrillic letter: each became '?'. It is
still valid YAML, so only its texts show it. Likewise a text copied from Polish and never
translated, or a placeholder left for later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pomost.l10n import _
from pomost.records.kinds import Kind
from pomost.records.messages import field_name
from pomost.records.yamlsource import Document, Problem

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: what a lost letter turns into: '?' from a code page, U+FFFD from a decoder
_LOST = re.compile(r"\?{3,}|\ufffd")
_PLACEHOLDER = re.compile(
    r"^\s*(todo|tbd|fixme|xxx+|\.{3}|…|-+|\?+|do (przetłumaczenia|tłumaczenia)|tłumaczenie|"
    r"translation|перакласці|lorem ipsum)\b.*$|\blorem ipsum\b|\bTODO\b", re.I)


def _has_words(text: str) -> bool:
    """Letters in lower case: words, not only an acronym ('UMCS') or numbers."""
    return any(ch.islower() for ch in text)  # (only letters are in lower case)


def problem_with(pl: str, be: str) -> str | None:
    """What is wrong with a Belarusian text beside its Polish original, or None."""
    if _LOST.search(be):
        return _("looks damaged: '???' stands where letters were — the Cyrillic letters were "
                 "lost when the file was saved in an encoding without them (e.g. ANSI or "
                 "Windows-1250); get the last good version back with git (data/README.md) and "
                 "save the file as UTF-8")
    if _PLACEHOLDER.search(be):
        return _("is a placeholder ('{text}') — write the Belarusian text").format(
            text=be.strip()[:30])
    if _has_words(pl) and be.strip() == pl.strip():
        return _("is the same as the Polish text — translate it into Belarusian")
    if _has_words(pl) and not _CYRILLIC.search(be):
        return _("has no Cyrillic letters — is it still the Polish text? translate it into "
                 "Belarusian")
    return None


def problems(kind: Kind, doc: Document) -> Iterator[Problem]:
    """Every Belarusian text of one data file that looks damaged or untranslated."""

    def walk(value: Any, path: tuple) -> Iterator[Problem]:
        if isinstance(value, dict):
            if len(path) == 1 and kind.many and value.get("draft") is True:
                return  # a draft's Belarusian texts may still be missing or placeholders
            pl, be = value.get("pl"), value.get("be")
            if isinstance(pl, str) and isinstance(be, str):
                text = problem_with(pl, be)
                if text:
                    line, col = doc.where((*path, "be"))
                    field = field_name((*_inside(kind, path), "be"))
                    yield Problem(doc.file_at(path), line, col,
                                  f"{_label(kind, doc, path)}{field} {text}")
                return
            for key, item in value.items():
                yield from walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*path, index))

    yield from walk(doc.value, ())


def _inside(kind: Kind, path: tuple) -> tuple:
    """The path inside one record (a list file's first step is the record's index)."""
    return path[1:] if kind.many else path


def _label(kind: Kind, doc: Document, path: tuple) -> str:
    if not kind.many:
        return ""
    record = doc.value[path[0]]
    rid = record.get("id") if isinstance(record, dict) else None
    return f"{kind.said} '{rid}': " if isinstance(rid, str) else f"{kind.said} #{path[0] + 1}: "
