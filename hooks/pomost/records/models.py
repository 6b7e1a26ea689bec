"""The record types staff edit in data/*.yml: one definition per type.

The same pydantic models give the typed records the hooks render, the validation
(see catalog.py for the messages) and the JSON Schema editors use (schemas/).
Every model forbids unknown fields, so a typo in a field name is an error, not
a silently ignored value.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PositiveInt,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import CoreSchema

from pomost.l10n import N_

#: Record ids become URL slugs: lower-case ASCII, digits and hyphens.
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80), WithJsonSchema(
    {"type": "string", "pattern": ID_PATTERN, "maxLength": 80,
     "patternErrorMessage": N_("an id: lower-case letters without Polish characters, digits and "
                               "hyphens, e.g. kuznia-talentow")})]

#: A non-empty piece of text; surrounding spaces are trimmed. ("\\S": the editor's schema
#: refuses a text of spaces only, as the check does after trimming.)
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), WithJsonSchema(
    {"type": "string", "minLength": 1, "pattern": r"\S",
     "patternErrorMessage": N_("the text is empty — write the text or remove the field")})]


_SPACES = re.compile(r"[ \t]{2,}")
_AROUND_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _tidy(value: object) -> object:
    # Runs of spaces (trailing spaces folded into a line, double spaces) are one space to a
    # reader; paragraph breaks (blank lines) stay. (Most texts have neither: the tests for
    # them first, as every text of the catalogue passes here.)
    if isinstance(value, str):
        if "  " in value or "\t" in value:
            value = _SPACES.sub(" ", value)
        if "\n" in value:
            value = _AROUND_BREAK.sub("\n", value)
    return value


#: One language's version of a text: trimmed, spaces tidied, never empty.
TextValue = Annotated[NonEmpty, BeforeValidator(_tidy)]

_URL = re.compile(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$", re.I)


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError("url_scheme")
    return value


#: the same as _URL for the editor's JSON Schema, whose patterns have no flags (JavaScript)
URL_PATTERN = (r"^\s*([Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#][^\s]*"
               r"|[Mm][Aa][Ii][Ll][Tt][Oo]:[^\s@]+@[^\s@]+\.[^\s@]+)\s*$")

#: A link target: only http(s) and mailto, never javascript: or a bare path.
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_url),
                WithJsonSchema({"type": "string", "pattern": URL_PATTERN, "patternErrorMessage": N_(
                    "a link starting with https://, http:// or mailto:")})]

#: Every real day written YYYY-MM-DD, leap years included, and nothing else: what YAML and
#: the check accept as a date, for the editor's schema (which reads dates as text).
DATE_PATTERN = (
    r"^(\d{4}-(((0[13578]|1[02])-(0[1-9]|[12]\d|3[01]))|((0[469]|11)-(0[1-9]|[12]\d|30))"
    r"|(02-(0[1-9]|1\d|2[0-8])))"
    r"|(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$")

#: A day, written YYYY-MM-DD without quotes.
Date = Annotated[dt.date, WithJsonSchema(
    {"type": "string", "format": "date", "pattern": DATE_PATTERN, "patternErrorMessage": N_(
        "a real date written YYYY-MM-DD without quotes, e.g. 2019-09-24")})]


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
    {"type": "string", "pattern": _CLOCK.pattern,
     "patternErrorMessage": N_("a time written HH:MM, e.g. '10:00'")})]


class Meanings:
    """What each allowed value of a code field means: ``Annotated[Literal[...], Meanings(...)]``.

    The editor's schema shows them beside the values (``enumDescriptions``, translated with
    the rest of the schema in schemas.py); the tests check that every value has one.
    """

    def __init__(self, **meanings: str) -> None:
        self.meanings = meanings

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler
                                     ) -> dict[str, Any]:
        schema = dict(handler(core))
        schema["enumDescriptions"] = [self.meanings[value] for value in schema["enum"]]
        return schema


def field(default: Any = ..., title: str = "", description: str = "", **extra: Any) -> Any:
    """A field with its title and description for editors and messages (both translated)."""
    return Field(default, title=title, description=description or None, **extra)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Record):
    """A text in both languages. Plain text: it is escaped, never read as markup."""

    model_config = ConfigDict(title=N_("text in Polish and Belarusian"))

    pl: TextValue = field(title=N_("Polish version"), description=N_(
        "the text in Polish; a blank line starts a new paragraph, lines starting with '- ' or "
        "'•' are a list"))
    be: TextValue = field(title=N_("Belarusian version"), description=N_(
        "the text in Belarusian (may be left out while the record is a draft)"))


class Name(Text):
    """A person's or a place's name in both languages, and which one is the original.

    On a Belarusian page the first mention of a Polish name is followed by the Polish
    original in brackets, "Дарыюш Стэфанюк (Dariusz Stefaniuk)"; a Belarusian name
    (``origin: be``) is shown in its Belarusian form only.
    """

    model_config = ConfigDict(title=N_("name in Polish and Belarusian"))

    origin: Annotated[Literal["pl", "be"], Meanings(
        pl=N_("a Polish name: Belarusian pages add the Polish original in brackets"),
        be=N_("a Belarusian name: shown in its Belarusian form only"))] = field(
        "pl", title=N_("origin of the name"), description=N_(
            "the language the name comes from: pl for Polish people and places, be for "
            "Belarusian ones"))


class Draftable(Record):
    """A record that can be a draft: shown in the preview, left out of the published site.

    A draft may lack its Belarusian texts (records/catalog.py).
    """

    draft: bool = field(False, title=N_("draft"), description=N_(
        "true: the record is a draft — the preview (pomost serve) shows it, the published site "
        "leaves it out, and its Belarusian texts may still be missing"), exclude=True)


class Note(Record):
    """What the source does not settle, said on the page with where it comes from."""

    model_config = ConfigDict(title=N_("note"))

    kind: Annotated[Literal["inferred", "uncertain", "correction", "external"], Meanings(
        inferred=N_("deduced from other facts, e.g. the year"),
        uncertain=N_("the source is ambiguous"),
        correction=N_("the source is wrong here"),
        external=N_("a fact from another source (give source:)"))] = field(
        title=N_("kind of note"), description=N_("what kind of remark the note is"))
    text: Text = field(title=N_("text of the note"))
    source: Url | None = field(None, title=N_("source of the note"),
                               description=N_("a link to where the note's fact comes from"))


class Amount(Record):
    """One maximum amount of money, as the source states it."""

    model_config = ConfigDict(title=N_("amount"))

    max_pln: PositiveInt = field(title=N_("maximum amount in złoty"), description=N_(
        "the maximum amount in złoty (PLN): a whole number without spaces, dots or 'zł', "
        "e.g. 24000"))
    per: Annotated[Literal["person_or_workplace", "person", "workplace", "new_employee"], Meanings(
        person_or_workplace=N_("per person or per workplace"),
        person=N_("per person"),
        workplace=N_("per workplace"),
        new_employee=N_("per newly employed worker"))] | None = field(
        None, title=N_("counted per"), description=N_(
            "who or what the amount is counted for; leave out when the source does not say"))
    payment: Annotated[Literal["one_off", "monthly"], Meanings(
        one_off=N_("paid once"), monthly=N_("paid every month (give from_month and to_month)"))
    ] = field(title=N_("how it is paid"), description=N_("paid once, or every month"))
    payment_stated: bool = field(True, title=N_("payment stated by the source"), description=N_(
        "false where the source does not say it is monthly and the data assumes it"))
    from_month: PositiveInt | None = field(None, title=N_("first month"),
                                           description=N_("first month (monthly payments)"))
    to_month: PositiveInt | None = field(None, title=N_("last month"),
                                         description=N_("last month (monthly payments)"))
    purpose: Text = field(title=N_("purpose of the amount"))
    founder: bool = field(True, title=N_("counts per founding member"), description=N_(
        "counts towards the maximum per founding member of a cooperative"))


class Offer(Record):
    """The amounts one source published for one year (a call, a recruitment), and who offered
    them: the history of an instrument's amounts, newest first on its page."""

    model_config = ConfigDict(title=N_("offer"))

    year: PositiveInt = field(title=N_("year"),
                              description=N_("the year the source gives the amounts for"))
    provider: Id | None = field(None, title=N_("support centre"), description=N_(
        "id in support_centres.yml of the centre that offered them"))
    call: Text | None = field(None, title=N_("call for applications"),
                              description=N_("the call or project, as the source names it"))
    source: Url = field(title=N_("source"), description=N_("where the amounts are published"))
    amounts: list[Amount] = field(title=N_("amounts"), min_length=1)


