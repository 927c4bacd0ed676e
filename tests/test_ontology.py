"""The hand-written ontology: header, required terms, labels and definitions, alignment, OWL 2 RL."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.paths import Layout
from kg.validate import check_owl_rl

LB = rdflib.Namespace("https://landbridge-kg.org/ontology#")
VANN = rdflib.Namespace("http://purl.org/vocab/vann/")
ONTOLOGY = rdflib.URIRef("https://landbridge-kg.org/ontology")
REQUIRED_CLASSES = """Militia Crossing OfficialCrossing UnofficialCrossing Strike Sanction TerroristDesignation
Route LandBridge AirBridge SeaRoute Road BypassRoad SmugglingCorridor Place Country Region Settlement
Organization StateForce MilitaryUnit GovernmentBody Person Event CrossingOpening Meeting Seizure Construction
TerritorialCapture SourceDocument Claim Evidence Quantity""".split()
REQUIRED_PROPERTIES = """controls operates secures sponsors commands memberOf partOf locatedIn connects date
target location perpetrator attributionStatus casualties hit issuedBy sanctionTarget programme origin
destination hasWaypoint sequence mode cargo usedBy certainty attribution evidence""".split()


def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(Layout().ontology)


def test_header():
    g = graph()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    for p in (OWL.versionIRI, OWL.versionInfo, DCTERMS.title, DCTERMS.description, DCTERMS.license,
              DCTERMS.created, DCTERMS.modified, DCTERMS.creator, VANN.preferredNamespacePrefix):
        assert g.value(ONTOLOGY, p) is not None, p


def test_required_terms_exist():
    g = graph()
    for name in REQUIRED_CLASSES:
        assert (LB[name], RDF.type, OWL.Class) in g, name
    for name in REQUIRED_PROPERTIES:
        assert {(LB[name], RDF.type, OWL.ObjectProperty), (LB[name], RDF.type, OWL.DatatypeProperty)} & set(
            g.triples((LB[name], RDF.type, None))), name


def test_every_term_has_label_definition_and_is_defined_by():
    g = graph()
    terms = {s for s in g.subjects(RDF.type, None) if str(s).startswith(str(LB))}
    assert len(terms) > 100
    for term in terms:
        assert g.value(term, RDFS.label) is not None, term
        assert g.value(term, SKOS.definition) or g.value(term, RDFS.comment), term
        assert g.value(term, RDFS.isDefinedBy) == ONTOLOGY, term


def test_properties_have_domains_and_ranges():
    g = graph()
    schema = rdflib.Namespace("https://schema.org/")
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in g.subjects(RDF.type, kind):
            has_domain = g.value(prop, RDFS.domain) or g.value(prop, schema.domainIncludes)
            has_range = g.value(prop, RDFS.range) or g.value(prop, schema.rangeIncludes)
            if prop in (LB.concerns, LB.date, LB.publicationDate, LB.mentionedIn, LB.status,
                        LB.origin, LB.destination, LB.passesThrough, LB.cargo):
                assert has_domain or has_range, prop
                continue
            assert has_domain and has_range, prop


def test_classes_align_to_standard_vocabularies():
    g = graph()
    external = {
        "Militia": "http://www.w3.org/ns/org#Organization", "Person": "http://xmlns.com/foaf/0.1/Person",
        "Place": "http://www.opengis.net/ont/geosparql#Feature", "Event": "http://semanticweb.cs.vu.nl/2009/11/sem/Event",
        "Claim": "http://www.w3.org/ns/prov#Entity", "Evidence": "http://www.w3.org/ns/oa#Annotation",
        "SourceDocument": "https://schema.org/CreativeWork", "Strike": "https://schema.org/Event",
    }
    for name, iri in external.items():
        ancestors = set(g.transitive_objects(LB[name], RDFS.subClassOf))
        assert rdflib.URIRef(iri) in ancestors, (name, iri)
    assert (LB.memberOf, RDFS.subPropertyOf, rdflib.URIRef("http://www.w3.org/ns/org#memberOf")) in g
    assert (LB.location, RDFS.subPropertyOf, rdflib.URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace")) in g


def test_stays_inside_owl2_rl():
    g = graph()
    # Constructs OWL 2 RL forbids in superclass position; we use none of them anywhere.
    for p in (OWL.unionOf, OWL.someValuesFrom, OWL.minCardinality, OWL.cardinality):
        assert not list(g.triples((None, p, None))), p
    assert not [n for t in g for n in t if isinstance(n, rdflib.BNode)], "blank nodes make builds unstable"


@pytest.mark.slow  # owlrl, the reference reasoner, over the ontology, twice
def test_owl_rl_finds_a_clash_when_there_is_one():
    g = graph()
    bad = rdflib.URIRef("https://example.org/x")
    g.add((bad, RDF.type, LB.OfficialCrossing))
    g.add((bad, RDF.type, LB.UnofficialCrossing))
    _, findings = check_owl_rl(g)
    assert findings, "disjoint classes should clash"
    _, clean = check_owl_rl(graph())
    assert not clean
