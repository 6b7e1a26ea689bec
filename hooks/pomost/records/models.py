"""The record types staff edit in data/*.yml: one definition per type.

The same pydantic models give the typed records the hooks render, the validation
(see catalog.py for the messages) and the JSON Schema editors use (schemas/).
Every model forbids unknown fields, so a typo in a field name is an error, not
a silently ignored value.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PositiveInt,
    StringConstraints,
    WithJsonSchema,
)

#: Record ids become URL slugs: lower-case ASCII, digits and hyphens.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]

#: A non-empty piece of text; surrounding spaces are trimmed.
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _tidy(value: object) -> object:
    # Runs of spaces (trailing spaces folded into a line, double spaces) are one space to a
    # reader; paragraph breaks (blank lines) stay.
    if isinstance(value, str):
        return re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t]{2,}", " ", value))
    return value


#: One language's version of a text: trimmed, spaces tidied, never empty.
TextValue = Annotated[NonEmpty, BeforeValidator(_tidy)]

_URL = re.compile(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$", re.I)


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError("url_scheme")
    return value


#: A link target: only http(s) and mailto, never javascript: or a bare path.
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_url)]


_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


def _clock(value: object) -> object:
    # YAML 1.1 reads an unquoted 10:00 as the base-60 number 600; turn it back into 10:00.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        value = f"{value // 60}:{value % 60:02d}"
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError("clock_format")
    return dt.time(int(match.group(1)), int(match.group(2)))


#: A time of day on a 24-hour clock, local time in Poland (Europe/Warsaw): "10:00".
Clock = Annotated[dt.time, BeforeValidator(_clock), WithJsonSchema(
    {"type": "string", "pattern": _CLOCK.pattern, "description": "HH:MM, local time in Poland"})]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Record):
    """A text in both languages. Plain text: it is escaped, never read as markup."""

    pl: TextValue
    be: TextValue


class Name(Text):
    """A person's or a place's name in both languages, and which one is the original.

    On a Belarusian page the first mention of a Polish name is followed by the Polish
    original in brackets, "Дарыюш Стэфанюк (Dariusz Stefaniuk)"; a Belarusian name
    (``origin: be``) is shown in its Belarusian form only.
    """

    origin: Literal["pl", "be"] = Field(
        "pl", description="the language the name comes from: pl for Polish people and places, "
        "be for Belarusian ones")


class Note(Record):
    """What the source does not settle, said on the page with where it comes from."""

    kind: Literal["inferred", "uncertain", "correction", "external"] = Field(
        description="inferred: deduced from other facts; uncertain: the source is ambiguous; "
        "correction: the source is wrong here; external: a fact from another source"
    )
    text: Text
    source: Url | None = Field(None, description="where the note's fact comes from")


class Amount(Record):
    """One maximum amount of money, as the source states it."""

    max_pln: PositiveInt = Field(description="the maximum amount in złoty (PLN), a whole number")
    per: Literal["person_or_workplace", "person", "workplace", "new_employee"] | None = Field(
        None, description="who or what the amount is counted for; leave out when the source "
        "does not say"
    )
    payment: Literal["one_off", "monthly"] = Field(description="paid once, or every month")
    payment_stated: bool = Field(
        True, description="false where the source does not say it is monthly and the data assumes it"
    )
    from_month: PositiveInt | None = Field(None, description="first month (monthly payments)")
    to_month: PositiveInt | None = Field(None, description="last month (monthly payments)")
    purpose: Text
    founder: bool = Field(
        True, description="counts towards the maximum per founding member of a cooperative"
    )


class Offer(Record):
    """The amounts one source published for one year (a call, a recruitment), and who offered
    them: the history of an instrument's amounts, newest first on its page."""

    year: PositiveInt = Field(description="the year the source gives the amounts for")
    provider: Id | None = Field(
        None, description="id in support_centres.yml of the centre that offered them")
    call: Text | None = Field(None, description="the call or project, as the source names it")
    source: Url = Field(description="where the amounts are published")
    amounts: list[Amount] = Field(min_length=1)


class Step(Record):
    """One step of applying for an instrument, as a source describes it."""

    text: Text
    source: Url = Field(description="where this step is described")


