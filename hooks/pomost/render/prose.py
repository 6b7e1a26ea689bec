"""A text from data/ as paragraphs and lists: plain text, never markup.

A blank line starts a new paragraph. A line that starts with ``- `` or a bullet (``•``, and
the bullets Word puts into copied text: ``◦ ▪ ● · –`` and the Symbol-font ````) is an item
of a list; lines that follow an item without a bullet of their own continue it. A bullet
that Word pasted into a folded text (``>-``, where YAML joins the lines) stands in the middle
of a line: where a paragraph has two or more bullets after a space and before a space or
tab, each starts an item too (one alone is a separator: "Lublin • Chełm"). Every piece
stays text: the templates escape it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: what may start an item at the start of a line ('-' only with a space after it)
_LINE_ITEM = re.compile(r"^\s*(?:[-–]\s+|[•◦▪●·\uf0b7]\s*)(?=\S)")
#: a bullet inside a folded line: "Oferujemy: • doradztwo • szkolenia"
_INLINE_ITEM = re.compile(r"(?:^|\s)[•◦▪●\uf0b7][ \t]+(?=\S)")


@dataclass(frozen=True)
class Block:
    """A paragraph (``items`` empty) or a list (``text`` its lead-in paragraph, if any)."""

    text: str
    items: tuple[str, ...] = ()


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [line for line in para.split("\n") if line.strip()]
        if not lines:
            continue
        if not any(_LINE_ITEM.match(line) for line in lines):
            out.extend(_inline_lists(lines))
            continue
        lead: list[str] = []
        items: list[str] = []
        for line in lines:
            match = _LINE_ITEM.match(line)
            if match:
                items.append(line[match.end():].strip())
            elif items:
                items[-1] += " " + line.strip()
            else:
                lead.append(line.strip())
        out.append(Block(" ".join(lead), tuple(items)))
    return out


def _inline_lists(lines: list[str]) -> list[Block]:
    """A paragraph whose lines may hold bullets pasted into a folded text: a line with two
    bullets or more is a list (what comes before its first bullet leads it in)."""
    out: list[Block] = []
    plain: list[str] = []
    for line in lines:
        parts = _INLINE_ITEM.split(line.strip())
        if len(parts) > 2:  # two bullets at least: a list, not a separator ("Lublin • Chełm")
            if plain:
                out.append(Block(" ".join(plain)))
                plain = []
            first, *rest = (p.strip() for p in parts)
            out.append(Block(first, tuple(i for i in rest if i)))
        else:
            plain.append(line.strip())
    if plain:
        out.append(Block(" ".join(plain)))
    return out
