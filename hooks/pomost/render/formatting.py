"""Numbers, money, dates and plural forms in Polish and Belarusian, from CLDR via Babel.

No month names or plural rules are written here: Babel supplies them. Only the
words that CLDR lacks (the złoty in Belarusian has no CLDR symbol) come from
the UI strings, indexed by the CLDR plural category of the number.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date, format_time, get_timezone_name
from babel.numbers import format_decimal

from pomost.render.strings import Strings, load_all

#: The CLDR date pattern for dates in running text: day, genitive month name, year.
DATE_PATTERN = "d MMMM y"
#: what follows the year of a date in running text: "r." (roku) / "г." (года), after a
#: no-break space as CLDR's Belarusian long date writes it
_YEAR_MARK = {"pl": "\u00a0r.", "be": "\u00a0г."}


def number(value: int, lang: str) -> str:
    """24000 -> '24 000' with a no-break space, as CLDR groups it."""
    return format_decimal(value, locale=lang)


def plural(value: int, lang: str) -> str:
    """The CLDR plural category of ``value``: one, few, many or other."""
    return Locale.parse(lang).plural_form(value)


def noun(value: int, forms: dict[str, str], lang: str) -> str:
    """The form of a noun that goes with ``value``: 'osób' for 5, 'osoby' for 3."""
    return forms.get(plural(value, lang)) or forms["other"]


def counted(value: int, forms: dict[str, str], lang: str) -> str:
    """'5 osób', '1 месяц': the number with the noun in the right plural form."""
    return f"{number(value, lang)}\u00a0{noun(value, forms, lang)}"


def money(value: int, lang: str, strings: Strings, *, short: bool = False) -> str:
    """'24 000 zł' / '24 000 злотых' (or '24 000 зл.' where space is short)."""
    if short:
        return f"{number(value, lang)}\u00a0{strings['currency_short']}"
    return counted(value, strings.forms("currency"), lang)


def months(value: int, lang: str) -> str:
    """'6 miesięcy' / '6 месяцаў', '2 miesiące' / '2 месяцы'. The plural category is CLDR's,
    the noun's forms are ours (strings: months): CLDR 49 writes Belarusian "2 месяца", the
    Russian form."""
    return counted(value, load_all()[lang].forms("months"), lang)


def year(value: int, strings: Strings) -> str:
    """'2019 r.' / '2019 г.': a year in running text, as both languages write it."""
    return strings["year_suffix"].format(year=value)


def date(value: dt.date, lang: str, *, weekday: bool = False) -> str:
    """'24 <month> 2019 r.' / '24 <month> 2019 г.': CLDR's day and genitive month, and the
    year with its abbreviation (Polish house style; Belarusian CLDR long dates have it)."""
    pattern = ("EEEE, " if weekday else "") + DATE_PATTERN
    return format_date(value, pattern, locale=lang) + _YEAR_MARK[lang]


def date_span(first: dt.date, last: dt.date, lang: str) -> str:
    """Two days as one span ('24–25 <month> 2019 r.'): what the two days share is said once.
    (Babel's format_interval abbreviates the Belarusian months.)"""
    if first == last:
        return date(first, lang)
    if (first.year, first.month) == (last.year, last.month):
        return f"{format_date(first, 'd', locale=lang)}–{date(last, lang)}"
    head = "d MMMM" if first.year == last.year else DATE_PATTERN
    mark = "" if first.year == last.year else _YEAR_MARK[lang]
    return f"{format_date(first, head, locale=lang)}{mark} – {date(last, lang)}"


def clock(value: dt.datetime, lang: str) -> str:
    """'10:00' / '10.00': the CLDR short time of the language."""
    return format_time(value, "short", locale=lang)


def zone_name(value: dt.datetime, lang: str) -> str:
    """'czas środkowoeuropejski letni' / 'Цэнтральнаеўрапейскі летні час' on that day."""
    return get_timezone_name(value, "long", locale=lang)
