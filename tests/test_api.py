"""The graph from Python (kg.api): the current release as a read-only rdflib Dataset, rows as dicts and a DataFrame,
and the evidence of a fact — checked against the curated statements the build read."""

from __future__ import annotations

import pandas
import pytest
import rdflib

from kg import api
from kg.build import load_inputs
from kg.errors import BuildMissingError
from kg.paths import Layout
from kg.statements import EntityRef

from .conftest import BASE, select

LB = "https://landbridge-kg.org/ontology#"


@pytest.fixture(scope="module")
def dataset(built):
    return api.open_release(built.build)


@pytest.fixture(scope="module")
def inputs():
    return load_inputs(Layout())


def test_the_dataset_is_the_release_s_store(dataset, store):
    """The default graph and the named graphs hold what the store holds."""
    for query in ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"):
        assert api.rows(dataset, query) == [{"n": int(select(store, query)[0]["n"])}]
    assert isinstance(dataset, rdflib.Dataset)


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")  # rdflib's own update path
def test_the_dataset_is_read_only(dataset):
    """It reads the store `kg serve` may be serving: a write is refused and changes nothing."""
    before = api.rows(dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with pytest.raises((OSError, RuntimeError)):
        dataset.update(f"INSERT DATA {{ <{BASE}id/x> <{BASE}id/y> <{BASE}id/z> }}")
    assert api.rows(dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before


def test_rows_are_dicts_of_python_values_with_the_project_s_prefixes(dataset, store):
    rows = api.rows(dataset, "SELECT ?m ?label WHERE { ?m a lb:Militia ; rdfs:label ?label } ORDER BY ?label")
    expected = select(store, f"SELECT ?m ?label WHERE {{ ?m a <{LB}Militia> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}")
    assert sorted((r["m"], r["label"]) for r in rows) == sorted((r["m"], r["label"]) for r in expected)
    assert all(isinstance(r["m"], str) for r in rows)
    dated = api.rows(dataset, "SELECT ?d WHERE { ?doc a lb:SourceDocument ; lb:publicationDate ?d } LIMIT 1")
    assert dated and hasattr(dated[0]["d"], "isoformat")  # an xsd:date comes back as a date
    unbound = api.rows(dataset, "SELECT ?x ?y WHERE { BIND(1 AS ?x) }")
    assert unbound == [{"x": 1, "y": None}]
    assert api.rows(dataset, "ASK { ?s a lb:Militia }") == [{"ask": True}]


def test_dataframe_has_a_column_per_variable(dataset):
    query = "SELECT ?m ?label WHERE { ?m a lb:Militia ; rdfs:label ?label }"
    frame = api.dataframe(dataset, query)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["m", "label"]
    assert sorted(frame["label"]) == sorted(r["label"] for r in api.rows(dataset, query))


def test_evidence_gives_each_claim_of_a_fact(dataset, inputs):
    """For every entity-to-entity fact of the curated statements, the evidence lists its statement with the quote,
    document, certainty and modality the statement gives."""
    by_fact: dict[tuple[str, str, str], set[str]] = {}
    statements = {s.id: s for s in inputs.statements}
    for stmt in inputs.statements:
        for fact in stmt.facts:
            if isinstance(fact.object, EntityRef):
                by_fact.setdefault((fact.subject, fact.property.iri, fact.object.id), set()).add(stmt.id)
    checked = 0
    for (s, p, o), ids in sorted(by_fact.items())[::25]:  # a sample across the documents
        found = api.evidence(dataset, f"{BASE}id/{s}", p, f"{BASE}id/{o}")
        assert {e["statement"] for e in found} == ids, (s, p, o)
        for e in found:
            stmt = statements[e["statement"]]
            assert (e["quote"], e["certainty"], e["modality"]) == (stmt.quote, stmt.certainty, stmt.modality)
            assert (e["start"], e["end"]) == (stmt.start, stmt.end)
            assert e["document_title"] == stmt.document.title and e["document_date"] == stmt.document.date
        checked += 1
    assert checked > 10


def test_evidence_takes_prefixed_names_and_rdflib_terms(dataset):
    by_name = api.evidence(dataset, f"{BASE}id/albu-kamal", "lb:locatedIn", f"{BASE}id/syria")
    by_term = api.evidence(dataset, rdflib.URIRef(f"{BASE}id/albu-kamal"), rdflib.URIRef(LB + "locatedIn"),
                           rdflib.URIRef(f"{BASE}id/syria"))
    assert by_name == by_term and by_name


def test_no_claim_no_evidence(dataset):
    """A link from the gazetteer is no claim of a document."""
    link = ("skos:exactMatch", rdflib.URIRef("https://sws.geonames.org/174448/"))
    assert api.rows(dataset, f"ASK {{ <{BASE}id/albu-kamal> skos:exactMatch <https://sws.geonames.org/174448/> }}") == [{"ask": True}]
    assert api.evidence(dataset, f"{BASE}id/albu-kamal", *link) == []


def test_no_build_says_how_to_make_one(tmp_path):
    with pytest.raises(BuildMissingError, match="kg build"):
        api.open_release(tmp_path)


def test_the_readme_example_runs(built, monkeypatch, capsys):
    """The README's Python session runs as written against a build (KG_BUILD_DIR names it)."""
    readme = (Layout().root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The graph from Python", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.setenv("KG_BUILD_DIR", str(built.build))
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    printed = capsys.readouterr().out.splitlines()
    assert printed and all(f"# {line}" in code for line in printed)  # what it prints is what the README shows
    assert namespace["top"] and isinstance(namespace["frame"], pandas.DataFrame)