class Step(Record):
    """One step of applying for an instrument, as a source describes it."""

    model_config = ConfigDict(title=N_("step of applying"))

    text: Text = field(title=N_("what to do"))
    source: Url = field(title=N_("source"), description=N_("where this step is described"))


class Instrument(Draftable):
    """A kind of support: a grant, bridging support, a voucher, advice, training…"""

    model_config = ConfigDict(title=N_("support instrument"))

    id: Id = field(title=N_("id"), description=N_(
        "the record's own id and the address of its page: lower-case letters without Polish "
        "characters, digits and hyphens"))
    category: Annotated[Literal[
        "information", "animation", "advisory", "training", "employment",
        "grant", "bridging", "voucher", "specialist_advisory",
    ], Meanings(
        information=N_("information"), animation=N_("animation (activating a community)"),
        advisory=N_("advice"), training=N_("training"), employment=N_("employment"),
        grant=N_("grant"), bridging=N_("bridging support"), voucher=N_("voucher"),
        specialist_advisory=N_("specialist advice"))] = field(
        title=N_("category"), description=N_("what kind of support it is"))
    name: Text = field(title=N_("name"))
    summary: Text = field(title=N_("summary"),
                          description=N_("one sentence for lists and the page description"))
    description: Text = field(title=N_("description"))
    for_whom: Text | None = field(None, title=N_("for whom"),
                                  description=N_("who can get it, as the source says"))
    amounts: list[Amount] = field([], title=N_("amounts"), description=N_(
        "the amounts the article reported, one entry per amount (the grant table is computed "
        "from these)"))
    as_reported: PositiveInt | None = field(None, title=N_("year reported"),
                                            description=N_("the year the source reported it"))
    offers: list[Offer] = field([], title=N_("later offers"), description=N_(
        "amounts published later by the centres that offer it, each with its year and source"))
    how_to_apply: list[Step] = field([], title=N_("how to apply"), description=N_(
        "the steps of applying, each with its source; leave out what no source describes"))
    programme: Text | None = field(None, title=N_("programme"))
    call: Text | None = field(None, title=N_("call for applications"))
    valid_from: Date | None = field(None, title=N_("valid from"), description=N_("YYYY-MM-DD"))
    valid_to: Date | None = field(None, title=N_("valid until"), description=N_("YYYY-MM-DD"))
    source: Url | None = field(None, title=N_("source"), description=N_("a link to the source"))
    notes: list[Note] = field([], title=N_("notes"))


