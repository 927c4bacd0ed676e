"""Hostile input, fuzzed (short form; scripts/fuzz runs the long one against a real server).

Thousands of malformed requests to every route must get no 5xx, the refusals they deserve,
and leave the data and the server as they were."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings

from server import create_app
from support.fuzzing import TRAVERSALS, requests


@pytest.fixture(scope="module")
def digest_before(built) -> str:
    return dump_digest(built)


@pytest.fixture(scope="module")
def app(built, digest_before):
    return create_app({"BUILD_DIR": str(built.build), "QUERY_TIMEOUT": 5, "QUOTA_SECONDS": 0})


def send(client, r: dict):
    headers = {k: v.encode("utf-8", "replace").decode("latin-1").replace("\r", " ").replace("\n", " ")
               for k, v in r["headers"].items()}
    # A raw query string goes in as the bytes a client sent (WSGI carries them as latin-1).
    query_string = r["raw_query"].decode("latin-1") if r["raw_query"] is not None else r["params"]
    return client.open(r["path"], method=r["method"], query_string=query_string, headers=headers,
                       data=r["body"] if r["method"] not in ("GET", "HEAD", "OPTIONS", "TRACE") else None)


def dump_digest(built) -> str:
    release = built.build / "current"
    return hashlib.sha256(b"".join((release / n).read_bytes() for n in ("landbridge.nq", "landbridge.trig"))).hexdigest()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(r=requests())
def test_no_request_gets_a_server_error(app, r):
    response = send(app.test_client(), r)
    assert response.status_code < 500, (r, response.status_code, response.get_data()[:300])
    body = response.get_data()
    assert b"root:x:" not in body and b"inputs_sha256" not in body or r["path"] == "/healthz", r


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_reaches_nothing(app, path):
    response = app.test_client().get(path)
    assert response.status_code in (400, 404), path
    assert b"root:x:" not in response.data and b"inputs_sha256" not in response.data


def test_writes_are_refused_and_the_data_is_unchanged(app, built, digest_before):
    before = dump_digest(built)
    assert before == digest_before  # the fuzzing above changed nothing
    count = app.test_client().get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
                                  headers={"Accept": "text/csv"}).data
    c = app.test_client()
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    assert c.get("/sparql", query_string={"update": update}).status_code == 403
    assert c.post("/sparql", data={"update": update}).status_code == 403
    assert c.post("/sparql", data=update, content_type="application/sparql-update").status_code == 403
    for method in ("PUT", "POST", "DELETE", "PATCH"):  # no Graph Store Protocol: nothing to write to
        for path in ("/store", "/sparql/store", "/graph/provenance", "/id/kataib-hezbollah", "/dumps/landbridge.nq.gz"):
            r = c.open(path, method=method, data=b"<urn:x> <urn:y> <urn:z> .", content_type="application/n-triples")
            assert r.status_code in (403, 404, 405, 415), (method, path, r.status_code)
    after = c.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
                  headers={"Accept": "text/csv"}).data
    assert after == count and dump_digest(built) == before
