"""The OWL 2 RL consistency check run as queries on the store (kg.owl_rl_check) finds exactly the clashes
owlrl's closure finds, in owlrl's words: on the ontology with planted clashes of every kind it covers, and
on the graph as built. A schema using a construct it does not cover is left to owlrl."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from kg import owl_rl_check
from kg.paths import PROJECT_ROOT
from kg.validate import check_owl_rl

PREFIXES = """@prefix lb: <https://landbridge-kg.org/ontology#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
"""
ONTOLOGY = (PROJECT_ROOT / "ontology" / "landbridge.ttl").read_bytes()


def both(turtle: str) -> tuple[list[str], list[str]]:
    """(the store check's messages, owlrl's messages) for the ontology plus these triples."""
    store = ox.Store()
    store.load(ONTOLOGY, ox.RdfFormat.TURTLE)
    store.load((PREFIXES + turtle).encode(), ox.RdfFormat.TURTLE)
    # The literals as written: N-Quads from the parser, not from the store (which canonicalises them).
    written = list(ox.parse(ONTOLOGY, ox.RdfFormat.TURTLE)) + list(ox.parse((PREFIXES + turtle).encode(), ox.RdfFormat.TURTLE))
    nquads = ox.serialize([ox.Quad(t.subject, t.predicate, t.object) for t in written], format=ox.RdfFormat.N_QUADS)
    _, ours = owl_rl_check.check(store, lambda: nquads)
    graph = rdflib.Graph().parse(data=nquads.decode(), format="nt")
    _, theirs = check_owl_rl(graph)
    return ours, [f.message for f in theirs]


CASES = {
    "none": "ex:x a lb:Event .",
    "asserted types": "ex:x a lb:Event, lb:Place .",
    "subclasses": "ex:x a lb:OfficialCrossing, lb:UnofficialCrossing .",
    "subclass of a disjoint class": "ex:x a lb:Strike, lb:Settlement .",
    "domain": 'ex:c lb:statementId "1" . ex:c a lb:Event .',
    "range through a sub-property": "ex:e a lb:Event . ex:p lb:adjacentTo ex:e .",
    "symmetric property": "ex:e a lb:Event . ex:e lb:near ex:p .",
    "same by a functional property": "ex:q lb:qualifier ex:a, ex:b . ex:a a lb:Event . ex:b a lb:Place .",
    "same, twice removed": ("ex:q lb:qualifier ex:a, ex:b . ex:r lb:qualifier ex:b, ex:c . "
                            "ex:a a lb:Event . ex:c a lb:Place ."),
    "functional datatype property": "ex:w a lb:Waypoint ; lb:sequence 1, 2 .",
    "nothing": "ex:x a owl:Nothing .",
    "ill-typed literals": ('ex:w lb:sequence "abc"^^xsd:positiveInteger . ex:q lb:numericValue "1e3"^^xsd:decimal . '
                           'ex:d lb:date "2019-13"^^xsd:gYearMonth .'),
    "a negative non-negative integer": 'ex:a lb:start "-5"^^xsd:nonNegativeInteger .',
}


@pytest.mark.slow  # owlrl, the reference reasoner, on each case: seconds
@pytest.mark.parametrize("name", CASES)
def test_same_clashes_as_owlrl(name):
    ours, theirs = both(CASES[name])
    assert ours == sorted(theirs)
    assert bool(ours) == (name not in ("none", "functional datatype property"))


@pytest.mark.slow  # owlrl, the reference reasoner, over the ontology
def test_a_decimal_owlrl_cannot_read_is_a_clash_not_a_crash():
    with pytest.raises(ArithmeticError):
        both('ex:q lb:numericValue "1.2.3"^^xsd:decimal .')  # owlrl: decimal.InvalidOperation escapes
    store = ox.Store()
    nquads = (b'<http://example.org/q> <https://landbridge-kg.org/ontology#numericValue> '
              b'"1.2.3"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n')
    store.load(ONTOLOGY, ox.RdfFormat.TURTLE)
    store.load(nquads, ox.RdfFormat.N_QUADS)
    _, ours = owl_rl_check.check(store, lambda: nquads)
    assert ours == ["Lexical value of the literal '1.2.3' does not match its datatype (http://www.w3.org/2001/XMLSchema#decimal)"]


@pytest.mark.slow  # owlrl, the reference reasoner, over the whole graph
def test_same_verdict_on_the_graph_as_built(release, store):
    nquads = (release / "landbridge.nq").read_bytes()
    count, ours = owl_rl_check.check(store, lambda: nquads)
    default = rdflib.Graph().parse(release / "landbridge.ttl", format="turtle")
    _, theirs = check_owl_rl(default)
    assert ours == [f.message for f in theirs] == []
    assert count == len(default)


def test_a_schema_it_does_not_cover_is_left_to_owlrl():
    store = ox.Store()
    store.load(ONTOLOGY, ox.RdfFormat.TURTLE)
    store.load((PREFIXES + "lb:controls owl:inverseOf ex:controlledBy .").encode(), ox.RdfFormat.TURTLE)
    with pytest.raises(owl_rl_check.Unsupported, match="inverseOf"):
        owl_rl_check.check(store, lambda: b"")
