"""The /sparql endpoint over the real build: protocol forms, formats, negotiation, errors, refusals."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
from urllib.parse import urlencode

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from rdflib.namespace import XSD

from server import create_app

KH = "https://landbridge-kg.org/id/kataib-hezbollah"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CONSTRUCT = f"CONSTRUCT {{ <{KH}> ?p ?o }} WHERE {{ <{KH}> ?p ?o }}"


@pytest.fixture()
def client(built):
    return create_app({"BUILD_DIR": str(built.build), "TESTING": True}).test_client()


def bindings(response) -> list[dict]:
    return json.loads(response.data)["results"]["bindings"]


def test_get_form_post_and_direct_post_agree(client):
    a = client.get("/sparql", query_string={"query": COUNT})
    b = client.post("/sparql", data={"query": COUNT})
    c = client.post("/sparql", data=COUNT, content_type="application/sparql-query")
    assert a.status_code == b.status_code == c.status_code == 200
    assert bindings(a) == bindings(b) == bindings(c)


@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
    ("*/*", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
])
def test_select_formats_and_negotiation(client, accept, media):
    r = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.mimetype == media
    assert "Accept" in [v.strip() for v in r.headers["Vary"].split(",")]


@pytest.mark.parametrize("accept,fmt", [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/trig", ox.RdfFormat.TRIG), ("application/n-quads", ox.RdfFormat.N_QUADS),
])
def test_construct_formats_parse(client, accept, fmt):
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == accept
    parsed = list(ox.parse(r.data, format=fmt))
    assert any(q.object.value == "Kataib Hezbollah" for q in parsed)


def test_format_parameter_for_browsers_and_links(client):
    r = client.get("/sparql", query_string={"query": COUNT, "format": "csv"}, headers={"Accept": "text/html"})
    assert r.mimetype == "text/csv"
    assert client.get("/sparql", query_string={"query": COUNT, "format": "turtle"}).status_code == 406


def sparql_get(client, params: list[tuple[str, str]], accept: str | None = None):
    return client.get("/sparql?" + urlencode(params), headers={"Accept": accept} if accept else {})


def sparql_form(client, params: list[tuple[str, str]], accept: str | None = None):
    return client.post("/sparql", data=urlencode(params), content_type="application/x-www-form-urlencoded",
                       headers={"Accept": accept} if accept else {})


@pytest.mark.parametrize("method", ["GET", "form POST", "direct POST"])
def test_one_format_named_several_times_and_ways_is_one_request_for_it(client, method):
    # SPARQLWrapper's TSV: the name, then the media type (for Virtuoso), under each of three parameter names.
    names = [(n, v) for n in ("format", "output", "results") for v in ("tsv", "text/tab-separated-values")]
    if method == "GET":
        r = sparql_get(client, [("query", COUNT), *names], "text/tab-separated-values")
    elif method == "form POST":
        r = sparql_form(client, [("query", COUNT), *names], "text/tab-separated-values")
    else:
        r = client.post("/sparql?" + urlencode(names), data=COUNT, content_type="application/sparql-query")
    assert r.status_code == 200 and r.mimetype == "text/tab-separated-values"
    assert r.get_data(as_text=True).splitlines()[0] == "?n"


@pytest.mark.parametrize("params,media", [
    ([("format", "csv"), ("format", "json")], "text/csv"),  # the first value of a name
    ([("format", "csv"), ("output", "json")], "application/sparql-results+json"),  # output before format
    ([("results", "tsv"), ("format", "xml")], "application/sparql-results+xml"),  # format before results
    ([("results", "tsv")], "text/tab-separated-values"),
    ([("output", ""), ("format", "csv")], "text/csv"),  # an empty value is no value
    ([("format", "TSV")], "text/tab-separated-values"),
    ([("format", "text/csv; charset=utf-8")], "text/csv"),
    ([("output", "sparql")], "application/sparql-results+xml"),  # Fuseki's name
])
def test_disagreeing_format_parameters_are_resolved_as_fuseki_does(client, params, media):
    r = sparql_get(client, [("query", COUNT), *params], "application/sparql-results+json")
    assert r.status_code == 200 and r.mimetype == media


@pytest.mark.parametrize("value,media", [
    ("xml", "application/rdf+xml"), ("json", "application/ld+json"),  # Fuseki's names for a graph
    ("rdf+xml", "application/rdf+xml"), ("rdf", "application/rdf+xml"), ("json-ld", "application/ld+json"),
    ("n3", "text/turtle"), ("ttl", "text/turtle"), ("nt", "application/n-triples"), ("n-quads", "application/n-quads"),
])
def test_format_names_clients_use_for_graphs(client, value, media):
    r = sparql_get(client, [("query", CONSTRUCT), ("format", value)])
    assert r.status_code == 200 and r.mimetype == media


def test_a_format_that_does_not_fit_the_result_is_406_whatever_the_accept_header(client):
    for query, value, accept in ((CONSTRUCT, "csv", "text/turtle"), (COUNT, "turtle", "application/sparql-results+json"),
                                 (COUNT, "no-such-format", "*/*")):
        r = sparql_get(client, [("query", query), ("output", value)], accept)
        assert r.status_code == 406 and f"format={value!r}" in r.get_data(as_text=True)


def test_a_repeated_query_or_update_is_still_refused(client):
    r = sparql_get(client, [("query", COUNT), ("query", COUNT)])
    assert r.status_code == 400 and "'query' parameter is given 2 times" in r.get_data(as_text=True)
    r = sparql_form(client, [("query", COUNT), ("query", "ASK {}")])
    assert r.status_code == 400 and "'query' parameter is given 2 times" in r.get_data(as_text=True)
    r = sparql_get(client, [("update", "CLEAR ALL"), ("update", "CLEAR ALL")])
    assert r.status_code == 400 and "'update' parameter is given 2 times" in r.get_data(as_text=True)


def test_406_when_nothing_acceptable(client):
    r = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "available" in r.get_data(as_text=True)


def test_a_fact_two_documents_support_counts_once_over_http(client):
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{KH}> <https://landbridge-kg.org/ontology#hasPresenceIn> ?o }}"
    distinct = f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ <{KH}> <https://landbridge-kg.org/ontology#hasPresenceIn> ?o }}"
    n = bindings(client.get("/sparql", query_string={"query": q}))[0]["n"]["value"]
    d = bindings(client.get("/sparql", query_string={"query": distinct}))[0]["n"]["value"]
    assert n == d and int(n) > 0


def test_dataset_parameters_restrict_the_dataset(client):
    g = "https://landbridge-kg.org/graph/documents"
    r = client.get("/sparql", query_string={"query": COUNT, "default-graph-uri": g})
    docs = int(bindings(r)[0]["n"]["value"])
    total = int(bindings(client.get("/sparql", query_string={"query": COUNT}))[0]["n"]["value"])
    assert 0 < docs < total


def test_service_description(client):
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    g = rdflib.Graph().parse(data=r.data, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    service = g.value(None, rdflib.RDF.type, sd.Service) or next(g.subjects(rdflib.RDF.type, sd.Service))
    assert (service, sd.feature, sd.UnionDefaultGraph) in g
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    total = int(bindings(client.get("/sparql", query_string={"query": COUNT}))[0]["n"]["value"])
    default = next(g.objects(None, sd.defaultGraph))
    assert int(g.value(default, void.triples)) == total
    assert len(list(g.objects(None, sd.namedGraph))) > 300
    assert list(g.objects(None, void.classPartition)) and list(g.objects(None, void.propertyPartition))
    for fmt in ("application/ld+json", "application/rdf+xml"):
        assert client.get("/sparql", headers={"Accept": fmt}).mimetype == fmt


def test_browsers_get_a_page(client):
    r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert "read-only SPARQL 1.1 endpoint" in r.get_data(as_text=True)


@pytest.mark.parametrize("request_args", [
    {"method": "GET", "query_string": {"update": "DROP ALL"}},
    {"method": "POST", "data": {"update": "DROP ALL"}},
    {"method": "POST", "data": "DROP ALL", "content_type": "application/sparql-update"},
    {"method": "POST", "data": "INSERT DATA { <a:b> <a:c> <a:d> }", "content_type": "application/sparql-query"},
    {"method": "GET", "query_string": {"query": "CLEAR DEFAULT"}},
])
def test_updates_are_refused_and_change_nothing(client, request_args):
    before = bindings(client.get("/sparql", query_string={"query": COUNT}))
    r = client.open("/sparql", **request_args)
    assert r.status_code == 403
    assert "read-only" in r.get_data(as_text=True)
    assert bindings(client.get("/sparql", query_string={"query": COUNT})) == before


def test_service_is_refused_by_default(client):
    r = client.get("/sparql", query_string={"query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 400
    assert "SERVICE" in r.get_data(as_text=True)


def test_service_outside_the_allow_list_is_refused(built):
    app = create_app({"BUILD_DIR": str(built.build), "SERVICE_ALLOWLIST": ["https://query.wikidata.org/"]})
    r = app.test_client().get("/sparql", query_string={"query": "SELECT * { SERVICE ?x { ?s ?p ?o } }"})
    assert r.status_code == 400 and "allow-list" in r.get_data(as_text=True)


def test_malformed_query_gives_parser_message_and_position(client):
    r = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400
    text = r.get_data(as_text=True)
    assert "malformed query" in text and "1:" in text


def test_a_malformed_query_is_400_even_when_no_result_format_fits(client):
    # The client accepts only plain text, which no SELECT result comes in: the query's own fault comes first.
    r = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y "}, headers={"Accept": "text/plain"})
    assert r.status_code == 400 and "malformed query" in r.get_data(as_text=True)
    r = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y ?z }"}, headers={"Accept": "text/plain"})
    assert r.status_code == 406


def test_errors_as_json_when_preferred(client):
    r = client.get("/sparql", query_string={"query": "SELEC"}, headers={"Accept": "application/json"})
    assert r.status_code == 400 and r.mimetype == "application/json"
    assert json.loads(r.data)["error"]["status"] == 400


def test_wrong_method_405_with_allow(client):
    r = client.put("/sparql", data="x")
    assert r.status_code == 405
    assert "GET" in r.headers["Allow"] and "POST" in r.headers["Allow"]


def test_unsupported_content_type_415(client):
    r = client.post("/sparql", data="SELECT * {}", content_type="text/plain")
    assert r.status_code == 415


def test_size_limits_413(built):
    app = create_app({"BUILD_DIR": str(built.build), "MAX_QUERY_LENGTH": 100, "MAX_BODY_BYTES": 1000})
    c = app.test_client()
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200
    assert c.get("/sparql", query_string={"query": long_query}).status_code == 413
    assert c.post("/sparql", data="x" * 5000, content_type="application/sparql-query").status_code == 413


def test_cors_and_revalidation(client):
    r = client.get("/sparql", query_string={"query": COUNT})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.headers["ETag"] and r.headers["Last-Modified"]
    again = client.get("/sparql", query_string={"query": COUNT}, headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304
    pre = client.options("/sparql", headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 204 and "POST" in pre.headers["Access-Control-Allow-Methods"]


def test_unexpected_errors_are_500_and_logged(built, caplog):
    app = create_app({"BUILD_DIR": str(built.build)})

    class Broken:
        def query(self, *args, **kwargs):
            raise RuntimeError("boom")

    app.extensions["kg"].store = Broken()
    with caplog.at_level(logging.ERROR, logger="server"):
        r = app.test_client().get("/sparql", query_string={"query": COUNT})
    assert r.status_code == 500
    assert "boom" not in r.get_data(as_text=True)
    assert any("unexpected error" in rec.message for rec in caplog.records)


def test_row_cap_is_stated_in_headers(built):
    app = create_app({"BUILD_DIR": str(built.build), "MAX_ROWS": 5})
    c = app.test_client()
    r = c.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert len(bindings(r)) == 5
    assert r.headers["X-SPARQL-Truncated"] == "true" and r.headers["X-SPARQL-Max-Rows"] == "5"
    small = c.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 3"})
    assert len(bindings(small)) == 3 and "X-SPARQL-Truncated" not in small.headers


@pytest.mark.parametrize("query", [
    "PREFIX x: <http://e\\u0078/> SELECT * { ?s ?p ?o }",  # an escape the text-reading cap once missed
    "PREFIX x: <http://e/\u00a0#> SELECT * { ?s ?p ?o }",
    "# LIMIT 2\nSELECT * { ?s ?p ?o }",
    "SELECT * { ?s ?p ?o } LIMIT 100000",
    "SELECT * { { SELECT * { ?s ?p ?o } LIMIT 100 } }",
    "SELECT * { ?s ?p ?o FILTER(?o != 'LIMIT 2') } VALUES ?x { 1 }",
])
@pytest.mark.parametrize("fmt,count", [
    ("application/sparql-results+json", lambda r: len(bindings(r))),
    ("application/sparql-results+xml", lambda r: r.data.count(b"<result>")),
    ("text/csv", lambda r: len(list(__import__("csv").reader(__import__("io").StringIO(r.get_data(as_text=True))))) - 1),
    ("text/tab-separated-values", lambda r: r.data.count(b"\n") - 1),
])
def test_the_row_cap_holds_whatever_the_text_says(built, query, fmt, count):
    """The cap counts the rows the engine writes, so no way of writing the query escapes it."""
    c = create_app({"BUILD_DIR": str(built.build), "MAX_ROWS": 7, "RESULT_CACHE_MB": 0}).test_client()
    r = c.get("/sparql", query_string={"query": query}, headers={"Accept": fmt})
    assert r.status_code == 200, r.data
    rows = count(r)
    assert rows == 7 and r.headers["X-SPARQL-Truncated"] == "true" and r.headers["X-SPARQL-Max-Rows"] == "7", (rows, r.data[-200:])


def test_gzip_when_asked(client):
    r = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 200"},
                   headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("Content-Encoding") == "gzip"
    import gzip
    assert json.loads(gzip.decompress(r.data))["results"]["bindings"]
    plain = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 200"})
    assert "Content-Encoding" not in plain.headers


def test_one_access_log_line_per_request(client, caplog):
    with caplog.at_level(logging.INFO, logger="server.access"):
        client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 7"})
    lines = [r.getMessage() for r in caplog.records if r.name == "server.access"]
    assert len(lines) == 1
    assert lines[0].startswith("GET /sparql 200 ") and lines[0].endswith("rows=7")


def test_the_served_access_log_writes_the_lines_its_handler_would(client, monkeypatch):
    """Under kg serve the access log's lines skip the logging machinery (a line per request must cost little), and
    read exactly as the server's log handler would have written them."""
    import io
    import re

    from server import access

    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    logger = logging.getLogger("server")
    saved = logger.handlers[:], logger.level, logger.propagate
    logger.handlers = []
    try:
        access.log_to_stderr()
        assert access._direct is not None
        client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 7"})
        client.get("/sparql", query_string={"query": "ASK {}"})
        logging.getLogger("server.access").info("%s", "through the handler")
    finally:
        logger.handlers, logger.level, logger.propagate = saved
        monkeypatch.setattr(access, "_direct", None)
    lines = stream.getvalue().splitlines()
    shape = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \[%d\] server\.access INFO (.*)$" % os.getpid())
    said = [shape.match(line).group(1) for line in lines]
    assert re.fullmatch(r"GET /sparql 200 \d+\.\dms rows=7", said[0])
    assert re.fullmatch(r"GET /sparql 200 \d+\.\dms rows=-", said[1])
    assert said[2] == "through the handler"


