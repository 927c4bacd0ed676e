"""The vocabularies the project speaks, and the one prefix table.

Each namespace is its IRI as a string (`f"{LB}"`, `iri.startswith(LB)`, `len(LB)` work as for any string) that
mints only the terms the vocabulary has: `LB + "Militia"` and `LB.Militia` give the term's IRI, a plain string;
`LB + "Milita"` raises UnknownTerm. The ontology's own terms come from kg/vocabulary.py (generated from
ontology/landbridge.ttl); the W3C and other vocabularies' terms from rdflib's closed namespaces, or, for the
few rdflib does not ship, from the lists below (the terms of those specifications this project uses).

PREFIXES is the one table of prefixes: dumps, pages, the query UI, the JSON-LD context and the SPARQL the
server writes all take theirs from it (`sparql_prefixes`).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import namespace as rdflib_namespace

from . import vocabulary


class UnknownTerm(AttributeError):
    """A name that is not a term of the namespace it was asked of (a typo would mint a new IRI)."""


class Namespace(str):
    """A namespace IRI that names only its vocabulary's terms."""

    __slots__ = ("terms", "prefix")

    def __new__(cls, iri: str, prefix: str, terms: Iterable[str]) -> Namespace:
        self = super().__new__(cls, iri)
        self.prefix = prefix
        self.terms = frozenset(terms)
        return self

    def __add__(self, name: str) -> str:  # type: ignore[override]
        if name not in self.terms:
            raise UnknownTerm(f"{self.prefix}:{name} is not a term of {str(self)}")
        return str(self) + name

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self + name

    def __getnewargs__(self) -> tuple:  # copies and pickles keep the terms
        return str(self), self.prefix, self.terms


def _from_rdflib(prefix: str, closed: type[rdflib_namespace.DefinedNamespace], *extra: str,
                 iri: str | None = None) -> Namespace:
    """A namespace with the terms of one of rdflib's closed namespaces (and any it lacks, named here); `iri` where the
    vocabulary's own IRI differs from the one rdflib spells."""
    names = set()
    for cls in closed.__mro__:
        if isinstance(cls, type) and issubclass(cls, rdflib_namespace.DefinedNamespace):
            names.update(cls.__dict__.get("__annotations__", {}))
            names.update(getattr(cls, "_extras", []))
    names -= {"_NS", "_fail", "_warn", "_extras", "_underscore_num"}
    return Namespace(iri or str(closed._NS), prefix, names | set(extra))


LB = Namespace(str(vocabulary.LB._NS), "lb", vocabulary.LB.__annotations__)
ONTOLOGY_IRI = "https://landbridge-kg.org/ontology"
SHAPES_IRI = "https://landbridge-kg.org/shapes"
RDF = _from_rdflib("rdf", rdflib_namespace.RDF)
RDFS = _from_rdflib("rdfs", rdflib_namespace.RDFS)
OWL = _from_rdflib("owl", rdflib_namespace.OWL)
XSD = _from_rdflib("xsd", rdflib_namespace.XSD)
SKOS = _from_rdflib("skos", rdflib_namespace.SKOS)
PROV = _from_rdflib("prov", rdflib_namespace.PROV)
DCTERMS = _from_rdflib("dcterms", rdflib_namespace.DCTERMS)
SCHEMA = _from_rdflib("schema", rdflib_namespace.SDO)
SH = _from_rdflib("sh", rdflib_namespace.SH)
GEO = _from_rdflib("geo", rdflib_namespace.GEO)
# The W3C Basic Geo vocabulary's IRI is http:, as its document and every dataset use it (rdflib writes https:).
WGS84 = _from_rdflib("wgs84", rdflib_namespace.WGS, iri="http://www.w3.org/2003/01/geo/wgs84_pos#")
FOAF = _from_rdflib("foaf", rdflib_namespace.FOAF)
# vCard, as DCAT uses it for a contact point (rdflib does not ship it).
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#", "vcard", ("Kind", "Organization", "fn", "hasURL", "hasEmail"))
TIME = _from_rdflib("time", rdflib_namespace.TIME)
VANN = _from_rdflib("vann", rdflib_namespace.VANN)
ORG = _from_rdflib("org", rdflib_namespace.ORG)
VOID = _from_rdflib("void", rdflib_namespace.VOID)
DCAT = _from_rdflib("dcat", rdflib_namespace.DCAT, "version")  # rdflib has DCAT 2; dcat:version is DCAT 3
# Web Annotation (https://www.w3.org/TR/annotation-vocab/): the selectors and the annotation's parts.
OA = Namespace("http://www.w3.org/ns/oa#", "oa", (
    "Annotation", "SpecificResource", "TextQuoteSelector", "TextPositionSelector", "hasBody", "hasTarget", "hasSource",
    "hasSelector", "exact", "prefix", "suffix", "start", "end", "motivatedBy", "describing", "identifying", "tagging"))
