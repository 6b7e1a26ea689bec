"""Records in the words of one language: texts, names, amounts, periods, dates of events.

Pages, CSV cells, calendars and feeds all word a record through this one class, so an
amount reads the same on a page and in a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pomost.domain import timeline
from pomost.langs import DEFAULT
from pomost.records.models import Amount, Event, Name, Text
from pomost.render import formatting
from pomost.render.strings import Strings, load_all

if TYPE_CHECKING:
    from pomost.domain.grants import GrantTable


class Wording:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.strings: Strings = load_all()[lang]

    def text(self, value: Text | None) -> str:
        return getattr(value, self.lang) if value is not None else ""

    def namer(self) -> Callable[[Name | None], str]:
        """A fresh ``name(value)`` for one page: on a Belarusian page the first mention of a
        Polish name adds the Polish original in brackets, "Люблін (Lublin)"; later mentions,
        Belarusian names and Polish pages show the name alone. The original is the record's
        own ``pl`` form, so each name is written once, in data/."""
        seen: set[str] = set()

        def name(value: Name | None) -> str:
            shown = self.text(value)
            if value is None or value.origin != DEFAULT or self.lang == value.origin:
                return shown
            if value.pl in seen or value.pl == shown:
                return shown
            seen.add(value.pl)
            return f"{shown} ({value.pl})"

        return name

    def unit(self, amount: Amount) -> str:
        """Who or what the amount is counted for, or that the source does not say."""
        return self.strings[f"per_{amount.per}" if amount.per else "per_unstated"]

    def amount_text(self, a: Amount) -> str:
        """'do 24 000 złotych na osobę, jednorazowo': an amount in words, on pages and in CSV.
        A monthly payment the source states says 'miesięcznie'; one the data assumes says so."""
        text = f"{self.strings['up_to']} {formatting.money(a.max_pln, self.lang, self.strings)}"
        if a.per:
            text += f" {self.unit(a)}"
        if a.payment == "monthly" and a.payment_stated:
            text += f" {self.strings['payment_monthly']}"
        text += f", {self.period(a)}"
        return text + (f" ({self.strings['payment_assumed']})" if not a.payment_stated else "")

    def period(self, amount: Amount) -> str:
        if amount.payment == "one_off" or amount.from_month is None or amount.to_month is None:
            return self.strings["payment_one_off"]
        span = self.strings["months_range"].format(start=amount.from_month, end=amount.to_month)
        return f"{span} ({formatting.months(amount.to_month - amount.from_month + 1, self.lang)})"

    def when_text(self, event: Event, known: Sequence[dt.date] = ()) -> str:
        """The event's day(s) and time as plain text; for an event without a date, the
        ``known`` dates of the events inside it ("2 dni, w tym …"), or that it is unknown."""
        if not event.date and known:
            days = formatting.counted(event.days, self.strings.forms("days"), self.lang)
            dates = ", ".join(formatting.date(d, self.lang) for d in known)
            return self.strings["undated_within"].format(days=days, dates=dates)
        if not event.date:
            return self.strings["undated"]
        text = formatting.date_span(event.date, timeline.last_day(event) or event.date, self.lang)
        start, end = timeline.start(event), timeline.end(event)
        if start:
            span = formatting.clock(start, self.lang)
            if end:
                span += "–" + formatting.clock(end, self.lang)
            text += f", {span} ({formatting.zone_name(start, self.lang)})"
        return text

    def founder_assumptions(self, grants: GrantTable) -> str:
        """What the maximum per founding member assumes, as plain text ('zakładając, że: …')."""
        t, parts = self.strings, []
        for key in grants.founder_assumptions:
            if key == "monthly":
                names = ", ".join(t["quoted"].format(self.text(i.name))
                                  for i in grants.monthly_assumed_for)
                parts.append(t["assumption_monthly"].format(what=names))
            else:
                parts.append(t[f"assumption_{key}"])
        return f"{t['founder_assumes']} {'; '.join(parts)}"

    def year(self, value: int) -> str:
        """'2019 r.' / '2019 г.'."""
        return formatting.year(value, self.strings)

    def size(self, content: bytes) -> str:
        """A download's size as the link shows it: '1 234 B' / '1 234 Б'."""
        return f"{formatting.number(len(content), self.lang)}\u00a0{self.strings['byte_unit']}"
