"""Pomost's own search index: small files, so that a reader downloads only what a query needs.

Written per language under ``<language root>/search/`` and read by
``overrides/assets/javascripts/pomost-search.js``:

* ``manifest.json`` — the labels of the search box (``search.labels``), the normalisation
  rules (``searchtext.RULES``: the browser cuts words
  exactly as the build did), the number of entries, where each kind's entries start, the
  names of the term shards and the filters;
* ``t/<hex>.json`` — a *term shard*: every term starting with its key (the terms' first
  two letters; a shard over ``SHARD_BYTES`` is split by three letters) -> its postings; the
  file is named by the key's UTF-8 bytes in hex (``shard_file``);
* ``d/<n>.json`` — entries ``n * CHUNK`` … as ``[location, title, text, kind]``, fetched
  only for the results shown;
* ``f/<facet>.json`` — a filter's values ``[key, label, group, postings]``, fetched when a
  reader uses that filter.

A posting list is a flat list of numbers: for each entry that has the term, in order of
entries, ``(entry - previous entry) * 4 + weight`` (weight 1–3: ``search.TITLE`` … ``TEXT``,
the best field the term occurs in). Texts are plain text; the browser never renders them as
markup.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from pomost.publish import searchtext
from pomost.publish.search import FACETS, KINDS, Entry, Value, labels

#: where the index lives under a language's root
FOLDER = "search"
#: entries per file of ``d/``
CHUNK = 16
#: a term shard bigger than this is split by the terms' first three letters
SHARD_BYTES = 16 * 1024
#: the format, checked by the browser
VERSION = 1


def _postings(entries: dict[int, int]) -> list[int]:
    out, last = [], 0
    for doc in sorted(entries):
        out.append((doc - last) * 4 + entries[doc])
        last = doc
    return out


def _dump(path: Path, value: Any, written: set[Path]) -> int:
    """Write ``value`` as JSON unless the file holds it already (after an edit the preview
    writes the index again: most of its thousand files are as they were); its size."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    written.add(path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return len(data)
    except FileNotFoundError:
        pass
    path.write_bytes(data)
    return len(data)


def _shards(terms: dict[str, dict[int, int]]) -> dict[str, dict[str, list[int]]]:
    by_two: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term in sorted(terms):
        by_two[term[:2]][term] = _postings(terms[term])
    shards: dict[str, dict[str, list[int]]] = {}
    for key, shard in by_two.items():
        size = len(json.dumps(shard, ensure_ascii=False).encode("utf-8"))
        if size <= SHARD_BYTES:
            shards[key] = shard
            continue
        for term, postings in shard.items():  # terms of two letters stay under the two
            shards.setdefault(term[:3], {})[term] = postings
    return shards


def shard_file(key: str) -> str:
    """A shard's file name: its key's UTF-8 bytes in hex ('яе' -> 'd18fd0b5.json'), so that
    every file name is ASCII (web servers, archives and deploy tools all agree on those)."""
    return key.encode("utf-8").hex() + ".json"


def order(entries: list[Entry]) -> list[Entry]:
    """Entries by kind (as ``search.KINDS``), then by location: each kind is one range."""
    return sorted(entries, key=lambda e: (KINDS.index(e.kind), e.location))


def write(language_root: Path, lang: str, entries: list[Entry],
          facets: dict[str, list[Value]]) -> dict:
    """Write one language's index; returns what was written (for the benchmark).

    ``facets`` are ``search.facet_values`` (the values' labels and order); which entry has
    which value is the entries' own ``facets``.
    """
    folder = language_root / FOLDER
    for sub in ("t", "d", "f"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    written: set[Path] = set()
    sizes = _write(folder, lang, entries, facets, written)
    for sub in ("t", "d", "f"):  # what an earlier build wrote (Material's own file stays)
        for path in (folder / sub).iterdir():
            if path not in written:
                path.unlink()
    return sizes


def _write(folder: Path, lang: str, entries: list[Entry], facets: dict[str, list[Value]],
           written: set[Path]) -> dict:
    entries = order(entries)
    terms: dict[str, dict[int, int]] = defaultdict(dict)
    for doc, entry in enumerate(entries):
        for text, weight in entry.searched():
            for term in searchtext.terms(text):
                if terms[term].get(doc, 0) < weight:
                    terms[term][doc] = weight
    sizes: dict[str, int] = defaultdict(int)
    shards = _shards(terms)
    for key, shard in shards.items():
        sizes["terms"] += _dump(folder / "t" / shard_file(key), shard, written)
    for start in range(0, len(entries), CHUNK):
        chunk = [[e.location, e.title, e.text, e.kind] for e in entries[start:start + CHUNK]]
        sizes["docs"] += _dump(folder / "d" / f"{start // CHUNK}.json", chunk, written)
    having: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for doc, entry in enumerate(entries):
        for facet, keys in entry.facets.items():
            for key in keys:
                having[facet, key][doc] = 0
    for facet, values in facets.items():
        rows = [[v.key, v.label, v.group, _postings(having[facet, v.key])] for v in values]
        sizes["facets"] += _dump(folder / "f" / f"{facet}.json", rows, written)
    kinds: dict[str, list[int]] = {}
    for n, entry in enumerate(entries):
        kinds.setdefault(entry.kind, [n, n + 1])[1] = n + 1
    manifest = {"version": VERSION, "lang": lang, "entries": len(entries), "chunk": CHUNK,
                "kinds": kinds, "shards": sorted(shards), "facets": [f for f in FACETS
                                                                    if f in facets],
                "rules": searchtext.RULES, "labels": labels(lang)}
    sizes["manifest"] = _dump(folder / "manifest.json", manifest, written)
    return {"entries": len(entries), "terms": len(terms), "shards": len(shards), **sizes}
