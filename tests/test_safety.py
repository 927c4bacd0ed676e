"""What the endpoint decides about a query before the engine runs it, and that it decides as the engine
would: SERVICE is what the engine's parser takes for the keyword, not what a pattern finds in the text."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.remote import check_syntax
from server import create_app
from server.safety import looks_like_update, mask, nesting, query_form, refused_service

REFUSE_ALL = lambda iri: False  # noqa: E731


@pytest.fixture(scope="module")
def decoy():
    """A loopback SPARQL 'service' that records every request and answers one empty solution."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            hits.append(self.path)
            body = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.do_GET()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build), "TESTING": True, "RESULT_CACHE_MB": 0, "QUOTA_SECONDS": 0}).test_client()


def engine_calls(query: str, hits: list[str]) -> bool | None:
    """Whether the engine, left to itself, sends a request when it runs the query (None: it refuses the text)."""
    before = len(hits)
    try:
        results = ox.Store().query(query)
        if isinstance(results, (ox.QuerySolutions, ox.QueryTriples)):
            for _ in results:
                pass
    except SyntaxError:
        return None
    except (OSError, RuntimeError, ValueError):
        pass  # the service's answer did not fit; what matters is whether it was asked
    return len(hits) > before


def test_the_engine_spells_keywords_in_ascii_letters_only(decoy):
    url, hits = decoy
    assert engine_calls(f"SELECT * {{ SeRvIcE <{url}/a> {{ }} }}", hits)
    for spelling in ("\u017fERVICE", "SERV\u0130CE", "\\u0053ERVICE", "SERVICE\u200b"):  # long s, dotted I, escape, zero width
        assert engine_calls(f"SELECT * {{ {spelling} <{url}/a> {{ }} }}", hits) is None, spelling


@pytest.mark.parametrize("template", [
    "SELECT * {{ SERVICE <{url}/sparq\\u006C> {{ ?s ?p ?o }} }}",  # an escape inside the IRI
    "SELECT * {{ VALUES ?x {{ 1 }} ?s ?p 1SERVICE <{url}/x> {{ }} }}",  # a digit glued to the keyword
    "SELECT * {{ VALUES ?x {{ 1 }} BIND(<http://a/\u00a0#> AS ?i) SERVICE <{url}/x> {{ }} }}",  # a no-break space, then '#'
    "PREFIX d: <{url}/\\u0078/> SELECT * {{ SERVICE <{url}/y> {{ }} }}",  # an escape in a PREFIX IRI
    "SELECT * {{ SERVICE\t#c\n<{url}/x> {{ }} }}",
    "SELECT * {{ {{ }} UNION {{ SERVICE SILENT <{url}/x> {{ }} }} }}",
    "ASK {{ SERVICE <{url}/x> {{ }} }}",
    "PREFIX d: <{url}/> SELECT * {{ SERVICE d:x {{ }} }}",
    "BASE <{url}/> SELECT * {{ SERVICE <x> {{ }} }}",
])
def test_what_reached_the_decoy_is_refused_and_reaches_nothing(client, decoy, template):
    url, hits = decoy
    query = template.format(url=url)
    assert engine_calls(query, hits), "the engine itself calls out: the case is real"
    before = len(hits)
    for response in (client.get("/sparql", query_string={"query": query}), client.post("/sparql", data={"query": query})):
        assert response.status_code == 400, (response.status_code, response.data)
        assert b"SERVICE" in response.data
    assert len(hits) == before


def test_a_variable_or_relative_endpoint_is_refused_too(client, decoy):
    """The engine may not call these itself today; the endpoint refuses them all the same."""
    url, hits = decoy
    before = len(hits)
    for query in (f"SELECT * {{ VALUES ?e {{ <{url}/x> }} SERVICE ?e {{ }} }}", "SELECT * { SERVICE <x> {} }"):
        assert client.get("/sparql", query_string={"query": query}).status_code == 400
    assert len(hits) == before


def test_the_word_elsewhere_is_no_service(client, decoy):
    url, hits = decoy
    for query in ('SELECT * { ?s ?p "SERVICE <%s/x> {}" }' % url, "SELECT ?service { ?service ?p ?o } LIMIT 1",
                  "PREFIX service: <http://e/> SELECT * { ?s service:p ?o } LIMIT 1",
                  "SELECT * { ?s ?p ?o # SERVICE <%s/x> {}\n } LIMIT 1" % url,
                  "SELECT * { <%s/SERVICE> ?p ?o }" % url, 'SELECT (1 AS ?service) (2 AS ?SERVICE) {}'):
        before = len(hits)
        response = client.get("/sparql", query_string={"query": query})
        assert response.status_code == 200, (query, response.data)
        assert len(hits) == before


def test_a_malformed_query_with_the_word_gets_the_engines_message(client):
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o # service\n"})
    assert response.status_code == 400
    assert b"malformed query" in response.data


def test_an_allow_listed_endpoint_is_admitted_and_others_are_not():
    admits = lambda iri: iri.startswith("https://query.example.org/")  # noqa: E731
    ok = "SELECT * { SERVICE <https://query.example.org/sparql> { ?s ?p ?o } }"
    assert refused_service(ok, admits, check_syntax) is None
    for query in ("SELECT * { SERVICE <https://query.example.org/sparql> {} SERVICE <http://127.0.0.1/x> {} }",
                  "SELECT * { SERVICE <https://query.example.org/\\u0073parql> {} }",
                  "PREFIX q: <https://query.example.org/> SELECT * { SERVICE q:sparql {} }"):
        refusal = refused_service(query, admits, check_syntax)
        assert refusal is not None and refusal.syntax_error is None, query


