"""Row counts read from serialized SELECT results, however the serializer cuts them into chunks."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from server.rows import count_rows, counter

# Values that look like the structure each counter looks for.
TRICKY = ['x\n"y",{},</result><result>\t', '\\"', '"', "[{", ",{", "\\", 'a\\\\"b', "", "é中", "\\\\", '",{"',
          '\\",{\\"', "a\r\nb", '""', "a,{", "b[{", ",{}", "{}", '",{"x":{"type":']
FORMATS = [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
           ("tsv", ox.QueryResultsFormat.TSV), ("csv", ox.QueryResultsFormat.CSV)]


@pytest.fixture(scope="module")
def tricky_store():
    s = ox.Store()
    for i, value in enumerate(TRICKY):
        s.add(ox.Quad(ox.NamedNode(f"http://example.org/{i}"), ox.NamedNode("http://example.org/p"), ox.Literal(value)))
        s.add(ox.Quad(ox.NamedNode(f"http://example.org/{i}"), ox.NamedNode("http://example.org/q"),
                      ox.Literal(value + "[{", language="en")))
    return s


QUERIES = [
    "SELECT ?s ?o WHERE { ?s ?p ?o }",
    "SELECT * {}",  # one solution, no variables
    "SELECT ?x { VALUES ?x { UNDEF UNDEF } }",  # empty solutions
    "SELECT ?s { FILTER(false) }",  # none
    "SELECT ?o ?z WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?z } }",
]


@pytest.mark.parametrize("name,native", FORMATS)
@pytest.mark.parametrize("query", QUERIES)
def test_counts_match_the_native_parser_at_any_chunking(tricky_store, query, name, native):
    data = tricky_store.query(query).serialize(format=native)
    truth = sum(1 for _ in tricky_store.query(query))
    rng = random.Random(query + name)
    splits = [[]] + [[i] for i in range(len(data) + 1)] if len(data) < 400 else [[]]
    splits += [sorted(rng.sample(range(len(data) + 1), min(len(data) + 1, rng.randint(1, 40)))) for _ in range(200)]
    for cuts in splits:
        rows = counter(name)
        previous = 0
        for cut in [*cuts, len(data)]:
            rows.feed(data[previous:cut])
            previous = cut
        assert rows.rows == truth, (cuts, data)
    assert count_rows(name, data) == truth, data


@pytest.mark.parametrize("value", TRICKY)
def test_whole_answers_are_counted_exactly_without_empty_solutions_too(value):
    """Without a `{}` anywhere, JSON is counted by byte counts alone: strings that end like a row's opening do not count."""
    s = ox.Store()
    for i in range(3):
        s.add(ox.Quad(ox.NamedNode(f"http://example.org/{i}"), ox.NamedNode("http://example.org/p"), ox.Literal(value * i)))
    for name, native in FORMATS:
        for query in ("SELECT ?s ?o WHERE { ?s ?p ?o }", "SELECT ?o ?s WHERE { ?s ?p ?o }", "SELECT ?o WHERE { ?s ?p ?o }"):
            data = s.query(query).serialize(format=native)
            assert count_rows(name, data) == 3, data


@pytest.mark.parametrize("name,native", FORMATS)
def test_counts_on_the_real_graph(store, name, native):
    query = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 4000"
    rows = counter(name)

    class Sink:
        def write(self, chunk: bytes) -> int:
            rows.feed(chunk)
            return len(chunk)

        def flush(self) -> None:
            pass

    store.query(query).serialize(Sink(), format=native)
    assert rows.rows == 4000


def test_graph_formats_have_no_row_counter():
    assert counter("turtle") is None and counter("nquads") is None