class Organisation(Draftable):
    """An organisation: a good practice shown to visitors, an institution or a partner."""

    model_config = ConfigDict(title=N_("organisation"))

    id: Id = field(title=N_("id"), description=N_(
        "the record's own id and the address of its page: lower-case letters without Polish "
        "characters, digits and hyphens"))
    role: Annotated[Literal["good_practice", "institution", "partner"], Meanings(
        good_practice=N_("a good practice shown to visitors"), institution=N_("an institution"),
        partner=N_("a partner"))] = field(title=N_("role"),
                                          description=N_("why the organisation is on the site"))
    name: Text = field(title=N_("name"))
    short_name: Text | None = field(None, title=N_("short name"))
    legal_form: Text | None = field(None, title=N_("legal form"))
    town: Name | None = field(None, title=N_("town"))
    county: Text | None = field(None, title=N_("county"))
    summary: Text = field(title=N_("summary"),
                          description=N_("one sentence for lists and the page description"))
    what_it_does: Text = field(title=N_("what it does"))
    why_good_practice: Text | None = field(None, title=N_("why it is a good practice"))
    transferable: Text | None = field(None, title=N_("what could be transferred"), description=N_(
        "what a visiting delegation could take home"))
    instruments: list[Id] = field([], title=N_("instruments"), description=N_(
        "ids in instruments.yml of the support it offers (never what it received)"))
    website: Url | None = field(None, title=N_("website"), description=N_("https://…"))
    email: Url | None = field(None, title=N_("e-mail"), description=N_("a mailto: link"))
    phone: NonEmpty | None = field(None, title=N_("phone"))
    address: Text | None = field(None, title=N_("address"))
    notes: list[Note] = field([], title=N_("notes"))


