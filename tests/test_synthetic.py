"""Synthetic graphs (kg.synthetic): reproducible, of the requested size, laid out as the build lays out the real
graph, valid under the shapes but for the violations planted on purpose, and answering every competency query."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib

from kg.paths import PROJECT_ROOT, Layout
from kg.synthetic import ANCHORS, QUERY_BASE, VIOLATION_KINDS, competency_queries, generate, parse_size, write_release

BASE = "https://landbridge-kg.org/"
LB = "https://landbridge-kg.org/ontology#"
FIXED_GRAPHS = {BASE + "graph/" + name for name in ("ontology", "documents", "register", "provenance", "reference-coordinates")}


@pytest.fixture(scope="module")
def small():
    """The 10k dataset: its plan and its quads."""
    plan = generate(10_000)
    quads = list(plan.quads())
    return plan, quads


@pytest.fixture(scope="module")
def small_store(small) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(small[1])
    return store


SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def default_graph(plan) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data="".join(default for _, default in plan.chunks()), format="nt")
    return graph


def pyshacl_results(data: rdflib.Graph) -> list:
    """pySHACL's results on the default graph, run as `kg validate` runs it (no inference, advanced features)."""
    shapes = rdflib.Graph().parse(Layout().shapes, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return list(report.objects(None, SH.result))


def test_the_same_size_and_seed_give_the_same_bytes_and_another_seed_others(tmp_path):
    paths = {name: tmp_path / f"{name}.nq.gz" for name in ("a", "b", "c")}
    generate(10_000, seed=7).write(paths["a"])
    generate(10_000, seed=7).write(paths["b"])
    generate(10_000, seed=8).write(paths["c"])
    assert paths["a"].read_bytes() == paths["b"].read_bytes()
    assert paths["a"].read_bytes() != paths["c"].read_bytes()


def test_the_command_line_writes_the_same_bytes_in_another_process(tmp_path):
    generate(10_000, seed=7).write(tmp_path / "here.nq.gz")
    env = dict(os.environ, PYTHONHASHSEED="12345")  # no reliance on the order of sets or hashes
    out = subprocess.run([sys.executable, "-m", "kg.synthetic", "--triples", "10k", "--seed", "7", "--out",
                          str(tmp_path / "there.nq.gz")], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    summary = json.loads(out.stdout)
    assert (tmp_path / "here.nq.gz").read_bytes() == (tmp_path / "there.nq.gz").read_bytes()
    assert summary["expected_violations"] == generate(10_000, seed=7).expected_violations
    assert abs(summary["triples_written"] - 10_000) <= 200


@pytest.mark.parametrize("size", ["10k", "20k"])
def test_the_size_is_within_two_percent_of_the_request(size):
    plan = generate(size)
    text = "".join(plan.lines())
    written = text.count("\n")
    assert written == plan.stats["quads"] == plan.summary()["triples_written"]
    assert abs(written - parse_size(size)) <= 0.02 * parse_size(size)


@pytest.mark.parametrize("size,planted", [(10_000, True), (20_000, True), (20_000, False)],
                         ids=["10k", "20k", "20k-no-violations"])
def test_pyshacl_reports_exactly_the_planted_violations(size, planted):
    plan = generate(size, violations=planted)
    results = pyshacl_results(default_graph(plan))
    assert len(results) == plan.expected_violations
    if planted:
        assert plan.expected_violations >= len(VIOLATION_KINDS)
        assert all(n >= 1 for n in plan.summary()["violations_by_kind"].values())
    else:
        assert plan.expected_violations == 0


def test_the_store_side_validator_finds_the_same_violations(small, small_store):
    """What `kg validate` runs on the store (the shapes compiled to SPARQL) agrees with pySHACL on the planted ones."""
    shacl_sparql = pytest.importorskip("kg.shacl_sparql")
    shapes = rdflib.Graph().parse(Layout().shapes, format="turtle")
    _, results, _ = shacl_sparql.validate_store(small_store, shapes)
    assert len(results) == small[0].expected_violations


@pytest.mark.parametrize("name", sorted(competency_queries()))
def test_every_competency_query_has_an_answer_on_10k(name, small_store):
    assert list(small_store.query(competency_queries()[name])), name


def test_the_queries_name_no_entity_without_a_synthetic_stand_in():
    named = set()
    for path in sorted((PROJECT_ROOT / "ontology" / "queries").glob("*.rq")):
        named |= set(re.findall(re.escape(QUERY_BASE) + r"id/([a-z0-9-]+)>", path.read_text(encoding="utf-8")))
    assert named <= set(ANCHORS), named - set(ANCHORS)
    for text in competency_queries().values():
        assert QUERY_BASE + "id/" not in text.replace(QUERY_BASE + "id/synthetic/", "")


def test_the_default_graph_is_the_set_merge_and_every_fact_sits_in_a_claim_graph(small):
    plan, quads = small
    assert len(quads) == len(set(quads)), "a quad written twice"
    default = [(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    assert len(default) == len(set(default)), "a default-graph triple written twice"
    by_graph: dict[str, set] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            by_graph.setdefault(q.graph_name.value, set()).add((q.subject, q.predicate, q.object))
    assert set(default) == set().union(*by_graph.values())
    claims = {g for g in by_graph if g not in FIXED_GRAPHS}
    assert set(by_graph) - claims == FIXED_GRAPHS
    assert len(claims) == plan.stats["claims"] and plan.stats["named_graphs"] == len(claims) + len(FIXED_GRAPHS)
    facts = set().union(*(by_graph[g] for g in claims))
    assert facts <= set(default)
    # Each claim graph is a claim, with its document and evidence in graph/provenance.
    provenance = by_graph[BASE + "graph/provenance"]
    typed = {s.value for s, p, o in provenance if p.value.endswith("#type") and o.value == LB + "Claim"}
    assert claims == typed
    # Facts two documents support: once in the default graph, in claim graphs of two documents.
    derived = {s.value: o.value for s, p, o in provenance if p.value == "http://www.w3.org/ns/prov#wasDerivedFrom"}
    support = Counter()
    for g in claims:
        for fact in by_graph[g]:
            support[fact, derived[g]] += 1
    shared = Counter(fact for fact, _ in support)
    assert sum(1 for n in shared.values() if n > 1) >= 10


def test_everything_is_synthetic_and_under_the_base(small):
    _, quads = small
    for q in quads:
        for term in (q.subject, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode) and term.value.startswith(BASE) and "/ontology" not in term.value:
                assert re.match(rf"^{re.escape(BASE)}(id/synthetic|graph)/[a-z0-9/-]+$", term.value), term.value
        assert not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
    labels = [q.object.value for q in quads if q.predicate.value == "http://www.w3.org/2004/02/skos/core#prefLabel"
              and q.subject.value.startswith(BASE + "id/synthetic/")]
    assert labels and all(label.startswith("Synthetic ") for label in labels)


def test_a_release_is_served_by_the_app(tmp_path):
    from server import create_app

    plan = generate(10_000)
    release = write_release(plan, tmp_path / "build")
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["synthetic"]["expected_violations"] == plan.expected_violations
    assert (tmp_path / "build" / "current").resolve() == release
    client = create_app({"BUILD_DIR": str(tmp_path / "build"), "TESTING": True}).test_client()
    query = competency_queries()["01-militias-controlling-crossings"]
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.get_json()["results"]["bindings"]
    assert client.get("/dumps/landbridge.nq.gz").status_code == 200


def test_synthetic_data_never_goes_into_the_projects_build():
    with pytest.raises(ValueError):
        write_release(generate(10_000), PROJECT_ROOT / "build")