class Instrument(Record):
    """A kind of support: a grant, bridging support, a voucher, advice, training…"""

    id: Id
    category: Literal[
        "information", "animation", "advisory", "training", "employment",
        "grant", "bridging", "voucher", "specialist_advisory",
    ]
    name: Text
    summary: Text = Field(description="one sentence for lists and the page description")
    description: Text
    for_whom: Text | None = Field(None, description="who can get it, as the source says")
    amounts: list[Amount] = Field([], description="the amounts the article reported (the grant "
                                  "table is computed from these)")
    as_reported: PositiveInt | None = Field(None, description="year the source reported it")
    offers: list[Offer] = Field([], description="amounts published later by the centres that "
                                "offer it, each with its year and source")
    how_to_apply: list[Step] = Field([], description="the steps of applying, each with its "
                                     "source; leave out what no source describes")
    programme: Text | None = None
    call: Text | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    source: Url | None = None
    notes: list[Note] = []


class Organisation(Record):
    """An organisation: a good practice shown to visitors, an institution or a partner."""

    id: Id
    role: Literal["good_practice", "institution", "partner"]
    name: Text
    short_name: Text | None = None
    legal_form: Text | None = None
    town: Name | None = None
    county: Text | None = None
    summary: Text = Field(description="one sentence for lists and the page description")
    what_it_does: Text
    why_good_practice: Text | None = None
    transferable: Text | None = Field(None, description="what a visiting delegation could transfer")
    instruments: list[Id] = Field([], description="ids in instruments.yml of the support it "
                                  "offers (never what it received)")
    website: Url | None = None
    email: Url | None = Field(None, description="a mailto: link")
    phone: NonEmpty | None = None
    address: Text | None = None
    notes: list[Note] = []


class County(Record):
    """A county (powiat) or a city with county rights, as support centres list their area."""

    id: Id
    name: Name = Field(description="'powiat chełmski' / 'Хелмскі павет', or the city's name")
    form: Literal["county", "city"] = Field(
        "county", description="county: a powiat; city: a city with county rights "
        "(miasto na prawach powiatu)")


class SupportCentre(Record):
    """A support centre (an OWES or similar): who runs it, where it works, how to reach it.

    A contact detail no source gives is left out, never guessed: the page then says whom to
    ask, and `make check` lists what staff still have to fill in (see ``missing``).
    """

    id: Id
    name: Text
    short_name: Text | None = None
    summary: Text = Field(description="one sentence for lists and the page description")
    description: Text
    operator: Text | None = Field(None, description="who runs the centre")
    partners: Text | None = Field(None, description="who runs it together with the operator")
    area: Text | None = Field(None, description="its territory in words, e.g. a subregion")
    counties: list[Id] = Field([], description="ids in counties.yml of the counties it serves")
    counties_notes: list[Note] = Field(
        [], description="what the source does not settle about the counties; shown beside them")
    offices: Text | None = Field(None, description="the towns where it has offices")
    address: Text | None = None
    phone: NonEmpty | None = None
    email: Url | None = Field(None, description="a mailto: link")
    website: Url | None = None
    programme: Text | None = Field(None, description="the programme that funds it")
    active_from: dt.date | None = Field(None, description="first day of the project")
    active_to: dt.date | None = Field(None, description="last day of the project")
    instruments: list[Id] = Field([], description="ids in instruments.yml of what it offers")
    organisations: list[Id] = Field(
        [], description="ids in organisations.yml of organisations that are, or may be, this "
        "centre (say in notes how sure that is)")
    as_of: dt.date | None = Field(
        None, description="the day staff last checked these details against the source")
    source: Url = Field(description="where these details come from")
    notes: list[Note] = []

    #: what staff must fill in (or confirm that no source gives) before publishing
    REQUIRED_BEFORE_PUBLISHING: ClassVar[tuple[str, ...]] = (
        "operator", "address", "phone", "email", "website", "as_of")

    def missing(self) -> list[str]:
        """The contact and provenance fields nobody has filled in yet."""
        return [name for name in self.REQUIRED_BEFORE_PUBLISHING if getattr(self, name) is None]


class Term(Record):
    """One entry of the glossary (data/glossary.yml): a term as every page, UI label and
    record writes it in Polish and in Belarusian, and the variants that must not be used
    (a test reads them and fails where one appears)."""

    id: Id
    term: Text = Field(description="the term in Polish (pl) and in Belarusian (be)")
    note: Text | None = Field(None, description="when and how to use it")
    wrong_pl: list[NonEmpty] = Field(
        [], description="Polish variants that must not appear (regular expressions; a plain "
        "word is one)")
    wrong_be: list[NonEmpty] = Field(
        [], description="Belarusian variants that must not appear (regular expressions)")