def test_revalidation_is_answered_without_evaluating(built):
    tag = create_app({"BUILD_DIR": str(built.build)}).test_client().get("/sparql", query_string={"query": COUNT})
    app = create_app({"BUILD_DIR": str(built.build)})

    class Unused:
        def query(self, *args, **kwargs):
            raise AssertionError("a revalidated query must not be evaluated")

    app.extensions["kg"].store = Unused()
    c = app.test_client()
    assert c.get("/sparql", query_string={"query": COUNT}, headers={"If-None-Match": tag.headers["ETag"]}).status_code == 304
    since = {"If-Modified-Since": tag.headers["Last-Modified"]}
    assert c.get("/sparql", query_string={"query": COUNT}, headers=since).status_code == 304
    # Another format is another representation, with another tag.
    other = create_app({"BUILD_DIR": str(built.build)}).test_client().get(
        "/sparql", query_string={"query": COUNT}, headers={"Accept": "text/csv", "If-None-Match": tag.headers["ETag"]})
    assert other.status_code == 200 and other.headers["ETag"] != tag.headers["ETag"]
    older = {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
    fresh = create_app({"BUILD_DIR": str(built.build)}).test_client()
    assert fresh.get("/sparql", query_string={"query": COUNT}, headers=older).status_code == 200


def test_head_gives_the_headers_of_get(client):
    get = client.get("/sparql", query_string={"query": COUNT})
    head = client.head("/sparql", query_string={"query": COUNT})
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Type"] == get.headers["Content-Type"] and head.headers["ETag"] == get.headers["ETag"]


def test_repeated_queries_are_answered_from_the_release_cache(built):
    c = create_app({"BUILD_DIR": str(built.build)}).test_client()
    first = c.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "text/turtle"})
    again = c.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "text/turtle"})
    assert "X-Cache" not in first.headers and again.headers["X-Cache"] == "hit"
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    zipped = c.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "text/turtle", "Accept-Encoding": "gzip"})
    import gzip
    assert zipped.headers["X-Cache"] == "hit" and gzip.decompress(zipped.data) == first.data
    capped = create_app({"BUILD_DIR": str(built.build), "MAX_ROWS": 5}).test_client()
    for _ in range(2):
        r = capped.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
        assert r.headers["X-SPARQL-Truncated"] == "true" and len(bindings(r)) == 5
    assert r.headers["X-Cache"] == "hit"
    # A relative IRI resolves against the endpoint's public IRI (the release's base), whatever the Host.
    relative = "SELECT ?x WHERE { BIND(<thing> AS ?x) }"
    here = c.get("/sparql", query_string={"query": relative}, headers={"Host": "a.example"})
    there = c.get("/sparql", query_string={"query": relative}, headers={"Host": "b.example"})
    assert bindings(here)[0]["x"]["value"] == bindings(there)[0]["x"]["value"] == "https://landbridge-kg.org/thing"
    assert there.headers["X-Cache"] == "hit"