class County(Record):
    """A county (powiat) or a city with county rights, as support centres list their area."""

    model_config = ConfigDict(title=N_("county"))

    id: Id = field(title=N_("id"), description=N_(
        "the record's own id: lower-case letters without Polish characters, digits and hyphens"))
    name: Name = field(title=N_("name"), description=N_(
        "'powiat chełmski' / 'Хелмскі павет', or the city's name"))
    form: Annotated[Literal["county", "city"], Meanings(
        county=N_("a county (powiat)"),
        city=N_("a city with county rights (miasto na prawach powiatu)"))] = field(
        "county", title=N_("form"), description=N_("a county, or a city with county rights"))


class SupportCentre(Record):
    """A support centre (an OWES or similar): who runs it, where it works, how to reach it.

    A contact detail no source gives is left out, never guessed: the page then says whom to
    ask, and `make check` lists what staff still have to fill in (see ``missing``).
    """

    model_config = ConfigDict(title=N_("support centre"))

    id: Id = field(title=N_("id"), description=N_(
        "the record's own id and the address of its page: lower-case letters without Polish "
        "characters, digits and hyphens"))
    name: Text = field(title=N_("name"))
    short_name: Text | None = field(None, title=N_("short name"))
    summary: Text = field(title=N_("summary"),
                          description=N_("one sentence for lists and the page description"))
    description: Text = field(title=N_("description"))
    operator: Text | None = field(None, title=N_("operator"),
                                  description=N_("who runs the centre"))
    partners: Text | None = field(None, title=N_("partners"),
                                  description=N_("who runs it together with the operator"))
    area: Text | None = field(None, title=N_("area"),
                              description=N_("its territory in words, e.g. a subregion"))
    counties: list[Id] = field([], title=N_("counties"), description=N_(
        "ids in counties.yml of the counties it serves"))
    counties_notes: list[Note] = field([], title=N_("notes on the counties"), description=N_(
        "what the source does not settle about the counties; shown beside them"))
    offices: Text | None = field(None, title=N_("offices"),
                                 description=N_("the towns where it has offices"))
    address: Text | None = field(None, title=N_("address"))
    phone: NonEmpty | None = field(None, title=N_("phone"))
    email: Url | None = field(None, title=N_("e-mail"), description=N_("a mailto: link"))
    website: Url | None = field(None, title=N_("website"), description=N_("https://…"))
    programme: Text | None = field(None, title=N_("programme"),
                                   description=N_("the programme that funds it"))
    active_from: Date | None = field(None, title=N_("active from"),
                                     description=N_("first day of the project"))
    active_to: Date | None = field(None, title=N_("active until"),
                                   description=N_("last day of the project"))
    instruments: list[Id] = field([], title=N_("instruments"), description=N_(
        "ids in instruments.yml of what it offers"))
    organisations: list[Id] = field([], title=N_("organisations"), description=N_(
        "ids in organisations.yml of organisations that are, or may be, this centre (say in "
        "notes how sure that is)"))
    as_of: Date | None = field(None, title=N_("checked on"), description=N_(
        "the day staff last checked these details against the source"))
    source: Url = field(title=N_("source"), description=N_("where these details come from"))
    notes: list[Note] = field([], title=N_("notes"))

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

    model_config = ConfigDict(title=N_("glossary term"))

    id: Id = field(title=N_("id"), description=N_(
        "the record's own id: lower-case letters without Polish characters, digits and hyphens"))
    term: Text = field(title=N_("term"),
                       description=N_("the term in Polish (pl) and in Belarusian (be)"))
    note: Text | None = field(None, title=N_("note"), description=N_("when and how to use it"))
    wrong_pl: list[NonEmpty] = field([], title=N_("wrong Polish variants"), description=N_(
        "Polish variants that must not appear (regular expressions; a plain word is one)"))
    wrong_be: list[NonEmpty] = field([], title=N_("wrong Belarusian variants"), description=N_(
        "Belarusian variants that must not appear (regular expressions)"))


