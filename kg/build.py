"""kg build: statements + register + ontology -> an RDF dataset, dumps and an on-disk store.

Layout of the dataset:
- one named graph per claim (the claim IRI), holding the facts its quote supports;
- graph/provenance: what each claim is (document, quote, offsets, certainty, attribution, modality, time);
- graph/register, graph/documents, graph/ontology: entities, source documents, the ontology;
- graph/register-modal: the register entries of entities that only non-asserted claims mention
  (a planned opening that no source says happened);
- graph/reference-coordinates: points of register places from outside the documents (register/coordinates.yaml),
  with their source note, never mixed with what the documents say;
- graph/geonames: links of register settlements and countries to GeoNames and the points of the settlements
  coordinates.yaml does not place, from the gazetteer (kg.gazetteer), with its source;
- the default graph (the truthy layer): the RDF merge (a set) of the metadata graphs above but
  graph/register-modal, and of the asserted claims' facts, minus values of one-value-at-a-time
  properties that a later claim supersedes. A fact two documents support is seen once there and
  twice across the claim graphs; a fact only intended, expected, conditional, recommended or
  denied is only in its claim graph.

The build writes a release through kg.release: the dumps (plain and gzip), the store, and what the web server
publishes beside them (document texts, the ontology and shapes pages, the JSON-LD context, the competency
questions) and the search index (kg.search_index); IRIs follow kg.iris.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import logging
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import __version__
from .coordinates import ReferencePoint, load_coordinates
from .corpus import Document, load_corpus, primary_source
from .document_texts import write_document_texts
from .errors import InputError
from .gazetteer import Gazetteer, gazetteer_quads, load_resolutions, match_register
from .iris import (
    DOCUMENTS_GRAPH,
    METADATA_GRAPHS,
    MODAL_REGISTER_GRAPH,
    ONTOLOGY_GRAPH,
    PROVENANCE_GRAPH,
    REFERENCE_GRAPH,
    REGISTER_GRAPH,
    Iris,
)
from .jsonld_context import context_json
from .namespaces import DCTERMS, GEO, LB, OA, PREFIXES, PROV, RDF, RDFS, SCHEMA, SF, SKOS, WGS84, XSD
from .ontology import Ontology, load_ontology
from .ontology_html import ontology_html
from .paths import Layout
from .register import Entity, load_register, mentions
from .release import ARTEFACTS, COMPRESSED_DUMPS, DUMPS, SEARCH_INDEX, BuildFolder, Release
from .search_index import write_search_index
from .shapes_html import shapes_html
from .statements import (
    ConceptRef,
    Curation,
    EntityRef,
    QuantityValue,
    Statement,
    TypedValue,
    WaypointValue,
    first_day,
    last_day,
    load_statements,
    month_day_not_before,
)

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
QUOTE_CONTEXT = 32


def _noop(stage: str, done: int, total: int) -> None:
    pass


@dataclass
class Inputs:
    documents: dict[str, Document]
    ontology: Ontology
    entities: dict[str, Entity]
    statements: list[Statement]
    coordinates: list[ReferencePoint]
    curation: Curation
    gazetteer: Gazetteer | None = None  # None: not matched (for readers of the texts and statements alone)

def load_inputs(layout: Layout, progress: Progress = _noop) -> Inputs:
    """Read and check every input; the first problem raises InputError naming file and line."""
    progress("read inputs", 0, 5)
    documents = load_corpus(layout.catalogue, layout.seeds)
    progress("read inputs", 1, 5)
    ontology = load_ontology(layout.ontology)
    progress("read inputs", 2, 5)
    entities = load_register(layout.register, ontology, documents, skip=layout.register_data)
    progress("read inputs", 3, 5)
    curation = Curation()
    statements = load_statements(layout.statements, documents, ontology, entities, curation)
    progress("read inputs", 4, 5)
    coordinates = load_coordinates(layout.coordinates, entities, ontology)
    gazetteer = match_register(entities, ontology, statements, load_resolutions(layout.gazetteer, entities),
                               [p.entity for p in coordinates], layout.gazetteer)
    progress("read inputs", 5, 5)
    return Inputs(documents, ontology, entities, statements, coordinates, curation, gazetteer)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: str, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=_n(datatype or XSD + "string"))


A = _n(RDF + "type")
LABEL = _n(RDFS + "label")


class DatasetBuilder:
    """Collects quads per graph; the default graph is added as the merge at the end."""

    def __init__(self, inputs: Inputs, base: str):
        self.inputs = inputs
        self.iris = Iris(base)
        self.quads: set[ox.Quad] = set()
        self.fact_counts: Counter[str] = Counter()
        # Triples of each claim graph that stay out of the default graph (superseded values).
        self.held_back: dict[str, set[ox.Triple]] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal, g: ox.NamedNode) -> None:
        self.quads.add(ox.Quad(s, p, o, g))

    def ontology(self) -> None:
        g = self.iris.graph(ONTOLOGY_GRAPH)
        for t in self.inputs.ontology.triples:
            if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
                raise InputError(self.inputs.ontology.path, None,
                                 f"blank node in the ontology ({t}): give every node an IRI so builds are reproducible")
            self.add(t.subject, t.predicate, t.object, g)

    def documents(self) -> None:
        g = self.iris.graph(DOCUMENTS_GRAPH)
        for doc in self.inputs.documents.values():
            d = self.iris.document(doc.id)
            self.add(d, A, _n(LB + "SourceDocument"), g)
            self.add(d, LABEL, _lit(doc.title, lang="en"), g)
            self.add(d, _n(DCTERMS + "title"), _lit(doc.title, lang="en"), g)
            self.add(d, _n(DCTERMS + "identifier"), _lit(doc.id), g)
            self.add(d, _n(SCHEMA + "genre"), _lit(doc.genre), g)
            self.add(d, _n(LB + "outlet"), _lit(doc.outlet), g)
            for author in doc.authors:
                self.add(d, _n(LB + "author"), _lit(author), g)
            if doc.date:
                self.add(d, _n(LB + "publicationDate"), _lit(doc.date, XSD + "date"), g)
            else:
                self.add(d, _n(LB + "publicationDateStatus"), _lit("not stated"), g)
            self.add(d, _n(LB + "seedFile"), _lit(f"seeds/{doc.file}"), g)
            self.add(d, _n(LB + "sha256"), _lit(doc.sha256), g)
            if doc.url:
                self.add(d, _n(SCHEMA + "url"), _n(doc.url), g)
            if doc.note:
                self.add(d, _n(RDFS + "comment"), _lit(doc.note, lang="en"), g)
            for span in doc.excluded:
                self.add(d, _n(LB + "excludedSpan"), _lit(f"{span.start}-{span.end}: {span.reason}"), g)
            if doc.earliest_date:
                self.add(d, _n(LB + "earliestDate"), _lit(doc.earliest_date, _date_type(doc.earliest_date)), g)
            if doc.derived_from:
                self.add(d, _n(PROV + "wasDerivedFrom"), self.iris.document(doc.derived_from), g)
                if doc.quotes_source:
                    self.add(d, _n(PROV + "wasQuotedFrom"), self.iris.document(doc.derived_from), g)
        for doc_id, root in primary_source(self.inputs.documents).items():
            self.add(self.iris.document(doc_id), _n(LB + "primarySource"), self.iris.document(root), g)

    def register(self, referenced: set[ox.NamedNode]) -> None:
        """The register's entries: in graph/register when the default graph refers to the entity, else in
        graph/register-modal (an entity only non-asserted claims mention is no fact of the default graph)."""
        named = {doc.id: mentions(self.inputs.entities, doc.in_scope_text()) for doc in self.inputs.documents.values()}
        for ent in self.inputs.entities.values():
            e = self.iris.entity(ent.id)
            g = self.iris.graph(REGISTER_GRAPH if e in referenced else MODAL_REGISTER_GRAPH)
            self.add(e, A, _n(ent.type), g)
            self.add(e, LABEL, _lit(ent.label, lang="en"), g)
            self.add(e, _n(SKOS + "prefLabel"), _lit(ent.label, lang="en"), g)
            self.add(e, _n(SCHEMA + "description"), _lit(ent.description, lang="en"), g)
            for alias in ent.aliases:
                if alias != ent.label:
                    self.add(e, _n(SKOS + "altLabel"), _lit(alias, lang="en"), g)
            if ent.type == LB + "Commodity":
                self.add(e, _n(SKOS + "inScheme"), _n(LB + "CommodityScheme"), g)
            for doc_id, ids in named.items():
                if ent.id in ids:
                    self.add(e, _n(LB + "mentionedIn"), self.iris.document(doc_id), g)

    def reference_coordinates(self) -> None:
        """Points from outside the documents, in their own graph, each with its source note (GeoSPARQL and W3C Basic Geo)."""
        g = self.iris.graph(REFERENCE_GRAPH)
        self.add(g, LABEL, _lit("Reference coordinates", lang="en"), g)
        self.add(g, _n(DCTERMS + "description"), _lit(
            "WGS84 points of register places taken from outside the source documents; not a claim of any document.",
            lang="en"), g)
        for source in sorted({p.source for p in self.inputs.coordinates}):
            self.add(g, _n(DCTERMS + "source"), _lit(source), g)
        for point in self.inputs.coordinates:
            geom = self.iris.geometry(point.entity)
            self.add(self.iris.entity(point.entity), _n(GEO + "hasGeometry"), geom, g)
            self.add(geom, A, _n(GEO + "Geometry"), g)
            self.add(geom, A, _n(SF + "Point"), g)
            self.add(geom, LABEL, _lit(f"Reference point of {point.place}", lang="en"), g)
            self.add(geom, _n(GEO + "asWKT"), _lit(point.wkt, GEO + "wktLiteral"), g)
            self.add(geom, _n(WGS84 + "lat"), _lit(point.lat, XSD + "decimal"), g)
            self.add(geom, _n(WGS84 + "long"), _lit(point.lon, XSD + "decimal"), g)
            self.add(geom, _n(DCTERMS + "source"), _lit(point.source), g)

    def claim(self, stmt: Statement) -> None:
        prov_g = self.iris.graph(PROVENANCE_GRAPH)
        c = self.iris.claim(stmt.id)
        doc = stmt.document
        d = self.iris.document(doc.id)
        self.add(c, A, _n(LB + "Claim"), prov_g)
        self.add(c, LABEL, _lit(f"Claim {stmt.id} ({doc.title})", lang="en"), prov_g)
        self.add(c, _n(LB + "statementId"), _lit(stmt.id), prov_g)
        self.add(c, _n(PROV + "wasDerivedFrom"), d, prov_g)
        self.add(c, _n(LB + "certainty"), _n(LB + stmt.certainty), prov_g)
        if stmt.attribution:
            self.add(c, _n(LB + "attribution"), _lit(stmt.attribution), prov_g)
        for source in stmt.attributed_to:
            self.add(c, _n(LB + "attributedTo"), self.iris.entity(source), prov_g)
        if stmt.hedge:
            self.add(c, _n(LB + "hedge"), _lit(stmt.hedge), prov_g)
        if stmt.year_inferred:
            self.add(c, _n(LB + "yearInferred"), _lit("true", XSD + "boolean"), prov_g)
        if stmt.year_bounded:
            self.add(c, _n(LB + "yearBounded"), _lit("true", XSD + "boolean"), prov_g)
        self.add(c, _n(LB + "modality"), _n(LB + stmt.modality), prov_g)
        for prop, text in (("modalityCue", stmt.cue), ("condition", stmt.condition), ("timeText", stmt.time_text)):
            if text:
                self.add(c, _n(LB + prop), _lit(text), prov_g)
        if stmt.share:
            self.add(c, _n(LB + "share"), _n(stmt.share), prov_g)
        for other in stmt.disputes:
            self.add(c, _n(LB + "disputes"), self.iris.claim(other), prov_g)
        for other in stmt.resolves_date_of:
            self.add(c, _n(LB + "resolvesDateOf"), self.iris.claim(other), prov_g)
        for prop, value in (("holdsAt", stmt.holds_at), ("holdsFrom", stmt.holds_from), ("holdsUntil", stmt.holds_until)):
            if value is not None:
                self.add(c, _n(LB + prop), _lit(value.lexical, value.datatype), prov_g)
        validity = claim_time(stmt)
        if validity.as_of:
            self.add(c, _n(LB + "asOf"), _lit(validity.as_of, XSD + "date"), prov_g)
        if validity.as_of_not_before:
            self.add(c, _n(LB + "asOfNotBefore"), _lit(validity.as_of_not_before, _date_type(validity.as_of_not_before)), prov_g)
        if validity.start:
            self.add(c, _n(LB + "validFrom"), _lit(validity.start.isoformat(), XSD + "date"), prov_g)
        if validity.end:
            self.add(c, _n(LB + "validUntil"), _lit(validity.end.isoformat(), XSD + "date"), prov_g)
        ev, target = self.iris.claim(stmt.id, "evidence"), self.iris.claim(stmt.id, "target")
        quote_sel, pos_sel = self.iris.claim(stmt.id, "quote"), self.iris.claim(stmt.id, "position")
        self.add(c, _n(LB + "evidence"), ev, prov_g)
        self.add(ev, A, _n(LB + "Evidence"), prov_g)
        self.add(ev, A, _n(OA + "Annotation"), prov_g)
        self.add(ev, _n(OA + "hasBody"), c, prov_g)
        self.add(ev, _n(OA + "hasTarget"), target, prov_g)
        self.add(target, A, _n(OA + "SpecificResource"), prov_g)
        self.add(target, _n(OA + "hasSource"), d, prov_g)
        self.add(target, _n(OA + "hasSelector"), quote_sel, prov_g)
        self.add(target, _n(OA + "hasSelector"), pos_sel, prov_g)
        text = doc.text
        self.add(quote_sel, A, _n(OA + "TextQuoteSelector"), prov_g)
        self.add(quote_sel, _n(OA + "exact"), _lit(stmt.quote), prov_g)
        # Context stops where excluded material begins: none of it may enter the graph.
        lo, hi = max(0, stmt.start - QUOTE_CONTEXT), min(len(text), stmt.end + QUOTE_CONTEXT)
        for span in doc.excluded:
            if span.end <= stmt.start:
                lo = max(lo, span.end)
            if span.start >= stmt.end:
                hi = min(hi, span.start)
        self.add(quote_sel, _n(OA + "prefix"), _lit(text[lo:stmt.start]), prov_g)
        self.add(quote_sel, _n(OA + "suffix"), _lit(text[stmt.end:hi]), prov_g)
        self.add(pos_sel, A, _n(OA + "TextPositionSelector"), prov_g)
        # xsd:integer (not the Web Annotation model's xsd:nonNegativeInteger): the store keeps derived integer
        # types as xsd:integer, and the dumps and the endpoint must give the same literal.
        self.add(pos_sel, _n(OA + "start"), _lit(str(stmt.start), XSD + "integer"), prov_g)
        self.add(pos_sel, _n(OA + "end"), _lit(str(stmt.end), XSD + "integer"), prov_g)
        for fact in stmt.facts:
            self.fact(stmt, fact, c)

    def fact(self, stmt: Statement, fact, g: ox.NamedNode) -> None:
        self.fact_counts[self.inputs.entities[fact.subject].type] += 1
        for t in self.fact_triples(stmt, fact):
            self.add(t.subject, t.predicate, t.object, g)

    def fact_triples(self, stmt: Statement, fact) -> list[ox.Triple]:
        """The triples a fact is written as in its claim's graph: its own, and those of the node it has as object (a
        quantity, a waypoint)."""
        T = ox.Triple
        s = self.iris.entity(fact.subject)
        p = _n(fact.property.iri)
        obj = fact.object
        if isinstance(obj, EntityRef):
            return [T(s, p, self.iris.entity(obj.id))]
        if isinstance(obj, ConceptRef):
            return [T(s, p, _n(obj.iri))]
        if isinstance(obj, TypedValue) and obj.datatype == XSD + "gMonthDay":
            # Never a bare month-day: the day with the earliest date it can be, from the document's earliest date.
            bound = month_day_not_before(obj.lexical, stmt.document.earliest_date)
            return [T(s, _n(LB + "monthDay"), _lit(obj.lexical, obj.datatype)),
                    T(s, _n(LB + "dateNotBefore"), _lit(bound.isoformat(), XSD + "date"))]
        if isinstance(obj, TypedValue):
            return [T(s, p, _lit(obj.lexical, obj.datatype))]
        if isinstance(obj, QuantityValue):
            return self.quantity(fact.subject, fact.property.name, obj, s, p)
        if not isinstance(obj, WaypointValue):
            return []
        w = self.iris.waypoint(fact.subject, obj.sequence, obj.place)
        place = self.iris.entity(obj.place)
        label = f"{self.inputs.entities[fact.subject].label}, stop {obj.sequence}: {self.inputs.entities[obj.place].label}"
        return [T(s, p, w), T(w, A, _n(LB + "Waypoint")), T(w, LABEL, _lit(label, lang="en")),
                T(w, _n(LB + "sequence"), _lit(str(obj.sequence), XSD + "integer")), T(w, _n(LB + "waypointPlace"), place),
                T(s, _n(LB + "passesThrough"), place)]

    def quantity(self, subject: str, prop: str, q: QuantityValue, s, p) -> list[ox.Triple]:
        # Named by content (not by statement) so two documents giving the same figure share it.
        key = "|".join(str(x) for x in (q.qualifier, q.value, q.min, q.max, q.unit, q.per))
        digest = hashlib.sha1(key.encode()).hexdigest()[:8]
        kebab = re.sub(r"(?<!^)(?=[A-Z])", "-", prop).lower()
        node = self.iris.quantity(subject, kebab, digest)
        out = [ox.Triple(s, p, node), ox.Triple(node, A, _n(LB + "Quantity")), ox.Triple(node, LABEL, _lit(q.verbatim, lang="en")),
               ox.Triple(node, _n(LB + "verbatim"), _lit(q.verbatim)), ox.Triple(node, _n(LB + "qualifier"), _n(q.qualifier)),
               ox.Triple(node, _n(LB + "unit"), _lit(q.unit))]
        if q.per:
            out.append(ox.Triple(node, _n(LB + "per"), _lit(q.per)))
        for name, value in (("numericValue", q.value), ("minValue", q.min), ("maxValue", q.max)):
            if value is not None:
                out.append(ox.Triple(node, _n(LB + name), _lit(_decimal_lexical(value), XSD + "decimal")))
        return out

    def supersede(self) -> None:
        """Hold back each value of a one-value-at-a-time property that a later asserted claim replaces, and each state
        an asserted claim says ended (lb:holdsUntil): the default graph says what holds, the claim graphs what held. A
        state that ended replaces no standing value before it: the crossing open since 2019 and closed for four days
        in 2024 is open."""
        by_key: dict[tuple[str, str], list[tuple[Statement, object, ClaimTime]]] = {}
        for stmt in self.inputs.statements:
            if stmt.modality != "asserted":
                continue
            for fact in stmt.facts:
                if fact.property.one_value:
                    by_key.setdefault((fact.subject, fact.property.name), []).append((stmt, fact, claim_time(stmt)))
        prov_g = self.iris.graph(PROVENANCE_GRAPH)
        for entries in by_key.values():
            for old, old_fact, old_time in entries:
                old_end = old_time.end or old_time.start
                if old_end is None:
                    continue
                for new, new_fact, new_time in entries:
                    if new_fact.object == old_fact.object or new_time.start is None:
                        continue
                    if new_time.end is not None and old_time.end is None:
                        continue  # a state that ended (closed for four days) interrupts a standing one, not replaces it
                    if new_time.start >= old_end and (old_time.start is None or new_time.start > old_time.start):
                        self.held_back.setdefault(self.iris.claim(old.id).value, set()).update(self.fact_triples(old, old_fact))
                        self.add(self.iris.claim(old.id), _n(LB + "supersededBy"), self.iris.claim(new.id), prov_g)
        for stmt in self.inputs.statements:  # a state its text says ended holds no more: its claim graph keeps it, dated
            if stmt.modality == "asserted" and claim_time(stmt).end is not None:
                for fact in stmt.facts:
                    if fact.state:
                        self.held_back.setdefault(self.iris.claim(stmt.id).value, set()).update(self.fact_triples(stmt, fact))

    def truthy(self) -> set[ox.Quad]:
        """The default graph: the metadata graphs and the asserted claims' facts, less the held-back values."""
        asserted = {self.iris.claim(s.id).value for s in self.inputs.statements if s.modality == "asserted"}
        metadata = {self.iris.graph(name).value for name in METADATA_GRAPHS}
        merged = set()
        for q in self.quads:
            g = q.graph_name.value
            if g in metadata or (g in asserted and ox.Triple(q.subject, q.predicate, q.object) not in self.held_back.get(g, ())):
                merged.add(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()))
        return merged

    def run(self, progress: Progress = _noop) -> list[ox.Quad]:
        self.ontology()
        self.documents()
        self.reference_coordinates()
        self.quads.update(gazetteer_quads(self.inputs.gazetteer, self.iris))
        total = len(self.inputs.statements)
        for i, stmt in enumerate(self.inputs.statements, 1):
            self.claim(stmt)
            if i % 25 == 0 or i == total:
                progress("make claims", i, total)
        self.supersede()
        before_register = self.truthy()
        referenced = {term for q in before_register for term in (q.subject, q.object) if isinstance(term, ox.NamedNode)}
        self.register(referenced)
        merged = self.truthy()
        return sorted(self.quads | merged, key=_quad_key)


