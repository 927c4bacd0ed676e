"""`kg build --store` / `kg serve --store` over Virtuoso open source (a private instance on loopback).

The same endpoint, pages and limits as on the embedded store, with the same answers, apart from one
documented Virtuoso fault (KNOWN_WRONG). How kg.remote meets Virtuoso's differences (no default graph
of its own, a union default graph, authenticated update endpoints, cut answers) is in its docstring;
the differences themselves are pinned in tests/test_virtuoso_peer.py.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.paths import PROJECT_ROOT
from kg.remote import RELEASE_GRAPH, StoreError
from kg.store import StaleStoreError, load_remote, open_remote

from .conftest import BASE, running_server, virtuoso_instance
from .test_remote_store import _fake_release, check_pages_and_dereferencing, fetch, lines

pytestmark = pytest.mark.slow  # serves from a private Virtuoso instance through a real `kg serve`

QUERIES = sorted((PROJECT_ROOT / "ontology" / "queries").glob("*.rq"))
MAX_ROWS = 8_000  # Virtuoso's own cap (ResultSetMaxRows), below the graph's 10k triples: a cut answer is seen
# Competency questions where Virtuoso 7.2 loses rows: joins with a zero-or-more path (a/rdfs:subClassOf*)
# come back short once a dataset is named (test_virtuoso_loses_rows_in_joins_with_a_star_path_under_a_dataset).
KNOWN_WRONG = {"01-militias-controlling-crossings", "05-route-iran-cannot-use", "10-groups-iran-sponsors"}
# The same join with a zero-or-more path (`rdfs:subClassOf*` in a subquery) comes back short in some runs and whole
# in others: never with a wrong row.
SOMETIMES_SHORT = {"30-plans-and-predictions-that-came-true"}


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    home = tmp_path_factory.mktemp("virtuoso-store")
    with virtuoso_instance(home, VIRTUOSO_MAX_ROWS=str(MAX_ROWS), VIRTUOSO_QUERY_TIMEOUT="30") as values:
        values["password"] = Path(values["STORE_PASSWORD_FILE"]).read_text()
        yield values


@pytest.fixture(scope="module")
def served(built, virtuoso, tmp_path_factory):
    """`kg serve --store <Virtuoso's /sparql>` with only the URL and the credentials set: it finds the store
    empty and loads the build first, through the authenticated endpoints it finds from that URL."""
    log = tmp_path_factory.mktemp("serve-virtuoso") / "serve.log"
    with running_server(built, log, STORE=virtuoso["SPARQL_QUERY_URL"], STORE_USER=virtuoso["STORE_USER"],
                        STORE_PASSWORD=virtuoso["password"], QUERY_TIMEOUT="2", WORKERS="3", MAX_ROWS="5") as url:
        yield url, log


@pytest.fixture()
def credentials(virtuoso, monkeypatch):
    monkeypatch.setenv("KG_STORE_USER", virtuoso["STORE_USER"])
    monkeypatch.setenv("KG_STORE_PASSWORD", virtuoso["password"])
    return {"url": virtuoso["SPARQL_QUERY_URL"]}


def test_serve_loads_the_build_into_virtuoso(served, virtuoso, release, credentials):
    _, log = served
    text = log.read_text()
    assert "loaded " + release.name in text
    assert virtuoso["password"] not in text
    open_remote(release, credentials)  # raises unless the store holds this very build


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_competency_answers_equal_the_embedded_store(served, store, path):
    url, _ = served
    text = path.read_text()
    status, headers, body = fetch(url, "text/csv", {"query": text})
    assert status == 200, body
    answer = store.query(text).serialize(format=ox.QueryResultsFormat.CSV)
    expected, got = lines(answer), lines(body)
    if headers.get("X-SPARQL-Truncated") == "true":  # MAX_ROWS=5: compare the same cut
        assert len(got) == 6 and set(got) <= set(expected)
    elif path.stem in KNOWN_WRONG:
        assert body.splitlines()[0] == answer.splitlines()[0] and set(got) < set(expected)  # short, never wrong rows
    elif path.stem in SOMETIMES_SHORT:
        assert body.splitlines()[0] == answer.splitlines()[0] and set(got) <= set(expected)
    else:
        assert got == expected


def test_counts_equal_the_embedded_store(served, store):
    """Our default graph and our named graphs, not Virtuoso's union of every graph it has."""
    url, _ = served
    for query in ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                  "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                  "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                  f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{BASE}graph/ontology> {{ ?s ?p ?o }} }}",
                  f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(!STRSTARTS(STR(?g), "{BASE}")) }}'):
        status, _, body = fetch(url, "text/csv", {"query": query})
        assert status == 200, body
        expected = store.query(query).serialize(format=ox.QueryResultsFormat.CSV)
        assert lines(body) == lines(expected), query


