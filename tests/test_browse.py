"""Browsing by class: counts include subclasses and say so, every class with instances is reachable from the home
page, and the home page, /browse and the dataset description say what each of their counts counts."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from server import create_app

from .conftest import BASE, select

LB = "https://landbridge-kg.org/ontology#"
RDFS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@pytest.fixture(scope="module")
def client(built):
    return create_app({"BUILD_DIR": str(built.build)}).test_client()


def html(client, path: str) -> str:
    r = client.get(path, headers={"Accept": "text/html"})
    assert r.status_code == 200, path
    return r.get_data(as_text=True)


def browse_path(cls: str) -> str:
    return "/browse?class=" + quote(cls, safe=":/")


def listed(page: str) -> set[str]:
    """The pages the instance list links to."""
    (items,) = re.findall(r'<ul data-testid="instances">(.*?)</ul>', page, re.S)
    return set(re.findall(r'<li><a href="([^"]+)"', items))


def test_a_class_counts_the_instances_of_its_subclasses(client, store):
    designations = {r["e"] for r in select(store, f"SELECT ?e {{ ?e a <{LB}TerroristDesignation> }}")}
    direct = {r["e"] for r in select(store, f"SELECT ?e {{ ?e a <{LB}Sanction> }}")}
    assert designations and not designations <= direct  # the designation is a sanction only through the subclass
    page = html(client, browse_path(LB + "Sanction"))
    shown = {BASE + p.removeprefix("/") for p in listed(page)}
    assert shown == direct | designations
    count = re.search(r'data-testid="instance-count"><b>(\d+)</b>', page)
    assert count and int(count.group(1)) == len(direct | designations)
    assert "subclasses included" in page and "Terrorist designation" in page


def test_home_page_reaches_every_class_with_instances_and_its_counts_agree_with_browse(client, store):
    page = html(client, "/")
    on_home = {c: int(n) for c, n in re.findall(r'data-class="([^"]+)" data-count="(\d+)"', page)}
    with_instances = {r["c"] for r in select(store, RDFS + f"""SELECT DISTINCT ?c {{ ?e a/rdfs:subClassOf* ?c
        FILTER(STRSTARTS(STR(?c), "{LB}")) }}""")}
    assert len(with_instances) > 30
    assert set(on_home) == with_instances
    assert "includes the instances of the subclasses" in page
    for cls in (LB + "Sanction", LB + "Organization", LB + "Event", LB + "Crossing"):
        browse = html(client, browse_path(cls))
        assert len(listed(browse)) == on_home[cls], cls
        assert f'href="{browse_path(cls).replace("#", "%23")}"' in page


def test_each_count_says_what_it_counts(client, release, store):
    import json

    stats = json.loads((release / "stats.json").read_text())
    home = html(client, "/")
    register = select(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ GRAPH <{BASE}graph/register> {{ ?s a ?c }} }}")[0]["n"]
    assert re.search(rf"<b>{stats['entities']}</b> entities\s+in the register: {register} the asserted facts concern", home)
    subjects = select(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s)) }")[0]["n"]
    assert f"{subjects} distinct subjects" in home and "void:entities" in home
    dataset = html(client, "/.well-known/void")
    assert f"{subjects} subjects" in dataset and "the home page's count" in dataset
    assert re.search(rf"<b>{stats['facts']}</b> facts from <b>{stats['statements']}</b> quoted statements", home)
    assert f"{stats['facts_per_modality']['asserted']} asserted" in home


def test_every_class_on_the_home_page_lists_its_instances(client):
    """Including classes whose instances have no label (a claim's evidence), listed by IRI."""
    page = html(client, "/")
    for cls, count in re.findall(r'data-class="([^"]+)" data-count="(\d+)"', page):
        assert len(listed(html(client, browse_path(cls)))) == int(count), cls