@dataclass(frozen=True)
class ClaimTime:
    """When a claim says its facts held: the document's date as 'as of' where the text gives no time,
    the first day they held and, where the text says they ended, the last, for comparison."""

    as_of: str | None = None
    as_of_not_before: str | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None  # only where the text gives an end (holds_until)


def claim_time(stmt: Statement) -> ClaimTime:
    """The time qualifiers the build adds to a claim (see lb:asOf, lb:validFrom, lb:validUntil)."""
    if stmt.holds_at is not None:
        return ClaimTime(start=first_day(stmt.holds_at))
    if stmt.holds_from is not None or stmt.holds_until is not None:
        return ClaimTime(start=first_day(stmt.holds_from) if stmt.holds_from is not None else None,
                         end=last_day(stmt.holds_until) if stmt.holds_until is not None else None)
    if not stmt.time_indexed or stmt.modality not in ("asserted", "denied"):
        return ClaimTime()
    if stmt.document.date is not None:
        return ClaimTime(as_of=stmt.document.date, start=datetime.date.fromisoformat(stmt.document.date))
    if stmt.document.earliest_date:
        return ClaimTime(as_of_not_before=stmt.document.earliest_date)
    return ClaimTime()


def _date_type(lexical: str) -> str:
    return {10: XSD + "date", 7: XSD + "gYearMonth", 4: XSD + "gYear"}[len(lexical)]


