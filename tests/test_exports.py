"""The CSV exports: every fact of the default graph as a labelled row (/facts.csv), one entity's (/id/x.csv), as a
spreadsheet opens them (UTF-8 with a byte-order mark) and as Python's csv module reads them back."""

from __future__ import annotations

import csv
import io

import pandas
import pytest

from server import create_app

from .conftest import BASE, select

KH = BASE + "id/kataib-hezbollah"
PREFIXES = """PREFIX lb: <https://landbridge-kg.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# Each (fact, claim) the default graph holds from an asserted claim: what the table must give, one row each.
ASSERTED = PREFIXES + """SELECT DISTINCT ?s ?p ?o ?claim WHERE {
  GRAPH ?claim { ?s ?p ?o } ?claim a lb:Claim ; lb:modality lb:asserted . ?s ?p ?o %s }"""


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build)}).test_client()


def rows_of(body: bytes) -> list[dict[str, str]]:
    """The CSV as Python's csv module reads it, from the text the bytes decode to."""
    assert body.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: a spreadsheet would guess the encoding"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def keys(rows: list[dict[str, str]]) -> set[tuple[str, str, str, str]]:
    return {(r["subject"], r["property"], r["object"], r["claim"]) for r in rows}


def test_facts_csv_has_every_fact_of_the_default_graph_with_its_claim(client, store):
    r = client.get("/facts.csv")
    assert r.status_code == 200
    assert r.mimetype == "text/csv" and "charset=utf-8" in r.headers["Content-Type"]
    assert r.headers["Content-Disposition"].startswith("attachment;")
    rows = rows_of(r.data)
    expected = {(x["s"], x["p"], x["o"], x["claim"]) for x in select(store, ASSERTED % "")}
    assert len(expected) > 900
    assert keys(rows) == expected
    assert len(rows) == len(expected), "a fact and claim twice"
    not_asserted = {x["c"] for x in select(store, PREFIXES + "SELECT ?c { ?c lb:modality ?m FILTER(?m != lb:asserted) }")}
    assert not_asserted and not {r["claim"] for r in rows} & not_asserted


def test_facts_csv_rows_are_labelled_and_carry_their_evidence(client, store):
    rows = rows_of(client.get("/facts.csv").data)
    labelled = {x["x"]: x["l"] for x in select(store, PREFIXES + "SELECT ?x ?l { ?x rdfs:label ?l }")}
    quotes = {x["c"]: x["q"] for x in select(store, PREFIXES + """PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?c ?q { ?c lb:evidence/oa:hasTarget/oa:hasSelector ?s . ?s a oa:TextQuoteSelector ; oa:exact ?q }""")}
    for row in rows:
        for column in ("subject", "property"):
            if row[column] in labelled:
                assert row[column + "_label"], (column, row)
        assert row["object_label"], row
        assert row["quote"] == quotes[row["claim"]]
        assert row["document"].startswith(BASE + "id/document/") and row["document_title"] and row["document_date"]
        assert row["certainty"] in ("stated", "reported", "assessed", "alleged")
    kh = [r for r in rows if r["subject"] == KH]
    assert kh and all(r["subject_label"] == "Kataib Hezbollah" for r in kh)
    # Who a source says a fact comes from is named where the graph knows the entity, not just the words.
    attributed = {x["c"] for x in select(store, PREFIXES + "SELECT ?c { ?c lb:attributedTo ?a }")}
    assert attributed and all(r["attributed_to"] for r in rows if r["claim"] in attributed)


def test_entity_csv_has_the_facts_about_it_both_ways(client, store):
    r = client.get("/id/kataib-hezbollah.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = rows_of(r.data)
    expected = {(x["s"], x["p"], x["o"], x["claim"]) for x in select(store, ASSERTED % f"FILTER(?s = <{KH}> || ?o = <{KH}>)")}
    assert {r["object"] for r in rows if r["subject"] != KH} == {KH}
    assert keys(rows) == expected and len(rows) == len(expected)
    assert client.get("/id/no-such-entity.csv").status_code == 404


def test_csv_round_trips_through_the_csv_module(client):
    body = client.get("/facts.csv").data
    rows = rows_of(body)
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert ("\ufeff" + out.getvalue()).encode("utf-8") == body
    assert any("," in r["quote"] or '"' in r["quote"] or "’" in r["quote"] for r in rows)  # quoting and UTF-8 were exercised


def test_a_spreadsheet_style_reader_opens_it_without_cleanup(client):
    """pandas reads it as a spreadsheet does: the byte-order mark gives the encoding, the header the columns."""
    body = client.get("/facts.csv").data
    frame = pandas.read_csv(io.BytesIO(body), dtype=str, keep_default_na=False)
    rows = rows_of(body)
    assert list(frame.columns) == list(rows[0])
    assert frame.columns[0] == "subject"  # not "\ufeffsubject"
    assert len(frame) == len(rows)
    assert frame.to_dict("records") == rows
    assert not any(cell[:1] in ("=", "+", "@") for row in rows for cell in row.values()), "a cell a spreadsheet reads as a formula"


def test_pages_link_their_tables(client):
    home = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/facts.csv"' in home
    page = client.get("/id/kataib-hezbollah", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/id/kataib-hezbollah.csv"' in page
