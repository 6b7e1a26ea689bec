"""CSV as Polish Excel opens it: ';' between cells (',' is the decimal sign), CRLF line
ends and UTF-8 with a byte-order mark (without it Excel reads the file as Windows-1250)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable


def excel_csv(rows: Iterable[Iterable[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
