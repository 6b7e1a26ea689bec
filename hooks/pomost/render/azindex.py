"""The A–Z index of one language: every page, sorted and grouped by letter as CLDR says.

Sorting and the index letters come from ICU (CLDR collation and index characters), not
from a hand-written alphabet: Polish puts "Ł" after "L" and "Ć" after "C", Belarusian
puts "І" after "З" and files "Ў" under "У". Titles in the other language's script (a
Polish name on a Belarusian page) get that language's letters after the page's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import icu

from pomost.langs import LANGS

_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")  # quotes and brackets before the first letter


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


def groups(entries: Iterable[Entry], lang: str) -> list[Group]:
    """``entries`` by index letter in the alphabet of ``lang``, each group sorted."""
    collator, index = _collator(lang), _index(lang)
    labels = _labels(index)
    buckets: dict[int, list[Entry]] = {}
    for entry in entries:
        start = _LEADING_PUNCTUATION.sub("", entry.title)
        buckets.setdefault(index.getBucketIndex(start), []).append(entry)
    result = []
    for number in sorted(buckets):
        letter, normal = labels[number]
        ordered = sorted(buckets[number], key=lambda e: (collator.getSortKey(e.title), e.url))
        result.append(Group(letter if normal else "", tuple(ordered)))
    return result
