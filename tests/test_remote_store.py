"""`kg build --store` / `kg serve --store` over a real remote engine: the Oxigraph server on loopback.

The same endpoint, pages and limits over the remote store, with the same answers as the embedded
store; a new build replaces the previous one in the store; bad store settings give one line.
"""

from __future__ import annotations

import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.paths import PROJECT_ROOT
from kg.remote import RELEASE_GRAPH, RemoteStore
from kg.store import StaleStoreError, load_remote, open_remote
from support.checkout import checkout_environ, kg

from .conftest import BASE, oxigraph_server, running_server

pytestmark = pytest.mark.slow  # the Oxigraph server as a peer store, real `kg serve` over it, `kg serve` given stores it cannot use

QUERIES = sorted((PROJECT_ROOT / "ontology" / "queries").glob("*.rq"))


def fetch(url: str, accept: str, data: dict | None = None) -> tuple[int, dict, bytes]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def lines(data: bytes) -> list[str]:
    return sorted(data.decode().replace("\r\n", "\n").splitlines())


@pytest.fixture(scope="module")
def remote(tmp_path_factory):
    folder = tmp_path_factory.mktemp("oxigraph")
    with oxigraph_server(folder / "store", folder / "oxigraph.log") as url:
        yield url


@pytest.fixture(scope="module")
def served(built, remote, tmp_path_factory):
    """`kg serve --store` over the Oxigraph server: it finds the store empty and loads the build first."""
    log = tmp_path_factory.mktemp("serve-remote") / "serve.log"
    with running_server(built, log, STORE=remote, QUERY_TIMEOUT="2", WORKERS="3", MAX_ROWS="5") as url:
        yield url, log


def test_serve_loads_the_build_into_an_empty_store(served, remote, release):
    _, log = served
    assert "loaded " + release.name in log.read_text()
    open_remote(release, {"url": remote})  # raises unless the store holds this very build
    assert RemoteStore(remote).release_version()


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_competency_answers_equal_the_embedded_store(served, store, path):
    url, _ = served
    text = path.read_text()
    status, headers, body = fetch(url, "text/csv", {"query": text})
    expected = store.query(text).serialize(format=ox.QueryResultsFormat.CSV)
    if status == 200 and headers.get("X-SPARQL-Truncated") == "true":  # MAX_ROWS=5: compare the same cut
        expected_rows = lines(expected)
        assert len(lines(body)) == 6  # header + 5 rows
        assert set(lines(body)) <= set(expected_rows)
        return
    assert status == 200, body
    assert lines(body) == lines(expected)


def test_counts_equal_the_embedded_store(served, store):
    url, _ = served
    for query in ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                  "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                  "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"):
        status, _, body = fetch(url, "text/csv", {"query": query})
        assert status == 200
        expected = store.query(query).serialize(format=ox.QueryResultsFormat.CSV)
        if "GRAPH ?g" in query:  # the remote store also holds one marker triple, in a graph of its own: the build it has
            n = int(lines(expected)[0]) + 1
            assert lines(body)[0] == str(n), (query, body)
        else:
            assert lines(body) == lines(expected), query


def check_pages_and_dereferencing(url: str, store: ox.Store) -> None:
    """An entity's page shows its quotes; its Turtle holds its facts as the embedded store has them; the other
    pages answer."""
    site = url.removesuffix("/sparql")
    status, _, page = fetch(site + "/id/kataib-hezbollah", "text/html")
    assert status == 200 and b"<mark" in page
    status, _, turtle = fetch(site + "/id/kataib-hezbollah", "text/turtle")
    assert status == 200
    remote = {str(t) for t in ox.parse(turtle, ox.RdfFormat.TURTLE, base_iri=BASE)}
    query = f"CONSTRUCT {{ <{BASE}id/kataib-hezbollah> ?p ?o }} WHERE {{ <{BASE}id/kataib-hezbollah> ?p ?o }}"
    facts = {str(ox.Quad(t.subject, t.predicate, t.object)) for t in store.query(query)}
    assert facts and facts <= remote
    assert fetch(site + "/id/no-such-thing", "text/turtle")[0] == 404
    for path in ("/", "/map", "/timeline.json", "/.well-known/void", "/id/document/003",
                 "/browse?class=" + urllib.parse.quote(BASE + "ontology#Militia")):
        assert fetch(site + path, "*/*")[0] == 200, path


