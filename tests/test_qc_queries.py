"""The QC queries (ontology/qc/*-violation.rq) on the real graph with one planted fault each: each
query reports its fault and nothing else, and reports nothing on the graph as built."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.paths import PROJECT_ROOT

from .conftest import BASE

QC = PROJECT_ROOT / "ontology" / "qc"
LB = BASE + "ontology#"
N = ox.NamedNode


def run(store: ox.Store, name: str) -> list[tuple[str, ...]]:
    rows = store.query((QC / f"{name}-violation.rq").read_text())
    return sorted(tuple(term.value if term is not None else "" for term in row) for row in rows)


@pytest.fixture(scope="module")
def base_quads(store) -> list[ox.Quad]:
    return list(store)


def planted(base_quads, *extra: ox.Quad) -> ox.Store:
    copy = ox.Store()
    copy.bulk_extend(base_quads)
    copy.bulk_extend(list(extra))
    return copy


def claim_of(store: ox.Store) -> ox.NamedNode:
    return next(iter(store.query(f"SELECT ?c WHERE {{ ?c a <{LB}Claim> }} LIMIT 1")))["c"]


@pytest.mark.parametrize("name", sorted(p.name.removesuffix("-violation.rq") for p in QC.glob("*-violation.rq")))
def test_nothing_to_report_on_the_graph_as_built(store, name):
    assert run(store, name) == []


def test_orphan_entity(base_quads):
    orphan = N(BASE + "id/planted-orphan")
    register = N(BASE + "graph/register")
    store = planted(base_quads, ox.Quad(orphan, N("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("x"), register))
    assert run(store, "orphan-entity") == [(orphan.value,)]


def test_fact_outside_claims(base_quads):
    stray = ox.Quad(N(BASE + "id/a"), N(LB + "controls"), N(BASE + "id/b"), N(BASE + "graph/stray"))
    store = planted(base_quads, stray, ox.Quad(stray.subject, stray.predicate, stray.object))
    assert run(store, "fact-outside-claims") == [(BASE + "id/a", LB + "controls", BASE + "id/b")]
    # the document that names an entity only non-asserted claims mention (its register entry in graph/register-modal)
    mention = ox.Quad(N(BASE + "id/c"), N(LB + "mentionedIn"), N(BASE + "doc/005"), N(BASE + "graph/register-modal"))
    assert run(planted(base_quads, mention), "fact-outside-claims") == []


def test_undeclared_term(base_quads, store):
    claim = claim_of(store)
    quads = [ox.Quad(N(BASE + "id/a"), N(LB + "plantedProperty"), N(BASE + "id/b")),
             ox.Quad(N(BASE + "id/a"), N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), N(LB + "PlantedClass")),
             ox.Quad(N(BASE + "id/a"), N(LB + "controls"), N(LB + "plantedValue"))]
    found = run(planted(base_quads, *quads, *(ox.Quad(q.subject, q.predicate, q.object, claim) for q in quads)), "undeclared-term")
    assert found == [(LB + "PlantedClass", "class"), (LB + "PlantedClass", "value"),
                     (LB + "plantedProperty", "predicate"), (LB + "plantedValue", "value")]


def test_default_graph_not_merge(base_quads, store):
    claim = claim_of(store)
    only_default = ox.Quad(N(BASE + "id/a"), N(LB + "controls"), N(BASE + "id/b"))
    only_named = ox.Quad(N(BASE + "id/c"), N(LB + "controls"), N(BASE + "id/d"), claim)
    store = planted(base_quads, only_default, only_named)
    assert run(store, "default-graph-only") == [(BASE + "id/a", LB + "controls", BASE + "id/b")]
    assert run(store, "named-graph-only") == [(BASE + "id/c", LB + "controls", BASE + "id/d", claim.value)]


def test_an_iri_like_literal_is_no_undeclared_term(base_quads):
    literal = ox.Quad(N(BASE + "id/a"), N("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal(LB + "notATerm"))
    assert run(planted(base_quads, literal), "undeclared-term") == []


def test_evidence_source_mismatch(base_quads):
    claim, evidence, target = N(BASE + "id/planted-claim"), N(BASE + "id/planted-evidence"), N(BASE + "id/planted-target")
    said_in, pointed_at = N(BASE + "id/document-one"), N(BASE + "id/document-two")
    store = planted(base_quads,
                    ox.Quad(claim, N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), N(LB + "Claim")),
                    ox.Quad(claim, N("http://www.w3.org/ns/prov#wasDerivedFrom"), said_in),
                    ox.Quad(claim, N(LB + "evidence"), evidence),
                    ox.Quad(evidence, N("http://www.w3.org/ns/oa#hasTarget"), target),
                    ox.Quad(target, N("http://www.w3.org/ns/oa#hasSource"), pointed_at))
    assert run(store, "evidence-source-mismatch") == [(claim.value, said_in.value, pointed_at.value)]


def test_term_missing_label(base_quads):
    rdfs, owl_class = "http://www.w3.org/2000/01/rdf-schema#", N("http://www.w3.org/2002/07/owl#Class")
    rdf_type = N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    store = planted(base_quads,
                    ox.Quad(N(LB + "DefinedOnly"), N(rdfs + "isDefinedBy"), N(BASE + "ontology")),
                    ox.Quad(N(LB + "TypedOnly"), rdf_type, owl_class),
                    ox.Quad(N(LB + "Labelled"), rdf_type, owl_class),
                    ox.Quad(N(LB + "Labelled"), N(rdfs + "label"), ox.Literal("labelled")),
                    ox.Quad(N(BASE + "id/unlabelled-node"), rdf_type, owl_class))
    assert run(store, "term-missing-label") == [(LB + "DefinedOnly",), (LB + "TypedOnly",)]
