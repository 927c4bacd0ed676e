"""Curated statements: each a verbatim quote of one document, its certainty and the facts it supports."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .corpus import Document
from .errors import InputError
from .namespaces import LB, XSD
from .ontology import DATE_PROPERTIES, Ontology, Property
from .register import Entity
from .yamlio import line_of, load_yaml

ID_RE = re.compile(r"^(\d{3})-(\d{3})$")
CERTAINTIES = ("stated", "reported", "assessed", "alleged")
MODALITIES = ("asserted", "denied", "intended", "expected", "conditional", "recommended")
_STATEMENT_KEYS = {
    "id", "quote", "occurrence", "certainty", "attribution", "attributed_to", "hedge",
    "year_inferred", "facts", "modality", "cue", "condition", "holds_at", "holds_from", "holds_until",
    "time_text", "share", "disputes", "resolves_date_of", "unused", "proposal",
}
_FILE_KEYS = {"document", "statements", "uncurated", "unlinked"}
_QUANTITY_KEYS = {"value", "min", "max", "qualifier", "unit", "per", "verbatim"}
_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), XSD + "date"),
    (re.compile(r"^(\d{4})-(\d{2})$"), XSD + "gYearMonth"),
    (re.compile(r"^(\d{4})$"), XSD + "gYear"),
    (re.compile(r"^--(\d{2})-(\d{2})$"), XSD + "gMonthDay"),
)


@dataclass(frozen=True)
class EntityRef:
    id: str


@dataclass(frozen=True)
class ConceptRef:
    iri: str


@dataclass(frozen=True)
class TypedValue:
    lexical: str
    datatype: str


@dataclass(frozen=True)
class QuantityValue:
    qualifier: str  # concept IRI
    unit: str
    verbatim: str
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    per: str | None = None


@dataclass(frozen=True)
class WaypointValue:
    place: str
    sequence: int


Object = EntityRef | ConceptRef | TypedValue | QuantityValue | WaypointValue


@dataclass(frozen=True)
class Fact:
    subject: str
    property: Property
    object: Object
    line: int | None
    state: bool = False  # a state of its subject that holds at a time (not a feature of an event)


@dataclass(frozen=True)
class Uncurated:
    """A sentence of the document left out on purpose, with the reason."""

    text: str
    start: int
    reason: str
    line: int | None


@dataclass
class Statement:
    id: str
    document: Document
    quote: str
    start: int
    end: int
    certainty: str
    path: Path
    line: int | None
    attribution: str | None = None
    attributed_to: tuple[str, ...] = ()
    hedge: str | None = None
    year_inferred: bool = False
    facts: list[Fact] = field(default_factory=list)
    modality: str = "asserted"
    cue: str | None = None  # the words that give a non-asserted modality
    condition: str | None = None  # the condition's words, for a conditional claim
    holds_at: TypedValue | None = None
    holds_from: TypedValue | None = None
    holds_until: TypedValue | None = None
    time_text: str | None = None
    share: str | None = None  # concept IRI
    disputes: tuple[str, ...] = ()
    resolves_date_of: tuple[str, ...] = ()  # earlier statements whose year-less date this one's date bounds or resolves
    unused: dict[str, str] = field(default_factory=dict)  # words of the quote no fact uses -> why
    proposal: object = None  # why `kg suggest` proposed it (and each fact), until a curator reviews it

    @property
    def year_bounded(self) -> bool:
        """A date of the statement has a month and day but no year (bounded by the document's earliest date)."""
        return any(isinstance(f.object, TypedValue) and f.object.datatype == XSD + "gMonthDay" for f in self.facts)

    @property
    def time_indexed(self) -> bool:
        """It states a state that holds at a time (status, control, presence, membership, ... of a place, route
        or actor; the cargo or status of an event is part of the event, dated by the event)."""
        return any(f.state for f in self.facts)


def parse_date(text: str, path: Path, line: int | None) -> TypedValue:
    """A date at the precision written: xsd:date, gYearMonth, gYear or gMonthDay."""
    for pattern, datatype in _DATE_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        parts = [int(g) for g in match.groups()]
        try:
            if datatype == XSD + "date":
                datetime.date(*parts)
            elif datatype == XSD + "gYearMonth":
                datetime.date(parts[0], parts[1], 1)
            elif datatype == XSD + "gMonthDay":
                datetime.date(2000, parts[0], parts[1])
        except ValueError as exc:
            raise InputError(path, line, f"impossible date {text!r}: {exc}") from None
        return TypedValue(text, datatype)
    raise InputError(path, line, f"malformed date {text!r}: use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")


def _decimal(value: object, key: str, path: Path, line: int | None) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(path, line, f"quantity '{key}' must be a number")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise InputError(path, line, f"quantity '{key}' must be a number, not {value!r}") from None


class _Resolver:
    """Turns the raw [subject, property, object] of a statement into a checked Fact."""

    def __init__(self, ontology: Ontology, entities: dict[str, Entity], document: Document | None = None):
        self.ontology = ontology
        self.entities = entities
        self.document = document

    def entity(self, ref: object, path: Path, line: int | None) -> str:
        if not isinstance(ref, str) or ref not in self.entities:
            raise InputError(path, line, f"unknown entity {ref!r} (not in the register)")
        return ref

    def concept(self, name: object, cls: str, path: Path, line: int | None) -> ConceptRef:
        allowed = self.ontology.concepts.get(cls, set())
        if name not in allowed:
            choices = ", ".join(sorted(allowed))
            raise InputError(path, line, f"{name!r} is not a {cls[len(LB):]} (one of: {choices})")
        return ConceptRef(LB + str(name))

    def quantity(self, raw: object, quote: str, path: Path, line: int | None) -> QuantityValue:
        if not isinstance(raw, dict):
            raise InputError(path, line, "a quantity must be a mapping {value|min,max, qualifier, unit, verbatim}")
        unknown = set(raw) - _QUANTITY_KEYS
        if unknown:
            raise InputError(path, line, f"unknown quantity field(s): {', '.join(sorted(unknown))}")
        for key in ("qualifier", "unit", "verbatim"):
            if not raw.get(key):
                raise InputError(path, line, f"quantity needs '{key}'")
        if raw["verbatim"] not in quote:
            raise InputError(path, line, f"quantity words {raw['verbatim']!r} are not in the quote")
        qualifier = self.concept(raw["qualifier"], LB + "Qualifier", path, line)
        has_value = "value" in raw
        has_range = "min" in raw or "max" in raw
        if has_value == has_range:
            raise InputError(path, line, "quantity needs either 'value' or 'min' and 'max'")
        if (raw["qualifier"] == "between") != has_range:
            raise InputError(path, line, "'between' goes with 'min' and 'max', other qualifiers with 'value'")
        return QuantityValue(
            qualifier=qualifier.iri,
            unit=str(raw["unit"]),
            verbatim=str(raw["verbatim"]),
            value=_decimal(raw["value"], "value", path, line) if has_value else None,
            min=_decimal(raw.get("min"), "min", path, line) if has_range else None,
            max=_decimal(raw.get("max"), "max", path, line) if has_range else None,
            per=str(raw["per"]) if raw.get("per") else None,
        )

    def fact(self, raw: object, quote: str, path: Path, line: int | None) -> Fact:
        if not isinstance(raw, list) or len(raw) != 3:
            raise InputError(path, line, "a fact must be [subject, property, object]")
        subject, name, obj = raw
        subject = self.entity(subject, path, line)
        prop = self.ontology.fact_property(str(name))
        if prop is None:
            raise InputError(path, line, f"unknown property {name!r} (not a fact property of the ontology)")
        rng = prop.range
        if rng == LB + "Quantity":
            value: Object = self.quantity(obj, quote, path, line)
        elif rng == LB + "Waypoint":
            if not isinstance(obj, dict) or set(obj) != {"place", "sequence"}:
                raise InputError(path, line, "a waypoint must be {place: <id>, sequence: N}")
            seq = obj["sequence"]
            if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
                raise InputError(path, line, "waypoint 'sequence' must be a whole number from 1")
            value = WaypointValue(self.entity(obj["place"], path, line), seq)
        elif rng in self.ontology.concepts:
            value = self.concept(obj, rng, path, line)
        elif prop.is_object:
            value = EntityRef(self.entity(obj, path, line))
        elif prop.name in DATE_PROPERTIES:
            value = parse_date(str(obj), path, line)
            if value.datatype == XSD + "gMonthDay":
                self.month_day(prop.name, str(obj), path, line)
        else:
            if not isinstance(obj, str) or not obj.strip():
                raise InputError(path, line, f"'{prop.name}' needs text")
            if obj not in quote:
                raise InputError(path, line, f"text {obj!r} for '{prop.name}' is not in the quote")
            value = TypedValue(obj, XSD + "string")
        is_event = self.ontology.is_subclass(self.entities[subject].type, LB + "Event")
        return Fact(subject, prop, value, line, state=prop.time_indexed and not is_event)

    def month_day(self, prop: str, text: str, path: Path, line: int | None) -> None:
        """A day without a year is only kept where the document bounds it, never as a bare month-day."""
        doc = self.document
        if prop != "date":
            raise InputError(path, line, f"'{prop}' needs a year: use YYYY-MM-DD, YYYY-MM or YYYY")
        if doc is not None and doc.date is not None:
            raise InputError(path, line, f"{text!r} has no year: {doc.file} is dated {doc.date}, so give the full date "
                                         "and mark the statement 'year_inferred: true'")
        if doc is not None and doc.earliest_date is None:
            raise InputError(path, line, f"{text!r} has no year and {doc.file} shows no date: give the catalogue entry "
                                         "an 'earliest_date' (with its evidence) so the day can be bounded")


def _optional_text(item: dict, key: str, path: Path, line: int | None) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, line, f"'{key}' must be text")
    return value