def test_pages_and_dereferencing_work_over_the_remote_store(served, store):
    check_pages_and_dereferencing(served[0], store)


def test_same_limits_over_the_remote_store(served):
    url, _ = served
    status, headers, _ = fetch(url, "text/csv", {"query": "SELECT * { ?s ?p ?o }"})
    assert status == 200 and headers["X-SPARQL-Truncated"] == "true"
    status, _, body = fetch(url, "text/csv, text/plain;q=0.5", {"query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert status == 400 and b"SERVICE" in body
    status, _, body = fetch(url, "text/csv, text/plain;q=0.5", {"query": "SELECT * { ?s ?p ?o "})
    assert status == 400 and b"malformed query" in body
    status, _, body = fetch(url, "text/plain", {"update": "DROP ALL"})
    assert status in (400, 403) and b"read-only" in body
    runaway = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, headers, _ = fetch(url, "text/csv, text/plain;q=0.5", {"query": runaway})
    assert status == 503 and "Retry-After" in headers
    assert fetch(url, "text/csv", {"query": "ASK { ?s ?p ?o }"})[0] == 200  # still answering


def test_a_new_build_replaces_the_previous_one(release, tmp_path):
    folder = tmp_path / "ox"
    folder.mkdir()
    with oxigraph_server(folder / "store", folder / "log") as url:
        settings = {"url": url}
        old = tmp_path / "old"
        _fake_release(old, [ox.Quad(ox.NamedNode(BASE + "id/x"), ox.NamedNode(BASE + "ontology#p"), ox.Literal("1"),
                                    ox.NamedNode(BASE + "graph/gone"))], "old@1")
        load_remote(old, settings)
        with pytest.raises(StaleStoreError, match="run `kg build --store"):
            open_remote(release, settings)
        loaded = load_remote(release, settings)
        assert loaded["dropped"] == 1
        store = open_remote(release, settings)  # holds this build now
        graphs = {row["g"].value for row in store.query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")}
        assert BASE + "graph/gone" not in graphs and RELEASE_GRAPH in graphs
        assert not any(g.startswith("urn:landbridge-kg:staging:") for g in graphs)
        embedded = ox.Store.read_only(str(release / "store"))
        assert {str(q) for q in store.quads_for_pattern(None, None, None)} == {str(q) for q in embedded}


def _fake_release(folder: Path, quads: list[ox.Quad], version: str) -> None:
    folder.mkdir()
    inputs, built_at = version.split("@")
    ox.serialize(quads, str(folder / "landbridge.nq"), ox.RdfFormat.N_QUADS)
    (folder / "manifest.json").write_text(f'{{"inputs_sha256": "{inputs}", "built_at": "{built_at}", "base_iri": "{BASE}"}}')


def _kg(built, *args: str) -> subprocess.CompletedProcess:
    env = checkout_environ(KG_PROJECT_ROOT=str(built.root))
    env.pop("KG_STORE", None)
    return subprocess.run(kg(*args), env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("store_url,message", [
    ("http://127.0.0.1:1/query", "cannot be reached"),
    ("http://user:secret@127.0.0.1:1/query", "KG_STORE_USER"),
    ("ftp://127.0.0.1/query", "not an http(s) URL"),
])
def test_bad_store_settings_give_one_line(built, store_url, message):
    result = _kg(built, "serve", "--quiet", "--build-dir", str(built.build), "--store", store_url, "--get", "/")
    assert result.returncode == 2
    lines_ = [ln for ln in result.stderr.splitlines() if ln.strip() and "passed validation" not in ln]
    assert len(lines_) == 1 and message in lines_[0] and "Traceback" not in result.stderr, result.stderr
    assert "secret" not in result.stderr