def _decimal_lexical(value) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if "." in text else text + ".0"


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
    return (graph, str(q.subject), str(q.predicate), str(q.object))


def statistics(inputs: Inputs, quads: list[ox.Quad], fact_counts: Counter[str]) -> dict:
    """Deterministic figures about the build (no clock, no paths)."""
    default = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    graphs = {str(q.graph_name) for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    per_doc = Counter(s.document.id for s in inputs.statements)
    certainty = Counter(s.certainty for s in inputs.statements)
    modality = Counter(s.modality for s in inputs.statements)
    facts_by_certainty, facts_by_modality = Counter(), Counter()
    for s in inputs.statements:
        facts_by_certainty[s.certainty] += len(s.facts)
        facts_by_modality[s.modality] += len(s.facts)
    return {
        "statements": len(inputs.statements),
        "statements_per_document": dict(sorted(per_doc.items())),
        "facts": sum(len(s.facts) for s in inputs.statements),
        "facts_per_subject_class": {k[len(LB):]: v for k, v in sorted(fact_counts.items())},
        "statements_per_certainty": dict(sorted(certainty.items())),
        "facts_per_certainty": dict(sorted(facts_by_certainty.items())),
        "statements_per_modality": dict(sorted(modality.items())),
        "facts_per_modality": dict(sorted(facts_by_modality.items())),
        "independent_sources": len(set(primary_source(inputs.documents).values())),
        "entities": len(inputs.entities),
        "documents": len(inputs.documents),
        "triples_default_graph": len(default),
        "quads": len(quads),
        "named_graphs": len(graphs),
        "gazetteer": inputs.gazetteer.figures(),
    }


def digest_files(root: Path, paths: Iterable[Path]) -> str:
    """One SHA-256 over the names and bytes of the files (folders are walked, in order)."""
    h = hashlib.sha256()
    for entry in paths:
        files = sorted(p for p in entry.rglob("*") if p.is_file()) if entry.is_dir() else [entry]
        for path in files:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()


def inputs_digest(layout: Layout) -> str:
    """A digest of exactly what the build reads."""
    return digest_files(layout.root, (layout.seeds, layout.statements, layout.register, layout.ontology,
                                      *sorted(layout.queries.glob("*.rq"))))  # the questions a release keeps


@dataclass
class BuildResult:
    release: Release
    stats: dict


def write_dumps(quads: list[ox.Quad], release: Release) -> None:
    """TriG and N-Quads of the dataset, Turtle of the default graph."""
    ox.serialize(quads, str(release.dump_for_writing("nquads")), ox.RdfFormat.N_QUADS)
    ox.serialize(quads, str(release.dump_for_writing("trig")), ox.RdfFormat.TRIG, prefixes=PREFIXES)
    default = [ox.Triple(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    ox.serialize(default, str(release.dump_for_writing("turtle")), ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def compress_dumps(release: Release) -> None:
    """A reproducible gzip copy of every dump: no file name and mtime 0 in the header."""
    for kind in DUMPS:
        with open(release.dump_for_writing(kind), "rb") as src, \
                open(release.dump_for_writing(kind, compressed=True), "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
                shutil.copyfileobj(src, out, 1 << 20)


def write_artefacts(inputs: Inputs, layout: Layout, base: str, release: Release) -> None:
    """What the web server publishes besides the dumps: document texts, ontology and shapes pages, JSON-LD
    context, and the competency questions it offers as examples."""
    iris = Iris(base)
    write_document_texts(inputs.documents, inputs.statements, lambda d: iris.document(d).value,
                         lambda s: iris.claim(s).value, release.artefact("documents"))
    write_ontology_artefacts(layout, inputs.ontology, release)
    release.write_queries({p.stem: p.read_text(encoding="utf-8") for p in sorted(layout.queries.glob("*.rq"))})


def write_ontology_artefacts(layout: Layout, ontology: Ontology, release: Release) -> None:
    """The ontology and shapes pages, the shapes as validated, and the JSON-LD context from the ontology."""
    release.artefact("ontology_html").write_text(ontology_html(layout.ontology), encoding="utf-8")
    release.artefact("shapes_html").write_text(shapes_html(layout.shapes), encoding="utf-8")
    shutil.copyfile(layout.shapes, release.artefact("shapes"))  # published beside the data, as validated
    release.artefact("jsonld_context").write_text(context_json(ontology), encoding="utf-8")


def write_store(quads: list[ox.Quad], folder: Path) -> None:
    store = ox.Store(str(folder))
    store.bulk_extend(quads)
    store.flush()
    store.optimize()
    del store


def build(layout: Layout, base: str, progress: Progress = _noop) -> BuildResult:
    """Build the dataset into a new release; `current` moves only when all of it is written."""
    inputs = load_inputs(layout, progress)
    builder = DatasetBuilder(inputs, base)
    quads = builder.run(progress)
    stats = statistics(inputs, quads, builder.fact_counts)
    with BuildFolder(layout.build).new() as release:
        progress("write dumps", 0, 2)
        write_dumps(quads, release)
        compress_dumps(release)
        progress("write dumps", 1, 2)
        write_store(quads, release.store_path)
        progress("write dumps", 2, 2)
        progress("write pages", 0, 1)
        write_artefacts(inputs, layout, base, release)
        progress("write pages", 1, 1)
        progress("index for search", 0, 1)
        write_search_index(ox.Store.read_only(str(release.store_path)), release, base)
        progress("index for search", 1, 1)
        release.write_stats(stats)
        release.write_manifest({
            "version": __version__,
            "base_iri": base,
            "built_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "inputs_sha256": inputs_digest(layout),
            "dumps": DUMPS,
            "compressed_dumps": COMPRESSED_DUMPS,
            "artefacts": ARTEFACTS,
            "downloads": release.digest_downloads(),
            "search_index": SEARCH_INDEX,
        })
    log.info("built %s: %d statements, %d triples", release.path, stats["statements"], stats["triples_default_graph"])
    return BuildResult(release, stats)
