"""What the endpoint reads from a query before running it: SERVICE targets, updates, the row cap."""

from __future__ import annotations

import pytest

from server.safety import cap_rows, looks_like_update, query_form, service_targets


def test_service_found_only_as_a_keyword():
    query = 'SELECT * { SERVICE <http://a/sparql> { ?s ?p ?o } ?service a "SERVICE <http://b/>" } # SERVICE <http://c/>'
    assert service_targets(query) == ["<http://a/sparql>"]
    assert service_targets("SELECT * { SERVICE SILENT ?ep { } SERVICE ex:ep { } }") == ["?ep", "ex:ep"]
    assert service_targets("SELECT * { <http://x/SERVICE> ?p 'service' }") == []


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


@pytest.mark.parametrize("query,expected,capped", [
    ("SELECT * { ?s ?p ?o }", "SELECT * { ?s ?p ?o }\nLIMIT 100\n", True),
    ("SELECT * { ?s ?p ?o } LIMIT 10", "SELECT * { ?s ?p ?o } LIMIT 10", False),
    ("SELECT * { ?s ?p ?o } LIMIT 1000 OFFSET 3", "SELECT * { ?s ?p ?o } LIMIT 100 OFFSET 3", True),
    ("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 5 } }", "SELECT * { { SELECT * { ?s ?p ?o } LIMIT 5 } }\nLIMIT 100\n", True),
    ("SELECT * { ?s ?p ?o } VALUES ?s { <a:b> }", "SELECT * { ?s ?p ?o } \nLIMIT 100\nVALUES ?s { <a:b> }", True),
    ("SELECT * { ?s ?p 'LIMIT 5' }", "SELECT * { ?s ?p 'LIMIT 5' }\nLIMIT 100\n", True),
    ("ASK { ?s ?p ?o }", "ASK { ?s ?p ?o }", False),
])
def test_row_cap(query, expected, capped):
    assert cap_rows(query, 100) == (expected, capped)
