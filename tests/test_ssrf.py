"""Nothing a client sends makes the server fetch a URL: a decoy HTTP listener on 127.0.0.1 must
receive no request, whatever the query, the dataset parameters or the allow-list say."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from server import create_app
from server.safety import on_allow_list, unsafe_destination


@pytest.fixture()
def decoy():
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[]}}')

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def app_client(built, **settings):
    return create_app({"BUILD_DIR": str(built.build), **settings}).test_client()


def test_service_to_the_decoy_is_refused_even_when_allow_listed(built, decoy):
    url, hits = decoy
    for settings in ({}, {"SERVICE_ALLOWLIST": [url + "/"]}):
        c = app_client(built, **settings)
        for query in (f"SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
                      f"SELECT * {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
                      f"SELECT * {{ VALUES ?e {{ <{url}/sparql> }} SERVICE ?e {{ ?s ?p ?o }} }}",
                      f"PREFIX d: <{url}/> SELECT * {{ SERVICE d:sparql {{ ?s ?p ?o }} }}"):
            r = c.get("/sparql", query_string={"query": query})
            assert r.status_code == 400, (settings, query)
    allowed = app_client(built, SERVICE_ALLOWLIST=[url + "/"])
    r = allowed.get("/sparql", query_string={"query": f"SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"})
    assert "loopback" in r.get_data(as_text=True)
    assert hits == []


def test_dataset_iris_load_and_url_parameters_fetch_nothing(built, decoy):
    url, hits = decoy
    c = app_client(built)
    assert c.get("/sparql", query_string={"query": f"SELECT * FROM <{url}/data> {{ ?s ?p ?o }}"}).status_code == 200
    assert c.get("/sparql", query_string={"query": f"SELECT * FROM NAMED <{url}/g> {{ GRAPH ?g {{ ?s ?p ?o }} }}"}).status_code == 200
    r = c.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }", "default-graph-uri": f"{url}/a", "named-graph-uri": f"{url}/b"})
    assert r.status_code == 200
    for update in (f"LOAD <{url}/data.ttl>", f"LOAD SILENT <{url}/x> INTO GRAPH <{url}/g>"):
        assert c.get("/sparql", query_string={"update": update}).status_code == 403
        assert c.post("/sparql", data={"update": update}).status_code == 403
        assert c.post("/sparql", data=update, content_type="application/sparql-update").status_code == 403
        assert c.post("/sparql", data=update, content_type="application/sparql-query").status_code == 403
    c.get("/sparql", query_string={"query": "ASK {}", "format": f"{url}/f", "url": f"{url}/u", "callback": f"{url}/c"})
    c.get("/id/kataib-hezbollah", query_string={"format": f"{url}/f"})
    c.get("/sparql", query_string={"query": f"SELECT ?x {{ BIND(IRI('{url}/x') AS ?x) }}"})
    c.get("/sparql", query_string={"query": f"DESCRIBE <{url}/thing>"})
    assert hits == []


@pytest.mark.parametrize("iri,why", [
    ("http://127.0.0.1/sparql", "loopback"), ("http://localhost:8080/", "loopback"), ("http://[::1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"), ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.1.2.3/", "private"), ("http://192.168.0.1/", "private"), ("http://172.16.5.4/", "private"),
    ("http://0.0.0.0/", "unspecified"), ("file:///etc/passwd", "scheme"), ("ftp://example.org/", "scheme"),
    ("gopher://example.org/", "scheme"), ("http:///nohost", "no host"),
])
def test_unsafe_destinations(iri, why):
    reason = unsafe_destination(iri)
    assert reason is not None and why in reason


def test_a_public_address_is_allowed_and_a_name_resolving_inside_is_not():
    def resolver(addresses):
        return lambda host, port, proto=0: [(socket.AF_INET, socket.SOCK_STREAM, proto, "", (a, port)) for a in addresses]

    assert unsafe_destination("https://query.wikidata.org/sparql", resolve=resolver(["208.80.154.224"])) is None
    rebound = unsafe_destination("https://query.wikidata.org/sparql", resolve=resolver(["208.80.154.224", "127.0.0.1"]))
    assert rebound and "loopback" in rebound


def test_allow_list_prefixes_match_origin_and_path():
    allowed = ["https://query.wikidata.org/sparql"]
    assert on_allow_list("https://query.wikidata.org/sparql", allowed)
    assert on_allow_list("https://query.wikidata.org/sparql?x=1", allowed)
    assert not on_allow_list("https://query.wikidata.org.evil.net/sparql", allowed)
    assert not on_allow_list("http://query.wikidata.org/sparql", allowed)
    assert not on_allow_list("https://query.wikidata.org:8443/sparql", allowed)
    assert not on_allow_list("https://query.wikidata.org/other", allowed)