@dataclass
class Curation:
    """What the statement files say beyond their statements: per document, the sentences left out on
    purpose and the entities it names without a fact, each with the reason."""

    uncurated: dict[str, list[Uncurated]] = field(default_factory=dict)
    unlinked: dict[str, dict[str, str]] = field(default_factory=dict)


def load_statement_file(
    path: Path, documents: dict[str, Document], ontology: Ontology, entities: dict[str, Entity],
    curation: Curation | None = None, proposals: bool = False,
) -> list[Statement]:
    """Parse and check one statement file (its notes for the coverage report go into curation).

    A statement still marked `proposal` (a draft of `kg suggest` nobody has reviewed) is refused unless
    `proposals` is true (review reads drafts; the build never publishes them)."""
    data = load_yaml(path)
    if not isinstance(data, dict) or "document" not in data or "statements" not in data:
        raise InputError(path, line_of(data, 1), "a statement file needs 'document' and 'statements'")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise InputError(path, line_of(data, 1), f"unknown field(s): {', '.join(sorted(unknown))}")
    doc = documents.get(str(data["document"]))
    if doc is None:
        raise InputError(path, line_of(data, 1), f"unknown document {data['document']!r} (not in the catalogue)")
    resolver = _Resolver(ontology, entities, doc)
    out: list[Statement] = []
    for item in data["statements"] or []:
        line = line_of(item)
        if not isinstance(item, dict):
            raise InputError(path, line, "each statement must be a mapping")
        unknown = set(item) - _STATEMENT_KEYS
        if unknown:
            raise InputError(path, line, f"unknown statement field(s): {', '.join(sorted(unknown))}")
        stmt_id = str(item.get("id", ""))
        match = ID_RE.match(stmt_id)
        if not match or match.group(1) != doc.id:
            raise InputError(path, line, f"statement id {stmt_id!r} must be '{doc.id}-NNN'")
        if "proposal" in item and not proposals:
            raise InputError(path, line, f"{stmt_id}: still a proposal, not reviewed: accept, edit or drop it "
                                         f"(kg review {doc.id}) before it can be built")
        quote = item.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            raise InputError(path, line, f"{stmt_id}: needs a quote")
        occurrence = item.get("occurrence", 1)
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
            raise InputError(path, line, f"{stmt_id}: 'occurrence' must be a whole number from 1")
        found = doc.find(quote, occurrence)
        if found is None:
            raise InputError(path, line, f"{stmt_id}: quote not found in {doc.file}: {quote[:80]!r}")
        start, end = found
        span = doc.excluded_at(start, end)
        if span is not None:
            raise InputError(path, line, f"{stmt_id}: quote lies in excluded material of {doc.file} ({span.reason})")
        certainty = item.get("certainty")
        if certainty not in CERTAINTIES:
            raise InputError(path, line, f"{stmt_id}: certainty must be one of {', '.join(CERTAINTIES)}")
        paragraph = doc.paragraph(start, end)
        attribution = _optional_text(item, "attribution", path, line)
        hedge = _optional_text(item, "hedge", path, line)
        # Hedges qualify their own sentence; an attribution may head a whole quoted passage.
        if hedge is not None and hedge not in paragraph:
            raise InputError(path, line, f"{stmt_id}: hedge {hedge!r} is not in the quote's paragraph")
        if attribution is not None and attribution not in doc.in_scope_text():
            raise InputError(path, line, f"{stmt_id}: attribution {attribution!r} is not in the in-scope text of {doc.file}")
        sources = item.get("attributed_to") or []
        sources = sources if isinstance(sources, list) else [sources]
        attributed_to = tuple(resolver.entity(source, path, line) for source in sources)
        year_inferred = item.get("year_inferred", False)
        if not isinstance(year_inferred, bool):
            raise InputError(path, line, f"{stmt_id}: 'year_inferred' must be true or false")
        if year_inferred and doc.date is None:
            raise InputError(path, line, f"{stmt_id}: no year can be inferred: {doc.file} shows no date")
        raw_facts = item.get("facts")
        # A draft may leave a sentence's facts to its curator (`facts: []`); a reviewed statement may not.
        if not isinstance(raw_facts, list) or not raw_facts and "proposal" not in item:
            raise InputError(path, line, f"{stmt_id}: needs at least one fact")
        stmt = Statement(
            id=stmt_id, document=doc, quote=quote, start=start, end=end, certainty=certainty,
            path=path, line=line, attribution=attribution, attributed_to=attributed_to,
            hedge=hedge, year_inferred=year_inferred,
        )
        _modality_and_time(stmt, item, paragraph, resolver, path, line)
        for raw in raw_facts:
            stmt.facts.append(resolver.fact(raw, quote, path, line_of(raw, line)))
        if year_inferred and not any(f.property.name in DATE_PROPERTIES for f in stmt.facts) \
                and stmt.holds_at is None and stmt.holds_from is None and stmt.holds_until is None:
            raise InputError(path, line, f"{stmt_id}: 'year_inferred' but no date")
        stmt.unused = _unused(item, quote, stmt_id, path, line)
        stmt.proposal = item.get("proposal")
        out.append(stmt)
    if curation is not None:
        curation.uncurated[doc.id] = _uncurated(data, doc, path)
        curation.unlinked[doc.id] = _unlinked(data, resolver, path)
    return out


