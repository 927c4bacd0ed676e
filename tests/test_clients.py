"""Real clients against a running `kg serve`: curl, SPARQLWrapper, rdflib's SPARQLStore, Apache Jena.

Each must get the same answers as the store gives in-process.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from .conftest import select

QUERY = """PREFIX lb: <https://landbridge-kg.org/ontology#>
SELECT ?militia ?crossing WHERE { ?militia lb:controls ?crossing } ORDER BY ?militia ?crossing"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def expected(store) -> list[tuple[str, str]]:
    return [(r["militia"], r["crossing"]) for r in select(store, QUERY)]


def test_curl(server_url, store):
    out = subprocess.run(
        ["curl", "-sS", "--fail", "-H", "Accept: application/sparql-results+json",
         "--data-urlencode", f"query={QUERY}", server_url],
        capture_output=True, check=True, timeout=30).stdout
    rows = [(b["militia"]["value"], b["crossing"]["value"]) for b in json.loads(out)["results"]["bindings"]]
    assert rows == expected(store) and rows


def test_sparqlwrapper(server_url, store):
    client = SPARQLWrapper(server_url)
    client.setQuery(QUERY)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    rows = [(b["militia"]["value"], b["crossing"]["value"]) for b in data["results"]["bindings"]]
    assert rows == expected(store)


def test_rdflib_sparqlstore(server_url, store):
    graph = rdflib.Graph(SPARQLStore(query_endpoint=server_url))
    rows = [(str(r.militia), str(r.crossing)) for r in graph.query(QUERY)]
    assert rows == expected(store)


def get(url: str, query: str, timeout: float = 30) -> tuple[int, bytes, dict]:
    full = url + "?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(full, timeout=timeout) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read(), dict(err.headers)


def test_a_runaway_query_times_out_while_others_are_answered(server_url):
    with ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        runaway = pool.submit(get, server_url, RUNAWAY)
        time.sleep(0.3)
        during = [get(server_url, "ASK { ?s ?p ?o }")[0] for _ in range(5)]
        status, body, headers = runaway.result()
        elapsed = time.monotonic() - started
    assert status == 503 and headers.get("Retry-After")
    assert b"did not finish within 2 s" in body
    assert elapsed < 2 + 1.5
    assert during == [200] * 5
    # The worker that ran it has ended and been replaced: the server keeps answering.
    time.sleep(1)
    assert [get(server_url, "ASK { ?s ?p ?o }")[0] for _ in range(6)] == [200] * 6


def test_apache_jena_rsparql(server_url, store, tmp_path):
    from kg.paths import PROJECT_ROOT

    query_file = tmp_path / "q.rq"
    query_file.write_text(QUERY)
    out = subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "jena"), "arq.rsparql", "--service", server_url,
         "--query", str(query_file), "--results=json"],
        capture_output=True, check=True, timeout=120).stdout
    rows = [(b["militia"]["value"], b["crossing"]["value"]) for b in json.loads(out)["results"]["bindings"]]
    assert rows == expected(store)


def fetch(url: str, query: str, accept: str, encoding: str | None = None) -> tuple[bytes, dict]:
    headers = {"Accept": accept, **({"Accept-Encoding": encoding} if encoding else {})}
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}), headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), {k.lower(): v for k, v in response.headers.items()}


def test_large_answers_stream_and_arrive_whole(server_url, store):
    import gzip

    import pyoxigraph as ox

    query = "CONSTRUCT WHERE { ?s ?p ?o }"  # the whole default graph: several MB of N-Triples
    expected_triples = sum(1 for _ in store.query(query))
    body, headers = fetch(server_url, query, "application/n-triples")
    assert "content-length" not in headers  # sent as it was produced
    assert len(body) > 1 << 20
    assert sum(1 for _ in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)) == expected_triples
    zipped, headers = fetch(server_url, query, "application/n-triples", "gzip")
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(zipped) == body


def test_a_capped_select_is_sent_whole_with_its_truncation_header(server_url):
    query = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"  # more quads than the default cap of 10000
    body, headers = fetch(server_url, query, "application/sparql-results+json")
    assert headers["x-sparql-truncated"] == "true" and headers["x-sparql-max-rows"] == "10000"
    assert int(headers["content-length"]) == len(body) > 1 << 20
    assert len(json.loads(body)["results"]["bindings"]) == 10000
