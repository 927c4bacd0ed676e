"""The one table of RDF and SPARQL-results formats: name, media type, file extension."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    kind: str  # "results" (SELECT/ASK), "graph" (triples) or "dataset" (quads)
    native: ox.RdfFormat | ox.QueryResultsFormat
    aliases: tuple[str, ...] = ()  # other media types clients send for it
    other_names: tuple[str, ...] = ()  # other names clients and servers give it in a `format`/`output` parameter


FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", "srj", "results", ox.QueryResultsFormat.JSON, ("application/json",)),
    Format("xml", "application/sparql-results+xml", "srx", "results", ox.QueryResultsFormat.XML,
           ("application/xml", "text/xml"), ("sparql",)),
    Format("csv", "text/csv", "csv", "results", ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", "tsv", "results", ox.QueryResultsFormat.TSV),
    Format("turtle", "text/turtle", "ttl", "graph", ox.RdfFormat.TURTLE, ("application/x-turtle",),
           ("ttl", "n3")),
    Format("ntriples", "application/n-triples", "nt", "graph", ox.RdfFormat.N_TRIPLES, ("text/plain",),
           ("nt", "n-triples")),
    Format("jsonld", "application/ld+json", "jsonld", "graph", ox.RdfFormat.JSON_LD, (), ("json-ld",)),
    Format("rdfxml", "application/rdf+xml", "rdf", "graph", ox.RdfFormat.RDF_XML, (), ("rdf+xml", "rdf")),
    Format("trig", "application/trig", "trig", "dataset", ox.RdfFormat.TRIG),
    Format("nquads", "application/n-quads", "nq", "dataset", ox.RdfFormat.N_QUADS, (), ("nq", "n-quads")),
)

BY_NAME = {f.name: f for f in FORMATS}
BY_OTHER_NAME = {n: f for f in FORMATS for n in f.other_names}
# For a graph, the names of the results formats mean the graph format of that syntax, as Apache Jena Fuseki
# reads them (so `format=xml`, SPARQLWrapper's default, gets RDF/XML for a CONSTRUCT).
GRAPH_NAMES = {"json": BY_NAME["jsonld"], "xml": BY_NAME["rdfxml"]}
BY_MEDIA_TYPE = {m: f for f in FORMATS for m in (f.media_type, *f.aliases)}
BY_EXTENSION = {f.extension: f for f in FORMATS}


def names(*kinds: str) -> list[str]:
    """Format names of the given kinds, in table order."""
    return [f.name for f in FORMATS if f.kind in kinds]