def _modality_and_time(stmt: Statement, item: dict, paragraph: str, resolver: _Resolver, path: Path,
                       line: int | None) -> None:
    """Modality (with its cue and condition), time qualifiers, share and disputes of one statement."""
    sid = stmt.id
    modality = item.get("modality")
    if modality not in MODALITIES:
        raise InputError(path, line, f"{sid}: modality must be one of {', '.join(MODALITIES)}")
    stmt.modality = modality
    for key in ("cue", "condition", "time_text"):
        value = _optional_text(item, key, path, line)
        if value is not None and value not in paragraph:
            raise InputError(path, line, f"{sid}: {key} {value!r} is not in the quote's paragraph")
        setattr(stmt, key, value)
    if modality != "asserted" and stmt.cue is None:
        raise InputError(path, line, f"{sid}: a {modality} statement needs 'cue': the words that make it {modality}")
    if modality == "asserted" and stmt.cue is not None:
        raise InputError(path, line, f"{sid}: 'cue' marks a modality other than asserted")
    if (modality == "conditional") != (stmt.condition is not None):
        raise InputError(path, line, f"{sid}: a conditional statement, and only one, gives its 'condition'")
    for key in ("holds_at", "holds_from", "holds_until"):
        raw = item.get(key)
        if raw is None:
            continue
        value = parse_date(str(raw), path, line)
        if value.datatype == XSD + "gMonthDay":
            raise InputError(path, line, f"{sid}: {key} needs a year")
        setattr(stmt, key, value)
    if stmt.holds_at is not None and (stmt.holds_from is not None or stmt.holds_until is not None):
        raise InputError(path, line, f"{sid}: give 'holds_at', or 'holds_from' and/or 'holds_until', not both")
    if stmt.holds_from is not None and stmt.holds_until is not None:
        if first_day(stmt.holds_from) > last_day(stmt.holds_until):
            raise InputError(path, line, f"{sid}: holds_from {stmt.holds_from.lexical} is after holds_until {stmt.holds_until.lexical}")
    if item.get("share") is not None:
        stmt.share = resolver.concept(item["share"], LB + "Share", path, line).iri
    stmt.disputes = _ids(item, "disputes", sid, path, line)
    stmt.resolves_date_of = _ids(item, "resolves_date_of", sid, path, line)


