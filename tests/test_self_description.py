"""The dataset describes itself honestly: the home page gives the documents' dates as the catalogue has them, and
VoID/DCAT name a publisher and a contact point and give each download's size and SHA-256 (recorded at build)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
import rdflib

from kg.corpus import load_corpus
from kg.paths import PROJECT_ROOT, Layout
from server import create_app

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December")


def app_client(built, **settings):
    return create_app({"BUILD_DIR": str(built.build), **settings}).test_client()


@pytest.fixture(scope="module")
def client(built):
    return app_client(built)


def void_graph(client) -> rdflib.Graph:
    r = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    return rdflib.Graph().parse(data=r.data, format="turtle")


def words(day: str) -> str:
    year, month, d = day.split("-")
    return f"{int(d)} {MONTHS[int(month) - 1]} {year}"


def test_home_page_gives_the_documents_dates_as_the_catalogue_has_them(client):
    layout = Layout(root=PROJECT_ROOT)
    documents = load_corpus(layout.catalogue, layout.seeds).values()
    body = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    said = re.sub(r"<[^>]+>", "", re.search(r'data-testid="document-dates">(.*?)</span>', body, re.S).group(1))
    dated = sorted(d.date for d in documents if d.date)
    undated = [d for d in documents if not d.date]
    assert f"from {words(dated[0])} to {words(dated[-1])}" in said
    assert f"{len(undated)} undated" in said
    for d in undated:
        assert "date not stated" in said and d.title in said
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", body.split("<h2>")[0])}
    latest = max(int(d[:4]) for d in dated)
    assert all(y <= latest or any(d.earliest_date and d.earliest_date.startswith(str(y)) for d in undated) for y in years)
    assert "2019–2024" not in body


def test_void_names_a_publisher_and_a_contact_point(client, release):
    g = void_graph(client)
    ds = rdflib.URIRef(json.loads((release / "manifest.json").read_text())["base_iri"] + ".well-known/void#dataset")
    publisher = g.value(ds, DCTERMS.publisher)
    assert publisher is not None and str(g.value(publisher, FOAF.name))
    contact = g.value(ds, DCAT.contactPoint)
    assert contact is not None and str(g.value(contact, VCARD.fn))
    assert str(g.value(contact, VCARD.hasURL)) == str(ds).split(".well-known")[0]  # the dataset's home page by default


def test_publisher_and_contact_are_settings(built):
    g = void_graph(app_client(built, PUBLISHER="Example Research Group", CONTACT="https://example.org/contact"))
    assert (None, FOAF.name, rdflib.Literal("Example Research Group")) in g
    assert (None, VCARD.hasURL, rdflib.URIRef("https://example.org/contact")) in g
    g = void_graph(app_client(built, CONTACT="mailto:data@example.org"))
    assert (None, VCARD.hasEmail, rdflib.URIRef("mailto:data@example.org")) in g


def test_every_download_has_its_size_and_sha256(client, release):
    g = void_graph(client)
    distributions = list(g.subjects(DCAT.downloadURL, None))
    assert len(distributions) == 3
    for dist in distributions:
        name = str(g.value(dist, DCAT.downloadURL)).rsplit("/", 1)[-1]
        body = client.get(f"/dumps/{name}").data
        assert int(g.value(dist, DCAT.byteSize)) == len(body)
        checksum = g.value(dist, SPDX.checksum)
        assert g.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(g.value(checksum, SPDX.checksumValue)) == hashlib.sha256(body).hexdigest()
    manifest = json.loads((release / "manifest.json").read_text())
    assert set(manifest["downloads"]) == {str(g.value(d, DCAT.downloadURL)).rsplit("/", 1)[-1] for d in distributions}