# Simple Features (http://www.opengis.net/ont/sf), the geometry types GeoSPARQL uses.
SF = Namespace("http://www.opengis.net/ont/sf#", "sf", ("Geometry", "Point", "LineString", "Polygon", "MultiPoint",
                                                         "MultiLineString", "MultiPolygon", "GeometryCollection"))
# Simple Event Model (https://semanticweb.cs.vu.nl/2009/11/sem/), which the ontology aligns events with.
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/", "sem", ("Event", "Actor", "Place", "Time", "hasActor",
                                                                    "hasPlace", "hasTime", "eventType"))
# SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/).
# SPDX, as DCAT 3 uses it for a distribution's checksum.
SPDX = Namespace("http://spdx.org/rdf/terms#", "spdx", ("checksum", "Checksum", "algorithm", "checksumValue",
                                                        "checksumAlgorithm_sha256"))
SD = Namespace("http://www.w3.org/ns/sparql-service-description#", "sd", (
    "Service", "Dataset", "Graph", "NamedGraph", "GraphCollection", "Language", "Feature", "Function", "Aggregate",
    "EntailmentRegime", "EntailmentProfile", "endpoint", "supportedLanguage", "resultFormat", "inputFormat", "feature",
    "defaultDataset", "defaultGraph", "namedGraph", "name", "graph", "availableGraphs", "defaultEntailmentRegime",
    "extensionFunction", "extensionAggregate", "languageExtension", "propertyFeature", "entailmentRegime",
    "supportedEntailmentProfile", "defaultSupportedEntailmentProfile", "UnionDefaultGraph", "RequiresDataset",
    "EmptyGraphs", "BasicFederatedQuery", "DereferencesURIs", "SPARQL10Query", "SPARQL11Query", "SPARQL11Update"))
# The project's SPARQL extension functions (kg.search: lbf:search(?iri, "words") is the score of the IRI's best
# search hit, unbound when it has none), which the endpoint passes to the engine.
LBF = Namespace("https://landbridge-kg.org/function#", "lbf", ("search",))

PREFIXES = {
    "lb": str(LB),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "sem": str(SEM),
    "geo": str(GEO),
    "sf": str(SF),
    "wgs84": str(WGS84),
    "foaf": str(FOAF),
    "time": str(TIME),
    "vann": str(VANN),
}
# Prefixes the dataset's descriptions use besides the data's (VoID, DCAT, the service description).
DESCRIPTION_PREFIXES = {**PREFIXES, "void": str(VOID), "dcat": str(DCAT), "sd": str(SD), "vcard": str(VCARD),
                        "spdx": str(SPDX), "lbf": str(LBF)}


def sparql_prefixes(*names: str) -> str:
    """SPARQL PREFIX lines for these prefixes of the table (all of PREFIXES when none are named)."""
    table = DESCRIPTION_PREFIXES
    return "".join(f"PREFIX {name}: <{table[name]}>\n" for name in (names or PREFIXES))