def test_a_dataset_named_by_the_client_is_the_dataset(served, store):
    url, _ = served
    claim = next(iter(store.query("SELECT ?g { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/claim/')) } LIMIT 1")))["g"].value
    cases = [({"default-graph-uri": claim}, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
             ({"default-graph-uri": claim}, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{claim}> {{ ?s ?p ?o }} }}"),
             ({"named-graph-uri": claim}, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
             ({"named-graph-uri": claim}, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")]
    for dataset, query in cases:
        status, _, body = fetch(url + "?" + urllib.parse.urlencode(dataset), "text/csv", {"query": query})
        assert status == 200, body
        answer = store.query(query, default_graph=[ox.NamedNode(dataset["default-graph-uri"])] if "default-graph-uri" in dataset else None,
                             named_graphs=[ox.NamedNode(dataset["named-graph-uri"])] if "named-graph-uri" in dataset else None)
        assert lines(body) == lines(answer.serialize(format=ox.QueryResultsFormat.CSV)), (dataset, query)


def test_construct_and_describe_equal_the_embedded_store(served, store):
    url, _ = served
    entity = f"<{BASE}id/kataib-hezbollah>"
    for query in (f"CONSTRUCT {{ {entity} ?p ?o }} WHERE {{ {entity} ?p ?o }}", f"DESCRIBE {entity}"):
        status, _, body = fetch(url, "application/n-triples", {"query": query})
        assert status == 200, body
        expected = {str(t) for t in store.query(query)}
        assert {str(t) for t in ox.parse(body, ox.RdfFormat.N_TRIPLES)} == expected and expected, query


def test_pages_and_dereferencing_work_over_virtuoso(served, store):
    check_pages_and_dereferencing(served[0], store)


def test_same_limits_over_virtuoso(served):
    url, _ = served
    status, headers, _ = fetch(url, "text/csv", {"query": f"SELECT * {{ GRAPH <{BASE}graph/ontology> {{ ?s ?p ?o }} }}"})
    assert status == 200 and headers["X-SPARQL-Truncated"] == "true"
    status, _, body = fetch(url, "text/csv, text/plain;q=0.5", {"query": "SELECT * { ?s ?p ?o "})
    assert status == 400 and b"malformed query" in body
    status, _, body = fetch(url, "text/csv, text/plain;q=0.5", {"query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert status == 400 and b"SERVICE" in body
    runaway = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, headers, _ = fetch(url, "text/csv, text/plain;q=0.5", {"query": runaway})
    assert status == 503 and "Retry-After" in headers
    assert fetch(url, "text/csv", {"query": "ASK { ?s ?p ?o }"})[0] == 200  # still answering


def test_an_answer_virtuoso_cut_short_is_an_error_not_a_short_answer(served, release, credentials):
    store = open_remote(release, credentials)
    with pytest.raises(StoreError, match="ResultSetMaxRows"):
        list(store.query("SELECT ?s ?p ?o { ?s ?p ?o }"))  # 10k rows, over Virtuoso's MAX_ROWS
    assert len(list(store.query(f"SELECT ?s ?p ?o {{ ?s ?p ?o }} LIMIT {MAX_ROWS - 1}"))) == MAX_ROWS - 1


def test_virtuoso_loses_rows_in_joins_with_a_star_path_under_a_dataset(served, store, virtuoso):
    """The fault behind KNOWN_WRONG, pinned: the same query over Virtuoso's union of all graphs has the rows."""
    query = (f"SELECT DISTINCT ?g WHERE {{ <{BASE}id/iran> ?r ?g . "
             f"?g a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{BASE}ontology#ArmedGroup> }}")
    expected = lines(store.query(query).serialize(format=ox.QueryResultsFormat.CSV))
    assert len(expected) > 5
    in_default_graph = query.replace(" WHERE", f" FROM <{BASE}graph/default> WHERE")
    for text, rows in ((in_default_graph, 0), (query, len(expected) - 1)):
        status, _, body = fetch(virtuoso["SPARQL_QUERY_URL"], "text/csv", {"query": text})
        assert status == 200 and len(lines(body)) - 1 == rows, (text, body)


def test_a_new_build_replaces_the_previous_one_in_virtuoso(served, release, tmp_path, credentials):
    old = tmp_path / "old"
    _fake_release(old, [ox.Quad(ox.NamedNode(BASE + "id/x"), ox.NamedNode(BASE + "ontology#p"), ox.Literal("1"),
                                ox.NamedNode(BASE + "graph/gone"))], "old@1")
    assert load_remote(old, credentials)["dropped"] > 300  # the served build's graphs
    with pytest.raises(StaleStoreError, match="run `kg build --store"):
        open_remote(release, credentials)
    loaded = load_remote(release, credentials)
    assert loaded["dropped"] == 1
    store = open_remote(release, credentials)
    graphs = store.store_graphs()
    assert BASE + "graph/gone" not in graphs and RELEASE_GRAPH in graphs
    assert not any(g.startswith("urn:landbridge-kg:staging:") for g in graphs)