class Person(Draftable):
    """A person named in the sources, with the role they had then."""

    model_config = ConfigDict(title=N_("person"))

    id: Id = field(title=N_("id"), description=N_(
        "the record's own id: lower-case letters without Polish characters, digits and hyphens"))
    name: Name = field(title=N_("full name"))
    role: Text = field(title=N_("function"), description=N_("the role the person had then"))
    organisation: Id | None = field(None, title=N_("organisation"), description=N_(
        "the id of their organisation in organisations.yml"))
    notes: list[Note] = field([], title=N_("notes"))


class Event(Draftable):
    """Something that happened or will happen; a date is only given where it is known."""

    model_config = ConfigDict(title=N_("event"))

    id: Id = field(title=N_("id"), description=N_(
        "the record's own id and the address of its page: lower-case letters without Polish "
        "characters, digits and hyphens"))
    title: Text = field(title=N_("title"))
    summary: Text = field(title=N_("summary"),
                          description=N_("one sentence for lists and the page description"))
    description: Text = field(title=N_("description"))
    date: Date | None = field(None, title=N_("date"),
                              description=N_("leave out when the source gives no date"))
    days: PositiveInt = field(1, title=N_("number of days"),
                              description=N_("how many days the event lasts"))
    time: Clock | None = field(None, title=N_("start time"), description=N_(
        "start time, local time in Poland (HH:MM); leave out when unknown"))
    end_time: Clock | None = field(None, title=N_("end time"), description=N_(
        "end time on the last day (HH:MM); only together with time"))
    place: Name | None = field(None, title=N_("place"))
    part_of: Id | None = field(None, title=N_("part of"), description=N_(
        "the id of the event (a visit) this one belongs to"))
    people: list[Id] = field([], title=N_("people"), description=N_("ids from people.yml"))
    organisations: list[Id] = field([], title=N_("organisations"),
                                    description=N_("ids from organisations.yml"))
    instruments: list[Id] = field([], title=N_("instruments"),
                                  description=N_("ids from instruments.yml"))
    notes: list[Note] = field([], title=N_("notes"))


class News(Record):
    """A news item: the hand-written page docs/aktualnosci/<id>.md, described for the feeds."""

    model_config = ConfigDict(title=N_("news item"))

    id: Id = field(title=N_("id"),
                   description=N_("the name of its page in docs/aktualnosci/, without .md"))
    title: Text = field(title=N_("title"), description=N_("the page's heading"))
    summary: Text = field(title=N_("summary"), description=N_("one or two sentences for the feed"))
    date: Date | None = field(None, title=N_("date of publication"), description=N_(
        "when it was published; leave out when the source does not say"))
    events: list[Id] = field([], title=N_("events"),
                             description=N_("ids of the events it reports on"))


class Scenarios(Record):
    model_config = ConfigDict(title=N_("scenarios"))

    founders: list[PositiveInt] = field(title=N_("numbers of founders"), description=N_(
        "cooperative sizes shown in the scenario table"))
    note: Text = field(title=N_("note on the scenarios"),
                       description=N_("what the scenario assumes, shown under the table"))


class GrantTable(Record):
    model_config = ConfigDict(title=N_("grant table"))

    as_of: Text = field(title=N_("as of"),
                        description=N_("what date or source the amounts are as of"))
    source: Text = field(title=N_("source"))
    source_url: Url | None = field(None, title=N_("link to the source"))
    scenarios: Scenarios = field(title=N_("scenarios"))


