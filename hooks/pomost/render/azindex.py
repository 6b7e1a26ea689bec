"""The A–Z index of one language: every page, sorted and grouped by letter as CLDR says.

Sorting and the index letters come from ICU (CLDR collation and index characters), not
from a hand-written alphabet: Polish puts "Ł" after "L" and "Ć" after "C", Belarusian
puts "І" after "З" and files "Ў" under "У". Titles in the other language's script (a
Polish name on a Belarusian page) get that language's letters after the page's own, and a
title that glosses such a name in the page's script in brackets — «Kuźnia Talentów»
(«Кузня талентаў») — is filed under its gloss too, where a reader of that script looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import icu

from pomost.langs import LANGS

_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")  # quotes and brackets before the first letter
#: the letters of each language's own script (a page's titles are filed by these first)
_OWN_SCRIPT = {"pl": re.compile(r"[A-Za-z\u00C0-\u024F]"),
               "be": re.compile(r"[\u0400-\u04FF]")}
#: a part in brackets: "(…)" at the end of a title, or in the middle of one
_BRACKETED = re.compile(r"\s*\(([^()]+)\)")


@dataclass(frozen=True)
class Entry:
    title: str
    url: str


@dataclass(frozen=True)
class Group:
    letter: str   # the index letter, or "" for titles that start with no letter (digits)
    entries: tuple[Entry, ...]


def _collator(lang: str) -> icu.Collator:
    collator = icu.Collator.createInstance(icu.Locale(lang))
    # Quotation marks before a name („Dom Nasutów”, «Kuźnia…») must not decide its place.
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    return collator


def _index(lang: str) -> icu.AlphabeticIndex:
    index = icu.AlphabeticIndex(icu.Locale(lang))
    for other in LANGS:
        if other != lang:
            index.addLabels(icu.Locale(other))
    return index


def _labels(index: icu.AlphabeticIndex) -> list[tuple[str, bool]]:
    labels = []
    index.resetBucketIterator()
    while index.nextBucket():
        labels.append((index.bucketLabel, index.bucketLabelType == icu.UAlphabeticIndexLabelType.NORMAL))
    return labels


def glossed(entry: Entry, lang: str) -> Entry | None:
    """The entry filed under its gloss, when its title starts in another script and has a
    bracketed part in the script of ``lang``: '«Kuźnia Talentów» («Кузня талентаў»)' ->
    '«Кузня талентаў» («Kuźnia Talentów»)'. None for every other title."""
    own = _OWN_SCRIPT.get(lang)
    first = _LEADING_PUNCTUATION.sub("", entry.title)[:1]
    if own is None or not first or own.match(first):
        return None
    for match in _BRACKETED.finditer(entry.title):
        gloss = match.group(1).strip()
        if own.search(gloss):
            rest = (entry.title[:match.start()] + entry.title[match.end():]).strip()
            return Entry(f"{gloss} ({rest})", entry.url)
    return None


def groups(entries: Iterable[Entry], lang: str) -> list[Group]:
    """``entries`` by index letter in the alphabet of ``lang``, each group sorted; a title
    with a gloss in that language's script is filed under both (``glossed``)."""
    collator, index = _collator(lang), _index(lang)
    labels = _labels(index)
    buckets: dict[int, list[Entry]] = {}
    listed = list(entries)
    listed += [g for g in (glossed(e, lang) for e in listed) if g is not None]
    for entry in listed:
        start = _LEADING_PUNCTUATION.sub("", entry.title)
        buckets.setdefault(index.getBucketIndex(start), []).append(entry)
    result = []
    for number in sorted(buckets):
        letter, normal = labels[number]
        ordered = sorted(buckets[number], key=lambda e: (collator.getSortKey(e.title), e.url))
        result.append(Group(letter if normal else "", tuple(ordered)))
    return result
