"""The OWL 2 RL consistency check, run as a few queries on the store instead of a closure in memory.

`kg validate` asks one question of OWL 2 RL: does the default graph, with the ontology in it, entail a
clash? owlrl answers it by materialising the whole closure with rdflib (minutes at a million
triples). Only a few rules can make a clash, and for an ontology built from the constructs below
they reduce to what this module computes:

- **cax-dw** (disjoint classes): the classes each node has under OWL RL are its asserted types, the
  domains of the properties it is the subject of and the ranges of those it is the object of
  (through sub-properties, and both ways for symmetric properties), closed upwards under
  sub-classes; nodes made the same by a functional property (prp-fp, then eq-rep-*) share them.
  Transitive properties add no node, so no class. A clash is a node with both classes of a
  declared `owl:disjointWith` pair.
- **cls-nothing2**: a node of class `owl:Nothing`.
- **dt-not-type**: an explicit literal of an OWL RL datatype whose lexical form is not in the
  datatype's lexical space, tested with owlrl's own conversions on the form rdflib gives it (rdflib
  rewrites a few ill-typed forms, e.g. "1e3"^^xsd:decimal as "1000", and owlrl passes those; so do
  we). A decimal owlrl cannot read at all crashes owlrl; here it is a clash. Literals are read from the N-Quads
  dump, not the store: the store keeps the value of a derived integer type as xsd:integer, so
  "-5"^^xsd:nonNegativeInteger would look valid there.

The schema (every triple with an RDFS or OWL term as predicate or class) is closed with owlrl
itself, which is quick at that size. When the schema uses a construct outside this list
(`UNSUPPORTED`), `check` raises `Unsupported` and the caller runs owlrl on everything instead.
The messages are owlrl's, word for word; tests/test_owl_rl_check.py compares the two.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import owlrl
import pyoxigraph as ox
import rdflib
from owlrl.DatatypeHandling import AltXSDToPYTHON
from owlrl.XsdDatatypes import OWL_RL_Datatypes

from .namespaces import OWL as OWL_NS
from .namespaces import RDF as RDF_NS
from .namespaces import RDFS as RDFS_NS

TYPE = RDF_NS + "type"
NOTHING = OWL_NS + "Nothing"

# Schema terms this check understands; a schema with any other OWL construct goes to owlrl.
SUPPORTED_PREDICATES = {RDFS_NS + n for n in ("subClassOf", "subPropertyOf", "domain", "range")} | {OWL_NS + "disjointWith"}
SUPPORTED_TYPES = {OWL_NS + n for n in ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty",
                                        "FunctionalProperty", "TransitiveProperty", "SymmetricProperty", "Ontology",
                                        "Thing", "Nothing", "NamedIndividual", "DeprecatedClass", "DeprecatedProperty")} | {
    RDFS_NS + "Class", RDFS_NS + "Datatype", RDF_NS + "Property"}
UNSUPPORTED = "any other owl: or rdfs: term as predicate or class (restrictions, equivalences, inverses, sameAs, keys, ...)"


class Unsupported(Exception):
    """The schema uses a construct this check does not compile; owlrl must run instead."""


ANNOTATIONS = {RDFS_NS + n for n in ("label", "comment", "isDefinedBy", "seeAlso")} | {
    OWL_NS + n for n in ("versionInfo", "versionIRI", "imports", "priorVersion", "backwardCompatibleWith",
                         "incompatibleWith", "deprecated")}


# The OWL 2 and RDFS vocabulary: every property, and every class a node can be declared a member of.
OWL_PROPERTIES = """allValuesFrom annotatedProperty annotatedSource annotatedTarget assertionProperty
    backwardCompatibleWith bottomDataProperty bottomObjectProperty cardinality complementOf datatypeComplementOf
    deprecated differentFrom disjointUnionOf disjointWith distinctMembers equivalentClass equivalentProperty hasKey
    hasSelf hasValue imports incompatibleWith intersectionOf inverseOf maxCardinality maxQualifiedCardinality members
    minCardinality minQualifiedCardinality onClass onDataRange onDatatype oneOf onProperties onProperty priorVersion
    propertyChainAxiom propertyDisjointWith qualifiedCardinality sameAs someValuesFrom sourceIndividual
    targetIndividual targetValue topDataProperty topObjectProperty unionOf versionInfo versionIRI
    withRestrictions""".split()
RDFS_PROPERTIES = "subClassOf subPropertyOf domain range label comment seeAlso isDefinedBy member".split()
OWL_CLASSES = """AllDifferent AllDisjointClasses AllDisjointProperties Annotation AnnotationProperty AsymmetricProperty
    Axiom Class DataRange DatatypeProperty DeprecatedClass DeprecatedProperty FunctionalProperty
    InverseFunctionalProperty IrreflexiveProperty NamedIndividual NegativePropertyAssertion Nothing ObjectProperty
    Ontology OntologyProperty ReflexiveProperty Restriction SymmetricProperty Thing TransitiveProperty""".split()
RDFS_CLASSES = "Class Datatype Resource Literal Container ContainerMembershipProperty".split()


def _schema_query() -> str:
    """Every triple with an OWL or RDFS term as predicate (annotations aside) or as the class of a node."""
    predicates = sorted(({OWL_NS + n for n in OWL_PROPERTIES} | {RDFS_NS + n for n in RDFS_PROPERTIES}) - ANNOTATIONS)
    classes = sorted({OWL_NS + n for n in OWL_CLASSES} | {RDFS_NS + n for n in RDFS_CLASSES})
    return (f"SELECT ?s ?p ?o WHERE {{ {{ {_values('p', predicates)} ?s ?p ?o }} UNION "
            f"{{ {_values('o', classes)} ?s ?p ?o FILTER(?p = <{TYPE}>) }} }}")


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    datatype = term.datatype.value if term.datatype and not term.language else None
    return rdflib.Literal(term.value, lang=term.language, datatype=datatype)


def _objects_by_subject(graph: rdflib.Graph, predicate: rdflib.URIRef) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for subject, obj in graph.subject_objects(predicate):
        out[str(subject)].add(str(obj))
    return out


class Schema:
    """What the closed schema says about classes and properties."""

    def __init__(self, triples: list[tuple]):
        for s, p, o in triples:
            p = str(p)
            if p == TYPE:
                if str(o) not in SUPPORTED_TYPES:
                    raise Unsupported(f"{s} is a {o}")
            elif p not in SUPPORTED_PREDICATES:
                raise Unsupported(f"{s} {p} {o}")
            elif not isinstance(s, rdflib.URIRef) or not isinstance(o, (rdflib.URIRef, rdflib.Literal)):
                raise Unsupported(f"a blank node in the schema ({s} {p} {o})")
        graph = rdflib.Graph()
        for t in triples:
            graph.add(t)
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, improved_datatypes=False, axiomatic_triples=False,
                               datatype_axioms=False).expand(graph)
        rdfs, owl = rdflib.RDFS, rdflib.OWL
        self.supers = _objects_by_subject(graph, rdfs.subClassOf)
        self.super_properties = _objects_by_subject(graph, rdfs.subPropertyOf)
        self.domains = _objects_by_subject(graph, rdfs.domain)
        self.ranges = _objects_by_subject(graph, rdfs.range)
        self.symmetric = {str(p) for p in graph.subjects(rdflib.RDF.type, owl.SymmetricProperty)}
        self.functional = {str(p) for p in graph.subjects(rdflib.RDF.type, owl.FunctionalProperty)}
        self.disjoint = sorted((str(a), str(b)) for a, b in graph.subject_objects(owl.disjointWith))
        self.relevant = {c for pair in self.disjoint for c in pair} | {NOTHING}

    def up(self, classes) -> set[str]:
        """The classes and all their super-classes."""
        out = set(classes)
        for c in classes:
            out |= self.supers.get(c, set())
        return out

    def keep(self, classes) -> set[str]:
        """The relevant classes among these classes' super-classes (the only ones a clash can involve)."""
        return self.up(classes) & self.relevant

    def property_classes(self, p: str) -> tuple[set[str], set[str]]:
        """(classes of a subject, classes of an object) of a triple with predicate p."""
        subject, obj = set(), set()
        for q in {p} | self.super_properties.get(p, set()):
            subject |= self.domains.get(q, set())
            obj |= self.ranges.get(q, set())
            if q in self.symmetric:
                subject |= self.ranges.get(q, set())
                obj |= self.domains.get(q, set())
        return self.keep(subject), self.keep(obj)


