"""Real clients against a running `kg serve`: curl, SPARQLWrapper, rdflib's SPARQLStore, Apache Jena, Comunica.

Each must get the same answers as the store gives in-process. SPARQLWrapper is tried with every return format
it has, by GET and by POST (URL-encoded and direct), with its defaults (it names the format in `format`,
`output` and `results`, some formats twice); Comunica's command-line client (tests/clients/, installed by
`scripts/install --test`) queries the endpoint as a SPARQL source.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import time
import urllib.parse
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor
from xml.dom.minidom import Document

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import to_isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDF, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper

from kg.paths import PROJECT_ROOT

from .conftest import select

pytestmark = pytest.mark.slow  # every test asks a real `kg serve` (uWSGI) through a client, most through a client program

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


# --- Every SPARQLWrapper return format, by every method it has ---------------------------------------------------

KH = "https://landbridge-kg.org/id/kataib-hezbollah"
LABELS = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label ?alt WHERE {{ <{KH}> rdfs:label ?label ; skos:altLabel ?alt }} ORDER BY ?alt"""
ASK_TRUE = f'ASK {{ <{KH}> <http://www.w3.org/2000/01/rdf-schema#label> "Kataib Hezbollah"@en }}'
ASK_FALSE = f'ASK {{ <{KH}> <http://www.w3.org/2000/01/rdf-schema#label> "Kataib Hezbollah"@de }}'
GRAPH_QUERIES = {"construct": f"CONSTRUCT {{ <{KH}> ?p ?o }} WHERE {{ <{KH}> ?p ?o }}", "describe": f"DESCRIBE <{KH}>"}
LABEL = (rdflib.URIRef(KH), rdflib.RDFS.label, rdflib.Literal("Kataib Hezbollah", lang="en"))

METHODS = {"GET": None, "POST-urlencoded": URLENCODED, "POST-directly": POSTDIRECTLY}
RESULTS_FORMATS = [JSON, XML, CSV, TSV]
# Every format SPARQLWrapper has for a graph. JSON and RDF make it send `Accept: */*` (with a warning of its
# own); it then reads what comes back by its Content-Type.
GRAPH_FORMATS = [XML, RDFXML, RDF, TURTLE, N3, JSONLD, JSON]


def wrapper(url: str, query: str, return_format: str, method: str) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    if METHODS[method] is not None:
        client.setMethod(POST)
        client.setRequestMethod(METHODS[method])
    return client


def answer(client: SPARQLWrapper, graph: bool = False):
    """The client's query, run, and its answer as `.convert()` gives it; a warning that the endpoint answered in
    another format than the one asked for fails the test."""
    with warnings.catch_warnings(record=True) as sent:
        warnings.simplefilter("always")
        result = client.query()
    unexpected = [str(w.message) for w in sent if not (graph and "Sending Accept header '*/*'" in str(w.message))]
    assert unexpected == []
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="Format requested was", category=RuntimeWarning)
        warnings.filterwarnings("error", message="unknown response content type", category=RuntimeWarning)
        return result.convert(), result.info()["content-type"]


def label_rows(store) -> list[tuple[str, str, str, str]]:
    """(label, its language, alternative label, its language) in the store, in the query's order."""
    rows = store.query(LABELS)
    return [(r["label"].value, r["label"].language, r["alt"].value, r["alt"].language) for r in rows]


