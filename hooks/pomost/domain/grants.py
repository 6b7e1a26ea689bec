"""The money a new social cooperative can get, computed from the instruments' amounts.

Plain arithmetic on validated records; the table's HTML and CSV are rendered
from these figures, so both always show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from pomost.records.catalog import Catalog
from pomost.records.models import Amount, Instrument


@dataclass(frozen=True)
class Row:
    instrument: Instrument
    amount: Amount

    @property
    def months(self) -> int | None:
        """How many monthly payments there are, or None for a one-off amount."""
        first, last = self.amount.from_month, self.amount.to_month
        if self.amount.payment != "monthly" or first is None or last is None:
            return None
        return last - first + 1

    @property
    def total(self) -> int:
        """The most one person (or workplace) can get from this row over its whole period."""
        return self.amount.max_pln * (self.months or 1)


@dataclass(frozen=True)
class Scenario:
    founders: int
    #: (instrument, the most it gives a cooperative of this size)
    by_instrument: tuple[tuple[Instrument, int], ...]

    @property
    def total(self) -> int:
        return sum(value for _, value in self.by_instrument)


@dataclass(frozen=True)
class GrantTable:
    rows: tuple[Row, ...]
    scenarios: tuple[Scenario, ...]

    @property
    def per_founder(self) -> int:
        """The most one founding member can bring in (rows that count for founders)."""
        return sum(row.total for row in self.rows if row.amount.founder)

    @property
    def instruments(self) -> tuple[Instrument, ...]:
        seen: dict[str, Instrument] = {}
        for row in self.rows:
            seen.setdefault(row.instrument.id, row.instrument)
        return tuple(seen.values())

    @property
    def founder_assumptions(self) -> tuple[str, ...]:
        """What the maximum per founding member assumes that the source does not say:
        'one_workplace' (an amount "per person or workplace" counted once per founder) and
        'monthly' (an amount the data pays every month although the source does not say so).
        Wherever that maximum is shown, these are shown beside it."""
        rows = [row for row in self.rows if row.amount.founder]
        found = []
        if any(row.amount.per == "person_or_workplace" for row in rows):
            found.append("one_workplace")
        if any(not row.amount.payment_stated for row in rows):
            found.append("monthly")
        return tuple(found)

    @property
    def monthly_assumed_for(self) -> tuple[Instrument, ...]:
        """The instruments whose founder amounts the data pays monthly without the source
        saying so (what the 'monthly' assumption is about)."""
        seen: dict[str, Instrument] = {}
        for row in self.rows:
            if row.amount.founder and not row.amount.payment_stated:
                seen.setdefault(row.instrument.id, row.instrument)
        return tuple(seen.values())

    @property
    def assumed(self) -> tuple[Row, ...]:
        """Rows whose monthly payment is the data's assumption, not the source's word."""
        return tuple(row for row in self.rows if not row.amount.payment_stated)


def grant_table(catalog: Catalog) -> GrantTable:
    rows = tuple(Row(instrument, amount)
                 for instrument in catalog.instruments.values()
                 for amount in instrument.amounts)
    table = GrantTable(rows, ())
    scenarios = tuple(
        Scenario(size, tuple(
            (instrument, size * sum(r.total for r in rows if r.instrument is instrument))
            for instrument in table.instruments))
        for size in catalog.settings.grant_table.scenarios.founders)
    return GrantTable(rows, scenarios)