def _values(variable: str, terms) -> str:
    return f"VALUES ?{variable} {{ " + " ".join(f"<{t}>" for t in sorted(terms)) + " }"


def class_clashes(store: ox.Store, schema: Schema) -> list[str]:
    """cax-dw and cls-nothing2, in owlrl's words.

    One query per disjoint pair: the nodes that get both classes, each side a union of the ways a node gets
    a class; the store joins the two sides on stored identifiers, so only clashing nodes are read out
    (reading a node's name costs far more than joining on it). Nodes made the same by functional properties
    are few: their classes are looked up one node at a time and pooled."""
    typed = {c for c in set(schema.supers) | schema.relevant if schema.keep({c})}
    by_property = {p: schema.property_classes(p) for p in _properties(schema)}
    queries = {(a, b): _both(_sources(schema, typed, by_property, a), _sources(schema, typed, by_property, b))
               for a, b in schema.disjoint}
    queries[(NOTHING, NOTHING)] = _sources(schema, typed, by_property, NOTHING)
    with ThreadPoolExecutor(max_workers=2) as pool:  # the store runs them side by side, outside Python's lock
        futures = {pair: pool.submit(_nodes, store, q) for pair, q in queries.items() if q}
        groups = _same_as_groups(store, schema)
        clashing = {pair: f.result() for pair, f in futures.items()}
    found = {(x, pair) for pair, nodes in clashing.items() for x in nodes}
    for group in groups:
        shared = set().union(*(_classes_of(store, x, typed, by_property, schema) for x in group))
        for pair in queries:
            if pair[0] in shared and pair[1] in shared:
                found |= {(x.value, pair) for x in group}
    return [f"{x} is defined of type 'Nothing'" if a == NOTHING else
            f"Disjoint classes {a} and {b} have a common individual {x}" for x, (a, b) in sorted(found)]