def test_the_cache_can_be_turned_off(built):
    c = create_app({"BUILD_DIR": str(built.build), "RESULT_CACHE_MB": 0}).test_client()
    for _ in range(2):
        r = c.get("/sparql", query_string={"query": COUNT})
        assert r.status_code == 200 and "X-Cache" not in r.headers


def test_the_cache_keeps_within_its_bound():
    from server.cache import Answer, ResultCache

    cache = ResultCache(16 * 100)
    for i in range(50):
        cache.put(str(i), Answer("text/plain", bytes(100), None, ()))
    assert cache.size <= 1600 and len(cache) == 16
    assert cache.get("49") is not None and cache.get("0") is None
    cache.put("big", Answer("text/plain", bytes(101), None, ()))  # over a sixteenth of the bound: not kept
    assert cache.get("big") is None


@pytest.mark.slow  # pySHACL over the whole graph as served
def test_the_default_graph_as_served_conforms_to_the_published_shapes(client, built):
    """What a client gets from the endpoint validates under shapes.ttl, as the dumps do: the store hands
    derived integer types back as xsd:integer (oa:start "5"^^xsd:nonNegativeInteger comes back as
    "5"^^xsd:integer), and the shapes accept an integer in range written either way."""
    r = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                   headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and "X-SPARQL-Truncated" not in r.headers
    served = rdflib.Graph().parse(data=r.get_data(as_text=True), format="nt")
    datatypes = {o.datatype for o in served.objects() if isinstance(o, rdflib.Literal)}
    assert datatypes & {XSD.integer, XSD.nonNegativeInteger} == {XSD.integer}  # the engine's canonical form, not the dumps'
    shapes = rdflib.Graph().parse(built.shapes, format="turtle")
    conforms, _, text = pyshacl.validate(served, shacl_graph=shapes, inference="none", advanced=True)
    assert conforms, text[:2000]