class Person(Record):
    """A person named in the sources, with the role they had then."""

    id: Id
    name: Name
    role: Text
    organisation: Id | None = None
    notes: list[Note] = []


class Event(Record):
    """Something that happened or will happen; a date is only given where it is known."""

    id: Id
    title: Text
    summary: Text = Field(description="one sentence for lists and the page description")
    description: Text
    date: dt.date | None = Field(None, description="leave out when the source gives no date")
    days: PositiveInt = Field(1, description="how many days the event lasts")
    time: Clock | None = Field(
        None, description="start time, local time in Poland (HH:MM); leave out when unknown")
    end_time: Clock | None = Field(
        None, description="end time on the last day (HH:MM); only together with time")
    place: Name | None = None
    part_of: Id | None = Field(None, description="id of the event (a visit) this one belongs to")
    people: list[Id] = []
    organisations: list[Id] = []
    instruments: list[Id] = []
    notes: list[Note] = []


class News(Record):
    """A news item: the hand-written page docs/aktualnosci/<id>.md, described for the feeds."""

    id: Id = Field(description="the name of its page in docs/aktualnosci/, without .md")
    title: Text = Field(description="the page's heading")
    summary: Text = Field(description="one or two sentences for the feed")
    date: dt.date | None = Field(
        None, description="when it was published; leave out when the source does not say")
    events: list[Id] = Field([], description="ids of the events it reports on")


class Scenarios(Record):
    founders: list[PositiveInt] = Field(description="cooperative sizes shown in the scenario table")
    note: Text = Field(description="what the scenario assumes, shown under the table")


class GrantTable(Record):
    as_of: Text = Field(description="what date or source the amounts are as of")
    source: Text
    source_url: Url | None = None
    scenarios: Scenarios


class Settings(Record):
    """Site-wide settings in data/site.yml."""

    name: Text
    description: Text
    grant_table: GrantTable


class Procedure(Record):
    """The statutory procedure for requests and complaints about accessibility."""

    reply_days: PositiveInt = Field(description="days within which a request must be met")
    extension_months: PositiveInt = Field(
        description="the longest the reply may be extended to, in months")
    ombudsman: Text = Field(description="the Rzecznik Praw Obywatelskich, in the genitive "
                            "('wniosek do …'), for the last step")
    ombudsman_url: Url


class AccessibilityStatement(Record):
    """data/accessibility.yml: the facts of the deklaracja dostępności (v2.0 structure).

    What only the publisher knows (dates, the result of the assessment, the building) is
    optional here so that nothing has to be guessed; the page says "not given" and
    `make check` lists what is still missing (see ``missing``).
    """

    entity: Id = Field(description="id in organisations.yml of the public body publishing the "
                       "site; its name, address, e-mail and phone are used")
    scope: Text = Field(description="what the statement covers, as in 'dostępność swojej "
                        "strony internetowej' (genitive)")
    law: Text = Field(description="the act, in the instrumental case ('zgodnie z …')")
    published: dt.date | None = Field(None, description="date the site was first published")
    updated: dt.date | None = Field(None, description="date of the last significant update")
    prepared: dt.date | None = Field(None, description="date the statement was first prepared")
    reviewed: dt.date | None = Field(None, description="date of the last yearly review")
    status: Literal["compliant", "partially_compliant", "non_compliant"] | None = Field(
        None, description="the result of the accessibility assessment")
    non_compliant: list[Text] = Field(
        [], description="what is not accessible and why (when not fully compliant)")
    assessment: Literal["self_assessment", "external_audit"] | None = Field(
        None, description="how the statement was prepared")
    contact: Text | None = Field(
        None, description="the person or unit to contact (default: the entity itself)")
    email: Url | None = Field(None, description="a mailto: link (default: the entity's)")
    phone: NonEmpty | None = Field(None, description="default: the entity's phone")
    procedure: Procedure
    architecture: Text | None = Field(
        None, description="architectural accessibility of the entity's seat")
    communication: Text | None = Field(
        None, description="communication accessibility, e.g. an online sign-language interpreter")

    #: fields the publisher must fill before the statement is complete
    REQUIRED_BEFORE_PUBLISHING: ClassVar[tuple[str, ...]] = (
        "published", "updated", "prepared", "status", "assessment", "architecture",
        "communication")

    def missing(self) -> list[str]:
        """The fields the publisher still has to fill in."""
        return [name for name in self.REQUIRED_BEFORE_PUBLISHING if getattr(self, name) is None]

