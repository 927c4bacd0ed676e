"""Entity data as plain JSON (/id/<name>.json): the entity's facts grouped by property, each with the claims behind it
as the curated statements give them, its links out; linked from the page, apart from JSON-LD and content negotiation."""

from __future__ import annotations

import pytest

from kg.build import load_inputs
from kg.paths import Layout
from server import create_app

from .conftest import BASE, select
from .test_views import Page

HEADING = {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label",
           "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel",
           "https://schema.org/description", "https://landbridge-kg.org/ontology#mentionedIn",
           "http://www.w3.org/2004/02/skos/core#exactMatch"}
SAMPLE = ("albu-kamal", "kataib-hezbollah", "al-qaim-albu-kamal-crossing", "iran", "strike-2018-06-near-albu-kamal")


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build)}).test_client()


@pytest.fixture(scope="module")
def statements():
    return {s.id: s for s in load_inputs(Layout()).statements}


@pytest.mark.parametrize("name", SAMPLE)
def test_facts_are_the_default_graph_s_with_their_claims(client, store, statements, name):
    r = client.get(f"/id/{name}.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    data = r.get_json()
    assert data["id"] == BASE + "id/" + name and data["label"]
    got = {(g["property"]["id"], v["value"].get("id", v["value"].get("value"))): v["evidence"]
           for g in data["facts"] for v in g["values"]}
    expected = {(row["p"], row["o"]) for row in select(store, f"SELECT ?p ?o WHERE {{ <{BASE}id/{name}> ?p ?o }}")
                if row["p"] not in HEADING}
    assert set(got) == expected
    for (p, o), evidence in got.items():
        obj = f"<{o}>" if o.startswith("http") else None
        if obj is None:
            continue
        claims = {row["g"] for row in select(store, f"""SELECT ?g WHERE {{ GRAPH ?g {{ <{BASE}id/{name}> <{p}> {obj} }}
            ?g a <https://landbridge-kg.org/ontology#Claim> }}""")}
        assert {e["claim"] for e in evidence} == claims, (p, o)
        for e in evidence:
            stmt = statements[e["statement"]]
            assert (e["quote"], e["certainty"], e["modality"]) == (stmt.quote, stmt.certainty, stmt.modality)
            assert e["document"]["title"] == stmt.document.title and e["document"]["date"] == stmt.document.date


def test_links_out_are_in_the_json(client, store):
    data = client.get("/id/albu-kamal.json").get_json()
    query = f"SELECT ?o WHERE {{ <{BASE}id/albu-kamal> <http://www.w3.org/2004/02/skos/core#exactMatch> ?o }}"
    expected = {r["o"] for r in select(store, query)}
    assert {link["target"] for link in data["links"]} == expected and expected
    assert all(link["source"] for link in data["links"])


def test_the_page_links_to_its_json_and_json_ld_is_unchanged(client):
    html = Page(client.get("/id/albu-kamal", headers={"Accept": "text/html"}).get_data(as_text=True))
    assert html.by_testid["plain-json"][0]["href"] == "/id/albu-kamal.json"
    assert client.get("/id/albu-kamal.jsonld").mimetype == "application/ld+json"
    assert client.get("/id/albu-kamal", headers={"Accept": "application/ld+json"}).mimetype == "application/ld+json"


def test_an_unknown_entity_is_a_json_404(client):
    r = client.get("/id/no-such-thing.json")
    assert r.status_code == 404 and r.mimetype == "application/json" and "no-such-thing" in r.get_json()["error"]
