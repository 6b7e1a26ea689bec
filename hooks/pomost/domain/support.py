"""Where a reader gets support: who offers an instrument, in which county, and which of its
amounts is the most recent one a source gives.

Plain lookups over validated records. Nothing here fills a gap: a centre without a contact
stays without one (the pages say whom to ask), an amount keeps the year and the source it
came with, and a centre whose project has ended is said to have ended, not left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pomost.records.catalog import Catalog
from pomost.records.models import Amount, County, Instrument, SupportCentre, Text


@dataclass(frozen=True)
class AmountSet:
    """The amounts one source gives for one year: an offer of a centre, or the article's
    (``from_article``: its title is ``source_title``; its address may be unknown).
    """

    year: int | None
    amounts: tuple[Amount, ...]
    provider: SupportCentre | None = None
    call: Text | None = None
    source_url: str | None = None
    source_title: Text | None = None
    from_article: bool = False


def amount_history(catalog: Catalog, instrument: Instrument) -> list[AmountSet]:
    """The instrument's amounts, the most recent year first: the offers of the centres and
    the amounts the article reported (``as_reported``), each set with its year and source.
    Sets of the same year keep the order of the data; a set without a year comes last."""
    sets = [AmountSet(offer.year, tuple(offer.amounts), catalog.centres.get(offer.provider or ""),
                      offer.call, offer.source)
            for offer in instrument.offers]
    if instrument.amounts:
        settings = catalog.settings.grant_table
        sets.append(AmountSet(instrument.as_reported, tuple(instrument.amounts),
                              source_url=instrument.source or settings.source_url,
                              source_title=settings.source, from_article=True))
    return sorted(sets, key=lambda s: -(s.year or 0))


def active(centre: SupportCentre, today: dt.date) -> bool:
    """Whether the centre's project has not ended by ``today`` (unknown end: not ended)."""
    return centre.active_to is None or centre.active_to >= today


def _newest_first(centres: list[SupportCentre], today: dt.date) -> list[SupportCentre]:
    # Running ones first; among the rest, the most recently ended first; ties: data order.
    return sorted(centres, key=lambda c: (not active(c, today),
                                          -(c.active_to or dt.date.max).toordinal()))


def providers(catalog: Catalog, instrument: Instrument, today: dt.date) -> list[SupportCentre]:
    """The centres that offer ``instrument`` (their ``instruments``, or an offer of theirs),
    those still running first."""
    named = {offer.provider for offer in instrument.offers if offer.provider}
    found = [c for c in catalog.centres.values()
             if instrument.id in c.instruments or c.id in named]
    return _newest_first(found, today)


@dataclass(frozen=True)
class Area:
    """Counties served by the same centres: one section of the county page, so that a
    subregion's centres are described once, not once per county."""

    counties: tuple[County, ...]
    centres: tuple[SupportCentre, ...]

    @property
    def name(self) -> Text | None:
        """The area's name when all its centres give the same one (a subregion), else None."""
        names = {(c.area.pl, c.area.be) if c.area else None for c in self.centres}
        if len(names) != 1 or None in names:
            return None
        return self.centres[0].area


def by_area(catalog: Catalog, today: dt.date) -> list[Area]:
    """Every county of counties.yml, grouped by the centres that serve it (running ones
    first), in the order of counties.yml; counties no centre serves come last, together."""
    groups: dict[tuple[str, ...], list[County]] = {}
    serving: dict[tuple[str, ...], list[SupportCentre]] = {}
    for county in catalog.counties.values():
        centres = _newest_first(
            [c for c in catalog.centres.values() if county.id in c.counties], today)
        key = tuple(c.id for c in centres)
        groups.setdefault(key, []).append(county)
        serving[key] = centres
    ordered = sorted(groups, key=lambda key: not key)  # stable: data order, empty last
    return [Area(tuple(groups[key]), tuple(serving[key])) for key in ordered]


def without_counties(catalog: Catalog) -> list[SupportCentre]:
    """Centres whose counties no source lists: the county page names them apart."""
    return [c for c in catalog.centres.values() if not c.counties]
