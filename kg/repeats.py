"""Words another document already gave: a sentence that repeats a reviewed statement's quote is drafted with that
statement's facts.

A digest that excerpts a brief, a story run again by another outlet, a report quoting an earlier one: the curators have
already said what those words state, down to the events and things they left unnamed in the text. A sentence of the
new document that repeats a reviewed quote of another document, where spelling, brackets and punctuation may differ,
gets that statement's facts, each with the statement as its reason, and the draft says it corroborates it
(kg.compare). The curator still reviews each: the new document may report the words as
someone's claim, or hedge them.

The comparison is by words, folded (kg.names.fold: case, apostrophes, hyphens and marks set aside), a register
entity's name however spelt counting as one word (KH, Kataib Hizballah and Kata'ib Hezbollah alike): the sentence must
give the quote's words in order (the longest common subsequence), all of them for a short quote ("the western side of
the road" does not repeat "the eastern side of the road"), nine in ten for a longer one, and within a stretch not much
longer than the quote (an inserted aside is allowed, words scattered over a long sentence are not).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set

from rapidfuzz.distance import LCSseq

from .compare import object_key
from .corpus import Document
from .mentions import Matcher, Mention
from .names import fold
from .propose import Proposed
from .statements import ConceptRef, EntityRef, QuantityValue, Statement, TypedValue, WaypointValue

MIN_WORDS = 5  # shorter quotes are phrases any text may hold
SHORT_QUOTE = 12  # words: up to this length the sentence must give every word of the quote ...
SHARE = 0.9  # ... a longer quote this share of its words
STRETCH = 1.5  # the words the sentence repeats lie within this many times the quote's length


class Repeats:
    """The reviewed statements of the other documents, to find the sentences of a new one that repeat their words."""

    def __init__(self, matcher: Matcher | None = None) -> None:
        self.matcher = matcher
        self.statements: list[tuple[Statement, list[str], frozenset[str]]] = []
        self.sentences: Counter[str] = Counter()  # document id -> sentences that repeat its words

    def add(self, stmt: Statement) -> None:
        words = _words(stmt.quote, self.matcher.find(stmt.quote) if self.matcher else [])
        if len(words) >= MIN_WORDS and stmt.facts:
            self.statements.append((stmt, words, frozenset(words)))

    def facts(self, text: str, mentions: list[Mention], known_ids: Set[str]) -> list[Proposed]:
        """The facts of the reviewed statements the sentence repeats, as proposals (its mentions as the draft found
        them, at offsets in the sentence); facts about an entity the register no longer has, or whose quantity words
        the sentence lacks, are left out."""
        out = []
        sources = set()
        words = _words(text, mentions)
        present = set(words)
        for stmt, quote, vocabulary in self.statements:
            need = len(quote) if len(quote) <= SHORT_QUOTE else SHARE * len(quote)
            if len(vocabulary & present) < min(need, len(vocabulary)) or not repeated(quote, words, need):
                continue
            why = f"repeats the words of statement {stmt.id} of document {stmt.document.id}, which states it"
            sources.add(stmt.document.id)
            for fact in stmt.facts:
                obj = draft_object(fact.object, text)
                ids = {fact.subject, *_entities(fact.object)}
                if obj is not None and ids <= known_ids:
                    out.append(Proposed(fact.subject, fact.property.name, obj, why))
        self.sentences.update(sources)
        return out

    def derivation(self, doc: Document) -> list[str]:
        """What the curator should weigh in the catalogue: the documents whose words the new one repeats, where its
        entry does not say it derives from them (corroboration counts a source and its copies once)."""
        return [f"{n} sentence(s) repeat the words of document {other}: if document {doc.id} summarises or quotes it, "
                f'say so in its catalogue entry (derived_from: "{other}", derived_from_evidence, quotes_source), '
                "so that the two count as one source"
                for other, n in self.sentences.most_common() if other != doc.derived_from]


def _words(text: str, mentions: list[Mention]) -> list[str]:
    """The text's folded words, each name of a register entity one word (its id)."""
    out, at = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.entity is not None and m.start >= at:
            out += fold(text[at:m.start]).split() + ["@" + m.entity]
            at = m.end
    return out + fold(text[at:]).split()


def repeated(quote: list[str], words: list[str], need: float) -> bool:
    """Whether the words give at least `need` of the quote's words in order, within a stretch not much longer than it."""
    if LCSseq.similarity(quote, words) < need:
        return False
    matched = [op for op in LCSseq.opcodes(quote, words) if op.tag == "equal"]
    return matched[-1].dest_end - matched[0].dest_start <= STRETCH * len(quote)


def _entities(value: object) -> set[str]:
    if isinstance(value, EntityRef):
        return {value.id}
    if isinstance(value, WaypointValue):
        return {value.place}
    return set()


def draft_object(value: object, text: str) -> object | None:
    """A curated fact's object as a draft writes it (kg.suggest's YAML); None for a quantity the text does not word."""
    if isinstance(value, EntityRef | TypedValue | ConceptRef):
        return object_key(value)
    if isinstance(value, WaypointValue):
        return {"place": value.place, "sequence": value.sequence}
    if isinstance(value, QuantityValue):
        if value.verbatim not in text:
            return None
        out: dict = {}
        for key in ("value", "min", "max"):
            number = getattr(value, key)
            if number is not None:
                out[key] = int(number) if number == number.to_integral_value() else float(number)
        out.update(qualifier=value.qualifier.rsplit("#", 1)[-1], unit=value.unit, verbatim=value.verbatim)
        if value.per:
            out["per"] = value.per
        return out
    return None
