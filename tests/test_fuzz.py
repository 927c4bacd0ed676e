"""Hostile input, fuzzed (short form; bench/fuzz.py runs the long one against a real server).

Thousands of malformed requests to every route must get no 5xx, the refusals they deserve,
and leave the data and the server as they were. The short form is derandomised: every run sends
the same requests (until Hypothesis, Python or the test change), so a failure is the code's, not
the draw's; the long run draws new ones each time."""

from __future__ import annotations

import hashlib
from urllib.parse import unquote

import pytest
from flask.testing import EnvironBuilder
from hypothesis import HealthCheck, example, given, settings

from server import create_app
from support.fuzzing import TRAVERSALS, request_target, requests


@pytest.fixture(scope="module")
def digest_before(built) -> str:
    return dump_digest(built)


@pytest.fixture(scope="module")
def app(built, digest_before):
    return create_app({"BUILD_DIR": str(built.build), "QUERY_TIMEOUT": 5, "QUOTA_SECONDS": 0})


def send(client, r: dict):
    """r as an HTTP client sends it. The path goes as its request target, percent-encoded (request_target), which the
    test client decodes into PATH_INFO as a server does; it is set on the request as it is, not parsed again as a URL,
    where `//x` would name a host x (one Werkzeug cannot even encode for `//\ufff9`) rather than a path."""
    headers = {k: v.encode("utf-8", "replace").decode("latin-1").replace("\r", " ").replace("\n", " ")
               for k, v in r["headers"].items()}
    # A raw query string goes in as the bytes a client sent (WSGI carries them as latin-1).
    query_string = r["raw_query"].decode("latin-1") if r["raw_query"] is not None else r["params"]
    builder = EnvironBuilder(client.application, method=r["method"], query_string=query_string, headers=headers,
                             data=r["body"] if r["method"] not in ("GET", "HEAD", "OPTIONS", "TRACE") else None)
    builder.path = builder.request_uri = request_target(r["path"])
    return client.open(builder)


def plain_get(path: str) -> dict:
    return {"method": "GET", "path": path, "params": [], "raw_query": None, "headers": {"Accept": "*/*"}, "body": b""}


def dump_digest(built) -> str:
    release = built.build / "current"
    return hashlib.sha256(b"".join((release / n).read_bytes() for n in ("landbridge.nq", "landbridge.trig"))).hexdigest()


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(r=requests())
@example(r=plain_get("//\ufff9"))  # once drawn: the harness could not send it (test_every_path_reaches_the_app_as_it_is)
def test_no_request_gets_a_server_error(app, r):
    response = send(app.test_client(), r)
    assert response.status_code < 500, (r, response.status_code, response.get_data()[:300])
    body = response.get_data()
    assert b"root:x:" not in body and b"inputs_sha256" not in body or r["path"] == "/healthz", r


@pytest.mark.parametrize("path", ["//\ufff9", "//etc/passwd", "//", "/id/\u00e9 x", "/dumps/%zz", "/static/%2e%2e/x"])
def test_every_path_reaches_the_app_as_it_is(app, path):
    """The harness sends any path, percent-encoded as a client would: `//\ufff9` (which Hypothesis drew, and which the
    test client given it as it is takes for a host it cannot encode) reaches the app as that path, and no 5xx."""
    response = send(app.test_client(), plain_get(path))
    assert response.status_code < 500, (path, response.status_code)
    assert response.request.environ["PATH_INFO"].encode("latin-1").decode("utf-8") == unquote(path)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_reaches_nothing(app, path):
    response = send(app.test_client(), plain_get(path))  # `//etc/passwd` too reaches the app as a path
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
