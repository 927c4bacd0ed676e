"""The W3C SPARQL 1.1 Protocol tests, read from their manifest and run against the app.

Query tests and bad-request tests must give what the manifest expects. The update tests
expect an endpoint that performs updates; this one is read-only, so each must be refused with
403 and leave the data unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.paths import PROJECT_ROOT
from server import create_app

from .conftest import make_release

SUITE = PROJECT_ROOT / "tests" / "data" / "w3c-protocol"  # a copy of the W3C suite (see LICENSE.md there)
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"


def manifest() -> rdflib.Graph:
    return rdflib.Graph().parse(SUITE / "manifest.ttl", format="turtle")


def manifest_entries() -> list[tuple[str, rdflib.URIRef]]:
    g = manifest()
    entries = rdflib.collection.Collection(g, next(g.objects(None, MF.entries)))
    return [(str(e).rsplit("#", 1)[1], e) for e in entries]


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return manifest()


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> dict:
    """The releases made so far, by the data they hold: the suite's tests share three data sets (28 hold none), and a
    store is written once for each, each test still getting an app of its own over it (the app only reads it)."""
    return {"folders": tmp_path_factory}


def app_for(g: rdflib.Graph, test: rdflib.URIRef, releases: dict):
    quads = []
    for data in g.objects(test, UT.graphData):
        name = ox.NamedNode(str(g.value(data, rdflib.RDFS.label)))
        source = SUITE / Path(str(g.value(data, UT.graph))).name
        quads += [ox.Quad(t.subject, t.predicate, t.object, name)
                  for t in ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)]
    key = frozenset(quads)
    if key not in releases:
        releases[key] = releases["folders"].mktemp("release")
        make_release(releases[key], quads)
    return create_app({"BUILD_DIR": str(releases[key]), "TESTING": True}), quads


def requests_of(g: rdflib.Graph, test: rdflib.URIRef) -> list[rdflib.term.Node]:
    action = g.value(test, MF.action)
    return list(rdflib.collection.Collection(g, g.value(action, HT.requests)))


def status_ok(status: int, expected: set[str]) -> bool:
    return f"{status // 100}xx" in expected


@pytest.mark.parametrize("name,test", manifest_entries(), ids=[n for n, _ in manifest_entries()])
def test_w3c_protocol(name, test, graph, releases):
    app, quads = app_for(graph, test, releases)
    client = app.test_client()
    for req in requests_of(graph, test):
        method = str(graph.value(req, HT.methodName))
        path = str(graph.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
        headers = {}
        for header in rdflib.collection.Collection(graph, graph.value(req, HT.headers) or rdflib.RDF.nil):
            headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
        body = graph.value(req, HT.body)
        data = b""
        if body is not None:
            encoding = str(graph.value(body, CNT.characterEncoding) or "UTF-8")
            data = str(graph.value(body, CNT.chars)).encode(encoding.lower().replace("utf-16", "utf-16-le"))
        response = client.open(path, method=method, headers=headers, data=data)
        resp = graph.value(req, HT.resp)
        expected = {str(s).removeprefix(HTS) for s in graph.objects(resp, MF.expectedStatus)}
        is_update = "sparql-update" in headers.get("content-type", "") or b"update=" in data or "update=" in path
        if name.startswith("update_"):
            if is_update:  # a read-only endpoint refuses it, saying so
                assert response.status_code == 403, (name, response.status_code, response.data)
                assert b"read-only" in response.data
            else:  # the check that follows an update still gets a well-formed answer
                assert response.status_code == 200, (name, response.status_code, response.data)
            continue
        assert status_ok(response.status_code, expected), (name, response.status_code, response.data)
        fmt = graph.value(resp, MF.expectedFormat)
        ctype = response.content_type or ""
        if fmt is not None:
            kind = str(fmt)
            if kind in ("boolean", "tabular"):
                assert ctype.startswith(("application/sparql-results", "text/csv", "text/tab-separated")), ctype
            else:
                assert ctype.split(";")[0] in {"text/turtle", "application/n-triples", "application/ld+json",
                                               "application/rdf+xml", "application/trig", "application/n-quads"}
        boolean = graph.value(resp, MF.expectedBoolean)
        if boolean is not None:
            assert json.loads(response.data)["boolean"] is boolean.toPython()
    # Nothing a request did changed the data.
    store = app.extensions["kg"].store
    assert len(list(store.quads_for_pattern(None, None, None))) == len(quads)
