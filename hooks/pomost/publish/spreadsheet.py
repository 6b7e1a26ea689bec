"""CSV as Polish Excel opens it: ';' between cells (',' is the decimal sign), CRLF line
ends and UTF-8 with a byte-order mark (without it Excel reads the file as Windows-1250).

No cell is ever a formula. A spreadsheet reads a cell that starts with =, +, -, @, a tab or a
carriage return as a formula, and a formula can run commands or send data away ("CSV
injection"). As OWASP recommends, such a text cell gets a leading apostrophe, which makes
it text: '=1+2 (Excel shows the apostrophe too, in the cell). Left as they are: numbers (the
int -500), and texts made of a sign, digits, spaces and . , / ( ) + - only, such as "-500",
"-1,5" or the phone number "+48 81 528 76 50" — without a letter or any of = @ | ! a formula
can call no function, name no cell and start no program. Text like "- item" does get the
apostrophe (Excel would read it as a formula and show #NAME?) and stays the text it was.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

#: what makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: a number, or a text like a number (a phone number): a formula made of it can do no harm
_NUMBER = re.compile(r"[-+]?[0-9][0-9 .,/()+-]*")


def safe_cell(value: object) -> object:
    """``value``, with an apostrophe before a text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def excel_csv(rows: Iterable[Iterable[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(
        [safe_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