# Fragments an attacker or a careless client may put together: escapes, odd white space and Unicode,
# comments, strings, names and keywords glued to other tokens. Each is a valid part of a group pattern
# on its own, so that many of the queries parse and the interesting ones (the engine calls out) occur.
_SPACES = st.sampled_from([" ", " ", "\t", "\n", "\r\n", "  ", "#x\n", " # c\n", "\u00a0", "\u2003"])
_KEYWORD = st.sampled_from(["SERVICE", "service", "Service", "SeRvIcE", "SERVICE SILENT", "service silent",
                            "SERV\\u0049CE", "\u017fervice"])
_BEFORE = st.sampled_from(["", "", "?s ?p 1", "?s ?p ?o .", "{ }", "FILTER(true)", "OPTIONAL { }", "?s ?p ?o.",
                           "MINUS { }", "?s ?p 2.5", "BIND(1 AS ?b)"])
_AROUND = st.sampled_from([
    "", '?s ?p "SERVICE" .', "?s ?p 'a SERVICE <{url}/q> {{ }} b' .", '?s ?p """SERVICE\n""" .', "BIND(1 AS ?service)",
    "VALUES ?v {{ 1 }}", "# SERVICE <{url}/c> {{ }}\n", "?s <http://a/\u00a0#> ?o .", "?s <http://a/\\u0023x> ?o .",
    "FILTER(true)", "?service ?p ?o .", "?s ?p <{url}/SERVICE> .",
])


def _target(url: str):
    return st.sampled_from([f"<{url}/x>", f"<{url}/x>", f"<{url}/sparq\\u006C>", "?e", "d:x", "<x>", f"< {url}/x>",
                            f"<{url}/a#b>"])


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_queries_never_reach_the_decoy(client, decoy, data):
    """Whatever the engine would run as SERVICE is refused, and the decoy hears nothing from the endpoint."""
    url, hits = decoy
    body = " ".join([
        data.draw(_AROUND).format(url=url), data.draw(_BEFORE) + data.draw(_KEYWORD) + data.draw(_SPACES)
        + data.draw(_target(url)) + data.draw(_SPACES) + "{ }", data.draw(_AROUND).format(url=url),
    ])
    query = f"PREFIX d: <{url}/> BASE <{url}/> SELECT * {{ VALUES ?e {{ <{url}/x> }} {body} }}"
    runs_service = engine_calls(query, hits)
    before = len(hits)
    response = client.get("/sparql", query_string={"query": query})
    assert len(hits) == before, query
    if runs_service:
        assert response.status_code == 400, (query, response.status_code)
    elif runs_service is False:  # the engine parses it and calls nothing: it is answered
        assert response.status_code in (200, 400), (query, response.data)


@pytest.mark.parametrize("text,update", [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", True),
    ("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }", True),
    ("# a comment\n load <http://example.org/data>", True),
    ("WITH <g:1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
    ("SELECT * { ?s <http://x/insert> ?o }", False),
    ("PREFIX drop: <http://x/> SELECT * { ?s drop:x ?o }", False),
])
def test_updates_are_recognised(text, update):
    assert looks_like_update(text) is update


def test_query_form():
    assert query_form("# c\nPREFIX x: <y> BASE <z> construct {} where {}") == "CONSTRUCT"
    assert query_form("ASK {}") == "ASK"
    assert query_form("DROP ALL") is None


def test_nesting_is_measured_outside_strings_iris_and_comments():
    assert nesting("SELECT * { ?s ?p ?o }") == (1, 0)
    assert nesting('SELECT * { ?s ?p "(((((" FILTER((1)) } # [[[[') == (3, 0)
    assert nesting("SELECT * { ?s ?p [ ?q [ ?r 1 ] ] }") == (3, 2)


_PIECES = st.sampled_from(["PREFIX ", "BASE ", "prefix", "ex:", ":", "-", " ", "\n", "\t", "<http://x.org/a#>", "<>", "<a b>",
                           "# c\n", "#", "'s'", '"q"', '"""l\n"""', "SELECT", "select", "SELECTx", "ASK", "ASK:", "CONSTRUCT",
                           "describe", "INSERT", "DELETE", "WITH", "LOAD", "{", "}", "?s", "ex:a"])


def _masked_reading(text: str) -> tuple[str | None, bool]:
    """The form and update reading on the text with its strings, IRIs and comments masked: the reference."""
    masked = mask(text)
    body = re.sub(r"^\s*(?:(?:BASE|PREFIX)\s+(?:[\w-]*:\s*)?<\s*>\s*)*", "", masked, flags=re.I)
    form = re.match(r"(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:-])", body, re.I)
    update = re.match(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:-])", body, re.I)
    return (form.group(1).upper() if form else None), bool(update)


@settings(max_examples=300, derandomize=True)
@given(st.lists(_PIECES, max_size=9).map("".join))
@example("PREFIX ex:<a b>SELECT * {}")
@example("PREFIX ex: <http://x.org/a#> # c\nSELECT * {}")
@example("BASE <>ASK{}")
@example("prefix : <'>\nINSERT DATA {}")
def test_the_form_read_from_a_plain_prologue_is_the_form_read_with_everything_masked(text):
    assert (query_form(text), looks_like_update(text)) == _masked_reading(text)