def test_a_small_release_is_served_from_a_copy_in_memory_that_answers_as_the_store_on_disk(built):
    """Up to KG_MEMORY_STORE_QUADS quads the server reads a copy in memory; past it (or at 0), the store on disk."""
    from kg.store import in_memory

    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    quads = json.loads((built.build / "current" / "stats.json").read_text())["quads"]
    answers = {}
    for limit, copied in ((0, False), (quads - 1, False), (quads, True)):
        app = create_app({"BUILD_DIR": str(built.build), "MEMORY_STORE_QUADS": limit})
        store = app.extensions["kg"].store
        answers[limit] = app.test_client().get("/sparql", query_string={"query": query}).get_json()
        assert in_memory(store) == copied, limit
        assert len(store) == quads
    assert answers[0] == answers[quads - 1] == answers[quads] and len(answers[0]["results"]["bindings"]) > 300


@pytest.mark.parametrize("accept,rows_of", [
    ("application/sparql-results+json", lambda body: len(json.loads(body)["results"]["bindings"])),
    ("application/sparql-results+xml", lambda body: body.count(b"<result>")),
    ("text/csv", lambda body: len(list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))) - 1),
    ("text/tab-separated-values", lambda body: body.count(b"\n") - 1),
])
def test_the_row_cap_holds_wherever_the_answer_crosses_it(built, accept, rows_of):
    """The cap is looked at as the kept answer grows and once more when it is whole: an answer over it is always cut
    to it and says so, one at or under it is whole, however long its rows are."""
    client = create_app({"BUILD_DIR": str(built.build), "MAX_ROWS": 1000, "RESULT_CACHE_MB": 0}).test_client()
    everything = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"
    for limit, truncated in ((999, False), (1000, False), (1001, True), (5000, True), (None, True)):
        query = everything + (f" LIMIT {limit}" if limit else "")
        r = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["X-SPARQL-Max-Rows"] == "1000"
        assert ("X-SPARQL-Truncated" in r.headers) == truncated, limit
        assert rows_of(r.data) == min(limit or 10**9, 1000), limit
