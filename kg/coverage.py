"""What curation has left: per document, in-scope sentences no statement quotes, entities the text names
without a fact from it, and numbers, dates and names in quotes that no fact of their statement uses.

Each finding can be explained in the statement file (`uncurated`, `unlinked`, a statement's `unused`);
the report lists what is neither curated nor explained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .build import Inputs
from .ontology import DATE_PROPERTIES
from .register import mention_spans
from .sentences import Sentence, sentences
from .statements import EntityRef, QuantityValue, Statement, TypedValue, WaypointValue

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH = "|".join(_MONTHS)
# Dates as news writes them: "March 22, 2019", "22 March 2019", "March 2019", "March 22", "2019".
_DATE = re.compile(rf"\b(?:(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}"
                   rf"|(?:{_MONTH})\s+\d{{4}}|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}\s+(?:{_MONTH})|(?:19|20)\d{{2}})\b")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million",
                 "millions", "billion", "billions", "dozen", "dozens")
_NUMBER = re.compile(r"(?<![\w.])\$?\d(?:[\d,.]*\d)?(?:\s*(?:km|%|million|billion))?|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


@dataclass(frozen=True)
class Unused:
    statement: str
    kind: str  # number, date or name
    words: str


@dataclass
class DocumentCoverage:
    document: str
    sentences: int = 0
    quoted: int = 0
    explained: int = 0  # sentences left out on purpose
    unquoted: list[Sentence] = field(default_factory=list)
    unlinked: list[tuple[str, str]] = field(default_factory=list)  # (entity id, the words naming it)
    unused: list[Unused] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.unquoted or self.unlinked or self.unused)

    def as_json(self) -> dict:
        return {
            "document": self.document, "sentences": self.sentences, "quoted": self.quoted,
            "explained": self.explained,
            "unquoted": [{"start": s.start, "end": s.end, "text": s.text} for s in self.unquoted],
            "unlinked": [{"entity": e, "words": w} for e, w in self.unlinked],
            "unused": [{"statement": u.statement, "kind": u.kind, "words": u.words} for u in self.unused],
        }


def entities_used(stmt: Statement) -> set[str]:
    """The register entities a statement names: its facts' subjects and objects, waypoints' places, its attribution."""
    used = set(stmt.attributed_to)
    for fact in stmt.facts:
        used.add(fact.subject)
        if isinstance(fact.object, EntityRef):
            used.add(fact.object.id)
        elif isinstance(fact.object, WaypointValue):
            used.add(fact.object.place)
    return used


def _date_values(stmt: Statement) -> list[str]:
    values = [v.lexical for v in (stmt.holds_at, stmt.holds_from, stmt.holds_until) if v is not None]
    for fact in stmt.facts:
        if fact.property.name in DATE_PROPERTIES and isinstance(fact.object, TypedValue):
            values.append(fact.object.lexical)
        elif fact.property.name == "dateText" and isinstance(fact.object, TypedValue):
            values.append(fact.object.lexical)
    return values


def _date_used(words: str, values: list[str]) -> bool:
    """A date expression of the quote is used when a date of the statement has its year, month or day."""
    year = re.search(r"\d{4}", words)
    month = next((i + 1 for i, m in enumerate(_MONTHS) if m in words), None)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\d{4}", "", words))
    for value in values:
        if words in value:
            return True
        parts = value.lstrip("-").split("-")
        if value.startswith("--"):  # a month-day
            if month == int(parts[0]) and day and int(day.group(1)) == int(parts[1]):
                return True
            continue
        if year and parts[0] != year.group(0):
            continue
        if month and (len(parts) < 2 or int(parts[1]) != month):
            continue
        if day and month and (len(parts) < 3 or int(parts[2]) != int(day.group(1))):
            continue
        return True
    return False


def unused_in(stmt: Statement, entities) -> list[Unused]:
    """The numbers, dates and names of the statement's quote that none of its facts uses (nor its `unused` notes explain)."""
    quote, out = stmt.quote, []
    explained = stmt.unused
    used = entities_used(stmt)
    dates = _date_values(stmt)
    date_spans = []
    for m in _DATE.finditer(quote):
        date_spans.append((m.start(), m.end()))
        words = m.group(0)
        if not _date_used(words, dates) and not any(words in w for w in explained):
            out.append(Unused(stmt.id, "date", words))
    verbatims = [f.object.verbatim for f in stmt.facts if isinstance(f.object, QuantityValue)]
    for m in _NUMBER.finditer(quote):
        if any(s <= m.start() < e for s, e in date_spans):
            continue
        words = m.group(0).strip()
        if any(words in v for v in verbatims) or any(words in w for w in explained):
            continue
        out.append(Unused(stmt.id, "number", words))
    for start, end, ent_id in mention_spans(entities, quote):
        words = quote[start:end]
        if ent_id not in used and not any(words in w for w in explained):
            out.append(Unused(stmt.id, "name", words))
    return out


def coverage(inputs: Inputs) -> list[DocumentCoverage]:
    """The coverage report of every document."""
    reports = []
    for doc in inputs.documents.values():
        stmts = [s for s in inputs.statements if s.document.id == doc.id]
        report = DocumentCoverage(doc.id)
        quoted_spans = [(s.start, s.end) for s in stmts]
        uncurated = inputs.curation.uncurated.get(doc.id, [])
        quoted_texts = set()
        all_sentences = sentences(doc)
        for sent in all_sentences:
            if any(s < sent.end and sent.start < e for s, e in quoted_spans):
                quoted_texts.add(sent.text)
        for sent in all_sentences:
            report.sentences += 1
            if sent.text in quoted_texts:
                report.quoted += 1
            elif any(sent.text.startswith(u.text) or u.text.startswith(sent.text) for u in uncurated):
                report.explained += 1
            else:
                report.unquoted.append(sent)
        used = set().union(*(entities_used(s) for s in stmts)) if stmts else set()
        unlinked = inputs.curation.unlinked.get(doc.id, {})
        text = doc.in_scope_text()
        seen = set()
        for start, end, ent_id in mention_spans(inputs.entities, text):
            if ent_id in used or ent_id in unlinked or ent_id in seen:
                continue
            seen.add(ent_id)
            report.unlinked.append((ent_id, doc.text[start:end]))
        for stmt in stmts:
            report.unused.extend(unused_in(stmt, inputs.entities))
        reports.append(report)
    return reports


def to_text(reports: list[DocumentCoverage]) -> str:
    """The report for people: totals per document, then every finding."""
    lines = []
    for r in reports:
        lines.append(f"document {r.document}: {r.sentences} sentences, {r.quoted} quoted, {r.explained} left out on "
                     f"purpose, {len(r.unquoted)} unquoted; {len(r.unlinked)} entities named without a fact; "
                     f"{len(r.unused)} words in quotes no fact uses")
        for s in r.unquoted:
            lines.append(f"  unquoted {s.start}-{s.end}: {s.text[:140]}")
        for ent_id, words in r.unlinked:
            lines.append(f"  no fact about {ent_id} (named as {words!r})")
        for u in r.unused:
            lines.append(f"  {u.statement}: {u.kind} {u.words!r} is in the quote but no fact uses it")
    return "\n".join(lines) + "\n"