def _ids(item: dict, key: str, sid: str, path: Path, line: int | None) -> tuple[str, ...]:
    """A field listing other statements by id (one id or a list)."""
    ids = item.get(key) or []
    ids = ids if isinstance(ids, list) else [ids]
    for other in ids:
        if not isinstance(other, str) or not ID_RE.match(other):
            raise InputError(path, line, f"{sid}: '{key}' lists statement ids like 002-040, not {other!r}")
    return tuple(ids)


def _unused(item: dict, quote: str, sid: str, path: Path, line: int | None) -> dict[str, str]:
    """Words of the quote (a number, date or name) that no fact uses, each with the reason."""
    raw = item.get("unused") or {}
    if not isinstance(raw, dict):
        raise InputError(path, line, f"{sid}: 'unused' maps words of the quote to the reason no fact uses them")
    for words, reason in raw.items():
        if not isinstance(words, str) or words not in quote:
            raise InputError(path, line, f"{sid}: unused words {words!r} are not in the quote")
        if not isinstance(reason, str) or not reason.strip():
            raise InputError(path, line, f"{sid}: unused words {words!r} need a reason")
    return dict(raw)


def _unlinked(data: dict, resolver: _Resolver, path: Path) -> dict[str, str]:
    """Register entities the document names but states nothing about, each with the reason."""
    raw = data.get("unlinked") or {}
    line = line_of(data, 1)
    if not isinstance(raw, dict):
        raise InputError(path, line, "'unlinked' maps register ids to the reason the document states nothing about them")
    for ent_id, reason in raw.items():
        resolver.entity(ent_id, path, line)
        if not isinstance(reason, str) or not reason.strip():
            raise InputError(path, line, f"unlinked {ent_id!r} needs a reason")
    return dict(raw)