class Settings(Record):
    """Site-wide settings in data/site.yml."""

    model_config = ConfigDict(title=N_("site settings"))

    name: Text = field(title=N_("name of the site"))
    description: Text = field(title=N_("description of the site"))
    grant_table: GrantTable = field(title=N_("grant table"))


class Procedure(Record):
    """The statutory procedure for requests and complaints about accessibility."""

    model_config = ConfigDict(title=N_("procedure"))

    reply_days: PositiveInt = field(title=N_("days to reply"),
                                    description=N_("days within which a request must be met"))
    extension_months: PositiveInt = field(title=N_("longest extension"), description=N_(
        "the longest the reply may be extended to, in months"))
    ombudsman: Text = field(title=N_("ombudsman"), description=N_(
        "the Rzecznik Praw Obywatelskich, in the genitive ('wniosek do …'), for the last step"))
    ombudsman_url: Url = field(title=N_("link to the ombudsman"))


class AccessibilityStatement(Record):
    """data/accessibility.yml: the facts of the deklaracja dostępności (v2.0 structure).

    What only the publisher knows (dates, the result of the assessment, the building) is
    optional here so that nothing has to be guessed; the page says "not given" and
    `make check` lists what is still missing (see ``missing``).
    """

    model_config = ConfigDict(title=N_("accessibility statement"))

    entity: Id = field(title=N_("publishing body"), description=N_(
        "id in organisations.yml of the public body publishing the site; its name, address, "
        "e-mail and phone are used"))
    scope: Text = field(title=N_("scope"), description=N_(
        "what the statement covers, as in 'dostępność swojej strony internetowej' (genitive)"))
    law: Text = field(title=N_("act"),
                      description=N_("the act, in the instrumental case ('zgodnie z …')"))
    published: Date | None = field(None, title=N_("date published"),
                                   description=N_("date the site was first published"))
    updated: Date | None = field(None, title=N_("date updated"),
                                 description=N_("date of the last significant update"))
    prepared: Date | None = field(None, title=N_("date prepared"),
                                  description=N_("date the statement was first prepared"))
    reviewed: Date | None = field(None, title=N_("date reviewed"),
                                  description=N_("date of the last yearly review"))
    status: Annotated[Literal["compliant", "partially_compliant", "non_compliant"], Meanings(
        compliant=N_("fully compliant"), partially_compliant=N_("partially compliant"),
        non_compliant=N_("not compliant"))] | None = field(
        None, title=N_("compliance"), description=N_("the result of the accessibility assessment"))
    non_compliant: list[Text] = field([], title=N_("what is not accessible"), description=N_(
        "what is not accessible and why (when not fully compliant)"))
    assessment: Annotated[Literal["self_assessment", "external_audit"], Meanings(
        self_assessment=N_("the publisher's own assessment"),
        external_audit=N_("an audit by an outside body"))] | None = field(
        None, title=N_("how it was assessed"), description=N_("how the statement was prepared"))
    contact: Text | None = field(None, title=N_("contact"), description=N_(
        "the person or unit to contact (default: the entity itself)"))
    email: Url | None = field(None, title=N_("e-mail"),
                              description=N_("a mailto: link (default: the entity's)"))
    phone: NonEmpty | None = field(None, title=N_("phone"),
                                   description=N_("default: the entity's phone"))
    procedure: Procedure = field(title=N_("procedure"))
    architecture: Text | None = field(None, title=N_("architectural accessibility"),
                                      description=N_("architectural accessibility of the entity's seat"))
    communication: Text | None = field(None, title=N_("communication accessibility"), description=N_(
        "communication accessibility, e.g. an online sign-language interpreter"))

    #: fields the publisher must fill before the statement is complete
    REQUIRED_BEFORE_PUBLISHING: ClassVar[tuple[str, ...]] = (
        "published", "updated", "prepared", "status", "assessment", "architecture",
        "communication")

    def missing(self) -> list[str]:
        """The fields the publisher still has to fill in."""
        return [name for name in self.REQUIRED_BEFORE_PUBLISHING if getattr(self, name) is None]