def _sources(schema: Schema, typed: set[str], by_property: dict, cls: str) -> str | None:
    """A group pattern binding ?x to each node that has class cls: by a type, or as the subject or object of a
    property whose domain or range gives it; None when nothing gives it."""
    types = {t for t in typed if cls in schema.keep({t})}
    as_subject = {p for p, (s, _) in by_property.items() if cls in s}
    as_object = {p for p, (_, o) in by_property.items() if cls in o}
    parts = ([f"{{ {_values('t', types)} ?x <{TYPE}> ?t }}"] if types else []) + (
        [f"{{ {_values('p', as_subject)} ?x ?p ?o }}"] if as_subject else []) + (
        [f"{{ {_values('p', as_object)} ?s ?p ?x FILTER(!isLiteral(?x)) }}"] if as_object else [])
    return "SELECT DISTINCT ?x WHERE { " + " UNION ".join(parts) + " }" if parts else None


def _both(a: str | None, b: str | None) -> str | None:
    return a and b and f"SELECT ?x WHERE {{ {{ {a} }} {{ {b} }} }}"


def _nodes(store: ox.Store, query: str) -> set[str]:
    return {row[0].value for row in store.query(query)}


def _classes_of(store: ox.Store, x, typed: set[str], by_property: dict, schema: Schema) -> set[str]:
    """The relevant classes of one node (a term: an IRI or a blank node), looked up by pattern."""
    classes: set[str] = set()
    for quad in store.quads_for_pattern(x, None, None, ox.DefaultGraph()):
        p = quad.predicate.value
        if p == TYPE and quad.object.value in typed and not isinstance(quad.object, ox.Literal):
            classes |= schema.keep({quad.object.value})
        if p in by_property:
            classes |= by_property[p][0]
    for quad in store.quads_for_pattern(None, None, x, ox.DefaultGraph()):
        if quad.predicate.value in by_property:
            classes |= by_property[quad.predicate.value][1]
    return classes