def tsv_term(value: str, language: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"@' + language


def rows_of(converted, return_format: str) -> list[tuple]:
    """The rows of a SELECT answer as `.convert()` gives it, in each format's own terms."""
    if return_format == JSON:
        return [(b["label"]["value"], b["label"]["xml:lang"], b["alt"]["value"], b["alt"]["xml:lang"])
                for b in converted["results"]["bindings"]]
    if return_format == XML:
        assert isinstance(converted, Document)
        rows = []
        for result in converted.getElementsByTagName("result"):
            literals = {b.getAttribute("name"): b.getElementsByTagName("literal")[0]
                        for b in result.getElementsByTagName("binding")}
            rows.append(tuple(x for name in ("label", "alt")
                              for x in (literals[name].firstChild.data, literals[name].getAttribute("xml:lang"))))
        return rows
    text = converted.decode("utf-8")
    if return_format == CSV:  # plain values: CSV has no language tags
        table = list(csv.reader(io.StringIO(text)))
        assert table[0] == ["label", "alt"]
        return [tuple(row) for row in table[1:]]
    lines = text.splitlines()  # TSV: terms in Turtle syntax
    assert lines[0].split("\t") == ["?label", "?alt"]
    return [tuple(line.split("\t")) for line in lines[1:]]


def expected_rows(store, return_format: str) -> list[tuple]:
    rows = label_rows(store)
    if return_format == CSV:
        return [(label, alt) for label, _, alt, _ in rows]
    if return_format == TSV:
        return [(tsv_term(label, ll), tsv_term(alt, al)) for label, ll, alt, al in rows]
    return rows


def boolean_of(converted, return_format: str) -> bool:
    if return_format == JSON:
        return converted["boolean"]
    if return_format == XML:
        return {"true": True, "false": False}[converted.getElementsByTagName("boolean")[0].firstChild.data.strip()]
    return {b"true": True, b"false": False}[converted.strip()]


def as_graph(converted, return_format: str, content_type: str) -> rdflib.Graph:
    """A graph answer as `.convert()` gives it (an rdflib graph, or the Turtle/N-Triples text), as one rdflib graph."""
    graph = rdflib.Graph()
    if isinstance(converted, bytes):
        syntax = "nt" if content_type.startswith("application/n-triples") else "turtle"
        return graph.parse(data=converted.decode("utf-8"), format=syntax)
    assert isinstance(converted, rdflib.Graph), (return_format, type(converted))
    for triple in converted.triples((None, None, None)):
        graph.add(triple)
    return graph


def store_graph(store, query: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=ox.serialize(store.query(query), format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("return_format", RESULTS_FORMATS)
def test_sparqlwrapper_select(server_url, store, return_format, method):
    converted, _ = answer(wrapper(server_url, LABELS, return_format, method))
    rows = rows_of(converted, return_format)
    assert rows == expected_rows(store, return_format)
    assert len(rows) >= 4 and any("\u2019" in "".join(row) for row in rows)  # "Kata’aib Hezbollah": UTF-8 kept


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("return_format", RESULTS_FORMATS)
def test_sparqlwrapper_ask(server_url, return_format, method):
    for query, truth in ((ASK_TRUE, True), (ASK_FALSE, False)):
        converted, _ = answer(wrapper(server_url, query, return_format, method))
        assert boolean_of(converted, return_format) is truth


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("return_format", GRAPH_FORMATS)
@pytest.mark.parametrize("form", GRAPH_QUERIES)
def test_sparqlwrapper_graph(server_url, store, form, return_format, method):
    converted, content_type = answer(wrapper(server_url, GRAPH_QUERIES[form], return_format, method), graph=True)
    graph = as_graph(converted, return_format, content_type)
    assert LABEL in graph
    assert to_isomorphic(graph) == to_isomorphic(store_graph(store, GRAPH_QUERIES[form]))


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("form", GRAPH_QUERIES)
def test_sparqlwrapper_ntriples_by_accept(server_url, store, form, method):
    # SPARQLWrapper has no N-Triples return format: with its N3 format it reads N-Triples asked for by Accept alone.
    client = wrapper(server_url, GRAPH_QUERIES[form], N3, method)
    client.setOnlyConneg(True)
    client.addCustomHttpHeader("Accept", "application/n-triples")
    converted, content_type = answer(client, graph=True)
    assert content_type.startswith("application/n-triples")
    graph = as_graph(converted, N3, content_type)
    assert LABEL in graph
    assert to_isomorphic(graph) == to_isomorphic(store_graph(store, GRAPH_QUERIES[form]))


# --- Comunica's command-line client ----------------------------------------------------------------------------

COMUNICA = PROJECT_ROOT / "tests" / "clients" / "node_modules" / ".bin" / "comunica-sparql"
# Comunica sends a query by GET when the URL stays under 600 characters, by POST otherwise: a VALUES list of
# entities, most of them unknown, makes this one long enough.
LONG_LABELS = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?e ?label WHERE { VALUES ?e { "
               + " ".join(f"<https://landbridge-kg.org/id/no-such-entity-{i}>" for i in range(30))
               + f" <{KH}> }} ?e rdfs:label ?label }}")
SHORT_LABELS = f"SELECT ?e ?label WHERE {{ VALUES ?e {{ <{KH}> }} ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"


def comunica(url: str, query: str, media_type: str | None = None) -> tuple[str, list[str]]:
    """Comunica's output for the query over the endpoint as a SPARQL source, and the HTTP methods it used."""
    if not COMUNICA.exists():
        pytest.fail(f"{COMUNICA} is missing: scripts/install --test installs Comunica (npm ci in tests/clients)",
                    pytrace=False)
    command = [str(COMUNICA), f"sparql@{url}", "--logLevel", "info", *(["-t", media_type] if media_type else []), query]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    methods = re.findall(r"Requesting \S+ \{.*?method: '(\w+)'", done.stderr, re.S)
    return done.stdout, methods


@pytest.mark.parametrize("query,method", [(SHORT_LABELS, "GET"), (LONG_LABELS, "POST")], ids=["GET", "POST"])
def test_comunica_select_keeps_language_tags(server_url, query, method):
    out, methods = comunica(server_url, query, "application/sparql-results+json")
    assert set(methods) == {method}
    bindings = json.loads(out)["results"]["bindings"]
    assert bindings == [{"e": {"type": "uri", "value": KH},
                         "label": {"type": "literal", "value": "Kataib Hezbollah", "xml:lang": "en"}}]


def test_comunica_ask(server_url):
    assert comunica(server_url, ASK_TRUE)[0].strip() == "true"
    assert comunica(server_url, ASK_FALSE)[0].strip() == "false"


def test_comunica_construct(server_url, store):
    query = GRAPH_QUERIES["construct"]
    out, methods = comunica(server_url, query, "application/n-triples")
    assert methods
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(out.encode(), format=ox.RdfFormat.N_TRIPLES)}
    assert triples == set(store.query(query))
    assert ox.Triple(ox.NamedNode(KH), ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
                     ox.Literal("KH", language="en")) in triples


def test_one_connection_carries_many_queries(server_url, store):
    """HTTP/1.1 keep-alive, as browsers, requests.Session, httpx and Jena use it: a client that opens one connection
    sends query after query on it (evaluated ones, distinct each time, and repeated ones), and every answer comes on
    that connection, whole, with nothing that closes it."""
    import http.client

    parts = urllib.parse.urlsplit(server_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.connect()
    opened = connection.sock
    entities = [row["s"] for row in select(store, "SELECT DISTINCT ?s WHERE { ?s a ?t } ORDER BY ?s LIMIT 40")]
    for i in range(120):
        iri = entities[i % len(entities)]
        query = f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}" + (f"\n# {i}" if i % 2 else "")
        connection.request("GET", parts.path + "?" + urllib.parse.urlencode({"query": query}),
                           headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200, body[:300]
        assert (response.getheader("Connection") or "").lower() != "close" and not response.will_close
        rows = json.loads(body)["results"]["bindings"]
        assert len(rows) == len(select(store, query)) > 0
        assert connection.sock is opened  # the same connection: never closed and opened again
    connection.close()