def _uncurated(data: dict, doc: Document, path: Path) -> list[Uncurated]:
    """Sentences left out on purpose: each names the start of the sentence, verbatim, and why."""
    out = []
    for item in data.get("uncurated") or []:
        line = line_of(item, line_of(data, 1))
        if not isinstance(item, dict) or set(item) != {"text", "reason"}:
            raise InputError(path, line, "an uncurated entry is {text: <start of the sentence, verbatim>, reason: <why>}")
        text, reason = item["text"], item["reason"]
        if not isinstance(text, str) or not text.strip() or not isinstance(reason, str) or not reason.strip():
            raise InputError(path, line, "an uncurated entry needs text and reason")
        start = doc.text.find(text)
        if start < 0:
            raise InputError(path, line, f"uncurated text not found in {doc.file}: {text[:80]!r}")
        out.append(Uncurated(text, start, reason, line))
    return out


def first_day(value: TypedValue) -> datetime.date:
    """The first day of a date, month or year."""
    parts = [int(p) for p in value.lexical.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: TypedValue) -> datetime.date:
    """The last day of a date, month or year."""
    parts = [int(p) for p in value.lexical.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 2:
        nxt = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return datetime.date(parts[0], 12, 31)


def load_statements(
    folder: Path, documents: dict[str, Document], ontology: Ontology, entities: dict[str, Entity],
    curation: Curation | None = None, proposals: bool = False,
) -> list[Statement]:
    """Parse every statements/*.yaml file; statement ids are unique across files (proposals: as load_statement_file)."""
    statements: list[Statement] = []
    seen: dict[str, Statement] = {}
    for path in sorted(folder.glob("*.yaml")):
        for stmt in load_statement_file(path, documents, ontology, entities, curation, proposals):
            if stmt.id in seen:
                raise InputError(path, stmt.line, f"statement id {stmt.id} already used at {seen[stmt.id].path.name}:{seen[stmt.id].line}")
            seen[stmt.id] = stmt
            statements.append(stmt)
    for stmt in statements:
        for other in stmt.disputes:
            if other not in seen or other == stmt.id:
                raise InputError(stmt.path, stmt.line, f"{stmt.id}: disputes {other}, which is not another statement")
        for other in stmt.resolves_date_of:
            if other not in seen or other == stmt.id:
                raise InputError(stmt.path, stmt.line, f"{stmt.id}: resolves_date_of {other}, which is not another statement")
            check_date_resolution(stmt, seen[other])
    return statements


DATE_FACTS = ("date", "dateNotBefore", "dateNotAfter")


def check_date_resolution(newer: Statement, older: Statement) -> None:
    """A statement that resolves the year-less date of another dates the same thing, on the same day or month,
    no earlier than the day can be (lb:dateNotBefore, from the older document's earliest date)."""
    days = {f.subject: f.object.lexical for f in older.facts
            if isinstance(f.object, TypedValue) and f.object.datatype == XSD + "gMonthDay"}
    dated = [f for f in newer.facts if f.property.name in DATE_FACTS and f.subject in days]
    where = f"{newer.id}: resolves_date_of {older.id}"
    if newer.modality != "asserted":
        raise InputError(newer.path, newer.line, f"{where}, but is {newer.modality}: only an asserted date gives a year")
    if not days:
        raise InputError(newer.path, newer.line, f"{where}, which gives no date without a year")
    if not dated:
        raise InputError(newer.path, newer.line, f"{where}, but dates none of what {older.id} dates without a year "
                                                 f"({', '.join(sorted(days))})")
    for fact in dated:
        value, month_day = fact.object.lexical, days[fact.subject]
        month, day = month_day[2:4], month_day[5:7]
        parts = value.split("-")
        if (len(parts) >= 2 and parts[1] != month) or (len(parts) == 3 and parts[2] != day):
            raise InputError(newer.path, fact.line, f"{where}: {value} is not the day {month_day} of {older.id} "
                                                    "(a disagreement: list it under 'disputes')")
        bound = month_day_not_before(month_day, older.document.earliest_date)
        if last_day(fact.object) < bound:
            raise InputError(newer.path, fact.line, f"{where}: {value} is before {bound.isoformat()}, the earliest "
                                                    f"{month_day} of {older.document.file} can be")


def month_day_not_before(month_day: str, earliest: str | None) -> datetime.date:
    """The earliest date a month-day (--MM-DD) of a document can be: its last occurrence on or before the
    document's earliest date (news writes 'on January 28' for the latest January 28 before publication)."""
    if earliest is None:
        raise ValueError("a month-day needs the document's earliest date")
    month, day = int(month_day[2:4]), int(month_day[5:7])
    floor = datetime.date.fromisoformat(earliest if len(earliest) == 10 else earliest + "-01")
    year = floor.year
    while True:
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:  # 29 February in a common year
            year -= 1
            continue
        if candidate <= floor:
            return candidate
        year -= 1

