"""The SPARQL Service Description of the endpoint, with VoID statistics of the dataset."""

from __future__ import annotations

import pyoxigraph as ox

from kg.formats import FORMATS
from kg.namespaces import RDF, RDFS, SD, VOID, XSD

RDF_TYPE = ox.NamedNode(RDF + "type")
W3C_FORMATS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML", "trig": "TriG", "nquads": "N-Quads",
}


def _count(store: ox.Store, query: str) -> int:
    return int(list(store.query(query))[0][0].value)


def statistics(store: ox.Store) -> dict:
    """VoID figures of the default graph and the size of each named graph (computed once)."""
    stats = {
        "triples": _count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
        "entities": _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s)) }"),
        "classes": _count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"),
        "properties": _count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"),
        "class_partitions": [(r[0].value, int(r[1].value)) for r in store.query(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c")],
        "property_partitions": [(r[0].value, int(r[1].value)) for r in store.query(
            "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p")],
        "graphs": [(r[0].value, int(r[1].value)) for r in store.query(
            "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")],
    }
    return stats


def service_description(endpoint: str, stats: dict, functions: dict[str, str] | None = None) -> list[ox.Triple]:
    """sd:Service triples for the endpoint IRI (which depends on how the client reached us); `functions`: the
    extension functions the endpoint evaluates (IRI -> what it does)."""
    t: list[ox.Triple] = []
    node = ox.NamedNode

    def add(s, p, o):
        t.append(ox.Triple(s, node(p) if isinstance(p, str) else p, o))

    svc = node(endpoint)
    dataset = node(endpoint + "#dataset")
    default = node(endpoint + "#default-graph")
    add(svc, RDF_TYPE, node(SD + "Service"))
    add(svc, SD + "endpoint", svc)
    add(svc, SD + "supportedLanguage", node(SD + "SPARQL11Query"))
    # The default graph is the RDF merge (a set) of the named graphs, materialised by the build.
    add(svc, SD + "feature", node(SD + "UnionDefaultGraph"))
    add(svc, RDFS + "comment", ox.Literal(
        "Read-only. The default graph is the RDF merge (a set: each triple once) of all named graphs. "
        "SERVICE federation is refused unless allow-listed; SPARQL Update is refused."))
    for iri, comment in sorted((functions or {}).items()):
        add(svc, SD + "extensionFunction", node(iri))
        add(node(iri), RDF_TYPE, node(SD + "Function"))
        add(node(iri), RDFS + "comment", ox.Literal(comment))
    for f in FORMATS:
        add(svc, SD + "resultFormat", node("http://www.w3.org/ns/formats/" + W3C_FORMATS[f.name]))
    add(svc, SD + "defaultDataset", dataset)
    add(dataset, RDF_TYPE, node(SD + "Dataset"))
    add(dataset, RDF_TYPE, node(VOID + "Dataset"))
    add(dataset, SD + "defaultGraph", default)
    add(default, RDF_TYPE, node(SD + "Graph"))
    for key in ("triples", "entities", "classes", "properties"):
        add(default, VOID + key, ox.Literal(str(stats[key]), datatype=node(XSD + "integer")))
        add(dataset, VOID + key, ox.Literal(str(stats[key]), datatype=node(XSD + "integer")))
    integer = node(XSD + "integer")
    for i, (cls, n) in enumerate(stats["class_partitions"]):
        part = node(f"{endpoint}#class-partition-{i}")
        add(dataset, VOID + "classPartition", part)
        add(part, VOID + "class", node(cls))
        add(part, VOID + "entities", ox.Literal(str(n), datatype=integer))
    for i, (prop, n) in enumerate(stats["property_partitions"]):
        part = node(f"{endpoint}#property-partition-{i}")
        add(dataset, VOID + "propertyPartition", part)
        add(part, VOID + "property", node(prop))
        add(part, VOID + "triples", ox.Literal(str(n), datatype=integer))
    for i, (graph, n) in enumerate(stats["graphs"]):
        named = node(f"{endpoint}#named-graph-{i}")
        g = node(f"{endpoint}#named-graph-{i}-graph")
        add(dataset, SD + "namedGraph", named)
        add(named, RDF_TYPE, node(SD + "NamedGraph"))
        add(named, SD + "name", node(graph))
        add(named, SD + "graph", g)
        add(g, RDF_TYPE, node(SD + "Graph"))
        add(g, VOID + "triples", ox.Literal(str(n), datatype=integer))
    return t
