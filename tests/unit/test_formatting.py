"""CLDR through Babel: the forms the glossary asks for, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from pomost.render import formatting
from pomost.render.strings import load_all

NBSP = "\u00a0"


@pytest.mark.parametrize("lang,expected", [
    ("pl", {1: "1 miesiąc", 2: "2 miesiące", 5: "5 miesięcy", 6: "6 miesięcy", 22: "22 miesiące"}),
    ("be", {1: "1 месяц", 5: "5 месяцаў", 6: "6 месяцаў", 21: "21 месяц"}),
])
def test_month_plurals_follow_cldr(lang, expected):
    for n, text in expected.items():
        assert formatting.months(n, lang).replace(NBSP, " ") == text


def test_money_groups_with_no_break_space_and_declines_the_currency():
    strings = load_all()
    assert formatting.money(24000, "pl", strings["pl"], short=True) == f"24{NBSP}000{NBSP}zł"
    assert formatting.money(24000, "be", strings["be"]) == f"24{NBSP}000{NBSP}злотых"
    assert formatting.money(21, "be", strings["be"]) == f"21{NBSP}злоты"      # CLDR 'one'
    assert formatting.money(22, "be", strings["be"]) == f"22{NBSP}злотыя"     # CLDR 'few'
    assert formatting.money(21, "pl", strings["pl"]) == f"21{NBSP}złotych"    # Polish 'many'


def test_dates_use_genitive_month_names():
    day = dt.date(2019, 9, 24)
    assert formatting.date(day, "pl") == f"24 września 2019{NBSP}r."   # Polish house style
    assert formatting.date(day, "be") == f"24 верасня 2019{NBSP}г."    # as CLDR's long date
    assert formatting.date(day, "pl", weekday=True).startswith("wtorek")
