"""Synthetic graphs (kg.synthetic): reproducible, of the requested size, laid out as the build lays out the real
graph (modality, the times of states, the default graph as the merge of the metadata graphs and the asserted claims),
valid under the shapes and the QC queries but for the violations planted on purpose, and answering every competency
query."""

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

from kg.ontology import load_ontology
from kg.paths import PROJECT_ROOT, Layout
from kg.synthetic import (
    ANCHORS,
    MODALITIES,
    QUERY_BASE,
    VIOLATION_KINDS,
    competency_queries,
    generate,
    parse_size,
    write_release,
)

BASE = "https://landbridge-kg.org/"
LB = "https://landbridge-kg.org/ontology#"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
METADATA_GRAPHS = {BASE + "graph/" + name for name in ("ontology", "documents", "register", "provenance", "reference-coordinates",
                                                             "geonames")}
MODAL_REGISTER = BASE + "graph/register-modal"
FIXED_GRAPHS = METADATA_GRAPHS | {MODAL_REGISTER}


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


@pytest.mark.slow  # pySHACL over graphs of 10k and 20k triples
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


def _graphs(quads) -> tuple[list, dict[str, set]]:
    default = [(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    by_graph: dict[str, set] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            by_graph.setdefault(q.graph_name.value, set()).add((q.subject, q.predicate, q.object))
    return default, by_graph


def _values(triples, prop: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s, p, o in triples:
        if p.value == prop:
            out.setdefault(s.value, []).append(o.value)
    return out


def _state_triples(triples) -> set:
    """The triples of a claim graph that its state facts wrote: a time-indexed property's fact about what is not an
    event, and the triples of the quantity such a fact has as object."""
    onto = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    indexed = {LB + name for name, prop in onto.properties.items() if prop.time_indexed}
    events = {LB + name for name in onto.classes if onto.is_subclass(LB + name, LB + "Event")}
    typed = {s: o.value for s, p, o in triples if p.value == RDF_TYPE}
    states = {t for t in triples if t[1].value in indexed and typed.get(t[0]) not in events}
    nodes = {o for _, _, o in states}
    return states | {t for t in triples if t[0] in nodes}


def test_the_default_graph_merges_the_metadata_graphs_and_the_asserted_claims(small):
    """As `kg build` makes it: a fact two documents assert is once in the default graph and in two claim graphs; a fact
    only non-asserted claims state, a status a later claim supersedes or a state its claim says ended, is in claim
    graphs only; the register entries
    of entities only non-asserted claims mention are in graph/register-modal, which nothing in the default graph names."""
    plan, quads = small
    assert len(quads) == len(set(quads)), "a quad written twice"
    default, by_graph = _graphs(quads)
    assert len(default) == len(set(default)), "a default-graph triple written twice"
    claims = {g for g in by_graph if g not in FIXED_GRAPHS}
    assert set(by_graph) - claims == FIXED_GRAPHS
    assert len(claims) == plan.stats["claims"] and plan.stats["named_graphs"] == len(claims) + len(FIXED_GRAPHS)
    provenance = by_graph[BASE + "graph/provenance"]
    typed = {s.value for s, p, o in provenance if p.value == RDF_TYPE and o.value == LB + "Claim"}
    assert claims == typed
    modality = _values(provenance, LB + "modality")
    assert set(modality) == claims and all(len(v) == 1 for v in modality.values())
    asserted = {g for g in claims if modality[g] == [LB + "asserted"]}
    superseded = set(_values(provenance, LB + "supersededBy"))
    assert len(superseded) == plan.stats["superseded_claims"]
    assert superseded <= asserted
    held_back = {(g, t) for g in superseded for t in by_graph[g] if t[1].value == LB + "status"}
    # a state an asserted claim says ended (lb:validUntil) is no fact now: its triples, a quantity's too, stay in its graph
    ended = set(_values(provenance, LB + "validUntil")) & asserted
    held_back |= {(g, t) for g in ended for t in _state_triples(by_graph[g])}
    merged = set().union(*(by_graph[g] for g in METADATA_GRAPHS))
    merged |= {t for g in asserted for t in by_graph[g] if (g, t) not in held_back}
    assert set(default) == merged
    assert {t for g in claims - asserted for t in by_graph[g]} - set(default), "no fact only a non-asserted claim states"
    modal_entities = {s for s, p, o in by_graph[MODAL_REGISTER]}
    assert modal_entities and len(modal_entities) == plan.stats["register_modal_entities"]
    assert not any(s in modal_entities or o in modal_entities for s, _, o in default)
    registered = {s for s, p, o in by_graph[BASE + "graph/register"]}
    referred = {term for s, p, o in default if (s, p, o) not in by_graph[BASE + "graph/register"] for term in (s, o)}
    assert registered <= referred, "an entity in graph/register that the default graph does not refer to"
    # Facts two documents support: once in the default graph, in claim graphs of two documents.
    derived = {s.value: o.value for s, p, o in provenance if p.value == PROV + "wasDerivedFrom"}
    support = Counter()
    for g in claims:
        for fact in by_graph[g]:
            support[fact, derived[g]] += 1
    shared = Counter(fact for fact, _ in support)
    assert sum(1 for n in shared.values() if n > 1) >= 10


@pytest.mark.parametrize("query", sorted(p.stem for p in (PROJECT_ROOT / "ontology" / "qc").glob("*-violation.rq")))
def test_the_qc_queries_find_nothing(query, small_store):
    """The planted violations break shapes only: named-graph-only, default-graph-only, non-asserted-fact and the other
    QC queries of `kg validate` report nothing."""
    rows = list(small_store.query((PROJECT_ROOT / "ontology" / "qc" / f"{query}.rq").read_text(encoding="utf-8")))
    assert not rows, [str(r) for r in rows[:3]]


def test_the_modalities_follow_the_real_graphs_mix():
    plan = generate("100k")
    for _ in plan.chunks():
        pass
    counts = plan.stats["statements_per_modality"]
    total, real = sum(counts.values()), sum(n for _, n in MODALITIES)
    assert set(counts) == {m for m, _ in MODALITIES}
    assert abs(counts["asserted"] / total - MODALITIES[0][1] / real) < 0.01
    for name, n in MODALITIES[1:]:
        assert abs(counts[name] / total - n / real) < 0.015, name
    assert plan.stats["register_modal_entities"] >= len(plan.modal) > 0


def test_claims_of_states_carry_their_time_and_documents_their_dates(small):
    """A claim stating a state (a time-indexed property of what is not an event) carries the time the text gives
    (lb:holdsAt/From/Until, with lb:validFrom or lb:validUntil) or, asserted or denied, the document's date as lb:asOf and
    lb:validFrom (lb:asOfNotBefore for a document without a date); a claim of events carries none. A day without a
    year is lb:monthDay with its lb:dateNotBefore, never an lb:date."""
    plan, quads = small
    onto = load_ontology(Layout().ontology)
    time_indexed = {p.iri for p in onto.properties.values() if p.time_indexed}
    _, by_graph = _graphs(quads)
    types = {s.value: o.value for g in (BASE + "graph/register", MODAL_REGISTER) for s, p, o in by_graph[g]
             if p.value == RDF_TYPE}
    provenance, documents = by_graph[BASE + "graph/provenance"], by_graph[BASE + "graph/documents"]
    props: dict[str, dict[str, list[str]]] = {}
    for s, p, o in provenance:
        props.setdefault(s.value, {}).setdefault(p.value.removeprefix(LB), []).append(o.value)
    published = {d: v[0] for d, v in _values(documents, LB + "publicationDate").items()}
    earliest = {d: v[0] for d, v in _values(documents, LB + "earliestDate").items()}
    states = 0
    for claim in (g for g in by_graph if g not in FIXED_GRAPHS):
        mine = props[claim]
        state = any(p.value in time_indexed and not onto.is_subclass(types[s.value], LB + "Event")
                    for s, p, o in by_graph[claim])
        holds = [k for k in ("holdsAt", "holdsFrom", "holdsUntil") if k in mine]
        if not state:
            assert not holds and not {"asOf", "asOfNotBefore", "validFrom", "validUntil"} & set(mine), claim
            continue
        states += 1
        document = mine[PROV + "wasDerivedFrom"][0]
        if holds:
            assert ("validFrom" in mine) == ("holdsAt" in holds or "holdsFrom" in holds), claim
            assert ("validUntil" in mine) == ("holdsUntil" in holds), claim
        elif mine["modality"][0] in (LB + "asserted", LB + "denied"):
            if document in published:
                assert mine["asOf"] == mine["validFrom"] == [published[document]], claim
            else:
                assert mine["asOfNotBefore"] == [earliest[document]], claim
        else:
            assert not {"asOf", "asOfNotBefore", "validFrom"} & set(mine), claim
    assert states
    # Every document has its primary source; one without a date has the earliest it can have.
    sources = _values(documents, LB + "primarySource")
    assert set(sources) == set(published) | set(earliest) and all(len(v) == 1 for v in sources.values())
    assert earliest and not set(earliest) & set(published)
    gmonthday = "http://www.w3.org/2001/XMLSchema#gMonthDay"
    for q in quads:
        if q.predicate.value == LB + "date":
            assert q.object.datatype.value != gmonthday
        if q.predicate.value == LB + "monthDay" and not isinstance(q.graph_name, ox.DefaultGraph):
            assert q.object.datatype.value == gmonthday
            assert any(t[0] == q.subject and t[1].value == LB + "dateNotBefore" for t in by_graph[q.graph_name.value])


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


@pytest.mark.slow  # generates and writes a synthetic release of 10k triples
def test_a_release_is_served_by_the_app(tmp_path):
    from server import create_app

    plan = generate(10_000)
    release = write_release(plan, tmp_path / "build").path
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["synthetic"]["expected_violations"] == plan.expected_violations
    assert (tmp_path / "build" / "current").resolve() == release
    client = create_app({"BUILD_DIR": str(tmp_path / "build"), "TESTING": True}).test_client()
    query = competency_queries()["01-militias-controlling-crossings"]
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.get_json()["results"]["bindings"]
    assert client.get("/dumps/landbridge.nq.gz").status_code == 200
    # and searched: its stand-ins by their labels, with the same links as the real graph's
    label = next(row["l"].value for row in ox.Store.read_only(str(release / "store")).query(
        "SELECT ?l { GRAPH ?g { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } } ORDER BY ?l LIMIT 1"))
    hits = client.get("/search", query_string={"q": label, "format": "json"}).get_json()["hits"]
    assert hits and hits[0]["title"] == label and client.get(hits[0]["url"]).status_code == 200


def test_synthetic_data_never_goes_into_the_projects_build():
    with pytest.raises(ValueError):
        write_release(generate(10_000), PROJECT_ROOT / "build")
