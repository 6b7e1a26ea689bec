"""How search reads words, in Polish and Belarusian: the one normalisation of index and query.

A reader types ``spoldzielnia socjalna`` and the page says *spółdzielni socjalnej*; types
``Мяняны`` and the page says *у Мянянах*; types a Russian ``и`` for the Belarusian ``і``. Both
sides of the search are reduced to the same *terms*:

1. lower case; apostrophes inside a word are dropped (``аб'ява`` = ``абява``);
2. letters folded: Polish diacritics dropped (``ł`` → ``l``, ``ź`` → ``z``…), Belarusian
   ``і`` read as ``и`` (what a Russian keyboard types), ``ў`` as ``в`` (it alternates with
   ``в``: *кааператыў* / *кааператыва*), ``ё`` as ``е``, ``й`` as ``и``;
3. split at everything that is not a letter or a digit: quotation marks („ ” « »), dashes
   and brackets never stick to a word;
4. one-letter words and a few very common short words are left out (``w``, ``na``, ``у``);
5. the inflectional ending is cut: the longest ending of the word's script (Latin words
   are read as Polish, Cyrillic ones as Belarusian, in both languages' indexes) that
   leaves at least ``MIN_STEM`` letters. ``dotacje``, ``dotacja``, ``dotacji`` → ``dotacj``;
   ``занятасць``, ``занятасці`` → ``занятасц``.

This is deliberately a light stemmer of our own (no Snowball: there is none for
Belarusian, and the browser must do exactly what the build did). The browser runs the
same steps over the same tables, which the build writes into each language's search
manifest (``RULES``); ``tests/browser/test_search_normalisation.py`` runs both on the same words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: a stem keeps at least this many letters
MIN_STEM = 3

#: letters replaced before the accents are dropped (after lower-casing)
FOLD = {
    "ł": "l",   # no decomposition in Unicode
    "і": "и",   # Belarusian i: a Russian keyboard types и
    "ї": "и",
    "ў": "в",   # short u alternates with в in Belarusian inflection
    "ъ": "",    # a Russian hard sign where Belarusian writes an apostrophe
}

def _listed(text: str) -> list[str]:
    return text.split()


#: apostrophes inside a word (removed, so the halves stay one word)
APOSTROPHES = "'’ʼ`´"

#: words too common to tell pages apart, as they are after folding
STOP = frozenset(_listed("""
    na do od dla po za we ze ku sie nie jest oraz lub ani czy to ten ta te
    на да ад для па за ад як што не пра пры аб ци або ето гэта
"""))

#: inflectional endings after folding, by script; the longest that fits is cut
ENDINGS = {
    "latin": sorted(set(_listed("""
        a e i o u y
        ia ie ii io iu
        ach ami om ow owi owie em iem iom iow iach iami
        ego emu ej ym ych ymi imi ich im iego iemu iej
    """)), key=lambda e: (-len(e), e)),
    "cyrillic": sorted(set(_listed("""
        а я ы и у ю е о ь
        аи ои еи ыи ии
        ам ям ах ях ами ями ом ем ым им ав яв ов ев
        ага яга ога аго ого аму яму ому ему
        ых их ыми ими ая яя ое ее ыя ия ую юю
        ыю ыям ыях ыями ыяи
    """)), key=lambda e: (-len(e), e)),
}

_SPLIT = re.compile(r"[^\w]+|_+")
_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_APOSTROPHE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_FOLD = str.maketrans(FOLD)


def _table() -> dict[int, str | None]:
    r"""One translation table for steps 1–2 on lower-cased text, for every character of the
    Basic Multilingual Plane: FOLD's letters, then each character as its canonical
    decomposition (NFD) without combining marks (Unicode category M), which is what the
    browser's ``normalize("NFD").replace(/\p{M}/gu, "")`` leaves of it. One C-speed pass
    instead of three: a build folds millions of characters."""
    table: dict[int, str | None] = {}
    for cp in range(0x10000):
        char = chr(cp)
        if char in FOLD or char in APOSTROPHES:
            table[cp] = "" if char in APOSTROPHES else FOLD[char]
        elif unicodedata.category(char).startswith("M"):
            table[cp] = None
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", char)
                           if not unicodedata.category(c).startswith("M"))
            if base != char:
                table[cp] = base
    return table


_TABLE = _table()
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def fold(text: str) -> str:
    """Lower case, apostrophes out, letters folded, accents dropped."""
    text = text.lower()
    if _ASTRAL.search(text):  # beyond the first plane (rare): step by step
        text = unicodedata.normalize("NFD", _APOSTROPHE.sub("", text).translate(_FOLD))
        return "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    return text.translate(_TABLE)


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order (quotation marks and dashes are not words)."""
    return [w for w in _SPLIT.split(fold(text)) if w]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A folded word without its inflectional ending."""
    script = "latin" if _LATIN.search(word) else "cyrillic" if _CYRILLIC.search(word) else None
    if script is None:
        return word
    for ending in ENDINGS[script]:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def keep(word: str) -> bool:
    return len(word) > 1 and word not in STOP


def terms(text: str) -> list[str]:
    """The search terms of a text, in order, repeated as often as they occur."""
    return [stem(w) for w in _SPLIT.split(fold(text)) if len(w) > 1 and w not in STOP]


#: what the browser needs to do the same (written into every search manifest)
RULES = {
    "min_stem": MIN_STEM,
    "fold": FOLD,
    "apostrophes": APOSTROPHES,
    "stop": sorted(STOP),
    "endings": ENDINGS,
}