def _properties(schema: Schema) -> set[str]:
    return set(schema.domains) | set(schema.ranges) | set(schema.super_properties) | schema.symmetric


def _same_as_groups(store: ox.Store, schema: Schema) -> list[set]:
    """Nodes (terms) made the same by functional properties (prp-fp), repeated until nothing more merges."""
    functional_of: dict[str, set[str]] = defaultdict(set)  # property -> the functional properties it is under
    for p in _properties(schema) | schema.functional:
        for q in ({p} | schema.super_properties.get(p, set())) & schema.functional:
            functional_of[p].add(q)
    if not functional_of:
        return []
    edges = [(row["x"], row["p"].value, row["y"]) for row in store.query(
        f"SELECT ?x ?p ?y WHERE {{ {_values('p', functional_of)} ?x ?p ?y FILTER(!isLiteral(?y)) }}")]
    parent: dict = {}

    def find(a):
        while parent.get(a, a) != a:
            parent[a] = parent.get(parent[a], parent[a])
            a = parent[a]
        return a

    changed = True
    while changed:
        changed = False
        first: dict = {}
        for x, p, y in edges:
            for q in functional_of[p]:
                key = (find(x), q)
                if key not in first:
                    first[key] = find(y)
                elif find(first[key]) != find(y):
                    parent[find(y)] = find(first[key])
                    changed = True
    groups: dict = defaultdict(set)
    for node in list(parent):
        groups[find(node)].add(node)
    for root, members in groups.items():
        members.add(root)
    return [g for g in groups.values() if len(g) > 1]


_TYPED = b'"^^<'  # a typed literal's end: "lexical"^^<datatype>
_DEFAULT_GRAPH_END = b" .\n"  # what follows the object of a default-graph quad (no graph name)


def _typed_literals(nquads: bytes, datatypes: set[bytes]) -> set[tuple[bytes, bytes]]:
    """(lexical form as escaped, datatype) of the typed literals that are objects of default-graph quads."""
    seen = set()
    at = nquads.find(_TYPED)
    while at != -1:
        end = nquads.find(b">", at + 4)
        datatype = nquads[at + 4:end]
        if datatype in datatypes and nquads.startswith(_DEFAULT_GRAPH_END, end + 1):
            start = nquads.rfind(b'> "', 0, at) + 3  # after the predicate; an escaped quote is \"
            seen.add((nquads[start:at], datatype))
        at = nquads.find(_TYPED, end)
    return seen


_ESCAPES = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _unescape(text: str) -> str:
    simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
    return _ESCAPES.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" else simple.get(m.group(1), m.group(1)),
                        text)


def literal_clashes(nquads: bytes) -> list[str]:
    """dt-not-type over the explicit literals of the default graph (N-Quads text), as owlrl tests them."""
    datatypes = {str(d).encode() for d in OWL_RL_Datatypes if AltXSDToPYTHON.get(d) is not None}
    seen = _typed_literals(nquads, datatypes)
    messages = []
    for lexical, datatype in seen:
        iri = rdflib.URIRef(datatype.decode())
        # As owlrl sees it: read by rdflib, which rewrites some ill-typed forms ("1e3"^^xsd:decimal as "1000")
        text = str(rdflib.Literal(_unescape(lexical.decode("utf-8")), datatype=iri))
        try:
            AltXSDToPYTHON[iri](text)
        except (ValueError, ArithmeticError):  # owlrl lets decimal's InvalidOperation escape ("1.2.3"): a clash here
            messages.append(f"Lexical value of the literal '{text}' does not match its datatype ({iri})")
    return messages


def check(store: ox.Store, nquads: Callable[[], bytes]) -> tuple[int, list[str]]:
    """(triples checked, owlrl's error messages) for the store's default graph, whose N-Quads dump nquads()
    gives; raises Unsupported."""
    schema = Schema([tuple(_rdflib(t) for t in row) for row in store.query(_schema_query())])
    count = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    return count, sorted(class_clashes(store, schema) + literal_clashes(nquads()))
